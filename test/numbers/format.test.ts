import { Decimal } from "decimal.js";
import fc from "fast-check";
import { formatAmount, formatPercent, parseAmount, TargetreeError } from "targetree";
import { describe, expect, it } from "vitest";
import { expectCode } from "../_support/errors.js";
import { runs } from "../_support/runs.js";

describe("formatAmount", () => {
  it("scales by magnitude with scale auto", () => {
    expect(formatAmount(4_800_000)).toBe("480万");
    expect(formatAmount("1.2亿")).toBe("1.2亿");
    expect(formatAmount(115_200_000)).toBe("1.15亿");
    expect(formatAmount(8000)).toBe("8,000");
    expect(formatAmount(-12_345_678.9)).toBe("-1,234.57万");
  });

  it("formats in a fixed scale", () => {
    expect(formatAmount(909_090.909, { scale: "元" })).toBe("909,090.91元");
    expect(formatAmount(120_000_000, { scale: "万" })).toBe("12,000万");
    expect(formatAmount(4_800_000, { scale: "亿", digits: 3 })).toBe("0.048亿");
    expect(formatAmount(1_234.5, { scale: "none", fixed: true })).toBe("1,234.50");
  });

  it("rounds half-up by default and takes another mode on request", () => {
    expect(formatAmount(2.345, { scale: "none" })).toBe("2.35");
    expect(formatAmount(2.345, { scale: "none", rounding: "half-even" })).toBe("2.34");
    expect(formatAmount(-2.345, { scale: "none" })).toBe("-2.35");
  });

  it("is exact for 1e15 with cents", () => {
    expect(formatAmount("999999999999999.99", { scale: "none" })).toBe("999,999,999,999,999.99");
  });

  it("rejects bad values and options", () => {
    expect(() => formatAmount(Number.NaN)).toThrow(TargetreeError);
    expect(() => formatAmount(1, { digits: -1 })).toThrow(/digits/);
    expect(() => formatAmount(1, { digits: 1.5 })).toThrow(TargetreeError);
    expect(() => formatAmount(1, { scale: "千" as never })).toThrow(/scale/);
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
    expect(formatAmount("1e309", { scale: "none", digits: 0 })).toBe(`1${",000".repeat(103)}`);
    expect(formatAmount("1e999")).toMatch(/^10(,000)+亿$/);
    expect(formatPercent("1e307")).not.toContain("∞");
  });

  it("uses the locale's separators", () => {
    expect(formatAmount(1234567.5, { scale: "none", locale: "de-DE" })).toBe("1.234.567,5");
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

  it("takes digits from 0 to 20 and rejects anything else at options.digits", () => {
    expect(formatAmount("0.123456789012345678915", { scale: "none", digits: 20 })).toBe(
      "0.12345678901234567892",
    );
    expect(formatAmount(2.5, { scale: "none", digits: 0 })).toBe("3");
    expect(formatPercent(0.5, { digits: 20, fixed: true })).toBe(`50.${"0".repeat(20)}%`);
    for (const digits of [21, -1, 1.5, Number.NaN, "2", null]) {
      const error = expectCode(
        () => formatAmount(1, { digits: digits as never }),
        "INVALID_ARGUMENT",
        ["options", "digits"],
      );
      expect(error.message).toMatch(/digits must be a whole number from 0 to 20/);
      expectCode(() => formatPercent(1, { digits: digits as never }), "INVALID_ARGUMENT", [
        "options",
        "digits",
      ]);
    }
  });

  it("rejects a locale that is not a string, or that Intl does not know, at options.locale", () => {
    const notString = expectCode(
      () => formatAmount(1, { locale: 5 as never }),
      "INVALID_ARGUMENT",
      ["options", "locale"],
    );
    expect(notString.message).toMatch(/locale must be a BCP 47 tag such as "zh-CN"/);
    const unknown = expectCode(
      () => formatPercent(1, { locale: "not a locale!" }),
      "INVALID_ARGUMENT",
      ["options", "locale"],
    );
    expect(unknown.message).toMatch(/"not a locale!" is not a locale Intl knows/);
  });

  it("rejects a scale outside the list at options.scale, and accepts auto explicitly", () => {
    expect(formatAmount(4_800_000, { scale: "auto" })).toBe("480万");
    const error = expectCode(() => formatAmount(1, { scale: "千" as never }), "INVALID_ARGUMENT", [
      "options",
      "scale",
    ]);
    expect(error.message).toMatch(/"auto" or "亿" or "万" or "元" or "none"/);
  });

  it("rejects non-boolean fixed and signed at their own option paths", () => {
    const at = (key: string) => ["options", key];
    expectCode(() => formatAmount(1, { fixed: "yes" as never }), "INVALID_ARGUMENT", at("fixed"));
    expectCode(() => formatPercent(1, { fixed: 1 as never }), "INVALID_ARGUMENT", at("fixed"));
    expectCode(() => formatPercent(1, { signed: 0 as never }), "INVALID_ARGUMENT", at("signed"));
  });

  it("rejects an unknown rounding mode at options.rounding", () => {
    expectCode(() => formatAmount(1, { rounding: "nearest" as never }), "INVALID_ARGUMENT", [
      "options",
      "rounding",
    ]);
    expectCode(() => formatPercent(1, { rounding: "nearest" as never }), "INVALID_ARGUMENT", [
      "options",
      "rounding",
    ]);
  });
});

describe("formatting boundaries", () => {
  it("switches to 万 at exactly 1万 and to 亿 at exactly 1亿", () => {
    expect(formatAmount(9_999.99)).toBe("9,999.99");
    expect(formatAmount(10_000)).toBe("1万");
    expect(formatAmount(-10_000)).toBe("-1万");
    expect(formatAmount(99_990_000)).toBe("9,999万");
    expect(formatAmount(100_000_000)).toBe("1亿");
  });

  it("chooses 万 or 亿 after rounding, so a value never shows as 10,000 of a smaller scale", () => {
    expect(formatAmount("99999999.995")).toBe("1亿");
    expect(formatAmount(99_999_999)).toBe("1亿");
    expect(formatAmount("9999.995")).toBe("1万");
    expect(formatAmount("-9999.995")).toBe("-1万");
    expect(formatAmount("9999.994")).toBe("9,999.99");
    expect(formatAmount("9999.5", { digits: 0 })).toBe("1万");
    expect(formatAmount("9999.5", { digits: 0, rounding: "down" })).toBe("9,999");
    expect(formatAmount("99999999.9", { digits: 0, rounding: "up" })).toBe("1亿");
    expect(formatAmount("99999999.995", { digits: 2, fixed: true })).toBe("1.00亿");
    // An explicit scale is kept as asked.
    expect(formatAmount("99999999.995", { scale: "万" })).toBe("10,000万");
  });

  it("never shows a minus sign on a value that rounds to zero", () => {
    expect(formatAmount(-0.001, { scale: "none" })).toBe("0");
    expect(formatAmount(-0.001, { scale: "none", fixed: true })).toBe("0.00");
    expect(formatPercent(-0.00001)).toBe("0%");
  });
});

describe("formatAmount properties", () => {
  /** Decimals of up to 15 significant digits, from 1e-4 to about 1e13, of either sign. */
  const amounts = fc
    .tuple(
      fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }),
      fc.integer({ min: 0, max: 6 }),
      fc.integer({ min: -4, max: 4 }),
    )
    .map(([digits, places, shift]) =>
      new Decimal(digits.toString()).times(new Decimal(10).pow(shift - places)).toFixed(),
    );
  const settings = fc.record({
    digits: fc.integer({ min: 0, max: 4 }),
    rounding: fc.constantFrom(
      "half-up",
      "half-even",
      "down",
      "up",
      "ceil",
      "floor",
    ) as fc.Arbitrary<"half-up" | "half-even" | "down" | "up" | "ceil" | "floor">,
  });

  it("never shows 10,000 or more of a scale when a larger one exists", () => {
    fc.assert(
      fc.property(amounts, settings, (amount, options) => {
        const text = formatAmount(amount, options);
        const mantissa = new Decimal(text.replace(/[,万亿]/g, "")).abs();
        if (!text.endsWith("亿")) expect(mantissa.lt(10_000), `${amount} → ${text}`).toBe(true);
      }),
      { numRuns: runs(2000) },
    );
  });

  it("parses back to within the displayed rounding of the value", () => {
    fc.assert(
      fc.property(amounts, settings, (amount, options) => {
        const text = formatAmount(amount, options);
        const scale = text.endsWith("亿") ? 8 : text.endsWith("万") ? 4 : 0;
        // One step of the last shown digit; half a step for the half-way modes.
        const step = new Decimal(10).pow(scale - options.digits);
        const bound = options.rounding.startsWith("half") ? step.div(2) : step;
        const error = parseAmount(text).minus(amount).abs();
        expect(error.lte(bound), `${amount} → ${text}`).toBe(true);
      }),
      { numRuns: runs(2000) },
    );
  });
});

describe("null values and strict options", () => {
  it("shows a null rate or amount as a dash", () => {
    expect(formatPercent(null)).toBe("—");
    expect(formatPercent(null, { signed: true, digits: 1 })).toBe("—");
    expect(formatAmount(null)).toBe("—");
  });

  it("still checks the options of a null value", () => {
    expectCode(() => formatPercent(null, { digts: 1 } as never), "UNKNOWN_OPTION", [
      "options",
      "digts",
    ]);
    expectCode(() => formatAmount(null, { digits: -1 }), "INVALID_ARGUMENT", ["options", "digits"]);
  });

  it("refuses undefined as a value: only null means no value", () => {
    expectCode(() => formatPercent(undefined as never), "INVALID_NUMBER", ["ratio"]);
    expectCode(() => formatAmount(undefined as never), "INVALID_NUMBER", ["value"]);
  });

  it("refuses a misspelt option key, naming the closest known key", () => {
    const amount = expectCode(() => formatAmount(1, { digit: 2 } as never), "UNKNOWN_OPTION", [
      "options",
      "digit",
    ]);
    expect(amount.message).toMatch(/Did you mean "digits"\?/);
    const percent = expectCode(() => formatPercent(1, { sign: true } as never), "UNKNOWN_OPTION", [
      "options",
      "sign",
    ]);
    expect(percent.message).toMatch(/Did you mean "signed"\?/);
  });

  it("refuses the old unit option of formatAmount: the display scale is scale", () => {
    const error = expectCode(() => formatAmount(1, { unit: "万" } as never), "UNKNOWN_OPTION", [
      "options",
      "unit",
    ]);
    expect(error.message).toMatch(/"scale"/);
  });
});
