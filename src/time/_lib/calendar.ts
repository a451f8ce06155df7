// A calendar checked once into a table (weekend, holidays, make-up days, covered years), then
// resolved for the years a range touches. A compiled calendar value (chinaCalendar,
// compileCalendar) carries its table, checked and with a day-by-day count, so a call reads it
// instead of checking the data again.
import { readItems } from "../../_lib/arrays.js";
import type { ErrorPath } from "../../_lib/errors.js";
import { describeValue, TargetreeError } from "../../_lib/errors.js";
import { readOptions } from "../../_lib/options.js";
import { isRecord } from "../../_lib/records.js";
import type { Calendar, IsoDate, IsoWeekday, MissingYears } from "../types.js";
import { checkArrangement } from "./arrangement.js";
import type { LunarReader } from "./chineseCalendar.js";
import { dayNumber, firstDayOfYear, isoOfDay, weekdayOfDay } from "./dayNumber.js";
import { checkIsoDate } from "./isoDate.js";
import {
  buildProvisionalChina,
  PROVISIONAL_FIRST_YEAR,
  PROVISIONAL_LAST_YEAR,
} from "./provisionalChina.js";

/** The fields of a calendar given as data. */
export const CALENDAR_KEYS: readonly string[] = [
  "name",
  "weekend",
  "holidays",
  "workdays",
  "years",
  "missingYears",
  "provisionalYears",
  "sources",
];
const MISSING_YEARS: readonly MissingYears[] = ["error", "weekends-only", "china-provisional"];

/** How a day of a compiled table counts: the codes of `DenseDays.kinds`. */
const WORKDAY = 0;
const WEEKEND = 1;
const HOLIDAY = 2;
const MAKE_UP = 3;

/** Longest span a compiled day table covers: 200 years of days (about 0.4 MB). */
const MAX_TABLE_YEARS = 200;

/** A day-by-day table over whole years: each day's kind, and running working-day counts. */
export interface DenseDays {
  /** Day number (days since 1970-01-01) of the table's first day, a 1 January. */
  readonly first: number;
  /** The kind of each day: 0 workday, 1 weekend, 2 holiday, 3 make-up working day. */
  readonly kinds: Uint8Array;
  /** `working[i]`: working days among the table's first `i` days (one more entry than days). */
  readonly working: Int32Array;
}

/** A calendar checked once: everything a count or a classification reads. */
export interface CalendarTable {
  /** `weekend[isoWeekday]` is true for a weekly rest day. */
  readonly weekend: readonly boolean[];
  readonly holidays: ReadonlyMap<IsoDate, string>;
  readonly workdays: ReadonlyMap<IsoDate, string>;
  /** The years the lists are complete for; `null` for a calendar that applies to every year. */
  readonly years: ReadonlySet<number> | null;
  readonly missingYears: MissingYears;
  /** The calendar's `provisionalYears`. */
  readonly provisional: ReadonlySet<number>;
  /**
   * Provisional China years (`missingYears: "china-provisional"`) computed when the calendar was
   * created and already in `holidays` and `workdays`, each with the days it reaches back into the
   * December before (a provisional 元旦 on a Tuesday starts on 30 December). A year that is not
   * `complete` contributed only those days.
   */
  readonly precomputed: ReadonlyMap<number, Precomputed>;
  /** The day table of a compiled calendar; `null` for a calendar checked for one call. */
  readonly dense: DenseDays | null;
}

/** A provisional year computed once, when a calendar was created. */
export interface Precomputed {
  /** True when all its days are in the table; false when only the days before its 1 January are. */
  readonly complete: boolean;
  /** Its days before its 1 January. */
  readonly reachBack: readonly IsoDate[];
}

/** A calendar resolved for the years a range touches. */
export interface ResolvedCalendar {
  /** `weekend[isoWeekday]` is true for a weekly rest day. */
  readonly weekend: readonly boolean[];
  readonly holidays: ReadonlyMap<IsoDate, string>;
  readonly workdays: ReadonlyMap<IsoDate, string>;
  /** Provisional years among those the range touches, ascending. */
  readonly provisionalYears: readonly number[];
  /** The compiled day table, when the calendar has one and the range needs nothing beyond it. */
  readonly dense: DenseDays | null;
}

/** Where a compiled calendar keeps its table: not enumerable, so a spread or JSON leaves it out. */
const COMPILED: unique symbol = /* @__PURE__ */ Symbol("targetree.compiledCalendar");

interface Compiled {
  /** The calendar value the table was built for: a table copied onto another object is ignored. */
  readonly owner: object;
  readonly table: CalendarTable;
}

/** The table of a compiled calendar value, or `null` for a calendar given as plain data. */
export function compiledTable(calendar: unknown): CalendarTable | null {
  if (typeof calendar !== "object" || calendar === null) return null;
  const compiled = Object.getOwnPropertyDescriptor(calendar, COMPILED)?.value as
    | Compiled
    | undefined;
  return compiled !== undefined && compiled.owner === calendar ? compiled.table : null;
}

/** Freezes `calendar` (deeply) with its table: the compiled calendar value. */
export function attachTable<T extends Calendar>(calendar: T, table: CalendarTable): T {
  Object.defineProperty(calendar, COMPILED, {
    value: { owner: calendar, table } satisfies Compiled,
    enumerable: false,
  });
  return deepFreeze(calendar);
}

function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null) {
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
    Object.freeze(value);
  }
  return value;
}

function badCalendar(message: string, path: ErrorPath): never {
  throw new TargetreeError("INVALID_ARGUMENT", message, { path });
}

function checkYears(value: unknown, path: ErrorPath): number[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) badCalendar("Expected an array of years.", path);
  return readItems(value as readonly unknown[], path).map((year, index) => {
    if (typeof year !== "number" || !Number.isInteger(year) || year < 1000 || year > 9999) {
      badCalendar(
        `Expected a year as a whole number from 1000 to 9999 (such as 2026), got ${describeValue(year)}.`,
        [...path, index],
      );
    }
    return year;
  });
}

/** Reads a `holidays` or `workdays` list into `into` (date → name). */
function readDays(
  value: unknown,
  path: ErrorPath,
  into: Map<IsoDate, string>,
  paths: Map<IsoDate, ErrorPath>,
): void {
  if (value === undefined) return;
  if (!Array.isArray(value)) badCalendar("Expected an array of dates or { date, name }.", path);
  readItems(value as readonly unknown[], path).forEach((entry: unknown, index) => {
    const at = [...path, index];
    let date: unknown = entry;
    let name = "";
    if (isRecord(entry)) {
      const fields = readOptions(entry, ["date", "name"], at);
      date = fields.date;
      const given = fields.name;
      if (given !== undefined && typeof given !== "string") {
        badCalendar("A day's name must be a string.", [...at, "name"]);
      }
      name = given ?? "";
      at.push("date");
    }
    const iso = checkIsoDate(date, at);
    if (!into.has(iso) || name !== "") into.set(iso, name);
    if (!paths.has(iso)) paths.set(iso, at);
  });
}

/** The table of the default calendar: Saturday and Sunday off, no holidays, every year. */
function defaultTable(): CalendarTable {
  return {
    weekend: [false, false, false, false, false, false, true, true],
    holidays: new Map(),
    workdays: new Map(),
    years: null,
    missingYears: "error",
    provisional: new Set(),
    precomputed: new Map(),
    dense: null,
  };
}

/**
 * Checks a calendar given as data: its fields (an unknown one is `UNKNOWN_OPTION` with the nearest
 * known field), weekend, days and years. No day table is built: see {@link compileTable}.
 *
 * @throws {TargetreeError} `UNKNOWN_OPTION`; `INVALID_ARGUMENT` for a malformed calendar;
 *   `INVALID_DATE` for a bad date in it; `CALENDAR_CONFLICT` for a day both off and worked.
 */
export function checkCalendar(calendar: unknown, path: ErrorPath = ["calendar"]): CalendarTable {
  if (calendar === undefined) return defaultTable();
  if (!isRecord(calendar)) {
    badCalendar(`Expected a calendar object, got ${describeValue(calendar)}.`, path);
  }
  const fields = readOptions(calendar, CALENDAR_KEYS, path);
  const weekend = [false, false, false, false, false, false, true, true];
  const rawWeekend = fields.weekend;
  if (rawWeekend !== undefined) {
    if (!Array.isArray(rawWeekend)) {
      badCalendar("weekend must be an array of ISO weekdays (1 = Monday … 7 = Sunday).", [
        ...path,
        "weekend",
      ]);
    }
    weekend.fill(false);
    readItems(rawWeekend as readonly unknown[], [...path, "weekend"]).forEach(
      (day: unknown, index) => {
        if (
          typeof day !== "number" ||
          !Number.isInteger(day) ||
          day < 1 ||
          day > 7 ||
          weekend[day]
        ) {
          badCalendar(
            `Expected distinct ISO weekdays 1 (Monday) … 7 (Sunday), got ${describeValue(day)}.`,
            [...path, "weekend", index],
          );
        }
        weekend[day] = true;
      },
    );
  }
  const name = fields.name;
  if (name !== undefined && typeof name !== "string") {
    badCalendar("name must be a string.", [...path, "name"]);
  }
  const sources = fields.sources;
  if (
    sources !== undefined &&
    (!Array.isArray(sources) || !sources.every((s: unknown) => typeof s === "string"))
  ) {
    badCalendar("sources must be an array of strings.", [...path, "sources"]);
  }

  const holidays = new Map<IsoDate, string>();
  const workdays = new Map<IsoDate, string>();
  const holidayPaths = new Map<IsoDate, ErrorPath>();
  const workdayPaths = new Map<IsoDate, ErrorPath>();
  readDays(fields.holidays, [...path, "holidays"], holidays, holidayPaths);
  readDays(fields.workdays, [...path, "workdays"], workdays, workdayPaths);
  for (const [date, at] of workdayPaths) {
    if (holidays.has(date)) {
      throw new TargetreeError(
        "CALENDAR_CONFLICT",
        `${date} is listed both as a holiday and as a make-up working day; keep it in one list.`,
        { path: at, details: { date, holidayPath: holidayPaths.get(date) } },
      );
    }
  }

  const rawYears = fields.years;
  const years = rawYears === undefined ? null : new Set(checkYears(rawYears, [...path, "years"]));
  const provisional = new Set(checkYears(fields.provisionalYears, [...path, "provisionalYears"]));
  const missingYears = fields.missingYears ?? "error";
  if (!MISSING_YEARS.includes(missingYears as MissingYears)) {
    badCalendar(`missingYears must be one of ${MISSING_YEARS.join(", ")}.`, [
      ...path,
      "missingYears",
    ]);
  }
  return {
    weekend,
    holidays,
    workdays,
    years,
    missingYears: missingYears as MissingYears,
    provisional,
    precomputed: new Map(),
    dense: null,
  };
}

/**
 * Builds the day table of a checked calendar, once: over its years and precomputed years (from
 * the first to the last, at most 200 years), or, for a calendar without `years`, over the years
 * its listed days fall in. Outside the table a day is classified from the lists as usual.
 */
export function compileTable(table: CalendarTable): CalendarTable {
  const complete = [...table.precomputed].filter(([, year]) => year.complete).map(([y]) => y);
  const spanYears =
    table.years !== null
      ? [...table.years, ...complete]
      : [...table.holidays.keys(), ...table.workdays.keys()].map((date) =>
          Number(date.slice(0, 4)),
        );
  if (spanYears.length === 0) return { ...table, dense: null };
  const firstYear = Math.min(...spanYears);
  const lastYear = Math.max(...spanYears);
  if (lastYear - firstYear >= MAX_TABLE_YEARS) return { ...table, dense: null };
  const first = firstDayOfYear(firstYear);
  const length = firstDayOfYear(lastYear + 1) - first;
  const kinds = new Uint8Array(length);
  for (let index = 0; index < length; index++) {
    kinds[index] = table.weekend[weekdayOfDay(first + index)] ? WEEKEND : WORKDAY;
  }
  const mark = (dates: Iterable<IsoDate>, kind: number) => {
    for (const date of dates) {
      const index = dayNumber(date) - first;
      if (index >= 0 && index < length) kinds[index] = kind;
    }
  };
  // A make-up day wins over a holiday, as in `classify`; the check refuses both anyway.
  mark(table.holidays.keys(), HOLIDAY);
  mark(table.workdays.keys(), MAKE_UP);
  const working = new Int32Array(length + 1);
  for (let index = 0; index < length; index++) {
    const kind = kinds[index]!;
    working[index + 1] = working[index]! + (kind === WORKDAY || kind === MAKE_UP ? 1 : 0);
  }
  return { ...table, dense: { first, kinds, working } };
}

/**
 * Checks a caller's calendar (or reads a compiled one) and resolves it for the years
 * `firstYear`–`lastYear` (the years a range touches), adding provisional China years on request.
 *
 * @throws {TargetreeError} `UNKNOWN_OPTION` and `INVALID_ARGUMENT` for a malformed calendar,
 *   `INVALID_DATE` for a bad date in it, `CALENDAR_CONFLICT` for a day both off and a make-up
 *   working day, `CALENDAR_YEAR_MISSING` for a year without data.
 */
export function resolveCalendar(
  calendar: Calendar | undefined,
  firstYear: number,
  lastYear: number,
  path: ErrorPath = ["calendar"],
  range?: { readonly start: IsoDate; readonly end: IsoDate },
): ResolvedCalendar {
  const table = compiledTable(calendar) ?? checkCalendar(calendar, path);
  const { years, missingYears } = table;
  const provisionalYears = new Set<number>();
  const extra: number[] = [];
  for (let year = firstYear; year <= lastYear; year++) {
    if (table.provisional.has(year)) provisionalYears.add(year);
    if (years === null || years.has(year)) continue;
    if (missingYears === "weekends-only") continue;
    if (
      missingYears === "china-provisional" &&
      year >= PROVISIONAL_FIRST_YEAR &&
      year <= PROVISIONAL_LAST_YEAR
    ) {
      if (table.precomputed.get(year)?.complete !== true) extra.push(year);
      provisionalYears.add(year);
      continue;
    }
    throw missingYear(year, years, missingYears, path);
  }
  // A provisional next year can reach back into late December (元旦 on a Tuesday).
  const next = lastYear + 1;
  let spill = false;
  if (
    range !== undefined &&
    years !== null &&
    !years.has(next) &&
    missingYears === "china-provisional" &&
    next <= PROVISIONAL_LAST_YEAR &&
    next >= PROVISIONAL_FIRST_YEAR
  ) {
    const known = table.precomputed.get(next);
    if (known !== undefined) {
      if (known.reachBack.some((date) => date >= range.start && date <= range.end)) {
        provisionalYears.add(next);
      }
    } else {
      spill = true;
    }
  }
  const sortedYears = [...provisionalYears].sort((a, b) => a - b);
  if (extra.length === 0 && !spill) {
    return {
      weekend: table.weekend,
      holidays: table.holidays,
      workdays: table.workdays,
      provisionalYears: sortedYears,
      dense: table.dense,
    };
  }
  // Years computed for this call only: a copy of the lists with their days added.
  const holidays = new Map(table.holidays);
  const workdays = new Map(table.workdays);
  for (const year of extra) addProvisional(year, holidays, workdays, path);
  if (spill && range !== undefined) {
    const inRange = (date: IsoDate) =>
      date >= range.start && date <= range.end && date < `${next}-01-01`;
    if (addProvisional(next, holidays, workdays, path, { keep: inRange }).added) {
      provisionalYears.add(next);
    }
  }
  return {
    weekend: table.weekend,
    holidays,
    workdays,
    provisionalYears: [...provisionalYears].sort((a, b) => a - b),
    dense: null,
  };
}

/**
 * Adds the days of a provisional China year that `keep` accepts (default all). Returns whether
 * any day was added, and the year's days before its 1 January (how far it reaches back).
 */
export function addProvisional(
  year: number,
  holidays: Map<IsoDate, string>,
  workdays: Map<IsoDate, string>,
  path: ErrorPath,
  options: { readonly reader?: LunarReader; readonly keep?: (date: IsoDate) => boolean } = {},
): { readonly added: boolean; readonly reachBack: readonly IsoDate[] } {
  const checked = checkArrangement(buildProvisionalChina(year, ["year"], options.reader));
  const keep = options.keep ?? (() => true);
  const start = `${year}-01-01`;
  let added = false;
  for (const [date, name] of checked.daysOff) {
    if (!keep(date)) continue;
    if (workdays.has(date)) throw conflict(date, year, path);
    holidays.set(date, name);
    added = true;
  }
  for (const [date, name] of checked.makeUpDays) {
    if (!keep(date)) continue;
    if (holidays.has(date)) throw conflict(date, year, path);
    workdays.set(date, `${name}补班`);
    added = true;
  }
  const reachBack = [...checked.daysOff.keys(), ...checked.makeUpDays.keys()].filter(
    (date) => date < start,
  );
  return { added, reachBack };
}

function conflict(date: IsoDate, year: number, path: ErrorPath): TargetreeError {
  return new TargetreeError(
    "CALENDAR_CONFLICT",
    `${date}: the provisional ${year} arrangement and the calendar's own data disagree about this day.`,
    { path, details: { date, year } },
  );
}

function missingYear(
  year: number,
  years: ReadonlySet<number>,
  missingYears: MissingYears,
  path: ErrorPath,
): TargetreeError {
  const covered = describeYears([...years]);
  const provisionalHint =
    year >= PROVISIONAL_FIRST_YEAR && year <= PROVISIONAL_LAST_YEAR
      ? `(2) ask for a provisional calendar computed from the published holiday principles: chinaCalendar({ missingYears: "provisional" }); every result then says provisional: true.`
      : `(2) a provisional calendar is only available for ${PROVISIONAL_FIRST_YEAR}–${PROVISIONAL_LAST_YEAR}.`;
  const why =
    missingYears === "china-provisional"
      ? ` ${year} is outside the years a provisional calendar can be computed for.`
      : "";
  return new TargetreeError(
    "CALENDAR_YEAR_MISSING",
    `The calendar has no holiday data for ${year}; it covers ${covered}.${why} Two ways forward: (1) pass ${year}'s official arrangement as data, e.g. chinaCalendar({ arrangements: [{ year: ${year}, source: "…", holidays: [{ name: "元旦", days: ["${year}-01-01"] }, …], workdays: […] }] }) (for another calendar, add the year's days to holidays/workdays and the year to years); ${provisionalHint}`,
    { path, details: { year, coveredYears: [...years].sort((a, b) => a - b) } },
  );
}

/** True when the resolved calendar counts the day (a day number) as a working day. */
function isWorkingDay(calendar: ResolvedCalendar, day: number): boolean {
  const iso = isoOfDay(day);
  if (calendar.workdays.has(iso)) return true;
  if (calendar.holidays.has(iso)) return false;
  return !calendar.weekend[weekdayOfDay(day)];
}

/**
 * Working days from day `from` to day `to` (day numbers, both included; 0 when `to` is before
 * `from`): two reads of a compiled table, or a walk over the days otherwise.
 */
export function countWorkingDays(calendar: ResolvedCalendar, from: number, to: number): number {
  if (to < from) return 0;
  const dense = calendar.dense;
  if (dense !== null && from >= dense.first && to - dense.first < dense.kinds.length) {
    return dense.working[to - dense.first + 1]! - dense.working[from - dense.first]!;
  }
  let count = 0;
  for (let day = from; day <= to; day++) if (isWorkingDay(calendar, day)) count++;
  return count;
}

/** The working days from day `from` to day `to` (day numbers, both included), ascending. */
export function workingDates(
  calendar: ResolvedCalendar,
  from: number,
  to: number,
): { readonly date: IsoDate; readonly weekday: IsoWeekday }[] {
  const dates: { readonly date: IsoDate; readonly weekday: IsoWeekday }[] = [];
  for (let day = from; day <= to; day++) {
    if (isWorkingDay(calendar, day))
      dates.push({ date: isoOfDay(day), weekday: weekdayOfDay(day) });
  }
  return dates;
}

/** `[2020, 2021, 2022, 2024]` → `"2020–2022, 2024"`. */
export function describeYears(years: readonly number[]): string {
  const sorted = [...new Set(years)].sort((a, b) => a - b);
  if (sorted.length === 0) return "no years";
  const parts: string[] = [];
  let from = sorted[0]!;
  let to = from;
  for (const year of sorted.slice(1)) {
    if (year === to + 1) {
      to = year;
      continue;
    }
    parts.push(from === to ? `${from}` : `${from}–${to}`);
    from = to = year;
  }
  parts.push(from === to ? `${from}` : `${from}–${to}`);
  return parts.join(", ");
}
