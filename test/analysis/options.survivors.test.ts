// The shared solver options: a tolerance that is not a number is located at tolerance.
import { defineModel, solveFor } from "targetree";
import { describe, expect, it } from "vitest";
import { expectCode } from "../_support/errors.js";

describe("solver options: tolerance", () => {
  it("points at tolerance when it is not a number", () => {
    const error = expectCode(
      () =>
        solveFor(defineModel({ y: "x * a" }), {
          output: "y",
          vary: "x",
          target: 1,
          inputs: { x: 1, a: 1 },
          tolerance: "abc",
        }),
      "INVALID_NUMBER",
      ["options", "tolerance"],
    );
    expect(error.message).toMatch(/"abc" is not an amount/);
  });
});
