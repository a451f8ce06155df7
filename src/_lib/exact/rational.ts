// Exact rationals with BigInt: Shapley values and rounding remainders compare without rounding.
import type { Decimal } from "../decimal.js";
import { fromScaled } from "./scaled.js";

/** A rational number num/den with den > 0 (not necessarily reduced). */
export interface Rational {
  readonly num: bigint;
  readonly den: bigint;
}

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

/** A rational in lowest terms, denominator positive (a negative denominator's sign moves up). */
export function reduce(value: Rational): Rational {
  if (value.num === 0n) return { num: 0n, den: 1n };
  const divisor = gcd(value.num, value.den);
  const sign = value.den < 0n ? -1n : 1n;
  return { num: (sign * value.num) / divisor, den: (sign * value.den) / divisor };
}

/** Negative, zero or positive as a < b, a = b, a > b (positive denominators). */
export function compareRationals(a: Rational, b: Rational): number {
  const left = a.num * b.den;
  const right = b.num * a.den;
  return left === right ? 0 : left > right ? 1 : -1;
}

/** The reduced fraction as text: "1280/3", or "426" when the denominator is 1. */
export function formatRational(value: Rational): string {
  const { num, den } = reduce(value);
  if (den === 1n) return num.toString();
  return `${num}/${den}`;
}

/** An approximation of a rational as a Decimal at the library precision. */
export function rationalToDecimal(value: Rational): Decimal {
  return fromScaled(value.num, 0).div(fromScaled(value.den, 0));
}
