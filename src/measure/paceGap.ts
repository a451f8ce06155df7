import type { Decimal } from "../_lib/decimal.js";
import type { Direction } from "../_lib/direction.js";
import { achievementRatio, DIRECTIONS, zeroAchievementReason } from "../_lib/direction.js";
import { readChoice } from "../_lib/options.js";
import type { Numeric } from "../_lib/types.js";
import { requiredNumber } from "./_lib/input.js";
import type { PaceDays, PacePeriod } from "./_lib/pace.js";
import { readPace, readPaceInput } from "./_lib/pace.js";

/** The input of {@link paceGap}: result so far, target, direction, and the period (dates or counts). */
export type PaceGapInput = PacePeriod & {
  /** The cumulative result so far. */
  readonly actual: Numeric;
  /** The whole period's target. */
  readonly target: Numeric;
  /** Which way is better. Default `"higher"`. */
  readonly direction?: Direction;
};

/** The result of {@link paceGap}: achievement so far against time progress. */
export interface PaceGapResult extends PaceDays {
  /** Achievement of the period target so far (as `achievement`); `null` for a zero denominator. */
  readonly achievement: Decimal | null;
  /**
   * 进度差: achievement − time progress. **Positive = ahead of time** (超进度), negative = behind
   * (落后进度). Note the sign is the opposite of `gap`, whose positive value is a shortfall.
   */
  readonly paceGap: Decimal | null;
  /** `"ahead"`, `"on-pace"` or `"behind"`; `null` when `paceGap` is `null`. */
  readonly pace: "ahead" | "on-pace" | "behind" | null;
  /** Why `achievement` and `paceGap` are `null`; `null` otherwise. */
  readonly reason: string | null;
}

/**
 * The pace gap (进度差 / 时间进度差): achievement of the period's target so far minus the time
 * progress (elapsed share of working days, from `timeProgress`). A team at 45% of its monthly
 * target on a day when 50% of the month's working days are done is 5 points behind.
 *
 * The period is either dates (`asOf`, `start`, `end`, `calendar`, `asOfCounts`) or counts you
 * already have (`workingDays`, `workingDaysElapsed`).
 *
 * @param input - `actual`, `target`, optionally `direction`, and the period: `asOf`, `start`,
 *   `end`, and optionally `calendar` and `asOfCounts`; or `workingDays` and `workingDaysElapsed`.
 * @returns Achievement, time progress, their difference and a verdict.
 * @throws {TargetreeError} `INVALID_NUMBER` for a value that is not a number; `UNKNOWN_OPTION`
 *   for a misspelt field; `INVALID_ARGUMENT` for a missing value, bad counts, or dates and
 *   counts given together; `INVALID_DATE`, `INVALID_RANGE`, `NO_WORKING_DAYS`,
 *   `CALENDAR_YEAR_MISSING` from the calendar; `NUMBER_TOO_LARGE` when the achievement leaves
 *   the supported magnitude (|x| < 1e1000).
 *
 * @example
 * const june = { start: "2026-06-01", end: "2026-06-30", calendar: chinaCalendar() };
 * const result = paceGap({ actual: "40万", target: "100万", asOf: "2026-06-12", ...june });
 * formatPercent(result.timeProgress) //=> "47.62%"
 * formatPercent(result.paceGap!, { signed: true }) //=> "-7.62%"
 * result.pace //=> "behind"
 */
export function paceGap(input: PaceGapInput): PaceGapResult {
  const record = readPaceInput(input, "paceGap input", ["actual", "target", "direction"]);
  const actual = requiredNumber(record, "actual", []);
  const target = requiredNumber(record, "target", []);
  const direction = readChoice(record, "direction", DIRECTIONS, "higher", []);
  const days = readPace(record);
  const ratio = achievementRatio(actual, target, direction, [
    direction === "higher" ? "target" : "actual",
  ]);
  if (ratio === null) {
    return {
      ...days,
      achievement: null,
      paceGap: null,
      pace: null,
      reason: zeroAchievementReason(direction),
    };
  }
  // In bounds: the ratio is checked and has 64 digits, and time progress lies in [0, 1], so the
  // difference can neither reach 1e1000 nor fall below 1e-1000 without being 0.
  const difference = ratio.minus(days.timeProgress);
  return {
    ...days,
    achievement: ratio,
    paceGap: difference,
    pace: difference.isZero() ? "on-pace" : difference.isPositive() ? "ahead" : "behind",
    reason: null,
  };
}
