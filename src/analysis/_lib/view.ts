// What the solvers need from a model: its formula graph, input metadata and an output evaluator.
import type { CostDriver, WorkBudget } from "../../_lib/budget.js";
import type { Decimal } from "../../_lib/decimal.js";
import type { FormulaNode } from "../../formula/ast.js";
import type { FormulaGraph } from "./graph.js";

/** An input's declared bounds and kind, as Decimals (null = unbounded). */
export interface InputBounds {
  readonly min: Decimal | null;
  readonly max: Decimal | null;
  readonly wholeNumber: boolean;
}

export interface ModelView {
  readonly graph: FormulaGraph;
  /** The call's budget, which every evaluation through the view pays from. */
  readonly budget: WorkBudget;
  /** Work units of one evaluation of `output`. */
  costOf(output: string): number;
  /** Why evaluating `output` is dear, after `lead` ("Shapley … needs 4,096 evaluations"). */
  driverOf(output: string, lead: string): CostDriver;
  bounds(input: string): InputBounds;
  /**
   * The output's value for these input values (only the nodes the output reads are evaluated).
   * Throws `TargetreeError` where the formulas are undefined (division by zero, …).
   */
  evaluateOutput(output: string, values: ReadonlyMap<string, Decimal>): Decimal;
  /** Every formula node's value that does not read `excluded`, for evaluating constant operands. */
  constantScope(
    output: string,
    values: ReadonlyMap<string, Decimal>,
    excluded: ReadonlySet<string>,
  ): (node: FormulaNode) => Decimal;
}
