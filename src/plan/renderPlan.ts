import { TargetreeError } from "../_lib/errors.js";
import { readChoice, readOptions } from "../_lib/options.js";
import { toPlain } from "../_lib/plain.js";
import { own } from "../_lib/records.js";
import { planCsv, trackingCsv } from "./_lib/renderCsv.js";
import { readRenderable } from "./_lib/renderInput.js";
import { planMarkdown, trackingMarkdown } from "./_lib/renderMarkdown.js";
import type { Plan, PlanGrain, Tracking } from "./types.js";

/** An output format of {@link renderPlan}. */
export type RenderFormat = "md" | "csv" | "json";

/** Options of {@link renderPlan}; an unknown key is `UNKNOWN_OPTION`. */
export interface RenderPlanOptions {
  /**
   * `"md"` (default): the tables a manager reads, amounts in 万 with the unit in the header,
   * percentages with one decimal. `"csv"`: one row per node × period (a plan) or per node (a
   * tracking), amounts as plain decimals with the unit's decimals, ratios as decimal fractions
   * (`0.4762`), alerts joined by `;`. `"json"`: the value itself, decimals as strings.
   */
  readonly format?: RenderFormat;
  /**
   * One of the plan's grains. A plan's CSV then has the whole period and that grain only (instead
   * of every grain), its Markdown that grain's table; a tracking gets a row (CSV) or a table (md)
   * per node × period of that grain besides the whole period. JSON is always the whole value.
   */
  readonly grain?: PlanGrain;
}

const FORMATS: readonly RenderFormat[] = ["md", "csv", "json"];

/**
 * Renders a built plan (`buildPlan`, `replan(…).plan`) or a tracking (`trackPlan`) as text: the
 * Markdown a manager reads, CSV for a spreadsheet, or JSON. Pure: the same value gives the same
 * text, and nothing is read or written.
 *
 * CSV columns, PLAN.md's first: a plan has
 * `node,name,level,period,start,end,working_days,target,grain,level_name,path,parent`, one row per
 * node × period (`all` and every grain, in the plan's order); a tracking has
 * `node,name,target,target_to_date,actual,achievement,time_progress,gap,projection,required_per_working_day,status,alerts`,
 * then `period,level,path,gap_rate,working_days,working_days_elapsed,working_days_remaining,misses_in_a_row,in_danger`
 * and the actuals' extra columns summed to date, one row per node (and per node × period with
 * `grain`). Amounts have the unit's decimals (`12000000.00` for 0.01, `12000000` for 100; an
 * actual finer than the unit keeps its digits), ratios four decimals, `null` an empty field.
 * Fields holding a comma, a quote or a line break are quoted.
 *
 * @param planOrTracking - A Plan or a Tracking, or its JSON parsed back.
 * @param options - `format` (`"md"` default, `"csv"`, `"json"`) and `grain`.
 * @returns The text, ending with a line break.
 * @throws {TargetreeError} `UNKNOWN_OPTION` for an unknown option; `INVALID_ARGUMENT` for a bad
 *   `format`, a `grain` the plan does not have, or a value that is not a Plan or a Tracking (path
 *   `["planOrTracking", …]` to the field); `INVALID_NUMBER` for an amount that is not a number.
 *
 * @example
 * const plan = buildPlan({
 *   version: 1,
 *   target: "1200万",
 *   unit: "1万",
 *   period: { start: "2024-01-01", end: "2024-12-31", grains: ["quarter"] },
 *   organization: { name: "公司", children: [{ name: "华东", weight: 2 }, { name: "华南", weight: 1 }] },
 * });
 * renderPlan(plan, { format: "csv" }).split("\n").slice(0, 3)
 * //=> ["node,name,level,period,start,end,working_days,target,grain,level_name,path,parent", "公司,公司,0,all,2024-01-01,2024-12-31,251,12000000,all,,公司,", "公司,公司,0,2024-Q1,2024-01-01,2024-03-31,61,2920000,quarter,,公司,"]
 * renderPlan(plan).split("\n").slice(8, 11)
 * //=> ["| 公司 |  | 100.0% | 1,200.00 | 292.00 | 296.00 | 316.00 | 296.00 |", "| · 华东 |  | 66.7% | 800.00 | 195.00 | 197.00 | 211.00 | 197.00 |", "| · 华南 |  | 33.3% | 400.00 | 97.00 | 99.00 | 105.00 | 99.00 |"]
 */
export function renderPlan(planOrTracking: Plan | Tracking, options?: RenderPlanOptions): string {
  const settings = readOptions(options, ["format", "grain"]);
  const format = readChoice(settings, "format", FORMATS, "md", ["options"]);
  const input = readRenderable(planOrTracking);
  const value = input.kind === "plan" ? input.plan : input.tracking;
  const grain = own(settings, "grain");
  if (grain !== undefined && !(value.grains as readonly unknown[]).includes(grain)) {
    throw new TargetreeError(
      "INVALID_ARGUMENT",
      `grain must be one of the plan's grains (${value.grains.map((g) => JSON.stringify(g)).join(", ")}), got ${JSON.stringify(grain)}.`,
      { path: ["options", "grain"] },
    );
  }
  const chosen = grain as string | undefined;
  switch (format) {
    case "json":
      return `${JSON.stringify(toPlain(value), null, 2)}\n`;
    case "csv":
      return input.kind === "plan"
        ? planCsv(input.plan, chosen)
        : trackingCsv(input.tracking, chosen);
    case "md":
      return input.kind === "plan"
        ? planMarkdown(input.plan, chosen)
        : trackingMarkdown(input.tracking, chosen);
  }
}
