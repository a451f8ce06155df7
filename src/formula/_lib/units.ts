// Unit suffixes of number literals and exact decimal shifting for printing them.
import { Decimal } from "../../_lib/decimal.js";
import { own } from "../../_lib/records.js";
import type { LiteralUnit, NumberNode } from "../ast.js";

/** Each canonical literal unit and the power of ten it stands for. */
export const UNIT_POWERS: Readonly<Record<LiteralUnit, number>> = {
  万亿: 12,
  千万: 7,
  百万: 6,
  亿: 8,
  万: 4,
  千: 3,
  "%": -2,
  "‰": -3,
};

/** Suffixes the lexer recognises, longest first (so 万亿 wins over 万), with their canonical unit. */
export const SUFFIXES: readonly (readonly [string, LiteralUnit])[] = [
  ["万亿", "万亿"],
  ["千万", "千万"],
  ["百万", "百万"],
  ["亿", "亿"],
  ["万", "万"],
  ["千", "千"],
  ["%", "%"],
  ["％", "%"],
  ["‰", "‰"],
];

/** `value × 10^shift`, exactly: the digits are kept, only the exponent moves (no rounding to the precision). */
export function shiftDecimal(value: Decimal, shift: number): Decimal {
  if (value.isZero() || shift === 0) return value;
  const text = value.toExponential();
  const at = text.indexOf("e");
  return new Decimal(`${text.slice(0, at)}e${Number(text.slice(at + 1)) + shift}`);
}

/**
 * A number node's own `unit`: a literal without one has none, even when a `unit` is planted on
 * Object.prototype (which would otherwise print `2` as `0.0002万`).
 */
export function unitOf(node: NumberNode): LiteralUnit | undefined {
  return own(node, "unit") as LiteralUnit | undefined;
}
