// The interpreter: one exhaustive switch over node kinds. It never turns text into code; names go
// through the caller's `lookup`, functions through their entries in the function table (functions.ts).
import type { Decimal } from "../../_lib/decimal.js";
import type { ErrorPath } from "../../_lib/errors.js";
import type { CallNode, FormulaNode, NameNode } from "../ast.js";
import { add, compareNumbers, divide, multiply, negate, power, subtract } from "./arithmetic.js";
import { buildCall, type Value } from "./functions.js";
import { type FormulaSource, formulaError, spanOf } from "./source.js";

export type { Value };

export interface Scope {
  readonly source: FormulaSource;
  /** The value of a name; throws when the name is unknown. */
  lookup(node: NameNode): Value;
  /** Where a name's value sits in the caller's input, for an error about its type. */
  pathOf?(node: NameNode): ErrorPath;
}

const describe = (value: Value): string =>
  typeof value === "boolean" ? `the condition ${value}` : "a number";

/** Evaluates a type-checked tree. Dynamic checks cover names whose type was unknown statically. */
export function interpret(root: FormulaNode, scope: Scope): Value {
  const { source } = scope;

  /** An error about a value of the wrong type: at the fact's path when the value is a name's. */
  const mismatch = (message: string, culprit: FormulaNode, at: FormulaNode = culprit) =>
    formulaError(
      "TYPE_MISMATCH",
      message,
      culprit.kind === "name" && scope.pathOf !== undefined
        ? { ...source, path: scope.pathOf(culprit) }
        : source,
      spanOf(at),
    );

  const numberOf = (node: FormulaNode): Decimal => {
    const value = visit(node);
    if (typeof value === "boolean") {
      throw mismatch(`a number is needed here, but this is ${describe(value)}.`, node);
    }
    return value;
  };

  const booleanOf = (node: FormulaNode): boolean => {
    const value = visit(node);
    if (typeof value !== "boolean") {
      throw mismatch("a condition (true/false) is needed here, but this is a number.", node);
    }
    return value;
  };

  const visit = (node: FormulaNode): Value => {
    switch (node.kind) {
      case "number":
        return node.value;
      case "boolean":
        return node.value;
      case "name":
        return scope.lookup(node);
      case "unary": {
        const operand = numberOf(node.operand);
        return node.op === "-" ? negate(operand) : operand;
      }
      case "not":
        return !booleanOf(node.operand);
      case "sum": {
        let total = numberOf(node.first);
        for (const link of node.rest) {
          const term = numberOf(link.operand);
          total =
            link.op === "+"
              ? add(total, term, link.operand, source)
              : subtract(total, term, link.operand, source);
        }
        return total;
      }
      case "product": {
        let total = numberOf(node.first);
        for (const link of node.rest) {
          const factor = numberOf(link.operand);
          total =
            link.op === "*"
              ? multiply(total, factor, link.operand, source)
              : divide(total, factor, link.operand, source);
        }
        return total;
      }
      case "power":
        return power(numberOf(node.base), numberOf(node.exponent), node, source);
      case "compare": {
        const left = visit(node.left);
        const right = visit(node.right);
        if (typeof left === "boolean" || typeof right === "boolean") {
          if (typeof left !== typeof right || (node.op !== "==" && node.op !== "!=")) {
            // The culprit: a condition under < <= > >=; for == and != the side that is a name.
            const ordering = node.op !== "==" && node.op !== "!=";
            const culprit = ordering
              ? typeof left === "boolean"
                ? node.left
                : node.right
              : node.right.kind === "name"
                ? node.right
                : node.left;
            throw mismatch(
              `${node.op} compares ${describe(left)} with ${describe(right)}.`,
              culprit,
              node,
            );
          }
          return node.op === "==" ? left === right : left !== right;
        }
        return compareNumbers(node.op, left, right);
      }
      case "logical": {
        // Short-circuit: later operands are not evaluated (nor their errors raised).
        const stopOn = node.op === "or";
        for (const operand of node.operands) {
          if (booleanOf(operand) === stopOn) return stopOn;
        }
        return !stopOn;
      }
      case "call":
        return call(node);
    }
  };

  // The function's table entry builds the call over closures that evaluate (and type-check)
  // each argument when the entry asks for it, so `if` stays lazy.
  const call = (node: CallNode): Value => {
    const { args } = node;
    return buildCall<void>(
      node,
      {
        count: args.length,
        number: (index) => () => numberOf(args[index]!),
        condition: (index) => () => booleanOf(args[index]!),
        value: (index) => () => visit(args[index]!),
      },
      source,
    )();
  };

  return visit(root);
}
