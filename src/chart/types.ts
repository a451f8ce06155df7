// The chart area's shared types: a Vega-Lite spec as plain data, and the options every chart takes.
import type { AmountScale } from "../numbers/formatAmount.js";

/**
 * A Vega-Lite v6 specification as plain JSON data (`JSON.stringify` gives the document). Typed
 * loosely on purpose: the library has no dependency on Vega; render it with your own `vega-embed`.
 */
export type VegaLiteSpec = Readonly<Record<string, unknown>>;

/** Options every chart builder reads: the title, the size and how amounts are shown. */
export interface ChartOptions {
  /** The chart's title (Chinese is fine). Default: a title from the data. */
  readonly title?: string;
  /** Width of the plotting area in pixels. Default depends on the chart. */
  readonly width?: number;
  /** Height of the plotting area in pixels. Default depends on the chart. */
  readonly height?: number;
  /**
   * How amounts are shown on the axes and labels, as in `formatAmount`: `"auto"` (default: 亿
   * when the largest amount reaches 1亿, 万 from 1万, plain below), `"亿"`, `"万"`, `"元"`, `"none"`.
   */
  readonly scale?: AmountScale;
  /** Most fraction digits of an amount on the axes and labels. Default 2 (trailing zeros dropped). */
  readonly digits?: number;
}
