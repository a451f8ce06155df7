import type { ErrorPath } from "../_lib/errors.js";
import { describeValue, TargetreeError } from "../_lib/errors.js";
import { ownOptions } from "../_lib/options.js";
import type { CheckedArrangement } from "./_lib/arrangement.js";
import { checkArrangement } from "./_lib/arrangement.js";
import { CHINA_HOLIDAY_DATA } from "./data/china-holidays.js";
import type { Calendar, CalendarDay, HolidayArrangement, IsoDate, MissingYears } from "./types.js";

/** Options of {@link chinaCalendar}. */
export interface ChinaCalendarOptions {
  /**
   * Official arrangements to add, one per year, in the shape of
   * {@link HolidayArrangement} (fill one in from the State Council notice). An
   * arrangement for a year the library ships replaces the shipped one.
   */
  readonly arrangements?: readonly HolidayArrangement[];
  /**
   * A year with no data: `"error"` (default) throws `CALENDAR_YEAR_MISSING`;
   * `"provisional"` computes a provisional arrangement for it (2025–2099) from the
   * published principles, and every result built on it says `provisional: true`;
   * `"weekends-only"` treats it as an ordinary year (not recommended for China).
   */
  readonly missingYears?: "error" | "provisional" | "weekends-only";
}

const MISSING: ReadonlyMap<unknown, MissingYears> = /* @__PURE__ */ new Map([
  ["error", "error"],
  ["provisional", "china-provisional"],
  ["weekends-only", "weekends-only"],
] as const);

/**
 * The China (mainland) working-day calendar: Saturday and Sunday off, the
 * statutory holidays and the make-up working days (调休) of the State Council
 * notices for 2004–2026 (see `src/time/data/china-holidays.ts` for the sources),
 * plus any arrangements you pass.
 *
 * The result is plain data (a {@link Calendar}) to pass to `workingDays`,
 * `splitByPeriod` and `timeProgress`. A range touching a year without data throws
 * `CALENDAR_YEAR_MISSING` unless you ask for `missingYears: "provisional"`.
 *
 * @param options - Extra official arrangements, and what to do for missing years.
 * @returns The calendar.
 * @throws {TargetreeError} `INVALID_CALENDAR_DATA` for a malformed arrangement (with
 *   the path to the bad value) or two arrangements for one year; `CALENDAR_CONFLICT`
 *   when two arrangements disagree about a day; `INVALID_ARGUMENT` for bad options.
 *
 * @example
 * [chinaCalendar().years?.[0], chinaCalendar().years?.at(-1)] //=> [2004, 2026]
 * workingDays("2026-10-01", "2026-10-10", chinaCalendar()).count //=> 3
 * workingDays("2027-01-01", "2027-12-31", chinaCalendar({ missingYears: "provisional" })).provisional //=> true
 */
export function chinaCalendar(options?: ChinaCalendarOptions): Calendar {
  const settings = ownOptions(options, ["options"]);
  const missingOption = settings.missingYears;
  const missingYears = MISSING.get(missingOption ?? "error");
  if (missingYears === undefined) {
    throw new TargetreeError(
      "INVALID_ARGUMENT",
      `missingYears must be "error", "provisional" or "weekends-only", got ${describeValue(missingOption)}.`,
      { path: ["missingYears"] },
    );
  }
  const byYear = new Map<number, { checked: CheckedArrangement; path: ErrorPath }>();
  CHINA_HOLIDAY_DATA.forEach((arrangement, index) => {
    byYear.set(arrangement.year, {
      checked: checkArrangement(arrangement),
      path: ["CHINA_HOLIDAY_DATA", index],
    });
  });
  const given = settings.arrangements;
  if (given !== undefined) {
    if (!Array.isArray(given)) {
      throw new TargetreeError(
        "INVALID_CALENDAR_DATA",
        `arrangements must be an array, got ${describeValue(given)}.`,
        { path: ["arrangements"], details: { reason: "shape" } },
      );
    }
    const seen = new Set<number>();
    given.forEach((arrangement: unknown, index) => {
      const path = ["arrangements", index];
      const checked = checkArrangement(arrangement, path);
      if (seen.has(checked.year)) {
        throw new TargetreeError(
          "INVALID_CALENDAR_DATA",
          `Two arrangements are given for ${checked.year}; pass one per year.`,
          { path: [...path, "year"], details: { reason: "year", year: checked.year } },
        );
      }
      seen.add(checked.year);
      byYear.set(checked.year, { checked, path });
    });
  }

  const years = [...byYear.keys()].sort((a, b) => a - b);
  const holidays = new Map<IsoDate, { name: string; path: ErrorPath }>();
  const workdays = new Map<IsoDate, { name: string; path: ErrorPath }>();
  const sources: string[] = [];
  const provisionalYears: number[] = [];
  for (const year of years) {
    const { checked, path } = byYear.get(year)!;
    if (checked.provisional) provisionalYears.push(year);
    sources.push(`${year}: ${checked.source ?? "(no source given)"}`);
    for (const [date, name] of checked.daysOff) {
      const other = workdays.get(date);
      if (other) throw disagree(date, path, other.path);
      if (!holidays.has(date)) holidays.set(date, { name, path });
    }
    for (const [date, name] of checked.makeUpDays) {
      const other = holidays.get(date);
      if (other) throw disagree(date, path, other.path);
      workdays.set(date, { name: name === "" ? "补班" : `${name}补班`, path });
    }
  }
  const toDays = (map: Map<IsoDate, { name: string }>): CalendarDay[] =>
    [...map].sort(([a], [b]) => (a < b ? -1 : 1)).map(([date, { name }]) => ({ date, name }));
  return {
    name: "China (mainland) statutory holidays",
    weekend: [6, 7],
    holidays: toDays(holidays),
    workdays: toDays(workdays),
    years,
    missingYears,
    provisionalYears,
    sources,
  };
}

function disagree(date: IsoDate, path: ErrorPath, otherPath: ErrorPath): TargetreeError {
  return new TargetreeError(
    "CALENDAR_CONFLICT",
    `${date} is a day off in one arrangement and a make-up working day in another.`,
    { path, details: { date, otherPath } },
  );
}
