// Exact solutions of f(z) = target when f is a polynomial of degree 1 or 2 in z.
import { Decimal, PRECISION, ZERO } from "../../_lib/decimal.js";

export type PolynomialSolution =
  | { readonly kind: "solved"; readonly candidates: readonly Decimal[] }
  | { readonly kind: "constant" }
  | { readonly kind: "no-solution"; readonly reason: string };

/** √x snapped to an exact shorter value when one squares back exactly. */
function squareRoot(value: Decimal): Decimal {
  const root = value.sqrt();
  for (const digits of [PRECISION - 2, PRECISION - 8, 32, 16]) {
    const snapped = root.toSignificantDigits(digits);
    if (snapped.times(snapped).eq(value)) return snapped;
  }
  return root;
}

/**
 * Solves f(z) = target from f's values at z = 0, 1 (and −1 for degree 2): a linear f gives
 * z = (target − f(0)) / (f(1) − f(0)); a quadratic a·z² + b·z + c gives the real roots.
 */
export function solvePolynomial(
  f: (z: Decimal) => Decimal,
  degree: 1 | 2,
  target: Decimal,
): PolynomialSolution {
  const c = f(ZERO);
  const f1 = f(new Decimal(1));
  if (degree === 1) {
    const slope = f1.minus(c);
    if (slope.isZero()) return { kind: "constant" };
    return { kind: "solved", candidates: [target.minus(c).div(slope)] };
  }
  const fMinus1 = f(new Decimal(-1));
  const a = f1.plus(fMinus1).div(2).minus(c);
  const b = f1.minus(fMinus1).div(2);
  if (a.isZero()) return solveLinear(b, c, target);
  const shifted = c.minus(target);
  const discriminant = b.times(b).minus(a.times(shifted).times(4));
  if (discriminant.isNegative()) {
    return { kind: "no-solution", reason: "the output never reaches the target (no real root)" };
  }
  const root = squareRoot(discriminant);
  const twoA = a.times(2);
  if (root.isZero()) return { kind: "solved", candidates: [b.neg().div(twoA)] };
  return {
    kind: "solved",
    candidates: [b.neg().plus(root).div(twoA), b.neg().minus(root).div(twoA)],
  };
}

function solveLinear(slope: Decimal, intercept: Decimal, target: Decimal): PolynomialSolution {
  if (slope.isZero()) return { kind: "constant" };
  return { kind: "solved", candidates: [target.minus(intercept).div(slope)] };
}
