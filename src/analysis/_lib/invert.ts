// Exact inversion along the one path from an output down to the input that varies.
import { type Decimal, ONE, PRECISION, ZERO } from "../../_lib/decimal.js";
import type { FormulaNode } from "../../formula/ast.js";
import { shortName } from "../../formula/internal.js";
import type { FormulaGraph } from "./graph.js";

export type Inversion =
  /** Every real value of the input that gives the target (one, or two for an even power). */
  | { readonly kind: "solved"; readonly candidates: readonly Decimal[] }
  /** The path passes through an operation that cannot be inverted exactly here (the caller falls back to the polynomial or numeric methods). */
  | { readonly kind: "not-invertible" }
  /** Proven: no real value gives the target. */
  | { readonly kind: "no-solution"; readonly reason: string }
  /** Every value gives the target (the path is multiplied by zero and the target is zero, …). */
  | { readonly kind: "any"; readonly reason: string };

interface Work {
  readonly node: FormulaNode;
  readonly target: Decimal;
}

/** The Decimal result of an operation, or null for NaN/±Infinity. */
const finite = (value: Decimal): Decimal | null => (value.isFinite() ? value : null);

/** The real c-th root of |t|, snapped to an exact value when one with fewer digits is exact. */
function realRoot(magnitude: Decimal, exponent: Decimal): Decimal {
  const root = magnitude.pow(ONE.div(exponent));
  if (exponent.isInteger()) {
    for (const digits of [PRECISION - 2, PRECISION - 8, 32, 16]) {
      const snapped = root.toSignificantDigits(digits);
      if (snapped.pow(exponent).eq(magnitude)) return snapped;
    }
  }
  return root;
}

/**
 * Walks from `output` to `vary`, undoing each operation on the way: `+ −` subtract the other terms,
 * `× ÷` divide or multiply by the other factors (by a non-zero value), unary minus negates, `^` with a
 * constant exponent takes the real root(s), a constant base to a varying power takes a logarithm.
 * `vary` must occur exactly once in the expanded formula; `dependsOnVary` tells which operand holds it
 * and `constant` evaluates an operand that does not.
 */
export function invert(
  graph: FormulaGraph,
  output: string,
  vary: string,
  target: Decimal,
  dependsOnVary: (node: FormulaNode) => boolean,
  constant: (node: FormulaNode) => Decimal,
): Inversion {
  if (output === vary) return { kind: "solved", candidates: [target] };
  const start = graph.formulas.get(output);
  if (start === undefined)
    return {
      kind: "no-solution",
      reason: `${shortName(output)} does not depend on ${shortName(vary)}`,
    };
  const work: Work[] = [{ node: start, target }];
  const candidates: Decimal[] = [];
  let noSolution: string | null = null;
  let anyValue: string | null = null;
  const follow = (node: FormulaNode, value: Decimal): void => {
    work.push({ node, target: value });
  };
  /** Follows `node` with `value`, or records `why` there is no solution when the value is not finite. */
  const push = (node: FormulaNode, value: Decimal | null, why: string): void => {
    if (value === null) noSolution ??= why;
    else follow(node, value);
  };
  while (work.length > 0) {
    const { node, target: goal } = work.pop()!;
    switch (node.kind) {
      case "name": {
        if (node.name === vary) candidates.push(goal);
        else follow(graph.formulas.get(node.name)!, goal);
        break;
      }
      case "unary":
        follow(node.operand, node.op === "-" ? goal.neg() : goal);
        break;
      case "sum": {
        const operands = [node.first, ...node.rest.map((link) => link.operand)];
        // Stryker disable StringLiteral: placeholders, only compared with "-" or overwritten
        const signs = ["+", ...node.rest.map((link) => link.op)];
        let others = ZERO;
        let held: FormulaNode = node.first;
        let heldSign = "+";
        // Stryker restore StringLiteral
        for (let index = 0; index < operands.length; index++) {
          const operand = operands[index]!;
          if (dependsOnVary(operand)) {
            held = operand;
            heldSign = signs[index]!;
          } else {
            const value = constant(operand);
            others = signs[index] === "-" ? others.minus(value) : others.plus(value);
          }
        }
        const rest = goal.minus(others);
        follow(held, heldSign === "-" ? rest.neg() : rest);
        break;
      }
      case "product": {
        const operands = [node.first, ...node.rest.map((link) => link.operand)];
        const ops = ["*", ...node.rest.map((link) => link.op)];
        let others = ONE;
        let held: FormulaNode = node.first;
        // Stryker disable next-line StringLiteral: a placeholder, overwritten
        let heldOp = "*";
        for (let index = 0; index < operands.length; index++) {
          const operand = operands[index]!;
          if (dependsOnVary(operand)) {
            held = operand;
            heldOp = ops[index]!;
          } else {
            const value = constant(operand);
            if (ops[index] === "/" && value.isZero()) {
              return { kind: "no-solution", reason: "a divisor is 0, so the output is undefined" };
            }
            others = ops[index] === "/" ? others.div(value) : others.times(value);
          }
        }
        if (heldOp === "*") {
          if (others.isZero()) {
            if (goal.isZero())
              anyValue ??= "the other factors multiply to 0, so every value gives 0";
            else
              noSolution ??=
                "the other factors multiply to 0, so the output is 0 whatever the value";
          } else push(held, finite(goal.div(others)), "the value is out of range");
        } else if (goal.isZero() && others.isZero()) {
          anyValue ??= "0 divided by any non-zero value is 0";
        } else if (goal.isZero()) {
          noSolution ??= "a quotient whose numerator is not 0 is never 0";
        } else if (others.isZero()) {
          noSolution ??= "the numerator is 0, so the quotient is 0 whatever the divisor";
        } else push(held, finite(others.div(goal)), "the value is out of range");
        break;
      }
      case "power": {
        if (dependsOnVary(node.base)) {
          const exponent = constant(node.exponent);
          invertPowerBase(node.base, exponent, goal);
        } else {
          const base = constant(node.base);
          // A power whose base is not positive or is 1 has no logarithm to invert by.
          if (base.lte(0) || base.eq(1)) return { kind: "not-invertible" };
          if (goal.lte(0)) noSolution ??= `${base.toString()} ^ x is always positive`;
          else push(node.exponent, finite(goal.ln().div(base.ln())), "the value is out of range");
        }
        break;
      }
      default:
        // A function call, a comparison or a condition on the path.
        return { kind: "not-invertible" };
    }
  }
  if (anyValue !== null) return { kind: "any", reason: anyValue };
  if (candidates.length > 0) return { kind: "solved", candidates };
  return { kind: "no-solution", reason: noSolution ?? "no real value gives the target" };

  function invertPowerBase(base: FormulaNode, exponent: Decimal, goal: Decimal): void {
    if (exponent.isZero()) {
      if (goal.eq(1)) anyValue ??= "x ^ 0 is 1 for every x";
      else noSolution ??= "x ^ 0 is always 1";
      return;
    }
    if (exponent.isNegative() && goal.isZero()) {
      noSolution ??= "x to a negative power is never 0";
      return;
    }
    if (goal.isZero()) {
      follow(base, ZERO);
      return;
    }
    const integer = exponent.isInteger();
    const even = integer && exponent.mod(2).isZero();
    if (goal.isNegative() && (!integer || even)) {
      noSolution ??= integer
        ? `x ^ ${exponent.toString()} is never negative`
        : "a fractional power is never negative (its base must be ≥ 0)";
      return;
    }
    const root = realRoot(goal.abs(), exponent);
    if (!root.isFinite()) {
      noSolution ??= "the value is out of range";
      return;
    }
    if (even) {
      follow(base, root);
      follow(base, root.neg());
    } else follow(base, goal.isNegative() ? root.neg() : root);
  }
}
