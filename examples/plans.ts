// The plan documents of examples/plans/, end to end: the 日事清 plan as stated, linted (its known
// contradictions); the same plan fixed, built (every sum exact), tracked to mid-year against
// generated daily actuals (written to examples/plans/rishiqing-2024-actuals.csv), and replanned
// from July; then a retailer's 2027 plan, built on a provisional calendar.
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import {
  type ActualRow,
  buildPlan,
  chinaCalendar,
  type Finding,
  formatAmount,
  formatPercent,
  lintPlan,
  listDays,
  type Plan,
  replan,
  trackPlan,
} from "targetree";
import { heading, printTable } from "./_lib/table.js";

const dir = fileURLToPath(new URL("./plans/", import.meta.url));

function lintFile(file: string, title: string): Finding[] {
  heading(`${title} — lintPlan(examples/plans/${file})`);
  const findings = lintPlan(readFileSync(`${dir}${file}`, "utf8"));
  if (findings.length === 0) {
    console.log("No findings.");
    return findings;
  }
  printTable(
    ["severity", "code", "path"],
    findings.map((finding) => [
      finding.severity,
      finding.code,
      finding.path
        .map((part, i) => (typeof part === "number" ? `[${part}]` : i === 0 ? part : `.${part}`))
        .join(""),
    ]),
  );
  for (const finding of findings) {
    console.log(`\n${finding.severity.toUpperCase()} ${finding.code}: ${finding.message}`);
    for (const option of finding.fix) console.log(`  fix (${option.action}): ${option.message}`);
  }
  const errors = findings.filter((finding) => finding.severity === "error").length;
  const warnings = findings.filter((finding) => finding.severity === "warning").length;
  console.log(
    `\n${errors} error(s), ${warnings} warning(s), ${findings.length - errors - warnings} info.`,
  );
  return findings;
}

const wan = (amount: string): string => formatAmount(amount, { scale: "万", digits: 1 });
const percent = (ratio: string | null): string =>
  ratio === null ? "—" : formatPercent(ratio, { digits: 1 });

/** The nodes down to `depth`, each with its targets by quarter: the summary a manager reads. */
function printPlan(plan: Plan, depth: number): void {
  const quarters = plan.periods.filter((period) => period.grain === "quarter");
  printTable(
    ["node", "target", ...quarters.map((quarter) => quarter.label)],
    plan.nodes
      .filter((node) => node.level <= depth)
      .map((node) => [
        `${"  ".repeat(node.level)}${node.name}`,
        wan(node.target),
        ...quarters.map((quarter) => wan(node.targets[quarter.label]!)),
      ]),
  );
}

lintFile("rishiqing-2024.json", "日事清 2024, as the article states it");
lintFile("rishiqing-2024-fixed.json", "日事清 2024, each contradiction resolved");

heading("日事清 2024 — buildPlan(examples/plans/rishiqing-2024-fixed.json)");
const plan = buildPlan(readFileSync(`${dir}rishiqing-2024-fixed.json`, "utf8"));
const all = plan.periods[0]!;
console.log(
  `${plan.name}: ${wan(plan.target)} over ${all.workingDays} working days (${plan.start} – ${plan.end}), ${plan.nodes.length} nodes × ${plan.periods.length} periods, by ${plan.basis}.`,
);
printPlan(plan, 2);
const zhang = plan.nodes.find((node) => node.node === "E001")!;
const activity = zhang.activity!;
console.log(
  `\n${zhang.name} (${zhang.path}): ${wan(zhang.target)} → ${activity.wins} new customers at 8,000 each; ` +
    `${activity.funnel.map((stage) => `${stage.count} ${stage.stage} (${stage.perWorkingDay}/working day)`).join(", ")}; ` +
    `the customer cadence needs ${activity.cadenceVisits} visits (${activity.cadenceVisitsPerWorkingDay}/working day).`,
);
const sumsExact = plan.nodes.every((node) =>
  node.children.length === 0
    ? true
    : plan.periods.every(
        (period) =>
          node.children
            .map((child) => plan.nodes.find((n) => n.node === child)!.targets[period.label]!)
            .reduce((sum, value) => sum + Math.round(Number(value) * 100), 0) ===
          Math.round(Number(node.targets[period.label]) * 100),
      ),
);
console.log(`Every parent equals its children's sum in every period: ${sumsExact}.`);

// Daily actuals for every person to mid-year: a seeded generator (the same rows every run), each
// day between 40% and 130% of the person's pace, written as CSV (node,date,actual).
heading('日事清 2024 — trackPlan(plan, actuals, { asOf: "2024-06-30" })');
let state = 20240630;
const random = (): number => {
  state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
  return state / 2 ** 32;
};
const days = listDays("2024-01-01", "2024-06-30", chinaCalendar())
  .days.filter((day) => day.working)
  .map((day) => day.date);
const actuals: ActualRow[] = [];
for (const person of plan.nodes.filter((node) => node.children.length === 0)) {
  const pace = Number(person.target) / all.workingDays;
  // Some people are strong, some struggle: a personal factor, then daily noise.
  const form = 0.35 + random() * 0.9;
  for (const date of days) {
    actuals.push({
      node: person.node,
      date,
      actual: Math.round(pace * form * (0.7 + random() * 0.6)),
    });
  }
}
writeFileSync(
  `${dir}rishiqing-2024-actuals.csv`,
  `node,date,actual\n${actuals.map((row) => `${row.node},${row.date},${row.actual}`).join("\n")}\n`,
);
console.log(`${actuals.length} rows written to examples/plans/rishiqing-2024-actuals.csv.`);
const tracking = trackPlan(plan, actuals, { asOf: "2024-06-30" });
console.log(
  `As of ${tracking.asOf}: time progress ${percent(tracking.periods[0]!.timeProgress)} (working days ${tracking.periods[0]!.workingDaysElapsed} of ${all.workingDays}).`,
);
printTable(
  [
    "node",
    "target",
    "to date",
    "actual",
    "achievement",
    "gap",
    "projection",
    "per day needed",
    "status",
  ],
  tracking.nodes
    .filter((node) => node.level <= 2)
    .map((node) => {
      const cell = node.periods.all!;
      return [
        `${"  ".repeat(node.level)}${node.name}`,
        wan(cell.target),
        wan(cell.targetToDate),
        wan(cell.actual),
        percent(cell.achievement),
        wan(cell.gap),
        wan(cell.projection!),
        wan(cell.requiredPerWorkingDay!),
        cell.status,
      ];
    }),
);
const alerted = tracking.nodes.filter(
  (node) =>
    node.children.length === 0 && (node.periods.all!.alerts.length > 0 || node.health.inDanger),
);
console.log(
  "\nPeople with alerts (the document's rules) or in danger (3 months in a row under 50%):",
);
printTable(
  ["person", "achievement", "alerts", "months missed in a row"],
  alerted.map((node) => [
    node.path,
    percent(node.periods.all!.achievement),
    node.periods.all!.alerts.map((alert) => `${alert.id}: ${alert.recommend}`).join("; ") || "—",
    `${node.health.missesInARow}${node.health.inDanger ? " (danger)" : ""}`,
  ]),
);

heading("日事清 2024 — replan: 企业客户事业部/华东大区 +500万 from 2024-07-01");
const region = "日事清/企业客户事业部/华东大区";
const { plan: next, diff } = replan(plan, { node: region, by: "500万", from: "2024-07-01" });
const regionBefore = plan.nodes.find((node) => node.node === region)!;
const regionAfter = next.nodes.find((node) => node.node === region)!;
printTable(
  ["period", "before", "after"],
  plan.periods
    .filter((period) => period.grain === "quarter" || period.label === "all")
    .map((period) => [
      period.label,
      wan(regionBefore.targets[period.label]!),
      wan(regionAfter.targets[period.label]!),
    ]),
);
const movedNodes = new Set(diff.map((entry) => entry.node));
console.log(
  `${diff.length} cells moved on ${movedNodes.size} nodes (the region, its ${regionBefore.children.length} people and its 2 ancestors); January–June unchanged; the company's target is now ${wan(next.target)}.`,
);

lintFile("retail-2027.json", "连锁门店 2027, 20 stores on a provisional calendar");
heading("连锁门店 2027 — buildPlan(examples/plans/retail-2027.json)");
const retail = buildPlan(readFileSync(`${dir}retail-2027.json`, "utf8"));
console.log(
  `${retail.name}: provisional ${retail.provisional} (years ${retail.provisionalYears.join(", ")}): the 2027 holidays are computed from the published principles, not yet official; ${retail.periods[0]!.workingDays} working days, ${retail.periods.length} periods down to weeks.`,
);
printPlan(retail, 1);
