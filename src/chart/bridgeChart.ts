import type { Decimal } from "../_lib/decimal.js";
import { TargetreeError } from "../_lib/errors.js";
import { commonScale, exactMinus, fromScaled } from "../_lib/exact/index.js";
import { formatAmount } from "../numbers/formatAmount.js";
import { labelOf, readChartOptions, readLabels, readText } from "./_lib/options.js";
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

/** Options of {@link bridgeChart}: the common {@link ChartOptions} and the bars' labels. */
export interface BridgeChartOptions extends ChartOptions {
  /** Display labels of the inputs by name (`{ price: "单价" }`). Default: the input names. */
  readonly labels?: Readonly<Record<string, string>>;
  /** The first bar's label. Default `"base"`. */
  readonly baseLabel?: string;
  /** The last bar's label. Default `"actual"`. */
  readonly actualLabel?: string;
}

/** The kind of a bridge bar: the base total, a rise, a fall, the actual total. */
export type BridgeBarKind = "base" | "up" | "down" | "actual";

/** One bar of a bridge, as the spec's data holds it (dataset `bars`). */
export interface BridgeBar {
  /** 0 for the base bar, then one per contribution, the actual bar last. */
  readonly step: number;
  /** The bar's label on the x axis. */
  readonly label: string;
  /** The input's name (null on the base and actual bars). */
  readonly input: string | null;
  /** What the bar shows. */
  readonly kind: BridgeBarKind;
  /** Where the bar starts (0 for a total), as a number for Vega. */
  readonly start: number;
  /** Where the bar ends, as a number for Vega; the actual bar ends at the attribution's `actual`. */
  readonly end: number;
  /** The bar's exact amount (the total, or the contribution), as a decimal string for tooltips. */
  readonly amount: string;
  /** The exact start, as a decimal string. */
  readonly startExact: string;
  /** The exact end, as a decimal string. */
  readonly endExact: string;
  /** The amount as the label shows it (`"+400"`, `"6,300"`, `"-560"`, `"480万"`). */
  readonly text: string;
}

const KEYS = ["labels", "baseLabel", "actualLabel"] as const;
const EXPECTED = "the result of attribute(model, { output, base, actual })";

/**
 * A bridge (waterfall) chart of an attribution, as a Vega-Lite spec: the base total, one floating
 * bar per input's contribution (green for a rise, red for a fall), and the actual total. The bars
 * are computed exactly: each contribution bar starts where the one before ends, and the last
 * contribution ends exactly at `actual`, which is the height of the last bar. The data (dataset
 * `bars`) keeps the exact decimal strings for tooltips. Axes show amounts in 万 and 亿 (`scale`).
 *
 * @param attribution - The result of {@link attribute} (or its JSON, decimals as strings).
 * @param options - `labels`, `baseLabel`, `actualLabel`, and the common `title`, `width`,
 *   `height`, `scale`, `digits`.
 * @returns A Vega-Lite v6 spec (plain JSON data) to render with vega-embed.
 * @throws {TargetreeError} `INVALID_ARGUMENT` when `attribution` is not an attribution result (a
 *   field missing, contributions that do not sum from base to actual, two bars with one label) or
 *   for a bad option value; `UNKNOWN_OPTION` for an unknown option; `INVALID_NUMBER` for a bad
 *   amount in a JSON attribution.
 *
 * @example
 * const model = defineModel({ materialCost: "output * usage * price" });
 * const result = attribute(model, { output: "materialCost", base: { output: 130, usage: 10, price: 4 }, actual: { output: 140, usage: 9, price: 5 } });
 * const spec = bridgeChart(result, { title: "材料费用", labels: { output: "产量", usage: "单耗", price: "单价" } });
 * spec.datasets.bars.map((bar) => bar.label) //=> ["base", "产量", "单耗", "单价", "actual"]
 * spec.datasets.bars.map((bar) => [bar.start, bar.end]) //=> [[0, 5200], [5200, 5600], [5600, 5040], [5040, 6300], [0, 6300]]
 * spec.datasets.bars.at(-1).end === Number(result.actual.toString()) //=> true
 */
export function bridgeChart(attribution: unknown, options?: BridgeChartOptions): VegaLiteSpec {
  const common = readChartOptions(options, KEYS, { width: 480, height: 300 });
  const { settings } = common;
  const labels = readLabels(settings, "labels", ["options"]);
  const baseLabel = readText(settings, "baseLabel", "base", ["options"]);
  const actualLabel = readText(settings, "actualLabel", "actual", ["options"]);
  const { bars, output, change } = bridgeBars(attribution, labels, baseLabel, actualLabel, common);
  const scale = axisScale(
    common.scale,
    largestMagnitude(bars.flatMap((bar) => [bar.start, bar.end])),
  );
  const first = bars[0]!;
  const last = bars[bars.length - 1]!;
  const shown = formatAmount(change, { scale: common.scale, digits: common.digits });
  const signed = shown.startsWith("-") ? shown : `+${shown}`;
  return {
    ...frame(
      common.title ?? output,
      `${baseLabel} ${first.text} → ${actualLabel} ${last.text}（${signed}）`,
      common.width,
      common.height,
    ),
    datasets: { bars },
    data: { name: "bars" },
    encoding: {
      x: {
        field: "label",
        type: "ordinal",
        sort: null,
        title: null,
        axis: { labelAngle: 0, labelLimit: 120 },
      },
    },
    layer: [
      {
        name: "bridge",
        mark: { type: "bar", tooltip: true, cornerRadius: 1 },
        encoding: {
          y: {
            field: "start",
            type: "quantitative",
            title: null,
            axis: { labelExpr: amountLabelExpr(scale, common.digits) },
            scale: { zero: true },
          },
          y2: { field: "end" },
          color: {
            field: "kind",
            type: "nominal",
            scale: {
              domain: ["base", "up", "down", "actual"],
              range: [COLORS.total, COLORS.up, COLORS.down, COLORS.total],
            },
            legend: null,
          },
          tooltip: [
            { field: "label", type: "nominal", title: " " },
            { field: "amount", type: "nominal", title: "amount" },
            { field: "startExact", type: "nominal", title: "from" },
            { field: "endExact", type: "nominal", title: "to" },
          ],
        },
      },
      {
        name: "bridgeLabels",
        transform: [{ calculate: "max(datum.start, datum.end)", as: "top" }],
        mark: { type: "text", baseline: "bottom", dy: -3, fontSize: 11, color: "#333333" },
        encoding: {
          y: { field: "top", type: "quantitative" },
          text: { field: "text", type: "nominal" },
        },
      },
    ],
  };
}

/** The bars, exact: partial sums of the contributions from base, checked to end at actual. */
function bridgeBars(
  attribution: unknown,
  labels: Readonly<Record<string, string>>,
  baseLabel: string,
  actualLabel: string,
  common: { readonly scale: ChartOptions["scale"]; readonly digits: number },
): { readonly bars: BridgeBar[]; readonly output: string; readonly change: Decimal } {
  const path = ["attribution"];
  const record = expectRecord(attribution, path, EXPECTED);
  const output = expectString(record, "output", path, EXPECTED);
  const base = expectAmount(record, "base", path, EXPECTED);
  const actual = expectAmount(record, "actual", path, EXPECTED);
  const entries = expectList(record, "contributions", path, EXPECTED).map((entry, index) => {
    const at = [...path, "contributions", index];
    const row = expectRecord(entry, at, `${EXPECTED} (a contribution)`);
    return {
      input: expectString(row, "input", at, EXPECTED),
      contribution: expectAmount(row, "contribution", at, EXPECTED),
    };
  });
  // Exact partial sums on one scale: base, base + c1, …; decimal.js's plus would round at 64 digits.
  const { mantissas, scale } = commonScale([
    base,
    actual,
    ...entries.map((entry) => entry.contribution),
  ]);
  const [baseUnits, actualUnits] = mantissas as [bigint, bigint];
  let running = baseUnits;
  const ends = mantissas.slice(2).map((units) => {
    running += units;
    return running;
  });
  if (running !== actualUnits) {
    throw new TargetreeError(
      "INVALID_ARGUMENT",
      `The contributions sum from base ${base.toFixed()} to ${fromScaled(running, scale).toFixed()}, not to actual ${actual.toFixed()}. Pass attribute(...)'s result unchanged.`,
      { path: [...path, "contributions"] },
    );
  }
  const show = (value: Decimal, sign: boolean): string => {
    const text = formatAmount(value, { scale: common.scale ?? "auto", digits: common.digits });
    return sign && !text.startsWith("-") ? `+${text}` : text;
  };
  const bars: BridgeBar[] = [totalBar(0, baseLabel, "base", base, show(base, false), path)];
  let from = base;
  entries.forEach((entry, index) => {
    const to = fromScaled(ends[index]!, scale);
    bars.push({
      step: index + 1,
      label: labelOf(labels, entry.input),
      input: entry.input,
      kind: entry.contribution.isNegative() && !entry.contribution.isZero() ? "down" : "up",
      start: toNumber(from, [...path, "contributions", index]),
      end: toNumber(to, [...path, "contributions", index]),
      amount: plain(entry.contribution),
      startExact: plain(from),
      endExact: plain(to),
      text: show(entry.contribution, true),
    });
    from = to;
  });
  bars.push(totalBar(entries.length + 1, actualLabel, "actual", actual, show(actual, false), path));
  const seen = new Set<string>();
  for (const bar of bars) {
    if (seen.has(bar.label)) {
      throw new TargetreeError(
        "INVALID_ARGUMENT",
        `Two bars have the label ${JSON.stringify(bar.label)}; give distinct labels (options labels, baseLabel, actualLabel).`,
        { path: ["options", "labels"] },
      );
    }
    seen.add(bar.label);
  }
  return { bars, output, change: exactMinus(actual, base) };
}

function totalBar(
  step: number,
  label: string,
  kind: "base" | "actual",
  value: Decimal,
  text: string,
  path: readonly string[],
): BridgeBar {
  const exact = plain(value);
  return {
    step,
    label,
    input: null,
    kind,
    start: 0,
    end: toNumber(value, [...path, kind]),
    amount: exact,
    startExact: "0",
    endExact: exact,
    text,
  };
}

/** A decimal as plain text without an exponent (never `-0`). */
function plain(value: Decimal): string {
  return value.isZero() ? "0" : value.toFixed();
}
