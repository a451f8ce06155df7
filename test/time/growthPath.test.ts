import fc from "fast-check";
import { formatPercent, growthPath, toDecimal } from "targetree";
import { describe, expect, it } from "vitest";
import { errorOf } from "../_support/errors.js";
import { runs } from "../_support/runs.js";

const strings = (values: readonly { toString(): string }[]) => values.map(String);

describe("growthPath", () => {
  describe("W10: 8亿 in 2014 to 20亿 in 2018", () => {
    it("draws the straight line 8, 11, 14, 17, 20 (+3亿 a year)", () => {
      const path = growthPath("8亿", "20亿", 4);
      expect(path.method).toBe("linear");
      expect(strings(path.values)).toEqual([
        "800000000",
        "1100000000",
        "1400000000",
        "1700000000",
        "2000000000",
      ]);
      expect(path.increment?.toString()).toBe("300000000");
      expect(path.rate).toBeNull();
      expect(path.growthRates.map((r) => formatPercent(r!))).toEqual([
        "37.5%",
        "27.27%",
        "21.43%",
        "17.65%",
      ]);
    });

    it("draws the equal-growth path at 25.74%: 8, 10.06, 12.65, 15.91, 20", () => {
      const path = growthPath(8, 20, 4, { method: "cagr", unit: "0.01" });
      expect(strings(path.values)).toEqual(["8", "10.06", "12.65", "15.91", "20"]);
      expect(formatPercent(path.rate!)).toBe("25.74%");
      expect(path.rate?.toFixed(20)).toBe("0.25743342968293540832");
      expect(path.growthRates.map((r) => formatPercent(r!))).toEqual([
        "25.74%",
        "25.74%",
        "25.74%",
        "25.74%",
      ]);
      expect(path.increment).toBeNull();
      expect(path.method).toBe("cagr");
    });

    it("works in 元 with a 100万 unit", () => {
      const path = growthPath("8亿", "20亿", 4, { method: "cagr", unit: "100万" });
      expect(strings(path.values)).toEqual([
        "800000000",
        "1006000000",
        "1265000000",
        "1591000000",
        "2000000000",
      ]);
    });
  });

  it("returns exact unrounded values without a unit, ending exactly on the end", () => {
    const path = growthPath(1, 2, 3);
    expect(path.values[1]).toEqualDecimal(toDecimal(1).plus(toDecimal(1).div(3)));
    expect(path.values[3]?.toString()).toBe("2");
    const compound = growthPath(1, 2, 2, { method: "cagr" });
    expect(compound.values[1]?.toFixed(30)).toBe("1.414213562373095048801688724210");
    expect(compound.values[2]?.toString()).toBe("2");
  });

  it("handles a shrinking path and a flat one", () => {
    expect(strings(growthPath(20, 8, 4).values)).toEqual(["20", "17", "14", "11", "8"]);
    expect(formatPercent(growthPath(20, 8, 4, { method: "cagr" }).rate!)).toBe("-20.47%");
    expect(strings(growthPath(5, 5, 2, { method: "cagr" }).values)).toEqual(["5", "5", "5"]);
    expect(growthPath(0, 10, 2).growthRates[0]).toBeNull();
  });

  it("has no growth rate for a step from zero or from a negative value", () => {
    expect(strings(growthPath(0, 10, 2).growthRates.map((rate) => rate ?? "null"))).toEqual([
      "null",
      "1",
    ]);
    const path = growthPath(-10, 20, 3);
    expect(strings(path.values)).toEqual(["-10", "0", "10", "20"]);
    expect(strings(path.growthRates.map((rate) => rate ?? "null"))).toEqual(["null", "null", "1"]);
  });

  it("rounds half-up by default", () => {
    expect(strings(growthPath(0, 1, 8, { unit: "0.01" }).values)).toEqual([
      "0",
      "0.13",
      "0.25",
      "0.38",
      "0.5",
      "0.63",
      "0.75",
      "0.88",
      "1",
    ]);
    expect(
      strings(growthPath(0, 1, 8, { unit: "0.01", rounding: "half-even" }).values).slice(1, 4),
    ).toEqual(["0.12", "0.25", "0.38"]);
  });

  it("rounds with the chosen mode", () => {
    expect(strings(growthPath(0, 1, 3, { unit: "0.01", rounding: "down" }).values)).toEqual([
      "0",
      "0.33",
      "0.66",
      "1",
    ]);
  });

  describe("bad input", () => {
    it("CAGR from a zero or negative start, or to a zero or negative end: INVALID_OPERATION", () => {
      for (const [start, end, path] of [
        [0, 20, ["start"]],
        [-8, 20, ["start"]],
        [-8, 0, ["start"]],
        [8, 0, ["end"]],
        [8, -1, ["end"]],
      ] as const) {
        const error = errorOf(() => growthPath(start, end, 4, { method: "cagr" }));
        expect([error.code, error.path]).toEqual(["INVALID_OPERATION", path]);
      }
      expect(errorOf(() => growthPath(0, 20, 4, { method: "cagr" })).message).toMatch(
        /A CAGR path needs a positive start and a positive end .*; use method "linear"\./,
      );
      expect(errorOf(() => growthPath(-8, 20, 4, { method: "cagr" })).message).toMatch(
        /Compound growth needs a positive starting value, got -8\./,
      );
    });

    it("bad steps, method, unit and numbers", () => {
      for (const steps of [0, 1.5, -1, 1001, Number.NaN, "4"]) {
        expect(errorOf(() => growthPath(8, 20, steps as number)).path).toEqual(["steps"]);
      }
      expect(errorOf(() => growthPath(8, 20, 4, { method: "geometric" as never })).path).toEqual([
        "options",
        "method",
      ]);
      expect(errorOf(() => growthPath(8, 20, 4, { unit: 0 })).path).toEqual(["options", "unit"]);
      const negativeUnit = errorOf(() => growthPath(8, 20, 4, { unit: "-1" }));
      expect([negativeUnit.code, negativeUnit.path]).toEqual([
        "INVALID_ARGUMENT",
        ["options", "unit"],
      ]);
      expect(negativeUnit.message).toMatch(/unit must be positive\./);
      expect(errorOf(() => growthPath(8, 20, 0)).message).toMatch(
        /steps must be a whole number from 1 to 1000, got 0\./,
      );
      expect(errorOf(() => growthPath(8, 20, 4, { method: "geometric" as never })).message).toMatch(
        /method must be "linear" or "cagr", got the string "geometric"\./,
      );
      const rounding = errorOf(() => growthPath(8, 20, 4, { rounding: "nearest" as never }));
      expect(rounding.path).toEqual(["options", "rounding"]);
      for (const [key, meant] of [
        ["methd", "method"],
        ["units", "unit"],
        ["roundng", "rounding"],
      ] as const) {
        const error = errorOf(() => growthPath(8, 20, 4, { [key]: "x" } as never));
        expect([error.code, error.path]).toEqual(["UNKNOWN_OPTION", ["options", key]]);
        expect(error.message).toContain(`Did you mean "${meant}"?`);
      }
      expect(errorOf(() => growthPath(8, 20, 4, { rounding: "nearest" as never })).code).toBe(
        "INVALID_ARGUMENT",
      );
      expect(errorOf(() => growthPath(Number.NaN, 20, 4)).code).toBe("INVALID_NUMBER");
      expect(errorOf(() => growthPath(8, "abc", 4)).path).toEqual(["end"]);
    });

    it('takes unit "万" as a step of one 万, as "1万"', () => {
      const path = (unit: string) =>
        strings(growthPath("8万", "20万", 3, { method: "cagr", unit }).values);
      expect(path("万")).toEqual(path("1万"));
      expect(path("万")).toEqual(["80000", "110000", "150000", "200000"]);
    });

    it("options that are not an object, null included: INVALID_ARGUMENT", () => {
      for (const options of [null, "abc", Number.NaN, true, [], 1]) {
        const error = errorOf(() => growthPath(8, 20, 4, options as never));
        expect([error.code, error.path]).toEqual(["INVALID_ARGUMENT", ["options"]]);
      }
      expect(strings(growthPath(8, 20, 4, undefined).values)).toEqual([
        "8",
        "11",
        "14",
        "17",
        "20",
      ]);
    });

    it("a result past the supported magnitude (|x| < 1e1000): NUMBER_TOO_LARGE", () => {
      for (const [run, path, what] of [
        [() => growthPath("-9e999", "9e999", 1), ["end"], "The increment"],
        [() => growthPath("1e-999", "1e999", 1, { method: "cagr" }), ["end"], "The growth factor"],
        // A linear path from a tiny start: the first step's growth rate is about 1e1997.
        [() => growthPath("1e-999", "1e999", 4), ["end"], "A step's growth rate"],
        [() => growthPath("9.9e999", 1, 1, { unit: "1e999" }), ["options", "unit"], "The result"],
      ] as const) {
        const error = errorOf(run);
        expect([error.code, error.path]).toEqual(["NUMBER_TOO_LARGE", path]);
        expect(error.message).toContain(`${what} is outside the supported magnitude`);
      }
      expect(growthPath("1e-999", "1e999", 1000, { method: "cagr" }).rate?.isFinite()).toBe(true);
    });
  });

  it("reads options by own keys only: names on Object.prototype change nothing", () => {
    const prototype = Object.prototype as Record<string, unknown>;
    const clean = strings(growthPath(8, 20, 4).values);
    for (const [name, value] of [
      ["method", "cagr"],
      ["unit", "1"],
      ["rounding", "nearest"],
    ] as const) {
      prototype[name] = value;
      try {
        const path = growthPath(8, 20, 4);
        expect([path.method, strings(path.values)], name).toEqual(["linear", clean]);
      } finally {
        delete prototype[name];
      }
    }
  });

  it("does not change frozen options", () => {
    const options = Object.freeze({ method: "cagr" as const, unit: "0.01" });
    expect(growthPath(8, 20, 4, options).values).toHaveLength(5);
    expect(options).toEqual({ method: "cagr", unit: "0.01" });
  });

  describe("properties", () => {
    const positive = fc.integer({ min: 1, max: 10_000_000 });
    it("starts at start, ends at end, and has steps + 1 values, never NaN", () => {
      fc.assert(
        fc.property(
          positive,
          positive,
          fc.integer({ min: 1, max: 12 }),
          fc.boolean(),
          (a, b, steps, cagr) => {
            const path = growthPath(a, b, steps, { method: cagr ? "cagr" : "linear" });
            expect(path.values).toHaveLength(steps + 1);
            expect(path.values[0]).toEqualDecimal(a);
            expect(path.values[steps]).toEqualDecimal(b);
            for (const value of path.values) expect(value.isFinite()).toBe(true);
          },
        ),
        { numRuns: runs(100) },
      );
    });

    it("linear steps are equal; CAGR ratios are equal", () => {
      fc.assert(
        fc.property(positive, positive, fc.integer({ min: 2, max: 8 }), (a, b, steps) => {
          const linear = growthPath(a, b, steps).values;
          const increments = linear.slice(1).map((v, i) => v.minus(linear[i]!));
          for (const step of increments)
            expect(step.minus(increments[0]!).abs().lt("1e-50")).toBe(true);
          const compound = growthPath(a, b, steps, { method: "cagr" });
          for (const rate of compound.growthRates) {
            expect(rate!.minus(compound.rate!).abs().lt("1e-50")).toBe(true);
          }
        }),
        { numRuns: runs(100) },
      );
    });
  });
});
