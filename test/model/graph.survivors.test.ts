// The formula graph: a cycle reported without the nodes that lead into it, starting at its
// first-declared node; walks that visit each shared node once; only the output's own formulas count.
import { attribute, defineModel, sensitivity, solveFor } from "targetree";
import { describe, expect, it } from "vitest";
import { expectCode } from "../_support/errors.js";

describe("defineModel: CYCLE", () => {
  it("reports only the cycle, from its first-declared node, not the node leading into it", () => {
    const error = expectCode(() => defineModel({ p: "c + 1", a: "b", b: "c", c: "a" }), "CYCLE", [
      "formulas",
      "a",
    ]);
    expect(error.details).toEqual({ cycle: ["a", "b", "c", "a"] });
  });
});

describe("graph walks over shared nodes", () => {
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

describe("attribute (lmdi): only the output's formulas", () => {
  it("ignores a formula elsewhere in the model that is not a product", () => {
    const result = attribute(defineModel({ y: "x * a", w: "u + v" }), {
      output: "y",
      method: "lmdi",
      base: { x: 1, a: 1, u: 1, v: 1 },
      actual: { x: 2, a: 1, u: 1, v: 1 },
    });
    expect(result.contributions.map((entry) => entry.contribution.toString())).toEqual(["1", "0"]);
  });
});
