import type { ErrorPath } from "../../_lib/errors.js";
import { describeValue, excerpt, TargetreeError } from "../../_lib/errors.js";
import type { IsoDate } from "../types.js";
import { dayNumber, MS_PER_DAY } from "./dayNumber.js";
import { UtcDate } from "./utcDate.js";

/** Longest range a time function accepts: 100 years of days. */
export const MAX_RANGE_DAYS = 36_525;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Builds the date for a year, month (1–12) and day with no range checks. */
export function utcDay(year: number, month: number, day: number): UtcDate {
  return new UtcDate(Date.UTC(year, month - 1, day));
}

/** `UtcDate` → `"YYYY-MM-DD"`. */
export function formatIsoDate(date: Date): IsoDate {
  const month = String(date.getMonth() + 1).padStart(2, "0");
  const day = String(date.getDate()).padStart(2, "0");
  return `${date.getFullYear()}-${month}-${day}`;
}

/** Days in a month (1–12) of the (proleptic) Gregorian calendar. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** True when `text` is a real calendar date written `YYYY-MM-DD` with a year from 1000 to 9999. */
export function isIsoDate(text: unknown): text is IsoDate {
  if (typeof text !== "string") return false;
  const match = ISO_DATE.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1000 || month < 1 || month > 12 || day < 1) return false;
  return day <= 28 || day <= daysInMonth(year, month);
}

/**
 * Checks a caller's ISO date without building a date object.
 *
 * @throws {TargetreeError} `INVALID_DATE` for anything but a real `YYYY-MM-DD` date.
 */
export function checkIsoDate(value: unknown, path: ErrorPath): IsoDate {
  if (typeof value !== "string") {
    throw new TargetreeError(
      "INVALID_DATE",
      `Expected an ISO date "YYYY-MM-DD", got ${describeValue(value)}.`,
      { path },
    );
  }
  const match = ISO_DATE.exec(value);
  if (!match) {
    throw new TargetreeError(
      "INVALID_DATE",
      `Expected an ISO date "YYYY-MM-DD" (two-digit month and day, e.g. "2026-06-01"), got ${excerpt(value)}.`,
      { path },
    );
  }
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1000) {
    throw new TargetreeError("INVALID_DATE", `The year must be from 1000 to 9999, got ${year}.`, {
      path,
    });
  }
  if (month < 1 || month > 12) {
    throw new TargetreeError("INVALID_DATE", `${excerpt(value)} has no month ${month}.`, { path });
  }
  if (day < 1 || (day > 28 && day > daysInMonth(year, month))) {
    throw new TargetreeError(
      "INVALID_DATE",
      `${excerpt(value)} does not exist: ${year}-${match[2]} has ${daysInMonth(year, month)} days.`,
      { path },
    );
  }
  return value;
}

/**
 * Checks and converts a caller's ISO date.
 *
 * @throws {TargetreeError} `INVALID_DATE` for anything but a real `YYYY-MM-DD` date.
 */
export function parseIsoDate(value: unknown, path: ErrorPath): UtcDate {
  const iso = checkIsoDate(value, path);
  return utcDay(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10)));
}

/** Checks a calendar year given on its own: a whole number from 1000 to 9999, as in ISO dates. */
export function checkYear(value: unknown, path: ErrorPath): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < 1000 || value > 9999) {
    throw new TargetreeError(
      "INVALID_ARGUMENT",
      `Expected a year from 1000 to 9999 such as 2026, got ${describeValue(value)}.`,
      { path },
    );
  }
  return value;
}

/** A checked, inclusive range of days, as ISO text and day numbers (no date objects). */
export interface DayRange {
  readonly startIso: IsoDate;
  readonly endIso: IsoDate;
  /** Day numbers (days since 1970-01-01) of the first and last day. */
  readonly first: number;
  readonly last: number;
  /** The years of the first and last day. */
  readonly firstYear: number;
  readonly lastYear: number;
  /** Calendar days in the range, both ends included. */
  readonly days: number;
}

/** A checked, inclusive date range. */
export interface DateRange {
  readonly start: UtcDate;
  readonly end: UtcDate;
  readonly startIso: IsoDate;
  readonly endIso: IsoDate;
  /** Calendar days in the range, both ends included. */
  readonly days: number;
}

/**
 * Checks an inclusive range `start`–`end` without building date objects: what a count needs.
 *
 * @throws {TargetreeError} `INVALID_DATE` for a bad date; `INVALID_RANGE` when
 *   `end` is before `start` or the range is longer than {@link MAX_RANGE_DAYS}.
 */
export function checkDayRange(
  start: unknown,
  end: unknown,
  startPath: ErrorPath = ["start"],
  endPath: ErrorPath = ["end"],
): DayRange {
  const startIso = checkIsoDate(start, startPath);
  const endIso = checkIsoDate(end, endPath);
  const first = dayNumber(startIso);
  const last = dayNumber(endIso);
  const days = last - first + 1;
  if (days < 1) {
    throw new TargetreeError(
      "INVALID_RANGE",
      `The range ends on ${endIso}, before it starts on ${startIso}. Both ends are inclusive: a one-day range has start = end.`,
      { path: endPath, details: { start, end } },
    );
  }
  if (days > MAX_RANGE_DAYS) {
    throw new TargetreeError(
      "INVALID_RANGE",
      `The range has ${days} days; the limit is ${MAX_RANGE_DAYS} (100 years).`,
      { path: endPath, details: { start, end, days } },
    );
  }
  const firstYear = Number(startIso.slice(0, 4));
  const lastYear = Number(endIso.slice(0, 4));
  return { startIso, endIso, first, last, firstYear, lastYear, days };
}

/**
 * Checks an inclusive range `start`–`end`, with its first and last day as dates.
 *
 * @throws {TargetreeError} `INVALID_DATE` for a bad date; `INVALID_RANGE` when
 *   `end` is before `start` or the range is longer than {@link MAX_RANGE_DAYS}.
 */
export function parseRange(
  start: unknown,
  end: unknown,
  startPath: ErrorPath = ["start"],
  endPath: ErrorPath = ["end"],
): DateRange {
  const range = checkDayRange(start, end, startPath, endPath);
  return {
    start: parseIsoDate(range.startIso, startPath),
    end: parseIsoDate(range.endIso, endPath),
    startIso: range.startIso,
    endIso: range.endIso,
    days: range.days,
  };
}

/** The date `amount` days after (or before) `date`. */
export function shiftDays(date: UtcDate, amount: number): UtcDate {
  // Dates here are midnight UTC, so a day is always 86,400,000 ms.
  return new UtcDate(date.getTime() + amount * MS_PER_DAY);
}
