import { readBudget, spend, type WorkBudget } from "../_lib/budget.js";
import type { Decimal } from "../_lib/decimal.js";
import { TargetreeError } from "../_lib/errors.js";
import { readOptions } from "../_lib/options.js";
import { resultRecord } from "../_lib/resultRecord.js";
import { interpret, quote } from "../formula/internal.js";
import { evaluationCost, evaluationDriver, modelCosts } from "./_lib/cost.js";
import { readInputs } from "./_lib/inputs.js";
import { internalsOf } from "./_lib/internals.js";
import type { InputsOf, Model, ModelValues, NodeName } from "./types.js";

/** Options of {@link evaluate}, {@link explain} and {@link compileModel}; an unknown key is `UNKNOWN_OPTION`. */
export interface EvaluateOptions {
  /**
   * Most work units one evaluation may spend (default `DEFAULT_WORK_BUDGET`, about a second): a
   * model whose formulas cost more is refused with `WORK_BUDGET_EXCEEDED` before any work.
   */
  readonly budget?: number;
}

/**
 * Evaluates a model exactly: every node's value, inputs included. Inputs are read by own keys
 * only and must all be given; an unknown key (a typo) or a key naming a formula node is an error,
 * never silently ignored.
 *
 * @param model - A model from {@link defineModel}.
 * @param inputs - A value for every input: numbers, numeric strings (`"25%"`, `"50万"`) or Decimals.
 *   A plain object (a `Map` is refused); its keys are data, so any name is allowed.
 * @param options - `budget`: the most work units to spend.
 * @returns A null-prototype record of every node's `Decimal`, in the model's `order`, typed by the
 *   model's names (reading a name the model does not have is a compile error).
 * @throws {TargetreeError} `MISSING_INPUT`, `UNKNOWN_NODE` (a key that is not an input),
 *   `INVALID_ARGUMENT` (a key naming a formula node, or inputs not an object), `DUPLICATE_NAME`
 *   (two keys equal after NFC), `INVALID_NUMBER`, `OUT_OF_BOUNDS`, `NOT_A_WHOLE_NUMBER`, each with
 *   path `["inputs", name]`; from the formulas `DIVISION_BY_ZERO`, `INVALID_OPERATION`,
 *   `NUMBER_TOO_LARGE` with path `["formulas", name]` and the column; `WORK_BUDGET_EXCEEDED` when
 *   the formulas cost more than `budget` (path: the dearest formula, `["formulas", name]`);
 *   `UNKNOWN_OPTION` for an unknown option key.
 *
 * @example
 * const model = defineModel({ profit: "revenue - cost", margin: "profit / revenue" });
 * const values = evaluate(model, { revenue: "50万", cost: 300000 });
 * values.profit //=> new Decimal(200000)
 * values.margin //=> new Decimal(0.4)
 * Object.keys(values) //=> ["revenue", "cost", "profit", "margin"]
 */
export function evaluate<M extends Model, Inputs extends InputsOf<M, Inputs>>(
  model: M,
  inputs: Inputs,
  options?: EvaluateOptions,
): ModelValues<NodeName<M>> {
  internalsOf(model);
  const budget = readBudget(readOptions(options, ["budget"]), "evaluate");
  return evaluateWithin(budget, model, inputs) as ModelValues<NodeName<M>>;
}

/** evaluate within a caller's budget: the formulas' cost is spent before any is evaluated. */
export function evaluateWithin(budget: WorkBudget, model: Model, inputs: unknown): ModelValues {
  const internals = internalsOf(model);
  const slots = readInputs(internals, inputs);
  const costs = modelCosts(model);
  spend(budget, evaluationCost(costs), () => evaluationDriver(costs, ""), true);
  const { names, inputCount, sources } = internals;
  const nodes = model.nodes;
  const values = resultRecord<ModelValues>();
  for (let slot = 0; slot < inputCount; slot++) values[names[slot]!] = slots[slot]!;
  for (let slot = inputCount; slot < names.length; slot++) {
    const name = names[slot]!;
    const source = sources[slot - inputCount]!;
    // The tree-walking interpreter (compileModel uses closures; the two are checked against each other).
    const value = interpret(nodes[name]!.ast!, {
      source,
      lookup: (node) => values[node.name]!,
    });
    if (typeof value === "boolean") {
      throw new TargetreeError("TYPE_MISMATCH", `${quote(name)} gave a condition, not a number.`, {
        path: source.path,
      });
    }
    values[name] = value as Decimal;
  }
  return values;
}
