// The first check of a tree a caller hands in (evaluateFormula, printFormula, formulaNames,
// formulasEqual): no shared subtree and no cycle, at most MAX_FORMULA_NODES places, and every
// literal's value valid, each refused with the path to the node. Parsed trees need none of it: the
// parser makes every node once, and the text's length bounds their number.
import { isDecimalInstance } from "../../_lib/decimal.js";
import type { ErrorPath } from "../../_lib/errors.js";
import { MAX_FORMULA_NODES } from "../../_lib/limits.js";
import { own } from "../../_lib/records.js";
import { type ChildrenOf, checkTreeShape, type Steps } from "../../_lib/treeShape.js";
import { literalProblem } from "./literal.js";

const eachIn = (node: object, key: string, visit: (child: unknown) => void, field?: string) => {
  const list = own(node, key);
  if (!Array.isArray(list)) return;
  for (let i = 0; i < list.length; i++) {
    const item: unknown = list[i];
    if (field === undefined) visit(item);
    else visit(typeof item === "object" && item !== null ? own(item, field) : undefined);
  }
};

/** The operands of a node, read by kind from its own fields, without trusting its shape. */
const formulaChildren: ChildrenOf = {
  each(node, visit) {
    switch (own(node, "kind")) {
      case "unary":
      case "not":
        visit(own(node, "operand"));
        return;
      case "sum":
      case "product":
        visit(own(node, "first"));
        eachIn(node, "rest", visit, "operand");
        return;
      case "power":
        visit(own(node, "base"));
        visit(own(node, "exponent"));
        return;
      case "compare":
        visit(own(node, "left"));
        visit(own(node, "right"));
        return;
      case "logical":
        eachIn(node, "operands", visit);
        return;
      case "call":
        eachIn(node, "args", visit);
        return;
    }
  },
  steps(node, index): Steps {
    switch (own(node, "kind")) {
      case "sum":
      case "product":
        return index === 0 ? ["first"] : ["rest", index - 1, "operand"];
      case "power":
        return [index === 0 ? "base" : "exponent"];
      case "compare":
        return [index === 0 ? "left" : "right"];
      case "logical":
        return ["operands", index];
      case "call":
        return ["args", index];
      default:
        return ["operand"];
    }
  },
};

/**
 * Refuses a hand-built tree with a shared subtree or a cycle (`SHARED_NODE`), more than
 * MAX_FORMULA_NODES places (`TOO_MANY_NODES`), or a number node whose Decimal is not finite, ≥ 0
 * and within the limits (`INVALID_NUMBER`, `NUMBER_TOO_LARGE`, `INVALID_ARGUMENT`), at the path of
 * the node from `path`. The shape of each node is checked afterwards, by the type check.
 */
export function checkFormulaShape(root: unknown, path: ErrorPath): void {
  checkTreeShape(root, {
    path,
    limit: MAX_FORMULA_NODES,
    what: "formula tree",
    children: formulaChildren,
    check: (node) => {
      if (own(node, "kind") !== "number") return null;
      const value = own(node, "value");
      // A value that is no Decimal at all is a malformed node, refused by the shape check.
      if (!isDecimalInstance(value)) return null;
      const problem = literalProblem(value);
      return problem === null ? null : (at) => problem([...at, "value"]);
    },
  });
}
