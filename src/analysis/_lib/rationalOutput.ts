// A model output evaluated in exact rationals, for Shapley's `exact` fractions: + − × ÷, whole
// powers, min, max, abs, if, round, floor, ceil and comparisons keep a rational exact; a power with
// a fractional exponent and sqrt do not, and then there is no exact value, only a reason.
import type { Decimal } from "../../_lib/decimal.js";
import { pow10, type Rational, reduce, toScaled } from "../../_lib/exact/index.js";
import type { FormulaNode } from "../../formula/ast.js";
import { childrenOf, type FormulaGraph, formulaNodesUnder } from "./graph.js";

/** The most bits a numerator or denominator may grow to before the exact value is given up. */
const MAX_BITS = 16_384;

/** Why an output has no exact rational value (a fractional power, sqrt, too many digits). */
export class NotRational extends Error {}

/** A Decimal as the exact rational it is. */
export function rationalOf(value: Decimal): Rational {
  const { mantissa, scale } = toScaled(value);
  return scale >= 0
    ? { num: mantissa, den: pow10(scale) }
    : { num: mantissa * pow10(-scale), den: 1n };
}

const bits = (value: bigint): number => (value < 0n ? -value : value).toString(16).length * 4;

function bounded(value: Rational): Rational {
  const reduced = reduce(value);
  if (bits(reduced.num) > MAX_BITS || bits(reduced.den) > MAX_BITS) {
    throw new NotRational(
      `its exact fractions grow past ${Math.floor(MAX_BITS * Math.log10(2))} digits`,
    );
  }
  return reduced;
}

const add = (a: Rational, b: Rational): Rational =>
  bounded({ num: a.num * b.den + b.num * a.den, den: a.den * b.den });
const negate = (a: Rational): Rational => ({ num: -a.num, den: a.den });
const multiply = (a: Rational, b: Rational): Rational =>
  bounded({ num: a.num * b.num, den: a.den * b.den });
function divide(a: Rational, b: Rational): Rational {
  if (b.num === 0n) throw new NotRational("it divides by zero");
  return bounded({ num: a.num * b.den, den: a.den * b.num });
}
const compare = (a: Rational, b: Rational): number => {
  const left = a.num * b.den;
  const right = b.num * a.den;
  return left === right ? 0 : left > right ? 1 : -1;
};

/** `value` to a whole number: half away from zero (round), toward −∞ (floor) or +∞ (ceil). */
function toWhole(value: Rational, mode: "round" | "floor" | "ceil"): bigint {
  const { num, den } = value;
  const floor = num >= 0n ? num / den : -((-num + den - 1n) / den);
  if (mode === "floor") return floor;
  if (mode === "ceil") return floor * den === num ? floor : floor + 1n;
  // Half-up (away from zero) as decimal.js's ROUND_HALF_UP: compare the fraction with 1/2.
  const twice = 2n * (num - floor * den);
  if (twice > den) return floor + 1n;
  if (twice < den) return floor;
  return num >= 0n ? floor + 1n : floor;
}

function roundTo(value: Rational, digits: Rational, mode: "round" | "floor" | "ceil"): Rational {
  if (digits.den !== 1n) throw new NotRational("a rounding has fractional digits");
  const places = Number(digits.num);
  const scale: Rational =
    places >= 0 ? { num: pow10(places), den: 1n } : { num: 1n, den: pow10(-places) };
  const whole = toWhole(multiply(value, scale), mode);
  return bounded({ num: whole * scale.den, den: scale.num });
}

function power(base: Rational, exponent: Rational): Rational {
  if (exponent.den !== 1n) {
    throw new NotRational("it raises a value to a fractional power, which has no exact fraction");
  }
  const n = exponent.num < 0n ? -exponent.num : exponent.num;
  const { num, den } = reduce(base);
  if (n > 1000n || (bits(num) + bits(den)) * Number(n) > 2 * MAX_BITS) {
    throw new NotRational(
      `its exact fractions grow past ${Math.floor(MAX_BITS * Math.log10(2))} digits`,
    );
  }
  // A reduced fraction's powers stay reduced.
  const raised: Rational = { num: num ** n, den: den ** n };
  return exponent.num < 0n ? divide({ num: 1n, den: 1n }, raised) : bounded(raised);
}

/**
 * An evaluator of `output` in rationals from input values (rationals by name); it throws
 * NotRational, with the reason, where the output has no exact rational value.
 */
export function rationalEvaluator(
  graph: FormulaGraph,
  output: string,
): (inputs: ReadonlyMap<string, Rational>) => Rational {
  const nodes = formulaNodesUnder(graph, output);
  return (inputs) => {
    const known = new Map<string, Rational>(inputs);
    const visit = (node: FormulaNode): Rational | boolean => {
      switch (node.kind) {
        case "number":
          return rationalOf(node.value);
        case "boolean":
          return node.value;
        case "name":
          return known.get(node.name)!;
        case "unary": {
          const operand = visit(node.operand) as Rational;
          return node.op === "-" ? negate(operand) : operand;
        }
        case "not":
          return !visit(node.operand);
        case "sum": {
          let total = visit(node.first) as Rational;
          for (const link of node.rest) {
            const term = visit(link.operand) as Rational;
            total = add(total, link.op === "+" ? term : negate(term));
          }
          return total;
        }
        case "product": {
          let total = visit(node.first) as Rational;
          for (const link of node.rest) {
            const factor = visit(link.operand) as Rational;
            total = link.op === "*" ? multiply(total, factor) : divide(total, factor);
          }
          return total;
        }
        case "power":
          return power(visit(node.base) as Rational, visit(node.exponent) as Rational);
        case "compare": {
          const left = visit(node.left);
          const right = visit(node.right);
          if (typeof left === "boolean" || typeof right === "boolean") {
            return node.op === "==" ? left === right : left !== right;
          }
          const order = compare(left, right);
          switch (node.op) {
            case "<":
              return order < 0;
            case "<=":
              return order <= 0;
            case ">":
              return order > 0;
            case ">=":
              return order >= 0;
            case "==":
              return order === 0;
            default:
              return order !== 0;
          }
        }
        case "logical": {
          const stopOn = node.op === "or";
          for (const operand of node.operands) if (visit(operand) === stopOn) return stopOn;
          return !stopOn;
        }
        case "call":
          return call(node.name, node.args, visit);
      }
    };
    for (const name of nodes) known.set(name, visit(graph.formulas.get(name)!) as Rational);
    return known.get(output)!;
  };
}

function call(
  name: string,
  args: readonly FormulaNode[],
  visit: (node: FormulaNode) => Rational | boolean,
): Rational | boolean {
  switch (name) {
    case "if":
      return visit(args[0]!) ? visit(args[1]!) : visit(args[2]!);
    case "min":
    case "max": {
      const sign = name === "max" ? 1 : -1;
      let best = visit(args[0]!) as Rational;
      for (let i = 1; i < args.length; i++) {
        const value = visit(args[i]!) as Rational;
        if (compare(value, best) === sign) best = value;
      }
      return best;
    }
    case "abs": {
      const value = visit(args[0]!) as Rational;
      return value.num < 0n ? negate(value) : value;
    }
    case "round":
    case "floor":
    case "ceil": {
      const value = visit(args[0]!) as Rational;
      const digits = args.length > 1 ? (visit(args[1]!) as Rational) : { num: 0n, den: 1n };
      return roundTo(value, digits, name);
    }
    default:
      throw new NotRational(`it calls ${name}, whose result has no exact fraction in general`);
  }
}

/** True for a whole-number literal under signs (`2`, `-3`). */
function isWholeLiteral(node: FormulaNode): boolean {
  let inner = node;
  while (inner.kind === "unary") inner = inner.operand;
  return inner.kind === "number" && inner.value.isInteger();
}

/**
 * Why `output` cannot be evaluated in rationals, seen from its formulas alone (sqrt, or a power
 * whose exponent is not a whole-number literal), or null when it can be tried.
 */
export function notRationalReason(graph: FormulaGraph, output: string): string | null {
  for (const name of formulaNodesUnder(graph, output)) {
    const stack: FormulaNode[] = [graph.formulas.get(name)!];
    while (stack.length > 0) {
      const node = stack.pop()!;
      if (node.kind === "call" && node.name === "sqrt") {
        return "it takes a square root, which has no exact fraction in general";
      }
      if (node.kind === "power" && !isWholeLiteral(node.exponent)) {
        return "it raises a value to a power whose exponent is not a whole-number literal";
      }
      stack.push(...childrenOf(node));
    }
  }
  return null;
}
