import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { consecutiveMisses } from "../../src/measure/consecutiveMisses.js";
import { runs } from "../_support/runs.js";
import { deepFreeze, errorOf, expectCode } from "./_helpers.js";

describe("consecutiveMisses", () => {
  it("gives the longest run, where it starts, and the trailing run", () => {
    const result = consecutiveMisses([
      { actual: 90, target: 100 },
      { actual: 120, target: 100 },
      { actual: 80, target: 100 },
      { actual: 70, target: 100 },
      { met: false },
    ]);
    expect(result).toEqual({ longest: 3, longestStart: 2, trailing: 3, misses: 4, periods: 5 });
  });

  it("resets the trailing run on a met period and keeps the earliest longest run", () => {
    const series = [
      { met: false },
      { met: false },
      { met: true },
      { met: false },
      { met: false },
      { met: true },
    ];
    expect(consecutiveMisses(series)).toEqual({
      longest: 2,
      longestStart: 0,
      trailing: 0,
      misses: 4,
      periods: 6,
    });
  });

  it("counts exactly-on-target as met, and respects lower-is-better", () => {
    expect(consecutiveMisses([{ actual: 100, target: 100 }]).misses).toBe(0);
    expect(consecutiveMisses([{ actual: 450, target: 400 }], { direction: "lower" }).misses).toBe(
      1,
    );
  });

  it("gives zeros for an empty series", () => {
    expect(consecutiveMisses([])).toEqual({
      longest: 0,
      longestStart: null,
      trailing: 0,
      misses: 0,
      periods: 0,
    });
  });

  it("does not mutate frozen input", () => {
    const series = deepFreeze([{ met: false }, { actual: 1, target: 2 }]);
    expect(consecutiveMisses(series).trailing).toBe(2);
  });

  it("rejects periods of neither shape and bad figures", () => {
    expectCode(() => consecutiveMisses([{ met: "no" } as never]), "INVALID_ARGUMENT", [
      "series",
      0,
      "met",
    ]);
    expectCode(() => consecutiveMisses([{ actual: 1 } as never]), "INVALID_ARGUMENT", [
      "series",
      0,
      "target",
    ]);
    expectCode(() => consecutiveMisses([{ actual: Number.NaN, target: 1 }]), "INVALID_NUMBER", [
      "series",
      0,
      "actual",
    ]);
    expectCode(() => consecutiveMisses([null as never]), "INVALID_ARGUMENT", ["series", 0]);
    expectCode(() => consecutiveMisses("x" as never), "INVALID_ARGUMENT", ["series"]);
  });

  it("says what is wrong with a series or its options, and where", () => {
    const message = (run: () => unknown) => errorOf(run).message;
    expect(message(() => consecutiveMisses("x" as never))).toMatch(
      /series must be an array of periods/,
    );
    expect(message(() => consecutiveMisses([{ met: true }, null as never]))).toMatch(
      /series\[1\] must be an object, got null/,
    );
    expect(message(() => consecutiveMisses([{ met: "no" } as never]))).toMatch(
      /met must be true or false/,
    );
    expect(message(() => consecutiveMisses([{ actual: 1 } as never]))).toMatch(
      /target is required/,
    );
    expectCode(() => consecutiveMisses([], { direction: "up" as never }), "INVALID_ARGUMENT", [
      "options",
      "direction",
    ]);
    const options = expectCode(() => consecutiveMisses([], "lower" as never), "INVALID_ARGUMENT", [
      "options",
    ]);
    expect(options.message).toMatch(/options must be an object, got the string "lower"/);
  });
});

describe("properties", () => {
  it("agrees with a brute-force scan", () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { maxLength: 40 }), (mets) => {
        const result = consecutiveMisses(mets.map((met) => ({ met })));
        const text = mets.map((met) => (met ? "1" : "0")).join("");
        const runs = text.split("1").map((run) => run.length);
        expect(result.longest).toBe(Math.max(0, ...runs));
        expect(result.trailing).toBe(runs[runs.length - 1] ?? 0);
        expect(result.misses).toBe(mets.filter((met) => !met).length);
        if (result.longestStart !== null) {
          expect(text.slice(result.longestStart, result.longestStart + result.longest)).toBe(
            "0".repeat(result.longest),
          );
        }
      }),
      { numRuns: runs(300) },
    );
  });
});
