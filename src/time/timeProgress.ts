import type { Decimal } from "../_lib/decimal.js";
import { requiredOptions } from "./_lib/options.js";
import { measureProgress } from "./_lib/progress.js";
import type { Calendar, IsoDate, ProvisionalFlag } from "./types.js";

/** Options of {@link timeProgress}: the period, the calendar, and how the as-of day counts. */
export interface TimeProgressOptions {
  /** First day of the period (e.g. `"2026-01-01"`). */
  readonly start: IsoDate;
  /** Last day of the period, inclusive. */
  readonly end: IsoDate;
  /**
   * The working-day calendar. Default Monday–Friday, no holidays. A compiled calendar
   * (`chinaCalendar()`, `compileCalendar(…)`) answers from its day table, without checking or
   * walking days on each call.
   */
  readonly calendar?: Calendar;
  /**
   * Does the as-of day count as elapsed? `"elapsed"` (default): progress read at
   * the **end** of the as-of day (a daily report after close of business), so the
   * day counts. `"remaining"`: read at the **start** of the day, so it does not.
   */
  readonly asOfCounts?: "elapsed" | "remaining";
  /** What time progress counts: `"working-days"` (default, 时间进度 by working days) or `"calendar-days"`. */
  readonly countBy?: "working-days" | "calendar-days";
}

/** The result of {@link timeProgress}: how far through the period the as-of day is. */
export interface TimeProgressResult extends ProvisionalFlag {
  /** The as-of date, as given. */
  readonly asOf: IsoDate;
  /** First day of the period, ISO `YYYY-MM-DD`. */
  readonly start: IsoDate;
  /** Last day of the period (inclusive), ISO `YYYY-MM-DD`. */
  readonly end: IsoDate;
  /** How the as-of day counted, as given or defaulted (`"elapsed"`). */
  readonly asOfCounts: "elapsed" | "remaining";
  /** What `timeProgress` counts, as given or defaulted (`"working-days"`). */
  readonly countBy: "working-days" | "calendar-days";
  /** Where the as-of day sits: before the period, during it, or after it. */
  readonly status: "before" | "during" | "after";
  /** Working days from `start` to `end`, both included. */
  readonly workingDays: number;
  /**
   * Working days of the period on or before the as-of day (before it with `asOfCounts:
   * "remaining"`).
   */
  readonly workingDaysElapsed: number;
  /** Working days of the period still to come: `workingDays − workingDaysElapsed`. */
  readonly workingDaysRemaining: number;
  /** Calendar days from `start` to `end`, both included. */
  readonly calendarDays: number;
  /**
   * Calendar days of the period on or before the as-of day (before it with `asOfCounts:
   * "remaining"`).
   */
  readonly calendarDaysElapsed: number;
  /** Calendar days of the period still to come: `calendarDays − calendarDaysElapsed`. */
  readonly calendarDaysRemaining: number;
  /** Time progress (时间进度): the elapsed share by `countBy`, from 0 to 1 (exact where the division is). */
  readonly timeProgress: Decimal;
}

const OPTIONS = ["start", "end", "calendar", "asOfCounts", "countBy"] as const;

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
 * With a compiled calendar (`chinaCalendar()`, `compileCalendar(…)`) the counts are read from
 * its day table, so a call costs microseconds whatever the period's length.
 *
 * @param asOf - The date progress is read on, ISO `"YYYY-MM-DD"`.
 * @param options - `start`, `end`, `calendar`, `asOfCounts`, `countBy`.
 * @returns Working days (in the period, elapsed, remaining), calendar days, and the progress.
 * @throws {TargetreeError} `INVALID_DATE`; `INVALID_RANGE`; `NO_WORKING_DAYS` when the
 *   period has no working days; `UNKNOWN_OPTION` for a misspelt option or calendar field;
 *   `INVALID_ARGUMENT` for bad options or calendar; `CALENDAR_CONFLICT`; `CALENDAR_YEAR_MISSING`.
 *
 * @example
 * const year = { start: "2026-01-01", end: "2026-12-31", calendar: chinaCalendar() };
 * timeProgress("2026-06-30", year).workingDaysElapsed                    //=> 120
 * formatPercent(timeProgress("2026-06-30", year).timeProgress)           //=> "48.39%"
 * timeProgress("2026-01-05", { ...year, asOfCounts: "remaining" }).workingDaysElapsed //=> 1
 * timeProgress("2025-12-31", year).timeProgress.toString()               //=> "0"
 */
export function timeProgress(asOf: IsoDate, options: TimeProgressOptions): TimeProgressResult {
  return measureProgress(
    asOf,
    requiredOptions(options, OPTIONS, { basis: "countBy" }),
    ["options"],
    {
      countBy: true,
    },
  );
}
