import { Decimal as GlobalDecimal } from "decimal.js";
import fc from "fast-check";
import { PRECISION, TargetreeError, toDecimal } from "targetree";
import { describe, expect, it } from "vitest";

const code = (run: () => unknown): string | undefined => {
  try {
    run();
  } catch (error) {
    if (error instanceof TargetreeError) return error.code;
    throw error;
  }
  return undefined;
};

describe("toDecimal", () => {
  it("converts numbers, strings and Decimals", () => {
    expect(toDecimal(0.1).plus(toDecimal(0.2)).toString()).toBe("0.3");
    expect(toDecimal("50万").toString()).toBe("500000");
    expect(toDecimal(new GlobalDecimal("1.5")).toString()).toBe("1.5");
    expect(toDecimal(-0).isNegative()).toBe(false);
  });

  it("rebuilds a caller's Decimal so the library's precision applies", () => {
    const LowPrecision = GlobalDecimal.clone({ precision: 3 });
    const value = toDecimal(new LowPrecision("1"));
    expect(value.div(3).toString()).toBe(`0.${"3".repeat(PRECISION)}`);
  });

  it("ignores the host's global Decimal settings", () => {
    const saved = { precision: GlobalDecimal.precision, rounding: GlobalDecimal.rounding };
    GlobalDecimal.set({ precision: 2, rounding: GlobalDecimal.ROUND_DOWN });
    try {
      expect(toDecimal("2").div(3).toSignificantDigits(4).toString()).toBe("0.6667");
    } finally {
      GlobalDecimal.set(saved);
    }
  });

  it("keeps products of several drivers exact", () => {
    const drivers = ["123456789012345.67", "0.3333", "987654.321", "1.0001", "42.5"];
    const product = drivers.map((d) => toDecimal(d)).reduce((a, b) => a.times(b));
    // 36 significant digits, checked against Python's exact decimal arithmetic.
    expect(product.toFixed()).toBe("1727378923661281337698.77685450515675");
    expect(product.precision()).toBeLessThanOrEqual(PRECISION);
  });

  it("accepts a Decimal from another copy of decimal.js after a structural check", () => {
    class Decimal {
      constructor(
        readonly d: number[],
        readonly e: number,
        readonly s: number,
      ) {}
      get [Symbol.toStringTag]() {
        return "Decimal";
      }
    }
    expect(toDecimal(new Decimal([123, 4500000], 2, 1) as never).toString()).toBe("123.45");
    expect(toDecimal(new Decimal([10000], -3, -1) as never).toString()).toBe("-0.001");
    // decimal.js aligns words to the exponent: [1] cannot stand for 0.001.
    expect(code(() => toDecimal(new Decimal([1], -3, -1) as never))).toBe("INVALID_NUMBER");
    expect(code(() => toDecimal(new Decimal([1e7], 0, 1) as never))).toBe("INVALID_NUMBER");
    expect(code(() => toDecimal(new Decimal([1], 0.5, 1) as never))).toBe("INVALID_NUMBER");
  });

  it.each([
    ["NaN", Number.NaN],
    ["Infinity", Number.POSITIVE_INFINITY],
    ["-Infinity", Number.NEGATIVE_INFINITY],
    ["null", null],
    ["undefined", undefined],
    ["a boolean", true],
    ["a bigint", 10n],
    ["a function", () => 1],
    ["a plain object", {}],
    ["an array", [1]],
    [
      "a forged Decimal from JSON",
      JSON.parse('{"d":[1],"e":0,"s":1,"toStringTag":"[object Decimal]"}'),
    ],
    ["a Decimal NaN", new GlobalDecimal(Number.NaN)],
    ["a Decimal Infinity", new GlobalDecimal(Number.POSITIVE_INFINITY)],
    ["an empty string", ""],
    ["'abc'", "abc"],
  ])("rejects %s with INVALID_NUMBER", (_label, value) => {
    expect(code(() => toDecimal(value as never, ["rows", 2, "price"]))).toBe("INVALID_NUMBER");
  });

  it("never calls methods of a value it rejects", () => {
    let called = false;
    const hostile = {
      toString() {
        called = true;
        return "1";
      },
      valueOf() {
        called = true;
        return 1;
      },
    };
    expect(code(() => toDecimal(hostile as never))).toBe("INVALID_NUMBER");
    expect(called).toBe(false);
  });

  it("puts the path in the error", () => {
    try {
      toDecimal(Number.NaN, ["rows", 2, "price"]);
      expect.unreachable();
    } catch (error) {
      expect((error as TargetreeError).path).toEqual(["rows", 2, "price"]);
      expect((error as TargetreeError).message).toContain("rows[2].price");
    }
  });

  it("gives NUMBER_TOO_LARGE for a Decimal past the magnitude bound", () => {
    expect(code(() => toDecimal(new GlobalDecimal("1e1000")))).toBe("NUMBER_TOO_LARGE");
  });

  describe("properties", () => {
    it("agrees with decimal.js on every finite double", () => {
      fc.assert(
        fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
          expect(toDecimal(x).equals(new GlobalDecimal(x))).toBe(true);
        }),
      );
    });
  });
});
