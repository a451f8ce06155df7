import { countText, readBudget, spend, type WorkBudget } from "../_lib/budget.js";
import type { Decimal } from "../_lib/decimal.js";
import { describeValue, type ErrorPath, TargetreeError } from "../_lib/errors.js";
import type { Numeric } from "../_lib/types.js";
import { toDecimal } from "../numbers/toDecimal.js";
import { quote } from "./_lib/characters.js";
import { COSTLY_POWER_COST, formulaCost } from "./_lib/cost.js";
import { interpret, type Value } from "./_lib/interpret.js";
import { checkFormulaShape } from "./_lib/shape.js";
import { type FormulaSource, formulaError, spanOf } from "./_lib/source.js";
import { checkTypes } from "./_lib/typecheck.js";
import type { FormulaNode, NameNode } from "./ast.js";
import { parseFormula, readFormulaOptions } from "./parseFormula.js";

/** Named values a formula reads: numbers (any {@link Numeric}) and conditions (booleans). */
export type Facts = Readonly<Record<string, Numeric | boolean>>;

/** Options of {@link evaluateFormula}; an unknown key is `UNKNOWN_OPTION`. */
export interface EvaluateFormulaOptions {
  /** The formula's name (a rule id), quoted in error messages. */
  readonly name?: string;
  /**
   * Most work units the evaluation may spend (default `DEFAULT_WORK_BUDGET`, about a second);
   * over it, `WORK_BUDGET_EXCEEDED` before any work.
   */
  readonly budget?: number;
}

/**
 * Evaluates a formula, exactly, against named facts. Facts are read by own keys only, so
 * `__proto__`, `constructor` or `toString` are ordinary names and nothing inherited is an input.
 * `and`, `or` and `if` evaluate lazily (left to right; the branch not taken is not evaluated).
 * Parse a formula once with {@link parseFormula} and pass the tree to evaluate it many times.
 *
 * @param formula - Formula text or a parsed tree.
 * @param facts - The values of the names the formula uses.
 * @param options - `name` for error messages; `budget`, the most work units to spend.
 * @returns A `Decimal` for a numeric formula, a boolean for a condition.
 * @throws {TargetreeError} The errors of {@link parseFormula}; `UNKNOWN_FACT` for a name not in
 *   `facts` (path `["facts", name]`); `INVALID_NUMBER` for a bad fact value; `TYPE_MISMATCH` when a
 *   fact's type does not fit (a condition added to a number; path `["facts", name]`); `DIVISION_BY_ZERO`;
 *   `INVALID_OPERATION` (negative base to a fractional power); `NUMBER_TOO_LARGE`;
 *   `INVALID_ARGUMENT` for bad `round` digits or when `facts` is not an object; `UNKNOWN_OPTION`
 *   for an unknown option key; `WORK_BUDGET_EXCEEDED` when the formula costs more than `budget`;
 *   `SHARED_NODE` for a built tree that reaches one subtree twice or contains itself (a shared
 *   leaf is fine), `TOO_MANY_NODES` past `MAX_FORMULA_NODES`, and `INVALID_NUMBER`,
 *   `NUMBER_TOO_LARGE` or `INVALID_ARGUMENT` for a built number node whose value is NaN, infinite,
 *   out of range or negative (−0 included), each with the path to the node.
 *
 * @example
 * evaluateFormula("dailyVisits < 3", { dailyVisits: 2 }) //=> true
 * evaluateFormula("stuckDays > 7 and not escalated", { stuckDays: 9, escalated: false }) //=> true
 * evaluateFormula("新客户数 * 转化率 * 客单价", { 新客户数: 600, 转化率: "25%", 客单价: 8000 }).toString() //=> "1200000"
 * evaluateFormula("0.1 + 0.2", {}).toString() //=> "0.3"
 */
export function evaluateFormula(
  formula: string | FormulaNode,
  facts: Facts,
  options?: EvaluateFormulaOptions,
): Decimal | boolean {
  const { name, settings } = readFormulaOptions(options, ["name", "budget"]);
  const budget = readBudget(settings, "evaluateFormula");
  return evaluateWithin(budget, formula, facts, name, ["formula"], true);
}

/**
 * evaluateFormula within a caller's budget: what one evaluation costs is spent before it starts
 * (WORK_BUDGET_EXCEEDED, at `path`, when it does not fit; `last`: nothing else is spent after it).
 */
export function evaluateWithin(
  budget: WorkBudget,
  formula: string | FormulaNode,
  facts: Facts,
  name: string | undefined,
  path: ErrorPath,
  last = false,
): Decimal | boolean {
  let tree: FormulaNode;
  let source: FormulaSource;
  if (typeof formula === "string") {
    tree = parseFormula(formula, name === undefined ? {} : { name });
    source = { name, text: formula, path: [] };
  } else {
    tree = formula;
    source = { name, text: undefined, path: [] };
    checkFormulaShape(tree, ["formula"]);
    checkTypes(tree, { ...source, path: ["formula"] }, "unknown");
  }
  if (typeof facts !== "object" || facts === null || Array.isArray(facts)) {
    throw new TargetreeError(
      "INVALID_ARGUMENT",
      `facts must be an object of named values, got ${describeValue(facts)}.`,
      { path: ["facts"] },
    );
  }
  const cache = new Map<string, Value>();
  /** Each name read → the caller's own key it was read from. */
  const keys = new Map<string, string>();
  let normalisedKeys: Map<string, string> | undefined;

  const lookup = (node: NameNode): Value => {
    const known = cache.get(node.name);
    if (known !== undefined) return known;
    let key: string | undefined = Object.hasOwn(facts, node.name) ? node.name : undefined;
    if (key === undefined) {
      // The formula's names are NFC; accept facts keyed in another normal form.
      normalisedKeys ??= new Map(Object.keys(facts).map((raw) => [raw.normalize("NFC"), raw]));
      key = normalisedKeys.get(node.name);
    }
    if (key === undefined) {
      throw formulaError(
        "UNKNOWN_FACT",
        `${quote(node.name)} is not among the facts given.`,
        { ...source, path: ["facts", node.name] },
        spanOf(node),
      );
    }
    const raw: unknown = facts[key];
    const value = typeof raw === "boolean" ? raw : toDecimal(raw as Numeric, ["facts", key]);
    cache.set(node.name, value);
    keys.set(node.name, key);
    return value;
  };
  const pathOf = (node: NameNode) => ["facts", keys.get(node.name) ?? node.name];

  const cost = formulaCost(tree);
  spend(
    budget,
    cost.units,
    () => ({
      what: `evaluating ${name === undefined ? "the formula" : `the formula ${quote(name)}`} costs ${countText(cost.units)} units${cost.costlyPowers > 0 ? ` (${countText(cost.costlyPowers)} powers whose exponent is not a whole-number literal, ${COSTLY_POWER_COST} units each)` : ""}`,
      path,
    }),
    last,
  );
  return interpret(tree, { source, lookup, pathOf });
}
