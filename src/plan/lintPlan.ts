import { lintDocument } from "./_lib/lintDocument.js";
import { planError, readDocument } from "./_lib/readDocument.js";
import type { Finding } from "./types.js";

/**
 * Every contradiction and risk in a plan document (PLAN.md), as plain data: each finding is
 * `{ code, severity, path, message, figures, fix }`, with decimals as exact strings so
 * `JSON.stringify` gives a readable document. `fix` lists the ways the library can resolve it
 * (any one does), each as edits a program applies to the document; it is empty when there is none.
 *
 * | code | severity | when |
 * |---|---|---|
 * | `UNKNOWN_FIELD` | error | a field version 1 does not define (fix: rename it to the closest known field) |
 * | `CALENDAR_YEAR_MISSING` | error | the period touches a year without calendar data, and provisional days were not asked for (or cannot be computed) |
 * | `PROVISIONAL_CALENDAR` | warning | the period touches a year whose working days are provisional |
 * | `NOT_A_MULTIPLE_OF_UNIT` | error | the target or a hold is not a whole multiple of the unit it is split in |
 * | `HOLDS_EXCEED` | error | held parts (and adjustments) exceed their parent, leaving a negative rest |
 * | `HOLDS_LEAVE_REST` | error | every child is held and the holds leave a rest no child takes |
 * | `BOUNDS_INFEASIBLE` | error | min/max cannot all hold (a min above its max, a hold outside its bounds, minimums above or maximums below the rest) |
 * | `EVEN_SPLIT_IGNORES_WEIGHTS` | warning | a node splits evenly although its children carry differing weights (分猪肉) |
 * | `SHARES_INCOMPLETE` | warning | shares below 100% and no `remainder` named (fix: the remainder part and its amount) |
 * | `SHARES_EXCEED` | error | shares above 100% (fix: read them as weights) |
 * | `DRIVERS_DISAGREE` | error | the driver tree's output, rounded to the unit, differs from the target (figures: implied, gap, gapRate; fix: each driver solved alone, one common multiplier over `drivers.vary`, or the target the drivers give) |
 * | `DRIVERS_INVALID` | error | the stated drivers cannot be evaluated (an input outside its bounds, a division by zero) |
 * | `AMOUNTS_MISMATCH` | error | a dimension's stated `amounts` do not sum to the target (fix: scale them, or add the rest as a part) |
 * | `DUPLICATE_PERIOD` | error | a period appears twice in `path` (fix: relabel it as the missing period between its neighbours, or remove it) |
 * | `MISSING_PERIOD` | warning | `path` skips a period |
 * | `PATH_MISMATCH` | error | the `path` entry for the plan's own period states another target |
 * | `GROWTH_REQUIRED` | info | the growth the target needs over the last actual in `path` (figures: rate, and perPeriod over several periods) |
 * | `STATED_RATE_MISMATCH` | warning | a metric's stated gap rate matches neither basis (or not its declared `basis`) |
 * | `MIXED_GAP_BASES` | warning | the metrics' stated gap rates use different bases (figures: the rate on each basis) |
 *
 * A stated gap rate matches a basis when it equals that basis's rate rounded to the stated rate's
 * decimals (`33%` matches 33.33%). Findings come in that order: unknown fields, calendar,
 * organisation, drivers, dimensions, path, metrics.
 *
 * @param doc - The plan document: parsed JSON, or its JSON text.
 * @returns The findings, possibly none.
 * @throws {TargetreeError} `INVALID_PLAN` when the document cannot be read at all (not JSON,
 *   wrong version, wrong types, missing fields), listing every problem in `details.problems`, as
 *   `readPlanDocument` does; unknown fields alone are findings, not a throw.
 *
 * @example
 * const findings = lintPlan({
 *   version: 1,
 *   target: "1.2亿",
 *   period: { start: "2024-01-01", end: "2024-12-31", grains: ["month"] },
 *   organization: { name: "日事清" },
 *   dimensions: { 产品线: { shares: { 粮油: "40%", 日化: "30%" } } },
 * });
 * findings.map((f) => [f.code, f.severity, f.path])
 * //=> [["SHARES_INCOMPLETE", "warning", ["dimensions", "产品线", "shares"]]]
 * findings[0].fix[0].figures //=> { part: "其他", share: "0.3", amount: "36000000" }
 */
export function lintPlan(doc: unknown): Finding[] {
  const read = readDocument(doc);
  if (read.problems.length > 0 || read.document === null) {
    throw planError(read.all.length > 0 ? read.all : read.problems);
  }
  return lintDocument(read, read.document);
}
