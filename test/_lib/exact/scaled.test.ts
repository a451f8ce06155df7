// Exact decimals as scaled integers (mantissa × 10^-scale): conversions both ways and unit counts.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Decimal } from "../../../src/_lib/decimal.js";
import {
  commonScale,
  countsToDecimals,
  exactMinus,
  exactUnits,
  fromScaled,
  roundedUnits,
  toScaled,
  unitsToDecimal,
} from "../../../src/_lib/exact/index.js";
import { runs } from "../../_support/runs.js";

const layout = (value: Decimal) => ({ s: value.s, e: value.e, d: [...value.d] });
const d = (text: string) => new Decimal(text);
const Precise = Decimal.clone({ precision: 200 });

/** Decimals with up to 40 significant digits and exponents far outside the safe integers. */
const decimals = fc
  .tuple(fc.bigInt({ min: -(10n ** 40n), max: 10n ** 40n }), fc.integer({ min: -60, max: 60 }))
  .map(([mantissa, exponent]) => new Decimal(`${mantissa}e${exponent}`));

describe("toScaled and fromScaled", () => {
  it("round-trip every decimal, value and layout", () => {
    fc.assert(
      fc.property(decimals, (value) => {
        const { mantissa, scale } = toScaled(value);
        const back = fromScaled(mantissa, scale);
        expect(back).toEqualDecimal(value);
        expect(layout(back)).toEqual(layout(value));
      }),
      { numRuns: runs(500) },
    );
  });

  it("round-trip every mantissa and scale, to the form without trailing zeros", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }),
        fc.integer({ min: -40, max: 40 }),
        (mantissa, scale) => {
          const value = fromScaled(mantissa, scale);
          expect(value).toEqualDecimal(new Decimal(`${mantissa}e${-scale}`));
          let m = mantissa;
          let s = scale;
          while (m !== 0n && m % 10n === 0n) {
            m /= 10n;
            s--;
          }
          expect(toScaled(value)).toEqual(
            m === 0n ? { mantissa: 0n, scale: 0 } : { mantissa: m, scale: s },
          );
        },
      ),
      { numRuns: runs(500) },
    );
  });

  it("recover the exact mantissa and scale", () => {
    expect(toScaled(d("1200.500"))).toEqual({ mantissa: 12005n, scale: 1 });
    expect(toScaled(d("-3e20"))).toEqual({ mantissa: -3n, scale: -20 });
    expect(toScaled(d("0"))).toEqual({ mantissa: 0n, scale: 0 });
    expect(toScaled(d("0.0012"))).toEqual({ mantissa: 12n, scale: 4 });
    expect(toScaled(d("12345678.9"))).toEqual({ mantissa: 123456789n, scale: 1 });
  });

  it("appends zeros for a negative scale and places the point for a positive one", () => {
    expect(fromScaled(5n, -2).toString()).toBe("500");
    expect(fromScaled(-12n, -3).toString()).toBe("-12000");
    expect(fromScaled(-5n, 3).toString()).toBe("-0.005");
    expect(fromScaled(1234n, 0).toString()).toBe("1234");
    expect(fromScaled(-(10n ** 25n) - 7n, 5).toFixed()).toBe("-100000000000000000000.00007");
  });
});

describe("exactUnits and roundedUnits", () => {
  it("count whole units, or say the value is not a whole multiple", () => {
    expect(exactUnits(toScaled(d("1.2e8")), toScaled(d("1e4")))).toBe(12000n);
    expect(exactUnits(toScaled(d("1.005")), toScaled(d("0.01")))).toBeNull();
    expect(roundedUnits(toScaled(d("1.005")), toScaled(d("0.01")), "half-up")).toBe(101n);
    expect(roundedUnits(toScaled(d("-1.005")), toScaled(d("0.01")), "floor")).toBe(-101n);
  });

  it("agree with decimal.js division on random values and units", () => {
    fc.assert(
      fc.property(
        decimals,
        fc.integer({ min: 1, max: 999 }),
        fc.integer({ min: -5, max: 5 }),
        (value, step, exponent) => {
          const unit = new Decimal(`${step}e${exponent}`);
          // At 200 digits these quotients are exact, or far enough from an integer to tell.
          const ratio = new Precise(value).div(new Precise(unit));
          const whole = exactUnits(toScaled(value), toScaled(unit));
          if (ratio.isInteger()) expect(whole?.toString()).toBe(ratio.toFixed());
          else expect(whole).toBeNull();
          expect(roundedUnits(toScaled(value), toScaled(unit), "floor").toString()).toBe(
            ratio.floor().toFixed(),
          );
        },
      ),
      { numRuns: runs(300) },
    );
  });
});

describe("commonScale and exactMinus", () => {
  it("bring decimals to the fewest common decimal places, never below zero", () => {
    expect(commonScale([d("1.5"), d("300"), d("0.25")])).toEqual({
      mantissas: [150n, 30000n, 25n],
      scale: 2,
    });
    expect(commonScale([d("3e20"), d("7")])).toEqual({
      mantissas: [3n * 10n ** 20n, 7n],
      scale: 0,
    });
  });

  it("subtracts exactly where decimal.js would round to its precision", () => {
    expect(d("1e70").minus(d("0.25")).toFixed()).toBe(`1${"0".repeat(70)}`);
    expect(exactMinus(d("1e70"), d("0.25")).toFixed()).toBe(`${"9".repeat(70)}.75`);
    expect(exactMinus(d("2"), d("2")).toString()).toBe("0");
  });
});

describe("unitsToDecimal and countsToDecimals", () => {
  it("give count × unit on the double and the bigint paths alike", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -(2 ** 52), max: 2 ** 52 }), { maxLength: 20 }),
        fc.constantFrom("0.01", "1", "1e4", "5e-3", "123456789e3"),
        (counts, unitText) => {
          const unit = toScaled(d(unitText));
          const fromDoubles = countsToDecimals(Float64Array.from(counts), unit);
          const fromBigInts = countsToDecimals(counts.map(BigInt), unit);
          counts.forEach((count, i) => {
            const expected = d(unitText).times(count);
            expect(fromDoubles[i]!).toEqualDecimal(expected);
            expect(layout(fromDoubles[i]!)).toEqual(layout(fromBigInts[i]!));
            expect(layout(unitsToDecimal(BigInt(count), unit))).toEqual(layout(fromBigInts[i]!));
          });
        },
      ),
      { numRuns: runs(200) },
    );
  });
});
