// Compiles a model formula into closures over an array of slot values. Names are resolved to slots
// and literals to constants once, here; evaluation is then plain closure calls. No code is ever
// generated from text.
import type { Decimal } from "../../_lib/decimal.js";
import type { CallNode, ChainLink, FormulaNode } from "../../formula/ast.js";
import type { Arguments, FormulaSource } from "../../formula/internal.js";
import {
  add,
  buildCall,
  callType,
  compareNumbers,
  divide,
  multiply,
  negate,
  power,
  subtract,
} from "../../formula/internal.js";

/** A compiled numeric formula: reads earlier slots, returns this node's value. */
export type NumberFn = (values: readonly Decimal[]) => Decimal;
type ConditionFn = (values: readonly Decimal[]) => boolean;

/** True for a tree whose value is a condition (in a model, names are numbers). */
export function isCondition(node: FormulaNode): boolean {
  switch (node.kind) {
    case "boolean":
    case "not":
    case "compare":
    case "logical":
      return true;
    case "call":
      return callType(node, (arg) => (isCondition(arg) ? "boolean" : "number")) === "boolean";
    default:
      return false;
  }
}

/**
 * Compiles a type-checked numeric tree. `slotOf` maps every name to its slot (names in a model are
 * numbers, so no runtime type checks are needed).
 */
export function compileNumber(
  root: FormulaNode,
  slotOf: ReadonlyMap<string, number>,
  source: FormulaSource,
): NumberFn {
  const number = (node: FormulaNode): NumberFn => {
    switch (node.kind) {
      case "number": {
        const value = node.value;
        return () => value;
      }
      case "name": {
        const slot = slotOf.get(node.name)!;
        return (values) => values[slot]!;
      }
      case "unary": {
        const operand = number(node.operand);
        return node.op === "-" ? (values) => negate(operand(values)) : operand;
      }
      case "sum":
        return chain(node.first, node.rest, (link, operand) =>
          link.op === "+"
            ? (total, values) => add(total, operand(values), link.operand, source)
            : (total, values) => subtract(total, operand(values), link.operand, source),
        );
      case "product":
        return chain(node.first, node.rest, (link, operand) =>
          link.op === "*"
            ? (total, values) => multiply(total, operand(values), link.operand, source)
            : (total, values) => divide(total, operand(values), link.operand, source),
        );
      case "power": {
        const base = number(node.base);
        const exponent = number(node.exponent);
        return (values) => power(base(values), exponent(values), node, source);
      }
      case "call":
        return call(node);
      default:
        // Conditions never reach a numeric position in a type-checked model formula.
        throw new TypeError(`Unexpected ${node.kind} in a numeric position.`);
    }
  };

  type Step = (total: Decimal, values: readonly Decimal[]) => Decimal;

  const chain = <Link extends ChainLink<string>>(
    first: FormulaNode,
    rest: readonly Link[],
    step: (link: Link, operand: NumberFn) => Step,
  ): NumberFn => {
    const head = number(first);
    const steps = rest.map((link) => step(link, number(link.operand)));
    // Stryker disable next-line BlockStatement: a fast path; the loop below agrees
    if (steps.length === 1) {
      const only = steps[0]!;
      return (values) => only(head(values), values);
    }
    return (values) => {
      let total = head(values);
      for (let i = 0; i < steps.length; i++) total = steps[i]!(total, values);
      return total;
    };
  };

  const condition = (node: FormulaNode): ConditionFn => {
    switch (node.kind) {
      case "boolean": {
        const value = node.value;
        return () => value;
      }
      case "not": {
        const operand = condition(node.operand);
        return (values) => !operand(values);
      }
      case "compare": {
        const op = node.op;
        if (isCondition(node.left)) {
          // == and != between two conditions (the type check allows nothing else here).
          const left = condition(node.left);
          const right = condition(node.right);
          return op === "=="
            ? (values) => left(values) === right(values)
            : (values) => left(values) !== right(values);
        }
        const left = number(node.left);
        const right = number(node.right);
        return (values) => compareNumbers(op, left(values), right(values));
      }
      case "call":
        // A call whose value is a condition (an if whose branches are conditions).
        return buildCall(node, callArguments(node), source) as ConditionFn;
      case "logical": {
        const operands = node.operands.map(condition);
        return node.op === "and"
          ? (values) => operands.every((operand) => operand(values))
          : (values) => operands.some((operand) => operand(values));
      }
      default:
        throw new TypeError(`Unexpected ${node.kind} in a condition.`);
    }
  };

  // Each function's table entry builds the call from its arguments, compiled once, here, by type.
  const callArguments = (node: CallNode): Arguments<readonly Decimal[]> => ({
    count: node.args.length,
    number: (index) => number(node.args[index]!),
    condition: (index) => condition(node.args[index]!),
    value: (index) => {
      const arg = node.args[index]!;
      return isCondition(arg) ? condition(arg) : number(arg);
    },
  });

  const call = (node: CallNode): NumberFn =>
    buildCall(node, callArguments(node), source) as NumberFn;

  return number(root);
}
