import { Decimal as GlobalDecimal } from "decimal.js";
import fc from "fast-check";
import { PRECISION, toDecimal } from "targetree";
import { describe, expect, it } from "vitest";
import { errorOf, expectCode } from "../_support/errors.js";

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
    expectCode(() => toDecimal(new Decimal([1], -3, -1) as never), "INVALID_NUMBER");
    expectCode(() => toDecimal(new Decimal([1e7], 0, 1) as never), "INVALID_NUMBER");
    expectCode(() => toDecimal(new Decimal([1], 0.5, 1) as never), "INVALID_NUMBER");
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
    expectCode(() => toDecimal(value as never, ["rows", 2, "price"]), "INVALID_NUMBER");
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
    expectCode(() => toDecimal(hostile as never), "INVALID_NUMBER");
    expect(called).toBe(false);
  });

  it("puts the path in the error", () => {
    const error = errorOf(() => toDecimal(Number.NaN, ["rows", 2, "price"]));
    expect(error.path).toEqual(["rows", 2, "price"]);
    expect(error.message).toContain("rows[2].price");
  });

  it("gives NUMBER_TOO_LARGE for a Decimal past the magnitude bound", () => {
    expectCode(() => toDecimal(new GlobalDecimal("1e1000")), "NUMBER_TOO_LARGE");
  });

  describe("errors", () => {
    it("gives an empty path and no location when no path is given", () => {
      const error = expectCode(() => toDecimal(Number.NaN), "INVALID_NUMBER", []);
      expect(error.message).toBe("INVALID_NUMBER: Expected a finite number, got NaN.");
      expect(
        expectCode(() => toDecimal(Number.POSITIVE_INFINITY), "INVALID_NUMBER").message,
      ).toMatch(/Expected a finite number, got Infinity/);
    });

    it("passes the path on to parseAmount for strings", () => {
      const error = expectCode(() => toDecimal("abc", ["inputs", "price"]), "INVALID_NUMBER", [
        "inputs",
        "price",
      ]);
      expect(error.message).toMatch(/"abc" is not an amount/);
    });

    it("names the type it got for values that are not numeric", () => {
      for (const [value, described] of [
        [true, "a boolean"],
        [null, "null"],
        [undefined, "undefined"],
        [10n, "a bigint"],
      ] as const) {
        const error = expectCode(() => toDecimal(value as never, ["x", 1]), "INVALID_NUMBER", [
          "x",
          1,
        ]);
        expect(error.message).toMatch(/Expected a number, a numeric string or a Decimal, got/);
        expect(error.message).toContain(described);
      }
    });

    it("checks the path argument itself", () => {
      for (const value of [Number.NaN, true, {}]) {
        expectCode(() => toDecimal(value as never, "price" as never), "INVALID_ARGUMENT", ["path"]);
      }
    });
  });

  describe("Decimals from other copies of decimal.js", () => {
    /** A structural Decimal as another decimal.js copy would build it. */
    class Decimal {
      constructor(
        readonly d: unknown,
        readonly e: unknown,
        readonly s: unknown,
      ) {}
      get [Symbol.toStringTag]() {
        return "Decimal";
      }
    }
    const foreign = (d: unknown, e: unknown, s: unknown) => new Decimal(d, e, s) as never;
    const malformed = (d: unknown, e: unknown, s: unknown) => {
      const error = expectCode(() => toDecimal(foreign(d, e, s), ["v"]), "INVALID_NUMBER", ["v"]);
      expect(error.message).toMatch(/The Decimal's internal fields are malformed/);
    };

    it("rebuilds words with their leading zeros, zero words in the middle and several words", () => {
      expect(toDecimal(new GlobalDecimal("1.00000000000001")).toString()).toBe("1.00000000000001");
      expect(toDecimal(new GlobalDecimal("-12345678.0000009")).toString()).toBe(
        "-12345678.0000009",
      );
      expect(toDecimal(foreign([1, 0, 1], 0, 1)).toString()).toBe("1.00000000000001");
      expect(toDecimal(foreign([5], 0, -1)).toString()).toBe("-5");
    });

    it("reads a zero as plain 0, also a negative zero", () => {
      expect(toDecimal(new GlobalDecimal(0)).toString()).toBe("0");
      expect(toDecimal(new GlobalDecimal("-0")).isNegative()).toBe(false);
      expect(toDecimal(foreign([0], 0, -1)).isNegative()).toBe(false);
    });

    it("accepts up to 40 words and the magnitude bound 1e-1000 exactly", () => {
      const forty = [1, ...Array.from({ length: 39 }, () => 1234567)];
      const value = toDecimal(foreign(forty, 273, 1));
      expect(value.precision()).toBe(274);
      expect(value.toFixed().slice(0, 9)).toBe("112345671");
      expect(toDecimal(new GlobalDecimal("1e-1000")).toString()).toBe("1e-1000");
      expect(toDecimal(foreign([10], -1000, 1)).toString()).toBe("1e-1000");
    });

    it("rejects values below 1e-1000 and at or above 1e1000 with NUMBER_TOO_LARGE", () => {
      for (const text of ["1e-1001", "-9e-1001", "1e1000"]) {
        const error = expectCode(
          () => toDecimal(new GlobalDecimal(text), ["t"]),
          "NUMBER_TOO_LARGE",
          ["t"],
        );
        expect(error.message).toMatch(/outside the supported magnitude 1e-1000 ≤ \|x\| < 1e1000/);
      }
    });

    it("rejects a NaN or infinite Decimal with its own message", () => {
      for (const value of [new GlobalDecimal(Number.NaN), new GlobalDecimal("-Infinity")]) {
        const error = expectCode(() => toDecimal(value, ["v"]), "INVALID_NUMBER", ["v"]);
        expect(error.message).toMatch(/Expected a finite Decimal, got NaN or Infinity/);
      }
    });

    it.each([
      ["no words", [], 0, 1],
      ["no words and a huge exponent", [], 5000, 1],
      ["41 words", [1, ...Array.from({ length: 40 }, () => 1234567)], 280, 1],
      ["a word of 1e7", [1, 10_000_000], 7, 1],
      ["a negative word", [1, -1], 7, 1],
      ["a fractional word", [1, 0.5], 7, 1],
      ["a string word", [1, "1"], 7, 1],
      ["words that are not an array", "15", 1, 1],
      ["a string exponent", [5], "0", 1],
      ["a NaN exponent", [1234567], Number.NaN, 1],
      ["an infinite exponent", [1], Number.POSITIVE_INFINITY, 1],
      ["a sign of 0", [5], 0, 0],
      ["a sign of 2", [5], 0, 2],
      ["a missing sign", [5], 0, undefined],
      ["a leading zero word", [0, 1234567], 6, 1],
      ["a trailing zero word", [1, 0], 7, 1],
      ["a first word too long for the exponent", [12], 0, 1],
    ])("rejects %s as malformed", (_label, d, e, s) => {
      malformed(d, e, s);
    });

    it("rejects objects that only look like a Decimal", () => {
      const fields = { d: [1], e: 0, s: 1 };
      const lookalikes: object[] = [
        { ...fields, [Symbol.toStringTag]: "Decimal" },
        Object.assign(Object.create(null), fields, { [Symbol.toStringTag]: "Decimal" }),
        new (class Decimal {
          d = [1];
          e = 0;
          s = 1;
        })(),
      ];
      for (const value of lookalikes) {
        const error = expectCode(() => toDecimal(value as never, ["v"]), "INVALID_NUMBER", ["v"]);
        expect(error.message).toMatch(
          /Expected a number, a numeric string or a Decimal, got an object/,
        );
      }
    });
  });

  describe("properties", () => {
    it("agrees with decimal.js on every finite double", () => {
      fc.assert(
        fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
          expect(toDecimal(x)).toEqualDecimal(new GlobalDecimal(x));
        }),
      );
    });
  });
});
