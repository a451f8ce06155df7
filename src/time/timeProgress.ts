import type { Decimal } from "../_lib/decimal.js";
import { ONE, ZERO } from "../_lib/decimal.js";
import { describeValue, TargetreeError } from "../_lib/errors.js";
import { toDecimal } from "../numbers/toDecimal.js";
import { buildDays } from "./_lib/dayTable.js";
import { parseIsoDate, parseRange } from "./_lib/isoDate.js";
import { requiredOptions } from "./_lib/options.js";
import type { Calendar, IsoDate, ProvisionalFlag } from "./types.js";

/** Options of {@link timeProgress}: the period, the calendar, and how the as-of day counts. */
export interface TimeProgressOptions {
  /** First day of the period (e.g. `"2026-01-01"`). */
  readonly start: IsoDate;
  /** Last day of the period, inclusive. */
  readonly end: IsoDate;
  /** The working-day calendar. Default Monday–Friday, no holidays. */
  readonly calendar?: Calendar;
  /**
   * Does the as-of day count as elapsed? `"elapsed"` (default): progress read at
   * the **end** of the as-of day (a daily report after close of business), so the
   * day counts. `"remaining"`: read at the **start** of the day, so it does not.
   */
  readonly asOfCounts?: "elapsed" | "remaining";
  /** `"working-days"` (default, 时间进度 by working days) or `"calendar-days"`. */
  readonly basis?: "working-days" | "calendar-days";
}

export interface TimeProgressResult extends ProvisionalFlag {
  /** The as-of date, as given. */
  readonly asOf: IsoDate;
  /** First day of the period, ISO `YYYY-MM-DD`. */
  readonly start: IsoDate;
  /** Last day of the period (inclusive), ISO `YYYY-MM-DD`. */
  readonly end: IsoDate;
  /** How the as-of day counted, as given or defaulted (`"elapsed"`). */
  readonly asOfCounts: "elapsed" | "remaining";
  /** What `progress` divides, as given or defaulted (`"working-days"`). */
  readonly basis: "working-days" | "calendar-days";
  /** Where the as-of day sits: before the period, during it, or after it. */
  readonly status: "before" | "during" | "after";
  /**
   * Working days of the period on or before the as-of day (before it with `asOfCounts:
   * "remaining"`).
   */
  readonly elapsedWorkingDays: number;
  /** Working days of the period still to come: `totalWorkingDays − elapsedWorkingDays`. */
  readonly remainingWorkingDays: number;
  /** Working days from `start` to `end`, both included. */
  readonly totalWorkingDays: number;
  /**
   * Calendar days of the period on or before the as-of day (before it with `asOfCounts:
   * "remaining"`).
   */
  readonly elapsedCalendarDays: number;
  /** Calendar days from `start` to `end`, both included. */
  readonly totalCalendarDays: number;
  /** Elapsed share by the basis, from 0 to 1 (exact where the division is). */
  readonly progress: Decimal;
}

/**
 * Time progress (时间进度): the share of the period's working days that has
 * elapsed on the as-of date, to compare with the share of the target achieved.
 *
 * **The as-of day counts as elapsed by default** (`asOfCounts: "elapsed"`): a report
 * read at the end of 2026-06-30 says the first half is done. Pass
 * `asOfCounts: "remaining"` to read at the start of the day. Before the period the
 * progress is 0 (`status: "before"`), after it 1 (`status: "after"`). A holiday as-of
 * day adds nothing: progress moves only on working days.
 *
 * @param asOf - The date progress is read on, ISO `"YYYY-MM-DD"`.
 * @param options - `start`, `end`, `calendar`, `asOfCounts`, `basis`.
 * @returns Elapsed, remaining and total working days and the progress ratio.
 * @throws {TargetreeError} `INVALID_DATE`; `INVALID_RANGE`; `NO_WORKING_DAYS` when the
 *   period has no working days; `INVALID_ARGUMENT` for bad options or calendar;
 *   `CALENDAR_CONFLICT`; `CALENDAR_YEAR_MISSING`.
 *
 * @example
 * const year = { start: "2026-01-01", end: "2026-12-31", calendar: chinaCalendar() };
 * timeProgress("2026-06-30", year).elapsedWorkingDays                    //=> 120
 * formatPercent(timeProgress("2026-06-30", year).progress)               //=> "48.39%"
 * timeProgress("2026-01-05", { ...year, asOfCounts: "remaining" }).elapsedWorkingDays //=> 1
 * timeProgress("2025-12-31", year).progress.toString()                   //=> "0"
 */
export function timeProgress(asOf: IsoDate, options: TimeProgressOptions): TimeProgressResult {
  const settings = requiredOptions(options);
  parseIsoDate(asOf, ["asOf"]);
  const range = parseRange(settings.start, settings.end);
  const asOfCounts = settings.asOfCounts ?? "elapsed";
  if (asOfCounts !== "elapsed" && asOfCounts !== "remaining") {
    throw new TargetreeError(
      "INVALID_ARGUMENT",
      `asOfCounts must be "elapsed" or "remaining", got ${describeValue(asOfCounts)}.`,
      { path: ["asOfCounts"] },
    );
  }
  const basis = settings.basis ?? "working-days";
  if (basis !== "working-days" && basis !== "calendar-days") {
    throw new TargetreeError(
      "INVALID_ARGUMENT",
      `basis must be "working-days" or "calendar-days", got ${describeValue(basis)}.`,
      { path: ["basis"] },
    );
  }
  const { days, calendar } = buildDays(range, settings.calendar as Calendar | undefined);
  const elapsed = (iso: IsoDate) => (asOfCounts === "elapsed" ? iso <= asOf : iso < asOf);
  let elapsedWorking = 0;
  let totalWorking = 0;
  let elapsedCalendar = 0;
  for (const day of days) {
    const done = elapsed(day.iso);
    if (day.working) totalWorking++;
    if (done) elapsedCalendar++;
    if (done && day.working) elapsedWorking++;
  }
  if (basis === "working-days" && totalWorking === 0) {
    throw new TargetreeError(
      "NO_WORKING_DAYS",
      `${range.startIso} – ${range.endIso} has no working days, so working-day progress is undefined; use basis "calendar-days".`,
      { path: ["end"] },
    );
  }
  const [part, whole] =
    basis === "working-days" ? [elapsedWorking, totalWorking] : [elapsedCalendar, days.length];
  const progress = part === 0 ? ZERO : part === whole ? ONE : toDecimal(part).dividedBy(whole);
  return {
    asOf,
    start: range.startIso,
    end: range.endIso,
    asOfCounts,
    basis,
    status: asOf < range.startIso ? "before" : asOf > range.endIso ? "after" : "during",
    elapsedWorkingDays: elapsedWorking,
    remainingWorkingDays: totalWorking - elapsedWorking,
    totalWorkingDays: totalWorking,
    elapsedCalendarDays: elapsedCalendar,
    totalCalendarDays: days.length,
    progress,
    provisional: calendar.provisionalYears.length > 0,
    provisionalYears: calendar.provisionalYears,
  };
}
