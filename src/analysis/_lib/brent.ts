// Brent's method (inverse quadratic interpolation, secant, bisection) on Decimal.
import { Decimal } from "../../_lib/decimal.js";

export interface BrentOptions {
  /** Stop when |g(x)| ≤ this. */
  readonly tolerance: Decimal;
  /**
   * Stop when the bracket is narrower than xTolerance + xRelative·|x| (then g(x) may still exceed
   * the tolerance: a jump), so a root near 1e60 is closed as finely as one near 1.
   */
  readonly xTolerance: Decimal;
  readonly xRelative: Decimal;
  readonly maxIterations: number;
}

export interface BrentResult {
  readonly x: Decimal;
  readonly gx: Decimal;
  readonly iterations: number;
  /** True when |g(x)| ≤ tolerance; false when the bracket collapsed first (a jump over zero) or iterations ran out. */
  readonly converged: boolean;
  /** The final bracket's other end. */
  readonly other: Decimal;
}

const HALF = /* @__PURE__ */ new Decimal("0.5");
const TWO = /* @__PURE__ */ new Decimal(2);
const THREE = /* @__PURE__ */ new Decimal(3);

const sameSign = (a: Decimal, b: Decimal): boolean =>
  (a.isPositive() && b.isPositive()) || (a.isNegative() && b.isNegative());

/**
 * Finds a zero of `g` in [lower, upper], where g(lower) and g(upper) have opposite signs (or one is 0).
 * Brent (1973), as in Numerical Recipes' zbrent, with Decimal arithmetic throughout.
 */
export function brent(
  g: (x: Decimal) => Decimal,
  lower: Decimal,
  upper: Decimal,
  gLower: Decimal,
  gUpper: Decimal,
  options: BrentOptions,
): BrentResult {
  let a = lower;
  let b = upper;
  let fa = gLower;
  let fb = gUpper;
  if (fa.isZero()) return { x: a, gx: fa, iterations: 0, converged: true, other: a };
  if (fb.isZero()) return { x: b, gx: fb, iterations: 0, converged: true, other: b };
  let c = a;
  let fc = fa;
  let d = b.minus(a);
  let e = d;
  for (let iteration = 1; iteration <= options.maxIterations; iteration++) {
    if (sameSign(fb, fc)) {
      c = a;
      fc = fa;
      d = b.minus(a);
      e = d;
    }
    if (fc.abs().lt(fb.abs())) {
      a = b;
      b = c;
      c = a;
      fa = fb;
      fb = fc;
      fc = fa;
    }
    const tol1 = options.xTolerance.times(HALF).plus(options.xRelative.times(b.abs()));
    const xm = c.minus(b).times(HALF);
    if (fb.abs().lte(options.tolerance)) {
      return { x: b, gx: fb, iterations: iteration - 1, converged: true, other: c };
    }
    if (xm.abs().lte(tol1)) {
      return { x: b, gx: fb, iterations: iteration - 1, converged: false, other: c };
    }
    if (e.abs().gte(tol1) && fa.abs().gt(fb.abs())) {
      const s = fb.div(fa);
      let p: Decimal;
      let q: Decimal;
      if (a.eq(c)) {
        p = TWO.times(xm).times(s);
        q = Decimal.sub(1, s);
      } else {
        const qa = fa.div(fc);
        const r = fb.div(fc);
        p = s.times(
          TWO.times(xm)
            .times(qa)
            .times(qa.minus(r))
            .minus(b.minus(a).times(r.minus(1))),
        );
        q = qa.minus(1).times(r.minus(1)).times(s.minus(1));
      }
      if (p.isPositive() && !p.isZero()) q = q.neg();
      p = p.abs();
      const min1 = THREE.times(xm).times(q).minus(tol1.times(q).abs());
      const min2 = e.times(q).abs();
      if (TWO.times(p).lt(Decimal.min(min1, min2))) {
        e = d;
        d = p.div(q);
      } else {
        d = xm;
        e = d;
      }
    } else {
      d = xm;
      e = d;
    }
    a = b;
    fa = fb;
    b = d.abs().gt(tol1) ? b.plus(d) : b.plus(xm.isNegative() ? tol1.neg() : tol1);
    fb = g(b);
  }
  return {
    x: b,
    gx: fb,
    iterations: options.maxIterations,
    converged: fb.abs().lte(options.tolerance),
    other: c,
  };
}
