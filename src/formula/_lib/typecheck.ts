// Static types: numbers and conditions (booleans). A name's type is unknown in a free formula (a
// fact may be either) and a number in a model; unknown types are checked again when evaluating.
// This pass also bounds the depth of built trees, so every recursive walker after it is safe.

import { isDecimalInstance } from "../../_lib/decimal.js";
import { type ErrorPath, TargetreeError } from "../../_lib/errors.js";
import { MAX_COSTLY_POWERS, MAX_NESTING_DEPTH } from "../../_lib/limits.js";
import { own } from "../../_lib/records.js";
import type { FormulaNode } from "../ast.js";
import { arityProblem, functionEntry, type ValueType } from "./functions.js";
import { type FormulaSource, formulaError, spanOf } from "./source.js";
import { UNIT_POWERS, unitOf } from "./units.js";

const COMPARE: ReadonlySet<string> = /* @__PURE__ */ new Set(["<", "<=", ">", ">=", "==", "!="]);

/**
 * Deepest tree a parsed formula can have: between two counted nesting levels sit at most or, and,
 * comparison, sum, product and power nodes. Deeper built trees are refused.
 */
export const MAX_TREE_DEPTH = /* @__PURE__ */ (() => 8 * (MAX_NESTING_DEPTH + 1))();

/** `2`, `-3`, `+4`: an exponent `^` raises to by repeated multiplication, which is cheap. */
const isWholeLiteral = (node: FormulaNode): boolean => {
  let inner = node;
  while (inner.kind === "unary") inner = inner.operand;
  return (
    inner.kind === "number" &&
    unitOf(inner) === undefined &&
    isDecimalInstance(inner.value) &&
    inner.value.isInteger()
  );
};

const noun = (type: ValueType): string =>
  type === "number" ? "a number" : "a condition (true/false)";

/** Checks every operator's operand types; returns the formula's type. */
export function checkTypes(
  root: FormulaNode,
  source: FormulaSource,
  nameType: "number" | "unknown",
): ValueType {
  let depth = 0;
  let costlyPowers = 0;

  const mismatch = (node: FormulaNode, message: string): never => {
    throw formulaError("TYPE_MISMATCH", message, source, spanOf(node));
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

  const notANode = (why?: string): never => {
    throw notAFormulaNode(source.path, why);
  };

  const visit = (node: FormulaNode): ValueType => {
    if (typeof node !== "object" || node === null) return notANode("it is not an object");
    const problem = shapeProblem(node);
    if (problem !== null) notANode(problem);
    if (++depth > MAX_TREE_DEPTH) {
      throw formulaError(
        "FORMULA_TOO_DEEP",
        `the formula tree is deeper than ${MAX_TREE_DEPTH} levels.`,
        source,
        spanOf(node),
      );
    }
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
        // After the visit above, the exponent is a well-formed tree of bounded depth.
        if (!isWholeLiteral(node.exponent) && ++costlyPowers > MAX_COSTLY_POWERS) {
          throw formulaError(
            "FORMULA_TOO_COSTLY",
            `the formula has more than ${MAX_COSTLY_POWERS} powers whose exponent is not a whole-number literal; each costs about a millisecond, so split the formula or simplify it.`,
            source,
            spanOf(node),
          );
        }
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
        const entry = functionEntry(node.name);
        if (entry === undefined) {
          throw formulaError("UNKNOWN_FUNCTION", "unknown function.", source, spanOf(node));
        }
        const problem = arityProblem(entry, node.args.length);
        if (problem !== null) throw formulaError("WRONG_ARITY", problem, source, spanOf(node));
        const { args } = node;
        type = entry.type({
          name: node.name,
          count: args.length,
          expect: (index, wanted, role) => expect(args[index]!, wanted, role),
          same: (first, second, role) => same(args[first]!, args[second]!, role),
        });
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

const notAFormulaNode = (path: ErrorPath, why = "its kind is not one of the formula language") =>
  new TargetreeError(
    "INVALID_ARGUMENT",
    `Not a formula node (${why}); build trees with parseFormula or the node builders.`,
    { path },
  );

const isObject = (value: unknown): boolean => typeof value === "object" && value !== null;

/** True for a position in a text: whole numbers with 0 ≤ start ≤ end. */
function isSpan(span: unknown): boolean {
  if (!isObject(span)) return false;
  const { start, end } = span as { start?: unknown; end?: unknown };
  return (
    Number.isSafeInteger(start) &&
    Number.isSafeInteger(end) &&
    (start as number) >= 0 &&
    (start as number) <= (end as number)
  );
}

/** The fields each kind of node must have as its own properties. */
const FIELDS: Readonly<Record<string, readonly string[]>> = {
  number: ["value"],
  boolean: ["value"],
  name: ["name"],
  unary: ["op", "operand"],
  not: ["operand"],
  sum: ["first", "rest"],
  product: ["first", "rest"],
  power: ["base", "exponent"],
  compare: ["op", "left", "right"],
  logical: ["op", "operands"],
  call: ["name", "args"],
};

/**
 * What is wrong with one node's own fields (not its children's), or null. Only own properties
 * count: a field planted on Object.prototype neither completes a node nor changes one.
 */
function shapeProblem(node: FormulaNode): string | null {
  const kind = own(node, "kind");
  const fields = typeof kind === "string" && Object.hasOwn(FIELDS, kind) ? FIELDS[kind] : undefined;
  if (fields === undefined) return "its kind is not one of the formula language";
  const missing = fields.find((field) => !Object.hasOwn(node, field));
  if (missing !== undefined) return `a ${kind} node needs its own ${missing}`;
  const span = spanOf(node);
  if (span !== undefined && !isSpan(span)) {
    return "a span needs whole-number positions with 0 ≤ start ≤ end";
  }
  switch (node.kind) {
    case "number": {
      const unit = unitOf(node);
      return !isDecimalInstance(node.value) ||
        (unit !== undefined && !Object.hasOwn(UNIT_POWERS, unit))
        ? "a number node needs a Decimal value and a known unit"
        : null;
    }
    case "boolean":
      return typeof node.value === "boolean" ? null : "a boolean node needs a boolean value";
    case "name":
      return typeof node.name === "string" ? null : "a name node needs a string name";
    case "unary":
      return (node.op === "-" || node.op === "+") && isObject(node.operand)
        ? null
        : "bad unary node";
    case "not":
      return isObject(node.operand) ? null : "bad not node";
    case "sum":
    case "product": {
      const ops = node.kind === "sum" ? ["+", "-"] : ["*", "/"];
      return isObject(node.first) &&
        Array.isArray(node.rest) &&
        node.rest.every(
          (link) =>
            isObject(link) &&
            Object.hasOwn(link, "op") &&
            Object.hasOwn(link, "operand") &&
            ops.includes(link.op) &&
            isObject(link.operand),
        )
        ? null
        : `bad ${node.kind} node`;
    }
    case "power":
      return isObject(node.base) && isObject(node.exponent) ? null : "bad power node";
    case "compare":
      return COMPARE.has(node.op) && isObject(node.left) && isObject(node.right)
        ? null
        : "bad comparison";
    case "logical":
      return (node.op === "and" || node.op === "or") &&
        Array.isArray(node.operands) &&
        node.operands.every(isObject)
        ? null
        : "bad logical node";
    case "call":
      return typeof node.name === "string" && Array.isArray(node.args) && node.args.every(isObject)
        ? null
        : "bad call node";
    default:
      return "its kind is not one of the formula language";
  }
}

/** The direct operands of a node whose shape is valid. */
export function childrenOf(node: FormulaNode): readonly FormulaNode[] {
  switch (node.kind) {
    case "unary":
    case "not":
      return [node.operand];
    case "sum":
    case "product":
      return [node.first, ...node.rest.map((link) => link.operand)];
    case "power":
      return [node.base, node.exponent];
    case "compare":
      return [node.left, node.right];
    case "logical":
      return node.operands;
    case "call":
      return node.args;
    default:
      return [];
  }
}

/**
 * Checks that a value is a well-formed formula tree (every node's kind and fields, spans, and a
 * depth within MAX_TREE_DEPTH), without checking operand types: `INVALID_ARGUMENT` at `path`
 * otherwise, `FORMULA_TOO_DEEP` for a tree deeper than any formula can nest.
 */
export function checkTree(root: unknown, path: ErrorPath): asserts root is FormulaNode {
  const visit = (node: unknown, depth: number): void => {
    if (!isObject(node)) throw notAFormulaNode(path, "it is not an object");
    if (depth > MAX_TREE_DEPTH) {
      throw new TargetreeError(
        "FORMULA_TOO_DEEP",
        `A formula tree is deeper than ${MAX_TREE_DEPTH} levels.`,
        { path },
      );
    }
    const problem = shapeProblem(node as FormulaNode);
    if (problem !== null) throw notAFormulaNode(path, problem);
    for (const child of childrenOf(node as FormulaNode)) visit(child, depth + 1);
  };
  visit(root, 1);
}
