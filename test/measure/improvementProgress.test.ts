import fc from "fast-check";
import { improvementProgress } from "targetree";
import { describe, expect, it } from "vitest";
import { errorOf, expectCode } from "../_support/errors.js";
import { runs } from "../_support/runs.js";

const progress = (input: Parameters<typeof improvementProgress>[0]) =>
  improvementProgress(input).improvementProgress;

describe("improvementProgress", () => {
  it("gives W9: conversion 8% → 9% against 12% is 25% of the planned improvement", () => {
    const result = improvementProgress({ baseline: "8%", actual: "9%", target: "12%" });
    expect(result.improvementProgress?.toString()).toBe("0.25");
    expect(result.reason).toBeNull();
    expect([result.baseline, result.actual, result.target].map(String)).toEqual([
      "0.08",
      "0.09",
      "0.12",
    ]);
  });

  it("gives W9: +20 new customers against 150 is 13.3%, click rate 1.5% of 3% is 50%", () => {
    const customers = progress({ baseline: 0, actual: 20, target: 150 });
    expect(customers!.toDecimalPlaces(3).toString()).toBe("0.133");
    expect(progress({ baseline: 0, actual: "1.5%", target: "3%" })?.toString()).toBe("0.5");
  });

  it("counts a fall as progress when the target is below the baseline", () => {
    expect(progress({ baseline: 500, actual: 450, target: 300 })?.toString()).toBe("0.25");
    expect(progress({ baseline: 500, actual: 550, target: 300 })?.toString()).toBe("-0.25");
  });

  it("gives null and a reason when the target equals the baseline", () => {
    const result = improvementProgress({ baseline: 5, actual: 6, target: 5 });
    expect(result.improvementProgress).toBeNull();
    expect(result.reason).toMatch(/The target equals the baseline, so no improvement was planned/);
  });

  it("rejects bad numbers and missing values", () => {
    expectCode(
      () => improvementProgress({ baseline: "", actual: 1, target: 2 }),
      "INVALID_NUMBER",
      ["baseline"],
    );
    expectCode(() => improvementProgress({ baseline: 1, target: 2 } as never), "INVALID_ARGUMENT", [
      "actual",
    ]);
    expectCode(() => improvementProgress({ baseline: 1, actual: 2 } as never), "INVALID_ARGUMENT", [
      "target",
    ]);
    const error = expectCode(() => improvementProgress(null as never), "INVALID_ARGUMENT", []);
    expect(error.message).toMatch(/improvementProgress input must be an object, got null/);
    expect(errorOf(() => improvementProgress({ actual: 1, target: 2 } as never)).message).toMatch(
      /baseline is required/,
    );
  });

  it("refuses the old field name current with UNKNOWN_OPTION, pointing at actual", () => {
    const error = expectCode(
      () => improvementProgress({ baseline: 1, current: 2, target: 3 } as never),
      "UNKNOWN_OPTION",
      ["current"],
    );
    expect(error.message).toMatch(/Known options: "baseline", "actual", "target"/);
  });

  it("does not mutate frozen input", () => {
    const input = Object.freeze({ baseline: 1, actual: 2, target: 3 });
    expect(progress(input)?.toString()).toBe("0.5");
    expect(input).toEqual({ baseline: 1, actual: 2, target: 3 });
  });

  it("refuses progress past the supported magnitude with NUMBER_TOO_LARGE", () => {
    const error = expectCode(
      () => improvementProgress({ baseline: 0, actual: "1e999", target: "1e-999" }),
      "NUMBER_TOO_LARGE",
      ["target"],
    );
    expect(error.message).toMatch(/The progress is outside the supported magnitude/);
  });
});

describe("properties", () => {
  it("is 0 at the baseline and 1 at the target, and null exactly when they are equal", () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer(), (baseline, target) => {
        const atBaseline = progress({ baseline, actual: baseline, target });
        const atTarget = progress({ baseline, actual: target, target });
        if (baseline === target) {
          expect([atBaseline, atTarget]).toEqual([null, null]);
        } else {
          expect(atBaseline!).toEqualDecimal(0);
          expect(atTarget!).toEqualDecimal(1);
        }
      }),
      { numRuns: runs(200) },
    );
  });
});
