import type { Decimal } from "../_lib/decimal.js";
import type { Direction } from "../_lib/direction.js";
import { achievementRatio, DIRECTIONS, zeroAchievementReason } from "../_lib/direction.js";
import { TargetreeError } from "../_lib/errors.js";
import type { Numeric } from "../_lib/types.js";
import { readChoice, requiredNumber, requireRecord } from "./_lib/input.js";

/** The input of {@link achievement}. */
export interface AchievementInput {
  /** The result achieved, e.g. `"80万"`. */
  readonly actual: Numeric;
  /** The target for the same period and unit. */
  readonly target: Numeric;
  /** Which way is better. Default `"higher"`. */
  readonly direction?: Direction;
}

/**
 * Achievement rate (完成率 / 达成率) as a ratio (1 = 100%).
 *
 * - Higher is better: actual / target.
 * - Lower is better (costs, CAC): target / actual, so spending 500 against 400 gives 80%.
 * - A negative denominator (a loss target) gives 1 + surplus / |denominator|, so the result
 *   is ≥ 1 exactly when the target is met, as with `gap(...).met`.
 *
 * The ratio is the whole answer, so a zero denominator throws (where `gap` and `scorecard`
 * return a `null` rate with a reason, because they have other figures to give).
 *
 * @param input - `actual`, `target` and optionally `direction`.
 * @returns The achievement ratio, exact.
 * @throws {TargetreeError} `DIVISION_BY_ZERO` for a zero target (higher is better) or a zero
 *   actual (lower is better); `INVALID_NUMBER` for NaN, `""`, `null`…; `INVALID_ARGUMENT`
 *   for a missing value or an unknown `direction`; `NUMBER_TOO_LARGE` when the ratio leaves
 *   the supported magnitude (|x| < 1e1000), e.g. 1e999 against 1e-999.
 *
 * @example
 * achievement({ actual: "80万", target: "100万" }).toString() //=> "0.8"
 * achievement({ actual: 600_000, target: "20万" }).toString() //=> "3"
 * achievement({ actual: 500, target: 400, direction: "lower" }).toString() //=> "0.8"
 */
export function achievement(input: AchievementInput): Decimal {
  const record = requireRecord(input, [], "achievement input");
  const actual = requiredNumber(record, "actual", []);
  const target = requiredNumber(record, "target", []);
  const direction = readChoice(record, "direction", DIRECTIONS, "higher", []);
  const denominator = direction === "higher" ? "target" : "actual";
  const ratio = achievementRatio(actual, target, direction, [denominator]);
  if (ratio === null) {
    throw new TargetreeError(
      "DIVISION_BY_ZERO",
      `${zeroAchievementReason(direction)} Use gap() for the absolute difference.`,
      { path: [denominator] },
    );
  }
  return ratio;
}
