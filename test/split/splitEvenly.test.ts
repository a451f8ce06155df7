import fc from "fast-check";
import { MAX_SPLIT_PARTS, splitEvenly } from "targetree";
import { describe, expect, it } from "vitest";
import { Decimal } from "../../src/_lib/decimal.js";
import { deepFreeze, expectBareRecord, expectCode } from "../_support/errors.js";
import { runs } from "../_support/runs.js";
import { longArray, record, strings } from "./_helpers.js";

describe("splitEvenly", () => {
  it("splits 80万 over five salespeople, 160,000 each (W5)", () => {
    const team = splitEvenly("80万", ["张伟", "王芳", "李娜", "刘洋", "陈静"], { unit: 1 });
    expect(record(team)).toEqual({
      张伟: "160000",
      王芳: "160000",
      李娜: "160000",
      刘洋: "160000",
      陈静: "160000",
    });
  });

  it("gives the units that do not divide evenly to the first parts", () => {
    expect(strings(splitEvenly(100, 3, { unit: 1 }))).toEqual(["34", "33", "33"]);
    expect(strings(splitEvenly(1, 3))).toEqual(["0.34", "0.33", "0.33"]);
    expect(strings(splitEvenly(-100, 3, { unit: 1 }))).toEqual(["-34", "-33", "-33"]);
  });

  it("returns a null-prototype record in the caller's order for names", () => {
    const parts = splitEvenly(4, ["z", "__proto__"], { unit: 1 });
    expect(Object.keys(parts)).toEqual(["z", "__proto__"]);
    expectBareRecord(parts);
  });

  it("throws INVALID_ARGUMENT for no parts or a count that is not a whole number from 1", () => {
    expectCode(() => splitEvenly(10, []), "INVALID_ARGUMENT", ["keysOrCount"]);
    for (const bad of [0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expectCode(() => splitEvenly(10, bad), "INVALID_ARGUMENT", ["keysOrCount"]);
    }
    for (const many of [MAX_SPLIT_PARTS + 1, 1e7, 1e12]) {
      expectCode(() => splitEvenly(10, many), "SPLIT_TOO_LARGE", ["keysOrCount"]);
    }
    expectCode(() => splitEvenly(10, "abc" as never), "INVALID_ARGUMENT", ["keysOrCount"]);
    expectCode(() => splitEvenly(10, [1] as never), "INVALID_ARGUMENT", ["keysOrCount", 0]);
  });

  it("throws DUPLICATE_KEY and INVALID_CHARACTER for bad names", () => {
    expectCode(() => splitEvenly(10, ["a", "a"]), "DUPLICATE_KEY");
    expectCode(() => splitEvenly(10, ["a\u2066"]), "INVALID_CHARACTER");
  });

  it("throws NOT_A_MULTIPLE_OF_UNIT and INVALID_NUMBER for a bad total", () => {
    expectCode(() => splitEvenly("0.001", 2), "NOT_A_MULTIPLE_OF_UNIT", ["total"]);
    expectCode(() => splitEvenly(Number.NaN, 2), "INVALID_NUMBER", ["total"]);
  });

  it("never changes its (frozen) arguments", () => {
    const names = deepFreeze(["a", "b"]);
    expect(record(splitEvenly(10, names, deepFreeze({ unit: 1 })))).toEqual({ a: "5", b: "5" });
  });

  describe("properties", () => {
    it("parts sum exactly and differ by at most one unit, larger ones first", () => {
      fc.assert(
        fc.property(
          fc.nat({ max: 10_000_000 }),
          fc.integer({ min: 1, max: 60 }),
          (cents, count) => {
            const total = new Decimal(cents).div(100);
            const parts = splitEvenly(total, count);
            expect(parts.reduce((a, b) => a.plus(b), new Decimal(0))).toEqualDecimal(total);
            for (let i = 1; i < parts.length; i++) {
              expect(parts[i]!.lte(parts[i - 1]!)).toBe(true);
            }
            expect(parts[0]!.minus(parts[parts.length - 1]!).lte("0.01")).toBe(true);
          },
        ),
        { numRuns: runs(200) },
      );
    });
  });
});

describe("splitEvenly, more cases", () => {
  it("gives the whole total to a single part", () => {
    expect(strings(splitEvenly(5, 1))).toEqual(["5"]);
    expect(record(splitEvenly(5, ["a"]))).toEqual({ a: "5" });
  });

  it("explains a bad count, a bad list of names and a bad argument", () => {
    const count = expectCode(() => splitEvenly(10, 0), "INVALID_ARGUMENT", ["keysOrCount"]);
    expect(count.message).toMatch(/Expected a whole number of parts from 1 to 1,000,000\./);
    const names = expectCode(() => splitEvenly(10, []), "INVALID_ARGUMENT", ["keysOrCount"]);
    expect(names.message).toMatch(/Give at least one part name\./);
    const many = expectCode(
      () => splitEvenly(10, longArray<string>(MAX_SPLIT_PARTS + 1)),
      "SPLIT_TOO_LARGE",
      ["keysOrCount"],
    );
    expect(many.message).toMatch(/Give at most 1,000,000 part names; split in stages/);
    const other = expectCode(() => splitEvenly(10, null as never), "INVALID_ARGUMENT", [
      "keysOrCount",
    ]);
    expect(other.message).toMatch(/keysOrCount must be an array of names or a count, got null\./);
    const key = expectCode(() => splitEvenly(10, ["a", 1] as never), "INVALID_ARGUMENT", [
      "keysOrCount",
      1,
    ]);
    expect(key.message).toMatch(/Keys must be strings, got 1\./);
  });

  it("names both keys of a duplicate and the invisible character of a bad name", () => {
    const duplicate = expectCode(
      () => splitEvenly(10, ["x", "caf\u00e9", "cafe\u0301"]),
      "DUPLICATE_KEY",
      ["keysOrCount", "cafe\u0301"],
    );
    expect(duplicate.details).toEqual({ first: "caf\u00e9", second: "cafe\u0301" });
    expect(duplicate.message).toMatch(/are the same after Unicode NFC normalisation/);
    const invisible = expectCode(() => splitEvenly(10, ["ok", "a\u200bb"]), "INVALID_CHARACTER", [
      "keysOrCount",
      "a\u200bb",
    ]);
    expect(invisible.details).toEqual({ codePoint: "U+200B", position: 2 });
    expect(invisible.message).toMatch(/control character U\+200B at position 2\./);
  });
});

describe("splitEvenly, duplicate names", () => {
  it("says a plain duplicate appears twice, and mentions NFC only when it made two names equal", () => {
    const plain = expectCode(() => splitEvenly(10, ["a", "a"]), "DUPLICATE_KEY", [
      "keysOrCount",
      "a",
    ]);
    expect(plain.message).toBe('DUPLICATE_KEY: The key "a" appears twice. (at keysOrCount.a)');
    const normalised = expectCode(
      () => splitEvenly(10, ["caf\u00e9", "cafe\u0301"]),
      "DUPLICATE_KEY",
    );
    expect(normalised.message).toContain("are the same after Unicode NFC normalisation");
  });
});
