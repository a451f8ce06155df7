import type { Numeric, RoundingMode } from "../_lib/types.js";
import { checkDigits, groupDecimal } from "./formatAmount.js";
import { toDecimal } from "./toDecimal.js";

export interface FormatPercentOptions {
  /** Most fraction digits of the percentage. Default 2. */
  readonly digits?: number;
  /** Always show exactly `digits` fraction digits. Default `false`. */
  readonly fixed?: boolean;
  /** Default `"half-up"`. */
  readonly rounding?: RoundingMode;
  /** Show a `+` on positive values (for changes). Default `false`. */
  readonly signed?: boolean;
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
export function formatPercent(ratio: Numeric, options: FormatPercentOptions = {}): string {
  const percent = toDecimal(ratio, ["ratio"]).times(100);
  const digits = checkDigits(options.digits, 2);
  const text = groupDecimal(
    percent,
    digits,
    options.fixed ?? false,
    options.locale ?? "zh-CN",
    options.rounding,
  );
  const sign = options.signed && percent.gt(0) && !/^0(\.0*)?$/.test(text) ? "+" : "";
  return `${sign}${text}%`;
}
