import { Decimal } from "../_lib/decimal.js";
import { TargetreeError } from "../_lib/errors.js";
import { roundingConstant } from "../_lib/rounding.js";
import type { Numeric, RoundingMode } from "../_lib/types.js";
import { toDecimal } from "./toDecimal.js";

/** How `formatAmount` scales a value: by 亿 or 万, in 元, plain, or by magnitude (`"auto"`). */
export type AmountUnit = "auto" | "亿" | "万" | "元" | "none";

export interface FormatAmountOptions {
  /** Default `"auto"`: 亿 from 1亿, 万 from 1万, plain below. `"元"` appends 元; `"none"` is plain. */
  readonly unit?: AmountUnit;
  /** Most fraction digits shown after scaling. Default 2. Trailing zeros are dropped unless `fixed`. */
  readonly digits?: number;
  /** Always show exactly `digits` fraction digits. Default `false`. */
  readonly fixed?: boolean;
  /** Default `"half-up"` (四舍五入). */
  readonly rounding?: RoundingMode;
  /** A BCP 47 locale for digit grouping. Default `"zh-CN"`. */
  readonly locale?: string;
}

const SCALE: Readonly<Record<"亿" | "万", number>> = { 亿: 8, 万: 4 };

/** Checks a `digits` option: an integer from 0 to 20. */
export function checkDigits(digits: unknown, fallback: number): number {
  if (digits === undefined) return fallback;
  if (typeof digits !== "number" || !Number.isInteger(digits) || digits < 0 || digits > 20) {
    throw new TargetreeError("INVALID_ARGUMENT", "digits must be a whole number from 0 to 20.", {
      path: ["digits"],
    });
  }
  return digits;
}

/** Rounds and groups a decimal string exactly (Intl formats decimal strings without going through floating point). */
export function groupDecimal(
  value: Decimal,
  digits: number,
  fixed: boolean,
  locale: string,
  rounding: RoundingMode | undefined,
): string {
  const rounded = value.toDecimalPlaces(digits, roundingConstant(rounding));
  const formatter = new Intl.NumberFormat(locale, {
    minimumFractionDigits: fixed ? digits : 0,
    maximumFractionDigits: digits,
    roundingMode: "trunc",
  } as Intl.NumberFormatOptions);
  // Intl accepts exact decimal strings; the cast covers older lib typings.
  return formatter.format((rounded.isZero() ? "0" : rounded.toFixed(digits)) as unknown as number);
}

/**
 * Formats an amount for people: `480万`, `1.2亿`, `909,090.91`.
 *
 * @param value - The amount.
 * @param options - Unit, fraction digits, rounding and locale.
 * @returns The formatted text.
 * @throws {TargetreeError} `INVALID_NUMBER` for a bad value; `INVALID_ARGUMENT` for bad options.
 *
 * @example
 * formatAmount(4_800_000)                  //=> "480万"
 * formatAmount("1.2亿")                     //=> "1.2亿"
 * formatAmount(909090.909, { unit: "元" })  //=> "909,090.91元"
 */
export function formatAmount(value: Numeric, options: FormatAmountOptions = {}): string {
  const amount = toDecimal(value, ["value"]);
  const digits = checkDigits(options.digits, 2);
  const locale = options.locale ?? "zh-CN";
  const unit = options.unit ?? "auto";
  let scaled: "亿" | "万" | null;
  switch (unit) {
    case "auto": {
      const magnitude = amount.abs();
      scaled = magnitude.gte(1e8) ? "亿" : magnitude.gte(1e4) ? "万" : null;
      break;
    }
    case "亿":
    case "万":
      scaled = unit;
      break;
    case "元":
    case "none":
      scaled = null;
      break;
    default:
      throw new TargetreeError(
        "INVALID_ARGUMENT",
        'unit must be "auto", "亿", "万", "元" or "none".',
        { path: ["unit"] },
      );
  }
  const shown = scaled === null ? amount : amount.times(new Decimal(10).pow(-SCALE[scaled]));
  const text = groupDecimal(shown, digits, options.fixed ?? false, locale, options.rounding);
  return `${text}${scaled ?? (unit === "元" ? "元" : "")}`;
}
