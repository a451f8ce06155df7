// reconcile's option errors point at the offending option.
import { defineModel, reconcile } from "targetree";
import { describe, it } from "vitest";
import { expectCode } from "../_support/errors.js";

const model = defineModel({ y: "x * a" });

describe("reconcile: option errors", () => {
  it("points at output for an unknown output", () => {
    expectCode(
      () => reconcile(model, { output: "nope" as never, target: 1, inputs: { x: 1, a: 1 } }),
      "UNKNOWN_NODE",
      ["options", "output"],
    );
  });

  it("points at inputs.<name> for a missing input", () => {
    expectCode(
      () => reconcile(model, { output: "y", target: 1, inputs: { x: 1 } as never }),
      "MISSING_INPUT",
      ["options", "inputs", "a"],
    );
  });
});
