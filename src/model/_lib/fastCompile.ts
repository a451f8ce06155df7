// The exact scaled-integer fast path of a compiled model: a formula becomes closures over int53
// mantissas and scales (value = mantissa × 10^-scale), never Decimals. `+ − ×`, whole powers,
// comparisons, min/max/abs, if and rounding to a fixed number of places run in doubles holding safe
// integers, where every operation is exact or detectably not: a result that leaves ±(2^53 − 1), a
// scale past MAX_FAST_SCALE or an operand the fast path does not hold gives NaN, and the caller
// then computes that formula with the Decimal closures (the same arithmetic as `evaluate`). A
// formula with a division, a root or a fractional power has no fast form at all (null).
import type { Decimal } from "../../_lib/decimal.js";
import { MAX_SAFE_MANTISSA, SAFE_POWERS_OF_TEN, safeScaledOf } from "../../_lib/exact/index.js";
import type { CallNode, FormulaNode } from "../../formula/ast.js";
import { isCondition } from "./compile.js";

/**
 * A formula's fast form: reads slot mantissas and scales, returns the mantissa (NaN when the
 * Decimal path must answer) and leaves the result's scale in `register.scale`.
 */
export type FastFn = (mantissas: Float64Array, scales: Int32Array) => number;
/** A condition's fast form: 1 (true), 0 (false) or NaN (the Decimal path must answer). */
type FastCondition = (mantissas: Float64Array, scales: Int32Array) => number;

/** Where a fast closure leaves the scale of the value it returns. One per compiled model. */
export interface Register {
  scale: number;
}

const MAX = MAX_SAFE_MANTISSA;
const POWERS = SAFE_POWERS_OF_TEN;
/** Largest scale a fast value may have: far inside the 1e-1000 magnitude limit of the Decimal path. */
const MAX_FAST_SCALE = 300;
/** Largest whole exponent of `^` done by repeated multiplication (beyond it int53 overflows anyway). */
const MAX_FAST_EXPONENT = 64;
/** Largest |digits| of round/floor/ceil taken on the fast path. */
const MAX_FAST_DIGITS = 300;

/** `value × 10^shift`, or NaN when that leaves the safe integers (shift ≥ 0). */
function shifted(value: number, shift: number): number {
  if (shift === 0 || value === 0) return value;
  const power = POWERS[shift];
  if (power === undefined) return Number.NaN;
  const result = value * power;
  return result <= MAX && result >= -MAX ? result : Number.NaN;
}

/** The sign of a − b for two fast values, or NaN when aligning their scales overflows. */
function compareScaled(a: number, scaleA: number, b: number, scaleB: number): number {
  const difference =
    scaleA < scaleB
      ? shifted(a, scaleB - scaleA) - b
      : scaleB < scaleA
        ? a - shifted(b, scaleA - scaleB)
        : a - b;
  return difference > 0 ? 1 : difference < 0 ? -1 : difference === 0 ? 0 : Number.NaN;
}

/** A literal whole number (possibly negated), or null. */
function literalInteger(node: FormulaNode): number | null {
  if (node.kind === "number") return node.value.isInteger() ? node.value.toNumber() : null;
  if (node.kind === "unary" && node.operand.kind === "number") {
    const value = literalInteger(node.operand);
    return value === null ? null : node.op === "-" ? -value : value;
  }
  return null;
}

/**
 * The fast form of a type-checked numeric model formula, or null when it has an operation the
 * fast path leaves to Decimals (division, sqrt, a power whose exponent is not a literal whole
 * number 0…64, rounding to a computed number of places, a literal with too many digits).
 */
export function compileFast(
  root: FormulaNode,
  slotOf: ReadonlyMap<string, number>,
  register: Register,
): FastFn | null {
  const number = (node: FormulaNode): FastFn | null => {
    switch (node.kind) {
      case "number": {
        const scaled = safeScaledOf(node.value as Decimal);
        if (scaled === null) return null;
        const { mantissa, scale } = scaled;
        return () => {
          register.scale = scale;
          return mantissa;
        };
      }
      case "name": {
        const slot = slotOf.get(node.name)!;
        return (mantissas, scales) => {
          register.scale = scales[slot]!;
          return mantissas[slot]!;
        };
      }
      case "unary": {
        const operand = number(node.operand);
        if (operand === null || node.op === "+") return operand;
        return (mantissas, scales) => -operand(mantissas, scales);
      }
      case "sum":
        return sum(node.first, node.rest);
      case "product":
        return product(node.first, node.rest);
      case "power":
        return power(node.base, node.exponent);
      case "call":
        return call(node);
      default:
        return null;
    }
  };

  const sum = (
    first: FormulaNode,
    rest: readonly { readonly op: "+" | "-"; readonly operand: FormulaNode }[],
  ): FastFn | null => {
    const head = number(first);
    const terms = rest.map((link) => number(link.operand));
    if (head === null || terms.some((term) => term === null)) return null;
    const signs = rest.map((link) => (link.op === "+" ? 1 : -1));
    const addTerm = (
      total: number,
      scale: number,
      term: number,
      termScale: number,
      sign: number,
    ) => {
      const left = scale < termScale ? shifted(total, termScale - scale) : total;
      const right = termScale < scale ? shifted(term, scale - termScale) : term;
      const result = sign === 1 ? left + right : left - right;
      return result <= MAX && result >= -MAX ? result : Number.NaN;
    };
    return (mantissas, scales) => {
      let total = head(mantissas, scales);
      let scale = register.scale;
      for (let i = 0; i < terms.length; i++) {
        const term = terms[i]!(mantissas, scales);
        const termScale = register.scale;
        total = addTerm(total, scale, term, termScale, signs[i]!);
        if (termScale > scale) scale = termScale;
      }
      register.scale = scale;
      return total;
    };
  };

  const product = (
    first: FormulaNode,
    rest: readonly { readonly op: "*" | "/"; readonly operand: FormulaNode }[],
  ): FastFn | null => {
    if (rest.some((link) => link.op === "/")) return null;
    const head = number(first);
    const factors = rest.map((link) => number(link.operand));
    if (head === null || factors.some((factor) => factor === null)) return null;
    return (mantissas, scales) => {
      let total = head(mantissas, scales);
      let scale = register.scale;
      for (let i = 0; i < factors.length; i++) {
        total *= factors[i]!(mantissas, scales);
        scale += register.scale;
        if (!(total <= MAX && total >= -MAX)) total = Number.NaN;
      }
      register.scale = scale;
      return scale <= MAX_FAST_SCALE ? total : Number.NaN;
    };
  };

  const power = (baseNode: FormulaNode, exponentNode: FormulaNode): FastFn | null => {
    const exponent = exponentNode.kind === "number" ? literalInteger(exponentNode) : null;
    if (exponent === null || exponent < 0 || exponent > MAX_FAST_EXPONENT) return null;
    const base = number(baseNode);
    if (base === null) return null;
    return (mantissas, scales) => {
      const value = base(mantissas, scales);
      // x ^ 0 is 1, but only for an x the fast path holds: a NaN base may be an error on the Decimal path.
      if (Number.isNaN(value)) return Number.NaN;
      const scale = register.scale * exponent;
      let result = 1;
      for (let i = 0; i < exponent; i++) {
        result *= value;
        if (!(result <= MAX && result >= -MAX)) return Number.NaN;
      }
      register.scale = exponent === 0 ? 0 : scale;
      return scale <= MAX_FAST_SCALE ? result : Number.NaN;
    };
  };

  const call = (node: CallNode): FastFn | null => {
    switch (node.name) {
      case "min":
      case "max":
        return extreme(node.args, node.name === "min" ? -1 : 1);
      case "abs": {
        const value = number(node.args[0]!);
        if (value === null) return null;
        return (mantissas, scales) => Math.abs(value(mantissas, scales));
      }
      case "round":
      case "floor":
      case "ceil":
        return rounded(node);
      case "if":
        return choose(node, number);
      default:
        // sqrt, and any function added later: the Decimal closures answer.
        return null;
    }
  };

  const extreme = (args: readonly FormulaNode[], sign: 1 | -1): FastFn | null => {
    const values = args.map(number);
    if (values.some((value) => value === null)) return null;
    return (mantissas, scales) => {
      let best = values[0]!(mantissas, scales);
      let bestScale = register.scale;
      for (let i = 1; i < values.length; i++) {
        const value = values[i]!(mantissas, scales);
        const scale = register.scale;
        const order = compareScaled(value, scale, best, bestScale);
        if (Number.isNaN(order)) return Number.NaN;
        // The first of equal values wins, as in the Decimal path (equal values are the same Decimal).
        if (order === sign) {
          best = value;
          bestScale = scale;
        }
      }
      register.scale = bestScale;
      return best;
    };
  };

  const rounded = (node: CallNode): FastFn | null => {
    const value = number(node.args[0]!);
    const digits = node.args.length === 1 ? 0 : literalInteger(node.args[1]!);
    if (value === null || digits === null || Math.abs(digits) > MAX_FAST_DIGITS) return null;
    const mode = node.name;
    return (mantissas, scales) => {
      const mantissa = value(mantissas, scales);
      const scale = register.scale;
      if (digits >= scale) return mantissa;
      const places = scale - digits;
      let quotient = 0;
      let remainder = mantissa;
      // Stryker disable next-line EqualityOperator: with 17+ places every safe mantissa is below the power
      if (places <= 22) {
        const power = POWERS[places]!;
        remainder = mantissa % power;
        quotient = (mantissa - remainder) / power;
        if (mode === "round") {
          if (2 * Math.abs(remainder) >= power) quotient += mantissa > 0 ? 1 : -1;
        } else if (mode === "floor") {
          if (remainder < 0) quotient -= 1;
        } else if (remainder > 0) quotient += 1;
      } else if (mode === "floor") {
        if (remainder < 0) quotient = -1;
      } else if (mode === "ceil") {
        if (remainder > 0) quotient = 1;
      }
      if (Number.isNaN(remainder)) return Number.NaN;
      if (digits >= 0) {
        register.scale = digits;
        return quotient;
      }
      register.scale = 0;
      return shifted(quotient, -digits);
    };
  };

  /** `if(test, then, otherwise)` over branches compiled by `branch`; NaN when the test is. */
  const choose = (node: CallNode, branch: (node: FormulaNode) => FastFn | null): FastFn | null => {
    const test = condition(node.args[0]!);
    const then = branch(node.args[1]!);
    const otherwise = branch(node.args[2]!);
    if (test === null || then === null || otherwise === null) return null;
    return (mantissas, scales) => {
      const taken = test(mantissas, scales);
      return taken === 1
        ? then(mantissas, scales)
        : taken === 0
          ? otherwise(mantissas, scales)
          : Number.NaN;
    };
  };

  const condition = (node: FormulaNode): FastCondition | null => {
    switch (node.kind) {
      case "boolean": {
        const value = node.value ? 1 : 0;
        return () => value;
      }
      case "not": {
        const operand = condition(node.operand);
        if (operand === null) return null;
        return (mantissas, scales) => 1 - operand(mantissas, scales);
      }
      case "compare": {
        const op = node.op;
        if (isCondition(node.left)) {
          const left = condition(node.left);
          const right = condition(node.right);
          if (left === null || right === null) return null;
          return (mantissas, scales) => {
            const a = left(mantissas, scales);
            const b = right(mantissas, scales);
            if (Number.isNaN(a) || Number.isNaN(b)) return Number.NaN;
            return (a === b) === (op === "==") ? 1 : 0;
          };
        }
        const left = number(node.left);
        const right = number(node.right);
        if (left === null || right === null) return null;
        // The condition's value when a < b, a == b and a > b.
        const less = op === "<" || op === "<=" || op === "!=" ? 1 : 0;
        const equal = op === "<=" || op === ">=" || op === "==" ? 1 : 0;
        const more = op === ">" || op === ">=" || op === "!=" ? 1 : 0;
        return (mantissas, scales) => {
          const a = left(mantissas, scales);
          const scaleA = register.scale;
          const b = right(mantissas, scales);
          const order = compareScaled(a, scaleA, b, register.scale);
          return order < 0 ? less : order > 0 ? more : order === 0 ? equal : Number.NaN;
        };
      }
      case "logical": {
        const operands = node.operands.map(condition);
        if (operands.some((operand) => operand === null)) return null;
        // Short-circuit as the Decimal path does: `and` stops at false, `or` at true.
        const stopOn = node.op === "or" ? 1 : 0;
        return (mantissas, scales) => {
          for (let i = 0; i < operands.length; i++) {
            const value = operands[i]!(mantissas, scales);
            if (value === stopOn) return stopOn;
            if (Number.isNaN(value)) return Number.NaN;
          }
          return 1 - stopOn;
        };
      }
      case "call":
        // A call whose value is a condition: an if whose branches are conditions.
        return node.name === "if" ? choose(node, condition) : null;
      default:
        return null;
    }
  };

  return isCondition(root) ? null : number(root);
}
