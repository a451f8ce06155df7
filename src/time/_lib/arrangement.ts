import { snapshotArray } from "../../_lib/arrays.js";
import { didYouMean } from "../../_lib/closest.js";
import type { ErrorPath } from "../../_lib/errors.js";
import { describeValue, excerpt, TargetreeError } from "../../_lib/errors.js";
import { isRecord, own } from "../../_lib/records.js";
import type { ArrangementHoliday, HolidayArrangement, IsoDate } from "../types.js";
import { dayNumber, isoOfDay } from "./dayNumber.js";
import { isIsoDate } from "./isoDate.js";

/** Most holidays in one arrangement, and most day entries in one holiday. */
const MAX_HOLIDAYS = 40;
const MAX_ENTRIES = 60;
/** Longest run one `"start/end"` entry may span. */
const MAX_RUN_DAYS = 31;

const TOP_KEYS: readonly string[] = [
  "year",
  "source",
  "published",
  "provisional",
  "holidays",
  "workdays",
];
const HOLIDAY_KEYS: readonly string[] = ["name", "days", "workdays"];

/** Why an arrangement was refused, in `error.details.reason`. */
export type ArrangementProblem =
  | "shape"
  | "year"
  | "bad-date"
  | "outside-year"
  | "duplicate"
  | "conflict";

function fail(
  reason: ArrangementProblem,
  message: string,
  path: ErrorPath,
  details: Record<string, unknown> = {},
): never {
  throw new TargetreeError("INVALID_CALENDAR_DATA", message, {
    path,
    details: { reason, ...details },
  });
}

function checkKeys(record: object, allowed: readonly string[], path: ErrorPath): void {
  for (const key of Object.keys(record)) {
    if (!allowed.includes(key)) {
      fail(
        "shape",
        `Unknown field ${excerpt(key)}.${didYouMean(key, allowed)} The fields are ${allowed.join(", ")}.`,
        [...path, key],
        { key, known: [...allowed] },
      );
    }
  }
}

function checkList(value: unknown, path: ErrorPath, what: string): readonly unknown[] {
  if (!Array.isArray(value)) {
    fail("shape", `Expected ${what} as an array, got ${describeValue(value)}.`, path);
  }
  const entries = snapshotArray(value as readonly unknown[], MAX_ENTRIES);
  if (entries === null) {
    fail("shape", `At most ${MAX_ENTRIES} entries are allowed here, got ${value.length}.`, path);
  }
  return entries;
}

/** A checked arrangement with every run expanded into single dates. */
export interface CheckedArrangement {
  readonly year: number;
  readonly source: string | undefined;
  readonly published: IsoDate | undefined;
  readonly provisional: boolean;
  readonly holidays: readonly {
    readonly name: string;
    readonly days: readonly IsoDate[];
    readonly workdays: readonly IsoDate[];
  }[];
  /** Every day off → holiday name. */
  readonly daysOff: ReadonlyMap<IsoDate, string>;
  /** Every make-up working day → the holiday it belongs to (or "" for the top-level list). */
  readonly makeUpDays: ReadonlyMap<IsoDate, string>;
}

/** First and last date an arrangement for `year` may list: from 25 December of the year before. */
function window(year: number): { readonly first: IsoDate; readonly last: IsoDate } {
  return { first: `${year - 1}-12-25`, last: `${year}-12-31` };
}

function checkDate(value: unknown, year: number, path: ErrorPath): IsoDate {
  if (!isIsoDate(value)) {
    fail(
      "bad-date",
      `Expected a real date "YYYY-MM-DD", got ${describeValue(value)}.`,
      path,
      typeof value === "string" ? { value } : {},
    );
  }
  const { first, last } = window(year);
  // ISO dates of four-digit years compare correctly as text.
  if (value < first || value > last) {
    fail(
      "outside-year",
      `${value} is outside ${year}: an arrangement lists days of its own year (a run may start from ${first}).`,
      path,
      { value, year },
    );
  }
  return value;
}

/** Expands `"2026-02-15"` or `"2026-02-15/2026-02-23"` into dates. */
function expandEntry(value: unknown, year: number, path: ErrorPath): IsoDate[] {
  if (typeof value === "string" && value.includes("/")) {
    const parts = value.split("/");
    if (parts.length !== 2) {
      fail("bad-date", `Expected "start/end", got ${excerpt(value)}.`, path, { value });
    }
    const from = checkDate(parts[0], year, path);
    const to = checkDate(parts[1], year, path);
    const first = dayNumber(from);
    const span = dayNumber(to) - first + 1;
    if (span < 1 || span > MAX_RUN_DAYS) {
      fail(
        "bad-date",
        `The run ${excerpt(value)} must end on or after its start and span at most ${MAX_RUN_DAYS} days.`,
        path,
        { value },
      );
    }
    return Array.from({ length: span }, (_, offset) => isoOfDay(first + offset));
  }
  return [checkDate(value, year, path)];
}

/**
 * The years an arrangement may be for: dates are four-digit years (1000–9999), and a run of days
 * may start in the year before the arrangement's.
 */
export const ARRANGEMENT_FIRST_YEAR = 1001;
export const ARRANGEMENT_LAST_YEAR = 9999;

/** The message for an arrangement year outside the accepted range, naming that range. */
export function yearMessage(year: unknown): string {
  return `Expected year as a whole number from ${ARRANGEMENT_FIRST_YEAR} to ${ARRANGEMENT_LAST_YEAR} (such as 2027), got ${describeValue(year)}.`;
}

/**
 * Validates a user-supplied holiday arrangement (the documented JSON shape) and
 * expands its runs.
 *
 * @throws {TargetreeError} `INVALID_CALENDAR_DATA` with the path to the bad value
 *   and `details.reason`: `"shape"`, `"year"`, `"bad-date"`, `"outside-year"`,
 *   `"duplicate"` or `"conflict"`.
 */
export function checkArrangement(input: unknown, path: ErrorPath = []): CheckedArrangement {
  if (!isRecord(input)) {
    fail("shape", `Expected an arrangement object, got ${describeValue(input)}.`, path);
  }
  checkKeys(input, TOP_KEYS, path);
  const year = own(input, "year");
  if (
    typeof year !== "number" ||
    !Number.isInteger(year) ||
    year < ARRANGEMENT_FIRST_YEAR ||
    year > ARRANGEMENT_LAST_YEAR
  ) {
    fail("year", yearMessage(year), [...path, "year"]);
  }
  const source = own(input, "source");
  if (source !== undefined && (typeof source !== "string" || source.length > 500)) {
    fail("shape", "source must be a string of at most 500 characters.", [...path, "source"]);
  }
  const published = own(input, "published");
  if (published !== undefined && !isIsoDate(published)) {
    fail("bad-date", `published must be a date "YYYY-MM-DD", got ${describeValue(published)}.`, [
      ...path,
      "published",
    ]);
  }
  const provisional = own(input, "provisional");
  if (provisional !== undefined && typeof provisional !== "boolean") {
    fail("shape", "provisional must be true or false.", [...path, "provisional"]);
  }

  const daysOff = new Map<IsoDate, string>();
  const dayPaths = new Map<IsoDate, ErrorPath>();
  const makeUpDays = new Map<IsoDate, string>();
  const makeUpPaths = new Map<IsoDate, ErrorPath>();
  const holidaysPath = [...path, "holidays"];
  const rawHolidays = checkList(own(input, "holidays"), holidaysPath, "holidays");
  if (rawHolidays.length > MAX_HOLIDAYS) {
    fail("shape", `At most ${MAX_HOLIDAYS} holidays are allowed.`, holidaysPath);
  }

  const addMakeUp = (value: unknown, name: string, at: ErrorPath): IsoDate => {
    const date = checkDate(value, year, at);
    const earlier = makeUpPaths.get(date);
    if (earlier)
      fail("duplicate", `${date} is listed twice as a make-up working day.`, at, { date });
    makeUpDays.set(date, name);
    makeUpPaths.set(date, at);
    return date;
  };

  const holidays = rawHolidays.map((raw, index) => {
    const at = [...holidaysPath, index];
    if (!isRecord(raw)) fail("shape", `Expected { name, days }, got ${describeValue(raw)}.`, at);
    checkKeys(raw, HOLIDAY_KEYS, at);
    const name = own(raw, "name");
    if (typeof name !== "string" || name.trim() === "" || name.length > 60) {
      fail("shape", "name must be a non-empty string of at most 60 characters.", [...at, "name"]);
    }
    const entries = checkList(own(raw, "days"), [...at, "days"], "days");
    if (entries.length === 0) fail("shape", "A holiday needs at least one day.", [...at, "days"]);
    const days: IsoDate[] = [];
    entries.forEach((entry, entryIndex) => {
      const entryPath = [...at, "days", entryIndex];
      for (const date of expandEntry(entry, year, entryPath)) {
        if (dayPaths.has(date)) {
          fail("duplicate", `${date} is listed twice as a day off.`, entryPath, { date });
        }
        daysOff.set(date, name);
        dayPaths.set(date, entryPath);
        days.push(date);
      }
    });
    const rawWorkdays = own(raw, "workdays");
    const workdays =
      rawWorkdays === undefined
        ? []
        : checkList(rawWorkdays, [...at, "workdays"], "workdays").map((value, i) =>
            addMakeUp(value, name, [...at, "workdays", i]),
          );
    return { name, days, workdays };
  });

  const topWorkdays = own(input, "workdays");
  if (topWorkdays !== undefined) {
    checkList(topWorkdays, [...path, "workdays"], "workdays").forEach((value, i) => {
      addMakeUp(value, "", [...path, "workdays", i]);
    });
  }

  for (const [date, at] of makeUpPaths) {
    if (daysOff.has(date)) {
      fail(
        "conflict",
        `${date} is listed both as a day off (${daysOff.get(date)}) and as a make-up working day.`,
        at,
        { date, dayOffPath: dayPaths.get(date) },
      );
    }
  }

  return {
    year,
    source,
    published,
    provisional: provisional ?? false,
    holidays,
    daysOff,
    makeUpDays,
  };
}

/** A fresh copy of a checked arrangement in the public shape, runs expanded to single dates. */
export function toPublicArrangement(checked: CheckedArrangement): HolidayArrangement {
  const holidays: ArrangementHoliday[] = checked.holidays.map((holiday) =>
    holiday.workdays.length > 0
      ? { name: holiday.name, days: [...holiday.days], workdays: [...holiday.workdays] }
      : { name: holiday.name, days: [...holiday.days] },
  );
  const loose = [...checked.makeUpDays].filter(([, name]) => name === "").map(([date]) => date);
  return {
    year: checked.year,
    ...(checked.source === undefined ? {} : { source: checked.source }),
    ...(checked.published === undefined ? {} : { published: checked.published }),
    ...(checked.provisional ? { provisional: true } : {}),
    holidays,
    ...(loose.length > 0 ? { workdays: loose } : {}),
  };
}
