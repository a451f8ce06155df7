import fc from "fast-check";
import { parseAmount, TargetreeError } from "targetree";
import { describe, expect, it } from "vitest";
import { runs } from "../_support/runs.js";

const code = (run: () => unknown): string | undefined => {
  try {
    run();
  } catch (error) {
    if (error instanceof TargetreeError) return error.code;
    throw error;
  }
  return undefined;
};

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
    expect(code(() => parseAmount(text))).toBe("INVALID_NUMBER");
  });

  it("reports the column of the first bad character", () => {
    try {
      parseAmount("12x4");
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(TargetreeError);
      expect((error as TargetreeError).details.column).toBe(3);
      expect((error as TargetreeError).message).toContain("column 3");
    }
  });

  it("carries the caller's path", () => {
    try {
      parseAmount("abc", { path: ["inputs", "price"] });
      expect.unreachable();
    } catch (error) {
      expect((error as TargetreeError).path).toEqual(["inputs", "price"]);
      expect((error as TargetreeError).message).toContain("inputs.price");
    }
  });

  it("rejects a non-string with INVALID_NUMBER", () => {
    expect(code(() => parseAmount(12 as unknown as string))).toBe("INVALID_NUMBER");
  });

  it("gives NUMBER_TOO_LARGE past the digit and magnitude bounds", () => {
    expect(code(() => parseAmount("1".repeat(101)))).toBe("NUMBER_TOO_LARGE");
    expect(code(() => parseAmount("1e1000"))).toBe("NUMBER_TOO_LARGE");
    expect(code(() => parseAmount("1e-1001"))).toBe("NUMBER_TOO_LARGE");
  });

  it("rejects 50,000 characters of garbage quickly and with a short message", () => {
    for (const garbage of ["1,".repeat(25_000), "9".repeat(50_000), `${"1,111".repeat(10_000)}x`]) {
      try {
        parseAmount(garbage);
        expect.unreachable();
      } catch (error) {
        expect((error as TargetreeError).code).toBe("INVALID_NUMBER");
        expect((error as TargetreeError).message.length).toBeLessThan(200);
      }
    }
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
            expect(parseAmount(`${text}万`).toString()).toBe(
              parseAmount(text).times(10_000).toString(),
            );
            expect(parseAmount(`${text}%`).toString()).toBe(parseAmount(text).div(100).toString());
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
