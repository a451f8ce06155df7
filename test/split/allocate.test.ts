import fc from "fast-check";
import { allocate, MAX_SPLIT_PARTS } from "targetree";
import { describe, expect, it } from "vitest";
import { Decimal } from "../../src/_lib/decimal.js";
import { deepFreeze, expectBareRecord, expectCode } from "../_support/errors.js";
import { runs } from "../_support/runs.js";
import { longArray, record, strings } from "./_helpers.js";

describe("allocate", () => {
  it("splits 1亿 over the four battlefields 50/20/20/10 exactly (W2)", () => {
    const parts = allocate("1亿", { 新客开发: 50, 老客回款: 20, 新行业: 20, 新产品: 10 });
    expect(record(parts)).toEqual({
      新客开发: "50000000",
      老客回款: "20000000",
      新行业: "20000000",
      新产品: "10000000",
    });
  });

  it("gives the leftover units to the largest remainders, ties to the earlier part (5 over 3, 3, 4)", () => {
    expect(strings(allocate(5, [3, 3, 4], { unit: 1 }))).toEqual(["2", "1", "2"]);
    expect(strings(allocate(1, [1, 1, 1]))).toEqual(["0.34", "0.33", "0.33"]);
    expect(strings(allocate(2, [1, 1, 1], { unit: 1 }))).toEqual(["1", "1", "0"]);
  });

  it("differs from dinero.js's round-robin remainder (which gives 1, 1, 3 here)", () => {
    expect(strings(allocate(5, [3, 3, 4], { unit: 1 }))).not.toEqual(["1", "1", "3"]);
  });

  it("splits in any unit: cents, whole yuan, 万 and counts", () => {
    expect(strings(allocate(100, [1, 2]))).toEqual(["33.33", "66.67"]);
    expect(strings(allocate(100, [1, 2], { unit: 1 }))).toEqual(["33", "67"]);
    expect(strings(allocate("1亿", [1, 2], { unit: "1万" }))).toEqual(["33330000", "66670000"]);
    expect(strings(allocate(10, [1, 1, 1], { unit: "0.5" }))).toEqual(["3.5", "3.5", "3"]);
    expect(strings(allocate("0.003", [1, 1], { unit: "0.001" }))).toEqual(["0.002", "0.001"]);
  });

  it("keeps the caller's key order and returns a null-prototype record", () => {
    const parts = allocate(3, { z: 1, a: 1, m: 1 }, { unit: 1 });
    expect(Object.keys(parts)).toEqual(["z", "a", "m"]);
    expectBareRecord(parts);
  });

  it("treats __proto__, constructor and toString as ordinary keys", () => {
    const weights: Record<string, number> = JSON.parse(
      '{"__proto__": 1, "constructor": 1, "toString": 2}',
    );
    const parts = allocate(4, weights, { unit: 1 });
    expect(Object.keys(parts)).toEqual(["__proto__", "constructor", "toString"]);
    expect(record(parts)).toEqual({ ["__proto__"]: "1", constructor: "1", toString: "2" });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("reads own keys only, never inherited ones", () => {
    const weights = Object.create({ inherited: 100 }) as Record<string, number>;
    weights.own = 1;
    expect(Object.keys(allocate(10, weights))).toEqual(["own"]);
  });

  it("accepts weights as numbers, numeric strings, percentages and Decimals alike", () => {
    const fromNumbers = allocate(100, [0.1, 0.2, 0.7]);
    const fromStrings = allocate(100, ["10%", "0.2", new Decimal("0.7")]);
    expect(strings(fromNumbers)).toEqual(["10", "20", "70"]);
    expect(strings(fromStrings)).toEqual(strings(fromNumbers));
  });

  it("mirrors a negative total: negative parts that still sum exactly", () => {
    expect(strings(allocate(-5, [3, 3, 4], { unit: 1 }))).toEqual(["-2", "-1", "-2"]);
    const parts = allocate("-100.01", [1, 1, 1]);
    expect(parts.reduce((a, b) => a.plus(b), new Decimal(0)).toString()).toBe("-100.01");
  });

  it("gives zero parts for a zero total", () => {
    expect(strings(allocate(0, [1, 2]))).toEqual(["0", "0"]);
    expect(strings(allocate(0, [0, 0], { onZeroWeights: "error" }))).toEqual(["0", "0"]);
  });

  it("splits evenly when every weight is zero, unless asked to throw", () => {
    expect(strings(allocate(100, [0, 0, 0]))).toEqual(["33.34", "33.33", "33.33"]);
    expectCode(() => allocate(100, { a: 0, b: 0 }, { onZeroWeights: "error" }), "ZERO_WEIGHTS", [
      "weights",
    ]);
  });

  it("gives nothing to a zero weight when other weights are positive", () => {
    expect(strings(allocate(10, [0, 1, 1], { unit: 1 }))).toEqual(["0", "5", "5"]);
  });

  it("rounds a total off the unit only when asked, with the chosen rounding mode", () => {
    expectCode(() => allocate("100.005", [1, 1]), "NOT_A_MULTIPLE_OF_UNIT", ["total"]);
    expect(strings(allocate("100.005", [1, 1], { roundTotal: true }))).toEqual(["50.01", "50"]);
    expect(strings(allocate("100.005", [1, 1], { roundTotal: true, rounding: "down" }))).toEqual([
      "50",
      "50",
    ]);
    expect(
      strings(allocate("100.005", [1, 1], { roundTotal: true, rounding: "half-even" })),
    ).toEqual(["50", "50"]);
  });

  describe("holds", () => {
    it("keeps held parts fixed and spreads the rest over the others", () => {
      const parts = allocate(100, { a: 1, b: 1, c: 2 }, { holds: { a: 50 }, unit: 1 });
      expect(record(parts)).toEqual({ a: "50", b: "17", c: "33" });
    });

    it("accepts holds by position for array weights", () => {
      expect(strings(allocate(100, [1, 1, 2], { holds: [undefined, 40], unit: 1 }))).toEqual([
        "20",
        "40",
        "40",
      ]);
    });

    it("accepts a zero hold and a hold equal to the whole total", () => {
      expect(record(allocate(10, { a: 1, b: 1 }, { holds: { a: 0 } }))).toEqual({
        a: "0",
        b: "10",
      });
      expect(record(allocate(10, { a: 1, b: 1 }, { holds: { a: 10 } }))).toEqual({
        a: "10",
        b: "0",
      });
    });

    it("accepts every part held when the holds make up the total", () => {
      expect(record(allocate(10, { a: 1, b: 1 }, { holds: { a: 4, b: 6 } }))).toEqual({
        a: "4",
        b: "6",
      });
    });

    it("matches hold keys after NFC normalisation", () => {
      const parts = allocate(10, { "caf\u00e9": 1, b: 1 }, { holds: { "cafe\u0301": 3 } });
      expect(record(parts)).toEqual({ "caf\u00e9": "3", b: "7" });
    });

    it("spreads evenly over free parts whose weights are all zero", () => {
      expect(record(allocate(10, { a: 5, b: 0, c: 0 }, { holds: { a: 4 }, unit: 1 }))).toEqual({
        a: "4",
        b: "3",
        c: "3",
      });
    });

    it("throws HOLDS_EXCEED_TOTAL when the holds add up to more than the total", () => {
      const error = expectCode(
        () => allocate(100, { a: 1, b: 1 }, { holds: { a: 120 } }),
        "HOLDS_EXCEED_TOTAL",
        ["options", "holds"],
      );
      expect(error.message).toContain("120");
      expectCode(
        () => allocate(-100, { a: 1, b: 1 }, { holds: { a: -120 } }),
        "HOLDS_EXCEED_TOTAL",
      );
    });

    it("throws NO_FREE_PARTS when every part is held and the holds miss the total", () => {
      expectCode(
        () => allocate(100, { a: 1, b: 1 }, { holds: { a: 30, b: 30 } }),
        "NO_FREE_PARTS",
        ["options", "holds"],
      );
    });

    it("throws NOT_A_MULTIPLE_OF_UNIT for a held value off the unit", () => {
      expectCode(
        () => allocate(100, { a: 1, b: 1 }, { holds: { a: "10.5" }, unit: 1 }),
        "NOT_A_MULTIPLE_OF_UNIT",
        ["options", "holds", "a"],
      );
    });

    it("throws UNKNOWN_KEY for a hold that names no part", () => {
      expectCode(() => allocate(100, { a: 1 }, { holds: { b: 1 } }), "UNKNOWN_KEY", [
        "options",
        "holds",
        "b",
      ]);
      expectCode(() => allocate(100, [1], { holds: [1, 2] }), "UNKNOWN_KEY", [
        "options",
        "holds",
        1,
      ]);
    });

    it("throws INVALID_NUMBER for a held value that is not a number", () => {
      expectCode(() => allocate(100, { a: 1, b: 1 }, { holds: { a: "lots" } }), "INVALID_NUMBER", [
        "options",
        "holds",
        "a",
      ]);
    });
  });

  describe("min and max", () => {
    it("lifts parts to their minimum and takes what it costs from the others", () => {
      expect(strings(allocate(100, [1, 1, 8], { min: 20, unit: 1 }))).toEqual(["20", "20", "60"]);
    });

    it("caps parts at their maximum and gives the excess to the others", () => {
      expect(strings(allocate(100, [1, 1, 8], { max: 50, unit: 1 }))).toEqual(["25", "25", "50"]);
    });

    it("redistributes until stable when clipping one part pushes another past its bound", () => {
      // 1000 over 6:3:1 with max 500: a is capped at 500 and the other 500 goes 3:1 to b and c.
      expect(strings(allocate(1000, [6, 3, 1], { max: 500, unit: 1 }))).toEqual([
        "500",
        "375",
        "125",
      ]);
      // A cascade of caps: a is capped, then b, then the rest goes to c.
      expect(strings(allocate(100, [50, 30, 20], { max: [30, 30] }))).toEqual(["30", "30", "40"]);
    });

    it("combines per-key bounds, a single bound and holds", () => {
      const parts = allocate(
        1000,
        { a: 5, b: 3, c: 1, d: 1 },
        { holds: { d: 100 }, min: { c: 200 }, max: 400, unit: 1 },
      );
      expect(record(parts)).toEqual({ a: "400", b: "300", c: "200", d: "100" });
    });

    it("lifts a zero-weight part to its minimum", () => {
      expect(record(allocate(100, { old: 10, new: 0 }, { min: { new: 20 }, unit: 1 }))).toEqual({
        old: "80",
        new: "20",
      });
    });

    it("rounds bounds inward to whole units", () => {
      expect(strings(allocate(10, [1, 1], { min: ["0.5"], max: "5.5", unit: 1 }))).toEqual([
        "5",
        "5",
      ]);
    });

    it("mirrors bounds for a negative total", () => {
      expect(strings(allocate(-100, [1, 1, 8], { max: -20, unit: 1 }))).toEqual([
        "-20",
        "-20",
        "-60",
      ]);
      expect(strings(allocate(-100, [1, 1, 8], { min: -50, unit: 1 }))).toEqual([
        "-25",
        "-25",
        "-50",
      ]);
    });

    it("throws INFEASIBLE_BOUNDS showing the sums when the minimums exceed the total", () => {
      const error = expectCode(() => allocate(100, [1, 1], { min: 60 }), "INFEASIBLE_BOUNDS", [
        "options",
        "min",
      ]);
      expect(error.message).toContain("120");
      expect(error.message).toContain("100");
    });

    it("throws INFEASIBLE_BOUNDS when the maximums cannot hold the total", () => {
      const error = expectCode(() => allocate(100, [1, 1], { max: 40 }), "INFEASIBLE_BOUNDS", [
        "options",
        "max",
      ]);
      expect(error.message).toContain("80");
    });

    it("throws INFEASIBLE_BOUNDS when only zero-weight parts could take the rest", () => {
      expectCode(() => allocate(100, [1, 0], { max: [10] }), "INFEASIBLE_BOUNDS");
    });

    it("throws INFEASIBLE_BOUNDS for a part whose minimum is above its maximum", () => {
      expectCode(
        () => allocate(100, { a: 1, b: 1 }, { min: { a: 60 }, max: { a: 50 } }),
        "INFEASIBLE_BOUNDS",
        ["options", "max", "a"],
      );
    });

    it("throws INFEASIBLE_BOUNDS for a maximum below zero on a positive total", () => {
      expectCode(() => allocate(100, { a: 1, b: 1 }, { max: { a: -5 } }), "INFEASIBLE_BOUNDS", [
        "options",
        "max",
        "a",
      ]);
    });

    it("throws UNKNOWN_KEY for a bound that names no part", () => {
      expectCode(() => allocate(100, { a: 1 }, { min: { z: 1 } }), "UNKNOWN_KEY", [
        "options",
        "min",
        "z",
      ]);
    });

    it("throws INVALID_NUMBER for a bound that is not a number", () => {
      expectCode(() => allocate(100, { a: 1 }, { max: { a: "x" } }), "INVALID_NUMBER", [
        "options",
        "max",
        "a",
      ]);
    });
  });

  describe("bad input", () => {
    it("throws NEGATIVE_WEIGHT with the path to the weight", () => {
      expectCode(() => allocate(10, [1, -1]), "NEGATIVE_WEIGHT", ["weights", 1]);
      expectCode(() => allocate(10, { a: 1, b: "-2" }), "NEGATIVE_WEIGHT", ["weights", "b"]);
    });

    it("throws INVALID_NUMBER for weights that are not numbers", () => {
      for (const bad of [Number.NaN, Number.POSITIVE_INFINITY, "abc", null, true, {}, () => 1]) {
        expectCode(() => allocate(10, [1, bad as never]), "INVALID_NUMBER", ["weights", 1]);
      }
      expectCode(() => allocate("x", [1]), "INVALID_NUMBER", ["total"]);
    });

    it("throws NUMBER_TOO_LARGE for a value past the supported magnitude", () => {
      expectCode(() => allocate("1e2000", [1]), "NUMBER_TOO_LARGE", ["total"]);
      expectCode(() => allocate(1, ["1e2000"]), "NUMBER_TOO_LARGE", ["weights", 0]);
    });

    it("never calls a weight's own methods", () => {
      let called = false;
      const evil = {
        toString: () => {
          called = true;
          return "1";
        },
        valueOf: () => {
          called = true;
          return 1;
        },
      };
      expectCode(() => allocate(10, [evil as never]), "INVALID_NUMBER");
      expect(called).toBe(false);
    });

    it("throws DUPLICATE_KEY for keys equal after NFC normalisation", () => {
      expectCode(() => allocate(10, { "caf\u00e9": 1, "cafe\u0301": 1 }), "DUPLICATE_KEY");
    });

    it("throws INVALID_CHARACTER for a key with an invisible character", () => {
      expectCode(() => allocate(10, { "华\u200b东": 1 }), "INVALID_CHARACTER");
      expectCode(() => allocate(10, { "a\u202eb": 1 }), "INVALID_CHARACTER");
    });

    it("throws INVALID_ARGUMENT for empty weights", () => {
      expectCode(() => allocate(10, []), "INVALID_ARGUMENT", ["weights"]);
      expectCode(() => allocate(10, {}), "INVALID_ARGUMENT", ["weights"]);
    });

    it("throws INVALID_ARGUMENT for weights that are neither an array nor a record", () => {
      expectCode(() => allocate(10, 5 as never), "INVALID_ARGUMENT", ["weights"]);
      expectCode(() => allocate(10, new Map() as never), "INVALID_ARGUMENT", ["weights"]);
    });

    it("throws INVALID_ARGUMENT for bad options", () => {
      expectCode(() => allocate(10, [1], { unit: 0 }), "INVALID_ARGUMENT", ["options", "unit"]);
      expectCode(() => allocate(10, [1], { unit: -1 }), "INVALID_ARGUMENT", ["options", "unit"]);
      expectCode(() => allocate(10, [1], { unit: "x" }), "INVALID_NUMBER", ["options", "unit"]);
      expectCode(() => allocate(10, [1], { rounding: "nearest" as never }), "INVALID_ARGUMENT", [
        "options",
        "rounding",
      ]);
      expectCode(
        () => allocate(10, [1], { onZeroWeights: "ignore" as never }),
        "INVALID_ARGUMENT",
        ["options", "onZeroWeights"],
      );
      expectCode(() => allocate(10, [1], { roundTotal: "yes" as never }), "INVALID_ARGUMENT", [
        "options",
        "roundTotal",
      ]);
      expectCode(() => allocate(10, [1], "cents" as never), "INVALID_ARGUMENT", ["options"]);
      expectCode(() => allocate(10, [1], { holds: { 0: 1 } as never }), "INVALID_ARGUMENT", [
        "options",
        "holds",
      ]);
      expectCode(() => allocate(10, { a: 1 }, { holds: [1] as never }), "INVALID_ARGUMENT", [
        "options",
        "holds",
      ]);
    });
  });

  it("never changes its (frozen) arguments", () => {
    const weights = deepFreeze({ a: 1, b: 2, c: 3 });
    const options = deepFreeze({ holds: { a: 10 }, min: { b: 5 }, max: 100, unit: 1 });
    const parts = allocate(60, weights, options);
    expect(record(parts)).toEqual({ a: "10", b: "20", c: "30" });
    expect(weights).toEqual({ a: 1, b: 2, c: 3 });
    const list = deepFreeze([1, 2, 3]);
    expect(strings(allocate(6, list, { unit: 1 }))).toEqual(["1", "2", "3"]);
  });

  it("does not depend on the host's Decimal settings", async () => {
    const { Decimal: GlobalDecimal } = await import("decimal.js");
    const saved = { precision: GlobalDecimal.precision, rounding: GlobalDecimal.rounding };
    GlobalDecimal.set({ precision: 2, rounding: GlobalDecimal.ROUND_DOWN });
    try {
      expect(strings(allocate("123456.78", [1, 2]))).toEqual(["41152.26", "82304.52"]);
    } finally {
      GlobalDecimal.set(saved);
    }
  });

  it("takes the fast path and the exact path to the same answer", () => {
    const weights = [0.5, 12.25, 3, 0, 7.125, 1e15, 2.5e-7];
    const asStrings = weights.map((w) => String(w));
    expect(strings(allocate("9876543.21", weights))).toEqual(
      strings(allocate("9876543.21", asStrings)),
    );
  });

  it("handles totals and weights beyond 2^53 exactly", () => {
    const parts = allocate("123456789012345678901234.56", [1, 2, "9007199254740993"]);
    expect(parts.reduce((a, b) => a.plus(b), new Decimal(0)).toString()).toBe(
      "123456789012345678901234.56",
    );
  });

  it("allocates 20,000 parts exactly", () => {
    const weights = Array.from({ length: 20_000 }, (_, i) => (i % 97) + 0.5);
    const parts = allocate("123456789.01", weights);
    expect(parts.reduce((a, b) => a.plus(b), new Decimal(0)).toString()).toBe("123456789.01");
  });
});

/** Exact quota of each part, in units, as Decimals. */
function quotas(total: Decimal, weights: readonly number[]): Decimal[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => (sum === 0 ? total.div(weights.length) : total.times(w).div(sum)));
}

const centsTotal = fc
  .bigInt({ min: -10_000_000_000n, max: 10_000_000_000n })
  .map((cents) => new Decimal(cents.toString()).div(100));
const weightList = fc.array(
  fc.oneof(
    fc.nat({ max: 1000 }),
    fc.integer({ min: 0, max: 100_000 }).map((n) => n / 100),
  ),
  { minLength: 1, maxLength: 30 },
);

describe("properties", () => {
  it("parts sum exactly to the total and are whole multiples of the unit", () => {
    fc.assert(
      fc.property(centsTotal, weightList, (total, weights) => {
        const parts = allocate(total, weights);
        expect(parts.reduce((a, b) => a.plus(b), new Decimal(0))).toEqualDecimal(total);
        for (const part of parts) expect(part.times(100).isInteger()).toBe(true);
      }),
      { numRuns: runs(200) },
    );
  });

  it("no part is negative for a non-negative total and non-negative weights", () => {
    fc.assert(
      fc.property(
        centsTotal.map((t) => t.abs()),
        weightList,
        (total, weights) => {
          for (const part of allocate(total, weights)) expect(part.gte(0)).toBe(true);
        },
      ),
      { numRuns: runs(200) },
    );
  });

  it("each part is within one unit of its exact share", () => {
    fc.assert(
      fc.property(centsTotal, weightList, (total, weights) => {
        const exact = quotas(total, weights);
        allocate(total, weights).forEach((part, i) => {
          expect(part.minus(exact[i]!).abs().lt("0.01")).toBe(true);
        });
      }),
      { numRuns: runs(200) },
    );
  });

  it("plain numbers and plain decimal text (fast paths) give the same parts as Decimals (exact path)", () => {
    fc.assert(
      fc.property(
        centsTotal,
        fc.array(
          fc.oneof(
            fc.double({ min: 0, max: 1e6, noNaN: true }),
            fc.integer({ min: 0, max: 10_000_000 }).map((n) => n / 1000),
            fc.double({ min: 0, max: 1e-3, noNaN: true }),
          ),
          { minLength: 1, maxLength: 12 },
        ),
        (total, weights) => {
          const expected = strings(
            allocate(
              total,
              weights.map((w) => new Decimal(w)),
            ),
          );
          expect(strings(allocate(total, weights))).toEqual(expected);
          expect(
            strings(
              allocate(
                total,
                weights.map((w) => String(w)),
              ),
            ),
          ).toEqual(expected);
        },
      ),
      { numRuns: runs(200) },
    );
  });

  it("a negative total is the mirror image of the positive one", () => {
    fc.assert(
      fc.property(centsTotal, weightList, (total, weights) => {
        expect(strings(allocate(total.neg(), weights))).toEqual(
          strings(allocate(total, weights)).map((s) => new Decimal(s).neg().toString()),
        );
      }),
      { numRuns: runs(100) },
    );
  });

  it("holds are respected and the others share the rest", () => {
    fc.assert(
      fc.property(
        fc.nat({ max: 1_000_000 }),
        fc.array(fc.nat({ max: 50 }), { minLength: 2, maxLength: 12 }),
        fc.array(fc.option(fc.nat({ max: 1000 }), { nil: undefined }), { maxLength: 12 }),
        (total, weights, rawHolds) => {
          const holds = rawHolds.slice(0, weights.length - 1);
          const heldSum = holds.reduce<number>((a, b) => a + (b ?? 0), 0);
          fc.pre(heldSum <= total);
          const parts = allocate(total, weights, { holds, unit: 1 });
          holds.forEach((hold, i) => {
            if (hold !== undefined) expect(parts[i]!.toNumber()).toBe(hold);
          });
          expect(parts.reduce((a, b) => a.plus(b), new Decimal(0)).toNumber()).toBe(total);
          for (const part of parts) expect(part.gte(0)).toBe(true);
        },
      ),
      { numRuns: runs(200) },
    );
  });

  it("the result does not depend on key order, apart from ties", () => {
    fc.assert(
      fc.property(
        fc.nat({ max: 100_000 }),
        fc.uniqueArray(fc.string({ minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 10 }),
        fc.array(fc.nat({ max: 100 }), { minLength: 10, maxLength: 10 }),
        (total, keys, rawWeights) => {
          const safeKeys = keys.map((k) => `k${k}`).filter((k, i, all) => all.indexOf(k) === i);
          const weights = safeKeys.map((_, i) => rawWeights[i]!);
          const sum = weights.reduce((a, b) => a + b, 0);
          const fractions = weights.map((w) => (sum === 0 ? 0 : (total * w) % sum));
          fc.pre(new Set(fractions).size === fractions.length);
          const forward = Object.fromEntries(safeKeys.map((k, i) => [k, weights[i]!]));
          const backward = Object.fromEntries([...safeKeys].reverse().map((k) => [k, forward[k]!]));
          const a = allocate(total, forward, { unit: 1 });
          const b = allocate(total, backward, { unit: 1 });
          for (const key of safeKeys) expect(a[key]!).toEqualDecimal(b[key]!);
        },
      ),
      { numRuns: runs(200) },
    );
  });

  it("bounded parts are the water-filling solution clamp(λ·w, min, max), within one unit", () => {
    fc.assert(
      fc.property(
        fc.nat({ max: 10_000 }),
        fc.array(
          fc.record({
            weight: fc.nat({ max: 20 }),
            min: fc.option(fc.nat({ max: 1500 }), { nil: undefined }),
            span: fc.option(fc.nat({ max: 3000 }), { nil: undefined }),
          }),
          { minLength: 1, maxLength: 8 },
        ),
        (total, specs) => {
          const weights = specs.map((s) => s.weight);
          const min = specs.map((s) => s.min);
          const max = specs.map((s) => (s.span === undefined ? undefined : (s.min ?? 0) + s.span));
          let parts: Decimal[];
          try {
            parts = allocate(total, weights, { min, max, unit: 1 });
          } catch (error) {
            expect((error as { code: string }).code).toBe("INFEASIBLE_BOUNDS");
            expect(feasible(total, weights, min, max)).toBe(false);
            return;
          }
          expect(parts.reduce((a, b) => a.plus(b), new Decimal(0)).toNumber()).toBe(total);
          const exact = waterLevel(total, weights, min, max);
          parts.forEach((part, i) => {
            if (min[i] !== undefined) expect(part.gte(min[i]!)).toBe(true);
            if (max[i] !== undefined) expect(part.lte(max[i]!)).toBe(true);
            expect(part.minus(exact[i]!).abs().lt(1)).toBe(true);
          });
        },
      ),
      { numRuns: runs(300) },
    );
  });
});

/** Reference: is there any split of `total` within the bounds (zero-weight parts stay at their floor)? */
function feasible(
  total: number,
  weights: readonly number[],
  min: readonly (number | undefined)[],
  max: readonly (number | undefined)[],
): boolean {
  const allZero = weights.every((w) => w === 0);
  let low = 0;
  let high = 0;
  let unbounded = false;
  weights.forEach((w, i) => {
    const lo = min[i] ?? 0;
    low += lo;
    if (w === 0 && !allZero) high += lo;
    else if (max[i] === undefined) unbounded = true;
    else high += max[i]!;
    if (max[i] !== undefined && max[i]! < lo) high = Number.NEGATIVE_INFINITY;
  });
  return low <= total && (unbounded || high >= total);
}

/** Reference water level by bisection on λ, in exact-enough Decimals. */
function waterLevel(
  total: number,
  rawWeights: readonly number[],
  min: readonly (number | undefined)[],
  max: readonly (number | undefined)[],
): Decimal[] {
  const weights = rawWeights.every((w) => w === 0) ? rawWeights.map(() => 1) : rawWeights;
  const at = (lambda: Decimal): Decimal[] =>
    weights.map((w, i) => {
      let x = lambda.times(w);
      const lo = min[i] ?? 0;
      if (x.lt(lo)) x = new Decimal(lo);
      if (max[i] !== undefined && x.gt(max[i]!)) x = new Decimal(max[i]!);
      return x;
    });
  const sum = (xs: Decimal[]) => xs.reduce((a, b) => a.plus(b), new Decimal(0));
  let low = new Decimal(0);
  let high = new Decimal(1e6);
  for (let step = 0; step < 200; step++) {
    const middle = low.plus(high).div(2);
    if (sum(at(middle)).lt(total)) low = middle;
    else high = middle;
  }
  return at(high);
}

describe("allocate, more cases", () => {
  describe("holds", () => {
    it("explains holds beyond the total, with both sums, on either side of zero", () => {
      const error = expectCode(
        () => allocate(100, { a: 1, b: 1 }, { holds: { a: 120 } }),
        "HOLDS_EXCEED_TOTAL",
        ["options", "holds"],
      );
      expect(error.message).toMatch(/The held parts add up to 120, more than the total 100\./);
      expect(error.details).toEqual({ held: "120", total: "100" });
      const negative = expectCode(
        () => allocate(-100, { a: 1, b: 1 }, { holds: { a: -120 } }),
        "HOLDS_EXCEED_TOTAL",
        ["options", "holds"],
      );
      expect(negative.message).toMatch(/The held parts add up to -120, less than the total -100\./);
      const zero = expectCode(
        () => allocate(0, { a: 1, b: 1 }, { holds: { a: 5 } }),
        "HOLDS_EXCEED_TOTAL",
        ["options", "holds"],
      );
      expect(zero.details).toEqual({ held: "5", total: "0" });
    });

    it("accepts negative holds that make up a negative total exactly", () => {
      expect(strings(allocate(-100, [1, 1], { holds: [-100], unit: 1 }))).toEqual(["-100", "0"]);
    });

    it("explains what is left when every part is held", () => {
      const error = expectCode(
        () => allocate(100, { a: 1, b: 1 }, { holds: { a: 30, b: 30 } }),
        "NO_FREE_PARTS",
        ["options", "holds"],
      );
      expect(error.message).toMatch(
        /Every part is held: the holds add up to 60 and the total is 100, so 40 has no part to go to\./,
      );
    });

    it("throws ZERO_WEIGHTS for free parts of zero weight only when something is left for them", () => {
      const error = expectCode(
        () => allocate(10, { a: 1, b: 0, c: 0 }, { holds: { a: 4 }, onZeroWeights: "error" }),
        "ZERO_WEIGHTS",
        ["weights"],
      );
      expect(error.message).toMatch(
        /Every weight is zero, so there is no proportion to split by; use onZeroWeights: "even"/,
      );
      expect(
        record(allocate(10, { a: 1, b: 0, c: 0 }, { holds: { a: 10 }, onZeroWeights: "error" })),
      ).toEqual({ a: "10", b: "0", c: "0" });
    });

    it("refuses a single value as holds", () => {
      const error = expectCode(
        () => allocate(10, [1, 1], { holds: 5 as never }),
        "INVALID_ARGUMENT",
        ["options", "holds"],
      );
      expect(error.message).toMatch(/holds must be an array by position, got 5\./);
    });

    it("refuses a hold key with an invisible character, pointing at it", () => {
      expectCode(() => allocate(10, { a: 1 }, { holds: { "a\u200b": 1 } }), "INVALID_CHARACTER", [
        "options",
        "holds",
        "a\u200b",
      ]);
    });

    it("reads null holds as no hold, by position and by key", () => {
      expect(strings(allocate(100, [1, 1], { holds: [null, 40], unit: 1 }))).toEqual(["60", "40"]);
      expect(
        record(allocate(100, { a: 1, b: 1 }, { holds: { a: null, b: 40 } as never, unit: 1 })),
      ).toEqual({ a: "60", b: "40" });
      expect(strings(allocate(100, [1, 1], { holds: null as never, unit: 1 }))).toEqual([
        "50",
        "50",
      ]);
    });

    it("explains holds of the wrong shape or naming no part", () => {
      const array = expectCode(
        () => allocate(10, [1], { holds: { a: 1 } as never }),
        "INVALID_ARGUMENT",
        ["options", "holds"],
      );
      expect(array.message).toMatch(
        /With weights given as an array, holds must be an array by position, got an object\./,
      );
      const keyed = expectCode(
        () => allocate(10, { a: 1 }, { holds: [1] as never }),
        "INVALID_ARGUMENT",
        ["options", "holds"],
      );
      expect(keyed.message).toMatch(
        /holds must be a record keyed like the weights, got an array\./,
      );
      const long = expectCode(() => allocate(100, [1], { holds: [1, 2] }), "UNKNOWN_KEY", [
        "options",
        "holds",
        1,
      ]);
      expect(long.message).toMatch(/holds has 2 entries but there are only 1 parts\./);
      const unknown = expectCode(
        () => allocate(100, { a: 1 }, { holds: { b: 1 } }),
        "UNKNOWN_KEY",
        ["options", "holds", "b"],
      );
      expect(unknown.message).toMatch(/holds names "b", which is not one of the parts\./);
      const unit = expectCode(
        () => allocate(100, { a: 1, b: 1 }, { holds: { a: "10.5" }, unit: 1 }),
        "NOT_A_MULTIPLE_OF_UNIT",
        ["options", "holds", "a"],
      );
      expect(unit.message).toMatch(/The held value 10\.5 is not a whole multiple of the unit 1\./);
      expect(unit.details).toEqual({ value: "10.5", unit: "1" });
    });
  });

  describe("min and max", () => {
    it("accepts bounds that are exactly tight", () => {
      expect(strings(allocate(100, [1, 3], { min: 50, unit: 1 }))).toEqual(["50", "50"]);
      expect(strings(allocate(100, [1, 3], { max: 50, unit: 1 }))).toEqual(["50", "50"]);
      expect(strings(allocate(100, [1, 1], { min: [30], max: [30], unit: 1 }))).toEqual([
        "30",
        "70",
      ]);
    });

    it("checks minimums against what the holds leave, even when they leave nothing", () => {
      const error = expectCode(
        () => allocate(10, [1, 1], { holds: [10], min: [undefined, 5] }),
        "INFEASIBLE_BOUNDS",
        ["options", "min"],
      );
      expect(error.message).toMatch(
        /The minimums of the free parts add up to 5, beyond the 0 left to split \(after holds of 10\)\./,
      );
    });

    it("fixes parts at both bounds at once when that settles the split", () => {
      expect(strings(allocate(100, [1, 1], { max: [40], min: [undefined, 60], unit: 1 }))).toEqual([
        "40",
        "60",
      ]);
      expect(
        strings(allocate(100, [1, 1, 0], { min: [80], max: [undefined, 20], unit: 1 })),
      ).toEqual(["80", "20", "0"]);
    });

    it("takes a single bound as a number, a numeric string or a Decimal", () => {
      const expected = ["20", "20", "60"];
      expect(strings(allocate(100, [1, 1, 8], { min: "20", unit: 1 }))).toEqual(expected);
      expect(strings(allocate(100, [1, 1, 8], { min: new Decimal(20), unit: 1 }))).toEqual(
        expected,
      );
    });

    it("explains bounds of the wrong shape, with or without the single-value hint", () => {
      const array = expectCode(
        () => allocate(10, [1], { min: { a: 1 } as never }),
        "INVALID_ARGUMENT",
        ["options", "min"],
      );
      expect(array.message).toMatch(
        /With weights given as an array, min must be an array by position or a single value, got an object\./,
      );
      const keyed = expectCode(
        () => allocate(10, { a: 1 }, { max: [1] as never }),
        "INVALID_ARGUMENT",
        ["options", "max"],
      );
      expect(keyed.message).toMatch(
        /max must be a record keyed like the weights or a single value, got an array\./,
      );
    });

    it("explains crossed bounds on a part, by position or by key, in the caller's orientation", () => {
      const position = expectCode(
        () => allocate(100, [1, 1], { min: [60], max: [50] }),
        "INFEASIBLE_BOUNDS",
        ["options", "max", 0],
      );
      expect(position.message).toMatch(
        /Part #0 has min 60 beyond its max 50 \(in whole units of 0\.01\)\./,
      );
      const mirrored = expectCode(
        () => allocate(-100, { a: 1, b: 1 }, { min: { a: -40 }, max: { a: -50 } }),
        "INFEASIBLE_BOUNDS",
        ["options", "min", "a"],
      );
      expect(mirrored.message).toMatch(/Part "a" has max -50 beyond its min -40/);
      const sign = expectCode(
        () => allocate(100, { a: 1, b: 1 }, { max: { a: -5 } }),
        "INFEASIBLE_BOUNDS",
        ["options", "max", "a"],
      );
      expect(sign.message).toMatch(
        /Part "a" has max -5, but its value has the sign of the amount to split \(100\), so it cannot reach that bound\./,
      );
      const signMirrored = expectCode(
        () => allocate(-100, { a: 1, b: 1 }, { min: { a: 5 } }),
        "INFEASIBLE_BOUNDS",
        ["options", "min", "a"],
      );
      expect(signMirrored.message).toMatch(/Part "a" has min 5, but its value has the sign/);
    });

    it("explains bounds that cannot hold the total, with the sums", () => {
      const low = expectCode(() => allocate(100, [1, 1], { min: 60 }), "INFEASIBLE_BOUNDS", [
        "options",
        "min",
      ]);
      expect(low.message).toMatch(
        /The minimums of the free parts add up to 120, beyond the 100 left to split\./,
      );
      expect(low.details).toEqual({ bounds: "120", amount: "100" });
      const afterHolds = expectCode(
        () => allocate(110, [1, 1, 1], { min: 60, holds: [10] }),
        "INFEASIBLE_BOUNDS",
        ["options", "min"],
      );
      expect(afterHolds.message).toMatch(/left to split \(after holds of 10\)\./);
      const high = expectCode(() => allocate(100, [1, 1], { max: 40 }), "INFEASIBLE_BOUNDS", [
        "options",
        "max",
      ]);
      expect(high.message).toMatch(
        /The maximums of the free parts allow at most 80, short of the 100 left to split\./,
      );
      expect(high.details).toEqual({ bounds: "80", amount: "100" });
      const zero = expectCode(() => allocate(100, [1, 0], { max: [10] }), "INFEASIBLE_BOUNDS", [
        "options",
        "max",
      ]);
      expect(zero.message).toMatch(
        /short of the 100 left to split \(parts with zero weight stay at their bound or zero\)\./,
      );
      const lifted = expectCode(
        () => allocate(100, [1, 0], { max: [10], min: [undefined, 80] }),
        "INFEASIBLE_BOUNDS",
        ["options", "max"],
      );
      expect(lifted.details).toEqual({ bounds: "90", amount: "100" });
      const mirrored = expectCode(() => allocate(-100, [1, 1], { max: -60 }), "INFEASIBLE_BOUNDS", [
        "options",
        "max",
      ]);
      expect(mirrored.message).toMatch(
        /The maximums of the free parts add up to -120, beyond the -100 left to split\./,
      );
      expect(mirrored.details).toEqual({ bounds: "-120", amount: "-100" });
    });
  });

  describe("exact paths", () => {
    it("splits a total beyond 2^53 units over plain-number weights exactly", () => {
      expect(strings(allocate("100000000000000000000.01", [1, 1]))).toEqual([
        "50000000000000000000.01",
        "50000000000000000000",
      ]);
    });

    it("splits over plain-number weights whose sum is beyond 2^53 exactly", () => {
      expect(strings(allocate(3, [4503599627370496, 4503599627370497], { unit: 1 }))).toEqual([
        "1",
        "2",
      ]);
      expect(strings(allocate(1_000_000, [2 ** 51, 1, 2 ** 51 - 1], { unit: 1 }))).toEqual([
        "500000",
        "0",
        "500000",
      ]);
    });

    it("reads plain-number weights beyond 2^53 exactly", () => {
      expect(strings(allocate(10, [1e20, 3e20], { unit: 1 }))).toEqual(["3", "7"]);
    });

    it("reads large weights with fractions exactly", () => {
      const weights = [140737488355328.5, 0.5, 1234567890123.4568];
      expect(strings(allocate("1000000", weights))).toEqual(
        strings(
          allocate(
            "1000000",
            weights.map((w) => new Decimal(String(w))),
          ),
        ),
      );
      const scaled = [1e15, 0.5];
      expect(strings(allocate("1000000", scaled))).toEqual(
        strings(
          allocate(
            "1000000",
            scaled.map((w) => new Decimal(w)),
          ),
        ),
      );
      const mixed = ["0.5", "12.25", "3", "7.125", "1.5"];
      expect(strings(allocate("9876543.21", mixed))).toEqual(
        strings(
          allocate(
            "9876543.21",
            mixed.map((w) => new Decimal(w)),
          ),
        ),
      );
      expect(strings(allocate(1000, mixed, { unit: 1 }))).toEqual([
        "20",
        "503",
        "123",
        "292",
        "62",
      ]);
      const text = ["1234567890.1234567", "0.5", "12345678901234567"];
      expect(strings(allocate("1000000", text))).toEqual(
        strings(
          allocate(
            "1000000",
            text.map((w) => new Decimal(w)),
          ),
        ),
      );
    });

    it("breaks ties to the earlier part on the bigint path too", () => {
      expect(strings(allocate(5, ["3e20", "3e20", "4e20"], { unit: 1 }))).toEqual(["2", "1", "2"]);
    });

    it("converts parts in units with many digits exactly", () => {
      expect(strings(allocate(2469134, [1, 1], { unit: 1234567 }))).toEqual(["1234567", "1234567"]);
      expect(strings(allocate("99999900000.999999", [1, 1], { unit: "0.999999" }))).toEqual([
        "49999950000.999999",
        "49999950000",
      ]);
    });
  });

  describe("messages for bad input", () => {
    it("explains weights of the wrong shape, empty or too many", () => {
      const shape = expectCode(() => allocate(10, 5 as never), "INVALID_ARGUMENT", ["weights"]);
      expect(shape.message).toMatch(/weights must be an array or a record of numbers, got 5\./);
      for (const bad of [new Set([1]), new Decimal(1)]) {
        expectCode(() => allocate(10, bad as never), "INVALID_ARGUMENT", ["weights"]);
      }
      const empty = expectCode(() => allocate(10, {}), "INVALID_ARGUMENT", ["weights"]);
      expect(empty.message).toMatch(/weights is empty: give at least one part/);
      const many = expectCode(
        () => allocate(10, longArray<number>(MAX_SPLIT_PARTS + 1)),
        "SPLIT_TOO_LARGE",
        ["weights"],
      );
      expect(many.message).toMatch(
        /weights has more than 1,000,000 parts; split in stages \(first into groups, then each group\)\./,
      );
    });

    it("refuses weight text with anything around the number", () => {
      for (const bad of ["2x", "x2", "1.2.3"]) {
        expectCode(() => allocate(10, ["1", bad]), "INVALID_NUMBER", ["weights", 1]);
      }
    });

    it('splits evenly over zero weights when onZeroWeights is "even"', () => {
      expect(strings(allocate(3, [0, 0, 0], { onZeroWeights: "even", unit: 1 }))).toEqual([
        "1",
        "1",
        "1",
      ]);
    });

    it("refuses a key that starts with an invisible character", () => {
      const error = expectCode(() => allocate(10, { "\u200bx": 1 }), "INVALID_CHARACTER", [
        "weights",
        "\u200bx",
      ]);
      expect(error.details).toEqual({ codePoint: "U+200B", position: 1 });
    });

    it("explains bad options", () => {
      const options = expectCode(() => allocate(10, [1], "cents" as never), "INVALID_ARGUMENT", [
        "options",
      ]);
      expect(options.message).toMatch(/Options must be an object, got the string "cents"\./);
      const unit = expectCode(() => allocate(10, [1], { unit: "-0.5" }), "INVALID_ARGUMENT", [
        "options",
        "unit",
      ]);
      expect(unit.message).toMatch(
        /unit must be a positive step such as "0\.01", 1, "万" or "1亿", got -0\.5\./,
      );
      const choice = expectCode(
        () => allocate(10, [1], { onZeroWeights: "ignore" as never }),
        "INVALID_ARGUMENT",
        ["options", "onZeroWeights"],
      );
      expect(choice.message).toMatch(
        /onZeroWeights must be "even" or "error", got the string "ignore"\./,
      );
    });

    it("explains a total off the unit, with the value and the unit", () => {
      const error = expectCode(() => allocate("100.005", [1, 1]), "NOT_A_MULTIPLE_OF_UNIT", [
        "total",
      ]);
      expect(error.message).toMatch(
        /The amount 100\.005 is not a whole multiple of the unit 0\.01; pass a finer unit, or roundTotal: true/,
      );
      expect(error.details).toEqual({ value: "100.005", unit: "0.01" });
    });

    it("explains a negative weight", () => {
      const error = expectCode(() => allocate(10, [1, -1]), "NEGATIVE_WEIGHT", ["weights", 1]);
      expect(error.message).toMatch(
        /Weights must be zero or positive, got -1\. To split a negative total, keep the weights positive/,
      );
      expectCode(() => allocate(10, [new Decimal(-2)]), "NEGATIVE_WEIGHT", ["weights", 0]);
    });
  });
});
