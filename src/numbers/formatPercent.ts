import { readDigits } from "../_lib/digits.js";
import { readBoolean, readOptions } from "../_lib/options.js";
import type { Numeric, RoundingMode } from "../_lib/types.js";
import { groupDecimal, NO_VALUE, readNumberStyle } from "./_lib/display.js";
import { toDecimal } from "./toDecimal.js";

/** Options of {@link formatPercent}; an unknown key is `UNKNOWN_OPTION`, a bad value `INVALID_ARGUMENT`. */
export interface FormatPercentOptions {
  /** Most fraction digits of the percentage. Default 2. */
  readonly digits?: number;
  /** Always show exactly `digits` fraction digits. Default `false`. */
  readonly fixed?: boolean;
  /** Default `"half-up"`. */
  readonly rounding?: RoundingMode;
  /** Show a `+` on positive values (for changes). Default `false`. */
  readonly signed?: boolean;
  /** A BCP 47 locale for digit grouping and the decimal mark. Default `"zh-CN"`. */
  readonly locale?: string;
}

const OPTIONS: readonly (keyof FormatPercentOptions)[] = [
  "digits",
  "fixed",
  "rounding",
  "signed",
  "locale",
];

/**
 * Formats a ratio as a percentage: `0.9600` → `"96%"`. A rate that is `null` (over a zero basis,
 * given with its reason) shows as `"—"`.
 *
 * @param ratio - The ratio (1 = 100%), or `null`.
 * @param options - `digits`, `fixed`, `rounding`, `signed` and `locale`.
 * @returns The formatted percentage, or `"—"` for `null`.
 * @throws {TargetreeError} `INVALID_NUMBER` for a bad value; `UNKNOWN_OPTION` for an unknown
 *   option key; `INVALID_ARGUMENT` for a bad option value (path `["options", key]`).
 *
 * @example
 * formatPercent(0.142857)                 //=> "14.29%"
 * formatPercent(0.25, { signed: true })   //=> "+25%"
 * formatPercent(null)                     //=> "—"
 */
export function formatPercent(ratio: Numeric | null, options?: FormatPercentOptions): string {
  const settings = readOptions(options, OPTIONS);
  const digits = readDigits(settings, "digits", 2, ["options"]);
  const fixed = readBoolean(settings, "fixed", false, ["options"]);
  const signed = readBoolean(settings, "signed", false, ["options"]);
  const style = readNumberStyle(settings, ["options"]);
  if (ratio === null) return NO_VALUE;
  const percent = toDecimal(ratio, ["ratio"]).times(100);
  const text = groupDecimal(percent, digits, fixed, style);
  const sign = signed && percent.gt(0) && /[1-9]/.test(text) ? "+" : "";
  return `${sign}${text}%`;
}
