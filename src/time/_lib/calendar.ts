import type { ErrorPath } from "../../_lib/errors.js";
import { describeValue, excerpt, TargetreeError } from "../../_lib/errors.js";
import type { Calendar, IsoDate, MissingYears } from "../types.js";
import { checkArrangement } from "./arrangement.js";
import { checkIsoDate } from "./isoDate.js";
import {
  buildProvisionalChina,
  PROVISIONAL_FIRST_YEAR,
  PROVISIONAL_LAST_YEAR,
} from "./provisionalChina.js";

const CALENDAR_KEYS = /* @__PURE__ */ new Set([
  "name",
  "weekend",
  "holidays",
  "workdays",
  "years",
  "missingYears",
  "provisionalYears",
  "sources",
]);
const MISSING_YEARS: readonly MissingYears[] = ["error", "weekends-only", "china-provisional"];

/** A calendar checked and resolved for the years a range touches. */
export interface ResolvedCalendar {
  /** `weekend[isoWeekday]` is true for a weekly rest day. */
  readonly weekend: readonly boolean[];
  readonly holidays: ReadonlyMap<IsoDate, string>;
  readonly workdays: ReadonlyMap<IsoDate, string>;
  /** Provisional years among those the range touches, ascending. */
  readonly provisionalYears: readonly number[];
}

function own(record: object, key: string): unknown {
  return Object.hasOwn(record, key) ? (record as Record<string, unknown>)[key] : undefined;
}

function badCalendar(message: string, path: ErrorPath): never {
  throw new TargetreeError("INVALID_ARGUMENT", message, { path });
}

function checkYears(value: unknown, path: ErrorPath): number[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) badCalendar("Expected an array of years.", path);
  return value.map((year, index) => {
    if (typeof year !== "number" || !Number.isInteger(year) || year < 1000 || year > 9999) {
      badCalendar(`Expected a year such as 2026, got ${describeValue(year)}.`, [...path, index]);
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
  value.forEach((entry: unknown, index) => {
    const at = [...path, index];
    let date: unknown = entry;
    let name = "";
    if (typeof entry === "object" && entry !== null && !Array.isArray(entry)) {
      date = own(entry, "date");
      const given = own(entry, "name");
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

/**
 * Checks a caller's calendar and resolves it for the years `firstYear`–`lastYear`
 * (the years a range touches), adding provisional China years on request.
 *
 * @throws {TargetreeError} `INVALID_ARGUMENT` for a malformed calendar,
 *   `INVALID_DATE` for a bad date in it, `CALENDAR_CONFLICT` for a day both off and
 *   a make-up working day, `CALENDAR_YEAR_MISSING` for a year without data.
 */
export function resolveCalendar(
  calendar: Calendar | undefined,
  firstYear: number,
  lastYear: number,
  path: ErrorPath = ["calendar"],
  range?: { readonly start: IsoDate; readonly end: IsoDate },
): ResolvedCalendar {
  const weekend = [false, false, false, false, false, false, true, true];
  const holidays = new Map<IsoDate, string>();
  const workdays = new Map<IsoDate, string>();
  if (calendar === undefined) return { weekend, holidays, workdays, provisionalYears: [] };
  if (typeof calendar !== "object" || calendar === null || Array.isArray(calendar)) {
    badCalendar(`Expected a calendar object, got ${describeValue(calendar)}.`, path);
  }
  for (const key of Object.keys(calendar)) {
    if (!CALENDAR_KEYS.has(key)) {
      badCalendar(
        `Unknown calendar field ${excerpt(key)}; the fields are ${[...CALENDAR_KEYS].join(", ")}.`,
        [...path, key],
      );
    }
  }
  const rawWeekend = own(calendar, "weekend");
  if (rawWeekend !== undefined) {
    if (!Array.isArray(rawWeekend)) {
      badCalendar("weekend must be an array of ISO weekdays (1 = Monday … 7 = Sunday).", [
        ...path,
        "weekend",
      ]);
    }
    weekend.fill(false);
    rawWeekend.forEach((day: unknown, index) => {
      if (typeof day !== "number" || !Number.isInteger(day) || day < 1 || day > 7 || weekend[day]) {
        badCalendar(
          `Expected distinct ISO weekdays 1 (Monday) … 7 (Sunday), got ${describeValue(day)}.`,
          [...path, "weekend", index],
        );
      }
      weekend[day] = true;
    });
  }
  const name = own(calendar, "name");
  if (name !== undefined && typeof name !== "string") {
    badCalendar("name must be a string.", [...path, "name"]);
  }
  const sources = own(calendar, "sources");
  if (
    sources !== undefined &&
    (!Array.isArray(sources) || !sources.every((s: unknown) => typeof s === "string"))
  ) {
    badCalendar("sources must be an array of strings.", [...path, "sources"]);
  }

  const holidayPaths = new Map<IsoDate, ErrorPath>();
  const workdayPaths = new Map<IsoDate, ErrorPath>();
  readDays(own(calendar, "holidays"), [...path, "holidays"], holidays, holidayPaths);
  readDays(own(calendar, "workdays"), [...path, "workdays"], workdays, workdayPaths);
  for (const [date, at] of workdayPaths) {
    if (holidays.has(date)) {
      throw new TargetreeError(
        "CALENDAR_CONFLICT",
        `${date} is listed both as a holiday and as a make-up working day; keep it in one list.`,
        { path: at, details: { date, holidayPath: holidayPaths.get(date) } },
      );
    }
  }

  const rawYears = own(calendar, "years");
  const years = rawYears === undefined ? null : new Set(checkYears(rawYears, [...path, "years"]));
  const provisional = new Set(
    checkYears(own(calendar, "provisionalYears"), [...path, "provisionalYears"]),
  );
  const missingYears = own(calendar, "missingYears") ?? "error";
  if (!MISSING_YEARS.includes(missingYears as MissingYears)) {
    badCalendar(`missingYears must be one of ${MISSING_YEARS.join(", ")}.`, [
      ...path,
      "missingYears",
    ]);
  }

  const touched: number[] = [];
  for (let year = firstYear; year <= lastYear; year++) touched.push(year);
  const provisionalYears = new Set<number>();
  for (const year of touched) {
    if (provisional.has(year)) provisionalYears.add(year);
    if (years === null || years.has(year)) continue;
    if (missingYears === "weekends-only") continue;
    if (
      missingYears === "china-provisional" &&
      year >= PROVISIONAL_FIRST_YEAR &&
      year <= PROVISIONAL_LAST_YEAR
    ) {
      addProvisional(year, holidays, workdays, path);
      provisionalYears.add(year);
      continue;
    }
    throw missingYear(year, years, missingYears as MissingYears, path);
  }
  // A provisional next year can reach back into late December (元旦 on a Tuesday).
  const next = lastYear + 1;
  if (
    range !== undefined &&
    years !== null &&
    !years.has(next) &&
    missingYears === "china-provisional" &&
    next <= PROVISIONAL_LAST_YEAR &&
    next >= PROVISIONAL_FIRST_YEAR
  ) {
    const spill = addProvisional(next, holidays, workdays, path, range);
    if (spill) provisionalYears.add(next);
  }
  return {
    weekend,
    holidays,
    workdays,
    provisionalYears: [...provisionalYears].sort((a, b) => a - b),
  };
}

/** Adds a provisional China year; with `range`, only its days inside the range. Returns whether any day was added. */
function addProvisional(
  year: number,
  holidays: Map<IsoDate, string>,
  workdays: Map<IsoDate, string>,
  path: ErrorPath,
  range?: { readonly start: IsoDate; readonly end: IsoDate },
): boolean {
  const checked = checkArrangement(buildProvisionalChina(year));
  const inRange = (date: IsoDate) =>
    range === undefined || (date >= range.start && date <= range.end && date < `${year}-01-01`);
  let added = false;
  for (const [date, name] of checked.daysOff) {
    if (!inRange(date)) continue;
    if (workdays.has(date)) throw conflict(date, year, path);
    holidays.set(date, name);
    added = true;
  }
  for (const [date, name] of checked.makeUpDays) {
    if (!inRange(date)) continue;
    if (holidays.has(date)) throw conflict(date, year, path);
    workdays.set(date, `${name}补班`);
    added = true;
  }
  return added;
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
