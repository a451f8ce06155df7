// The degree of an output as a polynomial in the varied inputs (all scaled by one common factor).
import type { Decimal } from "../../_lib/decimal.js";
import type { FormulaNode } from "../../formula/ast.js";
import { childrenOf, type FormulaGraph, formulaNodesUnder } from "./graph.js";

/** Not a polynomial (a division by, a function of, or a non-integer power of the varied inputs). */
const NOT_POLYNOMIAL = Infinity;

/** Highest degree worth tracking; anything above is treated as not a polynomial. */
const MAX_DEGREE = 64;

/**
 * The degree of `output` in t when every input in `varied` is replaced by (t × its value): 0 for a
 * constant, 1 for linear, …, or {@link NOT_POLYNOMIAL}. `constant` evaluates an operand of degree 0
 * (used for exponents). Computed per node in topological order.
 */
export function polynomialDegree(
  graph: FormulaGraph,
  output: string,
  varied: ReadonlySet<string>,
  constant: (node: FormulaNode) => Decimal,
): number {
  const degrees = new Map<string, number>();
  const ofAst = (node: FormulaNode): number => {
    switch (node.kind) {
      case "name":
        return varied.has(node.name) ? 1 : (degrees.get(node.name) ?? 0);
      case "unary":
        return ofAst(node.operand);
      case "sum":
        return Math.max(...childrenOf(node).map(ofAst));
      case "product": {
        let degree = ofAst(node.first);
        for (const link of node.rest) {
          const part = ofAst(link.operand);
          if (link.op === "/") {
            if (part !== 0) return NOT_POLYNOMIAL;
          } else degree += part;
        }
        return degree > MAX_DEGREE ? NOT_POLYNOMIAL : degree;
      }
      case "power": {
        const base = ofAst(node.base);
        if (ofAst(node.exponent) !== 0) return NOT_POLYNOMIAL;
        if (base === 0) return 0;
        const exponent = constant(node.exponent);
        if (!exponent.isInteger() || exponent.isNegative() || exponent.gt(MAX_DEGREE)) {
          return NOT_POLYNOMIAL;
        }
        const degree = base * exponent.toNumber();
        return degree > MAX_DEGREE ? NOT_POLYNOMIAL : degree;
      }
      default:
        // A number or a boolean has no children: degree 0.
        return childrenOf(node).every((child) => ofAst(child) === 0) ? 0 : NOT_POLYNOMIAL;
    }
  };
  for (const name of formulaNodesUnder(graph, output))
    degrees.set(name, ofAst(graph.formulas.get(name)!));
  return varied.has(output) ? 1 : (degrees.get(output) ?? 0);
}
