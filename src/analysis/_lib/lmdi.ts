// LMDI-I (log-mean Divisia index) for V = C · Π x_i^e_i with positive values.
import { type Decimal, ZERO } from "../../_lib/decimal.js";

export interface LmdiFactor {
  readonly base: Decimal;
  readonly actual: Decimal;
  /** The factor's exponent in the product (1 for a plain factor, −1 for a divisor). */
  readonly exponent: Decimal;
}

/** L(a, b) = (a − b) / (ln a − ln b) = (a − b) / ln(a / b), with its limit a when a = b. Both positive. */
function logarithmicMean(a: Decimal, b: Decimal): Decimal {
  if (a.eq(b)) return a;
  return a.minus(b).div(a.div(b).ln());
}

/** Each factor's effect L(V₁, V₀) · e · ln(x₁/x₀), at the library precision (not yet summing exactly). */
export function lmdiEffects(
  baseOutput: Decimal,
  actualOutput: Decimal,
  factors: readonly LmdiFactor[],
): Decimal[] {
  const weight = logarithmicMean(actualOutput, baseOutput);
  return factors.map((factor) =>
    factor.base.eq(factor.actual) || factor.exponent.isZero()
      ? ZERO
      : weight.times(factor.exponent).times(factor.actual.div(factor.base).ln()),
  );
}
