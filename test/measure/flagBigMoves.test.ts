import fc from "fast-check";
import { flagBigMoves, growth } from "targetree";
import { describe, expect, it } from "vitest";
import { deepFreeze, errorOf, expectCode } from "../_support/errors.js";
import { runs } from "../_support/runs.js";

describe("flagBigMoves", () => {
  it("flags W9: a region whose sales drop 30% at a 30% threshold", () => {
    const rows = flagBigMoves(
      { 华东: { previous: "100万", actual: "70万" }, 华南: { previous: "80万", actual: "84万" } },
      "30%",
    );
    expect(rows.map((row) => [row.key, row.growth?.toString(), row.move, row.flagged])).toEqual([
      ["华东", "-0.3", "down", true],
      ["华南", "0.05", "up", false],
    ]);
    expect([rows[0]!.previous.toString(), rows[0]!.actual.toString()]).toEqual([
      "1000000",
      "700000",
    ]);
  });

  it("counts only the moves chosen with moves: up, down or both", () => {
    const metrics = { a: { previous: 100, actual: 140 }, b: { previous: 100, actual: 50 } };
    const flagged = (moves: "up" | "down" | "both") =>
      flagBigMoves(metrics, 0.3, { moves }).map((row) => row.flagged);
    expect(flagged("down")).toEqual([false, true]);
    expect(flagged("up")).toEqual([true, false]);
    expect(flagged("both")).toEqual([true, true]);
    expect(flagBigMoves(metrics, 0.3).map((row) => row.flagged)).toEqual([true, true]);
  });

  it("flags a move away from zero with a null growth and a reason", () => {
    const [row] = flagBigMoves({ new: { previous: 0, actual: 5 } }, "30%");
    expect(row!.growth).toBeNull();
    expect(row!.flagged).toBe(true);
    expect(row!.reason).toBe("The previous value is zero, so the growth rate is undefined.");
    expect(flagBigMoves({ idle: { previous: 0, actual: 0 } }, "30%")[0]!.flagged).toBe(false);
  });

  it("does not mutate frozen input", () => {
    const metrics = deepFreeze({ a: { previous: 10, actual: 5 } });
    expect(flagBigMoves(metrics, "50%", deepFreeze({ moves: "down" }))[0]!.flagged).toBe(true);
  });

  it("rejects a negative threshold, bad values and bad options", () => {
    expectCode(() => flagBigMoves({}, -0.1), "INVALID_ARGUMENT", ["threshold"]);
    expectCode(() => flagBigMoves({}, Number.NaN), "INVALID_NUMBER", ["threshold"]);
    expectCode(() => flagBigMoves({ a: { previous: "", actual: 1 } }, 0.3), "INVALID_NUMBER", [
      "metrics",
      "a",
      "previous",
    ]);
    expectCode(() => flagBigMoves({ a: { previous: 1 } as never }, 0.3), "INVALID_ARGUMENT", [
      "metrics",
      "a",
      "actual",
    ]);
    expectCode(() => flagBigMoves({}, 0.3, { moves: "sideways" as never }), "INVALID_ARGUMENT", [
      "options",
      "moves",
    ]);
  });

  it("refuses the old option direction and a misspelt field with UNKNOWN_OPTION", () => {
    const renamed = expectCode(
      () => flagBigMoves({}, 0.3, { direction: "down" } as never),
      "UNKNOWN_OPTION",
      ["options", "direction"],
    );
    expect(renamed.message).toMatch(/Known options: "moves"/);
    const field = expectCode(
      () => flagBigMoves({ a: { previous: 1, current: 2 } } as never, 0.3),
      "UNKNOWN_OPTION",
      ["metrics", "a", "current"],
    );
    expect(field.message).toMatch(/Known options: "previous", "actual"/);
    const typo = expectCode(
      () => flagBigMoves({ a: { previous: 1, acutal: 2 } } as never, 0.3),
      "UNKNOWN_OPTION",
      ["metrics", "a", "acutal"],
    );
    expect(typo.message).toMatch(/Did you mean "actual"\?/);
  });

  it("says what is wrong with the threshold or the metrics, and where", () => {
    expect(errorOf(() => flagBigMoves({}, -0.1)).message).toMatch(/threshold must not be negative/);
    const notAnObject = expectCode(() => flagBigMoves(null as never, 0.3), "INVALID_ARGUMENT", [
      "metrics",
    ]);
    expect(notAnObject.message).toMatch(/metrics must be an object, got null/);
    const map = expectCode(
      () => flagBigMoves(new Map([["a", { previous: 1, actual: 2 }]]) as never, 0.3),
      "INVALID_ARGUMENT",
      ["metrics"],
    );
    expect(map.message).toMatch(/metrics must be an object, got a Map \(pass a plain object/);
    const row = expectCode(() => flagBigMoves({ 华东: null as never }, 0.3), "INVALID_ARGUMENT", [
      "metrics",
      "华东",
    ]);
    expect(row.message).toMatch(/metrics\["华东"\] must be an object, got null/);
    const options = expectCode(() => flagBigMoves({}, 0.3, [] as never), "INVALID_ARGUMENT", [
      "options",
    ]);
    expect(options.message).toMatch(/options must be an object, got an array/i);
    expect(errorOf(() => flagBigMoves({}, 0.3, { moves: "sideways" as never })).message).toMatch(
      /moves must be "both" or "up" or "down", got the string "sideways"/,
    );
  });

  it("refuses a growth rate past the supported magnitude with NUMBER_TOO_LARGE", () => {
    const error = expectCode(
      () => flagBigMoves({ a: { previous: "1e-999", actual: "1e999" } }, "30%"),
      "NUMBER_TOO_LARGE",
      ["metrics", "a", "previous"],
    );
    expect(error.message).toMatch(/The growth rate is outside the supported magnitude/);
  });
});

describe("properties", () => {
  it("flags exactly the moves whose size reaches the threshold", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1000 }),
        fc.integer({ min: 0, max: 2000 }),
        fc.integer({ min: 0, max: 100 }),
        (previous, actual, percent) => {
          const [row] = flagBigMoves({ m: { previous, actual } }, `${percent}%`);
          const size = Math.abs(actual - previous) * 100;
          expect(row!.flagged).toBe(actual !== previous && size >= percent * previous);
        },
      ),
      { numRuns: runs(300) },
    );
  });

  it("gives the same growth as growth(), null where the previous value is zero", () => {
    const value = fc.integer({ min: -100, max: 100 });
    fc.assert(
      fc.property(value, value, (previous, actual) => {
        const [row] = flagBigMoves({ m: { previous, actual } }, 0);
        const single = growth(actual, previous);
        expect(row!.growth?.toString() ?? null).toBe(single.growth?.toString() ?? null);
        expect(row!.reason === null).toBe(single.reason === null);
      }),
      { numRuns: runs(200) },
    );
  });
});
