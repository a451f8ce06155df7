import { describeValue, TargetreeError } from "../_lib/errors.js";
import { own } from "../_lib/records.js";
import { formatAmount } from "../numbers/formatAmount.js";
import { formatPercent } from "../numbers/formatPercent.js";
import type { TrackingCell } from "../plan/types.js";
import { readChartOptions } from "./_lib/options.js";
import { chooseGrain, expectTracking } from "./_lib/planResult.js";
import { numberOf } from "./_lib/read.js";
import { achievementColor, frame, textWidth } from "./_lib/spec.js";
import type { ChartOptions, VegaLiteSpec } from "./types.js";

/** Options of {@link achievementHeatmapChart}: which periods and how deep. */
export interface AchievementHeatmapChartOptions extends ChartOptions {
  /** The periods shown, one of the plan's grains. Default `"month"` when the plan has months, else its finest grain. */
  readonly grain?: string;
  /** The deepest level shown (0 is the top node). Default: every level. */
  readonly depth?: number;
}

/** One cell of the heat map, as the spec's data holds it (dataset `cells`). */
export interface AchievementHeatmapCell {
  /** The row: the node's name after one `· ` per level (its path when the name repeats). */
  readonly row: string;
  /** The node's place in the plan's order (the rows' order). */
  readonly order: number;
  /** The node's address. */
  readonly node: string;
  /** The period's label (the column). */
  readonly period: string;
  /** `"closed"`, `"open"` or `"future"`. */
  readonly state: string;
  /** actual ÷ target in the period, a ratio; null for a future period or a zero target. */
  readonly achievement: number | null;
  /** The period's target, as text (`"120万"`). */
  readonly target: string;
  /** The period's actual to date, as text. */
  readonly actual: string;
  /** The achievement as the cell shows it (`"87.5%"`), empty for a future period. */
  readonly text: string;
}

const KEYS = ["grain", "depth"] as const;

/**
 * A node × period heat map of achievement (完成率), as a Vega-Lite spec: one row per node in the
 * plan's order (indented by level), one column per period of a grain, each cell coloured by
 * actual ÷ target (red to green, yellow at the whole period's time progress) and labelled with
 * the percentage; future periods are grey. The data is dataset `cells`.
 *
 * @param tracking - The result of {@link trackPlan} (or its JSON).
 * @param options - `grain`, `depth`, and the common `title`, `width`, `height`, `scale`, `digits`.
 * @returns A Vega-Lite v6 spec (plain JSON data) to render with vega-embed.
 * @throws {TargetreeError} `INVALID_PLAN_RESULT` when `tracking` is not a tracking;
 *   `INVALID_ARGUMENT` for a grain the plan does not have, a bad `depth` or another bad option
 *   value; `UNKNOWN_OPTION` for an unknown option.
 *
 * @example
 * const plan = buildPlan({
 *   version: 1, target: "120万", unit: 1,
 *   period: { start: "2026-01-01", end: "2026-03-31", grains: ["month"], basis: "calendar-days", calendar: { weekend: [6, 7] } },
 *   organization: { name: "公司", children: [{ name: "华东", weight: 1 }, { name: "华南", weight: 1 }] },
 * });
 * const tracking = trackPlan(plan, [{ node: "公司/华东", period: "2026-01", actual: "15万" }], { asOf: "2026-01-31" });
 * const { cells } = achievementHeatmapChart(tracking).datasets;
 * cells.length //=> 9
 * cells.filter((cell) => cell.period === "2026-01").map((cell) => [cell.node, cell.text]) //=> [["公司", "36.3%"], ["公司/华东", "72.6%"], ["公司/华南", "0%"]]
 */
export function achievementHeatmapChart(
  tracking: unknown,
  options?: AchievementHeatmapChartOptions,
): VegaLiteSpec {
  const read = expectTracking(tracking, ["tracking"]);
  const grains = read.grains;
  const settings = readChartOptions(options, KEYS, { width: 0, height: 0 });
  const grain = chooseGrain(
    grains,
    own(settings.settings, "grain"),
    grains.includes("month") ? "month" : grains[grains.length - 1]!,
    ["options", "grain"],
  );
  const deepest = read.nodes.reduce((max, node) => Math.max(max, node.level), 0);
  const depthOption = own(settings.settings, "depth");
  if (
    depthOption !== undefined &&
    (typeof depthOption !== "number" || !Number.isInteger(depthOption) || depthOption < 0)
  ) {
    throw new TargetreeError(
      "INVALID_ARGUMENT",
      `depth must be a whole number ≥ 0 (0 shows the top node alone), got ${describeValue(depthOption)}.`,
      { path: ["options", "depth"] },
    );
  }
  const depth = depthOption === undefined ? deepest : (depthOption as number);
  const periods = read.periods.filter((period) => period.grain === grain);
  const nodes = read.nodes.filter((node) => node.level <= depth);
  const names = new Map<string, number>();
  for (const node of nodes) names.set(node.name, (names.get(node.name) ?? 0) + 1);
  const show = (amount: string): string =>
    formatAmount(amount, { scale: settings.scale, digits: settings.digits });
  const cells: AchievementHeatmapCell[] = nodes.flatMap((node, order) => {
    // Leading spaces do not survive as axis labels, so the indent is drawn: "· · 张伟".
    const row = `${"·\u00a0".repeat(node.level)}${names.get(node.name)! > 1 ? node.path : node.name}`;
    return periods.map((period): AchievementHeatmapCell => {
      const cell = node.periods[period.label] as TrackingCell | undefined;
      if (cell === undefined) {
        throw new TargetreeError(
          "INVALID_PLAN_RESULT",
          `The tracking's node ${JSON.stringify(node.node)} has no period ${JSON.stringify(period.label)}; track the plan again.`,
          { path: ["tracking", "nodes", read.nodes.indexOf(node), "periods", period.label] },
        );
      }
      const future = period.state === "future";
      const achievement =
        future || cell.achievement === null
          ? null
          : numberOf(cell.achievement, [
              "tracking",
              "nodes",
              read.nodes.indexOf(node),
              "periods",
              period.label,
              "achievement",
            ]);
      return {
        row,
        order,
        node: node.node,
        period: period.label,
        state: period.state,
        achievement,
        target: show(cell.target),
        actual: show(cell.actual),
        text: achievement === null ? "" : formatPercent(cell.achievement, { digits: 1 }),
      };
    });
  });
  const labelWidth = cells.reduce((max, cell) => Math.max(max, textWidth(cell.row)), 0);
  const columnWidth = 44;
  const rowHeight = 22;
  const width =
    own(settings.settings, "width") === undefined
      ? Math.min(1200, Math.max(240, columnWidth * periods.length))
      : settings.width;
  const height =
    own(settings.settings, "height") === undefined
      ? Math.max(60, rowHeight * nodes.length)
      : settings.height;
  const progress = read.periods.find((period) => period.label === "all")?.timeProgress;
  const timeProgress =
    progress === undefined ? null : numberOf(progress, ["tracking", "periods", 0, "timeProgress"]);
  const encoding = {
    x: {
      field: "period",
      type: "ordinal",
      sort: null,
      title: null,
      axis: {
        orient: "top",
        labelAngle: periods.length > 12 ? -45 : 0,
        labelOverlap: true,
        grid: false,
      },
    },
    y: {
      field: "row",
      type: "ordinal",
      sort: { field: "order", op: "min", order: "ascending" },
      title: null,
      axis: {
        labelLimit: 0,
        labelAlign: "left",
        labelPadding: 6 + labelWidth,
        ticks: false,
        grid: false,
      },
    },
  };
  return {
    ...frame(
      settings.title ?? `${read.name ?? read.nodes[0]!.name}: achievement by ${grain}`,
      `as of ${read.asOf}; time progress ${formatPercent(timeProgress ?? 0, { digits: 1 })}; grey: not started`,
      width,
      height,
    ),
    datasets: { cells },
    data: { name: "cells" },
    encoding,
    layer: [
      {
        name: "cells",
        mark: { type: "rect", fill: "#eeeeee", stroke: "white", strokeWidth: 1 },
      },
      {
        name: "achievement",
        transform: [{ filter: "datum.achievement !== null" }],
        mark: { type: "rect", stroke: "white", strokeWidth: 1, tooltip: true },
        encoding: {
          color: achievementColor(timeProgress),
          tooltip: [
            { field: "row", type: "nominal", title: "node" },
            { field: "period", type: "nominal", title: "period" },
            { field: "target", type: "nominal", title: "target" },
            { field: "actual", type: "nominal", title: "actual" },
            { field: "text", type: "nominal", title: "achievement" },
          ],
        },
      },
      ...(width / Math.max(1, periods.length) >= 40
        ? [
            {
              name: "values",
              mark: { type: "text", fontSize: 10 },
              encoding: {
                text: { field: "text" },
                color: {
                  condition: {
                    test: "datum.achievement !== null && (datum.achievement >= 0.9 || datum.achievement < 0.15)",
                    value: "white",
                  },
                  value: "#1a1a1a",
                },
              },
            },
          ]
        : []),
    ],
  };
}
