import { eachDayOfInterval } from "date-fns/eachDayOfInterval";
import { getISODay } from "date-fns/getISODay";
import type { ErrorPath } from "../../_lib/errors.js";
import type { Calendar, DayKind, IsoDate, IsoWeekday } from "../types.js";
import type { ResolvedCalendar } from "./calendar.js";
import { resolveCalendar } from "./calendar.js";
import type { DateRange } from "./isoDate.js";
import { formatIsoDate } from "./isoDate.js";
import type { UtcDate } from "./utcDate.js";

/** One day of a range, classified by the calendar. */
export interface DayRow {
  readonly date: UtcDate;
  readonly iso: IsoDate;
  readonly year: number;
  /** 1–12. */
  readonly month: number;
  /** Day of the month, 1–31. */
  readonly day: number;
  readonly weekday: IsoWeekday;
  readonly working: boolean;
  readonly kind: DayKind;
  /** The holiday's (or make-up day's) name, when the calendar gives one. */
  readonly name: string | undefined;
}

/** Classifies one day. */
export function classify(
  iso: IsoDate,
  weekday: IsoWeekday,
  calendar: ResolvedCalendar,
): { readonly working: boolean; readonly kind: DayKind; readonly name: string | undefined } {
  const makeUp = calendar.workdays.get(iso);
  if (makeUp !== undefined) return { working: true, kind: "make-up", name: makeUp || undefined };
  const holiday = calendar.holidays.get(iso);
  if (holiday !== undefined) return { working: false, kind: "holiday", name: holiday || undefined };
  if (calendar.weekend[weekday]) return { working: false, kind: "weekend", name: undefined };
  return { working: true, kind: "workday", name: undefined };
}

/** Every day of the range with its calendar classification, plus the resolved calendar. */
export function buildDays(
  range: DateRange,
  calendar: Calendar | undefined,
  path: ErrorPath = ["calendar"],
): { readonly days: readonly DayRow[]; readonly calendar: ResolvedCalendar } {
  const resolved = resolveCalendar(
    calendar,
    range.start.getFullYear(),
    range.end.getFullYear(),
    path,
    { start: range.startIso, end: range.endIso },
  );
  // Weekdays repeat every 7 days: read the first from date-fns, step the rest.
  const firstWeekday = getISODay(range.start);
  const days = eachDayOfInterval({ start: range.start, end: range.end }).map(
    (date, index): DayRow => {
      const iso = formatIsoDate(date);
      const weekday = (((firstWeekday - 1 + index) % 7) + 1) as IsoWeekday;
      return {
        date,
        iso,
        year: date.getFullYear(),
        month: date.getMonth() + 1,
        day: date.getDate(),
        weekday,
        ...classify(iso, weekday, resolved),
      };
    },
  );
  return { days, calendar: resolved };
}
