import { checkArrangement, toPublicArrangement } from "./_lib/arrangement.js";
import type { HolidayArrangement } from "./types.js";

/**
 * Validates a holiday arrangement typed in from a notice (or read from JSON) and
 * returns a clean copy with every `"start/end"` run expanded into dates.
 *
 * The shape: `{ year, source?, published?, holidays: [{ name, days, workdays? }],
 * workdays? }`. `days` lists the days off as dates or inclusive runs
 * (`"2027-02-05/2027-02-13"`); `workdays` lists make-up working days (调休上班),
 * either per holiday or at the top level. Every date must be a real date in `year`
 * (a run may start in the last week of the year before, as 元旦 2023 did).
 *
 * @param input - The arrangement, e.g. parsed JSON.
 * @returns The checked arrangement.
 * @throws {TargetreeError} `INVALID_CALENDAR_DATA` with the path to the bad value and
 *   `details.reason`: `"shape"` (missing or unknown field, wrong type), `"year"`,
 *   `"bad-date"`, `"outside-year"`, `"duplicate"` or `"conflict"` (a day both off and
 *   a make-up working day).
 *
 * @example
 * parseHolidayArrangement({ year: 2027, holidays: [{ name: "元旦", days: ["2027-01-01/2027-01-03"] }] }).holidays[0].days //=> ["2027-01-01", "2027-01-02", "2027-01-03"]
 */
export function parseHolidayArrangement(input: unknown): HolidayArrangement {
  return toPublicArrangement(checkArrangement(input));
}
