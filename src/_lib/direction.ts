// Direction-aware shortfall and achievement, shared by measure (gap, achievement, scorecard) and
// analysis (reconcile).
import type { Decimal } from "./decimal.js";
import { ONE } from "./decimal.js";
import type { ErrorPath } from "./errors.js";
import { checkMagnitude } from "./magnitude.js";

/** Which way is better for a metric: `"higher"` (sales, conversion) or `"lower"` (cost, churn, CAC). */
export type Direction = "higher" | "lower";

export const DIRECTIONS: readonly Direction[] = ["higher", "lower"];

/** Shortfall: positive when `current` is worse than `target` in the better direction. */
export function shortfall(current: Decimal, target: Decimal, direction: Direction): Decimal {
  return direction === "higher" ? target.minus(current) : current.minus(target);
}

/**
 * Achievement (完成率): actual / target when higher is better, target / actual when
 * lower is better. For a negative denominator it is 1 + surplus / |denominator|, so
 * a result ≥ 1 still means "met". `null` when the denominator is zero.
 * Throws `NUMBER_TOO_LARGE` (at `path`) when the ratio leaves the supported magnitude.
 */
export function achievementRatio(
  actual: Decimal,
  target: Decimal,
  direction: Direction,
  path: ErrorPath,
): Decimal | null {
  const [numerator, denominator] = direction === "higher" ? [actual, target] : [target, actual];
  if (denominator.isZero()) return null;
  const ratio = denominator.isPositive()
    ? numerator.div(denominator)
    : ONE.plus(numerator.minus(denominator).div(denominator.abs()));
  return checkMagnitude(ratio, path, "The achievement");
}

/** Why an achievement is undefined, for a `reason` field or an error message. */
export function zeroAchievementReason(direction: Direction): string {
  return direction === "higher"
    ? "The target is zero, so achievement (actual / target) is undefined."
    : "The actual is zero, so achievement for a lower-is-better metric (target / actual) is undefined.";
}
