// Additive LMDI-I (log-mean Divisia index, Ang 2005) for an output that is a sum of product terms
// Σₖ Vₖ, Vₖ = cₖ · Π xᵢ^eᵢₖ: each term's change is split over its factors by LMDI-I, and a factor's
// effect is summed over the terms it appears in: ΔV_x = Σₖ L(Vₖᵀ, Vₖ⁰) · eₓₖ · ln(xᵀ / x⁰).
import { type Decimal, ZERO } from "../../_lib/decimal.js";
import { commonScale, fromScaled, pow10, type Rational } from "../../_lib/exact/index.js";
import { type ProductTerm, termValue } from "./terms.js";

/**
 * L(a, b) = (a − b) / ln(a / b), with its limit a when a = b. Both non-zero and of one sign (a
 * term's coefficient is fixed and its factors positive), so a / b > 0.
 */
export function logarithmicMean(a: Decimal, b: Decimal): Decimal {
  if (a.eq(b)) return a;
  return a.minus(b).div(a.div(b).ln());
}

/**
 * Each input's effect (in `inputs` order) at the library precision, not yet summing exactly to
 * the change: the logarithms are rounded. Every factor of every term must be positive in `base`
 * and in `actual` (the caller checks).
 */
export function lmdiEffects(
  terms: readonly ProductTerm[],
  base: ReadonlyMap<string, Decimal>,
  actual: ReadonlyMap<string, Decimal>,
  inputs: readonly string[],
): Decimal[] {
  const effects = new Map<string, Decimal>(inputs.map((name) => [name, ZERO]));
  for (const term of terms) {
    const changed = [...term.exponents].filter(([name]) => !base.get(name)!.eq(actual.get(name)!));
    if (changed.length === 0) continue;
    const weight = logarithmicMean(termValue(term, actual), termValue(term, base));
    for (const [name, exponent] of changed) {
      const effect = weight.times(exponent).times(actual.get(name)!.div(base.get(name)!).ln());
      effects.set(name, (effects.get(name) ?? ZERO).plus(effect));
    }
  }
  return inputs.map((name) => effects.get(name)!);
}

/**
 * The effects made to sum exactly to `change`: what they miss (`residual`, from the rounded
 * logarithms) is spread over them in proportion to their size, as exact rationals, ready to be
 * rounded by largest remainder.
 */
export function closeEffects(
  effects: readonly Decimal[],
  change: Decimal,
): { readonly values: Rational[]; readonly residual: Decimal } {
  const { mantissas: ints, scale } = commonScale([...effects, change]);
  const total = ints.pop()!;
  const missing = total - ints.reduce((sum, value) => sum + value, 0n);
  const den = pow10(scale);
  const residual = fromScaled(missing, scale);
  const size = ints.reduce((sum, value) => sum + (value < 0n ? -value : value), 0n);
  if (size === 0n) {
    // No effect to spread over (every effect is 0): the first input takes what is missing.
    return {
      values: ints.map((value, index) => ({ num: index === 0 ? value + missing : value, den })),
      residual,
    };
  }
  return {
    values: ints.map((value) => ({
      num: value * size + missing * (value < 0n ? -value : value),
      den: den * size,
    })),
    residual,
  };
}
