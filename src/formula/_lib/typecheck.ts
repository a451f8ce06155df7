// Static types: numbers and conditions (booleans). A name's type is unknown in a free formula (a
// fact may be either) and a number in a model; unknown types are checked again when evaluating.
// This pass also bounds the depth of built trees, so every recursive walker after it is safe.

import { isDecimalInstance } from "../../_lib/decimal.js";
import { TargetreeError } from "../../_lib/errors.js";
import { MAX_NESTING_DEPTH } from "../../_lib/limits.js";
import type { FormulaNode } from "../ast.js";
import { arityProblem, FUNCTIONS } from "./functions.js";
import { type FormulaSource, formulaError } from "./source.js";
import { UNIT_POWERS } from "./units.js";

const COMPARE: ReadonlySet<string> = /* @__PURE__ */ new Set(["<", "<=", ">", ">=", "==", "!="]);

export type ValueType = "number" | "boolean" | "unknown";

/**
 * Deepest tree a parsed formula can have: between two counted nesting levels sit at most or, and,
 * comparison, sum, product and power nodes. Deeper built trees are refused.
 */
export const MAX_TREE_DEPTH = 8 * (MAX_NESTING_DEPTH + 1);

const noun = (type: ValueType): string =>
  type === "number" ? "a number" : "a condition (true/false)";

/** Checks every operator's operand types; returns the formula's type. */
export function checkTypes(
  root: FormulaNode,
  source: FormulaSource,
  nameType: "number" | "unknown",
): ValueType {
  let depth = 0;

  const mismatch = (node: FormulaNode, message: string): never => {
    throw formulaError("TYPE_MISMATCH", message, source, node.span);
  };

  const expect = (node: FormulaNode, wanted: "number" | "boolean", role: string): void => {
    const actual = visit(node);
    if (actual !== "unknown" && actual !== wanted) {
      mismatch(node, `${role} must be ${noun(wanted)}, but this is ${noun(actual)}.`);
    }
  };

  const same = (a: FormulaNode, b: FormulaNode, role: string): ValueType => {
    const left = visit(a);
    const right = visit(b);
    if (left !== "unknown" && right !== "unknown" && left !== right) {
      mismatch(
        b,
        `${role} must both be numbers or both be conditions; this is ${noun(right)}, the other ${noun(left)}.`,
      );
    }
    return left === "unknown" ? right : left;
  };

  const notANode = (why = "its kind is not one of the formula language"): never => {
    throw new TargetreeError(
      "INVALID_ARGUMENT",
      `Not a formula node (${why}); build trees with parseFormula or the node builders.`,
      { path: source.path },
    );
  };
  const isNode = (value: unknown): boolean => typeof value === "object" && value !== null;
  const checkShape = (node: FormulaNode): void => {
    switch (node.kind) {
      case "number":
        if (
          !isDecimalInstance(node.value) ||
          (node.unit !== undefined && !Object.hasOwn(UNIT_POWERS, node.unit))
        ) {
          notANode("a number node needs a Decimal value and a known unit");
        }
        return;
      case "boolean":
        if (typeof node.value !== "boolean") notANode("a boolean node needs a boolean value");
        return;
      case "name":
        if (typeof node.name !== "string") notANode("a name node needs a string name");
        return;
      case "unary":
        if ((node.op !== "-" && node.op !== "+") || !isNode(node.operand))
          notANode("bad unary node");
        return;
      case "not":
        if (!isNode(node.operand)) notANode("bad not node");
        return;
      case "sum":
      case "product": {
        const ops = node.kind === "sum" ? ["+", "-"] : ["*", "/"];
        if (
          !isNode(node.first) ||
          !Array.isArray(node.rest) ||
          !node.rest.every((link) => isNode(link) && ops.includes(link.op) && isNode(link.operand))
        ) {
          notANode(`bad ${node.kind} node`);
        }
        return;
      }
      case "power":
        if (!isNode(node.base) || !isNode(node.exponent)) notANode("bad power node");
        return;
      case "compare":
        if (!COMPARE.has(node.op) || !isNode(node.left) || !isNode(node.right))
          notANode("bad comparison");
        return;
      case "logical":
        if (
          (node.op !== "and" && node.op !== "or") ||
          !Array.isArray(node.operands) ||
          !node.operands.every(isNode)
        ) {
          notANode("bad logical node");
        }
        return;
      case "call":
        if (!Array.isArray(node.args) || !node.args.every(isNode)) notANode("bad call node");
        return;
      default:
        notANode();
    }
  };

  const visit = (node: FormulaNode): ValueType => {
    if (typeof node !== "object" || node === null) return notANode();
    if (++depth > MAX_TREE_DEPTH) {
      throw formulaError(
        "FORMULA_TOO_DEEP",
        `the formula tree is deeper than ${MAX_TREE_DEPTH} levels.`,
        source,
        node.span,
      );
    }
    checkShape(node);
    let type: ValueType;
    switch (node.kind) {
      case "number":
        type = "number";
        break;
      case "boolean":
        type = "boolean";
        break;
      case "name":
        type = nameType;
        break;
      case "unary":
        expect(node.operand, "number", `the operand of unary ${node.op}`);
        type = "number";
        break;
      case "not":
        expect(node.operand, "boolean", 'the operand of "not"');
        type = "boolean";
        break;
      case "sum":
      case "product":
        expect(node.first, "number", `each operand of ${node.rest[0]?.op ?? "+"}`);
        for (const link of node.rest) expect(link.operand, "number", `each operand of ${link.op}`);
        type = "number";
        break;
      case "power":
        expect(node.base, "number", "the base of ^");
        expect(node.exponent, "number", "the exponent of ^");
        type = "number";
        break;
      case "compare":
        if (node.op === "==" || node.op === "!=") {
          same(node.left, node.right, `the two sides of ${node.op}`);
        } else {
          expect(node.left, "number", `the left side of ${node.op}`);
          expect(node.right, "number", `the right side of ${node.op}`);
        }
        type = "boolean";
        break;
      case "logical":
        for (const operand of node.operands) {
          expect(operand, "boolean", `each operand of "${node.op}"`);
        }
        type = "boolean";
        break;
      case "call": {
        const spec = FUNCTIONS.get(node.name);
        if (spec === undefined) {
          throw formulaError("UNKNOWN_FUNCTION", "unknown function.", source, node.span);
        }
        const problem = arityProblem(spec, node.args.length);
        if (problem !== null) throw formulaError("WRONG_ARITY", problem, source, node.span);
        if (node.name === "if") {
          const [condition, then, otherwise] = node.args as [FormulaNode, FormulaNode, FormulaNode];
          expect(condition, "boolean", "the condition of if");
          type = same(then, otherwise, "the two branches of if");
        } else {
          for (let index = 0; index < node.args.length; index++) {
            expect(node.args[index]!, "number", `argument ${index + 1} of ${node.name}`);
          }
          type = "number";
        }
        break;
      }
      default:
        return notANode();
    }
    depth--;
    return type;
  };

  return visit(root);
}
