import { Decimal as DecimalJs } from "decimal.js";

/**
 * Significant digits kept by every inexact operation (division, roots, logs).
 *
 * 1e15 with cents is 17 digits; a product of five drivers of up to ten
 * significant digits each is 50 digits. 64 leaves headroom for both while
 * keeping division cheap. Sums, differences and products whose exact result
 * fits in 64 significant digits are exact.
 */
export const PRECISION = 64;

/**
 * The library's own decimal.js constructor. It never reads or changes the
 * host's global `Decimal.set`, so callers' settings cannot change results.
 */
export const Decimal = /* @__PURE__ */ DecimalJs.clone({
  precision: PRECISION,
  rounding: DecimalJs.ROUND_HALF_UP,
  toExpNeg: -40,
  toExpPos: 60,
  // decimal.js defaults: kept explicit so a host's `Decimal.set` cannot leak in.
  maxE: 9e15,
  minE: -9e15,
  modulo: DecimalJs.ROUND_DOWN,
  // Stryker disable next-line BooleanLiteral: only Decimal.random reads it, and it is never called
  crypto: false,
});

/** An instance of decimal.js's `Decimal`, as returned by every computation. */
export type Decimal = DecimalJs;

/** The constructor type of a decimal.js `Decimal`. */
export type DecimalConstructor = typeof DecimalJs;

export const ZERO = /* @__PURE__ */ new Decimal(0);
export const ONE = /* @__PURE__ */ new Decimal(1);

/** True for any decimal.js instance from this copy of decimal.js (all clones share one prototype). */
export function isDecimalInstance(value: unknown): value is Decimal {
  return value instanceof DecimalJs;
}

/**
 * `value`, with −0 as 0. decimal.js keeps the sign of a zero (−2 × 0 and 0 ÷ −5 are −0), and no
 * result of targetree is ever −0: apply this where a product, quotient or rounding makes a result.
 */
export function noNegativeZero(value: Decimal): Decimal {
  return value.isZero() && value.isNegative() ? ZERO : value;
}
