// solveFor's whole-number rounding: an exact answer just above a whole number is rounded up (not
// taken as that whole number), and whole numbers where the model is undefined are skipped.
import { defineModel, solveFor } from "targetree";
import { describe, expect, it } from "vitest";
import { expectCode } from "../_support/errors.js";

describe("solveFor: whole numbers", () => {
  it("rounds an exact answer a hair above 2 up to 3, not down to 2", () => {
    const answer = solveFor(defineModel({ y: "x * a" }), {
      output: "y",
      vary: "x",
      target: "2.0000000000000000000000000000000000000001",
      inputs: { x: 1, a: 1 },
      wholeNumber: true,
    });
    expect(answer.method).toBe("algebraic");
    expect(answer.unrounded.toString()).toBe("2.0000000000000000000000000000000000000001");
    expect(answer.value.toString()).toBe("3");
    expect(answer.rounded).toBe(true);
    expect(answer.achieved.toString()).toBe("3");
  });

  it("skips a whole number where the model is undefined, and says none reaches the target", () => {
    // y = x + 1/(x − 2) reaches 4.9 at x = 2.4 (found numerically); y(2) is undefined, y(3) = 4.
    const error = expectCode(
      () =>
        solveFor(defineModel({ y: "x + 1 / (x - 2)" }), {
          output: "y",
          vary: "x",
          target: "4.9",
          inputs: { x: 2.45 },
          wholeNumber: true,
        }),
      "NO_SOLUTION",
      ["options", "vary"],
    );
    expect(error.message).toContain(
      "the solution 2.4 is not a whole number, and no whole number next to it within [−∞, +∞] reaches the target",
    );
  });
});
