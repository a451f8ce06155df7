// What every chart spec shares: the frame (schema, title, size, fonts), amounts as numbers for
// Vega, and the axis label expression that writes amounts in 万 and 亿 as formatAmount does.
import type { Decimal } from "../../_lib/decimal.js";
import { TargetreeError } from "../../_lib/errors.js";
import type { AmountScale } from "../../numbers/formatAmount.js";

/** The Vega-Lite schema the specs follow. */
export const SCHEMA = "https://vega.github.io/schema/vega-lite/v6.json";

/** Fonts with Chinese glyphs first, so 中文 labels render on every system that has one. */
const FONT =
  '"PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "Helvetica Neue", Arial, sans-serif';

/** The colours: a rise, a fall, a total, and the neutral reference lines. */
export const COLORS = {
  up: "#2e9d5b",
  down: "#d64541",
  total: "#4c72b0",
  neutral: "#8c8c8c",
  target: "#4c72b0",
  actual: "#e07b00",
} as const;

/** The frame of a single-view chart: schema, title, size and a configuration with CJK fonts. */
export function frame(
  title: string,
  subtitle: string | undefined,
  width: number,
  height: number,
): Record<string, unknown> {
  return {
    $schema: SCHEMA,
    title: subtitle === undefined ? { text: title } : { text: title, subtitle },
    width,
    height,
    background: "white",
    padding: 12,
    config: {
      font: FONT,
      view: { stroke: null },
      axis: { labelFontSize: 11, titleFontSize: 12, grid: true, gridColor: "#eeeeee" },
      title: { fontSize: 15, subtitleFontSize: 12, anchor: "start", subtitleColor: "#666666" },
    },
  };
}

/** An exact Decimal as a JavaScript number for Vega (never −0); beyond the double range throws. */
export function toNumber(value: Decimal, path: readonly (string | number)[]): number {
  const number = Number(value.toString());
  if (!Number.isFinite(number)) {
    throw new TargetreeError(
      "NUMBER_TOO_LARGE",
      `${value.toString()} is too large to draw (beyond the range of a JavaScript number).`,
      { path },
    );
  }
  return number === 0 ? 0 : number;
}

/** The scale an axis uses: `"auto"` becomes 亿, 万 or plain by the largest magnitude shown. */
export function axisScale(scale: AmountScale, largest: number): Exclude<AmountScale, "auto"> {
  if (scale !== "auto") return scale;
  const magnitude = Math.abs(largest);
  return magnitude >= 1e8 ? "亿" : magnitude >= 1e4 ? "万" : "none";
}

/**
 * A Vega expression for an axis's `labelExpr` that writes `datum.value` in the scale, with Vega's
 * `format` (d3-format: thousands separators, at most `digits` fraction digits, zeros dropped).
 */
export function amountLabelExpr(scale: Exclude<AmountScale, "auto">, digits: number): string {
  const pattern = `',.${digits}~f'`;
  const scaled =
    scale === "亿"
      ? `format(datum.value / 100000000, ${pattern}) + '亿'`
      : scale === "万"
        ? `format(datum.value / 10000, ${pattern}) + '万'`
        : scale === "元"
          ? `format(datum.value, ${pattern}) + '元'`
          : `format(datum.value, ${pattern})`;
  return `datum.value === 0 ? '0' : ${scaled}`;
}

/** The largest magnitude among numbers (0 for none). */
export function largestMagnitude(values: readonly number[]): number {
  let largest = 0;
  for (const value of values) largest = Math.max(largest, Math.abs(value));
  return largest;
}

/**
 * The colour scale of achievement (完成率): red through yellow to green over 0–100%, clamped,
 * with its middle at the time progress when there is one, so yellow means "on pace".
 */
export function achievementColor(timeProgress: number | null): Record<string, unknown> {
  const middle = timeProgress !== null && timeProgress > 0 && timeProgress < 1 ? timeProgress : 0.5;
  return {
    field: "achievement",
    type: "quantitative",
    title: "achievement",
    scale: { scheme: "redyellowgreen", domain: [0, 1], domainMid: middle, clamp: true },
    legend: { format: ".0%", orient: "right", gradientLength: 160 },
  };
}

/** About how wide a label is at 11px, in pixels: a CJK character ~11px, another ~6.5px. */
export function textWidth(text: string): number {
  let width = 0;
  for (const char of text) width += (char.codePointAt(0) ?? 0) >= 0x2e80 ? 11 : 6.5;
  return width;
}
