import { checkTree } from "./_lib/typecheck.js";
import { unitOf } from "./_lib/units.js";
import type { FormulaNode } from "./ast.js";

/**
 * Compares two trees by structure and values, ignoring positions (`span`). Number literals are
 * equal when their values and units are equal (`0.50` equals `0.5`).
 *
 * @param a - A tree.
 * @param b - Another tree.
 * @returns True when both denote the same formula.
 * @throws {TargetreeError} `INVALID_ARGUMENT` when either argument is not a formula tree (path
 *   `["a"]` or `["b"]`); `FORMULA_TOO_DEEP` for a built tree deeper than any formula can nest.
 *
 * @example
 * formulasEqual(parseFormula("(a + b) * 2"), parseFormula("((a+b))×2")) //=> true
 * formulasEqual(parseFormula("a + b + c"), parseFormula("a + (b + c)")) //=> false
 */
export function formulasEqual(a: FormulaNode, b: FormulaNode): boolean {
  // Both trees are checked whole (shape and depth), so the walk below never meets a non-node.
  checkTree(a, ["a"]);
  checkTree(b, ["b"]);
  return equal(a, b);
}

function equal(a: FormulaNode, b: FormulaNode): boolean {
  // Stryker disable next-line ConditionalExpression: a shortcut; the comparison below agrees
  if (a === b) return true;
  switch (a.kind) {
    case "number":
      return b.kind === "number" && unitOf(a) === unitOf(b) && a.value.eq(b.value);
    case "boolean":
      return b.kind === "boolean" && a.value === b.value;
    case "name":
      return b.kind === "name" && a.name === b.name;
    case "unary":
      return b.kind === "unary" && a.op === b.op && equal(a.operand, b.operand);
    case "not":
      return b.kind === "not" && equal(a.operand, b.operand);
    case "sum":
    case "product":
      return (
        b.kind === a.kind &&
        equal(a.first, b.first) &&
        a.rest.length === b.rest.length &&
        a.rest.every(
          (link, index) =>
            link.op === b.rest[index]!.op && equal(link.operand, b.rest[index]!.operand),
        )
      );
    case "power":
      return b.kind === "power" && equal(a.base, b.base) && equal(a.exponent, b.exponent);
    case "compare":
      return (
        b.kind === "compare" && a.op === b.op && equal(a.left, b.left) && equal(a.right, b.right)
      );
    case "logical":
      return (
        b.kind === "logical" &&
        a.op === b.op &&
        a.operands.length === b.operands.length &&
        a.operands.every((operand, index) => equal(operand, b.operands[index]!))
      );
    case "call":
      return (
        b.kind === "call" &&
        a.name === b.name &&
        a.args.length === b.args.length &&
        a.args.every((arg, index) => equal(arg, b.args[index]!))
      );
  }
}
