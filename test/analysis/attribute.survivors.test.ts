// attribute's option errors point at the offending option.
import { attribute, defineModel } from "targetree";
import { describe, expect, it } from "vitest";
import { expectCode } from "../_support/errors.js";

const model = defineModel({ y: "x * a" });
const values = { x: 1, a: 1 };

describe("attribute: option errors", () => {
  it("points at base.<name> for an input missing from base", () => {
    expectCode(
      () => attribute(model, { output: "y", base: { x: 1 } as never, actual: values }),
      "MISSING_INPUT",
      ["options", "base", "a"],
    );
  });

  it("points at order when it is not a list", () => {
    const error = expectCode(
      () => attribute(model, { output: "y", base: values, actual: values, order: "x" as never }),
      "INVALID_ARGUMENT",
      ["options", "order"],
    );
    expect(error.message).toMatch(/Expected a list of input names/);
  });
});
