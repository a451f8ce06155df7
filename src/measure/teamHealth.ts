import { Decimal, ZERO } from "../_lib/decimal.js";
import type { Direction } from "../_lib/direction.js";
import { achievementRatio, DIRECTIONS, zeroAchievementReason } from "../_lib/direction.js";
import { TargetreeError } from "../_lib/errors.js";
import type { Numeric } from "../_lib/types.js";
import { optionalNumber, optionsRecord, readChoice, readInteger } from "./_lib/input.js";
import type { PeriodResult } from "./_lib/periods.js";
import { readPeriods } from "./_lib/periods.js";
import { consecutiveMisses } from "./consecutiveMisses.js";

/** Options of {@link teamHealth}. */
export interface TeamHealthOptions {
  /** Which way is better, for periods given as `{ actual, target }`. Default `"higher"`. */
  readonly direction?: Direction;
  /** Misses in a row that put a team in danger. Default 3. */
  readonly missesInARow?: number;
  /** Stage achievement strictly below this is danger. Default `"50%"`. */
  readonly minAchievement?: Numeric;
  /** Which run of misses counts: `"trailing"` (default, the current streak) or `"longest"`. */
  readonly streak?: "trailing" | "longest";
  /**
   * The stage (阶段) achievement, if known. Default: achievement of the summed actuals against
   * the summed targets of the periods (which then must all be given as `{ actual, target }`).
   */
  readonly stageAchievement?: Numeric;
}

/** Why a team is in danger. */
export type TeamHealthReason = "consecutive-misses" | "low-achievement";

/** The result of {@link teamHealth}. */
export interface TeamHealthResult {
  /** `"danger"` when any reason applies, otherwise `"ok"`. */
  readonly status: "danger" | "ok";
  /**
   * Why the team is in danger: `"consecutive-misses"` and/or `"low-achievement"`, in that order;
   * empty when `status` is `"ok"`.
   */
  readonly reasons: readonly TeamHealthReason[];
  /** The run of misses that was compared with `missesInARow`. */
  readonly missesInARow: number;
  /** The stage achievement that was compared with `minAchievement`. */
  readonly stageAchievement: Decimal;
}

/**
 * The W5 team-health rule (团队健康度): a team that misses its target `missesInARow` (3) or
 * more periods in a row, or whose stage achievement is below `minAchievement` (50%), is in
 * danger. By default the run is the trailing one (a team that has recovered is not in danger
 * for an old streak); pass `streak: "longest"` to count any run in the series.
 *
 * @param periods - Periods, oldest first: `{ actual, target }` or `{ met }`.
 * @param options - Thresholds, `streak`, `direction`, and an explicit `stageAchievement`.
 * @returns The status, the reasons, and the two figures that were tested.
 * @throws {TargetreeError} `INVALID_ARGUMENT` when the stage achievement cannot be computed
 *   (periods given as `{ met }` without `stageAchievement`) or for bad options;
 *   `DIVISION_BY_ZERO` when the summed target is zero; `INVALID_NUMBER` for non-numbers;
 *   `NUMBER_TOO_LARGE` when the stage achievement leaves the supported magnitude.
 *
 * @example
 * const months = [
 *   { actual: "9万", target: "80万" },
 *   { actual: "60万", target: "20万" },
 *   { actual: "15万", target: "20万" },
 * ];
 * teamHealth(months).status //=> "ok"
 * teamHealth(months, { stageAchievement: "40%" }).reasons //=> ["low-achievement"]
 */
export function teamHealth(
  periods: readonly PeriodResult[],
  options: TeamHealthOptions = {},
): TeamHealthResult {
  const record = optionsRecord(options);
  const direction = readChoice(record, "direction", DIRECTIONS, "higher", ["options"]);
  const limit = readInteger(record, "missesInARow", 3, 1, ["options"]);
  const streakKind = readChoice(record, "streak", ["trailing", "longest"], "trailing", ["options"]);
  const minAchievement =
    optionalNumber(record, "minAchievement", ["options"]) ?? new Decimal("0.5");
  const read = readPeriods(periods, direction, "periods");
  const runs = consecutiveMisses(periods, { direction });
  const run = streakKind === "trailing" ? runs.trailing : runs.longest;

  let stage = optionalNumber(record, "stageAchievement", ["options"]);
  if (stage === undefined) {
    let actual = ZERO;
    let target = ZERO;
    for (const period of read) {
      // Stryker disable next-line LogicalOperator,ConditionalExpression: readPeriods sets actual and target together (both null for { met }), so either test alone, or both with &&, decides the same
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
    const ratio = achievementRatio(actual, target, direction, ["periods"]);
    if (ratio === null) {
      throw new TargetreeError(
        "DIVISION_BY_ZERO",
        `${zeroAchievementReason(direction)} (summed over the periods)`,
        {
          path: ["periods"],
        },
      );
    }
    stage = ratio;
  }
  const reasons: TeamHealthReason[] = [];
  if (run >= limit) reasons.push("consecutive-misses");
  if (stage.lt(minAchievement)) reasons.push("low-achievement");
  return {
    status: reasons.length > 0 ? "danger" : "ok",
    reasons,
    missesInARow: run,
    stageAchievement: stage,
  };
}
