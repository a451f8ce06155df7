// solveMultiplier: the factor range from several inputs' bounds, inputs at 0 or not read by the
// output, whole-number rounding that would leave a bound, and messages that name "the factor".
import { defineModel, solveMultiplier } from "targetree";
import { describe, expect, it } from "vitest";
import { expectCode } from "../_support/errors.js";

describe("solveMultiplier: bounds", () => {
  it("keeps the factor under the tightest maximum of the varied inputs", () => {
    // x·z = 25 at k = ±5; x ≤ 4 rules out k = 5 even though z ≤ 10 would allow it.
    const model = defineModel({ y: "x * z" }, { inputs: { x: { max: 4 }, z: { max: 10 } } });
    const answer = solveMultiplier(model, {
      output: "y",
      vary: ["x", "z"],
      target: 25,
      inputs: { x: 1, z: 1 },
    });
    expect(answer.factor.toString()).toBe("-5");
  });

  it("ignores the bounds of a varied input that is 0 (scaling cannot move it)", () => {
    const model = defineModel({ y: "x + z" }, { inputs: { z: { min: 0, max: 10 } } });
    const answer = solveMultiplier(model, {
      output: "y",
      vary: ["x", "z"],
      target: 5,
      inputs: { x: 1, z: 0 },
    });
    expect(answer.factor.toString()).toBe("5");
  });

  it("refuses whole numbers that would leave an input's bounds", () => {
    // k = 9.5 gives n = m = 9.5; rounding up puts n above 9.7, rounding down misses 19.
    const model = defineModel(
      { y: "n + m" },
      { inputs: { n: { wholeNumber: true, max: 9.7 }, m: { wholeNumber: true } } },
    );
    const error = expectCode(
      () =>
        solveMultiplier(model, {
          output: "y",
          vary: ["n", "m"],
          target: 19,
          inputs: { n: 1, m: 1 },
        }),
      "NO_SOLUTION",
      ["options", "vary"],
    );
    expect(error.message).toContain(
      "the factor 9.5 gives n, m a fraction, and rounding them to whole numbers does not reach the target",
    );
  });
});

describe("solveMultiplier: inputs the output does not read", () => {
  const model = defineModel({ y: "x * a", w: "u" });

  it("scales the inputs it reads even when another varied input is not read", () => {
    const answer = solveMultiplier(model, {
      output: "y",
      vary: ["x", "u"],
      target: 5,
      inputs: { x: 1, a: 1, u: 2 },
    });
    expect(answer.factor.toString()).toBe("5");
  });

  it("says the output does not depend on them (even when they are 0)", () => {
    const error = expectCode(
      () =>
        solveMultiplier(model, {
          output: "y",
          vary: ["u"],
          target: 5,
          inputs: { x: 1, a: 1, u: 0 },
        }),
      "NO_SOLUTION",
      ["options", "vary"],
    );
    expect(error.details).toEqual({ reason: "y does not depend on u", outside: null });
  });
});

describe("solveMultiplier: messages", () => {
  it("calls the unknown 'the factor' when the output is undefined inside the crossing", () => {
    const error = expectCode(
      () =>
        solveMultiplier(defineModel({ y: "x * (x - 2) / (x - 2)" }), {
          output: "y",
          vary: ["x"],
          target: 2,
          inputs: { x: 5 },
        }),
      "NO_SOLUTION",
      ["options", "vary"],
    );
    expect(error.message).toContain(
      "y is undefined at the factor = 0.4, inside the interval where it crosses the target",
    );
  });
});
