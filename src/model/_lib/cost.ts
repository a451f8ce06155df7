// What evaluating a model's formulas costs in work units (src/_lib/budget.ts), known before any
// evaluation, so every evaluator charges the call's budget per evaluation, not per operation.
import { type CostDriver, countText } from "../../_lib/budget.js";
import { COSTLY_POWER_COST, formulaCost, quote } from "../../formula/internal.js";
import type { Model } from "../types.js";
import { internalsOf } from "./internals.js";

/** Units of one formula node's evaluation beyond its operators (the slot, the call). */
const NODE_COST = 1;

/** Each formula's cost per evaluation, by formula index (slot − inputCount). */
export interface ModelCosts {
  readonly units: readonly number[];
  readonly costlyPowers: readonly number[];
  /** Formula names by formula index, for messages. */
  readonly names: readonly string[];
}

/** The cost of each formula of a model (one walk over every formula tree). */
export function modelCosts(model: Model): ModelCosts {
  const { names, inputCount } = internalsOf(model);
  const formulas = names.slice(inputCount);
  const units: number[] = [];
  const costlyPowers: number[] = [];
  for (const name of formulas) {
    const cost = formulaCost(model.nodes[name]!.ast!);
    units.push(NODE_COST + cost.units);
    costlyPowers.push(cost.costlyPowers);
  }
  return { units, costlyPowers, names: formulas };
}

/** The units of one evaluation of the given formulas (all of them by default). */
export function evaluationCost(costs: ModelCosts, indexes?: readonly number[]): number {
  let total = 0;
  if (indexes === undefined) for (const units of costs.units) total += units;
  else for (const index of indexes) total += costs.units[index]!;
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
  indexes?: readonly number[],
  path?: readonly (string | number)[],
): CostDriver {
  const chosen = indexes ?? costs.units.map((_, index) => index);
  let dearest = chosen[0] ?? 0;
  let costly = 0;
  for (const index of chosen) {
    costly += costs.costlyPowers[index]!;
    if (costs.units[index]! > costs.units[dearest]!) dearest = index;
  }
  const name = costs.names[dearest] ?? "";
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
