// LMDI when the output does not change, and for an input raised to the power 0.
import { attribute, defineModel } from "targetree";
import { describe, expect, it } from "vitest";

const amounts = (result: ReturnType<typeof attribute>) =>
  result.contributions.map((entry) => `${entry.input}=${entry.contribution.toFixed(6)}`);

describe("attribute (lmdi): edge cases", () => {
  it("weights by the output itself when it does not change (x doubles, z halves)", () => {
    const result = attribute(defineModel({ y: "x * z" }), {
      output: "y",
      method: "lmdi",
      base: { x: 1, z: 2 },
      actual: { x: 2, z: 1 },
    });
    // L(2, 2) = 2: x gets 2·ln 2, z gets −2·ln 2.
    expect(amounts(result)).toEqual(["x=1.386294", "z=-1.386294"]);
    expect(result.change.toString()).toBe("0");
  });

  it("gives 0 to an input raised to the power 0, even from a base of 0", () => {
    const result = attribute(defineModel({ y: "a * x ^ 0" }), {
      output: "y",
      method: "lmdi",
      base: { a: 1, x: 0 },
      actual: { a: 2, x: 5 },
    });
    expect(amounts(result)).toEqual(["a=1.000000", "x=0.000000"]);
    expect(result.residual.toString()).toBe("0");
  });
});
