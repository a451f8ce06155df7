import { Decimal as GlobalDecimal } from "decimal.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decimalFromNumber } from "../../src/_lib/fromNumber.js";
import { runs } from "../_support/runs.js";

/** Sign, exponent and base-1e7 words: the whole of a decimal.js value. */
const layout = (value: GlobalDecimal) => {
  const { s, e, d } = value as unknown as { s: number; e: number; d: number[] };
  return { s, e, d: [...d] };
};

/** True when decimalFromNumber(x) has the layout of new Decimal(x) (cheap, for properties). */
const sameLayout = (x: number): boolean =>
  JSON.stringify(layout(decimalFromNumber(x))) === JSON.stringify(layout(new GlobalDecimal(x)));

/** decimalFromNumber's promise: the very value, and layout, that `new Decimal(x)` gives. */
const expectSameAsDecimalJs = (x: number): void => {
  const result = decimalFromNumber(x);
  expect(result.toFixed()).toBe(new GlobalDecimal(x).toFixed());
  expect(layout(result)).toEqual(layout(new GlobalDecimal(x)));
};

describe("decimalFromNumber", () => {
  it("gives the shortest decimal digits of a double, as decimal.js does", () => {
    expect(decimalFromNumber(0.1).toString()).toBe("0.1");
    expect(decimalFromNumber(0.1 + 0.2).toString()).toBe("0.30000000000000004");
    expect(decimalFromNumber(-2.345).toString()).toBe("-2.345");
    expect(decimalFromNumber(1 / 3).toString()).toBe("0.3333333333333333");
  });

  it("gives zero, not negative zero, for 0 and -0", () => {
    expect(decimalFromNumber(0).toString()).toBe("0");
    expect(decimalFromNumber(-0).isNegative()).toBe(false);
  });

  it.each([
    // one word, several words, a word of exactly seven digits, a padded last word
    0.5,
    0.25,
    123.456,
    1234567.1,
    12345678.1,
    9999999.5,
    0.1234567,
    99999.99,
    123456.7891,
    // small magnitudes, below 1e-7 and with many digits
    1e-7,
    1.5e-7,
    1e-8,
    0.0033333333333333335,
    0.012345678901234568,
    // integers and values too large for the arithmetic path
    5,
    123456789,
    1e12,
    2 ** 40,
    1e21,
    1.7976931348623157e308,
    5e-324,
    // 15 and more significant digits: past what the arithmetic path can hold exactly
    12345678901.2345,
    123456789012.345,
    954934597015.381,
    109951162777.6,
  ])("matches new Decimal(%s) exactly, on both signs", (x) => {
    expectSameAsDecimalJs(x);
    expectSameAsDecimalJs(-x);
  });

  it("matches new Decimal(x) on random doubles", () => {
    fc.assert(
      fc.property(
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        (x) => x === 0 || sameLayout(x),
      ),
      { numRuns: runs(1000) },
    );
  });

  it("matches new Decimal(x) on amounts with up to 15 significant digits", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 999_999_999_999_999 }),
        fc.integer({ min: 0, max: 20 }),
        (digits, places) => sameLayout(digits / 10 ** places),
      ),
      { numRuns: runs(1000) },
    );
  });
});
