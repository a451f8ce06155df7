// Decimals small enough for exact int53 arithmetic: a mantissa that is a safe integer (|m| < 2^53)
// and a scale s ≥ 0, value = m × 10^-s. The compiled models' fast path computes in these and builds
// a Decimal only when asked; everything here agrees exactly with decimal.js (property-tested).
import type { Decimal } from "../decimal.js";
import { digitsOf, exponentOf } from "./layout.js";

/** 10^k as doubles, exact for k ≤ 22. */
export const SAFE_POWERS_OF_TEN: readonly number[] = [
  1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17,
  1e18, 1e19, 1e20, 1e21, 1e22,
];

/** Number.MAX_SAFE_INTEGER as a literal (no property read at module scope). */
export const MAX_SAFE_MANTISSA = 9_007_199_254_740_991;

// Below 2^40, the float product v·10^k is within 3/8 of the integer, and at most one k-place
// decimal lies in v's rounding interval, so the first k that round-trips gives exactly the digits
// of `new Decimal(v)` (the shortest round-trip decimal); the same argument as decimalFromNumber.
const LIMIT = 2 ** 40;
const MOST_PLACES = 13;

/**
 * A number of decimal places that holds exactly the decimal a finite double stands for (the digits
 * `new Decimal(value)` holds), with a mantissa below 2^40, found by arithmetic; otherwise -1 (the
 * caller takes decimal.js's path). The mantissa is `Math.round(value × 10^places)`. `guess` (the
 * places of a similar value, such as the row before) is tried first: any places whose mantissa
 * round-trips below 2^40 hold the decimal exactly, the fewest or not.
 */
export function numberScale(value: number, guess = 0): number {
  if (Number.isInteger(value)) {
    return value <= MAX_SAFE_MANTISSA && value >= -MAX_SAFE_MANTISSA ? 0 : -1;
  }
  const magnitude = value < 0 ? -value : value;
  if (!(magnitude < LIMIT)) return -1;
  if (guess > 0 && guess <= MOST_PLACES) {
    const power = SAFE_POWERS_OF_TEN[guess]!;
    const scaled = Math.round(magnitude * power);
    if (scaled < LIMIT && scaled / power === magnitude) return guess;
  }
  for (let places = 1; places <= MOST_PLACES; places++) {
    const power = SAFE_POWERS_OF_TEN[places]!;
    const scaled = Math.round(magnitude * power);
    if (scaled >= LIMIT) return -1;
    if (scaled / power === magnitude) return places;
  }
  return -1;
}

/** Largest scale {@link safeScaledOf} gives: beyond it a value has too many places for int53 work. */
export const MAX_SAFE_SCALE = 22;

/**
 * A finite Decimal as a safe integer mantissa and a scale in 0…22 (value = mantissa × 10^-scale),
 * or null when its digits do not fit (more than 15 significant digits, or too many places).
 */
export function safeScaledOf(
  value: Decimal,
): { readonly mantissa: number; readonly scale: number } | null {
  if (value.isZero()) return { mantissa: 0, scale: 0 };
  if (value.precision() > 15) return null;
  const digits = digitsOf(value);
  const places = digits.length - 1 - exponentOf(value);
  if (places > MAX_SAFE_SCALE) return null;
  let magnitude = Number(digits);
  // A value like 3e5 has a negative scale: its mantissa takes the zeros (15 digits fit exactly).
  if (places < 0) magnitude *= SAFE_POWERS_OF_TEN[-places] ?? Number.POSITIVE_INFINITY;
  if (!(magnitude <= MAX_SAFE_MANTISSA)) return null;
  return { mantissa: value.isNegative() ? -magnitude : magnitude, scale: places < 0 ? 0 : places };
}
