// Turns exact (or nearly exact) contributions into decimals that sum exactly to the total.
import { type Decimal, PRECISION } from "../../_lib/decimal.js";
import {
  fromScaled,
  pow10,
  type Rational,
  rationalToDecimal,
  reduce,
  roundHalfUpDiv,
  toScaled,
} from "./exact.js";

export interface Apportioned {
  /** One decimal per value, each a whole multiple of `quantum`, summing exactly to the total. */
  readonly parts: readonly Decimal[];
  /** Total minus the sum of the half-up rounded values: what was reassigned to make the sum exact. */
  readonly residual: Decimal;
  /** The place the parts are rounded to: 10^-decimals. */
  readonly decimals: number;
}

/** Decimal places that keep `digits` significant digits of the largest magnitude, and every digit of the total. */
function chooseDecimals(
  magnitudes: readonly Decimal[],
  total: Decimal,
  digits: number = PRECISION,
): number {
  const totalScale = Math.max(0, toScaled(total).scale);
  let exponent: number | null = null;
  for (const value of [...magnitudes, total]) {
    if (!value.isZero() && (exponent === null || value.e > exponent)) exponent = value.e;
  }
  if (exponent === null) return totalScale;
  return Math.max(totalScale, digits - 1 - exponent);
}

/**
 * Rounds exact rationals (whose exact sum is `total`) half-up to a common decimal place and hands the
 * few units of rounding residual to the largest remainders (Hamilton), ties to the earlier value.
 */
export function apportionRationals(
  values: readonly Rational[],
  total: Decimal,
  digits: number = PRECISION,
): Apportioned {
  const reduced = values.map(reduce);
  const decimals = chooseDecimals(reduced.map(rationalToDecimal), total, digits);
  const scale = pow10(decimals);
  const units = reduced.map((value) => roundHalfUpDiv(value.num * scale, value.den));
  // remainder_i = value_i·10^d − units_i, compared as rationals num/den.
  const remainders: Rational[] = reduced.map((value, index) => ({
    num: value.num * scale - units[index]! * value.den,
    den: value.den,
  }));
  const totalScaled = toScaled(total);
  const totalUnits = totalScaled.int * pow10(decimals - totalScaled.scale);
  const sumUnits = units.reduce((sum, unit) => sum + unit, 0n);
  let missing = totalUnits - sumUnits;
  const residualUnits = missing;
  const order = reduced.map((_, index) => index);
  const compare = (a: number, b: number): number => {
    const x = remainders[a]!;
    const y = remainders[b]!;
    const left = x.num * y.den;
    const right = y.num * x.den;
    return left === right ? 0 : left > right ? -1 : 1;
  };
  if (missing > 0n) {
    // Stryker disable next-line ArithmeticOperator: the tie-break only runs on equal remainders, and V8's stable sort then calls the comparator with the later index first, so a + b and a - b are both positive
    order.sort((a, b) => compare(a, b) || a - b);
    for (const index of order) {
      if (missing === 0n) break;
      units[index] = units[index]! + 1n;
      missing -= 1n;
    }
  } else if (missing < 0n) {
    // Stryker disable next-line ArithmeticOperator: the tie-break only runs on equal remainders, and V8's stable sort then calls the comparator with the later index first, so a + b and a - b are both positive
    order.sort((a, b) => -compare(a, b) || a - b);
    for (const index of order) {
      if (missing === 0n) break;
      units[index] = units[index]! - 1n;
      missing += 1n;
    }
  }
  if (missing !== 0n) throw new Error("apportionRationals: values do not sum to the total");
  return {
    parts: units.map((unit) => fromScaled(unit, decimals)),
    residual: fromScaled(residualUnits, decimals),
    decimals,
  };
}

/**
 * Rounds approximate contributions half-up to a common place (a few digits short of the precision, so
 * the approximation error is below it) and adds what their sum misses to the largest in magnitude.
 */
export function apportionApproximate(
  values: readonly Decimal[],
  total: Decimal,
  digits: number = PRECISION - 4,
): Apportioned {
  const decimals = chooseDecimals(values, total, digits);
  const scale = pow10(decimals);
  const units = values.map((value) => {
    const scaled = toScaled(value);
    return roundHalfUpDiv(scaled.int * scale, pow10(scaled.scale));
  });
  const totalScaled = toScaled(total);
  const totalUnits = totalScaled.int * pow10(decimals - totalScaled.scale);
  const residualUnits = totalUnits - units.reduce((sum, unit) => sum + unit, 0n);
  if (residualUnits !== 0n && units.length > 0) {
    let largest = 0;
    const magnitude = (unit: bigint): bigint => (unit < 0n ? -unit : unit);
    units.forEach((unit, index) => {
      if (magnitude(unit) > magnitude(units[largest]!)) largest = index;
    });
    units[largest] = units[largest]! + residualUnits;
  }
  return {
    parts: units.map((unit) => fromScaled(unit, decimals)),
    residual: fromScaled(residualUnits, decimals),
    decimals,
  };
}
