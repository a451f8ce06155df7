import { formatAmount, formatPercent, TargetreeError } from "targetree";
import { describe, expect, it } from "vitest";

describe("formatAmount", () => {
  it("scales by magnitude with unit auto", () => {
    expect(formatAmount(4_800_000)).toBe("480万");
    expect(formatAmount("1.2亿")).toBe("1.2亿");
    expect(formatAmount(115_200_000)).toBe("1.15亿");
    expect(formatAmount(8000)).toBe("8,000");
    expect(formatAmount(-12_345_678.9)).toBe("-1,234.57万");
  });

  it("formats in a fixed unit", () => {
    expect(formatAmount(909_090.909, { unit: "元" })).toBe("909,090.91元");
    expect(formatAmount(120_000_000, { unit: "万" })).toBe("12,000万");
    expect(formatAmount(4_800_000, { unit: "亿", digits: 3 })).toBe("0.048亿");
    expect(formatAmount(1_234.5, { unit: "none", fixed: true })).toBe("1,234.50");
  });

  it("rounds half-up by default and takes another mode on request", () => {
    expect(formatAmount(2.345, { unit: "none" })).toBe("2.35");
    expect(formatAmount(2.345, { unit: "none", rounding: "half-even" })).toBe("2.34");
    expect(formatAmount(-2.345, { unit: "none" })).toBe("-2.35");
  });

  it("is exact for 1e15 with cents", () => {
    expect(formatAmount("999999999999999.99", { unit: "none" })).toBe("999,999,999,999,999.99");
  });

  it("rejects bad values and options", () => {
    expect(() => formatAmount(Number.NaN)).toThrow(TargetreeError);
    expect(() => formatAmount(1, { digits: -1 })).toThrow(/digits/);
    expect(() => formatAmount(1, { digits: 1.5 })).toThrow(TargetreeError);
    expect(() => formatAmount(1, { unit: "千" as never })).toThrow(/unit/);
    expect(() => formatAmount(1, { rounding: "nearest" as never })).toThrow(/rounding/);
  });
});

describe("formatPercent", () => {
  it("formats ratios as percentages", () => {
    expect(formatPercent(0.96)).toBe("96%");
    expect(formatPercent(0.142857)).toBe("14.29%");
    expect(formatPercent(0.3333, { digits: 1 })).toBe("33.3%");
    expect(formatPercent(0.25, { signed: true })).toBe("+25%");
    expect(formatPercent(-0.25, { signed: true })).toBe("-25%");
    expect(formatPercent(0.00001, { signed: true })).toBe("0%");
    expect(formatPercent(0.5, { fixed: true, digits: 1 })).toBe("50.0%");
  });

  it("rejects a bad ratio", () => {
    expect(() => formatPercent("abc")).toThrow(TargetreeError);
  });
});

describe("formatting options and magnitudes", () => {
  it("formats values past 1e308 exactly, never as ∞", () => {
    expect(formatAmount("1e309", { unit: "none", digits: 0 })).toBe(`1${",000".repeat(103)}`);
    expect(formatAmount("1e999")).toMatch(/^10(,000)+亿$/);
    expect(formatPercent("1e307")).not.toContain("∞");
  });

  it("uses the locale's separators", () => {
    expect(formatAmount(1234567.5, { unit: "none", locale: "de-DE" })).toBe("1.234.567,5");
    expect(() => formatAmount(1, { locale: "not a locale!" })).toThrow(/locale/);
    expect(() => formatAmount(1, { locale: 5 as never })).toThrow(TargetreeError);
  });

  it("takes booleans only for boolean options", () => {
    expect(() => formatPercent(0.25, { signed: "false" as never })).toThrow(/true or false/);
    expect(() => formatAmount(1, { fixed: 1 as never })).toThrow(TargetreeError);
  });

  it("rejects options that are not an object", () => {
    for (const bad of [null, true, "abc", 5, []]) {
      expect(() => formatAmount(1, bad as never)).toThrow(TargetreeError);
      expect(() => formatPercent(1, bad as never)).toThrow(TargetreeError);
    }
  });

  it("ignores option names planted on Object.prototype", () => {
    const proto = Object.prototype as Record<string, unknown>;
    proto.unit = "1万";
    proto.style = "currency";
    proto.signed = true;
    try {
      expect(formatAmount(4_800_000)).toBe("480万");
      expect(formatPercent(0.25)).toBe("25%");
    } finally {
      delete proto.unit;
      delete proto.style;
      delete proto.signed;
    }
  });
});
