// Working days of a plan period, through the time area's calendars.
import { TargetreeError } from "../../_lib/errors.js";
import { listDays } from "../../time/listDays.js";
import type { Calendar, IsoDate } from "../../time/types.js";

export interface PeriodDays {
  /** Working days in the period. */
  readonly days: number;
  /** The working dates, ascending, with their ISO weekday (1 = Monday). */
  readonly dates: readonly { readonly date: IsoDate; readonly weekday: number }[];
  readonly provisional: boolean;
  readonly provisionalYears: readonly number[];
}

/** Lists the working days from `start` to `end` (inclusive) on `calendar`. */
export function periodWorkingDays(start: unknown, end: unknown, calendar: unknown): PeriodDays {
  if (start === undefined || end === undefined) {
    throw new TargetreeError("INVALID_ARGUMENT", "Give both start and end of the period.", {
      path: ["options", start === undefined ? "start" : "end"],
    });
  }
  const listed = listDays(start as IsoDate, end as IsoDate, calendar as Calendar | undefined);
  const dates = listed.days
    .filter((day) => day.working)
    .map((day) => ({ date: day.date, weekday: day.weekday }));
  return {
    days: dates.length,
    dates,
    provisional: listed.provisional,
    provisionalYears: listed.provisionalYears,
  };
}
