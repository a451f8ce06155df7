import fc from "fast-check";
import { consecutiveMisses } from "targetree";
import { describe, expect, it } from "vitest";
import { Decimal } from "../../src/_lib/decimal.js";
import { deepFreeze, errorOf, expectCode } from "../_support/errors.js";
import { runs } from "../_support/runs.js";

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

  it("counts periods under a threshold with below, so 3 in a row under 50% is one call", () => {
    const months = [
      { actual: 90, target: 100 },
      { actual: 40, target: 100 },
      { actual: 50, target: 100 },
      { actual: 45, target: 100 },
      { actual: 30, target: 100 },
      { actual: 49, target: 100 },
    ];
    // 50% is not under 50%: the run restarts after it.
    expect(consecutiveMisses(months, { below: "50%" })).toEqual({
      longest: 3,
      longestStart: 3,
      trailing: 3,
      misses: 4,
      periods: 6,
    });
    expect(consecutiveMisses(months).trailing).toBe(6);
    expect(consecutiveMisses(months, { below: 0.5 }).trailing).toBe(3);
  });

  it("reads below as achievement in the given direction", () => {
    // Lower is better: 400 budget against 900 spent is 44% achievement.
    const costs = [
      { actual: 900, target: 400 },
      { actual: 700, target: 400 },
    ];
    expect(consecutiveMisses(costs, { direction: "lower", below: "50%" }).misses).toBe(1);
    expect(consecutiveMisses(costs, { direction: "lower" }).misses).toBe(2);
  });

  it("with below, counts a period whose achievement is undefined as a miss only if it misses its target", () => {
    const zeroTargets = [
      { actual: 5, target: 0 },
      { actual: -5, target: 0 },
    ];
    expect(consecutiveMisses(zeroTargets, { below: "50%" })).toMatchObject({
      misses: 1,
      trailing: 1,
    });
  });

  it("with below, refuses periods given as { met }, which carry no achievement", () => {
    const error = expectCode(
      () => consecutiveMisses([{ actual: 1, target: 2 }, { met: false }], { below: "50%" }),
      "INVALID_ARGUMENT",
      ["series", 1],
    );
    expect(error.message).toMatch(/no achievement to compare with options\.below/);
  });

  it("refuses a negative or non-numeric threshold", () => {
    expectCode(() => consecutiveMisses([], { below: "-5%" }), "INVALID_ARGUMENT", [
      "options",
      "below",
    ]);
    expectCode(() => consecutiveMisses([], { below: "half" }), "INVALID_NUMBER", [
      "options",
      "below",
    ]);
  });

  it("refuses a misspelt option with UNKNOWN_OPTION and the closest name", () => {
    const error = expectCode(
      () => consecutiveMisses([], { blow: "50%" } as never),
      "UNKNOWN_OPTION",
      ["options", "blow"],
    );
    expect(error.message).toMatch(/Did you mean "below"\?/);
    expectCode(() => consecutiveMisses([], new Map() as never), "INVALID_ARGUMENT", ["options"]);
  });

  it("does not mutate frozen input", () => {
    const series = deepFreeze([{ met: false }, { actual: 1, target: 2 }]);
    expect(consecutiveMisses(series).trailing).toBe(2);
    const options = deepFreeze({ below: "60%" });
    expect(consecutiveMisses(deepFreeze([{ actual: 1, target: 2 }]), options).trailing).toBe(1);
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
    expect(options.message).toMatch(/options must be an object, got the string "lower"/i);
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

  it("with a threshold, agrees with a naive loop over the achievements", () => {
    const period = fc.record({
      actual: fc.integer({ min: -50, max: 200 }),
      target: fc.integer({ min: -20, max: 100 }),
    });
    fc.assert(
      fc.property(
        fc.array(period, { maxLength: 30 }),
        fc.integer({ min: 0, max: 150 }),
        fc.constantFrom("higher" as const, "lower" as const),
        (series, percent, direction) => {
          const below = new Decimal(percent).div(100);
          let longest = 0;
          let trailing = 0;
          let misses = 0;
          for (const { actual, target } of series) {
            const [numerator, denominator] =
              direction === "higher" ? [actual, target] : [target, actual];
            const met = direction === "higher" ? actual >= target : actual <= target;
            let missed: boolean;
            if (denominator === 0) missed = !met;
            else if (denominator > 0) missed = new Decimal(numerator).div(denominator).lt(below);
            else {
              // 1 + surplus / |denominator|, as achievement() gives it.
              const surplus = new Decimal(numerator).minus(denominator);
              missed = surplus.div(-denominator).plus(1).lt(below);
            }
            trailing = missed ? trailing + 1 : 0;
            if (missed) misses++;
            longest = Math.max(longest, trailing);
          }
          const result = consecutiveMisses(series, { below: `${percent}%`, direction });
          expect([result.longest, result.trailing, result.misses]).toEqual([
            longest,
            trailing,
            misses,
          ]);
        },
      ),
      { numRuns: runs(300) },
    );
  });
});
