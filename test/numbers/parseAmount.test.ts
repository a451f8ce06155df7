import fc from "fast-check";
import { parseAmount, TargetreeError } from "targetree";
import { describe, expect, it } from "vitest";
import { errorOf, expectCode } from "../_support/errors.js";
import { runs } from "../_support/runs.js";

describe("parseAmount", () => {
  it.each([
    ["8000", "8000"],
    ["1,200.50", "1200.5"],
    ["-3.5", "-3.5"],
    ["+7", "7"],
    ["−2", "-2"],
    ["25%", "0.25"],
    ["25％", "0.25"],
    ["5‰", "0.005"],
    ["50万", "500000"],
    ["1.2亿", "120000000"],
    ["3.5千", "3500"],
    ["2百万", "2000000"],
    ["1千万", "10000000"],
    ["1.5万亿", "1500000000000"],
    ["¥8,000元", "8000"],
    ["  480 万 ", "4800000"],
    ["1.2e6", "1200000"],
    ["1.2E-2", "0.012"],
    [".5", "0.5"],
    ["0", "0"],
    ["-0", "0"],
    ["000123", "123"],
    ["1,234,567.891", "1234567.891"],
  ])("reads %j as %s", (text, expected) => {
    expect(parseAmount(text).toString()).toBe(expected);
  });

  it("is exact for totals of 1e15 with cents", () => {
    expect(parseAmount("999,999,999,999,999.99").toFixed(2)).toBe("999999999999999.99");
  });

  it.each([
    "",
    "   ",
    "abc",
    "1.2.3",
    "0x10",
    "0b11",
    "1_000",
    "NaN",
    "Infinity",
    "-Infinity",
    "1,2",
    "12,34",
    "1,2345",
    ",123",
    "5.",
    "1e",
    "1e12345",
    "--1",
    "1%%",
    "50万万",
    "5%元",
    "1 000",
    "١٢٣",
  ])("rejects %j with INVALID_NUMBER", (text) => {
    expectCode(() => parseAmount(text), "INVALID_NUMBER");
  });

  it("reports the column of the first bad character", () => {
    const error = errorOf(() => parseAmount("12x4"));
    expect(error.details.column).toBe(3);
    expect(error.message).toContain("column 3");
  });

  it("carries the caller's path", () => {
    const error = errorOf(() => parseAmount("abc", { path: ["inputs", "price"] }));
    expect(error.path).toEqual(["inputs", "price"]);
    expect(error.message).toContain("inputs.price");
  });

  it("rejects a non-string with INVALID_NUMBER", () => {
    expectCode(() => parseAmount(12 as unknown as string), "INVALID_NUMBER");
  });

  it("gives NUMBER_TOO_LARGE past the digit and magnitude bounds", () => {
    expectCode(() => parseAmount("1".repeat(101)), "NUMBER_TOO_LARGE");
    expectCode(() => parseAmount("1e1000"), "NUMBER_TOO_LARGE");
    expectCode(() => parseAmount("1e-1001"), "NUMBER_TOO_LARGE");
  });

  it("rejects 50,000 characters of garbage quickly and with a short message", () => {
    for (const garbage of ["1,".repeat(25_000), "9".repeat(50_000), `${"1,111".repeat(10_000)}x`]) {
      const error = expectCode(() => parseAmount(garbage), "INVALID_NUMBER");
      expect(error.message.length).toBeLessThan(200);
    }
  });

  describe("readings", () => {
    it.each([
      ["￥8,000", "8000"],
      ["¥-5", "-5"],
      ["1.5e+3", "1500"],
      ["2E+2", "200"],
      ["1e3%", "10"],
      ["4e-1万", "4000"],
      ["50万元", "500000"],
      ["1.2亿元", "120000000"],
      ["5 元", "5"],
      ["1,234", "1234"],
    ])("reads %j as %s", (text, expected) => {
      expect(parseAmount(text).toString()).toBe(expected);
    });

    it("reads every zero as plain 0, never -0", () => {
      for (const text of ["-0", "-00", "−0.000", "-0e5", "0万"]) {
        const value = parseAmount(text);
        expect([value.toString(), value.isNegative()]).toEqual(["0", false]);
      }
    });
  });

  describe("errors", () => {
    /** The INVALID_NUMBER error for `text`, with its path, message and details. */
    const invalid = (text: string) => expectCode(() => parseAmount(text), "INVALID_NUMBER", []);

    it("explains an empty or blank text, without a column", () => {
      for (const text of ["", "   "]) {
        const error = invalid(text);
        expect(error.message).toBe(
          `INVALID_NUMBER: ${JSON.stringify(text)} is not an amount: it is empty.`,
        );
        expect(error.details).toEqual({});
      }
    });

    it("accepts 256 characters and rejects 257, without a column", () => {
      expect(parseAmount("1".padStart(256, " ")).toString()).toBe("1");
      const error = invalid("1".padStart(257, " "));
      expect(error.message).toMatch(/is not an amount: longer than 256 characters\.$/);
      expect(error.details).toEqual({});
    });

    it.each([
      ["1,23,456", 5],
      ["1234,567", 5],
      ["12,34", 5],
      ["1,234,5", 7],
      [",5", 1],
    ])("rejects %j: thousands separators out of place (column %i)", (text, column) => {
      const error = invalid(text);
      expect(error.message).toMatch(
        /thousands separators must split the digits into groups of three/,
      );
      expect(error.message).toContain(`(column ${column})`);
      expect(error.details).toEqual({ column });
    });

    it.each([
      ["5.", "a decimal point must be followed by digits", 3],
      ["-", "it has no digits", 2],
      ["¥", "it has no digits", 2],
      ["万", "it has no digits", 1],
      ["1e", "the exponent must have one to four digits", 3],
      ["1e+", "the exponent must have one to four digits", 4],
      ["1e12345", "the exponent must have one to four digits", 8],
      ["12x4", "unexpected character", 3],
      ["5%元", "unexpected character", 3],
    ])("rejects %j: %s (column %i)", (text, why, column) => {
      const error = invalid(text);
      expect(error.message).toBe(
        `INVALID_NUMBER: ${JSON.stringify(text)} is not an amount: ${why} (column ${column}).`,
      );
      expect(error.details).toEqual({ column });
    });

    it("rejects a non-string with its own message and the caller's path", () => {
      const error = expectCode(
        () => parseAmount(12 as unknown as string, { path: ["inputs", 0] }),
        "INVALID_NUMBER",
        ["inputs", 0],
      );
      expect(error.message).toMatch(/parseAmount expects a string/);
    });

    it("checks the path option at options.path, and the options object at options", () => {
      const error = expectCode(
        () => parseAmount("1", { path: "price" as never }),
        "INVALID_ARGUMENT",
        ["options", "path"],
      );
      expect(error.message).toMatch(/path must be an array of property names and integer indexes/);
      expectCode(() => parseAmount("1", 5 as never), "INVALID_ARGUMENT", ["options"]);
    });

    it("refuses an unknown option key, naming the closest known key", () => {
      const error = expectCode(
        () => parseAmount("1", { paht: ["price"] } as never),
        "UNKNOWN_OPTION",
        ["options", "paht"],
      );
      expect(error.message).toMatch(/Did you mean "path"\?/);
    });
  });

  describe("bounds", () => {
    const tooLarge = (text: string) =>
      expectCode(() => parseAmount(text, { path: ["t"] }), "NUMBER_TOO_LARGE", ["t"]);

    it("accepts 100 significant digits, however many zeros surround them", () => {
      const hundred = "1".repeat(100);
      expect(parseAmount(hundred).precision()).toBe(100);
      expect(parseAmount(`00${hundred}`).precision()).toBe(100);
      expect(parseAmount(`${hundred}00`).toFixed()).toBe(`${hundred}00`);
      expect(parseAmount(`0.000${hundred}`).precision()).toBe(100);
    });

    it("rejects 101 significant digits, zeros inside them included", () => {
      for (const text of [
        "1".repeat(101),
        `1${"0".repeat(50)}${"1".repeat(50)}`,
        `${"1".repeat(50)}0${"1".repeat(50)}`,
        `${"1".repeat(50)}.${"0".repeat(50)}1`,
      ]) {
        expect(tooLarge(text).message).toMatch(/has more than 100 significant digits/);
      }
    });

    it("accepts 1e-1000 ≤ |x| < 1e1000 and rejects values outside", () => {
      expect(parseAmount("1e-1000").toString()).toBe("1e-1000");
      expect(parseAmount("-9.99e999").toString()).toBe("-9.99e+999");
      expect(parseAmount("0.1e-999").toString()).toBe("1e-1000");
      for (const text of ["1e1000", "-1e1000", "1e-1001", "0.1e-1000", "1e997万"]) {
        expect(tooLarge(text).message).toMatch(
          /is outside the supported magnitude 1e-1000 ≤ \|x\| < 1e1000/,
        );
      }
    });
  });

  describe("properties", () => {
    it("reads back any integer written with thousands separators", () => {
      fc.assert(
        fc.property(fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }), (n) => {
          const grouped = n.toLocaleString("en-US");
          expect(parseAmount(grouped).toFixed(0)).toBe(n.toString());
        }),
      );
    });

    it("scales by the unit suffix exactly", () => {
      fc.assert(
        fc.property(
          fc.integer({ min: 0, max: 10 ** 9 }),
          fc.integer({ min: 0, max: 99 }),
          (whole, cents) => {
            const text = `${whole}.${String(cents).padStart(2, "0")}`;
            expect(parseAmount(`${text}万`)).toEqualDecimal(parseAmount(text).times(10_000));
            expect(parseAmount(`${text}%`)).toEqualDecimal(parseAmount(text).div(100));
          },
        ),
      );
    });

    it("only ever returns a finite Decimal or throws TargetreeError", () => {
      fc.assert(
        fc.property(fc.string({ maxLength: 40 }), (text) => {
          try {
            expect(parseAmount(text).isFinite()).toBe(true);
          } catch (error) {
            expect(error).toBeInstanceOf(TargetreeError);
          }
        }),
        { numRuns: runs(2000) },
      );
    });
  });
});
