// Reads the period of a pace question, as dates on a calendar or as working-day counts, and asks
// the time area how far through it we are.
import type { Decimal } from "../../_lib/decimal.js";
import type { ErrorPath } from "../../_lib/errors.js";
import { describeValue, TargetreeError } from "../../_lib/errors.js";
import { readOptions } from "../../_lib/options.js";
import { isRecord } from "../../_lib/records.js";
import { measureProgress, share } from "../../time/internal.js";
import type { Calendar, IsoDate } from "../../time/types.js";

/** The period as dates: the as-of day, the period's first and last day, and the calendar. */
export interface PaceDates {
  /** The date the figures are read on, ISO `YYYY-MM-DD`. */
  readonly asOf: IsoDate;
  /** First day of the period, inclusive. */
  readonly start: IsoDate;
  /** Last day of the period, inclusive. */
  readonly end: IsoDate;
  /**
   * The working-day calendar. Default: Saturday and Sunday off, no holidays. A compiled calendar
   * (`chinaCalendar()`, `compileCalendar(…)`) answers from its day table: create it once and a
   * call costs microseconds.
   */
  readonly calendar?: Calendar;
  /**
   * Whether `actual` includes the as-of day, as in `timeProgress`: `"elapsed"` (default, figures
   * read after close of business, the as-of day is done) or `"remaining"` (read at the start of
   * the day, the as-of day is still to come).
   */
  readonly asOfCounts?: "elapsed" | "remaining";
  /** Not with dates: give the period either as dates or as counts. */
  readonly workingDays?: never;
  /** Not with dates: give the period either as dates or as counts. */
  readonly workingDaysElapsed?: never;
}

/** The period as counts already known, e.g. from one `timeProgress` call for a whole team. */
export interface PaceCounts {
  /** Working days in the whole period, a whole number above 0. */
  readonly workingDays: number;
  /** Working days of the period already done, from 0 to `workingDays`. */
  readonly workingDaysElapsed: number;
  /** Not with counts: give the period either as dates or as counts. */
  readonly asOf?: never;
  /** Not with counts. */
  readonly start?: never;
  /** Not with counts. */
  readonly end?: never;
  /** Not with counts. */
  readonly calendar?: never;
  /** Not with counts. */
  readonly asOfCounts?: never;
}

/** The period of a pace question: dates on a calendar, or working-day counts. */
export type PacePeriod = PaceDates | PaceCounts;

/** Working days of the period as the time area counts them. */
export interface PaceDays {
  /** Working days from `start` to `end`, both included, on the calendar (or as given). */
  readonly workingDays: number;
  /**
   * Working days of the period up to the as-of day (the as-of day included unless `asOfCounts` is
   * `"remaining"`); 0 before the period.
   */
  readonly workingDaysElapsed: number;
  /** Working days of the period still to come: `workingDays − workingDaysElapsed`. */
  readonly workingDaysRemaining: number;
  /** Time progress (时间进度): `workingDaysElapsed / workingDays`. */
  readonly timeProgress: Decimal;
  /**
   * Where the as-of day sits: before the period, during it, or after it; `null` when the period
   * was given as counts (there are no dates to place it).
   */
  readonly status: "before" | "during" | "after" | null;
  /** True when the period touches a provisional (computed, not official) calendar year. */
  readonly provisional: boolean;
  /** The provisional years the period touches, ascending; empty when `provisional` is false. */
  readonly provisionalYears: readonly number[];
}

const DATE_FIELDS = ["asOf", "start", "end", "calendar", "asOfCounts"] as const;
const COUNT_FIELDS = ["workingDays", "workingDaysElapsed"] as const;

/**
 * Reads a pace function's single input record: `fields` (its own, e.g. `actual`, `target`) plus
 * the period's fields. Anything else is `UNKNOWN_OPTION` with the nearest field.
 */
export function readPaceInput(
  input: unknown,
  what: string,
  fields: readonly string[],
): Readonly<Record<string, unknown>> {
  if (!isRecord(input)) {
    throw new TargetreeError(
      "INVALID_ARGUMENT",
      `${what} must be an object, got ${describeValue(input)}.`,
      { path: [] },
    );
  }
  return readOptions(input, [...fields, ...DATE_FIELDS, ...COUNT_FIELDS], []);
}

function readCount(record: Readonly<Record<string, unknown>>, key: string): number {
  const value = record[key];
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value < 0) {
    throw new TargetreeError(
      "INVALID_ARGUMENT",
      `${key} must be a whole number ≥ 0, got ${describeValue(value)}.`,
      { path: [key] },
    );
  }
  return value;
}

/** The period's working days and time progress, from its dates or from the counts given. */
export function readPace(record: Readonly<Record<string, unknown>>): PaceDays {
  const counted = COUNT_FIELDS.find((key) => record[key] !== undefined);
  if (counted === undefined) {
    const progress = measureProgress(record.asOf, record, [], { countBy: false });
    return {
      workingDays: progress.workingDays,
      workingDaysElapsed: progress.workingDaysElapsed,
      workingDaysRemaining: progress.workingDaysRemaining,
      timeProgress: progress.timeProgress,
      status: progress.status,
      provisional: progress.provisional,
      provisionalYears: progress.provisionalYears,
    };
  }
  const dated = DATE_FIELDS.find((key) => record[key] !== undefined);
  if (dated !== undefined) {
    throw new TargetreeError(
      "INVALID_ARGUMENT",
      `Give the period either as dates (asOf, start, end, calendar, asOfCounts) or as working-day counts (workingDays, workingDaysElapsed), not both: ${dated} and ${counted} are given.`,
      { path: [dated] satisfies ErrorPath },
    );
  }
  const workingDays = readCount(record, "workingDays");
  const workingDaysElapsed = readCount(record, "workingDaysElapsed");
  if (workingDaysElapsed > workingDays) {
    throw new TargetreeError(
      "INVALID_ARGUMENT",
      `workingDaysElapsed (${workingDaysElapsed}) cannot exceed workingDays (${workingDays}).`,
      { path: ["workingDaysElapsed"] },
    );
  }
  if (workingDays === 0) {
    throw new TargetreeError(
      "NO_WORKING_DAYS",
      "The period has no working days, so working-day progress is undefined.",
      { path: ["workingDays"] },
    );
  }
  return {
    workingDays,
    workingDaysElapsed,
    workingDaysRemaining: workingDays - workingDaysElapsed,
    timeProgress: share(workingDaysElapsed, workingDays),
    status: null,
    provisional: false,
    provisionalYears: [],
  };
}
