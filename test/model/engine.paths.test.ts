// The internal evaluation helpers' errors in full (code, path, message), and the order in which an
// output's formulas are computed.
import { defineModel, revenueModel } from "targetree";
import { describe, expect, it } from "vitest";
import { Decimal } from "../../src/_lib/decimal.js";
import {
  checkInputValue,
  evaluateWithOverrides,
  outputEvaluator,
} from "../../src/model/_lib/engine.js";
import { expectCode } from "../_support/errors.js";

const newOnly = new Map([
  ["newCustomers", new Decimal(1)],
  ["conversion", new Decimal("0.5")],
  ["newAov", new Decimal(2)],
]);

describe("engine errors", () => {
  it("evaluateWithOverrides names the first missing input and an unknown override", () => {
    expect(
      expectCode(() => evaluateWithOverrides(revenueModel(), newOnly), "MISSING_INPUT", [
        "inputs",
        "returningCustomers",
      ]).message,
    ).toContain('The input "returningCustomers" was not given.');
    expect(
      expectCode(
        () => evaluateWithOverrides(revenueModel(), newOnly, new Map([["x", new Decimal(1)]])),
        "UNKNOWN_NODE",
        ["overrides", "x"],
      ).message,
    ).toContain('"x" is not a node of the model.');
  });

  it("outputEvaluator names the missing input, whether the output reads it or is it", () => {
    expect(
      expectCode(() => outputEvaluator(revenueModel(), "revenue")(newOnly), "MISSING_INPUT", [
        "inputs",
        "returningCustomers",
      ]).message,
    ).toContain('The input "returningCustomers" was not given.');
    expect(
      expectCode(() => outputEvaluator(revenueModel(), "repurchase")(newOnly), "MISSING_INPUT", [
        "inputs",
        "repurchase",
      ]).message,
    ).toContain('The input "repurchase" was not given.');
    expect(
      expectCode(() => outputEvaluator(revenueModel(), "nope"), "UNKNOWN_NODE", ["output"]).message,
    ).toContain('"nope" is not a node of the model.');
  });

  it("checkInputValue refuses a formula node or an unknown name, at the given path", () => {
    expect(
      expectCode(
        () => checkInputValue(revenueModel(), "revenue", new Decimal(1)),
        "INVALID_ARGUMENT",
        ["inputs", "revenue"],
      ).message,
    ).toContain('"revenue" is not an input.');
    expectCode(() => checkInputValue(revenueModel(), "nope", new Decimal(1)), "UNKNOWN_NODE", [
      "inputs",
      "nope",
    ]);
    expectCode(
      () => checkInputValue(revenueModel(), "conversion", new Decimal(2), ["plan", 0]),
      "OUT_OF_BOUNDS",
      ["plan", 0],
    );
  });
});

describe("outputEvaluator order", () => {
  it("computes an output's formulas after the formulas they read, whatever the declaration order", () => {
    const model = defineModel({ z: "y + w", y: "w * 2", w: "a + 1" });
    const values = new Map([["a", new Decimal(1)]]);
    expect(outputEvaluator(model, "z")(values).toString()).toBe("6");
    expect(outputEvaluator(model, "y")(values).toString()).toBe("4");
    expect(evaluateWithOverrides(model, values).get("z")?.toString()).toBe("6");
  });
});
