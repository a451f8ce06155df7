// Adapts a Model (defineModel) to what the solvers need: the formula graph, bounds, fast evaluation.
import type { Decimal } from "../../_lib/decimal.js";
import { TargetreeError } from "../../_lib/errors.js";
import type { FormulaNode } from "../../formula/ast.js";
import { evaluateFormula } from "../../formula/evaluateFormula.js";
import { internalsOf, outputEvaluator } from "../../model/internal.js";
import type { Model } from "../../model/types.js";
import { namesIn } from "./graph.js";
import type { ModelView } from "./view.js";

/** A view of `model` with one cached evaluator per output; INVALID_ARGUMENT for anything but a defineModel model. */
export function modelView(model: Model): ModelView {
  internalsOf(model, ["model"]);
  const formulas = new Map<string, FormulaNode>();
  for (const name of model.outputs) formulas.set(name, model.nodes[name]!.ast!);
  const evaluators = new Map<string, (inputs: ReadonlyMap<string, Decimal>) => Decimal>();
  const evaluatorOf = (output: string) => {
    let evaluator = evaluators.get(output);
    if (evaluator === undefined) {
      evaluator = outputEvaluator(model, output);
      evaluators.set(output, evaluator);
    }
    return evaluator;
  };
  return {
    graph: { formulas, inputs: model.inputs, order: model.outputs },
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
        const result = evaluateFormula(ast, facts);
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
