import { describe, expect, it } from "vitest";
import { optionsRecord } from "../../src/measure/_lib/input.js";
import { expectCode } from "./_helpers.js";

// The options helper shared by the measure and plan functions. The measure functions default
// their options to {}, so only a plan function with required options (visitPlan) hands it
// `undefined`; it is tested here directly.
describe("optionsRecord", () => {
  it("reads omitted options as empty, and refuses anything else that is not an object", () => {
    expect(optionsRecord(undefined)).toEqual({});
    const options = { direction: "lower" };
    expect(optionsRecord(options)).toBe(options);
    const error = expectCode(() => optionsRecord(null), "INVALID_ARGUMENT", ["options"]);
    expect(error.message).toMatch(/options must be an object, got null/);
    expectCode(() => optionsRecord(5, ["settings"]), "INVALID_ARGUMENT", ["settings"]);
  });
});
