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
 * @throws {TargetreeError} The errors of {@link parseFormula} when given text.
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
