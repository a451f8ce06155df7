import { planError, readDocument } from "./_lib/readDocument.js";
import type { PlanDocument } from "./types.js";

/**
 * Reads a plan document (version 1 of PLAN.md) and returns it typed, or throws one error that
 * lists every problem at once: wrong types, missing fields, bad amounts and dates, unknown fields
 * (each with the closest known name: `"weigth"` → did you mean `"weight"`), repeated names or
 * ids, a model whose formulas do not parse, drivers that name no input, rules that do not parse.
 * Every amount accepts every `Numeric` form (`"1.2亿"`, `"40%"`, `"8,000"`).
 *
 * The document is checked, not judged: contradictions between its figures (drivers that miss the
 * target, shares under 100%, a path that repeats a year) are findings of `lintPlan`.
 *
 * The document keeps PLAN.md's words, the format's contract, where the library's functions use
 * others: the period's weighting is `basis` (`"working-days"`, `"calendar-days"` or
 * `"seasonality"`; `spreadBy` in `splitByPeriod`), and a metric's measured value is `current`
 * (`actual` in `gap`), so a metric's stated gap rate has `basis: "target" | "current"`. The
 * library's word in the document is reported with the document's.
 *
 * @param doc - The document: parsed JSON, or its JSON text.
 * @returns A fresh copy of the document, with the type {@link PlanDocument} (amounts as given).
 * @throws {TargetreeError} `INVALID_PLAN`, with `details.problems`: every problem as
 *   `{ path, code, message }` (`code` as the function taking that value would throw it:
 *   `INVALID_NUMBER`, `INVALID_DATE`, `UNKNOWN_FIELD`, `DUPLICATE_KEY`, `FORMULA_SYNTAX`…). The
 *   error's `path` is the first problem's.
 *
 * @example
 * const doc = {
 *   version: 1,
 *   target: "1.2亿",
 *   period: { start: "2024-01-01", end: "2024-12-31", grains: ["quarter", "month"] },
 *   organization: { name: "日事清", children: [{ name: "华东", weight: 3 }, { name: "华南", weight: 2 }] },
 * };
 * readPlanDocument(doc).organization.children.length //=> 2
 * const error = (() => { try { readPlanDocument({ ...doc, target: "1.2e", period: { ...doc.period, spreadBy: "working-days" } }) } catch (e) { return e } })();
 * error.code //=> "INVALID_PLAN"
 * error.details.problems.map((problem) => [problem.path, problem.code])
 * //=> [[["target"], "INVALID_NUMBER"], [["period", "spreadBy"], "UNKNOWN_FIELD"]]
 */
export function readPlanDocument(doc: unknown): PlanDocument {
  const result = readDocument(doc);
  if (result.all.length > 0) throw planError(result.all);
  return result.document!;
}
