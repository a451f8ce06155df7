// An error path names the caller's own key, as the caller wrote it: a key in another Unicode
// normal form than the NFC name it matches (`cafe` + U+0301 for `café`) stays as given, so the
// caller can find the field the error is about.
import {
  allocate,
  attribute,
  compileModel,
  defineModel,
  evaluate,
  evaluateFormula,
  explain,
  sensitivity,
  solveFor,
  splitByShares,
} from "targetree";
import { validate } from "targetree/schema";
import { describe, expect, it } from "vitest";
import { errorOf } from "../_support/errors.js";

const NFD = "cafe\u0301";
const NFC = NFD.normalize("NFC");

describe("error paths keep the caller's key", () => {
  const model = defineModel({ y: `${NFC} * 2 + other` }, { inputs: { [NFC]: { min: 0 } } });
  const bounded = defineModel(
    { y: `${NFC} * 2` },
    { inputs: { [NFC]: { min: 0, max: 10, wholeNumber: true } } },
  );

  it.each([
    [
      "evaluate, a bad value",
      () => evaluate(model, { [NFD]: "x", other: 1 } as never),
      ["inputs", NFD],
    ],
    [
      "evaluate, below the minimum",
      () => evaluate(bounded, { [NFD]: -1 } as never),
      ["inputs", NFD],
    ],
    [
      "evaluate, above the maximum",
      () => evaluate(bounded, { [NFD]: "11" } as never),
      ["inputs", NFD],
    ],
    ["evaluate, not whole", () => evaluate(bounded, { [NFD]: 1.5 } as never), ["inputs", NFD]],
    [
      "a compiled model",
      () => compileModel(model).evaluate({ [NFD]: "x", other: 1 } as never),
      ["inputs", NFD],
    ],
    [
      "a compiled output",
      () => compileModel(model).output("y")({ [NFD]: -1, other: 1 } as never),
      ["inputs", NFD],
    ],
    ["explain", () => explain(model, { [NFD]: "x", other: 1 } as never), ["inputs", NFD]],
    [
      "solveFor",
      () =>
        solveFor(model, {
          output: "y",
          target: 10,
          vary: "other",
          inputs: { [NFD]: "x" },
        } as never),
      ["options", "inputs", NFD],
    ],
    [
      "sensitivity",
      () => sensitivity(model, { output: "y", inputs: { [NFD]: "x", other: 1 } } as never),
      ["options", "inputs", NFD],
    ],
    [
      "attribute",
      () =>
        attribute(model, {
          output: "y",
          base: { [NFD]: 1, other: 1 },
          actual: { [NFD]: "x", other: 1 },
        } as never),
      ["options", "actual", NFD],
    ],
    ["evaluateFormula", () => evaluateFormula(`${NFC} + 1`, { [NFD]: "x" }), ["facts", NFD]],
    ["allocate", () => allocate(100, { [NFD]: "x", b: 1 }), ["weights", NFD]],
    [
      "allocate holds",
      () => allocate(100, { [NFD]: 1, b: 1 }, { holds: { [NFD]: "x" } }),
      ["options", "holds", NFD],
    ],
    ["splitByShares", () => splitByShares(100, { [NFD]: "x" }), ["shares", NFD]],
    ["defineModel", () => defineModel({ [NFD]: "a +" }), ["formulas", NFD]],
    ["validate", () => validate("weights", { [NFD]: "x" }), [NFD]],
  ] as const)("%s", (_name, call, path) => {
    const error = errorOf(call);
    expect(error.path).toEqual(path);
    expect(error.path).not.toContain(NFC);
  });
});
