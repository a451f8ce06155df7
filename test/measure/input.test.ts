import { describe, expect, it } from "vitest";
import { keyedEntries, readFields, readSettings } from "../../src/measure/_lib/input.js";
import { expectCode } from "../_support/errors.js";

// The readers the measure and plan functions share, over the one options reader.
describe("readSettings", () => {
  it("reads omitted options as empty, and refuses anything else that is not a record", () => {
    expect({ ...readSettings(undefined, ["direction"]) }).toEqual({});
    expect({ ...readSettings({ direction: "lower" }, ["direction"]) }).toEqual({
      direction: "lower",
    });
    const error = expectCode(() => readSettings(null, []), "INVALID_ARGUMENT", ["options"]);
    expect(error.message).toMatch(/options must be an object, got null/i);
    const map = expectCode(() => readSettings(new Map(), []), "INVALID_ARGUMENT", ["options"]);
    expect(map.message).toMatch(/got a Map/);
  });

  it("refuses an unknown key with UNKNOWN_OPTION, naming the closest known key", () => {
    const error = expectCode(
      () => readSettings({ directon: "lower" }, ["direction", "basis"]),
      "UNKNOWN_OPTION",
      ["options", "directon"],
    );
    expect(error.message).toMatch(/Did you mean "direction"\?/);
  });
});

describe("readFields", () => {
  it("checks a record of named fields with paths from the record", () => {
    expect({ ...readFields({ a: 1 }, ["a"], ["stages", 0], "stages[0]") }).toEqual({ a: 1 });
    expectCode(() => readFields({ b: 1 }, ["a"], ["stages", 0], "stages[0]"), "UNKNOWN_OPTION", [
      "stages",
      0,
      "b",
    ]);
    const notRecord = expectCode(
      () => readFields([], ["a"], [], "gap input"),
      "INVALID_ARGUMENT",
      [],
    );
    expect(notRecord.message).toMatch(/gap input must be an object, got an array/);
  });
});

describe("keyedEntries", () => {
  it("keeps any key of a record, in order, and refuses a Map", () => {
    expect(keyedEntries({ b: 1, a: 2 }, ["counts"], "counts")).toEqual([
      ["b", 1],
      ["a", 2],
    ]);
    expectCode(() => keyedEntries(new Map([["a", 1]]), ["counts"], "counts"), "INVALID_ARGUMENT", [
      "counts",
    ]);
  });
});
