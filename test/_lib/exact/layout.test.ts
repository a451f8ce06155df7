// The one file that reads and writes decimal.js's layout: what it builds is what decimal.js parses.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Decimal } from "../../../src/_lib/decimal.js";
import { decimalFromSafeInteger, digitsOf, exponentOf } from "../../../src/_lib/exact/index.js";
import { runs } from "../../_support/runs.js";

/** Sign, exponent and base-1e7 words: the whole of a decimal.js value. */
const layout = (value: Decimal) => ({ s: value.s, e: value.e, d: [...value.d] });

describe("decimalFromSafeInteger", () => {
  it("builds the same Decimal as parsing the text", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }),
        fc.integer({ min: -40, max: 40 }),
        (mantissa, scale) => {
          const built = decimalFromSafeInteger(mantissa, scale);
          const parsed = new Decimal(`${mantissa}e${-scale}`);
          expect(built.toString()).toBe(parsed.toString());
          expect(built).toEqualDecimal(parsed);
          expect(layout(built)).toEqual(layout(parsed));
          expect(built.plus(1).toString()).toBe(parsed.plus(1).toString());
          expect(built).toBeInstanceOf(Decimal);
        },
      ),
      { numRuns: runs(300) },
    );
  });

  it("keeps the library's precision settings (its constructor is the library's clone)", () => {
    expect(decimalFromSafeInteger(1, 0).div(3).toString()).toBe(new Decimal(1).div(3).toString());
  });

  it("builds the same Decimal as parsing the text across word boundaries", () => {
    const cases: [number, number][] = [
      [1234567890, 3],
      [-5, -20],
      [10000000, 0],
      [123, 7],
      [9007199254740991, 2],
      [-70, -6],
      [1, 8],
    ];
    for (const [mantissa, scale] of cases) {
      const built = decimalFromSafeInteger(mantissa, scale);
      expect(layout(built)).toEqual(layout(new Decimal(`${mantissa}e${-scale}`)));
    }
    expect(decimalFromSafeInteger(0, 5).toString()).toBe("0");
  });
});

describe("digitsOf and exponentOf", () => {
  it("read the significant digits without trailing zeros, and the leading digit's exponent", () => {
    expect(digitsOf(new Decimal("1200.500"))).toBe("12005");
    expect(exponentOf(new Decimal("1200.500"))).toBe(3);
    expect(digitsOf(new Decimal("-0.0012"))).toBe("12");
    expect(exponentOf(new Decimal("-0.0012"))).toBe(-3);
    expect(digitsOf(new Decimal("3e20"))).toBe("3");
    expect(digitsOf(new Decimal(0))).toBe("0");
  });

  it("read back what decimalFromSafeInteger built, across word boundaries", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }),
        fc.integer({ min: -30, max: 30 }),
        (mantissa, scale) => {
          const value = decimalFromSafeInteger(mantissa, scale);
          const digits = String(mantissa).replace(/0+$/, "");
          expect(digitsOf(value)).toBe(digits);
          expect(exponentOf(value)).toBe(String(mantissa).length - 1 - scale);
        },
      ),
      { numRuns: runs(300) },
    );
  });
});
