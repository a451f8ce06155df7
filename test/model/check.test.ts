// Checking a definition collects every problem (a model document lists them all; defineModel throws
// the first), in a stable order: formulas, the cycle, types, inputs, likely typos, nodes.
import { defineModel } from "targetree";
import { describe, expect, it } from "vitest";
import { checkModel } from "../../src/model/_lib/check.js";
import { likelyTypo } from "../../src/model/_lib/names.js";
import { errorOf } from "../_support/errors.js";

const codesAndPaths = (formulas: unknown, options?: unknown) =>
  checkModel(formulas, options).problems.map((problem) => [problem.code, problem.path]);

describe("checkModel", () => {
  it("collects every problem, in a stable order", () => {
    expect(
      codesAndPaths(
        {
          "1st": "a",
          broken: "a +",
          self: "self * 2",
          loop: "back + converson",
          back: "loop",
          alert: "a < 1",
        },
        {
          inputs: { conversion: { min: 2, max: 1 }, loop: {}, a: { wholeNumber: "yes" } },
          nodes: { a: {}, ghost: {}, alert: { unitLabel: 5 } },
        },
      ),
    ).toEqual([
      ["INVALID_ARGUMENT", ["formulas", "1st"]],
      ["FORMULA_SYNTAX", ["formulas", "broken"]],
      ["SELF_REFERENCE", ["formulas", "self"]],
      ["CYCLE", ["formulas", "loop"]],
      ["TYPE_MISMATCH", ["formulas", "alert"]],
      ["INVALID_ARGUMENT", ["options", "inputs", "conversion"]],
      ["INVALID_ARGUMENT", ["options", "inputs", "loop"]],
      ["INVALID_ARGUMENT", ["options", "inputs", "a", "wholeNumber"]],
      ["LIKELY_TYPO", ["formulas", "loop"]],
      ["INVALID_ARGUMENT", ["options", "nodes", "a"]],
      ["UNKNOWN_NODE", ["options", "nodes", "ghost"]],
      ["INVALID_ARGUMENT", ["options", "nodes", "alert", "unitLabel"]],
    ]);
  });

  it("builds the model only when there is no problem, and defineModel throws the first", () => {
    const good = checkModel({ y: "a * b" }, { inputs: { a: { min: 0 } } });
    expect(good.problems).toEqual([]);
    expect(good.model?.inputs).toEqual(["a", "b"]);
    const bad = checkModel({ y: "y + 1", z: "(" }, undefined);
    expect(bad.model).toBeNull();
    expect(errorOf(() => defineModel({ y: "y + 1", z: "(" })).message).toBe(
      bad.problems[0]!.message,
    );
  });

  it("does not call an input unused while a formula that might use it fails to parse", () => {
    expect(codesAndPaths({ y: "a +" }, { inputs: { b: {} } })).toEqual([
      ["FORMULA_SYNTAX", ["formulas", "y"]],
    ]);
  });

  it("throws at once for arguments of the wrong kind", () => {
    expect(errorOf(() => checkModel([], undefined)).code).toBe("INVALID_ARGUMENT");
    expect(errorOf(() => checkModel({}, undefined)).code).toBe("INVALID_ARGUMENT");
    expect(errorOf(() => checkModel({ y: "1" }, { node: {} })).code).toBe("UNKNOWN_OPTION");
  });
});

describe("likelyTypo", () => {
  it.each([
    ["converson", "conversion", true],
    ["conversoin", "conversion", true],
    ["Conversion", "conversion", true],
    ["新客户数", "新客户数", false],
    ["老客户数", "新客户数", false],
    ["aov", "aoV", true],
    ["a", "b", false],
    ["x_1", "x_2", false],
    ["price1", "price2", false],
    ["price", "prices", true],
    ["cost", "costs", true],
    ["revenue", "revenues2", false],
  ])("%s for %s: %s", (name, intended, expected) => {
    expect(likelyTypo(name, intended)).toBe(expected);
    expect(likelyTypo(intended, name)).toBe(expected);
  });
});
