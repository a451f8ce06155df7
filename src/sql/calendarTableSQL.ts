import { listDays } from "../time/listDays.js";
import type { Calendar, IsoDate } from "../time/types.js";
import { quoteString } from "./_lib/dialect.js";

/**
 * The library's calendar as a SQL table: one row per day from `start` to `end` (both included),
 * with `date` (DATE), `weekday` (1 = Monday … 7 = Sunday), `working` (BOOLEAN), `kind`
 * (`"workday"`, `"weekend"`, `"holiday"` or `"make-up"`, 调休上班) and `name` (the holiday's, or
 * NULL), exactly as `listDays` gives them. The SQL is the same for DuckDB and PostgreSQL (and
 * plain enough for most engines): a SELECT over a VALUES list, to run as
 * `CREATE TABLE calendar AS …` and join to daily facts, so working days and 调休 in the warehouse
 * are the library's own. `splitByPeriodSQL` builds its periods from the same days.
 *
 * @param start - First day, ISO `"YYYY-MM-DD"`.
 * @param end - Last day (inclusive).
 * @param calendar - The working-day calendar (`chinaCalendar()`); default Monday–Friday.
 * @returns The SQL text of one SELECT statement (no trailing semicolon).
 * @throws {TargetreeError} `INVALID_DATE`, `INVALID_RANGE`, `CALENDAR_YEAR_MISSING` and the other
 *   codes of `listDays`.
 *
 * @example
 * const sql = calendarTableSQL("2026-02-14", "2026-02-15", chinaCalendar());
 * sql.split("\n")
 * //=> ['SELECT * FROM (VALUES', "(DATE '2026-02-14', 6, TRUE, 'make-up', '春节补班'),", "(DATE '2026-02-15', 7, FALSE, 'holiday', '春节')", ') AS "calendar"("date", "weekday", "working", "kind", "name")']
 */
export function calendarTableSQL(start: IsoDate, end: IsoDate, calendar?: Calendar): string {
  const { days } = listDays(start, end, calendar);
  const rows = days.map(
    (day) =>
      `(DATE '${day.date}', ${day.weekday}, ${day.working ? "TRUE" : "FALSE"}, ${quoteString(day.kind)}, ${day.name === undefined ? "CAST(NULL AS VARCHAR)" : quoteString(day.name)})`,
  );
  return [
    "SELECT * FROM (VALUES",
    rows.join(",\n"),
    ') AS "calendar"("date", "weekday", "working", "kind", "name")',
  ].join("\n");
}
