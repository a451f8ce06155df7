// solveFor when every value reaches the target: the value given respects min and max; and a numeric
// answer has no alternatives.
import { defineModel, solveFor } from "targetree";
import { describe, expect, it } from "vitest";

const zeroProduct = defineModel({ y: "x * a" });

describe("solveFor: every value reaches the target", () => {
  it("gives the lower bound, not a current value below it", () => {
    const answer = solveFor(zeroProduct, {
      output: "y",
      vary: "x",
      target: 0,
      inputs: { x: 1, a: 0 },
      min: 5,
    });
    expect(answer.value.toString()).toBe("5");
    expect(answer.reason).toBe(
      "every value reaches the target: the other factors multiply to 0, so every value gives 0",
    );
  });

  it("gives the upper bound, not a current value above it", () => {
    const answer = solveFor(zeroProduct, {
      output: "y",
      vary: "x",
      target: 0,
      inputs: { x: 1, a: 0 },
      max: 0.5,
    });
    expect(answer.value.toString()).toBe("0.5");
  });
});

describe("solveFor: numeric answers", () => {
  it("lists no alternatives", () => {
    const answer = solveFor(defineModel({ y: "x + 1 / (x - 2)" }), {
      output: "y",
      vary: "x",
      target: "4.9",
      inputs: { x: 2.45 },
    });
    expect(answer.method).toBe("numeric");
    expect(answer.value.toFixed(10)).toBe("2.4000000000");
    expect(answer.alternatives).toEqual([]);
  });
});
