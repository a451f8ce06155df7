import type { Decimal } from "../../_lib/decimal.js";
import type { ErrorPath } from "../../_lib/errors.js";
import { describeValue, TargetreeError } from "../../_lib/errors.js";
import type { Numeric } from "../../_lib/types.js";
import { toDecimal } from "../../numbers/toDecimal.js";

/** Longest growth path: 1,000 steps. */
export const MAX_GROWTH_STEPS = 1000;

/** A positive number of periods (a Numeric, e.g. 4 or 1.5). */
export function checkPeriods(value: unknown, path: ErrorPath): Decimal {
  if (typeof value !== "number" && typeof value !== "string" && typeof value !== "object") {
    throw new TargetreeError(
      "INVALID_ARGUMENT",
      `Expected a positive number of periods, got ${describeValue(value)}.`,
      { path },
    );
  }
  const periods = toDecimal(value as Numeric, path);
  if (!periods.isPositive() || periods.isZero() || periods.gt(MAX_GROWTH_STEPS)) {
    throw new TargetreeError(
      "INVALID_ARGUMENT",
      `The number of periods must be above 0 and at most ${MAX_GROWTH_STEPS}, got ${periods.toString()}.`,
      { path },
    );
  }
  return periods;
}

/**
 * The compound factor `(to / from) ^ exponent`, at the library precision (64
 * significant digits, half-up). Needs a positive `from` and a non-negative `to`.
 */
export function compoundFactor(
  from: Decimal,
  to: Decimal,
  exponent: Decimal,
  fromPath: ErrorPath,
  toPath: ErrorPath,
): Decimal {
  if (from.isZero()) {
    throw new TargetreeError(
      "DIVISION_BY_ZERO",
      "Growth from zero has no rate: the starting value is 0. Use an absolute increase (linear path) instead.",
      { path: fromPath },
    );
  }
  if (from.isNegative()) {
    throw new TargetreeError(
      "INVALID_OPERATION",
      `Compound growth needs a positive starting value, got ${from.toString()}.`,
      { path: fromPath },
    );
  }
  if (to.isNegative()) {
    throw new TargetreeError(
      "INVALID_OPERATION",
      `Compound growth cannot reach a negative value (${to.toString()}): the root of a negative ratio has no real result.`,
      { path: toPath },
    );
  }
  const ratio = to.dividedBy(from);
  if (ratio.isZero()) return ratio;
  return exponent.eq(1) ? ratio : ratio.pow(exponent);
}
