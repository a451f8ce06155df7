import { TargetreeError } from "../../_lib/errors.js";
import type { IsoDate } from "../types.js";
import { formatIsoDate, shiftDays, utcDay } from "./isoDate.js";
import type { UtcDate } from "./utcDate.js";

/** Reads Chinese lunar dates from the runtime's `Intl` (ICU), with no data of our own. */
export interface LunarReader {
  /**
   * The Gregorian date among the `span` days from `from` whose lunar date is `month`/`day` of
   * lunar year `year` (not a leap month); a lunar date occurs once, so there is at most one.
   */
  find(year: number, month: number, day: number, from: UtcDate, span: number): IsoDate;
}

/**
 * Builds a reader over `Intl.DateTimeFormat` with the Chinese calendar. Dates are
 * formatted at noon UTC in the UTC zone, so the machine's time zone never matters.
 *
 * @throws {TargetreeError} `CALENDAR_YEAR_MISSING` when the runtime has no Chinese calendar.
 */
export function lunarReader(): LunarReader {
  // Intl reads every option it knows through the prototype chain (calendar, numberingSystem,
  // era…): a null-prototype object keeps names planted on Object.prototype out.
  const options: Intl.DateTimeFormatOptions = Object.assign(Object.create(null), {
    timeZone: "UTC",
    year: "numeric",
    month: "numeric",
    day: "numeric",
  });
  const formatter = new Intl.DateTimeFormat("en-u-ca-chinese", options);
  if (formatter.resolvedOptions().calendar !== "chinese") {
    throw new TargetreeError(
      "CALENDAR_YEAR_MISSING",
      "This JavaScript runtime has no Chinese calendar in Intl (an ICU build without calendar data), so a provisional China calendar cannot be computed. Pass the year's arrangement as data instead.",
    );
  }
  const read = (date: UtcDate) => {
    let relatedYear = Number.NaN;
    let monthText = "";
    let dayText = "";
    const noon = new Date(date.getTime() + 12 * 3_600_000);
    for (const part of formatter.formatToParts(noon)) {
      if ((part.type as string) === "relatedYear") relatedYear = Number(part.value);
      else if (part.type === "month") monthText = part.value;
      else if (part.type === "day") dayText = part.value;
    }
    // A leap month prints with a suffix ("6bis"); only plain months match.
    return {
      year: relatedYear,
      month: /^\d+$/.test(monthText) ? Number(monthText) : -1,
      leapOf: Number.parseInt(monthText, 10),
      day: Number(dayText),
    };
  };
  return {
    find(year, month, day, from, span) {
      // Each read through Intl costs tens of microseconds: jump to where the date should be
      // (a lunar month is 29 or 30 days) and check, instead of reading every day of the window.
      // Only a date inside the window that reads exactly year/month/day is ever returned.
      let offset = 0;
      for (let attempt = 0; attempt < 6 && span > 0; attempt++) {
        const lunar = read(shiftDays(from, offset));
        if (lunar.year === year && lunar.month === month && lunar.day === day) {
          return formatIsoDate(shiftDays(from, offset));
        }
        const known = [lunar.year, lunar.leapOf, lunar.day].every(Number.isFinite);
        if (!known) break;
        const months = (year - lunar.year) * 12 + (month - lunar.leapOf);
        const next = offset + Math.round(months * 29.53) + (day - lunar.day);
        const clamped = Math.min(Math.max(next, 0), span - 1);
        if (clamped === offset) break;
        offset = clamped;
      }
      for (let offset = 0; offset < span; offset++) {
        const date = shiftDays(from, offset);
        const lunar = read(date);
        if (lunar.year === year && lunar.month === month && lunar.day === day) {
          return formatIsoDate(date);
        }
      }
      throw new TargetreeError(
        "CALENDAR_YEAR_MISSING",
        `The runtime's Chinese calendar gave no lunar ${month}/${day} for ${year}; pass the year's arrangement as data instead.`,
      );
    },
  };
}

/**
 * Years where ICU's Chinese calendar (and so `Intl`) disagrees with the official
 * calendar (GB/T 33661-2017, 《农历的编算和颁行》) on 春节, because the new moon
 * falls within minutes of Beijing midnight and ICU's approximate astronomy puts
 * it on the other side. The tests compare every year 2000–2099 with an
 * independent table (the `chinese-days` package) and find only these.
 */
const SPRING_FESTIVAL_CORRECTIONS: Readonly<Record<number, IsoDate>> = {
  2027: "2027-02-06",
  2030: "2030-02-03",
};

/** 春节 (lunar 1/1) of a Gregorian year: always between 21 January and 20 February. */
export function springFestival(reader: LunarReader, year: number): IsoDate {
  if (Object.hasOwn(SPRING_FESTIVAL_CORRECTIONS, year)) return SPRING_FESTIVAL_CORRECTIONS[year]!;
  return reader.find(year, 1, 1, utcDay(year, 1, 19), 36);
}

/** 端午 (lunar 5/5): between 28 May and 25 June. */
export function dragonBoatFestival(reader: LunarReader, year: number): IsoDate {
  return reader.find(year, 5, 5, utcDay(year, 5, 20), 42);
}

/** 中秋 (lunar 8/15): between 7 September and 8 October. */
export function midAutumnFestival(reader: LunarReader, year: number): IsoDate {
  return reader.find(year, 8, 15, utcDay(year, 9, 1), 45);
}

/**
 * 清明 (the Pure Brightness solar term) in April of a year from 2000 to 2099, by
 * the standard formula: day = ⌊Y × 0.2422 + 4.81⌋ − ⌊Y / 4⌋ with Y = year − 2000
 * (4.81 is the 21st-century constant). Integer arithmetic keeps it exact. The
 * tests check it against the `chinese-days` solar-term table for every year
 * 2000–2099 (that table has no 清明 correction in this century).
 */
export function qingming(year: number): IsoDate {
  const y = year - 2000;
  const day = Math.floor((y * 2422 + 48_100) / 10_000) - Math.floor(y / 4);
  return `${year}-04-${String(day).padStart(2, "0")}`;
}
