// Markdown of a plan or a tracking: the tables a manager reads. Amounts are in 万 with the unit in
// the header, percentages have one decimal, the organisation reads top down with its levels.
import { Decimal } from "../../_lib/decimal.js";
import { own } from "../../_lib/records.js";
import { formatAmount } from "../../numbers/formatAmount.js";
import { formatPercent } from "../../numbers/formatPercent.js";
import type {
  Plan,
  PlanNode,
  PlanPeriod,
  Tracking,
  TrackingNode,
  TrackingPeriod,
} from "../types.js";
import { cellAt, decimalAt, periodsOf } from "./renderInput.js";

/** A grain with more periods than this gets no table of its own unless asked for. */
const MAX_COLUMNS = 13;
const TEN_THOUSAND = /* @__PURE__ */ new Decimal(10_000);
const NO_VALUE = "—";

type Path = readonly (string | number)[];

/** An amount in 万 with two decimals and digit groups: `12,000.00`; a nullable `null` is `—`. */
function wan(value: unknown, path: Path, nullable = false): string {
  if (value === null && nullable) return NO_VALUE;
  return formatAmount(decimalAt(value, path).div(TEN_THOUSAND), {
    scale: "none",
    digits: 2,
    fixed: true,
  });
}

/** A ratio as a percentage with one decimal: `47.6%`; a nullable `null` is `—`. */
function percent(value: unknown, path: Path, nullable = false): string {
  if (value === null && nullable) return NO_VALUE;
  return formatPercent(decimalAt(value, path), { digits: 1, fixed: true });
}

/** A computed ratio (a share) as a percentage with one decimal. */
function percentOf(ratio: Decimal): string {
  return formatPercent(ratio, { digits: 1, fixed: true });
}

/** A table cell: pipes escaped, line breaks as spaces. */
function cell(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, " ").replaceAll("|", "\\|");
}

/** A Markdown table; `right` says which columns are numbers (right-aligned). */
function table(
  headers: readonly string[],
  right: readonly boolean[],
  rows: readonly (readonly string[])[],
): string {
  const line = (cells: readonly string[]) => `| ${cells.map(cell).join(" | ")} |`;
  const rule = `|${right.map((isRight) => (isRight ? " --: " : " :-- ")).join("|")}|`;
  return [line(headers), rule, ...rows.map(line)].join("\n");
}

/** The node's name, indented by its depth so the tree reads top down. */
function indented(name: string, level: number): string {
  return `${"· ".repeat(level)}${name}`;
}

const BASIS_WORDS: Readonly<Record<string, string>> = {
  "working-days": "spread by working days",
  "calendar-days": "spread by calendar days",
  seasonality: "spread by seasonality",
};

function provisionalNote(years: readonly number[]): string {
  return `> **Provisional calendar:** the working days of ${years.join(", ")} are computed from the published principles, not taken from an official notice. Build the plan again when the notice is out.`;
}

/** Which grains get a table: the one asked for, else each with few enough periods. */
function grainsShown(
  grains: readonly string[],
  periods: readonly PlanPeriod[],
  grain: string | undefined,
): { shown: string[]; left: string[] } {
  if (grain !== undefined) return { shown: [grain], left: [] };
  const count = (g: string) => periods.filter((period) => period.grain === g).length;
  return {
    shown: grains.filter((g) => count(g) <= MAX_COLUMNS),
    left: grains.filter((g) => count(g) > MAX_COLUMNS),
  };
}

// ---------------------------------------------------------------------------------------------
// A plan
// ---------------------------------------------------------------------------------------------

/** The plan as Markdown: the targets of every node by grain, the dimensions, drivers, activity. */
export function planMarkdown(plan: Plan, grain: string | undefined): string {
  const byAddress = new Map(plan.nodes.map((node) => [node.node, node] as const));
  const index = new Map(plan.nodes.map((node, i) => [node.node, i] as const));
  const whole = plan.periods.find((period) => period.grain === "all");
  const out: string[] = [`# ${cell(plan.name ?? "Plan")}`, ""];
  const facts = [
    `${plan.start} to ${plan.end}`,
    `target **${wan(plan.target, ["target"])}万**`,
    BASIS_WORDS[plan.basis] ?? `spread by ${plan.basis}`,
    ...(whole === undefined ? [] : [`${whole.workingDays} working days`]),
    `unit ${plan.unit}`,
  ];
  out.push(`${facts.join(" · ")}`, "");
  if (plan.provisional) out.push(provisionalNote(plan.provisionalYears), "");

  const share = (node: PlanNode, i: number): string => {
    const parent = node.parent === null ? undefined : byAddress.get(node.parent);
    if (parent === undefined) return node.parent === null ? "100.0%" : NO_VALUE;
    const parentTarget = decimalAt(parent.target, ["nodes", index.get(parent.node)!, "target"]);
    if (parentTarget.isZero()) return NO_VALUE;
    return percentOf(decimalAt(node.target, ["nodes", i, "target"]).div(parentTarget));
  };

  const { shown, left } = grainsShown(plan.grains, plan.periods, grain);
  for (const g of shown) {
    const periods = plan.periods.filter((period) => period.grain === g);
    out.push(`## Targets by ${g} (万)`, "");
    const headers = ["Node", "Level", "Share", "Target", ...periods.map((period) => period.label)];
    const right = [false, false, true, true, ...periods.map(() => true)];
    const rows = plan.nodes.map((node, i) => [
      indented(node.name, node.level),
      node.levelName ?? "",
      share(node, i),
      wan(node.target, ["nodes", i, "target"]),
      ...periods.map((period) =>
        wan(own(node.targets, period.label), ["nodes", i, "targets", period.label]),
      ),
    ]);
    rows.push([
      "Working days",
      "",
      "",
      whole === undefined ? "" : String(whole.workingDays),
      ...periods.map((period) => String(period.workingDays)),
    ]);
    out.push(table(headers, right, rows), "");
  }
  if (shown.length === 0) {
    out.push("## Targets (万)", "");
    out.push(
      table(
        ["Node", "Level", "Share", "Target"],
        [false, false, true, true],
        plan.nodes.map((node, i) => [
          indented(node.name, node.level),
          node.levelName ?? "",
          share(node, i),
          wan(node.target, ["nodes", i, "target"]),
        ]),
      ),
      "",
    );
  }
  for (const g of left) {
    const count = plan.periods.filter((period) => period.grain === g).length;
    out.push(
      `The ${count} periods of grain ${g} are left out of this table; render with grain "${g}" (targetree build --grain ${g}), or as CSV or JSON, to see them.`,
      "",
    );
  }

  const dimensions = Object.entries(plan.dimensions ?? {});
  if (dimensions.length > 0) {
    out.push("## Dimensions (万)", "");
    const target = decimalAt(plan.target, ["target"]);
    for (const [name, split] of dimensions) {
      out.push(`### ${cell(name)} (by ${split.kind})`, "");
      const rows = Object.entries(split.parts).map(([part, value]) => {
        const path = ["dimensions", name, "parts", part];
        return [
          part,
          wan(value, path),
          target.isZero() ? NO_VALUE : percentOf(decimalAt(value, path).div(target)),
        ];
      });
      out.push(table(["Part", "Target", "Share"], [false, true, true], rows), "");
    }
  }

  if (plan.drivers !== null && plan.drivers !== undefined) {
    const drivers = plan.drivers;
    out.push(
      "## Drivers",
      "",
      `${cell(drivers.output)} from the drivers: ${wan(drivers.implied, ["drivers", "implied"])}万, against the target ${wan(drivers.target, ["drivers", "target"])}万 (gap ${wan(drivers.gap, ["drivers", "gap"])}万).`,
      "",
    );
  }

  const active = plan.nodes
    .map((node, i) => ({ node, i }))
    .filter(({ node }) => node.activity !== undefined);
  if (active.length > 0) {
    out.push(...activitySection(active), "");
  }
  return `${out.join("\n").trimEnd()}\n`;
}

/** What each person needs to do: wins, the funnel's stages, cadence visits, per working day. */
function activitySection(active: readonly { node: PlanNode; i: number }[]): string[] {
  const stages = active[0]!.node.activity!.funnel.slice(0, -1).map((stage) => stage.stage);
  const hasCadence = active.some(({ node }) => node.activity!.cadenceVisits !== null);
  const hasWins = active.some(({ node }) => node.activity!.wins !== null);
  const headers = [
    "Node",
    "Target (万)",
    "Working days",
    ...(hasWins ? ["Wins"] : []),
    ...stages.flatMap((stage) => [stage, `${stage} / working day`]),
    ...(hasCadence ? ["Cadence visits", "Cadence visits / working day"] : []),
  ];
  const rows = active.map(({ node, i }) => {
    const activity = node.activity!;
    const stage = (name: string) => activity.funnel.find((entry) => entry.stage === name);
    return [
      node.name,
      wan(node.target, ["nodes", i, "target"]),
      String(activity.workingDays),
      ...(hasWins ? [activity.wins ?? NO_VALUE] : []),
      ...stages.flatMap((name) => [
        stage(name)?.count ?? NO_VALUE,
        stage(name)?.perWorkingDay ?? NO_VALUE,
      ]),
      ...(hasCadence
        ? [activity.cadenceVisits ?? NO_VALUE, activity.cadenceVisitsPerWorkingDay ?? NO_VALUE]
        : []),
    ];
  });
  return [
    "## Activity per person",
    "",
    table(
      headers,
      headers.map((_, column) => column > 0),
      rows,
    ),
  ];
}

// ---------------------------------------------------------------------------------------------
// A tracking
// ---------------------------------------------------------------------------------------------

const TRACKING_HEADERS = [
  "Node",
  "Target",
  "To date",
  "Actual",
  "Achievement",
  "Time progress",
  "Gap",
  "Projection",
  "Needed / working day",
  "Status",
  "Misses in a row",
  "Alerts",
];
const TRACKING_RIGHT = /* @__PURE__ */ TRACKING_HEADERS.map(
  (_, column) => column > 0 && column < 9,
);

function trackingRows(tracking: Tracking, period: TrackingPeriod): string[][] {
  return tracking.nodes.map((node: TrackingNode, i) => {
    const path = ["nodes", i, "periods", period.label];
    const figures = cellAt(node.periods, period.label, path);
    const health = node.health;
    return [
      indented(node.name, node.level),
      wan(figures.target, [...path, "target"]),
      wan(figures.targetToDate, [...path, "targetToDate"]),
      wan(figures.actual, [...path, "actual"]),
      percent(figures.achievement, [...path, "achievement"], true),
      percent(figures.timeProgress, [...path, "timeProgress"]),
      wan(figures.gap, [...path, "gap"]),
      wan(figures.projection, [...path, "projection"], true),
      wan(figures.requiredPerWorkingDay, [...path, "requiredPerWorkingDay"], true),
      figures.status,
      `${health.missesInARow}${health.inDanger ? " (in danger)" : ""}`,
      (figures.alerts ?? []).map((alert) => alert.id).join(", "),
    ];
  });
}

/** The tracking as Markdown: every node against time progress, the alerts, the nodes in danger. */
export function trackingMarkdown(tracking: Tracking, grain: string | undefined): string {
  const wholeIndex = tracking.periods.findIndex((period) => period.grain === "all");
  const whole = tracking.periods[wholeIndex];
  const out: string[] = [`# ${cell(tracking.name ?? "Plan")}: tracking as of ${tracking.asOf}`, ""];
  const top = tracking.nodes[0];
  if (whole !== undefined && top !== undefined) {
    const figures = cellAt(top.periods, "all", ["nodes", 0, "periods", "all"]);
    out.push(
      `${cell(top.name)}: achievement **${percent(figures.achievement, ["nodes", 0, "periods", "all", "achievement"], true)}** against time progress **${percent(whole.timeProgress, ["periods", wholeIndex, "timeProgress"])}** (${whole.workingDaysElapsed} of ${whole.workingDays} working days), ${figures.status}. Tolerance ±${percent(tracking.tolerance, ["tolerance"])}; ${tracking.rows} actuals rows to date${tracking.ignoredAfterAsOf > 0 ? `, ${tracking.ignoredAfterAsOf} dated after ${tracking.asOf} left out` : ""}.`,
      "",
    );
  }
  if (tracking.provisional) out.push(provisionalNote(tracking.provisionalYears), "");

  const periods = periodsOf(tracking.periods, grain, false).filter(
    (period) => period.grain === "all" || period.state !== "future",
  );
  for (const period of periods) {
    const title =
      period.grain === "all"
        ? `## The whole period, ${period.start} to ${period.end} (万)`
        : `## ${period.label}, ${period.state} (万)`;
    out.push(
      title,
      "",
      table(TRACKING_HEADERS, TRACKING_RIGHT, trackingRows(tracking, period)),
      "",
    );
  }
  if (grain !== undefined) {
    const future = tracking.periods.filter(
      (period) => period.grain === grain && period.state === "future",
    ).length;
    if (future > 0) out.push(`${future} later periods of grain ${grain} have not begun.`, "");
  }

  const alerts = tracking.nodes.flatMap((node, i) =>
    (cellAt(node.periods, "all", ["nodes", i, "periods", "all"]).alerts ?? []).map(
      (alert) =>
        `- ${cell(node.path)}: **${cell(alert.id)}** (${alert.severity}): ${cell(alert.recommend)}`,
    ),
  );
  if (alerts.length > 0) out.push("## Alerts", "", ...alerts, "");
  const danger = tracking.nodes.filter((node) => node.health.inDanger);
  if (danger.length > 0) {
    out.push(
      "## In danger",
      "",
      ...danger.map(
        (node) =>
          `- ${cell(node.path)}: ${node.health.missesInARow} ${node.health.grain} period${node.health.missesInARow === 1 ? "" : "s"} missed in a row`,
      ),
      "",
    );
  }
  return `${out.join("\n").trimEnd()}\n`;
}
