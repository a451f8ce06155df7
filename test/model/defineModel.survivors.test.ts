// defineModel: an invisible first character, errors located inside options.inputs / options.nodes,
// self-references found past logical operators and calls, and internals kept out of view.
import { inspect } from "node:util";
import { defineModel } from "targetree";
import { describe, expect, it } from "vitest";
import { expectCode } from "../_support/errors.js";

describe("defineModel: names", () => {
  it("refuses an invisible character in the first position", () => {
    const error = expectCode(() => defineModel({ "\u200Bx": "a" }), "INVALID_CHARACTER", [
      "formulas",
      "\u200Bx",
    ]);
    expect(error.message).toMatch(/invisible character U\+200B at position 1\./);
    expect(error.details).toEqual({ column: 1 });
  });

  it("locates a bad name in options.inputs under options.inputs", () => {
    const error = expectCode(
      () => defineModel({ y: "a" }, { inputs: { "1a": {} } } as never),
      "INVALID_ARGUMENT",
      ["options", "inputs", "1a"],
    );
    expect(error.message).toMatch(/"1a" is not a valid name/);
  });

  it("locates a bad name in options.nodes under options.nodes", () => {
    const error = expectCode(
      () => defineModel({ y: "a" }, { nodes: { "1a": {} } } as never),
      "INVALID_ARGUMENT",
      ["options", "nodes", "1a"],
    );
    expect(error.message).toMatch(/"1a" is not a valid name/);
  });
});

describe("defineModel: SELF_REFERENCE past logical operators and calls", () => {
  it.each([
    ["if(x > 1 and true, 1, 2)", 4],
    ["if(a > 0 or a > 1, 1, 2) + x", 28],
    ["max(a, 1) + x", 13],
  ])("in %s, at column %i", (formula, column) => {
    const error = expectCode(() => defineModel({ x: formula }), "SELF_REFERENCE", [
      "formulas",
      "x",
    ]);
    expect(error.details).toMatchObject({ formula: "x", line: 1, column });
  });
});

describe("defineModel: the model object", () => {
  it("marks a formula node as not whole-number, described or not", () => {
    const model = defineModel({ y: "a * 2", z: "y + 1" }, { nodes: { z: { label: "Z" } } });
    expect(model.nodes.y!.wholeNumber).toBe(false);
    expect(model.nodes.z!.wholeNumber).toBe(false);
  });

  it("keeps its compiled internals out of what inspecting the model shows", () => {
    const model = defineModel({ y: "a * 2" });
    expect(inspect(model)).not.toContain("targetree.model");
    expect(Object.getOwnPropertySymbols({ ...model })).toEqual([]);
  });
});
