import { readChoice, readOptions } from "../_lib/options.js";
import { checkFormulaShape } from "./_lib/shape.js";
import { checkTypes } from "./_lib/typecheck.js";
import { shiftDecimal, UNIT_POWERS, unitOf } from "./_lib/units.js";
import type { FormulaNode } from "./ast.js";

/** Options of {@link printFormula}; an unknown key is `UNKNOWN_OPTION`. */
export interface PrintFormulaOptions {
  /**
   * `"ascii"` (default) prints `* / <= >= !=`; `"math"` prints `× ÷ ≤ ≥ ≠` for people. Both parse back
   * to the same tree.
   */
  readonly symbols?: "ascii" | "math";
}

// Binding strength, loosest first; atoms (numbers, names, calls) bind tightest.
const Level = {
  Or: 1,
  And: 2,
  Not: 3,
  Compare: 4,
  Sum: 5,
  Product: 6,
  Unary: 7,
  Power: 8,
  Atom: 9,
} as const;

const level = (node: FormulaNode): number => {
  switch (node.kind) {
    case "logical":
      return node.op === "or" ? Level.Or : Level.And;
    case "not":
      return Level.Not;
    case "compare":
      return Level.Compare;
    case "sum":
      return Level.Sum;
    case "product":
      return Level.Product;
    case "unary":
      return Level.Unary;
    case "power":
      return Level.Power;
    default:
      return Level.Atom;
  }
};

const MATH: Readonly<Record<string, string>> = {
  "*": "×",
  "/": "÷",
  "<=": "≤",
  ">=": "≥",
  "!=": "≠",
};

/**
 * Prints a tree as canonical formula text with the fewest parentheses that keep its shape, so
 * `parseFormula(printFormula(tree))` gives the same tree (positions aside). Linear in the size of
 * the tree.
 *
 * @param node - A tree from {@link parseFormula} or the node builders.
 * @param options - `symbols: "math"` prints `×`, `÷`, `≤`, `≥`, `≠`.
 * @returns The formula text.
 * @throws {TargetreeError} `INVALID_ARGUMENT` when `node` is not a formula tree, `options` is
 *   not an object or `symbols` is not `"ascii"` or `"math"` (path `["options", "symbols"]`);
 *   `UNKNOWN_OPTION` for an unknown option key; `FORMULA_TOO_DEEP` for a built tree
 *   deeper than any formula can nest; `TYPE_MISMATCH`, `UNKNOWN_FUNCTION` or `WRONG_ARITY` for a
 *   built tree that is not a valid formula;
 *   `SHARED_NODE` for a built tree that reaches one subtree twice or contains itself (a shared
 *   leaf is fine), `TOO_MANY_NODES` past `MAX_FORMULA_NODES`, and `INVALID_NUMBER`,
 *   `NUMBER_TOO_LARGE` or `INVALID_ARGUMENT` for a built number node whose value is NaN, infinite,
 *   out of range or negative (−0 included), each with the path to the node.
 *
 * @example
 * printFormula(parseFormula("((a+b))*c ÷ 2")) //=> "(a + b) * c / 2"
 * printFormula(parseFormula("a*b <= 1.2亿"), { symbols: "math" }) //=> "a × b ≤ 1.2亿"
 * printFormula(parseFormula("-(2^2) = -2^2")) //=> "-2 ^ 2 == -2 ^ 2"
 * printFormula(parseFormula("-(-(x))")) //=> "--x"
 */
export function printFormula(node: FormulaNode, options?: PrintFormulaOptions): string {
  const settings = readOptions(options, ["symbols"]);
  const symbols = readChoice(settings, "symbols", ["ascii", "math"], "ascii", ["options"]);
  checkFormulaShape(node, ["node"]);
  checkTypes(node, { name: undefined, text: undefined, path: ["node"] }, "unknown");
  const math = symbols === "math";
  const symbol = (op: string): string => (math ? (MATH[op] ?? op) : op);
  const out: string[] = [];

  const child = (inner: FormulaNode, parenthesise: boolean): void => {
    if (parenthesise) out.push("(");
    emit(inner);
    if (parenthesise) out.push(")");
  };

  const emit = (node: FormulaNode): void => {
    switch (node.kind) {
      case "number": {
        const unit = unitOf(node);
        if (unit === undefined) out.push(node.value.toString());
        else out.push(shiftDecimal(node.value, -UNIT_POWERS[unit]).toString(), unit);
        return;
      }
      case "boolean":
        out.push(node.value ? "true" : "false");
        return;
      case "name":
        out.push(node.name);
        return;
      case "unary":
        // A unary operand needs no parentheses (`--x`, `-+x`): the lexer reads `--` as two
        // minuses, and parentheses here would make a chain of n operators nest 2n deep.
        out.push(node.op);
        child(node.operand, level(node.operand) < Level.Unary);
        return;
      case "not":
        out.push("not ");
        child(node.operand, level(node.operand) < Level.Not);
        return;
      case "sum":
      case "product": {
        const own = level(node);
        child(node.first, level(node.first) < own);
        for (const link of node.rest) {
          out.push(` ${symbol(link.op)} `);
          child(link.operand, level(link.operand) <= own);
        }
        return;
      }
      case "power":
        child(node.base, level(node.base) <= Level.Power);
        out.push(" ^ ");
        child(node.exponent, level(node.exponent) < Level.Unary);
        return;
      case "compare":
        child(node.left, level(node.left) <= Level.Compare);
        out.push(` ${symbol(node.op)} `);
        child(node.right, level(node.right) <= Level.Compare);
        return;
      case "logical": {
        const own = level(node);
        node.operands.forEach((operand, index) => {
          if (index > 0) out.push(` ${node.op} `);
          child(operand, index === 0 ? level(operand) < own : level(operand) <= own);
        });
        return;
      }
      case "call":
        out.push(node.name, "(");
        node.args.forEach((arg, index) => {
          if (index > 0) out.push(", ");
          emit(arg);
        });
        out.push(")");
        return;
    }
  };

  emit(node);
  return out.join("");
}
