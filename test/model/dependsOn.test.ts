// dependsOn: whether one node is computed from another, following formulas down; the errors for a
// name that is not a node and for something that is not a model; and a walk that visits each node
// once.
import { defineModel, dependsOn } from "targetree";
import { describe, expect, it } from "vitest";
import { expectCode } from "../_support/errors.js";

describe("dependsOn", () => {
  const model = defineModel({ z: "y + w", y: "a", w: "a * 2", t: "b" });

  it("follows formulas down, reaching a node read along two paths once", () => {
    expect(dependsOn(model, "z", "a")).toBe(true);
    expect(dependsOn(model, "z", "y")).toBe(true);
    expect(dependsOn(model, "z", "b")).toBe(false);
    expect(dependsOn(model, "z", "z")).toBe(false);
    expect(dependsOn(model, "a", "z")).toBe(false);
  });

  it("refuses a name that is not a node, saying which argument", () => {
    expect(
      expectCode(() => dependsOn(model, "q" as never, "a"), "UNKNOWN_NODE", ["node"]).message,
    ).toContain('"q" is not a node of the model.');
    expect(
      expectCode(() => dependsOn(model, "z", 3 as never), "UNKNOWN_NODE", ["other"]).message,
    ).toContain("3 is not a node of the model.");
    expect(
      expectCode(() => dependsOn(model, null as never, "a"), "UNKNOWN_NODE", ["node"]).message,
    ).toContain("null is not a node of the model.");
  });

  it("refuses what is not a model", () => {
    for (const notAModel of [{}, null, "model", { nodes: { z: {} } }]) {
      expectCode(
        () => dependsOn(notAModel as never, "z" as never, "a" as never),
        "INVALID_ARGUMENT",
        ["model"],
      );
    }
  });

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

describe("dependsOn over shared dependencies", () => {
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
