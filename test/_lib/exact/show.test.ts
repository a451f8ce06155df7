// Exact values in error messages: every digit, the integer part grouped by three.
import { describe, expect, it } from "vitest";
import { Decimal } from "../../../src/_lib/decimal.js";
import { showUnits, showValue, toScaled } from "../../../src/_lib/exact/index.js";

describe("showValue", () => {
  it("shows values with thousands separators", () => {
    expect(showValue(new Decimal("-1234567.5"))).toBe("-1,234,567.5");
    expect(showValue(new Decimal("12"))).toBe("12");
  });

  it("groups the integer digits by three, keeping the fraction and the sign", () => {
    const cases: [string, string][] = [
      ["0", "0"],
      ["7", "7"],
      ["123", "123"],
      ["1234", "1,234"],
      ["123456", "123,456"],
      ["1234567", "1,234,567"],
      ["-100", "-100"],
      ["-0.05", "-0.05"],
      ["1000.125", "1,000.125"],
    ];
    for (const [value, shown] of cases) expect(showValue(new Decimal(value))).toBe(shown);
  });
});

describe("showUnits", () => {
  it("shows a count of units as the amount it makes", () => {
    expect(showUnits(123456n, toScaled(new Decimal("0.01")))).toBe("1,234.56");
    expect(showUnits(-3n, toScaled(new Decimal("1e4")))).toBe("-30,000");
  });
});
