import fc from "fast-check";
import { growth, growthSeries } from "targetree";
import { describe, expect, it } from "vitest";
import { Decimal } from "../../src/_lib/decimal.js";
import { errorOf, expectCode } from "../_support/errors.js";
import { runs } from "../_support/runs.js";

describe("growth", () => {
  it("gives (actual − previous) / previous", () => {
    const result = growth("100万", "80万");
    expect(result.growth?.toString()).toBe("0.25");
    expect(result.reason).toBeNull();
    expect([result.actual.toString(), result.previous.toString()]).toEqual(["1000000", "800000"]);
    expect(growth(70, 100).growth?.toString()).toBe("-0.3");
  });

  it("divides by |previous| so a shrinking loss is growth", () => {
    expect(growth(-50, -100).growth?.toString()).toBe("0.5");
  });

  it("gives null and a reason when the previous value is zero", () => {
    const result = growth(5, 0);
    expect(result.growth).toBeNull();
    expect(result.reason).toMatch(/The previous value is zero, so a growth rate is undefined/);
    expect(growth(0, 0).growth).toBeNull();
  });

  it("rejects NaN, '' and null, naming the argument", () => {
    expectCode(() => growth(Number.NaN, 1), "INVALID_NUMBER", ["actual"]);
    expectCode(() => growth(1, ""), "INVALID_NUMBER", ["previous"]);
    expectCode(() => growth(null as never, 1), "INVALID_NUMBER", ["actual"]);
  });

  it("refuses a rate past the supported magnitude (|x| < 1e1000) with NUMBER_TOO_LARGE", () => {
    const error = expectCode(() => growth("1e999", "1e-999"), "NUMBER_TOO_LARGE", ["previous"]);
    expect(error.message).toMatch(/The growth rate is outside the supported magnitude/);
  });
});

describe("growthSeries", () => {
  it("gives period-over-period growth along a record", () => {
    const rows = growthSeries({ Jan: 100, Feb: 120, Mar: 90 });
    expect(rows.map((row) => row.key)).toEqual(["Jan", "Feb", "Mar"]);
    expect(rows.map((row) => row.growth?.toString() ?? null)).toEqual([null, "0.2", "-0.25"]);
    expect(rows[0]!.reason).toMatch(/No value 1 period earlier/);
  });

  it("gives year-over-year growth with lag 12", () => {
    const months = Array.from({ length: 24 }, (_, index) => (index < 12 ? 100 : 110));
    const rows = growthSeries(months, { lag: 12 });
    expect(rows.slice(0, 12).every((row) => row.growth === null)).toBe(true);
    expect(rows.slice(12).every((row) => row.growth?.toString() === "0.1")).toBe(true);
    expect(rows[12]!.previous!.toString()).toBe("100");
  });

  it("says how far back the missing comparison period is", () => {
    const rows = growthSeries([100, 110, 121], { lag: 2 });
    expect(rows.map((row) => row.reason)).toEqual([
      "No value 2 periods earlier to compare with.",
      "No value 2 periods earlier to compare with.",
      null,
    ]);
    expect(rows[2]!.growth!.toString()).toBe("0.21");
    expect(growthSeries([100])[0]!.reason).toBe("No value 1 period earlier to compare with.");
  });

  it("refuses a Map by name: records are plain objects", () => {
    const error = expectCode(
      () => growthSeries(new Map([["2024", 80]]) as never),
      "INVALID_ARGUMENT",
      ["series"],
    );
    expect(error.message).toMatch(/series must be an array or a record of values, got a Map/);
  });

  it("gives a null growth with a reason after a zero", () => {
    const rows = growthSeries([0, 5]);
    expect(rows[1]!.growth).toBeNull();
    expect(rows[1]!.reason).toMatch(/zero/);
  });

  it("treats __proto__ as an ordinary key", () => {
    const series = JSON.parse('{"__proto__": 10, "constructor": 20}') as Record<string, number>;
    const rows = growthSeries(series);
    expect(rows.map((row) => row.key)).toEqual(["__proto__", "constructor"]);
    expect(rows[1]!.growth!.toString()).toBe("1");
  });

  it("does not mutate frozen input", () => {
    const series = Object.freeze([1, 2, 3]);
    growthSeries(series);
    expect(series).toEqual([1, 2, 3]);
  });

  it("rejects bad values and a bad lag", () => {
    expectCode(() => growthSeries([1, Number.NaN]), "INVALID_NUMBER", ["series", 1]);
    expectCode(() => growthSeries({ a: "" }), "INVALID_NUMBER", ["series", "a"]);
    expectCode(() => growthSeries([1, 2], { lag: 0 }), "INVALID_ARGUMENT", ["options", "lag"]);
    expectCode(() => growthSeries([1, 2], { lag: 1.5 }), "INVALID_ARGUMENT", ["options", "lag"]);
    expectCode(() => growthSeries(null as never), "INVALID_ARGUMENT", ["series"]);
  });

  it("says what is wrong with a series or its options, and where", () => {
    for (const series of [null, 5, "100,120"]) {
      const error = expectCode(() => growthSeries(series as never), "INVALID_ARGUMENT", ["series"]);
      expect(error.message).toMatch(/series must be an array or a record of values/);
    }
    expect(errorOf(() => growthSeries([1, 2], { lag: 0 })).message).toMatch(
      /lag must be a whole number ≥ 1, got 0/,
    );
    expectCode(() => growthSeries([1, 2], 12 as never), "INVALID_ARGUMENT", ["options"]);
    const typo = expectCode(() => growthSeries([1, 2], { lags: 12 } as never), "UNKNOWN_OPTION", [
      "options",
      "lags",
    ]);
    expect(typo.message).toMatch(/Did you mean "lag"\?/);
  });

  it("refuses a growth rate past the supported magnitude, at the period", () => {
    const error = expectCode(() => growthSeries(["1e-999", "1e999"]), "NUMBER_TOO_LARGE", [
      "series",
      1,
    ]);
    expect(error.message).toMatch(/The growth rate is outside the supported magnitude/);
  });
});

describe("properties", () => {
  it("series growth equals growth() wherever it is defined", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -1000, max: 1000 }), { maxLength: 20 }),
        fc.integer({ min: 1, max: 4 }),
        (values, lag) => {
          const rows = growthSeries(values, { lag });
          rows.forEach((row, index) => {
            const previous = values[index - lag];
            if (previous === undefined || previous === 0) expect(row.growth).toBeNull();
            else expect(row.growth!).toEqualDecimal(growth(values[index]!, previous).growth!);
          });
        },
      ),
      { numRuns: runs(150) },
    );
  });

  it("previous × (1 + growth) gives back the actual value", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e6, max: 1e6 }),
        fc.integer({ min: 1, max: 1e6 }),
        (now, before) => {
          const rate = growth(now, before).growth!;
          expect(rate.times(before).plus(before).minus(now).abs().lt("1e-50")).toBe(true);
          expect(new Decimal(now).isFinite()).toBe(true);
        },
      ),
      { numRuns: runs(200) },
    );
  });
});
