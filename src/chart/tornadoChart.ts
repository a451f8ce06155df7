import type { Decimal } from "../_lib/decimal.js";
import { TargetreeError } from "../_lib/errors.js";
import { own } from "../_lib/records.js";
import { formatAmount } from "../numbers/formatAmount.js";
import { formatPercent } from "../numbers/formatPercent.js";
import { labelOf, readChartOptions, readLabels } from "./_lib/options.js";
import { expectAmount, expectList, expectRecord, expectString } from "./_lib/read.js";
import {
  amountLabelExpr,
  axisScale,
  COLORS,
  frame,
  largestMagnitude,
  toNumber,
} from "./_lib/spec.js";
import type { ChartOptions, VegaLiteSpec } from "./types.js";

/** Options of {@link tornadoChart}: the common {@link ChartOptions} and the inputs' labels. */
export interface TornadoChartOptions extends ChartOptions {
  /** Display labels of the inputs by name (`{ conversion: "转化率" }`). Default: the input names. */
  readonly labels?: Readonly<Record<string, string>>;
}

/** One bar of a tornado, as the spec's data holds it (dataset `bars`): one side of one input. */
export interface TornadoBar {
  /** The input's rank: 0 for the largest impact (the sensitivity's order). */
  readonly rank: number;
  /** The input's name. */
  readonly input: string;
  /** The input's label on the y axis. */
  readonly label: string;
  /** `"up"` for the step up, `"down"` for the step down. */
  readonly side: "up" | "down";
  /** The step as the legend shows it: `"+1%"`, `"-1%"`. */
  readonly step: string;
  /** The output's change for this side, as a number for Vega. */
  readonly change: number;
  /** The exact change, as a decimal string for tooltips. */
  readonly exact: string;
  /** The change as the label shows it (`"+3.6万"`). */
  readonly text: string;
}

const KEYS = ["labels"] as const;
const EXPECTED = "the result of sensitivity(model, { output, inputs })";

/**
 * A tornado chart of a sensitivity, as a Vega-Lite spec: one row per input, largest impact at the
 * top, with the output's change for the step up and for the step down as two bars from 0. The data
 * (dataset `bars`) keeps the exact changes as decimal strings for tooltips; axes show amounts in 万
 * and 亿 (`scale`).
 *
 * @param sensitivity - The result of `sensitivity(model, options)` (or its JSON, decimals as strings).
 * @param options - `labels`, and the common `title`, `width`, `height`, `scale`, `digits`.
 * @returns A Vega-Lite v6 spec (plain JSON data) to render with vega-embed.
 * @throws {TargetreeError} `INVALID_ARGUMENT` when `sensitivity` is not a sensitivity result or
 *   for a bad option value; `UNKNOWN_OPTION` for an unknown option; `INVALID_NUMBER` for a bad
 *   amount in a JSON sensitivity.
 *
 * @example
 * const inputs = { newCustomers: 600, conversion: "25%", newAov: 8000, returningCustomers: 1500, repurchase: "40%", returningAov: 6000 };
 * const spec = tornadoChart(sensitivity(revenueModel(), { output: "revenue", inputs }), { labels: { returningCustomers: "老客数" } });
 * spec.datasets.bars.length //=> 12
 * spec.datasets.bars.slice(0, 2).map((bar) => [bar.label, bar.step, bar.exact]) //=> [["老客数", "+1%", "36000"], ["老客数", "-1%", "-36000"]]
 */
export function tornadoChart(sensitivity: unknown, options?: TornadoChartOptions): VegaLiteSpec {
  const rows = Math.max(1, entriesOf(sensitivity).length);
  const common = readChartOptions(options, KEYS, { width: 480, height: Math.max(120, 34 * rows) });
  const labels = readLabels(common.settings, "labels", ["options"]);
  const path = ["sensitivity"];
  const record = expectRecord(sensitivity, path, EXPECTED);
  const output = expectString(record, "output", path, EXPECTED);
  const base = expectAmount(record, "base", path, EXPECTED);
  const step = expectAmount(record, "step", path, EXPECTED);
  const relative = own(record, "stepKind") !== "absolute";
  const stepText = relative
    ? formatPercent(step.abs(), { digits: 2 })
    : formatAmount(step.abs(), { scale: common.scale, digits: common.digits });
  const show = (value: Decimal): string => {
    const text = formatAmount(value, { scale: common.scale, digits: common.digits });
    return text.startsWith("-") ? text : `+${text}`;
  };
  const bars: TornadoBar[] = entriesOf(sensitivity).flatMap((entry, rank) => {
    const at = [...path, "entries", rank];
    const row = expectRecord(entry, at, `${EXPECTED} (an entry)`);
    const input = expectString(row, "input", at, EXPECTED);
    const label = labelOf(labels, input);
    return (["change", "changeDown"] as const).map((key): TornadoBar => {
      const change = expectAmount(row, key, at, EXPECTED);
      return {
        rank,
        input,
        label,
        side: key === "change" ? "up" : "down",
        step: `${key === "change" ? "+" : "-"}${stepText}`,
        change: toNumber(change, [...at, key]),
        exact: change.isZero() ? "0" : change.toFixed(),
        text: show(change),
      };
    });
  });
  const seen = new Map<string, string>();
  for (const bar of bars) {
    const other = seen.get(bar.label);
    if (other !== undefined && other !== bar.input) {
      throw new TargetreeError(
        "INVALID_ARGUMENT",
        `Inputs ${JSON.stringify(other)} and ${JSON.stringify(bar.input)} have the same label ${JSON.stringify(bar.label)}; give distinct labels.`,
        { path: ["options", "labels"] },
      );
    }
    seen.set(bar.label, bar.input);
  }
  const scale = axisScale(common.scale, largestMagnitude(bars.map((bar) => bar.change)));
  const baseText = formatAmount(base, { scale: common.scale, digits: common.digits });
  const y = {
    field: "label",
    type: "nominal",
    sort: { field: "rank", op: "min", order: "ascending" },
    title: null,
    axis: { labelLimit: 160 },
  };
  const textLayer = (sign: "positive" | "negative") => ({
    transform: [{ filter: sign === "positive" ? "datum.change >= 0" : "datum.change < 0" }],
    mark: {
      type: "text",
      align: sign === "positive" ? "left" : "right",
      dx: sign === "positive" ? 4 : -4,
      fontSize: 10,
      color: "#333333",
    },
    encoding: { y, x: { field: "change", type: "quantitative" }, text: { field: "text" } },
  });
  return {
    ...frame(
      common.title ?? `${output}: sensitivity`,
      `${output} = ${baseText}; each input ±${stepText}, one at a time`,
      common.width,
      common.height,
    ),
    datasets: { bars },
    data: { name: "bars" },
    layer: [
      {
        name: "tornado",
        mark: { type: "bar", tooltip: true, height: { band: 0.7 } },
        encoding: {
          y,
          x: {
            field: "change",
            type: "quantitative",
            title: `Δ ${output}`,
            axis: { labelExpr: amountLabelExpr(scale, common.digits) },
            scale: { nice: true, padding: 40 },
          },
          color: {
            field: "step",
            type: "nominal",
            title: null,
            scale: {
              domain: [`+${stepText}`, `-${stepText}`],
              range: [COLORS.up, COLORS.down],
            },
            legend: { orient: "top" },
          },
          tooltip: [
            { field: "label", type: "nominal", title: " " },
            { field: "step", type: "nominal", title: "step" },
            { field: "exact", type: "nominal", title: `Δ ${output}` },
          ],
        },
      },
      textLayer("positive"),
      textLayer("negative"),
      {
        data: { values: [{ zero: 0 }] },
        mark: { type: "rule", color: COLORS.neutral },
        encoding: { x: { field: "zero", type: "quantitative" } },
      },
    ],
  };
}

function entriesOf(sensitivity: unknown): readonly unknown[] {
  const path = ["sensitivity"];
  return expectList(expectRecord(sensitivity, path, EXPECTED), "entries", path, EXPECTED);
}
