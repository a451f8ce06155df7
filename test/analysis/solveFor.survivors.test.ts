// solveFor's option errors: each names the function or points at the offending option.
import { defineModel, solveFor } from "targetree";
import { describe, expect, it } from "vitest";
import { expectCode } from "../_support/errors.js";

const model = defineModel({ y: "x * a" });
const inputs = { x: 1, a: 1 };

describe("solveFor: option errors", () => {
  it("names solveFor when the options are not an object", () => {
    const error = expectCode(() => solveFor(model, null as never), "INVALID_ARGUMENT", ["options"]);
    expect(error.message).toMatch(/solveFor needs an options object, got null/);
  });

  it("points at output for an unknown output", () => {
    expectCode(
      () => solveFor(model, { output: "nope" as never, vary: "x", target: 1, inputs }),
      "UNKNOWN_NODE",
      ["options", "output"],
    );
  });

  it("points at vary for an unknown input", () => {
    expectCode(
      () => solveFor(model, { output: "y", vary: "nope" as never, target: 1, inputs }),
      "UNKNOWN_NODE",
      ["options", "vary"],
    );
  });

  it.each(["min", "max"] as const)("points at %s for a bound that is not a number", (key) => {
    const error = expectCode(
      () => solveFor(model, { output: "y", vary: "x", target: 1, inputs, [key]: "abc" }),
      "INVALID_NUMBER",
      ["options", key],
    );
    expect(error.message).toMatch(/"abc" is not an amount/);
  });
});
