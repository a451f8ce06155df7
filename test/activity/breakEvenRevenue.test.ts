import fc from "fast-check";
import { breakEvenRevenue } from "targetree";
import { describe, expect, it } from "vitest";
import { expectCode } from "../_support/errors.js";
import { runs } from "../_support/runs.js";

describe("breakEvenRevenue", () => {
  it("gives W5: 500,000 / 55% = 909,090.91 at 2 dp", () => {
    const exact = breakEvenRevenue({ fixedCosts: "50万", grossMargin: "55%" });
    expect(exact.toFixed(6)).toBe("909090.909091");
    const cents = breakEvenRevenue({ fixedCosts: "50万", grossMargin: "55%" }, { unit: "0.01" });
    expect(cents.toString()).toBe("909090.91");
  });

  it("rounds half-up by default, or by the mode asked for", () => {
    const input = { fixedCosts: 500_000, grossMargin: 0.55 };
    expect(breakEvenRevenue(input, { unit: 1 }).toString()).toBe("909091");
    expect(breakEvenRevenue(input, { unit: 1, rounding: "floor" }).toString()).toBe("909090");
    expect(breakEvenRevenue(input, { unit: "1万", rounding: "ceil" }).toString()).toBe("910000");
  });

  it("takes a bare 万 or 亿 as the unit, meaning one of it", () => {
    const input = { fixedCosts: 500_000, grossMargin: 0.55 };
    expect(breakEvenRevenue(input, { unit: "万", rounding: "ceil" }).toString()).toBe("910000");
    expect(breakEvenRevenue(input, { unit: " 万 " }).toString()).toBe("910000");
    expect(
      breakEvenRevenue({ fixedCosts: "3亿", grossMargin: "40%" }, { unit: "亿" }).toString(),
    ).toBe("800000000");
  });

  it("refuses a misspelt input field or option with UNKNOWN_OPTION and the closest name", () => {
    const field = expectCode(
      () => breakEvenRevenue({ fixedCost: 1, grossMargin: 0.5 } as never),
      "UNKNOWN_OPTION",
      ["fixedCost"],
    );
    expect(field.message).toMatch(/Did you mean "fixedCosts"\?/);
    const option = expectCode(
      () => breakEvenRevenue({ fixedCosts: 1, grossMargin: 0.5 }, { unti: 1 } as never),
      "UNKNOWN_OPTION",
      ["options", "unti"],
    );
    expect(option.message).toMatch(/Did you mean "unit"\?/);
  });

  it("is exact when the division is", () => {
    expect(breakEvenRevenue({ fixedCosts: 300, grossMargin: 0.6 }).toString()).toBe("500");
    expect(breakEvenRevenue({ fixedCosts: 0, grossMargin: "100%" }).toString()).toBe("0");
  });

  it("throws NO_SOLUTION when the margin is zero or negative", () => {
    expectCode(() => breakEvenRevenue({ fixedCosts: 1, grossMargin: 0 }), "NO_SOLUTION", [
      "grossMargin",
    ]);
    expectCode(() => breakEvenRevenue({ fixedCosts: 1, grossMargin: "-5%" }), "NO_SOLUTION", [
      "grossMargin",
    ]);
  });

  it("rejects a margin above 100%, negative costs, bad numbers and bad units", () => {
    expectCode(() => breakEvenRevenue({ fixedCosts: 1, grossMargin: 55 }), "INVALID_ARGUMENT", [
      "grossMargin",
    ]);
    expectCode(() => breakEvenRevenue({ fixedCosts: -1, grossMargin: 0.5 }), "INVALID_ARGUMENT", [
      "fixedCosts",
    ]);
    expectCode(() => breakEvenRevenue({ fixedCosts: "", grossMargin: 0.5 }), "INVALID_NUMBER", [
      "fixedCosts",
    ]);
    expectCode(
      () => breakEvenRevenue({ fixedCosts: 1, grossMargin: null as never }),
      "INVALID_NUMBER",
      ["grossMargin"],
    );
    expectCode(
      () => breakEvenRevenue({ fixedCosts: 1, grossMargin: 0.5 }, { unit: 0 }),
      "INVALID_ARGUMENT",
      ["options", "unit"],
    );
    expectCode(
      () => breakEvenRevenue({ fixedCosts: 1, grossMargin: 0.5 }, { rounding: "bankers" as never }),
      "INVALID_ARGUMENT",
      ["options", "rounding"],
    );
  });

  it("does not mutate frozen input", () => {
    const input = Object.freeze({ fixedCosts: 100, grossMargin: "50%" });
    expect(breakEvenRevenue(input).toString()).toBe("200");
  });

  it("refuses a result past the supported magnitude with NUMBER_TOO_LARGE", () => {
    expectCode(
      () => breakEvenRevenue({ fixedCosts: "1e999", grossMargin: "1e-999" }),
      "NUMBER_TOO_LARGE",
      ["grossMargin"],
    );
    // Rounding up to the unit can also cross the bound.
    expectCode(
      () => breakEvenRevenue({ fixedCosts: "9.9e999", grossMargin: 1 }, { unit: "1e999" }),
      "NUMBER_TOO_LARGE",
    );
  });
});

describe("breakEvenRevenue messages", () => {
  it("needs an object as input", () => {
    const error = expectCode(() => breakEvenRevenue(null as never), "INVALID_ARGUMENT", []);
    expect(error.message).toMatch(/breakEvenRevenue input must be an object/);
  });

  it("says what is wrong with the costs and the margin", () => {
    expect(
      expectCode(() => breakEvenRevenue({ fixedCosts: -1, grossMargin: 0.5 }), "INVALID_ARGUMENT")
        .message,
    ).toMatch(/fixedCosts must not be negative/);
    expect(
      expectCode(() => breakEvenRevenue({ fixedCosts: 1, grossMargin: 0 }), "NO_SOLUTION").message,
    ).toMatch(/gross margin of zero or less, no revenue covers the fixed costs/);
    expect(
      expectCode(() => breakEvenRevenue({ fixedCosts: 1, grossMargin: 55 }), "INVALID_ARGUMENT")
        .message,
    ).toMatch(/grossMargin is a share of revenue and cannot exceed 100%/);
  });

  it("says what is wrong with the unit", () => {
    const input = { fixedCosts: 1, grossMargin: 0.5 };
    expectCode(() => breakEvenRevenue(input, { unit: "" }), "INVALID_NUMBER", ["options", "unit"]);
    expect(
      expectCode(() => breakEvenRevenue(input, { unit: -1 }), "INVALID_ARGUMENT").message,
    ).toMatch(/unit must be greater than zero/);
  });

  it("names the break-even revenue when it leaves the supported magnitude", () => {
    const error = expectCode(
      () => breakEvenRevenue({ fixedCosts: "1e999", grossMargin: "1e-999" }),
      "NUMBER_TOO_LARGE",
    );
    expect(error.message).toMatch(/The break-even revenue/);
  });
});

describe("properties", () => {
  it("gross profit at break-even covers the fixed costs", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e9 }),
        fc.integer({ min: 1, max: 100 }),
        (costs, percent) => {
          const revenue = breakEvenRevenue({ fixedCosts: costs, grossMargin: `${percent}%` });
          const profit = revenue.times(percent).div(100);
          expect(profit.minus(costs).abs().lt("1e-50")).toBe(true);
          const rounded = breakEvenRevenue(
            { fixedCosts: costs, grossMargin: `${percent}%` },
            { unit: "0.01", rounding: "ceil" },
          );
          expect(rounded.times(percent).div(100).gte(costs)).toBe(true);
        },
      ),
      { numRuns: runs(200) },
    );
  });
});
