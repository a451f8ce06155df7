// solveFor on a parabola: the square root of the discriminant is snapped to the exact root when the
// discriminant was rounded, and left at full precision when the root is irrational.
import { defineModel, solveFor } from "targetree";
import { describe, expect, it } from "vitest";

const parabola = defineModel({ y: "x * x + b * x" });

describe("solveFor: exact roots of a parabola", () => {
  it("keeps every digit of an irrational root", () => {
    const answer = solveFor(defineModel({ y: "x * x" }), {
      output: "y",
      vary: "x",
      target: 2,
      inputs: { x: 1 },
    });
    expect(answer.value.toString()).toBe(
      "1.414213562373095048801688724209698078569671875376948073176679738",
    );
    expect(answer.method).toBe("algebraic");
  });

  it.each([
    ["40", "1234567890123456789012345678901234567.891"],
    ["60", "12345678901234567890123456789012345678901234567890.1234567891"],
  ])("finds the roots 0 and −b exactly for a b of %s digits (b² is rounded)", (_, b) => {
    const answer = solveFor(parabola, { output: "y", vary: "x", target: 0, inputs: { x: 1, b } });
    expect(answer.value.toString()).toBe("0");
    expect(answer.alternatives.map(String)).toEqual([`-${b}`]);
    expect(answer.residual.toString()).toBe("0");
  });
});
