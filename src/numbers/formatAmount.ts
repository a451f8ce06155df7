import { Decimal } from "../_lib/decimal.js";
import { excerpt, TargetreeError } from "../_lib/errors.js";
import { booleanOption, ownOptions, stringOption } from "../_lib/options.js";
import { roundingConstant } from "../_lib/rounding.js";
import type { Numeric, RoundingMode } from "../_lib/types.js";
import { toDecimal } from "./toDecimal.js";

/** How `formatAmount` scales a value: by 亿 or 万, in 元, plain, or by magnitude (`"auto"`). */
export type AmountUnit = "auto" | "亿" | "万" | "元" | "none";

/** Options of {@link formatAmount}; a bad value is `INVALID_ARGUMENT`. */
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
  // Stryker disable next-line ConditionalExpression: Number.isInteger is false for every non-number, so dropping the typeof test changes nothing
  if (typeof digits !== "number" || !Number.isInteger(digits) || digits < 0 || digits > 20) {
    throw new TargetreeError("INVALID_ARGUMENT", "digits must be a whole number from 0 to 20.", {
      path: ["digits"],
    });
  }
  return digits;
}

/** The locale's grouping and decimal separators, read from Intl once per call (null-prototype options). */
function separators(locale: unknown): { group: string; decimal: string } {
  if (typeof locale !== "string") {
    throw new TargetreeError("INVALID_ARGUMENT", 'locale must be a BCP 47 tag such as "zh-CN".', {
      path: ["locale"],
    });
  }
  let parts: Intl.NumberFormatPart[];
  try {
    const options: Intl.NumberFormatOptions = Object.create(null);
    parts = new Intl.NumberFormat(locale, options).formatToParts(12345.5);
  } catch {
    throw new TargetreeError("INVALID_ARGUMENT", `${excerpt(locale)} is not a locale Intl knows.`, {
      path: ["locale"],
    });
  }
  const find = (type: string, fallback: string) =>
    parts.find((part) => part.type === type)?.value ?? fallback;
  return { group: find("group", ","), decimal: find("decimal", ".") };
}

/**
 * Rounds and groups a value exactly, at any magnitude the library allows. Intl only supplies the
 * locale's separators: its own formatting of decimal strings overflows to "∞" past 1e308.
 */
export function groupDecimal(
  value: Decimal,
  digits: number,
  fixed: boolean,
  locale: unknown,
  rounding: unknown,
): string {
  const { group, decimal } = separators(locale);
  const rounded = value.toDecimalPlaces(
    digits,
    roundingConstant(rounding as RoundingMode | undefined),
  );
  const text = rounded.abs().toFixed(digits);
  // Stryker disable next-line StringLiteral: split always yields a first element, so the "0" default is never used
  const [whole = "0", fraction = ""] = text.split(".");
  let shownFraction = fixed ? fraction : fraction.replace(/0+$/, "");
  if (shownFraction !== "") shownFraction = decimal + shownFraction;
  const grouped = whole.replace(/\B(?=(\d{3})+$)/g, group);
  const sign = rounded.isNegative() && !rounded.isZero() ? "-" : "";
  return `${sign}${grouped}${shownFraction}`;
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
export function formatAmount(value: Numeric, options?: FormatAmountOptions): string {
  const amount = toDecimal(value, ["value"]);
  const settings = ownOptions(options);
  const digits = checkDigits(settings.digits, 2);
  const unit = stringOption<AmountUnit>(
    settings.unit,
    "auto",
    ["unit"],
    ["auto", "亿", "万", "元", "none"],
  );
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
  const fixed = booleanOption(settings.fixed, false, ["fixed"]);
  const text = groupDecimal(shown, digits, fixed, settings.locale ?? "zh-CN", settings.rounding);
  return `${text}${scaled ?? (unit === "元" ? "元" : "")}`;
}
