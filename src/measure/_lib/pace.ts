// Reads the period of a pace question and asks the time area how far through it we are.
import type { Decimal } from "../../_lib/decimal.js";
import { readChoice } from "../../_lib/options.js";
import { own } from "../../_lib/records.js";
import { timeProgress } from "../../time/timeProgress.js";
import type { Calendar, IsoDate } from "../../time/types.js";

/** The period fields shared by the pace functions. */
export interface PacePeriod {
  /** The date the figures are read on, ISO `YYYY-MM-DD`. */
  readonly asOf: IsoDate;
  /** First day of the period, inclusive. */
  readonly start: IsoDate;
  /** Last day of the period, inclusive. */
  readonly end: IsoDate;
  /** The working-day calendar. Default: Saturday and Sunday off, no holidays. */
  readonly calendar?: Calendar;
  /**
   * Whether `actual` includes the as-of day, as in `timeProgress`: `"elapsed"` (default, figures
   * read after close of business, the as-of day is done) or `"remaining"` (read at the start of
   * the day, the as-of day is still to come).
   */
  readonly asOfCounts?: "elapsed" | "remaining";
}

/** Working days of the period as the time area counts them. */
export interface PaceDays {
  /**
   * Working days of the period up to the as-of day (the as-of day included unless `asOfCounts` is
   * `"remaining"`); 0 before the period.
   */
  readonly elapsedWorkingDays: number;
  /** Working days of the period still to come: `totalWorkingDays − elapsedWorkingDays`. */
  readonly remainingWorkingDays: number;
  /** Working days from `start` to `end`, both included, on the calendar. */
  readonly totalWorkingDays: number;
  /** Time progress (时间进度): elapsed / total working days. */
  readonly timeProgress: Decimal;
  /** Where the as-of day sits: before the period, during it, or after it. */
  readonly status: "before" | "during" | "after";
  /** True when the period touches a provisional (computed, not official) calendar year. */
  readonly provisional: boolean;
  /** The provisional years the period touches, ascending; empty when `provisional` is false. */
  readonly provisionalYears: readonly number[];
}

export function readPace(record: object): PaceDays {
  const asOfCounts = readChoice(record, "asOfCounts", ["elapsed", "remaining"], "elapsed", []);
  const calendar = own(record, "calendar") as Calendar | undefined;
  const progress = timeProgress(own(record, "asOf") as IsoDate, {
    start: own(record, "start") as IsoDate,
    end: own(record, "end") as IsoDate,
    asOfCounts,
    // Stryker disable next-line ConditionalExpression: timeProgress reads calendar: undefined as no calendar, exactly as when the key is absent
    ...(calendar === undefined ? {} : { calendar }),
  });
  return {
    elapsedWorkingDays: progress.elapsedWorkingDays,
    remainingWorkingDays: progress.remainingWorkingDays,
    totalWorkingDays: progress.totalWorkingDays,
    timeProgress: progress.progress,
    status: progress.status,
    provisional: progress.provisional,
    provisionalYears: progress.provisionalYears,
  };
}
