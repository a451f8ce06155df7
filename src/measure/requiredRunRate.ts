import type { Decimal } from "../_lib/decimal.js";
import { ZERO } from "../_lib/decimal.js";
import { checkMagnitude } from "../_lib/magnitude.js";
import type { Numeric } from "../_lib/types.js";
import { requiredNumber } from "./_lib/input.js";
import type { PaceDays, PacePeriod } from "./_lib/pace.js";
import { readPace, readPaceInput } from "./_lib/pace.js";

/** The input of {@link requiredRunRate}: target, result so far, and the period (dates or counts). */
export type RequiredRunRateInput = PacePeriod & {
  /** The period's target (cumulative). */
  readonly target: Numeric;
  /** The cumulative result so far (through the as-of day by default). */
  readonly actual: Numeric;
};

/** The result of {@link requiredRunRate}: what remains and the pace it needs. */
export interface RequiredRunRateResult extends PaceDays {
  /** The period's target, exact. */
  readonly target: Decimal;
  /** The cumulative result so far, exact. */
  readonly actual: Decimal;
  /** target − actual; zero or negative once the target is reached. */
  readonly remaining: Decimal;
  /** True once actual ≥ target. */
  readonly reached: boolean;
  /**
   * The pace needed per remaining working day: remaining / remaining working days, 0 once the
   * target is reached; `null` when the target is not reached and no working day is left.
   */
  readonly perWorkingDay: Decimal | null;
  /** The pace so far: actual / working days elapsed; `null` before any working day has passed. */
  readonly actualPerWorkingDay: Decimal | null;
  /** Why `perWorkingDay` is `null`; `null` otherwise. */
  readonly reason: string | null;
}

/**
 * The pace needed to reach the target (剩余日均目标): what is left divided by the working days
 * left, on the calendar. Working days are counted by `timeProgress`: by default the as-of day is
 * done (the figures include it), so the remaining days start the day after. With no working day
 * left and the target not reached, `perWorkingDay` is `null` with a reason (never Infinity). For
 * a spending budget, the same figure is what may still be spent per day.
 *
 * The period is either dates (`asOf`, `start`, `end`, `calendar`, `asOfCounts`) or counts you
 * already have (`workingDays`, `workingDaysElapsed`).
 *
 * @param input - `target`, `actual` and the period: `asOf`, `start`, `end`, and optionally
 *   `calendar` and `asOfCounts`; or `workingDays` and `workingDaysElapsed`.
 * @returns What remains, the pace needed per working day, and the pace so far.
 * @throws {TargetreeError} `INVALID_NUMBER` for a value that is not a number; `UNKNOWN_OPTION`
 *   for a misspelt field; `INVALID_ARGUMENT` for a missing value, bad counts, or dates and
 *   counts given together; `INVALID_DATE`, `INVALID_RANGE`, `NO_WORKING_DAYS`,
 *   `CALENDAR_YEAR_MISSING` from the calendar;
 *   `NUMBER_TOO_LARGE` when a result leaves the supported magnitude (|x| < 1e1000).
 *
 * @example
 * const june = { start: "2026-06-01", end: "2026-06-30", calendar: chinaCalendar() };
 * const pace = requiredRunRate({ target: "100万", actual: "40万", asOf: "2026-06-12", ...june });
 * [pace.remaining.toString(), pace.workingDaysRemaining] //=> ["600000", 11]
 * pace.perWorkingDay?.toFixed(2) //=> "54545.45"
 * pace.actualPerWorkingDay?.toString() //=> "40000"
 */
export function requiredRunRate(input: RequiredRunRateInput): RequiredRunRateResult {
  const record = readPaceInput(input, "requiredRunRate input", ["target", "actual"]);
  const target = requiredNumber(record, "target", []);
  const actual = requiredNumber(record, "actual", []);
  const days = readPace(record);
  const remaining = checkMagnitude(target.minus(actual), ["target"], "The remaining amount");
  const reached = remaining.lte(0);
  const actualPerWorkingDay =
    days.workingDaysElapsed === 0
      ? null
      : checkMagnitude(actual.div(days.workingDaysElapsed), ["actual"], "The pace so far");
  const base = { ...days, target, actual, remaining, reached, actualPerWorkingDay };
  if (reached) return { ...base, perWorkingDay: ZERO, reason: null };
  if (days.workingDaysRemaining === 0) {
    return {
      ...base,
      perWorkingDay: null,
      reason: "No working day of the period is left, so no pace can close the remaining gap.",
    };
  }
  const perWorkingDay = checkMagnitude(
    remaining.div(days.workingDaysRemaining),
    ["target"],
    "The required pace",
  );
  return { ...base, perWorkingDay, reason: null };
}
