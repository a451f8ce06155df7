import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { improvementProgress } from "../../src/measure/improvementProgress.js";
import { runs } from "../_support/runs.js";
import { errorOf, expectCode } from "./_helpers.js";

describe("improvementProgress", () => {
  it("gives W9: conversion 8% → 9% against 12% is 25% of the planned improvement", () => {
    expect(improvementProgress({ baseline: "8%", current: "9%", target: "12%" }).toString()).toBe(
      "0.25",
    );
  });

  it("gives W9: +20 new customers against 150 is 13.3%, click rate 1.5% of 3% is 50%", () => {
    const customers = improvementProgress({ baseline: 0, current: 20, target: 150 });
    expect(customers.toDecimalPlaces(3).toString()).toBe("0.133");
    expect(improvementProgress({ baseline: 0, current: "1.5%", target: "3%" }).toString()).toBe(
      "0.5",
    );
  });

  it("counts a fall as progress when the target is below the baseline", () => {
    expect(improvementProgress({ baseline: 500, current: 450, target: 300 }).toString()).toBe(
      "0.25",
    );
    expect(improvementProgress({ baseline: 500, current: 550, target: 300 }).toString()).toBe(
      "-0.25",
    );
  });

  it("throws DIVISION_BY_ZERO when the target equals the baseline", () => {
    const error = expectCode(
      () => improvementProgress({ baseline: 5, current: 6, target: 5 }),
      "DIVISION_BY_ZERO",
      ["target"],
    );
    expect(error.message).toMatch(/The target equals the baseline, so no improvement was planned/);
  });

  it("rejects bad numbers and missing values", () => {
    expectCode(
      () => improvementProgress({ baseline: "", current: 1, target: 2 }),
      "INVALID_NUMBER",
      ["baseline"],
    );
    expectCode(() => improvementProgress({ baseline: 1, target: 2 } as never), "INVALID_ARGUMENT", [
      "current",
    ]);
    expectCode(
      () => improvementProgress({ baseline: 1, current: 2 } as never),
      "INVALID_ARGUMENT",
      ["target"],
    );
    const error = expectCode(() => improvementProgress(null as never), "INVALID_ARGUMENT", []);
    expect(error.message).toMatch(/improvementProgress input must be an object, got null/);
    expect(errorOf(() => improvementProgress({ current: 1, target: 2 } as never)).message).toMatch(
      /baseline is required/,
    );
  });

  it("does not mutate frozen input", () => {
    const input = Object.freeze({ baseline: 1, current: 2, target: 3 });
    expect(improvementProgress(input).toString()).toBe("0.5");
  });

  it("refuses progress past the supported magnitude with NUMBER_TOO_LARGE", () => {
    const error = expectCode(
      () => improvementProgress({ baseline: 0, current: "1e999", target: "1e-999" }),
      "NUMBER_TOO_LARGE",
      ["target"],
    );
    expect(error.message).toMatch(/The progress is outside the supported magnitude/);
  });
});

describe("properties", () => {
  it("is 0 at the baseline and 1 at the target", () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer(), (baseline, target) => {
        fc.pre(baseline !== target);
        expect(improvementProgress({ baseline, current: baseline, target }).isZero()).toBe(true);
        expect(improvementProgress({ baseline, current: target, target }).eq(1)).toBe(true);
      }),
      { numRuns: runs(200) },
    );
  });
});
