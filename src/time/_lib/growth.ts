import type { Decimal } from "../../_lib/decimal.js";
import { PRECISION } from "../../_lib/decimal.js";
import type { ErrorPath } from "../../_lib/errors.js";
import { describeValue, TargetreeError } from "../../_lib/errors.js";
import { checkMagnitude } from "../../_lib/magnitude.js";
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
 * The growth factor per period, `(to / from)^(1 / periods)`, at the library
 * precision (64 significant digits, half-up): `exp(ln(to / from) / periods)`. When
 * the root is exact and short (1.21 over 2 periods is 1.1), the exact value is
 * returned. Needs a positive `from` and a non-negative `to`.
 */
export function growthFactor(
  from: Decimal,
  to: Decimal,
  periods: Decimal,
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
  if (ratio.isZero() || periods.eq(1)) return checkMagnitude(ratio, toPath, "The growth factor");
  const root = ratio.ln().dividedBy(periods).exp();
  if (periods.isInteger()) {
    // ln/exp leave the last digit uncertain: prefer a shorter root that is exact.
    const candidate = root.toSignificantDigits(PRECISION - 4);
    if (candidate.pow(periods.toNumber()).eq(ratio)) {
      return checkMagnitude(candidate, toPath, "The growth factor");
    }
  }
  return checkMagnitude(root, toPath, "The growth factor");
}
