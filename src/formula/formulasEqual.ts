import { checkFormulaShape } from "./_lib/shape.js";
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
 *   `["a"]` or `["b"]`); `FORMULA_TOO_DEEP` for a built tree deeper than any formula can nest;
 *   `SHARED_NODE` for a built tree that reaches one subtree twice or contains itself (a shared
 *   leaf is fine), `TOO_MANY_NODES` past `MAX_FORMULA_NODES`, and `INVALID_NUMBER`,
 *   `NUMBER_TOO_LARGE` or `INVALID_ARGUMENT` for a built number node whose value is NaN, infinite,
 *   out of range or negative (−0 included), each with the path to the node.
 *
 * @example
 * formulasEqual(parseFormula("(a + b) * 2"), parseFormula("((a+b))×2")) //=> true
 * formulasEqual(parseFormula("a + b + c"), parseFormula("a + (b + c)")) //=> false
 */
export function formulasEqual(a: FormulaNode, b: FormulaNode): boolean {
  // Both trees are checked whole (no shared node, shape, depth), so the walk below is linear and
  // never meets a non-node.
  checkFormulaShape(a, ["a"]);
  checkFormulaShape(b, ["b"]);
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
