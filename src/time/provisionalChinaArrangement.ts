import { checkYear } from "./_lib/isoDate.js";
import { buildProvisionalChina } from "./_lib/provisionalChina.js";
import type { HolidayArrangement } from "./types.js";

/**
 * Computes a **provisional** China holiday arrangement for a year (2025–2099), for
 * planning before the State Council publishes the year's notice. The result says
 * `provisional: true`; replace it with the official notice when it comes out.
 *
 * Rules (the principles published with the 2025 notice, after the 2024 revision of
 * 《全国年节及纪念日放假办法》), with lunar dates from `Intl.DateTimeFormat`'s
 * Chinese calendar (corrected for 春节 2027 and 2030, where ICU is a day off):
 * - 春节: 8 days from 除夕; 除夕 and 初一–初三 are statutory. Like every break, it also takes the
 *   weekend days its make-up days leave between (below), as the 2026 notice does: 除夕 is Monday
 *   02-16 and the break runs 02-15 to 02-23, 9 days. So 2027 runs from 除夕 (Friday 02-05) to
 *   Saturday 02-13, with make-up days on Sundays 01-31 and 02-14.
 * - 劳动节: 5 days from 5月1日 (from the Saturday before when 5月1日 is a Sunday or
 *   Monday); 5月1日 and 5月2日 are statutory.
 * - 国庆节: 10-01 to 10-07 (3 statutory days); when 中秋 falls on 09-28 … 10-08 the two
 *   merge into 8 days (4 statutory days).
 * - 元旦, 清明节 (solar term, 04-04 or 04-05 by formula), 端午节 (lunar 5/5), 中秋节
 *   (lunar 8/15): 3 days by joining the weekend — Mon: Sat–Mon; Tue: Sun–Tue;
 *   Wed: that day only; Thu: Thu–Sat; Fri: Fri–Sun; Sat or Sun: Sat–Mon.
 * - Make-up working days (modelled on the 2025 and 2026 notices): one for every
 *   weekday off beyond the statutory days (a statutory day on a weekend is made
 *   good by a weekday off). With two, one goes on the nearest free weekend day
 *   before the break and one on the nearest after; with one, on the nearer of the
 *   two (the earlier on a tie). A make-up day is never left as a lone working day
 *   between days off, and weekend days between it and the break join the break.
 *
 * Against the official notices, the rules reproduce 2025 and 2026 exactly (every
 * day off and every make-up day; the tests check it). Older notices sometimes put
 * both make-up days on one weekend, so a future notice may place them differently.
 *
 * @param year - A year from 2025 to 2099.
 * @returns The arrangement, `provisional: true`, runs expanded into dates.
 * @throws {TargetreeError} `CALENDAR_YEAR_MISSING` (path `year`) for a year outside
 *   2025–2099, or for a runtime without the Chinese calendar in `Intl`; `INVALID_ARGUMENT`
 *   for a year that is not a whole number from 1000 to 9999.
 *
 * @example
 * provisionalChinaArrangement(2026).holidays[1] //=> { name: "春节", days: ["2026-02-15", "2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19", "2026-02-20", "2026-02-21", "2026-02-22", "2026-02-23"], workdays: ["2026-02-14", "2026-02-28"] }
 * provisionalChinaArrangement(2027).holidays[0].days //=> ["2027-01-01", "2027-01-02", "2027-01-03"]
 */
export function provisionalChinaArrangement(year: number): HolidayArrangement {
  return buildProvisionalChina(checkYear(year, ["year"]), ["year"]);
}
