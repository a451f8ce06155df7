import type { Decimal } from "../_lib/decimal.js";
import { Decimal as DecimalValue, ZERO } from "../_lib/decimal.js";
import type { Direction } from "../_lib/direction.js";
import { achievementRatio, DIRECTIONS, zeroAchievementReason } from "../_lib/direction.js";
import { TargetreeError } from "../_lib/errors.js";
import { readChoice } from "../_lib/options.js";
import type { Numeric } from "../_lib/types.js";
import { optionalNumber, readInteger, readSettings } from "./_lib/input.js";
import { missFlags, missRuns, readBelow } from "./_lib/misses.js";
import type { PeriodResult } from "./_lib/periods.js";
import { readPeriods } from "./_lib/periods.js";

/** Options of {@link teamHealth}. */
export interface TeamHealthOptions {
  /** Which way is better, for periods given as `{ actual, target }`. Default `"higher"`. */
  readonly direction?: Direction;
  /** Misses in a row that put a team in danger, a whole number ≥ 1. Default 3. */
  readonly misses?: number;
  /**
   * What a miss is: a period whose achievement is strictly below this (`"50%"`), so
   * `{ misses: 3, below: "50%" }` is "3 periods in a row under 50%". Periods must then be given
   * as `{ actual, target }`. Default: a period that does not reach its target.
   */
  readonly below?: Numeric;
  /** Which run of misses counts: `"trailing"` (default, the current streak) or `"longest"`. */
  readonly streak?: "trailing" | "longest";
  /** Stage achievement strictly below this is danger. Default `"50%"`. */
  readonly stageBelow?: Numeric;
  /**
   * The stage (阶段) achievement, if known. Default: achievement of the summed actuals against
   * the summed targets of the periods (which then must all be given as `{ actual, target }`).
   */
  readonly stageAchievement?: Numeric;
}

/** Why a team is in danger. */
export type TeamHealthCause = "consecutive-misses" | "low-achievement";

/** The result of {@link teamHealth}. */
export interface TeamHealthResult {
  /** `"danger"` when any cause applies, otherwise `"ok"`. */
  readonly status: "danger" | "ok";
  /**
   * Why the team is in danger: `"consecutive-misses"` and/or `"low-achievement"`, in that order;
   * empty when `status` is `"ok"`.
   */
  readonly causes: readonly TeamHealthCause[];
  /** The run of misses that was compared with `misses`. */
  readonly missesInARow: number;
  /**
   * The stage achievement that was compared with `stageBelow`; `null` when the summed
   * denominator is zero (then it puts no team in danger).
   */
  readonly stageAchievement: Decimal | null;
  /** Why `stageAchievement` is `null`; `null` otherwise. */
  readonly reason: string | null;
}

const OPTIONS: readonly string[] = [
  "direction",
  "misses",
  "below",
  "streak",
  "stageBelow",
  "stageAchievement",
];
const STREAKS: readonly ("trailing" | "longest")[] = ["trailing", "longest"];

/**
 * The W5 team-health rule (团队健康度): a team that misses `misses` (3) or more periods in a
 * row, or whose stage achievement is below `stageBelow` (50%), is in danger. A miss is a period
 * short of its target, or with `below`, a period whose achievement is under that threshold. By
 * default the run is the trailing one (a team that has recovered is not in danger for an old
 * streak); pass `streak: "longest"` to count any run in the series.
 *
 * @param periods - Periods, oldest first: `{ actual, target }` or `{ met }`.
 * @param options - `misses`, `below`, `stageBelow`, `streak`, `direction`, and an explicit
 *   `stageAchievement`.
 * @returns The status, its causes, and the two figures that were tested.
 * @throws {TargetreeError} `INVALID_ARGUMENT` when the stage achievement cannot be computed
 *   (periods given as `{ met }` without `stageAchievement`), for a `{ met }` period with `below`,
 *   or for bad options; `UNKNOWN_OPTION` for an option not listed above; `INVALID_NUMBER` for
 *   non-numbers; `NUMBER_TOO_LARGE` when an achievement leaves the supported magnitude.
 *
 * @example
 * const months = [
 *   { actual: "9万", target: "80万" },
 *   { actual: "60万", target: "20万" },
 *   { actual: "15万", target: "20万" },
 * ];
 * teamHealth(months).status //=> "ok"
 * teamHealth(months, { stageAchievement: "40%" }).causes //=> ["low-achievement"]
 * const low = [{ actual: 40, target: 100 }, { actual: 45, target: 100 }, { actual: 30, target: 100 }];
 * teamHealth(low, { misses: 3, below: "50%", stageBelow: 0 }).causes //=> ["consecutive-misses"]
 */
export function teamHealth(
  periods: readonly PeriodResult[],
  options: TeamHealthOptions = {},
): TeamHealthResult {
  const settings = readSettings(options, OPTIONS);
  const direction = readChoice(settings, "direction", DIRECTIONS, "higher", ["options"]);
  const limit = readInteger(settings, "misses", 1, 3, ["options"]);
  const below = readBelow(settings);
  const streakKind = readChoice(settings, "streak", STREAKS, "trailing", ["options"]);
  const stageBelow = readBelow(settings, "stageBelow") ?? new DecimalValue("0.5");
  const read = readPeriods(periods, direction, "periods");
  const runs = missRuns(missFlags(read, direction, below, "periods"));
  const run = streakKind === "trailing" ? runs.trailing : runs.longest;

  let stage: Decimal | null | undefined = optionalNumber(settings, "stageAchievement", ["options"]);
  let reason: string | null = null;
  if (stage === undefined) {
    let actual = ZERO;
    let target = ZERO;
    for (const period of read) {
      // Stryker disable next-line LogicalOperator,ConditionalExpression: actual and target are null together
      if (period.actual === null || period.target === null) {
        throw new TargetreeError(
          "INVALID_ARGUMENT",
          "Periods given as { met } carry no figures: pass options.stageAchievement.",
          { path: ["options", "stageAchievement"] },
        );
      }
      actual = actual.plus(period.actual);
      target = target.plus(period.target);
    }
    stage = achievementRatio(actual, target, direction, ["periods"]);
    if (stage === null) reason = `${zeroAchievementReason(direction)} (summed over the periods)`;
  }
  const causes: TeamHealthCause[] = [];
  if (run >= limit) causes.push("consecutive-misses");
  if (stage?.lt(stageBelow)) causes.push("low-achievement");
  return {
    status: causes.length > 0 ? "danger" : "ok",
    causes,
    missesInARow: run,
    stageAchievement: stage,
    reason,
  };
}
