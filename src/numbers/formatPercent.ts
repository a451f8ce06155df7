import { booleanOption, ownOptions } from "../_lib/options.js";
import type { Numeric, RoundingMode } from "../_lib/types.js";
import { checkDigits, groupDecimal } from "./formatAmount.js";
import { toDecimal } from "./toDecimal.js";

/** Options of {@link formatPercent}; a bad value is `INVALID_ARGUMENT`. */
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

/**
 * Formats a ratio as a percentage: `0.9600` → `"96%"`.
 *
 * @param ratio - The ratio (1 = 100%).
 * @param options - Fraction digits, rounding, sign.
 * @returns The formatted percentage.
 * @throws {TargetreeError} `INVALID_NUMBER` for a bad value.
 *
 * @example
 * formatPercent(0.142857)                 //=> "14.29%"
 * formatPercent(0.25, { signed: true })   //=> "+25%"
 */
export function formatPercent(ratio: Numeric, options?: FormatPercentOptions): string {
  const percent = toDecimal(ratio, ["ratio"]).times(100);
  const settings = ownOptions(options);
  const digits = checkDigits(settings.digits, 2);
  const fixed = booleanOption(settings.fixed, false, ["fixed"]);
  const signed = booleanOption(settings.signed, false, ["signed"]);
  const text = groupDecimal(percent, digits, fixed, settings.locale ?? "zh-CN", settings.rounding);
  const sign = signed && percent.gt(0) && /[1-9]/.test(text) ? "+" : "";
  return `${sign}${text}%`;
}
