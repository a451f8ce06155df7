// Adapts a Model (defineModel) to what the solvers need: the formula graph, bounds, fast evaluation.
import { countText, spend, type WorkBudget } from "../../_lib/budget.js";
import type { Decimal } from "../../_lib/decimal.js";
import { type ErrorPath, TargetreeError } from "../../_lib/errors.js";
import type { FormulaNode } from "../../formula/ast.js";
import { evaluateWithin, quote } from "../../formula/internal.js";
import {
  evaluationCost,
  evaluationDriver,
  formulaIndexesFor,
  internalsOf,
  modelCosts,
  outputEvaluator,
} from "../../model/internal.js";
import type { Model } from "../../model/types.js";
import { namesIn } from "./graph.js";
import type { ModelView } from "./view.js";

/** Who pays for a view's evaluations: the call's budget, and what to blame when it runs out. */
export interface ViewBudget {
  readonly budget: WorkBudget;
  /** The input that drives the number of evaluations (`["options", "vary"]`). */
  readonly path: ErrorPath;
  /** Another way out, for the message (`, or use method "chain"`), or "". */
  readonly advice?: string;
}

/**
 * A view of `model` with one cached evaluator per output, each evaluation paid from the call's
 * budget; INVALID_ARGUMENT for anything but a defineModel model.
 */
export function modelView(model: Model, paying: ViewBudget): ModelView {
  const internals = internalsOf(model, ["model"]);
  const formulas = new Map<string, FormulaNode>();
  for (const name of model.outputs) formulas.set(name, model.nodes[name]!.ast!);
  const costs = modelCosts(model);
  const { budget } = paying;
  let evaluations = 0;
  const evaluators = new Map<string, (inputs: ReadonlyMap<string, Decimal>) => Decimal>();
  const evaluatorOf = (output: string) => {
    let evaluator = evaluators.get(output);
    if (evaluator === undefined) {
      const evaluate = outputEvaluator(model, output);
      const slot = internals.slotOf.get(output);
      const indexes = slot === undefined ? [] : formulaIndexesFor(internals, slot);
      const units = evaluationCost(costs, indexes);
      const driver = () => ({
        ...evaluationDriver(
          costs,
          `after ${countText(evaluations)} evaluations of ${quote(output)}`,
          indexes,
          paying.path,
        ),
        advice: paying.advice ?? "",
      });
      evaluator = (inputs) => {
        spend(budget, units, driver);
        evaluations++;
        return evaluate(inputs);
      };
      evaluators.set(output, evaluator);
    }
    return evaluator;
  };
  return {
    graph: { formulas, inputs: model.inputs, order: model.outputs },
    costOf: (output) => {
      const slot = internals.slotOf.get(output);
      return slot === undefined ? 0 : evaluationCost(costs, formulaIndexesFor(internals, slot));
    },
    driverOf: (output, lead) => {
      const slot = internals.slotOf.get(output);
      const indexes = slot === undefined ? [] : formulaIndexesFor(internals, slot);
      return {
        ...evaluationDriver(costs, lead, indexes, paying.path),
        advice: paying.advice ?? "",
      };
    },
    budget,
    bounds: (input) => {
      const spec = model.nodes[input]!;
      return { min: spec.min, max: spec.max, wholeNumber: spec.wholeNumber };
    },
    evaluateOutput: (output, values) => evaluatorOf(output)(values),
    constantScope: (_output, allValues, excluded) => {
      const values = new Map(allValues);
      for (const name of excluded) values.delete(name);
      const known = new Map<string, Decimal>();
      const nodeValue = (name: string): Decimal => {
        let value = known.get(name);
        if (value === undefined) {
          value = formulas.has(name) ? evaluatorOf(name)(values) : values.get(name);
          if (value === undefined) {
            throw new Error(`constantScope: ${name} is not constant`);
          }
          known.set(name, value);
        }
        return value;
      };
      return (ast) => {
        const facts: Record<string, Decimal> = Object.create(null);
        for (const name of namesIn(ast)) facts[name] = nodeValue(name);
        const result = evaluateWithin(budget, ast, facts, undefined, paying.path);
        if (typeof result === "boolean") {
          throw new TargetreeError(
            "TYPE_MISMATCH",
            "A model formula gave a condition, not a number.",
          );
        }
        return result;
      };
    },
  };
}
