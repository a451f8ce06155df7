// Exact rationals: lowest terms, signs, order and text.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  compareRationals,
  formatRational,
  rationalToDecimal,
  reduce,
} from "../../../src/_lib/exact/index.js";
import { runs } from "../../_support/runs.js";

describe("reduce", () => {
  it("divides by the greatest common divisor when the numerator is negative", () => {
    expect(reduce({ num: -6n, den: 4n })).toEqual({ num: -3n, den: 2n });
  });

  it("moves a negative denominator's sign to the numerator", () => {
    expect(reduce({ num: 4n, den: -6n })).toEqual({ num: -2n, den: 3n });
    expect(reduce({ num: -4n, den: -6n })).toEqual({ num: 2n, den: 3n });
  });

  it("keeps a positive fraction positive, and zero as 0/1", () => {
    expect(reduce({ num: 6n, den: 4n })).toEqual({ num: 3n, den: 2n });
    expect(reduce({ num: 0n, den: -7n })).toEqual({ num: 0n, den: 1n });
  });
});

describe("formatRational", () => {
  it("formats a fraction with a negative denominator in lowest terms", () => {
    expect(formatRational({ num: 2560n, den: -6n })).toBe("-1280/3");
    expect(formatRational({ num: -852n, den: -2n })).toBe("426");
  });
});

describe("compareRationals", () => {
  it("orders fractions as their values, equal fractions in any terms equal", () => {
    const fractions = fc.record({
      num: fc.bigInt({ min: -1000n, max: 1000n }),
      den: fc.bigInt({ min: 1n, max: 1000n }),
    });
    fc.assert(
      fc.property(fractions, fractions, (a, b) => {
        const order = rationalToDecimal(a).cmp(rationalToDecimal(b));
        const exact = compareRationals(a, b);
        // Distinct fractions with denominators ≤ 1000 differ by at least 1e-6, far above the precision.
        expect(Math.sign(exact)).toBe(order);
        expect(compareRationals({ num: a.num * 3n, den: a.den * 3n }, a)).toBe(0);
      }),
      { numRuns: runs(300) },
    );
  });
});
