// Direction-aware shortfall and achievement, shared by gap, achievement and scorecard.
import type { Decimal } from "../../_lib/decimal.js";
import { ONE } from "../../_lib/decimal.js";
import type { Direction } from "../types.js";

export const DIRECTIONS: readonly Direction[] = ["higher", "lower"];

/** Shortfall: positive when `current` is worse than `target` in the better direction. */
export function shortfall(current: Decimal, target: Decimal, direction: Direction): Decimal {
  return direction === "higher" ? target.minus(current) : current.minus(target);
}

/**
 * Achievement (完成率): actual / target when higher is better, target / actual when
 * lower is better. For a negative denominator it is 1 + surplus / |denominator|, so
 * a result ≥ 1 still means "met". `null` when the denominator is zero.
 */
export function achievementRatio(
  actual: Decimal,
  target: Decimal,
  direction: Direction,
): Decimal | null {
  const [numerator, denominator] = direction === "higher" ? [actual, target] : [target, actual];
  if (denominator.isZero()) return null;
  if (denominator.isPositive()) return numerator.div(denominator);
  return ONE.plus(numerator.minus(denominator).div(denominator.abs()));
}

/** Why an achievement is undefined, for a `reason` field or an error message. */
export function zeroAchievementReason(direction: Direction): string {
  return direction === "higher"
    ? "The target is zero, so achievement (actual / target) is undefined."
    : "The actual is zero, so achievement for a lower-is-better metric (target / actual) is undefined.";
}
