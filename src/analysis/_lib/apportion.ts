// Turns exact (or nearly exact) contributions into decimals that sum exactly to the total.
import { type Decimal, PRECISION } from "../../_lib/decimal.js";
import {
  exponentOf,
  fromScaled,
  pow10,
  type Rational,
  rationalToDecimal,
  reduce,
  roundedUnits,
  roundToTotal,
  type Scaled,
  toScaled,
} from "../../_lib/exact/index.js";

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
    if (!value.isZero() && (exponent === null || exponentOf(value) > exponent)) {
      exponent = exponentOf(value);
    }
  }
  if (exponent === null) return totalScale;
  return Math.max(totalScale, digits - 1 - exponent);
}

/** `value` in whole units of 10^-decimals, rounded half-up (exact when it has no more decimals). */
function unitsAt(value: Decimal, decimals: number): bigint {
  const place: Scaled = { mantissa: 1n, scale: decimals };
  return roundedUnits(toScaled(value), place, "half-up");
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
  const quotas = reduced.map((value) => ({ num: value.num * scale, den: value.den }));
  const rounded = roundToTotal(quotas, unitsAt(total, decimals), "half-up");
  if (rounded === null) throw new Error("apportionRationals: values do not sum to the total");
  return {
    parts: rounded.units.map((unit) => fromScaled(unit, decimals)),
    residual: fromScaled(rounded.residual, decimals),
    decimals,
  };
}
