import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { flagBigMoves } from "../../src/measure/flagBigMoves.js";
import { runs } from "../_support/runs.js";
import { deepFreeze, errorOf, expectCode } from "./_helpers.js";

describe("flagBigMoves", () => {
  it("flags W9: a region whose sales drop 30% at a 30% threshold", () => {
    const rows = flagBigMoves(
      { 华东: { previous: "100万", current: "70万" }, 华南: { previous: "80万", current: "84万" } },
      "30%",
    );
    expect(rows.map((row) => [row.key, row.change?.toString(), row.move, row.flagged])).toEqual([
      ["华东", "-0.3", "down", true],
      ["华南", "0.05", "up", false],
    ]);
  });

  it("counts only the moves in the chosen direction", () => {
    const metrics = { a: { previous: 100, current: 140 }, b: { previous: 100, current: 50 } };
    expect(flagBigMoves(metrics, 0.3, { direction: "down" }).map((row) => row.flagged)).toEqual([
      false,
      true,
    ]);
    expect(flagBigMoves(metrics, 0.3, { direction: "up" }).map((row) => row.flagged)).toEqual([
      true,
      false,
    ]);
  });

  it("flags a move away from zero with a null change and a reason", () => {
    const [row] = flagBigMoves(new Map([["new", { previous: 0, current: 5 }]]), "30%");
    expect(row!.change).toBeNull();
    expect(row!.flagged).toBe(true);
    expect(row!.reason).toMatch(/zero/);
    expect(flagBigMoves({ idle: { previous: 0, current: 0 } }, "30%")[0]!.flagged).toBe(false);
  });

  it("does not mutate frozen input", () => {
    const metrics = deepFreeze({ a: { previous: 10, current: 5 } });
    expect(flagBigMoves(metrics, "50%")[0]!.flagged).toBe(true);
  });

  it("rejects a negative threshold, bad values and bad options", () => {
    expectCode(() => flagBigMoves({}, -0.1), "INVALID_ARGUMENT", ["threshold"]);
    expectCode(() => flagBigMoves({}, Number.NaN), "INVALID_NUMBER", ["threshold"]);
    expectCode(() => flagBigMoves({ a: { previous: "", current: 1 } }, 0.3), "INVALID_NUMBER", [
      "metrics",
      "a",
      "previous",
    ]);
    expectCode(() => flagBigMoves({ a: { previous: 1 } as never }, 0.3), "INVALID_ARGUMENT", [
      "metrics",
      "a",
      "current",
    ]);
    expectCode(
      () => flagBigMoves({}, 0.3, { direction: "sideways" as never }),
      "INVALID_ARGUMENT",
      ["options", "direction"],
    );
  });

  it("says what is wrong with the threshold or the metrics, and where", () => {
    expect(errorOf(() => flagBigMoves({}, -0.1)).message).toMatch(/threshold must not be negative/);
    const notAnObject = expectCode(() => flagBigMoves(null as never, 0.3), "INVALID_ARGUMENT", [
      "metrics",
    ]);
    expect(notAnObject.message).toMatch(/metrics must be an object, got null/);
    const numericKey = expectCode(
      () => flagBigMoves(new Map([[1, { previous: 1, current: 2 }]]) as never, 0.3),
      "INVALID_ARGUMENT",
      ["metrics"],
    );
    expect(numericKey.message).toMatch(/metrics keys must be strings/);
    const row = expectCode(() => flagBigMoves({ 华东: null as never }, 0.3), "INVALID_ARGUMENT", [
      "metrics",
      "华东",
    ]);
    expect(row.message).toMatch(/metrics\["华东"\] must be an object, got null/);
    const options = expectCode(() => flagBigMoves({}, 0.3, [] as never), "INVALID_ARGUMENT", [
      "options",
    ]);
    expect(options.message).toMatch(/options must be an object, got an array/);
    expect(
      errorOf(() => flagBigMoves({}, 0.3, { direction: "sideways" as never })).message,
    ).toMatch(/direction must be "both" or "up" or "down", got the string "sideways"/);
  });

  it("refuses a change past the supported magnitude with NUMBER_TOO_LARGE", () => {
    const error = expectCode(
      () => flagBigMoves({ a: { previous: "1e-999", current: "1e999" } }, "30%"),
      "NUMBER_TOO_LARGE",
      ["metrics", "a", "previous"],
    );
    expect(error.message).toMatch(/The change is outside the supported magnitude/);
  });
});

describe("properties", () => {
  it("flags exactly the moves whose size reaches the threshold", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1000 }),
        fc.integer({ min: 0, max: 2000 }),
        fc.integer({ min: 0, max: 100 }),
        (previous, current, percent) => {
          const [row] = flagBigMoves({ m: { previous, current } }, `${percent}%`);
          const size = Math.abs(current - previous) * 100;
          expect(row!.flagged).toBe(current !== previous && size >= percent * previous);
        },
      ),
      { numRuns: runs(300) },
    );
  });
});
