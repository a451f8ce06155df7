// Days as whole numbers (days since 1970-01-01): the compiled day tables index by them, and
// counting a range is a subtraction. Pure integer arithmetic, no time zone anywhere.
import type { IsoDate, IsoWeekday } from "../types.js";

export const MS_PER_DAY = 86_400_000;

/** The day number of an ISO date already checked (`"2026-01-01"` → 20454). */
export function dayNumber(iso: IsoDate): number {
  const year = Number(iso.slice(0, 4));
  const month = Number(iso.slice(5, 7));
  const day = Number(iso.slice(8, 10));
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

/** The ISO date of a day number. */
export function isoOfDay(day: number): IsoDate {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** ISO weekday (1 = Monday … 7 = Sunday) of a day number; day 0, 1970-01-01, was a Thursday. */
export function weekdayOfDay(day: number): IsoWeekday {
  return (((((day + 3) % 7) + 7) % 7) + 1) as IsoWeekday;
}

/** Day number of 1 January of `year`. */
export function firstDayOfYear(year: number): number {
  return Date.UTC(year, 0, 1) / MS_PER_DAY;
}
