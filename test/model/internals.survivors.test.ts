// Functions that take a model refuse null with INVALID_ARGUMENT rather than crashing.
import { evaluate } from "targetree";
import { describe, expect, it } from "vitest";
import { expectCode } from "../_support/errors.js";

describe("a model that is null", () => {
  it("is refused by evaluate at path model", () => {
    const error = expectCode(() => evaluate(null as never, {}), "INVALID_ARGUMENT", ["model"]);
    expect(error.message).toMatch(/Expected a model made by defineModel, got null/);
  });
});
