// The HTML reports of `build --format html` and `track --format html`: the tables a manager
// reads (amounts in 万, percentages with one decimal) and the plan's charts. Pure.
import {
  achievementHeatmapChart,
  burnUpChart,
  decompositionChart,
  formatAmount,
  formatPercent,
  type Plan,
  type PlanGrain,
  type Tracking,
} from "../../index.js";
import {
  escapeHtml,
  type Report,
  type ReportSection,
  reportHtml,
  type VegaScripts,
} from "./html.js";

const wan = (amount: string | null): string => formatAmount(amount, { scale: "万", digits: 2 });
const percent = (ratio: string | null): string => formatPercent(ratio, { digits: 1 });
const indent = (level: number, name: string): string =>
  `${"&nbsp;&nbsp;&nbsp;".repeat(level)}${escapeHtml(name)}`;

/** A table: a header row and body rows of cells (HTML), the first column a name. */
function table(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  classes: readonly string[] = [],
): string {
  const head = header
    .map((cell, k) => `<th${k === 0 ? ' class="name"' : ""}>${escapeHtml(cell)}</th>`)
    .join("");
  const body = rows
    .map(
      (row, r) =>
        `<tr${classes[r] ? ` class="${classes[r]}"` : ""}>${row
          .map((cell, k) => `<td${k === 0 ? ' class="name"' : ""}>${cell}</td>`)
          .join("")}</tr>`,
    )
    .join("\n");
  return `<table><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

/** The grain a table shows: the --grain when given, else the plan's coarsest. */
function tableGrain(grains: readonly PlanGrain[], grain: PlanGrain | undefined): PlanGrain {
  return grain !== undefined && grains.includes(grain) ? grain : grains[0]!;
}

function provisionalLine(provisional: boolean, years: readonly number[]): string {
  return provisional
    ? ` Provisional: the working days of ${years.join(", ")} are computed, not from an official notice.`
    : "";
}

/** `build --format html`: the decomposition as a treemap, and the targets by node and period. */
export function planReport(plan: Plan, scripts: VegaScripts, grain?: PlanGrain): string {
  const shown = tableGrain(plan.grains, grain);
  const periods = plan.periods.filter((period) => period.grain === shown);
  const all = plan.periods[0]!;
  const report: Report = {
    title: plan.name ?? plan.nodes[0]!.name,
    subtitle: `Target ${wan(plan.target)} from ${plan.start} to ${plan.end}: ${all.workingDays} working days, ${plan.nodes.length} nodes.${provisionalLine(plan.provisional, plan.provisionalYears)}`,
    sections: [
      { heading: "Decomposition", chart: decompositionChart(plan, { width: 960, height: 520 }) },
      {
        heading: `Targets by ${shown} (万)`,
        html: table(
          ["node", "level", "target", ...periods.map((period) => period.label)],
          plan.nodes.map((node) => [
            indent(node.level, node.name),
            escapeHtml(node.levelName ?? String(node.level)),
            wan(node.target),
            ...periods.map((period) => wan(node.targets[period.label] ?? null)),
          ]),
        ),
      },
    ],
  };
  return reportHtml(report, scripts);
}

/** `track --format html`: the burn-up of the top node, achievement as a treemap and a heat map, and the tracking table. */
export function trackingReport(
  plan: Plan,
  tracking: Tracking,
  scripts: VegaScripts,
  grain?: PlanGrain,
): string {
  const top = tracking.nodes[0]!;
  const all = top.periods.all!;
  const progress = tracking.periods[0]!.timeProgress;
  const heatGrain = grain !== undefined && tracking.grains.includes(grain) ? grain : undefined;
  const sections: ReportSection[] = [
    {
      heading: `Burn-up: ${top.name}`,
      chart: burnUpChart(tracking, { node: top.node, width: 900, height: 360 }),
    },
    {
      heading: "Achievement by node",
      chart: decompositionChart(plan, { tracking, width: 960, height: 520 }),
    },
    {
      heading: "Achievement by node and period",
      chart: achievementHeatmapChart(tracking, heatGrain === undefined ? {} : { grain: heatGrain }),
    },
    {
      heading: "Every node (万)",
      html: table(
        [
          "node",
          "target",
          "to date",
          "actual",
          "achievement",
          "time progress",
          "gap",
          "projection",
          "per working day needed",
          "status",
          "alerts",
        ],
        tracking.nodes.map((node) => {
          const cell = node.periods.all!;
          return [
            indent(node.level, node.name),
            wan(cell.target),
            wan(cell.targetToDate),
            wan(cell.actual),
            percent(cell.achievement),
            percent(cell.timeProgress),
            wan(cell.gap),
            wan(cell.projection),
            wan(cell.requiredPerWorkingDay),
            `<span class="${cell.status}">${cell.status}</span>`,
            `<span class="text">${escapeHtml(cell.alerts.map((alert) => `${alert.id}: ${alert.recommend}`).join("; "))}</span>`,
          ];
        }),
      ),
    },
  ];
  return reportHtml(
    {
      title: `${tracking.name ?? top.name}: as of ${tracking.asOf}`,
      subtitle: `Actual ${wan(all.actual)} of ${wan(all.target)} (achievement ${percent(all.achievement)}, time progress ${percent(progress)}, ${all.status}); ${tracking.rows} rows of actuals.${provisionalLine(tracking.provisional, tracking.provisionalYears)}`,
      sections,
    },
    scripts,
  );
}
