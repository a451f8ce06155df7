// Exact, checked arithmetic shared by the interpreter and the compiled closures: one place for the
// rules (division by zero, bounded powers, magnitude limits), so both always agree.
import type { Decimal as DecimalJs } from "decimal.js";
import { type Decimal, ONE, ZERO } from "../../_lib/decimal.js";
import { exponentOf } from "../../_lib/exact/index.js";
import { MAX_EXPONENT, MIN_EXPONENT } from "../../_lib/limits.js";
import type { FormulaNode } from "../ast.js";
import { type FormulaSource, formulaError, spanOf } from "./source.js";
import { shiftDecimal } from "./units.js";

/** Largest |exponent| of `^`: 10^MAX_EXPONENT bounds the result anyway, and this bounds the work. */
export const MAX_POWER_EXPONENT = 1000;
/** Largest |digits| of round / floor / ceil. */
export const MAX_ROUND_DIGITS = MAX_EXPONENT;

/** Throws NUMBER_TOO_LARGE when a result leaves 1e-1000 ≤ |x| < 1e1000; returns it otherwise (zero as +0). */
export function checked(result: Decimal, node: FormulaNode, source: FormulaSource): Decimal {
  const exponent = exponentOf(result);
  if (exponent >= MAX_EXPONENT || exponent < MIN_EXPONENT) {
    throw formulaError(
      "NUMBER_TOO_LARGE",
      `the result is outside the supported magnitude 1e${MIN_EXPONENT} ≤ |x| < 1e${MAX_EXPONENT}.`,
      source,
      spanOf(node),
    );
  }
  // No negative zero: -5 × 0 is 0.
  return result.isZero() ? ZERO : result;
}

export function add(a: Decimal, b: Decimal, node: FormulaNode, source: FormulaSource): Decimal {
  return checked(a.plus(b), node, source);
}

export function subtract(
  a: Decimal,
  b: Decimal,
  node: FormulaNode,
  source: FormulaSource,
): Decimal {
  return checked(a.minus(b), node, source);
}

export function multiply(
  a: Decimal,
  b: Decimal,
  node: FormulaNode,
  source: FormulaSource,
): Decimal {
  return checked(a.times(b), node, source);
}

/** `a / b`; `divisorNode` locates a zero divisor. */
export function divide(
  a: Decimal,
  b: Decimal,
  divisorNode: FormulaNode,
  source: FormulaSource,
): Decimal {
  if (b.isZero()) {
    throw formulaError("DIVISION_BY_ZERO", "division by zero.", source, spanOf(divisorNode));
  }
  return checked(a.div(b), divisorNode, source);
}

/**
 * `base ^ exponent`: |exponent| ≤ 1000; a fractional exponent needs a base ≥ 0; `0 ^ negative`
 * is a division by zero; `0 ^ 0` is 1.
 */
export function power(
  base: Decimal,
  exponent: Decimal,
  node: FormulaNode,
  source: FormulaSource,
): Decimal {
  if (exponent.abs().gt(MAX_POWER_EXPONENT)) {
    throw formulaError(
      "NUMBER_TOO_LARGE",
      `the exponent of ^ must be between -${MAX_POWER_EXPONENT} and ${MAX_POWER_EXPONENT}.`,
      source,
      spanOf(node),
    );
  }
  if (base.isZero()) {
    if (exponent.isZero()) return ONE;
    if (exponent.isNegative()) {
      throw formulaError(
        "DIVISION_BY_ZERO",
        "0 to a negative power is a division by zero.",
        source,
        spanOf(node),
      );
    }
    return ZERO;
  }
  if (base.isNegative() && !exponent.isInteger()) {
    throw formulaError(
      "INVALID_OPERATION",
      "a negative base to a fractional power has no real value.",
      source,
      spanOf(node),
    );
  }
  return checked(base.pow(exponent), node, source);
}

export function negate(a: Decimal): Decimal {
  return a.isZero() ? ZERO : a.negated();
}

/** Rounds to `digits` decimal places (negative digits round to tens, hundreds …) in a decimal.js mode. */
export function roundTo(
  value: Decimal,
  digits: Decimal | undefined,
  mode: DecimalJs.Rounding,
  node: FormulaNode,
  source: FormulaSource,
): Decimal {
  let places = 0;
  if (digits !== undefined) {
    if (!digits.isInteger() || digits.abs().gt(MAX_ROUND_DIGITS)) {
      throw formulaError(
        "INVALID_ARGUMENT",
        `the digits of round/floor/ceil must be a whole number from -${MAX_ROUND_DIGITS} to ${MAX_ROUND_DIGITS}.`,
        source,
        spanOf(node),
      );
    }
    places = digits.toNumber();
  }
  const rounded =
    places >= 0
      ? value.toDecimalPlaces(places, mode)
      : shiftDecimal(shiftDecimal(value, places).toDecimalPlaces(0, mode), -places);
  return checked(rounded.isZero() ? ZERO : rounded, node, source);
}

// decimal.js's rounding constants as literals: reading them off the class at module scope would be a
// property access a bundler must keep, and with it everything it touches (tree-shaking).
export const ROUND_HALF_UP = 4 satisfies typeof DecimalJs.ROUND_HALF_UP;
export const ROUND_FLOOR = 3 satisfies typeof DecimalJs.ROUND_FLOOR;
export const ROUND_CEIL = 2 satisfies typeof DecimalJs.ROUND_CEIL;

/** The smallest (`sign` −1) or largest (`sign` 1) value; the first wins ties. */
export function extreme(values: readonly Decimal[], sign: 1 | -1): Decimal {
  let best = values[0]!;
  for (let i = 1; i < values.length; i++) {
    const value = values[i]!;
    if (value.cmp(best) === sign) best = value;
  }
  return best;
}

/** The result of a comparison operator on two numbers. */
export function compareNumbers(op: string, a: Decimal, b: Decimal): boolean {
  const order = a.cmp(b);
  switch (op) {
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
