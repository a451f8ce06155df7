import * as z from "zod/mini";
import type { AlertRule } from "../measure/compileRules.js";
import { compileRules } from "../measure/compileRules.js";
import { addCheck, customSchema, reportProblem } from "./_lib/custom.js";
import { dropPrefix, runCore } from "./_lib/issues.js";
import { shielded } from "./_lib/shield.js";

/* @__NO_SIDE_EFFECTS__ */
function nonBlank(field: string): z.ZodMiniType<string> {
  return customSchema<string>(
    (value, report) => {
      if (typeof value !== "string" || value.trim() === "") {
        reportProblem(report, { message: `${field} must be a non-empty string.` }, value);
      }
      return value as string;
    },
    () => ({ type: "string", minLength: 1, pattern: "\\S" }),
  );
}

/**
 * One alert rule (预警规则): `{ id, when, recommend, severity? }`, no other field; `when` is a
 * condition in the formula language, `severity` is `"info"`, `"warning"` or `"danger"`.
 *
 * @throws {TargetreeError} (through `validate`) `INVALID_ARGUMENT` for the shape.
 *
 * @example
 * const { validate, alertRuleSchema } = await import("targetree/schema");
 * validate(alertRuleSchema, { id: "low-visits", when: "dailyVisits < 3", recommend: "通知区域经理" }).id //=> "low-visits"
 */
export const alertRuleSchema: z.ZodMiniType<AlertRule> = /* @__PURE__ */ shielded(() =>
  z.strictObject({
    id: nonBlank("id"),
    when: nonBlank("when"),
    recommend: nonBlank("recommend"),
    severity: z.exactOptional(z.enum(["info", "warning", "danger"])),
  }),
);

/**
 * The rules of `compileRules` and `evaluateRules`: an array of {@link alertRuleSchema}. Beyond
 * the shape, the rules are compiled as `compileRules` compiles them, so a list passes exactly
 * when `compileRules` accepts it: ids are unique, and every condition parses and is a
 * true/false condition.
 *
 * @throws {TargetreeError} (through `validate`) `INVALID_ARGUMENT`; `DUPLICATE_KEY`; the formula
 *   errors of `compileRules` (`FORMULA_SYNTAX`, `UNKNOWN_FUNCTION`, `TYPE_MISMATCH`…) at
 *   `[i, "when"]`.
 *
 * @example
 * const { validate } = await import("targetree/schema");
 * const rules = [{ id: "stuck", when: "stuckDays > 7", recommend: "升级至总监", severity: "danger" }];
 * validate("alertRules", rules)[0].severity //=> "danger"
 * (() => { try { validate("alertRules", [{ id: "a", when: "visits <", recommend: "x" }]) } catch (e) { return [e.code, e.path] } })() //=> ["FORMULA_SYNTAX", [0, "when"]]
 */
export const alertRulesSchema: z.ZodMiniType<AlertRule[]> = /* @__PURE__ */ shielded(() =>
  addCheck(z.array(alertRuleSchema), (rules, report) => {
    runCore(() => compileRules(rules), rules, report, dropPrefix(["rules"]));
  }),
);
