// What one evaluation of a formula tree costs, in the work units of a call's budget
// (src/_lib/budget.ts): an upper bound known before evaluating, so a call can refuse work it cannot
// afford before doing any of it, and both evaluators (the interpreter and the compiled closures)
// are charged alike. Measured at 64 digits on a quiet machine: an addition about 1.4 µs, a
// division 6 µs, x^999 40–60 µs (x^-1000 up to 250 µs under load), a square root 50–200 µs, a
// fractional power 0.3–2 ms (x^0.5, 7^(-1/3), 1e900^0.999); a unit is about 2.5 µs.
import type { FormulaNode } from "../ast.js";
import type { FunctionName } from "./functions.js";

/** Units of one operator (a `+`, `*`, comparison, negation, a read of a name is free). */
export const PLAIN_COST = 1;
/** Units of one division. */
export const DIVISION_COST = 4;
/** Units of a power whose exponent is not a whole-number literal (`x^0.5`, `(1+g)^n`): ln and exp. */
export const COSTLY_POWER_COST = 400;

/** Units of each function's own work (its arguments are counted apart). */
const CALL_COST: { readonly [Name in FunctionName]: number } = {
  min: 1,
  max: 1,
  abs: 1,
  sqrt: 40,
  round: 2,
  floor: 2,
  ceil: 2,
  if: 0,
};

/** A formula's cost per evaluation. */
export interface FormulaCost {
  /** Work units of one evaluation (an upper bound: both sides of `and`/`or`, the dearer branch of `if`). */
  readonly units: number;
  /** Powers whose exponent is not a whole-number literal: the dear operations, for messages. */
  readonly costlyPowers: number;
}

/** The exponent's value when it is a whole-number literal (under signs), else null. */
function wholeLiteral(node: FormulaNode): number | null {
  let inner = node;
  while (inner.kind === "unary") inner = inner.operand;
  if (inner.kind !== "number" || inner.unit !== undefined || !inner.value.isInteger()) return null;
  return Math.abs(inner.value.toNumber());
}

/** Units of `x^n` for a whole n: repeated squaring, a few multiplications per bit of n. */
function wholePowerCost(exponent: number): number {
  return exponent <= 2 ? 2 : Math.min(60, 4 + 4 * Math.ceil(Math.log2(exponent + 1)));
}

/**
 * What one evaluation of a checked tree costs. Walks the tree once; the tree is checked first
 * (its depth and size are bounded), so the walk is bounded too.
 */
export function formulaCost(root: FormulaNode): FormulaCost {
  let costlyPowers = 0;
  const visit = (node: FormulaNode): number => {
    switch (node.kind) {
      case "number":
      case "boolean":
      case "name":
        return 0;
      case "unary":
      case "not":
        return PLAIN_COST + visit(node.operand);
      case "sum": {
        let units = visit(node.first);
        for (const link of node.rest) units += PLAIN_COST + visit(link.operand);
        return units;
      }
      case "product": {
        let units = visit(node.first);
        for (const link of node.rest) {
          units += (link.op === "/" ? DIVISION_COST : PLAIN_COST) + visit(link.operand);
        }
        return units;
      }
      case "power": {
        const whole = wholeLiteral(node.exponent);
        if (whole === null) costlyPowers++;
        const own = whole === null ? COSTLY_POWER_COST : wholePowerCost(whole);
        return own + visit(node.base) + visit(node.exponent);
      }
      case "compare":
        return PLAIN_COST + visit(node.left) + visit(node.right);
      case "logical": {
        let units = 0;
        for (const operand of node.operands) units += PLAIN_COST + visit(operand);
        return units;
      }
      case "call": {
        const own = Object.hasOwn(CALL_COST, node.name) ? CALL_COST[node.name] : PLAIN_COST;
        if (node.name === "if" && node.args.length === 3) {
          return own + visit(node.args[0]!) + Math.max(visit(node.args[1]!), visit(node.args[2]!));
        }
        let units = own;
        for (const arg of node.args) units += visit(arg);
        return units;
      }
    }
  };
  const units = visit(root);
  return { units, costlyPowers };
}
