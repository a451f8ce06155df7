import type { Decimal } from "../_lib/decimal.js";
import type { Direction } from "../_lib/direction.js";
import {
  achievementRatio,
  DIRECTIONS,
  shortfall,
  zeroAchievementReason,
} from "../_lib/direction.js";
import { readChoice } from "../_lib/options.js";
import type { Numeric } from "../_lib/types.js";
import { readFields, requiredNumber } from "./_lib/input.js";

/** The input of {@link achievement}. */
export interface AchievementInput {
  /** The result achieved, e.g. `"80万"`. */
  readonly actual: Numeric;
  /** The target for the same period and unit. */
  readonly target: Numeric;
  /** Which way is better. Default `"higher"`. */
  readonly direction?: Direction;
}

/** The result of {@link achievement}. */
export interface AchievementResult {
  /** The achievement ratio (1 = 100%), exact; `null` when its denominator is zero. */
  readonly achievement: Decimal | null;
  /** Why `achievement` is `null`; `null` when there is a ratio. */
  readonly reason: string | null;
  /** True when the actual reaches the target in the better direction (as `gap(...).met`). */
  readonly met: boolean;
  /** The actual, exact. */
  readonly actual: Decimal;
  /** The target, exact. */
  readonly target: Decimal;
  /** Which way is better, as given or defaulted (`"higher"`). */
  readonly direction: Direction;
}

const FIELDS: readonly string[] = ["actual", "target", "direction"];

/**
 * Achievement rate (完成率 / 达成率) as a ratio (1 = 100%).
 *
 * - Higher is better: actual / target.
 * - Lower is better (costs, CAC): target / actual, so spending 500 against 400 gives 80%.
 * - A negative denominator (a loss target) gives 1 + surplus / |denominator|, so the ratio
 *   is ≥ 1 exactly when the target is met, as with `gap(...).met`.
 *
 * A zero denominator (a zero target, or a zero actual when lower is better) is a data
 * condition, not an error: `achievement` is `null` and `reason` says why, never Infinity.
 *
 * @param input - `actual`, `target` and optionally `direction`; any other field is refused.
 * @returns The achievement ratio (or `null` and a reason), `met`, and the values it read.
 * @throws {TargetreeError} `INVALID_NUMBER` for NaN, `""`, `null`…; `UNKNOWN_OPTION` for a
 *   field other than `actual`, `target`, `direction`; `INVALID_ARGUMENT` for a missing value or
 *   an unknown `direction`; `NUMBER_TOO_LARGE` when the ratio leaves the supported magnitude
 *   (|x| < 1e1000), e.g. 1e999 against 1e-999.
 *
 * @example
 * achievement({ actual: "80万", target: "100万" }).achievement?.toString() //=> "0.8"
 * achievement({ actual: 600_000, target: "20万" }).achievement?.toString() //=> "3"
 * achievement({ actual: 500, target: 400, direction: "lower" }).achievement?.toString() //=> "0.8"
 * const none = achievement({ actual: 5, target: 0 });
 * [none.achievement, none.met] //=> [null, true]
 */
export function achievement(input: AchievementInput): AchievementResult {
  const record = readFields(input, FIELDS, [], "achievement input");
  const actual = requiredNumber(record, "actual", []);
  const target = requiredNumber(record, "target", []);
  const direction = readChoice(record, "direction", DIRECTIONS, "higher", []);
  const denominator = direction === "higher" ? "target" : "actual";
  const ratio = achievementRatio(actual, target, direction, [denominator]);
  return {
    achievement: ratio,
    reason: ratio === null ? zeroAchievementReason(direction) : null,
    met: shortfall(actual, target, direction).lte(0),
    actual,
    target,
    direction,
  };
}
