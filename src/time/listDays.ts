import { buildDays } from "./_lib/dayTable.js";
import { parseRange } from "./_lib/isoDate.js";
import type { Calendar, DayKind, IsoDate, IsoWeekday, ProvisionalFlag } from "./types.js";

/** One day as the calendar sees it. */
export interface DayInfo {
  /** The day, ISO `YYYY-MM-DD`. */
  readonly date: IsoDate;
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  readonly weekday: IsoWeekday;
  /**
   * True when the calendar counts the day as a working day (an ordinary workday or a make-up
   * working day).
   */
  readonly working: boolean;
  /** `"workday"`, `"weekend"`, `"holiday"` or `"make-up"` (调休上班). */
  readonly kind: DayKind;
  /** The holiday's or make-up day's name, when the calendar gives one. */
  readonly name?: string;
}

/** Every day of a range, classified. */
export interface ListDaysResult extends ProvisionalFlag {
  /** Every day from `start` to `end`, both included, ascending. */
  readonly days: readonly DayInfo[];
}

/**
 * Lists every day from `start` to `end` (both included) with its weekday and how
 * the calendar counts it: an ordinary working day, a weekend day, a holiday or a
 * make-up working day (调休上班).
 *
 * @param start - First day, ISO `"YYYY-MM-DD"`.
 * @param end - Last day (inclusive).
 * @param calendar - The working-day calendar; default Monday–Friday with no holidays.
 * @returns The days, ascending, and the provisional flag.
 * @throws {TargetreeError} `INVALID_DATE`, `INVALID_RANGE`, `UNKNOWN_OPTION`, `INVALID_ARGUMENT`,
 *   `CALENDAR_CONFLICT`, `CALENDAR_YEAR_MISSING` as for {@link workingDays}.
 *
 * @example
 * listDays("2026-02-14", "2026-02-15", chinaCalendar()).days //=> [{ date: "2026-02-14", weekday: 6, working: true, kind: "make-up", name: "春节补班" }, { date: "2026-02-15", weekday: 7, working: false, kind: "holiday", name: "春节" }]
 */
export function listDays(start: IsoDate, end: IsoDate, calendar?: Calendar): ListDaysResult {
  const range = parseRange(start, end);
  const { days, calendar: resolved } = buildDays(range, calendar);
  return {
    days: days.map((day) => ({
      date: day.iso,
      weekday: day.weekday,
      working: day.working,
      kind: day.kind,
      ...(day.name === undefined ? {} : { name: day.name }),
    })),
    provisional: resolved.provisionalYears.length > 0,
    provisionalYears: resolved.provisionalYears,
  };
}
