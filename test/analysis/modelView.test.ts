// The model view every solver works on: anything that is not a model is refused, at path "model".
import { attribute, reconcile, sensitivity, solveFor, solveMultiplier } from "targetree";
import { describe, expect, it } from "vitest";
import { expectCode } from "../_support/errors.js";

describe("solvers: a model that is not a model", () => {
  it.each([
    ["attribute", () => attribute({} as never, {} as never)],
    ["reconcile", () => reconcile({} as never, {} as never)],
    ["sensitivity", () => sensitivity({} as never, {} as never)],
    ["solveFor", () => solveFor({} as never, {} as never)],
    ["solveMultiplier", () => solveMultiplier({} as never, {} as never)],
  ])("%s refuses it (INVALID_ARGUMENT at model)", (_, run) => {
    const error = expectCode(run, "INVALID_ARGUMENT", ["model"]);
    expect(error.message).toMatch(/Expected a model made by defineModel/);
  });
});
