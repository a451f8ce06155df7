import type { Decimal } from "../_lib/decimal.js";
import { checkMagnitude } from "../_lib/magnitude.js";
import type { Numeric } from "../_lib/types.js";
import { requiredNumber, requireRecord } from "./_lib/input.js";
import type { PaceDays, PacePeriod } from "./_lib/pace.js";
import { readPace } from "./_lib/pace.js";

export interface ProjectRunRateInput extends PacePeriod {
  /** The cumulative result so far (through the as-of day by default). */
  readonly actual: Numeric;
}

export interface ProjectRunRateResult extends PaceDays {
  /** The cumulative result so far, exact. */
  readonly actual: Decimal;
  /** The pace so far: actual / elapsed working days; `null` before any working day has passed. */
  readonly perWorkingDay: Decimal | null;
  /** Period-end forecast at that pace: perWorkingDay × total working days; `null` likewise. */
  readonly forecast: Decimal | null;
  /** Why the forecast is `null`; `null` otherwise. */
  readonly reason: string | null;
}

/**
 * Run-rate forecast (按当前进度预测): where the period will end if the pace so far holds, on
 * working days of the calendar — actual ÷ elapsed working days × total working days. Working days
 * are counted by `timeProgress`, so the as-of day counts as elapsed unless
 * `asOfCounts: "remaining"`. Before the first working day there is no pace: `forecast: null`
 * with a reason. After the period the forecast is the actual.
 *
 * @param input - `actual`, `asOf`, `start`, `end`, and optionally `calendar` and `asOfCounts`.
 * @returns The pace per working day, the forecast, and the working-day counts.
 * @throws {TargetreeError} `INVALID_NUMBER` for an actual that is not a number; `INVALID_ARGUMENT`
 *   for a missing actual or bad options; `INVALID_DATE`, `INVALID_RANGE`, `NO_WORKING_DAYS`,
 *   `CALENDAR_YEAR_MISSING` from the calendar;
 *   `NUMBER_TOO_LARGE` when a result leaves the supported magnitude (|x| < 1e1000).
 *
 * @example
 * const june = { start: "2026-06-01", end: "2026-06-30", calendar: chinaCalendar() };
 * const pace = projectRunRate({ actual: "40万", asOf: "2026-06-12", ...june });
 * [pace.elapsedWorkingDays, pace.totalWorkingDays] //=> [10, 21]
 * pace.forecast?.toString() //=> "840000"
 */
export function projectRunRate(input: ProjectRunRateInput): ProjectRunRateResult {
  const record = requireRecord(input, [], "projectRunRate input");
  const actual = requiredNumber(record, "actual", []);
  const days = readPace(record);
  if (days.elapsedWorkingDays === 0) {
    return {
      ...days,
      actual,
      perWorkingDay: null,
      forecast: null,
      reason: "No working day of the period has passed yet, so there is no pace to project.",
    };
  }
  const perWorkingDay = checkMagnitude(
    actual.div(days.elapsedWorkingDays),
    ["actual"],
    "The pace per working day",
  );
  const forecast =
    days.elapsedWorkingDays === days.totalWorkingDays
      ? actual
      : checkMagnitude(
          actual.times(days.totalWorkingDays).div(days.elapsedWorkingDays),
          ["actual"],
          "The forecast",
        );
  return { ...days, actual, perWorkingDay, forecast, reason: null };
}
