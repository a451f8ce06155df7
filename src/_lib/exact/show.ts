import type { Decimal } from "../decimal.js";
import { type Scaled, unitsToDecimal } from "./scaled.js";

/** Shows an exact value in an error message with thousands separators: `120,000,000.5`. */
export function showValue(value: Decimal): string {
  const text = value.toFixed();
  const negative = text.startsWith("-");
  const body = negative ? text.slice(1) : text;
  const dot = body.indexOf(".");
  const integer = dot < 0 ? body : body.slice(0, dot);
  let grouped = "";
  for (let end = integer.length; end > 0; end -= 3) {
    const group = integer.slice(Math.max(0, end - 3), end);
    grouped = grouped === "" ? group : `${group},${grouped}`;
  }
  return `${negative ? "-" : ""}${grouped}${dot < 0 ? "" : body.slice(dot)}`;
}

/** Shows `count` units of `unit` in an error message. */
export function showUnits(count: bigint, unit: Scaled): string {
  return showValue(unitsToDecimal(count, unit));
}
