import { isRecord, own } from "../_lib/records.js";
import { attachTable, checkCalendar, compiledTable, compileTable } from "./_lib/calendar.js";
import type { Calendar, CalendarDay } from "./types.js";

/**
 * Compiles a calendar given as data (a company's or another country's calendar, or one read from
 * JSON): checks it once and returns a frozen copy that carries its day table, so that the
 * functions you pass it to (`workingDays`, `splitByPeriod`, `timeProgress`, `projectRunRate`, …)
 * neither check it again nor walk its days on every call. Results are the same as with the data
 * itself. `chinaCalendar()` already returns a compiled calendar; compiling one again returns it
 * unchanged.
 *
 * The table covers the calendar's `years` (from the first to the last, at most 200 years), or,
 * without `years`, the years its listed days fall in; days outside it are classified from the
 * lists as usual. JSON, `structuredClone` and object spread keep the data and drop the table.
 *
 * @param calendar - The calendar as data: `{ weekend?, holidays?, workdays?, years?, … }`;
 *   `undefined` is the default calendar (Saturday and Sunday off, no holidays), compiled as `{}`.
 * @returns The same calendar, copied, frozen and compiled.
 * @throws {TargetreeError} `UNKNOWN_OPTION` for a misspelt field (`holiday` for `holidays`);
 *   `INVALID_ARGUMENT` for a malformed calendar; `INVALID_DATE` for a bad date in it;
 *   `CALENDAR_CONFLICT` for a day listed both as a holiday and as a make-up working day.
 *
 * @example
 * const company = compileCalendar({ weekend: [7], holidays: ["2026-05-01"], years: [2026] });
 * workingDays("2026-04-27", "2026-05-03", company).workingDays //=> 5
 * Object.isFrozen(company) //=> true
 * JSON.stringify(company) //=> '{"weekend":[7],"holidays":["2026-05-01"],"years":[2026]}'
 */
export function compileCalendar(calendar: Calendar): Calendar {
  if (compiledTable(calendar) !== null) return calendar;
  const table = compileTable(checkCalendar(calendar, ["calendar"]));
  return attachTable(copyCalendar(calendar), table);
}

/** A deep copy of a checked calendar's data, own fields only, in the caller's order. */
function copyCalendar(calendar: Calendar): Calendar {
  const copy: Record<string, unknown> = {};
  const day = (entry: string | CalendarDay): string | CalendarDay =>
    isRecord(entry)
      ? {
          date: own(entry, "date") as string,
          ...(own(entry, "name") === undefined ? {} : { name: own(entry, "name") as string }),
        }
      : entry;
  if (calendar === undefined) return copy;
  for (const key of Object.keys(calendar)) {
    const value = (calendar as Record<string, unknown>)[key];
    if (value === undefined) continue;
    copy[key] =
      key === "holidays" || key === "workdays"
        ? (value as readonly (string | CalendarDay)[]).map(day)
        : Array.isArray(value)
          ? [...value]
          : value;
  }
  return copy as Calendar;
}
