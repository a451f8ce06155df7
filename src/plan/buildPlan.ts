import { TargetreeError } from "../_lib/errors.js";
import { assemblePlan } from "./_lib/assemblePlan.js";
import { lintDocument } from "./_lib/lintDocument.js";
import { planError, readDocument } from "./_lib/readDocument.js";
import type { Finding, Plan } from "./types.js";

/**
 * Builds the whole decomposition of a plan document (PLAN.md) in one call: the driver audit,
 * each dimension's split, the organisation cascade, and the **org × time table**: every node ×
 * every period at every grain, with the activity each person needs per working day.
 *
 * - Exact both ways at every level: a node's periods of one grain sum to its target, and its
 *   children's values in a period sum to its value there.
 * - The top node's finest periods are a largest-remainder split of the target by the period
 *   basis (working days by default; calendar days; monthly seasonality), ties to the earlier
 *   period. Below it, each node's children × periods table is a controlled rounding: the exact
 *   cell is child's target × parent's period value ÷ parent's target, and every cell is its floor
 *   or its ceiling in the unit. Coarser grains are sums of finer ones.
 * - Periods are labelled as PLAN.md says: `all`, `2027`, `2027-Q1`, `2027-03`, `2027-W09`,
 *   `2027-03-上旬`, `2027-03-15`, and a week cut by a coarser period's edge `2027-03:2027-W09`.
 * - Nodes are addressed by `id`, else by path (names from the top node joined by `/`).
 * - A plan on a provisional calendar says `provisional: true` and names the years.
 *
 * The result is plain data, amounts as decimal strings in the plan's unit: `JSON.stringify`
 * gives a readable document, and `JSON.parse` of it is a Plan that `trackPlan` and `replan` read.
 *
 * @param doc - The plan document: parsed JSON, or its JSON text.
 * @returns The plan.
 * @throws {TargetreeError} `INVALID_PLAN` when the document cannot be read (every problem in
 *   `details.problems`); `PLAN_HAS_ERRORS` when `lintPlan` finds errors in it (the findings in
 *   `details.findings`, the first one's path as the error's); `CALENDAR_YEAR_MISSING`,
 *   `NO_WORKING_DAYS` and the split errors of the cascade when the document asks for what cannot
 *   be done.
 *
 * @example
 * const plan = buildPlan({
 *   version: 1,
 *   target: "1200万",
 *   unit: 1,
 *   period: { start: "2026-01-01", end: "2026-03-31", grains: ["month"] },
 *   organization: {
 *     name: "公司",
 *     children: [{ name: "华东", weight: 2, children: [{ name: "张伟" }, { name: "李娜" }] }, { name: "华南", weight: 1 }],
 *   },
 * });
 * plan.periods.map((period) => `${period.label} ${period.workingDays}`) //=> ["all 59", "2026-01 21", "2026-02 16", "2026-03 22"]
 * plan.nodes[0].targets //=> { all: "12000000", "2026-01": "4271187", "2026-02": "3254237", "2026-03": "4474576" }
 * plan.nodes.map((node) => `${node.node} ${node.target}`) //=> ["公司 12000000", "公司/华东 8000000", "公司/华东/张伟 4000000", "公司/华东/李娜 4000000", "公司/华南 4000000"]
 * plan.nodes[3].targets //=> { all: "4000000", "2026-01": "1423729", "2026-02": "1084745", "2026-03": "1491526" }
 */
export function buildPlan(doc: unknown): Plan {
  const read = readDocument(doc);
  if (read.problems.length > 0 || read.document === null) {
    throw planError(read.all.length > 0 ? read.all : read.problems);
  }
  const errors = lintDocument(read, read.document).filter((f) => f.severity === "error");
  if (errors.length > 0) throw lintErrors(errors);
  return assemblePlan(read.document, read.model);
}

function lintErrors(errors: readonly Finding[]): TargetreeError {
  const shown = errors.slice(0, 10).map((finding) => `${finding.code}: ${finding.message}`);
  const more = errors.length > shown.length ? ` (${errors.length - shown.length} more)` : "";
  return new TargetreeError(
    "PLAN_HAS_ERRORS",
    `The plan document has ${errors.length} error${errors.length === 1 ? "" : "s"}; run lintPlan for the fixes: ${shown.join(" | ")}${more}`,
    { path: errors[0]!.path, details: { findings: errors.map((finding) => ({ ...finding })) } },
  );
}
