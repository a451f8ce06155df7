import { TargetreeError } from "../_lib/errors.js";
import { MAX_TREE_DEPTH } from "./_lib/typecheck.js";
import type { FormulaNode } from "./ast.js";

/**
 * Compares two trees by structure and values, ignoring positions (`span`). Number literals are
 * equal when their values and units are equal (`0.50` equals `0.5`).
 *
 * @param a - A tree.
 * @param b - Another tree.
 * @returns True when both denote the same formula.
 *
 * @example
 * formulasEqual(parseFormula("(a + b) * 2"), parseFormula("((a+b))×2")) //=> true
 * formulasEqual(parseFormula("a + b + c"), parseFormula("a + (b + c)")) //=> false
 */
export function formulasEqual(a: FormulaNode, b: FormulaNode): boolean {
  return equal(a, b, 0);
}

function equal(a: FormulaNode, b: FormulaNode, depth: number): boolean {
  if (a === b) return true;
  if (depth > MAX_TREE_DEPTH) {
    throw new TargetreeError(
      "FORMULA_TOO_DEEP",
      `A formula tree is deeper than ${MAX_TREE_DEPTH} levels.`,
    );
  }
  const formulasEqual = (x: FormulaNode, y: FormulaNode): boolean => equal(x, y, depth + 1);
  switch (a.kind) {
    case "number":
      return b.kind === "number" && a.unit === b.unit && a.value.eq(b.value);
    case "boolean":
      return b.kind === "boolean" && a.value === b.value;
    case "name":
      return b.kind === "name" && a.name === b.name;
    case "unary":
      return b.kind === "unary" && a.op === b.op && formulasEqual(a.operand, b.operand);
    case "not":
      return b.kind === "not" && formulasEqual(a.operand, b.operand);
    case "sum":
    case "product":
      return (
        b.kind === a.kind &&
        formulasEqual(a.first, b.first) &&
        a.rest.length === b.rest.length &&
        a.rest.every(
          (link, index) =>
            link.op === b.rest[index]!.op && formulasEqual(link.operand, b.rest[index]!.operand),
        )
      );
    case "power":
      return (
        b.kind === "power" && formulasEqual(a.base, b.base) && formulasEqual(a.exponent, b.exponent)
      );
    case "compare":
      return (
        b.kind === "compare" &&
        a.op === b.op &&
        formulasEqual(a.left, b.left) &&
        formulasEqual(a.right, b.right)
      );
    case "logical":
      return (
        b.kind === "logical" &&
        a.op === b.op &&
        a.operands.length === b.operands.length &&
        a.operands.every((operand, index) => formulasEqual(operand, b.operands[index]!))
      );
    case "call":
      return (
        b.kind === "call" &&
        a.name === b.name &&
        a.args.length === b.args.length &&
        a.args.every((arg, index) => formulasEqual(arg, b.args[index]!))
      );
  }
}
