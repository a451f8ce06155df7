import { Decimal } from "../_lib/decimal.js";
import { TargetreeError } from "../_lib/errors.js";
import { readOptions } from "../_lib/options.js";
import { isRecord, own } from "../_lib/records.js";
import { formatAmount } from "../numbers/formatAmount.js";
import { formatPercent } from "../numbers/formatPercent.js";
import { toDecimal } from "../numbers/toDecimal.js";
import type { TrackingCell } from "../plan/types.js";
import { labelOf, readChartOptions, readLabels } from "./_lib/options.js";
import { chooseGrain, expectTracking, findNode } from "./_lib/planResult.js";
import { plainText, runningSums } from "./_lib/read.js";
import {
  amountLabelExpr,
  axisScale,
  COLORS,
  frame,
  largestMagnitude,
  toNumber,
} from "./_lib/spec.js";
import type { ChartOptions, VegaLiteSpec } from "./types.js";

/** The lines of a burn-up, by key (the keys of `labels`). */
export type BurnUpSeries = "target" | "actual" | "timeProgress" | "projection" | "required";

/** Options of {@link burnUpChart}: which node, which grain, and the lines' labels. */
export interface BurnUpChartOptions extends ChartOptions {
  /** The node drawn: its id or its path (`"公司/华东"`). Required. */
  readonly node: string;
  /** The periods the cumulative lines step through: one of the plan's grains. Default: the finest. */
  readonly grain?: string;
  /**
   * Labels of the lines by key: `target` (cumulative target), `actual` (cumulative actual),
   * `timeProgress` (the target spread evenly over working days: 时间进度), `projection` (the
   * run rate to the end) and `required` (the pace that reaches the target).
   */
  readonly labels?: Readonly<Partial<Record<BurnUpSeries, string>>>;
}

/** One point of a burn-up line, as the spec's data holds it (dataset `points`). */
export interface BurnUpPoint {
  /** The line's key. */
  readonly series: BurnUpSeries;
  /** The line's label in the legend. */
  readonly label: string;
  /** The day, `"YYYY-MM-DD"` (a period's last day, the as-of day, or the plan's first day). */
  readonly date: string;
  /** The cumulative amount at the end of that day, as a number for Vega. */
  readonly value: number;
  /** The exact amount, as a decimal string for tooltips. */
  readonly exact: string;
}

const KEYS = ["node", "grain", "labels"] as const;
const SERIES: readonly BurnUpSeries[] = [
  "target",
  "actual",
  "timeProgress",
  "projection",
  "required",
];
const DEFAULT_LABELS: Readonly<Record<BurnUpSeries, string>> = {
  target: "cumulative target",
  actual: "cumulative actual",
  timeProgress: "time progress",
  projection: "projection",
  required: "required pace",
};

/**
 * A burn-up chart of one node of a tracking, as a Vega-Lite spec: the cumulative target and the
 * cumulative actual through the periods of one grain, the time-progress line (the whole target
 * spread evenly over the working days: 时间进度), the projection (the run rate to date carried to
 * the end) and the required pace (from the actual to date straight to the target), with a rule on
 * the as-of day. The data (dataset `points`) keeps exact decimal strings for tooltips; the last
 * actual point is the node's actual to date. Axes show amounts in 万 and 亿 (`scale`).
 *
 * @param tracking - The result of {@link trackPlan} (or its JSON).
 * @param options - `node` (required), `grain`, `labels`, and the common `title`, `width`,
 *   `height`, `scale`, `digits`.
 * @returns A Vega-Lite v6 spec (plain JSON data) to render with vega-embed.
 * @throws {TargetreeError} `INVALID_PLAN_RESULT` when `tracking` is not a tracking;
 *   `UNKNOWN_PLAN_NODE` for an unknown node (with the closest); `INVALID_ARGUMENT` for a grain the
 *   plan does not have or a bad option value; `UNKNOWN_OPTION` for an unknown option.
 *
 * @example
 * const plan = buildPlan({
 *   version: 1, target: "120万", unit: 1,
 *   period: { start: "2026-01-01", end: "2026-03-31", grains: ["month"], basis: "calendar-days", calendar: { weekend: [6, 7] } },
 *   organization: { name: "公司", children: [{ name: "华东", weight: 1 }, { name: "华南", weight: 1 }] },
 * });
 * const tracking = trackPlan(plan, [{ node: "公司/华东", period: "2026-01", actual: "30万" }, { node: "公司/华东", date: "2026-02-10", actual: "5万" }], { asOf: "2026-02-15" });
 * const spec = burnUpChart(tracking, { node: "公司/华东", labels: { actual: "累计实际" } });
 * spec.datasets.points.filter((p) => p.series === "actual").map((p) => [p.date, p.exact]) //=> [["2026-01-01", "0"], ["2026-01-31", "300000"], ["2026-02-15", "350000"]]
 * spec.datasets.points.filter((p) => p.series === "target").at(-1).exact //=> "600000"
 */
export function burnUpChart(tracking: unknown, options: BurnUpChartOptions): VegaLiteSpec {
  const common = readChartOptions(options, KEYS, { width: 560, height: 320 });
  const { settings } = common;
  const read = expectTracking(tracking, ["tracking"]);
  const node = findNode(read.nodes, own(settings, "node"), ["options", "node"]);
  const grain = chooseGrain(
    read.grains,
    own(settings, "grain"),
    read.grains[read.grains.length - 1]!,
    ["options", "grain"],
  );
  readOptions(own(settings, "labels"), SERIES, ["options", "labels"]);
  const labels = readLabels(settings, "labels", ["options"]);
  const label = (series: BurnUpSeries): string =>
    labelOf(labels, series) === series ? DEFAULT_LABELS[series] : labelOf(labels, series);
  const periods = read.periods.filter((period) => period.grain === grain);
  const at = (key: string) => ["tracking", "nodes", read.nodes.indexOf(node), "periods", key];
  const cell = (period: { readonly label: string }): TrackingCell => {
    const found = isRecord(node.periods) ? own(node.periods, period.label) : undefined;
    if (!isRecord(found)) {
      throw new TargetreeError(
        "INVALID_PLAN_RESULT",
        `The tracking's node ${JSON.stringify(node.node)} has no period ${JSON.stringify(period.label)}; track the plan again.`,
        { path: at(period.label) },
      );
    }
    return found as unknown as TrackingCell;
  };
  const all = cell({ label: "all" });
  const points: BurnUpPoint[] = [];
  const point = (series: BurnUpSeries, date: string, value: Decimal): void => {
    points.push({
      series,
      label: label(series),
      date,
      value: toNumber(value, at("all")),
      exact: plainText(value),
    });
  };
  const zero = new Decimal(0);

  // Cumulative target, at each period's last day.
  const targets = runningSums(
    periods.map((period) => toDecimal(cell(period).target, at(period.label))),
  );
  point("target", read.start, zero);
  periods.forEach((period, k) => {
    point("target", period.end, targets[k]!);
  });

  // Cumulative actual, through the periods that have begun: a closed one at its end, the open one at asOf.
  const begun = periods.filter((period) => period.state !== "future");
  const actuals = runningSums(
    begun.map((period) => toDecimal(cell(period).actual, at(period.label))),
  );
  point("actual", read.start, zero);
  begun.forEach((period, k) => {
    point("actual", period.state === "open" ? read.asOf : period.end, actuals[k]!);
  });

  // Time progress: the whole target spread evenly over the working days, at each period's end.
  const total = toDecimal(all.target, at("all"));
  const workingDays = periods.reduce((sum, period) => sum + period.workingDays, 0);
  point("timeProgress", read.start, zero);
  let elapsed = 0;
  for (const period of periods) {
    elapsed += period.workingDays;
    point(
      "timeProgress",
      period.end,
      workingDays === 0 ? zero : total.times(elapsed).div(workingDays).toDecimalPlaces(2),
    );
  }

  // From the as-of day: the projection and the pace that reaches the target.
  const actualToDate = toDecimal(all.actual, at("all"));
  const open = read.asOf >= read.start && read.asOf < read.end;
  if (open && all.projection !== null) {
    point("projection", read.asOf, actualToDate);
    point("projection", read.end, toDecimal(all.projection, at("all")));
  }
  if (open && all.requiredPerWorkingDay !== null) {
    point("required", read.asOf, actualToDate);
    point("required", read.end, total);
  }

  const scale = axisScale(common.scale, largestMagnitude(points.map((p) => p.value)));
  const show = (value: string | null): string =>
    formatAmount(value, { scale: common.scale, digits: common.digits });
  const progress = read.periods.find((period) => period.label === "all")?.timeProgress ?? null;
  const subtitle = [
    `as of ${read.asOf}: ${show(all.actual)} of ${show(all.target)}`,
    `achievement ${formatPercent(all.achievement, { digits: 1 })}`,
    `time progress ${formatPercent(progress, { digits: 1 })}`,
    `required ${show(all.requiredPerWorkingDay)} per working day`,
  ].join(" · ");
  const domain = SERIES.map(label);
  const legend = { orient: "bottom", columns: 5, symbolStrokeWidth: 2 };
  const x = {
    field: "date",
    type: "temporal",
    title: null,
    scale: { type: "utc" },
    axis: { format: "%m-%d" },
  };
  return {
    ...frame(common.title ?? `${node.name}: burn-up`, subtitle, common.width, common.height),
    datasets: { points },
    data: { name: "points" },
    layer: [
      {
        name: "burnUp",
        mark: { type: "line", strokeWidth: 2, tooltip: true },
        encoding: {
          x,
          y: {
            field: "value",
            type: "quantitative",
            title: null,
            axis: { labelExpr: amountLabelExpr(scale, common.digits) },
          },
          color: {
            field: "label",
            type: "nominal",
            title: null,
            scale: {
              domain,
              range: [COLORS.target, COLORS.actual, COLORS.neutral, "#9467bd", COLORS.down],
            },
            legend,
          },
          strokeDash: {
            field: "label",
            type: "nominal",
            title: null,
            scale: {
              domain,
              range: [
                [1, 0],
                [1, 0],
                [2, 2],
                [6, 3],
                [6, 3],
              ],
            },
            legend,
          },
          tooltip: [
            { field: "label", type: "nominal", title: " " },
            { field: "date", type: "nominal", title: "date" },
            { field: "exact", type: "nominal", title: "amount" },
          ],
        },
      },
      {
        name: "actualPoints",
        transform: [{ filter: { field: "series", equal: "actual" } }],
        mark: { type: "point", filled: true, size: 30, color: COLORS.actual },
        encoding: { x, y: { field: "value", type: "quantitative" } },
      },
      {
        name: "asOf",
        data: { values: [{ date: read.asOf }] },
        mark: { type: "rule", color: COLORS.neutral, strokeDash: [3, 3] },
        encoding: { x },
      },
    ],
  };
}
