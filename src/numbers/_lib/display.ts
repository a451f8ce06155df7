// What formatAmount and formatPercent share: the locale's separators, the rounding mode, and exact
// rounding and digit grouping at any magnitude the library allows.
import type { Decimal as DecimalJs } from "decimal.js";
import type { Decimal } from "../../_lib/decimal.js";
import { type ErrorPath, excerpt, TargetreeError } from "../../_lib/errors.js";
import { own } from "../../_lib/records.js";
import { roundingConstant } from "../../_lib/rounding.js";
import type { RoundingMode } from "../../_lib/types.js";

/** What a `null` value (a rate over a zero basis, given with its reason) is shown as. */
export const NO_VALUE = "—";

/** How numbers are written: the locale's separators and the rounding mode. */
export interface NumberStyle {
  readonly group: string;
  readonly decimal: string;
  readonly rounding: DecimalJs.Rounding;
}

/**
 * Reads the `locale` (default `"zh-CN"`) and `rounding` (default half-up) options. Intl supplies
 * the separators only, read once per call with a null-prototype options object.
 */
export function readNumberStyle(settings: object, path: ErrorPath): NumberStyle {
  const locale = own(settings, "locale") ?? "zh-CN";
  if (typeof locale !== "string") {
    throw new TargetreeError("INVALID_ARGUMENT", 'locale must be a BCP 47 tag such as "zh-CN".', {
      path: [...path, "locale"],
    });
  }
  let parts: Intl.NumberFormatPart[];
  try {
    const options: Intl.NumberFormatOptions = Object.create(null);
    parts = new Intl.NumberFormat(locale, options).formatToParts(12345.5);
  } catch {
    throw new TargetreeError("INVALID_ARGUMENT", `${excerpt(locale)} is not a locale Intl knows.`, {
      path: [...path, "locale"],
    });
  }
  const find = (type: string, fallback: string) =>
    parts.find((part) => part.type === type)?.value ?? fallback;
  const rounding = roundingConstant(own(settings, "rounding") as RoundingMode | undefined, [
    ...path,
    "rounding",
  ]);
  return { group: find("group", ","), decimal: find("decimal", "."), rounding };
}

/** `value` rounded to `digits` fraction digits in the style's mode, as it will be shown. */
export function roundForDisplay(value: Decimal, digits: number, style: NumberStyle): Decimal {
  return value.toDecimalPlaces(digits, style.rounding);
}

/**
 * Rounds and groups a value exactly. Intl's own formatting of decimal strings overflows to "∞"
 * past 1e308, so the digits are grouped here.
 */
export function groupDecimal(
  value: Decimal,
  digits: number,
  fixed: boolean,
  style: NumberStyle,
): string {
  const rounded = roundForDisplay(value, digits, style);
  const text = rounded.abs().toFixed(digits);
  // Stryker disable next-line StringLiteral: split always yields a first element
  const [whole = "0", fraction = ""] = text.split(".");
  let shownFraction = fixed ? fraction : fraction.replace(/0+$/, "");
  if (shownFraction !== "") shownFraction = style.decimal + shownFraction;
  const grouped = whole.replace(/\B(?=(\d{3})+$)/g, style.group);
  const sign = rounded.isNegative() && !rounded.isZero() ? "-" : "";
  return `${sign}${grouped}${shownFraction}`;
}
