// renderTree: the digits option reaches percentages, amounts and shares; option errors are located.
import { defineModel, renderTree } from "targetree";
import { describe, expect, it } from "vitest";
import { expectCode } from "../_support/errors.js";

const model = defineModel({ y: "x + a" }, { nodes: { y: { unitLabel: "%" } } });
const inputs = { x: "0.0123456", a: "0.01" };

describe("renderTree: digits", () => {
  it("shows percentages, amounts and shares with the requested digits", () => {
    expect(renderTree(model, inputs, { digits: 4 }).split("\n")).toEqual([
      "y     2.2346%              = x + a",
      "├─ x   0.0123  占55.2485%",
      "└─ a     0.01  占44.7515%",
    ]);
  });

  it("uses two digits by default", () => {
    expect(renderTree(model, inputs).split("\n")).toEqual([
      "y     2.23%            = x + a",
      "├─ x   0.01  占55.25%",
      "└─ a   0.01  占44.75%",
    ]);
  });
});

describe("renderTree: option errors", () => {
  it("refuses options that are not an object, at options", () => {
    const error = expectCode(() => renderTree(model, inputs, 5 as never), "INVALID_ARGUMENT", [
      "options",
    ]);
    expect(error.message).toMatch(/Options must be an object, got 5/);
  });

  it("lists the allowed symbol sets, at options.symbols", () => {
    const error = expectCode(
      () => renderTree(model, inputs, { symbols: "latex" as never }),
      "INVALID_ARGUMENT",
      ["options", "symbols"],
    );
    expect(error.message).toContain('symbols must be "math" or "ascii", got the string "latex".');
  });
});
