import { readItems } from "../_lib/arrays.js";
import { describeValue, TargetreeError } from "../_lib/errors.js";
import { own } from "../_lib/records.js";
import type { FormulaNode } from "../formula/ast.js";
import { formulaNames } from "../formula/formulaNames.js";
import { callType } from "../formula/internal.js";
import { parseFormula } from "../formula/parseFormula.js";
import { readFields } from "./_lib/input.js";
import { attachProgram } from "./_lib/ruleProgram.js";

/** How urgent a fired rule is. */
export type RuleSeverity = "info" | "warning" | "danger";

/** An alert rule (预警规则): a condition in the formula language and what to do when it holds. */
export interface AlertRule {
  /** A unique id, e.g. `"low-visits"`. */
  readonly id: string;
  /** The condition, in the formula language: `"dailyVisits < 3"`, `"stuckDays > 7 and not escalated"`. */
  readonly when: string;
  /** What to do when it fires: `"通知区域经理"` (notify the regional manager). */
  readonly recommend: string;
  /** Default `"warning"`. */
  readonly severity?: RuleSeverity;
}

/** A rule parsed once, ready to evaluate against many sets of facts. */
export interface CompiledRule {
  /** The rule's id, as given. */
  readonly id: string;
  /** The condition's text, as given. */
  readonly when: string;
  /** What to do when the rule fires, as given. */
  readonly recommend: string;
  /** The rule's severity; `"warning"` when the rule gave none. */
  readonly severity: RuleSeverity;
  /** The parsed condition. */
  readonly condition: FormulaNode;
  /** The facts the condition reads, in order of first appearance. */
  readonly facts: readonly string[];
  /** Index of the rule in the caller's list, for error paths. */
  readonly index: number;
}

/** Rules parsed by {@link compileRules}; pass them to `evaluateRules` instead of the raw list. */
export interface CompiledRules {
  /** Marker `"compiled-rules"`, by which `evaluateRules` tells compiled rules from a raw list. */
  readonly kind: "compiled-rules";
  /** The compiled rules, in the caller's order. */
  readonly rules: readonly CompiledRule[];
}

const SEVERITIES: readonly RuleSeverity[] = ["info", "warning", "danger"];
const FIELDS: readonly string[] = ["id", "when", "recommend", "severity"];

/**
 * Parses alert rules once (conditions are data in the formula language, never JavaScript), so
 * `evaluateRules` can run them against many rows of facts without parsing again.
 *
 * @param rules - The rules, each `{ id, when, recommend, severity? }`.
 * @returns The compiled rules (frozen).
 * @throws {TargetreeError} `INVALID_ARGUMENT` for a rule that is not `{ id, when, recommend }`
 *   or an unknown severity; `UNKNOWN_OPTION` for a rule field other than `id`, `when`,
 *   `recommend`, `severity` (`recommand`), naming the closest; `DUPLICATE_KEY` for a repeated id; the formula errors of
 *   `parseFormula` (`FORMULA_SYNTAX`, `FORMULA_TOO_LONG`, `FORMULA_TOO_DEEP`,
 *   `INVALID_CHARACTER`, `UNKNOWN_FUNCTION`, `WRONG_ARITY`, `TYPE_MISMATCH`…) at
 *   `rules[i].when`, naming the rule; `TYPE_MISMATCH` for a condition that is a number.
 *
 * @example
 * const compiled = compileRules([{ id: "low-visits", when: "dailyVisits < 3", recommend: "通知区域经理" }]);
 * compiled.rules[0]!.facts //=> ["dailyVisits"]
 * evaluateRules(compiled, { dailyVisits: 2 }).map((alert) => alert.id) //=> ["low-visits"]
 */
export function compileRules(rules: readonly AlertRule[]): CompiledRules {
  if (!Array.isArray(rules)) {
    throw new TargetreeError(
      "INVALID_ARGUMENT",
      `rules must be an array of { id, when, recommend }, got ${describeValue(rules)}.`,
      { path: ["rules"] },
    );
  }
  const seen = new Set<string>();
  const compiled = readItems(rules as readonly unknown[], ["rules"]).map(
    (rule: unknown, index): CompiledRule => {
      const path = ["rules", index];
      const record = readFields(rule, FIELDS, path, `rules[${index}]`);
      const text = (key: string): string => {
        const value = own(record, key);
        if (typeof value !== "string" || value.trim() === "") {
          throw new TargetreeError(
            "INVALID_ARGUMENT",
            `rules[${index}].${key} must be a non-empty string, got ${describeValue(value)}.`,
            { path: [...path, key] },
          );
        }
        return value;
      };
      const id = text("id");
      if (seen.has(id)) {
        throw new TargetreeError("DUPLICATE_KEY", `Two rules have the id ${JSON.stringify(id)}.`, {
          path: [...path, "id"],
        });
      }
      seen.add(id);
      const when = text("when");
      const recommend = text("recommend");
      const severity = own(record, "severity") ?? "warning";
      // Stryker disable next-line ConditionalExpression: the typeof only narrows the type
      if (typeof severity !== "string" || !(SEVERITIES as readonly string[]).includes(severity)) {
        throw new TargetreeError(
          "INVALID_ARGUMENT",
          `severity must be "info", "warning" or "danger", got ${describeValue(severity)}.`,
          { path: [...path, "severity"] },
        );
      }
      const condition = parseFormula(when, { name: id, path: [...path, "when"] });
      if (isNumeric(condition)) {
        throw new TargetreeError(
          "TYPE_MISMATCH",
          `Rule ${JSON.stringify(id)}: the condition is a number, not true/false; compare it (e.g. "x < 3").`,
          { path: [...path, "when"], details: { ruleId: id } },
        );
      }
      return Object.freeze({
        id,
        when,
        recommend,
        severity: severity as RuleSeverity,
        condition,
        facts: Object.freeze(formulaNames(condition)),
        index,
      });
    },
  );
  const result = { kind: "compiled-rules" as const, rules: Object.freeze(compiled) };
  return Object.freeze(attachProgram(result, compiled));
}

/** True when the condition is plainly arithmetic (so it can never be true/false). */
function isNumeric(node: FormulaNode): boolean {
  switch (node.kind) {
    case "number":
    case "unary":
    case "sum":
    case "product":
    // Stryker disable next-line ConditionalExpression: falling through to call throws anyway
    case "power":
      return true;
    case "call":
      // Numeric by its function's type rule (an if with unknown branches may be a condition).
      return callType(node, () => "unknown") === "number";
    // Stryker disable next-line ConditionalExpression: undefined reads as false too
    default:
      return false;
  }
}
