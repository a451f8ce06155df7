import type { Decimal } from "../_lib/decimal.js";
import { checkMagnitude } from "../_lib/magnitude.js";
import type { Numeric } from "../_lib/types.js";
import { requiredNumber } from "./_lib/input.js";
import type { PaceDays, PacePeriod } from "./_lib/pace.js";
import { readPace, readPaceInput } from "./_lib/pace.js";

/** The input of {@link projectRunRate}: the result so far and the period (dates or counts). */
export type ProjectRunRateInput = PacePeriod & {
  /** The cumulative result so far (through the as-of day by default). */
  readonly actual: Numeric;
};

/** The result of {@link projectRunRate}: the pace so far and the period-end forecast. */
export interface ProjectRunRateResult extends PaceDays {
  /** The cumulative result so far, exact. */
  readonly actual: Decimal;
  /** The pace so far: actual / elapsed working days; `null` before any working day has passed. */
  readonly perWorkingDay: Decimal | null;
  /** Period-end forecast at that pace: perWorkingDay × working days of the period; `null` likewise. */
  readonly forecast: Decimal | null;
  /** Why the forecast is `null`; `null` otherwise. */
  readonly reason: string | null;
}

/**
 * Run-rate forecast (按当前进度预测): where the period will end if the pace so far holds, on
 * working days of the calendar — actual ÷ working days elapsed × working days of the period.
 * Working days are counted as `timeProgress` counts them, so the as-of day counts as elapsed
 * unless `asOfCounts: "remaining"`. Before the first working day there is no pace:
 * `forecast: null` with a reason. After the period the forecast is the actual.
 *
 * The period is either dates (`asOf`, `start`, `end`, `calendar`, `asOfCounts`) or counts you
 * already have (`workingDays`, `workingDaysElapsed`), e.g. from one `timeProgress` call for a
 * whole team. With a compiled calendar (`chinaCalendar()`, created once), a call with dates
 * reads the day table and costs microseconds too.
 *
 * @param input - `actual` and the period: `asOf`, `start`, `end`, and optionally `calendar`
 *   and `asOfCounts`; or `workingDays` and `workingDaysElapsed`.
 * @returns The pace per working day, the forecast, and the working-day counts.
 * @throws {TargetreeError} `INVALID_NUMBER` for an actual that is not a number; `UNKNOWN_OPTION`
 *   for a misspelt field; `INVALID_ARGUMENT` for a missing actual, bad counts, or dates and
 *   counts given together; `INVALID_DATE`, `INVALID_RANGE`, `NO_WORKING_DAYS`,
 *   `CALENDAR_YEAR_MISSING` from the calendar;
 *   `NUMBER_TOO_LARGE` when a result leaves the supported magnitude (|x| < 1e1000).
 *
 * @example
 * const june = { start: "2026-06-01", end: "2026-06-30", calendar: chinaCalendar() };
 * const pace = projectRunRate({ actual: "40万", asOf: "2026-06-12", ...june });
 * [pace.workingDaysElapsed, pace.workingDays] //=> [10, 21]
 * pace.forecast?.toString() //=> "840000"
 * projectRunRate({ actual: "40万", workingDays: 21, workingDaysElapsed: 10 }).forecast?.toString() //=> "840000"
 */
export function projectRunRate(input: ProjectRunRateInput): ProjectRunRateResult {
  const record = readPaceInput(input, "projectRunRate input", ["actual"]);
  const actual = requiredNumber(record, "actual", []);
  const days = readPace(record);
  if (days.workingDaysElapsed === 0) {
    return {
      ...days,
      actual,
      perWorkingDay: null,
      forecast: null,
      reason: "No working day of the period has passed yet, so there is no pace to project.",
    };
  }
  const perWorkingDay = checkMagnitude(
    actual.div(days.workingDaysElapsed),
    ["actual"],
    "The pace per working day",
  );
  const forecast =
    days.workingDaysElapsed === days.workingDays
      ? actual
      : checkMagnitude(
          actual.times(days.workingDays).div(days.workingDaysElapsed),
          ["actual"],
          "The forecast",
        );
  return { ...days, actual, perWorkingDay, forecast, reason: null };
}
