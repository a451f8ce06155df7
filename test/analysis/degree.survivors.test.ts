// solveFor's polynomial degree: a unary minus keeps the degree, and a constant base to a fractional
// power is a constant; both stay on the exact path.
import { defineModel, solveFor } from "targetree";
import { describe, expect, it } from "vitest";

const solve = (formula: string, target: number) =>
  solveFor(defineModel({ y: formula }), { output: "y", vary: "x", target, inputs: { x: 1 } });

describe("solveFor: degree through unary minus and constant powers", () => {
  it("solves −(x·x) = −4 exactly as a parabola", () => {
    const answer = solve("-(x * x)", -4);
    expect(answer.method).toBe("algebraic");
    expect(answer.value.toString()).toBe("2");
    expect(answer.alternatives.map(String)).toEqual(["-2"]);
  });

  it("solves x·2^0.5 + x = 3 exactly as a line", () => {
    const answer = solve("x * 2 ^ 0.5 + x", 3);
    expect(answer.method).toBe("algebraic");
    expect(answer.iterations).toBe(0);
    expect(answer.value.toString()).toBe(
      "1.242640687119285146405066172629094235709015626130844219530039214",
    );
  });
});
