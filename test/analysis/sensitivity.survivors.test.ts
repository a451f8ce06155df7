// sensitivity's option errors point at the offending option.
import { defineModel, sensitivity } from "targetree";
import { describe, it } from "vitest";
import { expectCode } from "../_support/errors.js";

const model = defineModel({ y: "x * a" });

describe("sensitivity: option errors", () => {
  it("points at output for an unknown output", () => {
    expectCode(
      () => sensitivity(model, { output: "nope" as never, inputs: { x: 1, a: 1 } }),
      "UNKNOWN_NODE",
      ["options", "output"],
    );
  });

  it("points at inputs.<name> for a missing input", () => {
    expectCode(
      () => sensitivity(model, { output: "y", inputs: { x: 1 } as never }),
      "MISSING_INPUT",
      ["options", "inputs", "a"],
    );
  });
});
