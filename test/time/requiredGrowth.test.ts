import fc from "fast-check";
import { formatPercent, requiredGrowth, toDecimal } from "targetree";
import { describe, expect, it } from "vitest";
import { errorOf } from "../_support/errors.js";
import { runs } from "../_support/runs.js";

describe("requiredGrowth", () => {
  it("W10: 2014 needs 14.29% (7亿 → 8亿) against the planned 7.14% (7亿 → 7.5亿)", () => {
    expect(formatPercent(requiredGrowth("7亿", "8亿"))).toBe("14.29%");
    expect(formatPercent(requiredGrowth("7亿", "7.5亿"))).toBe("7.14%");
    expect(requiredGrowth(7, 8).toFixed(10)).toBe("0.1428571429");
  });

  it("W10: 8亿 → 20亿 over four years needs 25.74% a year", () => {
    expect(formatPercent(requiredGrowth(8, 20, 4))).toBe("25.74%");
  });

  it("is exact where the division is", () => {
    expect(requiredGrowth(100, 125).toString()).toBe("0.25");
    expect(requiredGrowth(100, 121, 2).toString()).toBe("0.1");
    expect(requiredGrowth(8, 0).toString()).toBe("-1");
    expect(requiredGrowth(8, 0, 3).toString()).toBe("-1");
    expect(requiredGrowth(8, -2).toString()).toBe("-1.25");
    // One period given explicitly is the plain ratio too, negative target and all.
    expect(requiredGrowth(8, -2, "1").toString()).toBe("-1.25");
    expect(requiredGrowth(8, 10, 1).toString()).toBe("0.25");
  });

  it("takes fractional periods (18 months = 1.5 years)", () => {
    expect(requiredGrowth(100, 150, 1.5).toFixed(6)).toBe("0.310371");
    expect(requiredGrowth(100, 150, "1.5").toFixed(6)).toBe("0.310371");
  });

  describe("bad input", () => {
    it("growth from zero: DIVISION_BY_ZERO", () => {
      expect(errorOf(() => requiredGrowth(0, 8)).code).toBe("DIVISION_BY_ZERO");
      expect(errorOf(() => requiredGrowth(0, 8, 4)).path).toEqual(["from"]);
      const one = errorOf(() => requiredGrowth(0, 8));
      expect(one.path).toEqual(["from"]);
      expect(one.message).toMatch(/Growth from zero has no rate: the starting value is 0\./);
      const several = errorOf(() => requiredGrowth(0, 8, 4));
      expect(several.code).toBe("DIVISION_BY_ZERO");
      expect(several.message).toMatch(/Use an absolute increase \(linear path\) instead\./);
    });

    it("a negative start, or a negative end over several periods: INVALID_OPERATION", () => {
      expect(errorOf(() => requiredGrowth(-7, 8)).code).toBe("INVALID_OPERATION");
      expect(errorOf(() => requiredGrowth(-7, 8, 3)).path).toEqual(["from"]);
      expect(errorOf(() => requiredGrowth(7, -8, 3)).path).toEqual(["to"]);
      const one = errorOf(() => requiredGrowth(-7, 8));
      expect(one.path).toEqual(["from"]);
      expect(one.message).toMatch(/A growth rate needs a positive starting value, got -7\./);
      const several = errorOf(() => requiredGrowth(-7, 8, 3));
      expect(several.code).toBe("INVALID_OPERATION");
      expect(several.message).toMatch(/Compound growth needs a positive starting value, got -7\./);
      const negative = errorOf(() => requiredGrowth(7, -8, 3));
      expect(negative.code).toBe("INVALID_OPERATION");
      expect(negative.message).toMatch(/Compound growth cannot reach a negative value \(-8\)/);
    });

    it("bad periods and numbers", () => {
      for (const periods of [0, -1, 1001, Number.NaN, null, true, 2n]) {
        expect(errorOf(() => requiredGrowth(7, 8, periods as number)).path).toEqual(["periods"]);
      }
      for (const [periods, got] of [
        [true, "a boolean"],
        [2n, "a bigint"],
      ] as const) {
        const error = errorOf(() => requiredGrowth(7, 8, periods as never));
        expect(error.code).toBe("INVALID_ARGUMENT");
        expect(error.message).toMatch(`Expected a positive number of periods, got ${got}.`);
      }
      for (const [periods, got] of [
        [0, "0"],
        [-1, "-1"],
        ["1000.5", "1000.5"],
      ] as const) {
        const error = errorOf(() => requiredGrowth(7, 8, periods));
        expect(error.code).toBe("INVALID_ARGUMENT");
        expect(error.message).toMatch(
          `The number of periods must be above 0 and at most 1000, got ${got}.`,
        );
      }
      expect(errorOf(() => requiredGrowth("seven", 8)).code).toBe("INVALID_NUMBER");
    });

    it("a rate past the supported magnitude (|x| < 1e1000): NUMBER_TOO_LARGE", () => {
      const error = errorOf(() => requiredGrowth("1e-999", "1e999"));
      expect([error.code, error.path]).toEqual(["NUMBER_TOO_LARGE", ["to"]]);
      expect(errorOf(() => requiredGrowth("1e-999", "1e999", "0.5")).code).toBe("NUMBER_TOO_LARGE");
      expect(requiredGrowth("1e-999", "1e999", 1000).isFinite()).toBe(true);
    });
  });

  describe("properties", () => {
    it("compounding the rate over the periods gets from `from` to `to`", () => {
      fc.assert(
        fc.property(
          fc.integer({ min: 1, max: 1_000_000_000 }),
          fc.integer({ min: 1, max: 1_000_000_000 }),
          fc.integer({ min: 1, max: 20 }),
          (from, to, periods) => {
            const rate = requiredGrowth(from, to, periods);
            const reached = toDecimal(from).times(rate.plus(1).pow(periods));
            expect(reached.minus(to).abs().div(to).lt("1e-50")).toBe(true);
          },
        ),
        { numRuns: runs(100) },
      );
    });
  });
});
