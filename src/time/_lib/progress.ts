// Time progress over a period, the core of timeProgress and of the pace functions: working days
// counted from the calendar's day table, calendar days by subtraction.
import type { Decimal } from "../../_lib/decimal.js";
import { ONE, ZERO } from "../../_lib/decimal.js";
import type { ErrorPath } from "../../_lib/errors.js";
import { TargetreeError } from "../../_lib/errors.js";
import { readChoice } from "../../_lib/options.js";
import { toDecimal } from "../../numbers/toDecimal.js";
import type { TimeProgressResult } from "../timeProgress.js";
import type { Calendar } from "../types.js";
import { countWorkingDays, resolveCalendar } from "./calendar.js";
import { dayNumber } from "./dayNumber.js";
import { checkDayRange, checkIsoDate } from "./isoDate.js";

/** Where the as-of day sits, the day counts and the progress of one period: timeProgress's result. */
export type Progress = TimeProgressResult;

/**
 * Reads `start`, `end`, `calendar`, `asOfCounts` and (when `reads.countBy`) `countBy` from
 * `fields` (already read by own keys) and measures the period on `asOf`. Errors point at
 * `[...prefix, field]`.
 *
 * @throws {TargetreeError} `INVALID_DATE`, `INVALID_RANGE`, `NO_WORKING_DAYS`, and the calendar's
 *   errors (`UNKNOWN_OPTION`, `INVALID_ARGUMENT`, `CALENDAR_CONFLICT`, `CALENDAR_YEAR_MISSING`).
 */
export function measureProgress(
  asOf: unknown,
  fields: Readonly<Record<string, unknown>>,
  prefix: ErrorPath,
  reads: { readonly countBy: boolean },
): Progress {
  const asOfIso = checkIsoDate(asOf, ["asOf"]);
  const range = checkDayRange(fields.start, fields.end, [...prefix, "start"], [...prefix, "end"]);
  const asOfCounts = readChoice(fields, "asOfCounts", ["elapsed", "remaining"], "elapsed", prefix);
  const countBy = reads.countBy
    ? readChoice(fields, "countBy", ["working-days", "calendar-days"], "working-days", prefix)
    : "working-days";
  const calendar = resolveCalendar(
    fields.calendar as Calendar | undefined,
    range.firstYear,
    range.lastYear,
    [...prefix, "calendar"],
    { start: range.startIso, end: range.endIso },
  );
  const { first, last } = range;
  const lastElapsed = Math.min(last, dayNumber(asOfIso) - (asOfCounts === "elapsed" ? 0 : 1));
  const workingDays = countWorkingDays(calendar, first, last);
  const workingDaysElapsed = countWorkingDays(calendar, first, lastElapsed);
  const calendarDaysElapsed = Math.max(0, lastElapsed - first + 1);
  if (countBy === "working-days" && workingDays === 0) {
    throw new TargetreeError(
      "NO_WORKING_DAYS",
      `${range.startIso} – ${range.endIso} has no working days, so working-day progress is undefined${reads.countBy ? '; use countBy: "calendar-days"' : ""}.`,
      { path: [...prefix, "end"] },
    );
  }
  const [part, whole] =
    countBy === "working-days"
      ? [workingDaysElapsed, workingDays]
      : [calendarDaysElapsed, range.days];
  return {
    asOf: asOfIso,
    start: range.startIso,
    end: range.endIso,
    asOfCounts,
    countBy,
    status: asOfIso < range.startIso ? "before" : asOfIso > range.endIso ? "after" : "during",
    workingDays,
    workingDaysElapsed,
    workingDaysRemaining: workingDays - workingDaysElapsed,
    calendarDays: range.days,
    calendarDaysElapsed,
    calendarDaysRemaining: range.days - calendarDaysElapsed,
    timeProgress: share(part, whole),
    provisional: calendar.provisionalYears.length > 0,
    provisionalYears: calendar.provisionalYears,
  };
}

/** `part / whole` of two counts, exact 0 and 1 at the ends. */
export function share(part: number, whole: number): Decimal {
  return part === 0 ? ZERO : part === whole ? ONE : toDecimal(part).dividedBy(whole);
}
