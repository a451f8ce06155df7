// Shapley's `exact` fractions are exact: the model evaluated in rationals, with no rounding, where
// it is rational in its inputs; null with the reason where it is not.
import { Decimal as DecimalJs } from "decimal.js";
import fc from "fast-check";
import { attribute, defineModel } from "targetree";
import { describe, expect, it } from "vitest";

// A private high-precision clone, only to check sums exactly in the tests.
const Exact = DecimalJs.clone({ precision: 4000 });
/** True when the contributions sum exactly to the change. */
const sumsToChange = (result: ReturnType<typeof attribute>): boolean =>
  result.contributions
    .reduce((acc, entry) => acc.plus(entry.contribution.toString()), new Exact(0))
    .eq(result.change.toString());

/** A fraction "n/d" (or "n") as [numerator, denominator] BigInts. */
function parse(text: string): [bigint, bigint] {
  const [num, den = "1"] = text.split("/");
  return [BigInt(num!), BigInt(den)];
}

/** The sum of fractions, reduced to compare: a/b + c/d. */
function sum(fractions: readonly [bigint, bigint][]): [bigint, bigint] {
  let num = 0n;
  let den = 1n;
  for (const [n, d] of fractions) {
    num = num * d + n * den;
    den *= d;
  }
  return reduce(num, den);
}

function reduce(num: bigint, den: bigint): [bigint, bigint] {
  let [x, y] = [num < 0n ? -num : num, den];
  while (y !== 0n) [x, y] = [y, x % y];
  const sign = den < 0n ? -1n : 1n;
  return x === 0n ? [0n, 1n] : [(sign * num) / x, (sign * den) / x];
}

const shapley = (formulas: Record<string, string>, base: object, actual: object) =>
  attribute(defineModel(formulas), {
    output: Object.keys(formulas).at(-1)!,
    base,
    actual,
    method: "shapley",
  } as never);

describe("attribute: Shapley's exact fractions", () => {
  it("gives the true fraction when the model divides", () => {
    const result = shapley({ y: "(a*b + c)/3" }, { a: 1, b: 1, c: 1 }, { a: 2, b: "1.5", c: 2 });
    expect(result.contributions.map((entry) => entry.exact)).toEqual(["5/12", "1/4", "1/3"]);
    expect(result.reason).toBeNull();
    const single = shapley({ y: "(a*b + c)/3" }, { a: 1, b: 1, c: 1 }, { a: 1, b: 1, c: "3.5" });
    expect(single.contributions.map((entry) => entry.exact)).toEqual(["0", "0", "5/6"]);
  });

  it("follows formula nodes, whole powers, min, max, abs, if and round", () => {
    const result = shapley(
      {
        share: "a / 7",
        scaled: "if(share > 1, share^2, -share) + min(a, b) / 3 + round(b / 9, 2) + abs(c) / 11",
        y: "scaled / (1 + c^-1)",
      },
      { a: 7, b: 3, c: 2 },
      { a: 10, b: 4, c: -3 },
    );
    const exact = result.contributions.map((entry) => entry.exact!);
    for (const fraction of exact) expect(fraction).toMatch(/^-?\d+(\/\d+)?$/);
    // The fractions sum exactly to the change, worked out by hand in rationals:
    // base: share 1 → -1; min 3/3 = 1; round(1/3, 2) = 33/100; 2/11 → scaled = 1 + 33/100 + 2/11 - 1
    //   = 33/100 + 2/11 = 563/1100; y = 563/1100 / (3/2) = 563/1650.
    // actual: share 10/7 → 100/49; min 4/3; round(4/9, 2) = 44/100; 3/11; y = scaled / (1 − 1/3).
    const scaledActual = sum([
      [100n, 49n],
      [4n, 3n],
      [44n, 100n],
      [3n, 11n],
    ]);
    const yActual = reduce(scaledActual[0] * 3n, scaledActual[1] * 2n);
    const change = sum([yActual, [-563n, 1650n]]);
    expect(sum(exact.map(parse))).toEqual(change);
  });

  it("is null, with the reason, where the output is not rational in its inputs", () => {
    for (const formula of ["a^0.5 * b", "sqrt(a) + b", "a^b"]) {
      const result = shapley({ y: formula }, { a: 4, b: 2 }, { a: 9, b: 3 });
      expect(result.contributions.map((entry) => entry.exact)).toEqual([null, null]);
      expect(result.reason).toMatch(
        /^the exact fractions are not given because the output is not a rational function of its inputs here: /,
      );
      expect(sumsToChange(result)).toBe(true);
    }
  });

  it("joins both reasons when the output does not change either", () => {
    const result = shapley({ y: "a^0.5 - b^0.5" }, { a: 4, b: 9 }, { a: 9, b: 16 });
    expect(result.reason).toMatch(
      /^the output did not change.*; the exact fractions are not given/,
    );
  });

  it("sums exactly to the exact change, for any inputs (property)", () => {
    const model = defineModel({ y: "(a*b + c) / d" });
    const small = fc.integer({ min: -40, max: 40 });
    const divisor = fc.integer({ min: 1, max: 13 });
    const values = fc.record({ a: small, b: small, c: small, d: divisor });
    fc.assert(
      fc.property(values, values, (base, actual) => {
        const result = attribute(model, { output: "y", base, actual, method: "shapley" });
        const exact = result.contributions.map((entry) => parse(entry.exact!));
        const change = sum([
          [BigInt(actual.a * actual.b + actual.c), BigInt(actual.d)],
          [BigInt(-(base.a * base.b + base.c)), BigInt(base.d)],
        ]);
        expect(sum(exact)).toEqual(change);
        // The Decimal contributions still sum exactly to the Decimal change.
        expect(sumsToChange(result)).toBe(true);
      }),
      { numRuns: 60 },
    );
  });
});
