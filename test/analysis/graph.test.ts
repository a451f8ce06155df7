// The formula graph the solvers walk (analysis/_lib/graph.ts): a node shared by many paths is
// visited once, so a chain of 40 diamonds (2^40 paths, 121 formula nodes) is solved and measured at
// once.
import { defineModel, sensitivity, solveFor } from "targetree";
import { describe, expect, it } from "vitest";

describe("the formula graph: walks over shared nodes", () => {
  // 40 diamonds: 2^40 paths from x40 down to s and t, but only 121 formula nodes.
  const formulas: Record<string, string> = { x0: "s + t" };
  for (let i = 1; i <= 40; i++) {
    formulas[`l${i}`] = `x${i - 1} * 2`;
    formulas[`r${i}`] = `x${i - 1} * 3`;
    formulas[`x${i}`] = `l${i} + r${i}`;
  }
  const model = defineModel(formulas);
  const inputs = { s: 1, t: 0 };

  it("solves for an input under a chain of diamonds exactly", () => {
    const answer = solveFor(model, { output: "x40", vary: "s", target: 0, inputs });
    expect(answer.value.toString()).toBe("0");
    expect(answer.method).toBe("algebraic");
  });

  it("finds the inputs under a chain of diamonds", () => {
    const result = sensitivity(model, { output: "x40", inputs });
    expect(result.entries.map((entry) => entry.input)).toEqual(["s", "t"]);
  });
});
