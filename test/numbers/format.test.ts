import { formatAmount, formatPercent, TargetreeError } from "targetree";
import { describe, expect, it } from "vitest";
import { expectCode } from "../_support/errors.js";

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

describe("formatting errors", () => {
  it("rejects a bad value at value / ratio", () => {
    const amount = expectCode(() => formatAmount(Number.NaN), "INVALID_NUMBER", ["value"]);
    expect(amount.message).toMatch(/Expected a finite number, got NaN/);
    expectCode(() => formatAmount("abc"), "INVALID_NUMBER", ["value"]);
    expectCode(() => formatPercent(Number.NaN), "INVALID_NUMBER", ["ratio"]);
    expectCode(() => formatPercent("1.2.3"), "INVALID_NUMBER", ["ratio"]);
  });

  it("takes digits from 0 to 20 and rejects anything else at digits", () => {
    expect(formatAmount("0.123456789012345678915", { unit: "none", digits: 20 })).toBe(
      "0.12345678901234567892",
    );
    expect(formatAmount(2.5, { unit: "none", digits: 0 })).toBe("3");
    expect(formatPercent(0.5, { digits: 20, fixed: true })).toBe(`50.${"0".repeat(20)}%`);
    for (const digits of [21, -1, 1.5, Number.NaN, "2", null]) {
      const error = expectCode(
        () => formatAmount(1, { digits: digits as never }),
        "INVALID_ARGUMENT",
        ["digits"],
      );
      expect(error.message).toMatch(/digits must be a whole number from 0 to 20/);
      expectCode(() => formatPercent(1, { digits: digits as never }), "INVALID_ARGUMENT", [
        "digits",
      ]);
    }
  });

  it("rejects a locale that is not a string, or that Intl does not know, at locale", () => {
    const notString = expectCode(
      () => formatAmount(1, { locale: 5 as never }),
      "INVALID_ARGUMENT",
      ["locale"],
    );
    expect(notString.message).toMatch(/locale must be a BCP 47 tag such as "zh-CN"/);
    const unknown = expectCode(
      () => formatPercent(1, { locale: "not a locale!" }),
      "INVALID_ARGUMENT",
      ["locale"],
    );
    expect(unknown.message).toMatch(/"not a locale!" is not a locale Intl knows/);
  });

  it("rejects a unit outside the list at unit, and accepts auto explicitly", () => {
    expect(formatAmount(4_800_000, { unit: "auto" })).toBe("480万");
    const error = expectCode(() => formatAmount(1, { unit: "千" as never }), "INVALID_ARGUMENT", [
      "unit",
    ]);
    expect(error.message).toMatch(/"auto", "亿", "万", "元", "none"/);
  });

  it("rejects non-boolean fixed and signed at their own names", () => {
    expectCode(() => formatAmount(1, { fixed: "yes" as never }), "INVALID_ARGUMENT", ["fixed"]);
    expectCode(() => formatPercent(1, { fixed: 1 as never }), "INVALID_ARGUMENT", ["fixed"]);
    expectCode(() => formatPercent(1, { signed: 0 as never }), "INVALID_ARGUMENT", ["signed"]);
  });

  it("rejects an unknown rounding mode at rounding", () => {
    expectCode(() => formatAmount(1, { rounding: "nearest" as never }), "INVALID_ARGUMENT", [
      "rounding",
    ]);
    expectCode(() => formatPercent(1, { rounding: "nearest" as never }), "INVALID_ARGUMENT", [
      "rounding",
    ]);
  });
});

describe("formatting boundaries", () => {
  it("switches to 万 at exactly 1万 and to 亿 at exactly 1亿", () => {
    expect(formatAmount(9_999.99)).toBe("9,999.99");
    expect(formatAmount(10_000)).toBe("1万");
    expect(formatAmount(-10_000)).toBe("-1万");
    expect(formatAmount(99_999_999)).toBe("10,000万");
    expect(formatAmount(100_000_000)).toBe("1亿");
  });

  it("never shows a minus sign on a value that rounds to zero", () => {
    expect(formatAmount(-0.001, { unit: "none" })).toBe("0");
    expect(formatAmount(-0.001, { unit: "none", fixed: true })).toBe("0.00");
    expect(formatPercent(-0.00001)).toBe("0%");
  });
});
