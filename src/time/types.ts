/**
 * A calendar date as ISO text, `"YYYY-MM-DD"` (e.g. `"2026-06-01"`). Never a
 * time, never a time zone: the library does date-only arithmetic, so results are
 * the same on every machine.
 */
export type IsoDate = string;

/** ISO weekday number: 1 = Monday … 6 = Saturday, 7 = Sunday. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** One named day in a calendar: a holiday (`"春节"`) or a make-up working day (`"春节补班"`). */
export interface CalendarDay {
  /** The day, ISO `YYYY-MM-DD`. */
  readonly date: IsoDate;
  /** The day's name for people (`"春节"`, `"春节补班"`); shown by `listDays`. */
  readonly name?: string;
}

/**
 * What a calendar does for a year it has no data for (a year not in `years`):
 * - `"error"` (default): throw `CALENDAR_YEAR_MISSING`;
 * - `"weekends-only"`: treat the year as ordinary (weekends off, no holidays);
 * - `"china-provisional"`: build a provisional China arrangement for the year from
 *   the published principles (see `provisionalChinaArrangement`); results say
 *   `provisional: true`.
 */
export type MissingYears = "error" | "weekends-only" | "china-provisional";

/**
 * A working-day calendar as plain data (JSON-friendly). Any country's or
 * company's calendar has this shape; `chinaCalendar()` builds the China one.
 *
 * A day is a working day when it is listed in `workdays` (a make-up working day,
 * 调休上班), or when it is not a weekend day and not listed in `holidays`.
 * Listing one date in both `holidays` and `workdays` is `CALENDAR_CONFLICT`.
 */
export interface Calendar {
  /** A name for people, e.g. `"China (mainland) statutory holidays"`. */
  readonly name?: string;
  /** Weekly rest days as ISO weekdays (1 = Monday … 7 = Sunday). Default `[6, 7]`. */
  readonly weekend?: readonly IsoWeekday[];
  /** Days off: a date, or `{ date, name }`. */
  readonly holidays?: readonly (IsoDate | CalendarDay)[];
  /** Make-up working days (调休上班): usually weekend days that become working days. */
  readonly workdays?: readonly (IsoDate | CalendarDay)[];
  /**
   * The years the lists are complete for. A range that touches another year is
   * handled by `missingYears`. Omit it for a calendar that applies to every year.
   */
  readonly years?: readonly number[];
  /** What to do for a year outside `years`. Default `"error"`. */
  readonly missingYears?: MissingYears;
  /** Years in `years` whose data is provisional (not from an official notice). */
  readonly provisionalYears?: readonly number[];
  /** Where the data comes from (notices), for people. */
  readonly sources?: readonly string[];
}

/** Options taking a calendar; without one, Monday–Friday are working days. */
export interface CalendarOptions {
  /** The working-day calendar. Default: Saturday and Sunday off, no holidays. */
  readonly calendar?: Calendar;
}

/** How a day counts: an ordinary working day, a weekend day, a holiday, or a make-up working day. */
export type DayKind = "workday" | "weekend" | "holiday" | "make-up";

/** Fields every result built on a calendar carries. */
export interface ProvisionalFlag {
  /** True when any day of the range comes from a provisional (computed, not official) calendar year. */
  readonly provisional: boolean;
  /** The provisional years the range touches, ascending; empty when `provisional` is false. */
  readonly provisionalYears: readonly number[];
}

/** One holiday of a year's arrangement, as the notice states it. */
export interface ArrangementHoliday {
  /** The holiday's name as in the notice: `"春节"`, `"国庆节、中秋节"`. */
  readonly name: string;
  /**
   * The days off: dates (`"2026-02-15"`) or inclusive ranges written
   * `"2026-02-15/2026-02-23"` (ISO 8601 interval).
   */
  readonly days: readonly IsoDate[];
  /** This holiday's make-up working days (调休上班), if the notice lists them with it. */
  readonly workdays?: readonly IsoDate[];
}

/**
 * One year's official holiday arrangement (放假调休安排), as a small JSON shape a
 * user fills in from the State Council notice.
 *
 * Dates must fall in `year`, except that a run starting in the last week of the
 * year before is allowed (元旦 2023 began on 2022-12-31).
 *
 * @example
 * const arrangement = {
 *   year: 2026,
 *   source: "国务院办公厅关于2026年部分节假日安排的通知 (2025-11-04)",
 *   holidays: [
 *     { name: "元旦", days: ["2026-01-01/2026-01-03"], workdays: ["2026-01-04"] },
 *     { name: "春节", days: ["2026-02-15/2026-02-23"], workdays: ["2026-02-14", "2026-02-28"] },
 *   ],
 * };
 */
export interface HolidayArrangement {
  /** The year the notice covers, e.g. 2026. */
  readonly year: number;
  /** The notice, e.g. `"国办发明电〔2024〕12号"`. */
  readonly source?: string;
  /** The notice's date, ISO. */
  readonly published?: IsoDate;
  /** True for a computed arrangement (no notice yet). */
  readonly provisional?: boolean;
  /** The holidays of the year, each with its days off and make-up working days. */
  readonly holidays: readonly ArrangementHoliday[];
  /** Make-up working days not tied to one holiday. */
  readonly workdays?: readonly IsoDate[];
}
