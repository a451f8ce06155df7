// Every solver that works on a model refuses anything that is not one, at path "model".
import { describe, expect, it } from "vitest";
import { attribute } from "../../src/analysis/attribute.js";
import { reconcile } from "../../src/analysis/reconcile.js";
import { sensitivity } from "../../src/analysis/sensitivity.js";
import { solveFor } from "../../src/analysis/solveFor.js";
import { solveMultiplier } from "../../src/analysis/solveMultiplier.js";
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
