import { ERROR_CODES, parseAmount, TargetreeError } from "targetree";
import { describe, expect, it } from "vitest";
import { describeValue, excerpt, formatPath } from "../../src/_lib/errors.js";
import { errorOf } from "../_support/errors.js";

describe("TargetreeError", () => {
  it("carries a stable code, a path and details", () => {
    const error = new TargetreeError("INVALID_NUMBER", "Bad.", {
      path: ["rows", 3, "单价"],
      details: { column: 4 },
    });
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe("TargetreeError");
    expect(error.code).toBe("INVALID_NUMBER");
    expect(error.path).toEqual(["rows", 3, "单价"]);
    expect(error.details).toEqual({ column: 4 });
    expect(error.message).toBe("INVALID_NUMBER: Bad. (at rows[3].单价)");
  });

  it("quotes path parts that are not plain names", () => {
    const error = new TargetreeError("UNKNOWN_KEY", "Bad.", { path: ["holds", "a b"] });
    expect(error.message).toContain('holds["a b"]');
  });

  it("shows invisible characters in paths as code points, never raw", () => {
    const error = new TargetreeError("UNKNOWN_KEY", "Bad.", { path: ["holds", "a\u202Eb"] });
    expect(error.message).toContain('holds["a<U+202E>b"]');
    expect(error.message).not.toMatch(/\u202E/);
  });

  it("documents every code with a meaning", () => {
    for (const [code, meaning] of Object.entries(ERROR_CODES)) {
      expect(code).toMatch(/^[A-Z_]+$/);
      expect(meaning.length).toBeGreaterThan(10);
    }
  });
});

describe("TargetreeError options", () => {
  it("has an empty path, empty details and no location in the message when none is given", () => {
    const error = new TargetreeError("INVALID_NUMBER", "Bad.");
    expect(error.message).toBe("INVALID_NUMBER: Bad.");
    expect(error.path).toEqual([]);
    expect(error.details).toEqual({});
  });

  it("shows no location for an empty path", () => {
    const error = new TargetreeError("INVALID_NUMBER", "Bad.", { path: [] });
    expect(error.message).toBe("INVALID_NUMBER: Bad.");
    expect(error.path).toEqual([]);
  });

  it("keeps a given cause as the standard Error.cause, and sets none otherwise", () => {
    const cause = new RangeError("underlying");
    expect(new TargetreeError("INVALID_ARGUMENT", "Bad.", { cause }).cause).toBe(cause);
    expect(Object.hasOwn(new TargetreeError("INVALID_ARGUMENT", "Bad."), "cause")).toBe(false);
    const explicit = new TargetreeError("INVALID_ARGUMENT", "Bad.", { cause: undefined });
    expect(Object.hasOwn(explicit, "cause")).toBe(false);
  });

  it("copies the path and details, so later changes to the caller's arrays do not show", () => {
    const path: (string | number)[] = ["rows", 1];
    const details = { column: 3 };
    const error = new TargetreeError("INVALID_NUMBER", "Bad.", { path, details });
    path.push("x");
    details.column = 9;
    expect(error.path).toEqual(["rows", 1]);
    expect(error.details).toEqual({ column: 3 });
  });
});

describe("formatPath", () => {
  it("joins names with dots and indexes in brackets", () => {
    expect(formatPath(["inputs", "price"])).toBe("inputs.price");
    expect(formatPath([3, "单价", "$x", "_y"])).toBe("[3].单价.$x._y");
    expect(formatPath(["a b", "1x"])).toBe('["a b"]["1x"]');
  });

  it("shows names of up to 40 characters whole and cuts longer ones at 40 with …", () => {
    const forty = "n".repeat(40);
    expect(formatPath(["a", forty])).toBe(`a.${forty}`);
    expect(formatPath(["a", `${forty}tail`])).toBe(`a.${forty}…`);
    expect(formatPath([`${"x ".repeat(20)}tail`])).toBe(
      `[${JSON.stringify(`${"x ".repeat(20)}…`)}]`,
    );
  });

  it("shows at most 12 parts and marks a longer path with …", () => {
    const twelve = Array.from({ length: 12 }, (_, i) => i);
    expect(formatPath(twelve)).toBe(twelve.map((i) => `[${i}]`).join(""));
    expect(formatPath([...twelve, 12, 13])).toBe(`${twelve.map((i) => `[${i}]`).join("")}…`);
    const error = new TargetreeError("UNKNOWN_KEY", "Bad.", { path: [...twelve, 12] });
    expect(error.path).toHaveLength(13);
    expect(error.message).toBe(`UNKNOWN_KEY: Bad. (at ${formatPath(twelve)}…)`);
  });
});

describe("excerpt", () => {
  it("quotes text of up to 40 characters whole and cuts longer text at 40 with …", () => {
    expect(excerpt("abc")).toBe('"abc"');
    expect(excerpt("x".repeat(40))).toBe(`"${"x".repeat(40)}"`);
    expect(excerpt("x".repeat(41))).toBe(`"${"x".repeat(40)}…"`);
    expect(excerpt("abcdef", 3)).toBe('"abc…"');
  });

  it("escapes quotes and shows invisible characters as code points", () => {
    expect(excerpt('say "hi"\n')).toBe('"say \\"hi\\"\\n"');
    expect(excerpt("a\u202Eb")).toBe('"a<U+202E>b"');
  });
});

describe("describeValue", () => {
  it.each([
    [null, "null"],
    ["abc", 'the string "abc"'],
    ["", 'the string ""'],
    [12.5, "12.5"],
    [Number.NaN, "NaN"],
    [Number.NEGATIVE_INFINITY, "-Infinity"],
    [[1, 2], "an array"],
    [{ a: 1 }, "an object"],
    [true, "a boolean"],
    [10n, "a bigint"],
    [() => 1, "a function"],
    [Symbol("s"), "a symbol"],
  ])("describes %s as %j", (value, expected) => {
    expect(describeValue(value)).toBe(expected);
  });

  it("names undefined", () => {
    expect(describeValue(undefined)).toMatch(/undefined/);
  });

  it("never calls a method of the value it describes", () => {
    const hostile = {
      toString: () => {
        throw new Error("called");
      },
      get [Symbol.toStringTag]() {
        throw new Error("called");
      },
    };
    expect(describeValue(hostile)).toBe("an object");
  });
});

describe("TargetreeError#toJSON", () => {
  it("gives the name, code, message, path and details as plain data", () => {
    const error = new TargetreeError("UNKNOWN_OPTION", "Unknown option.", {
      path: ["options", "calender"],
      details: { key: "calender", known: ["calendar"] },
    });
    expect(error.toJSON()).toEqual({
      name: "TargetreeError",
      code: "UNKNOWN_OPTION",
      message: "UNKNOWN_OPTION: Unknown option. (at options.calender)",
      path: ["options", "calender"],
      details: { key: "calender", known: ["calendar"] },
    });
    expect(Object.keys(error.toJSON())).toEqual(["name", "code", "message", "path", "details"]);
  });

  it("makes JSON.stringify keep the message, and never the stack or the cause", () => {
    const error = errorOf(() => parseAmount("1,2", { path: ["rows", 0, "price"] }));
    const sent = JSON.parse(JSON.stringify(error)) as Record<string, unknown>;
    expect(sent).toEqual({
      name: "TargetreeError",
      code: "INVALID_NUMBER",
      message: error.message,
      path: ["rows", 0, "price"],
      details: { column: 3 },
    });
    const caused = new TargetreeError("INVALID_ARGUMENT", "Bad.", { cause: new Error("inner") });
    expect(JSON.stringify(caused)).not.toMatch(/inner|stack/);
  });

  it("returns fresh copies, so changing them leaves the error as it was", () => {
    const error = new TargetreeError("INVALID_NUMBER", "Bad.", { path: ["a"], details: { n: 1 } });
    const json = error.toJSON();
    json.path.push("b");
    json.details.n = 2;
    expect(error.path).toEqual(["a"]);
    expect(error.details).toEqual({ n: 1 });
    expect(error.toJSON()).not.toBe(error.toJSON());
  });
});
