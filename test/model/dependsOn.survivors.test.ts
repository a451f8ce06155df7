// dependsOn: the error for something that is not a model or a node, and a walk that visits each node
// once (a chain of diamonds has 2^n paths but only 3n nodes).
import { defineModel, dependsOn } from "targetree";
import { describe, expect, it } from "vitest";
import { expectCode } from "../_support/errors.js";

describe("dependsOn: errors", () => {
  it("refuses an undefined model (INVALID_ARGUMENT, not a crash)", () => {
    const error = expectCode(
      () => dependsOn(undefined as never, "a" as never, "b" as never),
      "INVALID_ARGUMENT",
      ["model"],
    );
    expect(error.message).toContain("Expected a model made by defineModel, got undefined.");
  });

  it("quotes an unknown node name", () => {
    const model = defineModel({ y: "x * a" });
    const error = expectCode(() => dependsOn(model, "nope" as never, "x"), "UNKNOWN_NODE", [
      "node",
    ]);
    expect(error.message).toBe('UNKNOWN_NODE: "nope" is not a node of the model. (at node)');
  });
});

describe("dependsOn: shared dependencies", () => {
  it("walks a chain of 40 diamonds without following every path", () => {
    const formulas: Record<string, string> = { x0: "s + t" };
    for (let i = 1; i <= 40; i++) {
      formulas[`l${i}`] = `x${i - 1} * 2`;
      formulas[`r${i}`] = `x${i - 1} * 3`;
      formulas[`x${i}`] = `l${i} + r${i}`;
    }
    formulas.other = "u";
    const model = defineModel(formulas);
    expect(dependsOn(model, "x40", "u")).toBe(false);
    expect(dependsOn(model, "x40", "s")).toBe(true);
  });
});
