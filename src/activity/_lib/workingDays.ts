// Working days of a plan period, through the time area's calendars.
import { TargetreeError } from "../../_lib/errors.js";
import type { ResolvedCalendar } from "../../time/internal.js";
import {
  checkDayRange,
  countWorkingDays,
  resolveCalendar,
  workingDates,
} from "../../time/internal.js";
import type { Calendar, IsoDate } from "../../time/types.js";

export interface PeriodDays {
  /** Working days in the period. */
  readonly days: number;
  /** The working dates, ascending, with their ISO weekday (1 = Monday). */
  readonly dates: readonly { readonly date: IsoDate; readonly weekday: number }[];
  readonly provisional: boolean;
  readonly provisionalYears: readonly number[];
}

/** The period `start`–`end` of an options object, checked, on its calendar (errors under `options`). */
function readPeriod(
  start: unknown,
  end: unknown,
  calendar: unknown,
): { readonly first: number; readonly last: number; readonly calendar: ResolvedCalendar } {
  if (start === undefined || end === undefined) {
    throw new TargetreeError("INVALID_ARGUMENT", "Give both start and end of the period.", {
      path: ["options", start === undefined ? "start" : "end"],
    });
  }
  const range = checkDayRange(start, end, ["options", "start"], ["options", "end"]);
  const resolved = resolveCalendar(
    calendar as Calendar | undefined,
    range.firstYear,
    range.lastYear,
    ["options", "calendar"],
    { start: range.startIso, end: range.endIso },
  );
  return { first: range.first, last: range.last, calendar: resolved };
}

/** Lists the working days from `start` to `end` (inclusive) on `calendar`. */
export function periodWorkingDays(start: unknown, end: unknown, calendar: unknown): PeriodDays {
  const period = readPeriod(start, end, calendar);
  const dates = workingDates(period.calendar, period.first, period.last);
  return {
    days: dates.length,
    dates,
    provisional: period.calendar.provisionalYears.length > 0,
    provisionalYears: period.calendar.provisionalYears,
  };
}

/** Counts the working days from `start` to `end` (inclusive) on `calendar`, without listing them. */
export function countPeriodWorkingDays(
  start: unknown,
  end: unknown,
  calendar: unknown,
): Omit<PeriodDays, "dates"> {
  const period = readPeriod(start, end, calendar);
  return {
    days: countWorkingDays(period.calendar, period.first, period.last),
    provisional: period.calendar.provisionalYears.length > 0,
    provisionalYears: period.calendar.provisionalYears,
  };
}
