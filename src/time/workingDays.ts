import { buildDays } from "./_lib/dayTable.js";
import { parseRange } from "./_lib/isoDate.js";
import type { Calendar, IsoDate, ProvisionalFlag } from "./types.js";

/** The working days of an inclusive date range. */
export interface WorkingDaysResult extends ProvisionalFlag {
  /** First day of the range, as given. */
  readonly start: IsoDate;
  /** Last day of the range (inclusive), as given. */
  readonly end: IsoDate;
  /** Working days in the range, both ends included. */
  readonly workingDays: number;
  /** Calendar days in the range, both ends included. */
  readonly calendarDays: number;
  /** Days off: weekend days and holidays. */
  readonly restDays: number;
  /** Days listed as holidays (including holidays that fall on a weekend). */
  readonly holidays: number;
  /** Make-up working days (调休上班) in the range. */
  readonly makeUpDays: number;
  /** The working days, ascending. */
  readonly dates: readonly IsoDate[];
}

/**
 * Counts the working days from `start` to `end`, **both ends included**.
 *
 * A day is a working day when the calendar lists it as a make-up working day, or
 * when it is neither a weekend day nor a holiday. Dates are calendar dates
 * (`"YYYY-MM-DD"`); the machine's time zone never matters.
 *
 * @param start - First day of the range, ISO `"YYYY-MM-DD"`.
 * @param end - Last day of the range (inclusive), on or after `start`.
 * @param calendar - The working-day calendar; default Monday–Friday with no holidays. A
 *   compiled calendar (`chinaCalendar()`, `compileCalendar(…)`) is read without being checked
 *   again.
 * @returns The count (`workingDays`), the working dates, and `provisional` when a provisional
 *   calendar year was used.
 * @throws {TargetreeError} `INVALID_DATE` for a bad date; `INVALID_RANGE` when `end`
 *   is before `start` or the range exceeds 100 years; `UNKNOWN_OPTION` for a misspelt
 *   calendar field; `INVALID_ARGUMENT` for a malformed calendar; `CALENDAR_CONFLICT` when a day is both a holiday and a make-up
 *   day; `CALENDAR_YEAR_MISSING` when the calendar has no data for a year of the range.
 *
 * @example
 * workingDays("2026-06-01", "2026-06-07").workingDays                    //=> 5
 * workingDays("2026-01-01", "2026-12-31", chinaCalendar()).workingDays   //=> 248
 * workingDays("2026-02-09", "2026-02-15", chinaCalendar()).dates //=> ["2026-02-09", "2026-02-10", "2026-02-11", "2026-02-12", "2026-02-13", "2026-02-14"]
 */
export function workingDays(start: IsoDate, end: IsoDate, calendar?: Calendar): WorkingDaysResult {
  const range = parseRange(start, end);
  const { days, calendar: resolved } = buildDays(range, calendar);
  const dates: IsoDate[] = [];
  let holidays = 0;
  let makeUpDays = 0;
  for (const day of days) {
    if (day.working) dates.push(day.iso);
    if (day.kind === "make-up") makeUpDays++;
    if (resolved.holidays.has(day.iso)) holidays++;
  }
  return {
    start,
    end,
    workingDays: dates.length,
    calendarDays: days.length,
    restDays: days.length - dates.length,
    holidays,
    makeUpDays,
    dates,
    provisional: resolved.provisionalYears.length > 0,
    provisionalYears: resolved.provisionalYears,
  };
}
