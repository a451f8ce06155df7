// What evaluating a model's formulas costs in work units (src/_lib/budget.ts), known before any
// evaluation, so every evaluator charges the call's budget per evaluation, not per operation.
import { type CostDriver, countText } from "../../_lib/budget.js";
import type { FormulaNode } from "../../formula/ast.js";
import { COSTLY_POWER_COST, formulaCost, quote } from "../../formula/internal.js";
import type { Model } from "../types.js";
import { internalsOf, type ModelInternals } from "./internals.js";

/** Units of one formula node's evaluation beyond its operators (the slot, the call). */
const NODE_COST = 1;

/** Each formula's cost per evaluation, by formula index (slot − inputCount). */
export interface ModelCosts {
  readonly units: readonly number[];
  readonly costlyPowers: readonly number[];
  /** Every node name by slot (inputs first), for messages: formula i is `names[inputCount + i]`. */
  readonly names: readonly string[];
  readonly inputCount: number;
}

/** Each formula's cost (one walk over every formula tree), for the model's internals. */
export function formulaCosts(trees: readonly FormulaNode[]): ModelInternals["costs"] {
  const units: number[] = [];
  const costlyPowers: number[] = [];
  for (const tree of trees) {
    const cost = formulaCost(tree);
    units.push(NODE_COST + cost.units);
    costlyPowers.push(cost.costlyPowers);
  }
  return Object.freeze({ units: Object.freeze(units), costlyPowers: Object.freeze(costlyPowers) });
}

/** The cost of each formula of a model, as defineModel worked it out. */
export function modelCosts(model: Model): ModelCosts {
  const { names, inputCount, costs } = internalsOf(model);
  return { units: costs.units, costlyPowers: costs.costlyPowers, names, inputCount };
}

/** The units of one evaluation of the given formulas (all of them by default). */
export function evaluationCost(costs: ModelCosts, indexes?: ArrayLike<number>): number {
  let total = 0;
  if (indexes === undefined) for (const units of costs.units) total += units;
  else for (let i = 0; i < indexes.length; i++) total += costs.units[indexes[i]!]!;
  return total;
}

/**
 * What drives the cost of evaluating `indexes` (all formulas by default): the formula count, the
 * costly powers and the dearest formula, whose path is the error's unless `path` is given. `lead`
 * says how many evaluations the call needs ("Shapley over 12 changed inputs needs 4,096
 * evaluations of \"out\""); "" for one.
 */
export function evaluationDriver(
  costs: ModelCosts,
  lead: string,
  indexes?: ArrayLike<number>,
  path?: readonly (string | number)[],
): CostDriver {
  const chosen = indexes === undefined ? costs.units.map((_, index) => index) : Array.from(indexes);
  let dearest = chosen[0] ?? 0;
  let costly = 0;
  for (const index of chosen) {
    costly += costs.costlyPowers[index]!;
    if (costs.units[index]! > costs.units[dearest]!) dearest = index;
  }
  const name = costs.names[costs.inputCount + dearest] ?? "";
  const units = countText(evaluationCost(costs, chosen));
  const powers =
    costly > 0
      ? `${countText(costly)} power${costly === 1 ? "" : "s"} whose exponent is not a whole-number literal, ${COSTLY_POWER_COST} units each`
      : "";
  const details =
    chosen.length === 1
      ? powers
      : `${powers === "" ? "" : `${powers}; `}the dearest, ${quote(name)}, ${countText(costs.units[dearest] ?? 0)}`;
  const subject = chosen.length === 1 ? quote(name) : `its ${countText(chosen.length)} formulas`;
  const cost = `one evaluation of ${subject} costs ${units} units${details === "" ? "" : ` (${details})`}`;
  return {
    what: lead === "" ? cost : `${lead}, and ${cost}`,
    path: path ?? ["formulas", name],
  };
}
