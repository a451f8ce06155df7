import { countText, readBudget, requireWork, spend, type WorkBudget } from "../_lib/budget.js";
import type { Decimal } from "../_lib/decimal.js";
import { describeValue, type ErrorPath, TargetreeError } from "../_lib/errors.js";
import { readOptions } from "../_lib/options.js";
import { isRecord, own } from "../_lib/records.js";
import { resultRecord } from "../_lib/resultRecord.js";
import type { Numeric } from "../_lib/types.js";
import { COSTLY_POWER_COST, checkTree, evaluateWithin } from "../formula/internal.js";
import { toDecimal } from "../numbers/toDecimal.js";
import type { RulesProgram } from "./_lib/ruleProgram.js";
import { programOf, rulesCost } from "./_lib/ruleProgram.js";
import type { AlertRule, CompiledRules, RuleSeverity } from "./compileRules.js";
import { compileRules } from "./compileRules.js";

/** Facts a rule may read: numbers (any `Numeric`) or true/false, by name, as a record. */
export type RuleFacts = Readonly<Record<string, Numeric | boolean>>;

/** Options of {@link evaluateRules}; an unknown key is `UNKNOWN_OPTION`. */
export interface EvaluateRulesOptions {
  /**
   * Most work units the call may spend over all the rules (default `DEFAULT_WORK_BUDGET`, about a
   * second); rules whose conditions cost more are refused with `WORK_BUDGET_EXCEEDED` before any
   * is evaluated.
   */
  readonly budget?: number;
}

/** A rule whose condition held. */
export interface FiredRule {
  /** The rule's id. */
  readonly id: string;
  /** What to do. */
  readonly recommend: string;
  /** The rule's severity (`"warning"` when the rule gave none). */
  readonly severity: RuleSeverity;
  /** The condition that held. */
  readonly when: string;
  /**
   * The fact values the condition read, by name (a null-prototype record, so names such as
   * `__proto__` are ordinary keys), numbers as exact Decimals.
   */
  readonly facts: Readonly<Record<string, Decimal | boolean>>;
}

/**
 * Evaluates alert rules (预警规则) against one set of facts and returns the rules that fired, in
 * rule order. Conditions are written in the formula language (`"dailyVisits < 3"`,
 * `"stuckDays > 7"`, `"hoursSinceProgress > 48"`, `"misses >= 3 or achievement < 50%"`) and are
 * only ever parsed and interpreted — never run as JavaScript. Facts are read by own keys only,
 * and their names are compared after NFC normalisation, as formula names are.
 *
 * @param rules - Rules `{ id, when, recommend, severity? }`, or the result of `compileRules`
 *   (parse once, evaluate many rows).
 * @param facts - The facts by name, as a record (a `Map` is refused); facts are data, so a
 *   record may hold facts no rule reads.
 * @param options - `budget`: the most work units to spend.
 * @returns The fired rules, each with its id, recommendation, severity and the facts it read.
 * @throws {TargetreeError} `UNKNOWN_FACT` when a condition names a fact that was not given (path
 *   `rules[i].when`, `details.ruleId` and `details.fact`); `TYPE_MISMATCH` when a condition is
 *   not true/false or mixes numbers and conditions; `INVALID_NUMBER` for a fact that is not a
 *   number or a boolean; `DUPLICATE_NAME` for two fact names equal after NFC normalisation;
 *   `WORK_BUDGET_EXCEEDED` when the conditions together cost more than `budget` (path: the dearest
 *   rule's `when`); `UNKNOWN_OPTION` for an unknown option key;
 *   `DIVISION_BY_ZERO` and the other evaluation errors of the formula
 *   language; every error of `compileRules` for raw rules; `INVALID_ARGUMENT` for compiled rules
 *   that `compileRules` did not make (a missing or malformed field).
 *
 * @example
 * const rules = [
 *   { id: "low-visits", when: "dailyVisits < 3", recommend: "通知区域经理" },
 *   { id: "stuck", when: "stuckDays > 7", recommend: "升级至总监", severity: "danger" },
 * ];
 * const fired = evaluateRules(rules, { dailyVisits: 2, stuckDays: 3 });
 * fired.map((alert) => [alert.id, alert.recommend]) //=> [["low-visits", "通知区域经理"]]
 * fired[0]!.facts.dailyVisits!.toString() //=> "2"
 */
export function evaluateRules(
  rules: readonly AlertRule[] | CompiledRules,
  facts: RuleFacts,
  options?: EvaluateRulesOptions,
): FiredRule[] {
  const budget = readBudget(readOptions(options, ["budget"]), "evaluateRules");
  return evaluateRulesWithin(budget, rules, facts);
}

/**
 * evaluateRules within a caller's budget: the conditions' cost is checked before any is evaluated
 * and spent as each is; `at` prefixes the rules' error paths for the budget (`["plan"]`).
 */
export function evaluateRulesWithin(
  budget: WorkBudget,
  rules: readonly AlertRule[] | CompiledRules,
  facts: RuleFacts,
  at: ErrorPath = [],
): FiredRule[] {
  const given = isCompiled(rules);
  // Rules compileRules made (frozen, with their closures) need no second check.
  const made = given ? programOf(rules) : null;
  const compiled =
    made !== null
      ? (rules as CompiledRules)
      : given
        ? checkCompiled(rules as CompiledRules)
        : compileRules(rules as readonly AlertRule[]);
  const program = made ?? programOf(compiled);
  // Every condition's cost is known before any is evaluated.
  const cost =
    program?.cost ??
    rulesCost(
      compiled.rules,
      given
        ? (rule, position) => checkTree(rule.condition, ["rules", "rules", position, "condition"])
        : undefined,
    );
  const driver = () => ({
    what: `one evaluation of its ${countText(compiled.rules.length)} rule${compiled.rules.length === 1 ? "" : "s"} costs ${countText(cost.units)} units (${cost.costlyPowers > 0 ? `${countText(cost.costlyPowers)} powers whose exponent is not a whole-number literal, ${COSTLY_POWER_COST} units each; ` : ""}the dearest, ${JSON.stringify(cost.dearestId)}, ${countText(cost.dearestUnits)})`,
    path: [...at, "rules", cost.dearestIndex, "when"],
    advice: at.length === 0 ? ", or split the rules over several calls" : "",
  });
  // Known upfront when the rules are the call's only work; a caller that evaluates them many times
  // (trackPlan, cell by cell) is charged as it goes.
  if (budget.spent === 0) requireWork(budget, cost.units, driver);
  if (program !== null) {
    // The compiled closures; anything out of the ordinary (a missing or malformed fact, a type
    // mismatch, an arithmetic error) is left to the interpreter below, which says what is wrong.
    const fired = evaluateCompiled(compiled, program, facts);
    if (fired !== null) {
      spend(budget, cost.units, driver, true);
      return fired;
    }
  }
  const read = factReader(facts);
  const fired: FiredRule[] = [];
  for (const rule of compiled.rules) {
    const used: Record<string, Decimal | boolean> = resultRecord();
    for (const name of rule.facts) {
      const value = read(name);
      if (value === undefined) {
        throw new TargetreeError(
          "UNKNOWN_FACT",
          `Rule ${JSON.stringify(rule.id)} reads the fact ${JSON.stringify(name)}, which was not given.`,
          {
            path: ["rules", rule.index, "when"],
            details: { ruleId: rule.id, fact: name },
          },
        );
      }
      used[name] = value;
    }
    const result = evaluateWithin(budget, rule.condition, used, undefined, [
      ...at,
      "rules",
      rule.index,
      "when",
    ]);
    if (typeof result !== "boolean") {
      throw new TargetreeError(
        "TYPE_MISMATCH",
        `Rule ${JSON.stringify(rule.id)}: the condition gives a number, not true/false.`,
        { path: ["rules", rule.index, "when"], details: { ruleId: rule.id } },
      );
    }
    if (result) {
      fired.push({
        id: rule.id,
        recommend: rule.recommend,
        severity: rule.severity,
        when: rule.when,
        facts: used,
      });
    }
  }
  return fired;
}

/**
 * The rules through their compiled closures, facts read by own keys into one array (no map per
 * row); `null` when the interpreter must decide (it then throws the canonical error).
 */
function evaluateCompiled(
  compiled: CompiledRules,
  program: RulesProgram,
  facts: unknown,
): FiredRule[] | null {
  if (!isRecord(facts) || !namesAreNormal(facts)) return null;
  const names = program.facts;
  const values = new Array<Decimal | boolean>(names.length);
  for (let slot = 0; slot < names.length; slot++) {
    const name = names[slot]!;
    const raw = own(facts, name);
    if (raw === undefined) return null;
    try {
      values[slot] = typeof raw === "boolean" ? raw : toDecimal(raw as Numeric, ["facts", name]);
    } catch {
      return null;
    }
  }
  const fired: FiredRule[] = [];
  const rules = compiled.rules;
  for (let index = 0; index < rules.length; index++) {
    const rule = rules[index]!;
    const { run, slots } = program.rules[index]!;
    let result: boolean;
    try {
      result = run(values);
    } catch {
      return null;
    }
    if (!result) continue;
    const used: Record<string, Decimal | boolean> = resultRecord();
    for (let k = 0; k < slots.length; k++) used[rule.facts[k]!] = values[slots[k]!]!;
    fired.push({
      id: rule.id,
      recommend: rule.recommend,
      severity: rule.severity,
      when: rule.when,
      facts: used,
    });
  }
  return fired;
}

/**
 * True when every key of the facts is already in Unicode NFC (so no two keys are the same name,
 * and a formula name is the caller's key itself). Own enumerable keys of a plain object only.
 */
function namesAreNormal(facts: Readonly<Record<string, unknown>>): boolean {
  const prototype: unknown = Object.getPrototypeOf(facts);
  if (prototype !== Object.prototype && prototype !== null) return false;
  for (const key of Object.keys(facts)) {
    for (let i = 0; i < key.length; i++) {
      if (key.charCodeAt(i) >= 0x80) {
        if (key.normalize("NFC") !== key) return false;
        break;
      }
    }
  }
  return true;
}

function isCompiled(rules: unknown): rules is CompiledRules {
  return isRecord(rules) && own(rules, "kind") === "compiled-rules";
}

const SEVERITIES: ReadonlySet<unknown> = /* @__PURE__ */ new Set(["info", "warning", "danger"]);

/** Checks the shape of compiled rules (own fields only), so a forged object is refused cleanly. */
function checkCompiled(compiled: CompiledRules): CompiledRules {
  const list = own(compiled, "rules");
  if (!Array.isArray(list)) {
    throw new TargetreeError(
      "INVALID_ARGUMENT",
      "Compiled rules need their rules list; pass the result of compileRules unchanged.",
      { path: ["rules", "rules"] },
    );
  }
  list.forEach((rule: unknown, position) => {
    const text = (key: string) => isRecord(rule) && typeof own(rule, key) === "string";
    const facts = isRecord(rule) ? own(rule, "facts") : undefined;
    const index = isRecord(rule) ? own(rule, "index") : undefined;
    const valid =
      text("id") &&
      text("when") &&
      text("recommend") &&
      SEVERITIES.has(own(rule as object, "severity")) &&
      isRecord(own(rule as object, "condition")) &&
      Array.isArray(facts) &&
      facts.every((fact: unknown) => typeof fact === "string") &&
      Number.isSafeInteger(index) &&
      (index as number) >= 0;
    if (!valid) {
      throw new TargetreeError(
        "INVALID_ARGUMENT",
        "A compiled rule is malformed; pass the result of compileRules unchanged.",
        { path: ["rules", "rules", position] },
      );
    }
  });
  return compiled;
}

/**
 * Indexes the facts by NFC-normalised name (formula names are NFC), reading own keys only, and
 * converts a value the first time a rule reads it; `undefined` for an absent fact.
 */
function factReader(facts: unknown): (name: string) => Decimal | boolean | undefined {
  if (!isRecord(facts)) {
    throw new TargetreeError(
      "INVALID_ARGUMENT",
      `facts must be a record of named values, got ${describeValue(facts)}.`,
      { path: ["facts"] },
    );
  }
  const record = facts;
  // NFC name → the caller's own key.
  const index = new Map<string, string>();
  for (const key of Object.keys(record)) {
    const name = key.normalize("NFC");
    const earlier = index.get(name);
    if (earlier !== undefined) {
      throw new TargetreeError(
        "DUPLICATE_NAME",
        `The facts ${JSON.stringify(earlier)} and ${JSON.stringify(key)} are the same name after Unicode normalisation.`,
        { path: ["facts", key] },
      );
    }
    index.set(name, key);
  }
  const converted = new Map<string, Decimal | boolean>();
  return (name) => {
    const known = converted.get(name);
    if (known !== undefined) return known;
    const key = index.get(name);
    if (key === undefined) return undefined;
    const raw = record[key];
    if (raw === undefined) return undefined;
    const value = typeof raw === "boolean" ? raw : toDecimal(raw as Numeric, ["facts", key]);
    converted.set(name, value);
    return value;
  };
}
