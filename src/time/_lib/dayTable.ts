import type { ErrorPath } from "../../_lib/errors.js";
import type { Calendar, DayKind, IsoDate, IsoWeekday } from "../types.js";
import type { ResolvedCalendar } from "./calendar.js";
import { resolveCalendar } from "./calendar.js";
import { dayNumber, MS_PER_DAY, weekdayOfDay } from "./dayNumber.js";
import type { DateRange } from "./isoDate.js";
import { daysInMonth } from "./isoDate.js";
import { UtcDate } from "./utcDate.js";

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

/** The classification of a day from its code in a compiled day table (see `DenseDays.kinds`). */
function fromKind(
  code: number,
  iso: IsoDate,
  calendar: ResolvedCalendar,
): { readonly working: boolean; readonly kind: DayKind; readonly name: string | undefined } {
  switch (code) {
    case 0:
      return { working: true, kind: "workday", name: undefined };
    case 1:
      return { working: false, kind: "weekend", name: undefined };
    case 2:
      return { working: false, kind: "holiday", name: calendar.holidays.get(iso) || undefined };
    default:
      return { working: true, kind: "make-up", name: calendar.workdays.get(iso) || undefined };
  }
}

/** Every day of the range with its calendar classification, plus the resolved calendar. */
export function buildDays(
  range: DateRange,
  calendar: Calendar | undefined,
  path: ErrorPath = ["calendar"],
): { readonly days: readonly DayRow[]; readonly calendar: ResolvedCalendar } {
  const startIso = range.startIso;
  let year = Number(startIso.slice(0, 4));
  let month = Number(startIso.slice(5, 7));
  let day = Number(startIso.slice(8, 10));
  const resolved = resolveCalendar(calendar, year, Number(range.endIso.slice(0, 4)), path, {
    start: startIso,
    end: range.endIso,
  });
  // Days are counted forward from the first one: no date library in the loop.
  const first = dayNumber(startIso);
  const count = dayNumber(range.endIso) - first + 1;
  let weekday = weekdayOfDay(first);
  let monthDays = daysInMonth(year, month);
  // A compiled calendar's day table, when it covers the range: each day's kind is read from it.
  const dense = resolved.dense;
  const offset = dense === null ? -1 : first - dense.first;
  const fromTable = dense !== null && offset >= 0 && offset + count <= dense.kinds.length;
  const days: DayRow[] = [];
  for (let index = 0; index < count; index++) {
    const iso = `${year}-${month < 10 ? "0" : ""}${month}-${day < 10 ? "0" : ""}${day}`;
    days.push({
      date: new UtcDate((first + index) * MS_PER_DAY),
      iso,
      year,
      month,
      day,
      weekday,
      ...(fromTable
        ? fromKind(dense.kinds[offset + index]!, iso, resolved)
        : classify(iso, weekday, resolved)),
    });
    weekday = weekday === 7 ? 1 : ((weekday + 1) as IsoWeekday);
    if (++day > monthDays) {
      day = 1;
      if (++month > 12) {
        month = 1;
        year++;
      }
      monthDays = daysInMonth(year, month);
    }
  }
  return { days, calendar: resolved };
}
