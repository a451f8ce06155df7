import type { ErrorPath } from "../_lib/errors.js";
import { describeValue, TargetreeError } from "../_lib/errors.js";
import { readChoice, readOptions } from "../_lib/options.js";
import type { CheckedArrangement } from "./_lib/arrangement.js";
import { checkArrangement } from "./_lib/arrangement.js";
import type { CalendarTable, Precomputed } from "./_lib/calendar.js";
import { addProvisional, attachTable, compileTable } from "./_lib/calendar.js";
import { lunarReader } from "./_lib/chineseCalendar.js";
import { PROVISIONAL_FIRST_YEAR, PROVISIONAL_LAST_YEAR } from "./_lib/provisionalChina.js";
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
  /**
   * With `missingYears: "provisional"`: the last year whose provisional arrangement is computed
   * when the calendar is created (a whole number up to 2099). Default: five years after the last
   * year with data. A later year still works, but is computed again on every call.
   */
  readonly provisionalThrough?: number;
}

const OPTIONS = ["arrangements", "missingYears", "provisionalThrough"] as const;
const MISSING: Readonly<Record<"error" | "provisional" | "weekends-only", MissingYears>> = {
  error: "error",
  provisional: "china-provisional",
  "weekends-only": "weekends-only",
};
/** How many years past its data a provisional calendar covers by default. */
const PROVISIONAL_YEARS_AHEAD = 5;

interface Entry {
  readonly checked: CheckedArrangement;
  readonly path: ErrorPath;
}

/**
 * The China (mainland) working-day calendar: Saturday and Sunday off, the
 * statutory holidays and the make-up working days (调休) of the State Council
 * notices for 2004–2026 (see `src/time/data/china-holidays.ts` for the sources),
 * plus any arrangements you pass.
 *
 * The result is a **compiled calendar**: plain, frozen data (a {@link Calendar}: JSON and
 * spreading see only the data) that also carries its day table, checked and counted once, here.
 * Pass the same value to `workingDays`, `splitByPeriod`, `timeProgress` or `projectRunRate` many
 * times: no call checks the data again, and a pace question is two table reads. Create it once,
 * outside your loops.
 *
 * A range touching a year without data throws `CALENDAR_YEAR_MISSING` unless you ask for
 * `missingYears: "provisional"`. Then the value also holds, computed once here, the provisional
 * arrangement of every year without data from 2025 up to `provisionalThrough` (default: five
 * years after the last year with data, e.g. 2031 for data up to 2026), and the late-December days
 * of the year after. Its data (`years`, `holidays`, `provisionalYears`) stays the notices', so a
 * JSON copy is the same calendar and gives the same results, computing provisional years on each
 * call. A year after `provisionalThrough` is still answered, but computed on each call too: pass
 * a later `provisionalThrough` to plan further ahead at full speed.
 *
 * @param options - Extra official arrangements, what to do for missing years, and how far the
 *   provisional years reach.
 * @returns The calendar, frozen.
 * @throws {TargetreeError} `INVALID_CALENDAR_DATA` for a malformed arrangement (with
 *   the path to the bad value) or two arrangements for one year; `CALENDAR_CONFLICT`
 *   when two arrangements disagree about a day; `UNKNOWN_OPTION` for a misspelt option;
 *   `INVALID_ARGUMENT` for bad options.
 *
 * @example
 * [chinaCalendar().years?.[0], chinaCalendar().years?.at(-1)] //=> [2004, 2026]
 * workingDays("2026-10-01", "2026-10-10", chinaCalendar()).workingDays //=> 3
 * const ahead = chinaCalendar({ missingYears: "provisional", provisionalThrough: 2035 });
 * workingDays("2032-01-01", "2032-12-31", ahead).provisionalYears //=> [2032]
 * workingDays("2027-01-01", "2027-12-31", chinaCalendar({ missingYears: "provisional" })).provisional //=> true
 */
export function chinaCalendar(options?: ChinaCalendarOptions): Calendar {
  const settings = readOptions(options, OPTIONS);
  const missingOption = readChoice(
    settings,
    "missingYears",
    ["error", "provisional", "weekends-only"],
    "error",
    ["options"],
  );
  const missingYears = MISSING[missingOption];
  const byYear = new Map<number, Entry>();
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
        { path: ["options", "arrangements"], details: { reason: "shape" } },
      );
    }
    const seen = new Set<number>();
    given.forEach((arrangement: unknown, index) => {
      const path = ["options", "arrangements", index];
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
  const calendar: Calendar = {
    name: "China (mainland) statutory holidays",
    weekend: [6, 7],
    holidays: toDays(holidays),
    workdays: toDays(workdays),
    years,
    missingYears,
    provisionalYears,
    sources,
  };
  const names = (map: Map<IsoDate, { name: string }>) =>
    new Map([...map].map(([date, { name }]) => [date, name]));
  const table: CalendarTable = {
    weekend: [false, false, false, false, false, false, true, true],
    holidays: names(holidays),
    workdays: names(workdays),
    years: new Set(years),
    missingYears,
    provisional: new Set(provisionalYears),
    precomputed: new Map(),
    dense: null,
  };
  const through = readThrough(settings, missingOption, years.at(-1)!);
  const withProvisional = through === null ? table : precompute(table, through, byYear);
  return attachTable(calendar, compileTable(withProvisional));
}

/**
 * The table with the provisional years from 2025 to `through` that have no data computed into it,
 * as a call would compute them, plus the days the year after reaches back into December.
 */
function precompute(
  table: CalendarTable,
  through: number,
  byYear: ReadonlyMap<number, Entry>,
): CalendarTable {
  const holidays = new Map(table.holidays);
  const workdays = new Map(table.workdays);
  const precomputed = new Map<number, Precomputed>();
  // One Intl reader for every year: building one costs about a millisecond.
  const reader = lunarReader();
  const path: ErrorPath = ["options", "missingYears"];
  const last = Math.min(through + 1, PROVISIONAL_LAST_YEAR);
  for (let year = PROVISIONAL_FIRST_YEAR; year <= last; year++) {
    if (byYear.has(year)) continue;
    const complete = year <= through;
    // The year after `through` adds only its days before 1 January, as a call ending in that
    // December takes them (see resolveCalendar).
    const start = `${year}-01-01`;
    const keep = complete ? undefined : (date: IsoDate) => date < start;
    const { reachBack } = addProvisional(year, holidays, workdays, path, {
      reader,
      ...(keep === undefined ? {} : { keep }),
    });
    precomputed.set(year, { complete, reachBack });
  }
  return { ...table, holidays, workdays, precomputed };
}

/** The last provisional year to compute, or `null` when the calendar computes none. */
function readThrough(
  settings: Readonly<Record<string, unknown>>,
  missingYears: keyof typeof MISSING,
  lastDataYear: number,
): number | null {
  const given = settings.provisionalThrough;
  const path = ["options", "provisionalThrough"];
  if (missingYears !== "provisional") {
    if (given === undefined) return null;
    throw new TargetreeError(
      "INVALID_ARGUMENT",
      'provisionalThrough only applies with missingYears: "provisional"; drop it, or ask for provisional years.',
      { path },
    );
  }
  if (given === undefined)
    return Math.min(lastDataYear + PROVISIONAL_YEARS_AHEAD, PROVISIONAL_LAST_YEAR);
  if (
    typeof given !== "number" ||
    !Number.isInteger(given) ||
    given < PROVISIONAL_FIRST_YEAR ||
    given > PROVISIONAL_LAST_YEAR
  ) {
    throw new TargetreeError(
      "INVALID_ARGUMENT",
      `provisionalThrough must be a year from ${PROVISIONAL_FIRST_YEAR} to ${PROVISIONAL_LAST_YEAR}, got ${describeValue(given)}.`,
      { path },
    );
  }
  return given;
}

function disagree(date: IsoDate, path: ErrorPath, otherPath: ErrorPath): TargetreeError {
  return new TargetreeError(
    "CALENDAR_CONFLICT",
    `${date} is a day off in one arrangement and a make-up working day in another.`,
    { path, details: { date, otherPath } },
  );
}
