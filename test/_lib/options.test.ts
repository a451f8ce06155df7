import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { closest, editDistance } from "../../src/_lib/closest.js";
import { checkPath, readBoolean, readChoice, readOptions } from "../../src/_lib/options.js";
import { expectCode } from "../_support/errors.js";

describe("checkPath", () => {
  it("accepts arrays of names and integer indexes, up to 1,024 parts", () => {
    expect(checkPath([])).toEqual([]);
    expect(checkPath(["inputs", 0, "price", -1])).toEqual(["inputs", 0, "price", -1]);
    const longest = Array.from({ length: 1024 }, (_, i) => `p${i}`);
    expect(checkPath(longest)).toBe(longest);
  });

  it.each([
    ["not an array", "inputs.price"],
    ["an object", { 0: "a", length: 1 }],
    ["null", null],
    ["1,025 parts", Array.from({ length: 1025 }, () => "p")],
    ["a fractional index", ["rows", 1.5]],
    ["NaN", [Number.NaN]],
    ["a boolean part", [true]],
    ["a null part", ["a", null]],
    ["a bigint part", [1n]],
  ])("rejects %s with INVALID_ARGUMENT at path", (_label, bad) => {
    const error = expectCode(() => checkPath(bad), "INVALID_ARGUMENT", ["path"]);
    expect(error.message).toMatch(/path must be an array of property names and integer indexes/);
  });
});

describe("readOptions", () => {
  it("refuses an unknown key with UNKNOWN_OPTION, the closest known key and the path", () => {
    const error = expectCode(
      () => readOptions({ calender: {} }, ["calendar", "unit"]),
      "UNKNOWN_OPTION",
      ["options", "calender"],
    );
    expect(error.message).toContain('Did you mean "calendar"?');
    expect(error.details).toEqual({ key: "calender", known: ["calendar", "unit"] });
    expect(
      expectCode(() => readOptions({ hold: 1 }, ["holds"]), "UNKNOWN_OPTION").message,
    ).toContain('"holds"');
  });

  it("suggests nothing when no known key is near", () => {
    const error = expectCode(() => readOptions({ zzzzzz: 1 }, ["unit"]), "UNKNOWN_OPTION");
    expect(error.message).not.toContain("Did you mean");
  });

  it("copies own keys into a null-prototype record and skips undefined unknown keys", () => {
    const options = readOptions({ unit: 1, other: undefined }, ["unit"]);
    expect(Object.getPrototypeOf(options)).toBe(null);
    expect({ ...options }).toEqual({ unit: 1 });
    const inherited = Object.create({ extra: 1 }) as Record<string, unknown>;
    expect({ ...readOptions(inherited, ["unit"]) }).toEqual({});
  });

  it("treats __proto__ and constructor as ordinary keys", () => {
    const parsed = JSON.parse('{"__proto__": 1}') as object;
    expectCode(() => readOptions(parsed, ["unit"]), "UNKNOWN_OPTION", ["options", "__proto__"]);
    expect(readOptions({ constructor: 2 }, ["constructor"]).constructor).toBe(2);
  });
});

describe("readBoolean and readChoice", () => {
  it("read with one argument order: record, key, rule, fallback, path", () => {
    expect(readBoolean({}, "x", true, ["options"])).toBe(true);
    expect(readBoolean({ x: false }, "x", true, ["options"])).toBe(false);
    expectCode(() => readBoolean({ x: 1 }, "x", true, ["options"]), "INVALID_ARGUMENT", [
      "options",
      "x",
    ]);
    expect(readChoice({}, "d", ["higher", "lower"], "higher", [])).toBe("higher");
    expect(readChoice({ d: "lower" }, "d", ["higher", "lower"], "higher", [])).toBe("lower");
    const error = expectCode(
      () => readChoice({ d: "lowr" }, "d", ["higher", "lower"], "higher", ["options"]),
      "INVALID_ARGUMENT",
      ["options", "d"],
    );
    expect(error.message).toContain('Did you mean "lower"?');
  });
});

describe("closest", () => {
  it("finds typos, swaps and case slips, and nothing for distant names", () => {
    expect(closest("calender", ["calendar", "unit"])).toBe("calendar");
    expect(closest("hold", ["holds", "min"])).toBe("holds");
    expect(closest("roundtotal", ["roundTotal"])).toBe("roundTotal");
    expect(closest("untis", ["unit", "units"])).toBe("units");
    expect(closest("x", ["calendar"])).toBeUndefined();
  });

  it("is a metric: zero only for equal names, symmetric", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 }), (a, b) => {
        expect(editDistance(a, b)).toBe(editDistance(b, a));
        expect(editDistance(a, a)).toBe(0);
        expect(editDistance(a, b) <= Math.max([...a].length, [...b].length)).toBe(true);
      }),
    );
  });
});
