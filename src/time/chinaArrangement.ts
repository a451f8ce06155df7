import { TargetreeError } from "../_lib/errors.js";
import { readChoice, readOptions } from "../_lib/options.js";
import { checkArrangement, toPublicArrangement } from "./_lib/arrangement.js";
import { describeYears } from "./_lib/calendar.js";
import { checkYear } from "./_lib/isoDate.js";
import { buildProvisionalChina } from "./_lib/provisionalChina.js";
import { CHINA_HOLIDAY_DATA } from "./data/china-holidays.js";
import type { HolidayArrangement } from "./types.js";

/** Options of {@link chinaArrangement}. */
export interface ChinaArrangementOptions {
  /** A year the library has no notice for: `"error"` (default) or `"provisional"`. */
  readonly missingYears?: "error" | "provisional";
}

/**
 * The official China holiday arrangement of one year (2004–2026), as shipped in
 * `src/time/data/china-holidays.ts`: the days off and the make-up working days,
 * every run expanded into single dates. A fresh copy each call.
 *
 * @param year - The year, e.g. 2026.
 * @param options - `missingYears: "provisional"` returns the provisional arrangement
 *   (see {@link provisionalChinaArrangement}) for a year without a notice.
 * @returns The arrangement.
 * @throws {TargetreeError} `CALENDAR_YEAR_MISSING` for a year without data (the
 *   message names the covered years and the ways forward); `UNKNOWN_OPTION` for a misspelt
 *   option; `INVALID_ARGUMENT` for
 *   a year that is not a whole number from 1000 to 9999, options that are not an object
 *   (`null` included) or an unknown `missingYears`.
 *
 * @example
 * chinaArrangement(2026).holidays[0] //=> { name: "元旦", days: ["2026-01-01", "2026-01-02", "2026-01-03"], workdays: ["2026-01-04"] }
 * chinaArrangement(2027, { missingYears: "provisional" }).provisional //=> true
 */
export function chinaArrangement(
  year: number,
  options?: ChinaArrangementOptions,
): HolidayArrangement {
  checkYear(year, ["year"]);
  const settings = readOptions(options, ["missingYears"]);
  const missingYears = readChoice(settings, "missingYears", ["error", "provisional"], "error", [
    "options",
  ]);
  const official = CHINA_HOLIDAY_DATA.find((arrangement) => arrangement.year === year);
  if (official) return toPublicArrangement(checkArrangement(official));
  if (missingYears === "provisional") return buildProvisionalChina(year);
  const covered = describeYears(CHINA_HOLIDAY_DATA.map((arrangement) => arrangement.year));
  throw new TargetreeError(
    "CALENDAR_YEAR_MISSING",
    `No official China holiday arrangement for ${year} is shipped; the data covers ${covered}. Two ways forward: (1) fill in ${year}'s notice as data and pass it to chinaCalendar({ arrangements: [...] }); (2) ask for a provisional arrangement: chinaArrangement(${year}, { missingYears: "provisional" }) or chinaCalendar({ missingYears: "provisional" }).`,
    { path: ["year"], details: { year, coveredYears: CHINA_HOLIDAY_DATA.map((a) => a.year) } },
  );
}
