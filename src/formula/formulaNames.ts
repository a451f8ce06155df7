import { checkFormulaShape } from "./_lib/shape.js";
import { checkTypes } from "./_lib/typecheck.js";
import type { FormulaNode } from "./ast.js";
import { parseFormula } from "./parseFormula.js";

/**
 * The names a formula refers to (inputs, facts, model nodes), each once, in order of first
 * appearance. Function names are not included.
 *
 * @param formula - Formula text or a parsed tree.
 * @returns The names, NFC-normalised.
 * @throws {TargetreeError} The errors of {@link parseFormula} when given text; for a tree,
 *   `SHARED_NODE` for a built tree that reaches one subtree twice or contains itself (a shared
 *   leaf is fine), `TOO_MANY_NODES` past `MAX_FORMULA_NODES`, and `INVALID_NUMBER`,
 *   `NUMBER_TOO_LARGE` or `INVALID_ARGUMENT` for a built number node whose value is NaN, infinite,
 *   out of range or negative (−0 included), each with the path to the node.
 *
 * @example
 * formulaNames("stuckDays > 7 and not escalated or stuckDays > 30") //=> ["stuckDays", "escalated"]
 * formulaNames("max(新客户数, 0) * 客单价") //=> ["新客户数", "客单价"]
 */
export function formulaNames(formula: string | FormulaNode): string[] {
  const tree = typeof formula === "string" ? parseFormula(formula) : formula;
  if (typeof formula !== "string") {
    checkFormulaShape(tree, ["formula"]);
    checkTypes(tree, { name: undefined, text: undefined, path: ["formula"] }, "unknown");
  }
  const seen = new Set<string>();
  const visit = (node: FormulaNode): void => {
    switch (node.kind) {
      case "name":
        seen.add(node.name);
        return;
      case "number":
      case "boolean":
        return;
      case "unary":
      case "not":
        visit(node.operand);
        return;
      case "sum":
      case "product":
        visit(node.first);
        for (const link of node.rest) visit(link.operand);
        return;
      case "power":
        visit(node.base);
        visit(node.exponent);
        return;
      case "compare":
        visit(node.left);
        visit(node.right);
        return;
      case "logical":
        for (const operand of node.operands) visit(operand);
        return;
      case "call":
        for (const arg of node.args) visit(arg);
        return;
    }
  };
  visit(tree);
  return [...seen];
}
