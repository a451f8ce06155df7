// The size bound of splits: parts × digits of the amount counted in units stays within
// MAX_SPLIT_DIGITS, and parts within MAX_SPLIT_PARTS, whatever made them (a count, weights, a
// tree node's children, the cells of a cross split, the days of a period split).
import fc from "fast-check";
import {
  allocate,
  cascade,
  crossSplit,
  MAX_SPLIT_DIGITS,
  MAX_SPLIT_PARTS,
  splitByPeriod,
  splitByPeriodTree,
  splitEvenly,
} from "targetree";
import { describe, expect, it } from "vitest";
import { expectCode } from "../_support/errors.js";
import { runs } from "../_support/runs.js";

/** Parts the bound allows for an amount of `digits` digits in units. */
const allowed = (digits: number): number =>
  Math.min(MAX_SPLIT_PARTS, Math.floor(MAX_SPLIT_DIGITS / digits));

describe("the size of a split", () => {
  it("refuses ten million parts of a cent before making any (SPLIT_TOO_LARGE)", () => {
    const error = expectCode(() => splitEvenly("1", 1e7, { unit: "0.01" }), "SPLIT_TOO_LARGE", [
      "keysOrCount",
    ]);
    expect(error.message).toMatch(/split in stages/);
  });

  it("refuses a million parts at unit 1e-500, saying how many the unit allows", () => {
    const error = expectCode(
      () => splitEvenly("1", 1_000_000, { unit: "1e-500" }),
      "SPLIT_TOO_LARGE",
      ["keysOrCount"],
    );
    // 1 is 10^500 units of 1e-500: 501 digits.
    expect(error.details).toEqual({
      parts: 1_000_000,
      digits: 501,
      limit: MAX_SPLIT_DIGITS,
      allowed: allowed(501),
    });
    expect(error.message).toBe(
      `SPLIT_TOO_LARGE: 1,000,000 parts of up to 501 digits each (the amount counted in units of 1e-500) is more than one split works through (16,000,000 digits in all). Split into at most ${allowed(501).toLocaleString("en")} parts at this unit, use a coarser unit, or split in stages (first into groups, then each group). (at keysOrCount)`,
    );
  });

  it("refuses every count past the bound, for any unit from 1e-999 to 1", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 999 }),
        fc.double({ min: 1, max: 50, noNaN: true }),
        (k, factor) => {
          const digits = k + 1;
          const parts = Math.min(MAX_SPLIT_PARTS, Math.floor(allowed(digits) * factor) + 1);
          if (parts * digits <= MAX_SPLIT_DIGITS) return;
          const error = expectCode(
            () => splitEvenly("1", parts, { unit: `1e-${k}` }),
            "SPLIT_TOO_LARGE",
            ["keysOrCount"],
          );
          expect(error.details.digits).toBe(digits);
        },
      ),
      { numRuns: runs(100) },
    );
  });

  it("splits exactly up to the bound, and refuses one part more", () => {
    // 1e999 in units of 1e-999 is a 1999-digit count.
    const most = allowed(1999);
    const parts = splitEvenly("1e999", most, { unit: "1e-999" });
    expect(parts).toHaveLength(most);
    // Summed as whole units (BigInt): a Decimal sum would round 1999-digit parts.
    const units = parts.map((part) => BigInt(part.toFixed(999).replace(".", "")));
    expect(units.reduce((sum, count) => sum + count)).toBe(10n ** 1998n);
    expectCode(() => splitEvenly("1e999", most + 1, { unit: "1e-999" }), "SPLIT_TOO_LARGE");
  });

  it("bounds every splitter, at the path of what makes the parts", () => {
    const weights = Array.from({ length: 20_000 }, () => 1);
    expectCode(() => allocate("1e999", weights, { unit: "1e-999" }), "SPLIT_TOO_LARGE", [
      "weights",
    ]);
    const children = weights.map((_, i) => ({ name: `p${i}` }));
    expectCode(() => cascade("1e999", { children }, { unit: "1e-999" }), "SPLIT_TOO_LARGE", [
      "tree",
      "children",
    ]);
    const dimension = Object.fromEntries(weights.slice(0, 150).map((w, i) => [`k${i}`, w]));
    const cross = expectCode(
      () =>
        crossSplit(
          "1e999",
          { product: dimension, region: dimension },
          { split: "weights", unit: "1e-999" },
        ),
      "SPLIT_TOO_LARGE",
      ["dimensions"],
    );
    expect(cross.message).toMatch(/^SPLIT_TOO_LARGE: 22,500 cells of up to 1,999 digits each/);
    const period = { start: "2000-01-01", end: "2099-12-31", unit: "1e-999" } as const;
    const days = expectCode(
      () => splitByPeriod("1e999", { ...period, grain: "day", spreadBy: "calendar-days" }),
      "SPLIT_TOO_LARGE",
      ["options", "unit"],
    );
    expect(days.message).toMatch(/36,525 periods \(days × levels\) of up to 1,999 digits/);
    expectCode(
      () =>
        splitByPeriodTree("1e999", {
          ...period,
          grains: ["year", "month"],
          spreadBy: "calendar-days",
        }),
      "SPLIT_TOO_LARGE",
      ["options", "unit"],
    );
  });

  it("leaves ordinary splits alone: a million parts of a 1e15 total in cents", () => {
    const parts = splitEvenly("1e13", MAX_SPLIT_PARTS, { unit: "0.01" });
    expect(parts).toHaveLength(MAX_SPLIT_PARTS);
    expect(parts[0]!.toString()).toBe("10000000");
  });
});
