// LMDI term by term: literal exponents with a sign, a power of a product, inputs that cancel out,
// an output that is itself an input, an exponent that is not a literal; the revenue model (a sum of
// two products) against Ang's formula; and the properties of the decomposition.
import { describe, expect, it } from "vitest";
import { attribute } from "../../src/analysis/attribute.js";
import { defineModel } from "../../src/model/defineModel.js";
import { expectCode } from "../_support/errors.js";

const lmdi = (
  formulas: Record<string, string>,
  base: Record<string, number>,
  actual: Record<string, number>,
  output = "y",
) => attribute(defineModel(formulas), { output, method: "lmdi", base, actual });

const amounts = (result: ReturnType<typeof lmdi>) =>
  result.contributions.map((entry) => `${entry.input}=${entry.contribution.toFixed(6)}`);

describe("attribute (lmdi): product forms", () => {
  // y goes 1 → 12 (x 1 → 2, z 1 → 3): L = 11 / ln 12; x gets L·2·ln 2, z gets L·ln 3.
  it("weights an input by its literal exponent", () => {
    const result = lmdi({ y: "x ^ 2 * z" }, { x: 1, z: 1 }, { x: 2, z: 3 });
    expect(amounts(result)).toEqual(["x=6.136745", "z=4.863255"]);
    expect(result.residual.toString()).toBe("0");
  });

  it("reads a literal exponent with a unary plus as positive", () => {
    const result = lmdi({ y: "x ^ +2 * z" }, { x: 1, z: 1 }, { x: 2, z: 3 });
    expect(amounts(result)).toEqual(["x=6.136745", "z=4.863255"]);
    expect(result.residual.toString()).toBe("0");
  });

  it("reads a literal exponent with a unary minus as negative", () => {
    // y goes 1 → 1.5: x gets L·(−ln 2), z gets L·ln 3, with L = 0.5 / ln 1.5.
    const result = lmdi({ y: "x ^ -1 * z" }, { x: 1, z: 1 }, { x: 2, z: 3 });
    expect(amounts(result)).toEqual(["x=-0.854756", "z=1.354756"]);
    expect(result.residual.abs().lte("1e-60")).toBe(true);
  });

  it("refuses a negated input as an exponent: not a plain number", () => {
    const error = expectCode(
      () => lmdi({ y: "z ^ -a" }, { a: 1, z: 1 }, { a: 2, z: 3 }),
      "METHOD_NOT_APPLICABLE",
      ["options", "method"],
    );
    expect(error.details).toEqual({
      reason: "the formula of y raises to a power that is not a plain number",
    });
  });

  it("needs no positive value for an input that cancels out", () => {
    const result = lmdi({ y: "x * a / x" }, { x: -1, a: 1 }, { x: -1, a: 3 });
    expect(amounts(result)).toEqual(["x=0.000000", "a=2.000000"]);
  });

  it("attributes an input's own change entirely to it, with no residual", () => {
    const result = lmdi({ y: "x * a" }, { x: 2, a: 1 }, { x: 5, a: 3 }, "x");
    expect(amounts(result)).toEqual(["x=3.000000"]);
    expect(result.residual.toString()).toBe("0");
  });
});
