// solveMultiplier's option errors point at the offending option.
import { defineModel, solveMultiplier } from "targetree";
import { describe, expect, it } from "vitest";
import { expectCode } from "../_support/errors.js";

const model = defineModel({ y: "x * a" });
const inputs = { x: 1, a: 1 };

describe("solveMultiplier: option errors", () => {
  it("points at output for an unknown output", () => {
    expectCode(
      () => solveMultiplier(model, { output: "nope" as never, vary: ["x"], target: 1, inputs }),
      "UNKNOWN_NODE",
      ["options", "output"],
    );
  });

  it("points at vary when it is not a list", () => {
    const error = expectCode(
      () => solveMultiplier(model, { output: "y", vary: "x" as never, target: 1, inputs }),
      "INVALID_ARGUMENT",
      ["options", "vary"],
    );
    expect(error.message).toMatch(/Expected a list of input names/);
  });

  it("points at inputs.<name> for a missing input", () => {
    expectCode(
      () =>
        solveMultiplier(model, { output: "y", vary: ["x"], target: 1, inputs: { x: 1 } as never }),
      "MISSING_INPUT",
      ["options", "inputs", "a"],
    );
  });

  it("points at maxIterations when it is out of range", () => {
    const error = expectCode(
      () =>
        solveMultiplier(model, { output: "y", vary: ["x"], target: 1, inputs, maxIterations: 0 }),
      "INVALID_ARGUMENT",
      ["options", "maxIterations"],
    );
    expect(error.message).toMatch(/Expected a whole number from 1 to 10000, got 0/);
  });
});
