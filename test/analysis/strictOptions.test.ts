// The analysis functions read their options strictly: an unknown key (a typo, or a name from before
// the vocabulary was unified) is refused with the nearest known key, at ["options", key]; paths of
// every other option start at "options" too.
import {
  attribute,
  defineModel,
  reconcile,
  revenueModel,
  sensitivity,
  solveFor,
  solveMultiplier,
} from "targetree";
import { describe, expect, it } from "vitest";
import { expectCode } from "../_support/errors.js";
import { w1 } from "../_support/w1.js";

const model = revenueModel();
const target = "1.2亿";
const cost = defineModel({ materialCost: "output * usage * price" });
const plan = { output: 130, usage: 10, price: 4 };
const actual = { output: 140, usage: 9, price: 5 };

describe("analysis options", () => {
  it.each([
    [
      "solveFor",
      () =>
        solveFor(model, {
          output: "revenue",
          target,
          vary: "newCustomers",
          inputs: w1,
          wholeNumbers: true,
        } as never),
      "wholeNumbers",
      "wholeNumber",
    ],
    [
      "solveMultiplier",
      () =>
        solveMultiplier(model, {
          output: "revenue",
          target,
          vary: ["newCustomers"],
          inputs: w1,
          wholeNumbers: false,
        } as never),
      "wholeNumbers",
      "wholeNumber",
    ],
    [
      "sensitivity",
      () => sensitivity(model, { output: "revenue", inputs: w1, stepkind: "absolute" } as never),
      "stepkind",
      "stepKind",
    ],
    [
      "reconcile",
      () => reconcile(model, { output: "revenue", target, inputs: w1, directon: "lower" } as never),
      "directon",
      "direction",
    ],
    [
      "attribute",
      () =>
        attribute(cost, {
          output: "materialCost",
          base: plan,
          actual,
          methd: "shapley",
        } as never),
      "methd",
      "method",
    ],
  ])(
    "%s refuses a misspelt key, naming the nearest known one (UNKNOWN_OPTION)",
    (_, run, key, nearest) => {
      const error = expectCode(run, "UNKNOWN_OPTION", ["options", key]);
      expect(error.message).toContain(`Unknown option "${key}". Did you mean "${nearest}"?`);
      expect(error.details.key).toBe(key);
    },
  );

  it("refuses the old input names `current` and `basis` with the list of known options", () => {
    const error = expectCode(
      () => reconcile(model, { output: "revenue", target, inputs: w1, basis: "target" } as never),
      "UNKNOWN_OPTION",
      ["options", "basis"],
    );
    expect(error.message).toContain(
      'Known options: "output", "target", "direction", "inputs", "vary", "singles", "tolerance", "maxIterations", "budget".',
    );
  });

  it("ignores an unknown key whose value is undefined, as an object spread would", () => {
    const answer = solveFor(model, {
      output: "revenue",
      target,
      vary: "newCustomers",
      inputs: w1,
      typo: undefined,
    } as never);
    expect(answer.value.toString()).toBe("58200");
  });

  it("refuses options that are not a plain object, a Map included", () => {
    for (const options of [undefined, null, [], new Map([["output", "revenue"]])]) {
      expectCode(() => sensitivity(model, options as never), "INVALID_ARGUMENT", ["options"]);
    }
  });

  it("refuses inputs given as a Map, saying to pass a plain object", () => {
    const error = expectCode(
      () => sensitivity(model, { output: "revenue", inputs: new Map(Object.entries(w1)) } as never),
      "INVALID_ARGUMENT",
      ["options", "inputs"],
    );
    expect(error.message).toContain("a Map (pass a plain object");
  });

  it("suggests the nearest node for an unknown output", () => {
    const error = expectCode(
      () => sensitivity(model, { output: "revenu" as never, inputs: w1 }),
      "UNKNOWN_NODE",
      ["options", "output"],
    );
    expect(error.message).toContain('"revenu" is not a node of the model. Did you mean "revenue"?');
  });

  it("points at tolerance when it is not a number", () => {
    const error = expectCode(
      () =>
        solveFor(defineModel({ y: "x * a" }), {
          output: "y",
          vary: "x",
          target: 1,
          inputs: { x: 1, a: 1 },
          tolerance: "abc",
        }),
      "INVALID_NUMBER",
      ["options", "tolerance"],
    );
    expect(error.message).toMatch(/"abc" is not an amount/);
  });
});

describe("null plus a reason", () => {
  it("reconcile explains a gap rate and an achievement it cannot give", () => {
    const zero = reconcile(defineModel({ y: "x" }), { output: "y", target: 0, inputs: { x: 5 } });
    expect([zero.gapRate, zero.achievement]).toEqual([null, null]);
    expect(zero.reason).toBe(
      "The target is zero, so the gap rate (gap / |target|) and achievement are undefined.",
    );
    const lower = reconcile(defineModel({ y: "x" }), {
      output: "y",
      target: 10,
      direction: "lower",
      inputs: { x: 0 },
    });
    expect(lower.achievement).toBeNull();
    expect(lower.gapRate?.toString()).toBe("-1");
    expect(lower.reason).toContain("The implied value is zero");
    const met = reconcile(model, { output: "revenue", target, inputs: w1 });
    expect(met.reason).toBeNull();
  });

  it("reconcile explains a change rate it cannot give for an input at 0", () => {
    const audit = reconcile(defineModel({ y: "a + b" }), {
      output: "y",
      target: 10,
      inputs: { a: 0, b: 4 },
    });
    expect(audit.singles[0]).toMatchObject({
      input: "a",
      feasible: true,
      changeRate: null,
      reason: "the input is 0 in inputs, so its change rate is undefined",
    });
    expect(audit.singles[1]!.reason).toBeNull();
  });

  it("attribute explains shares it cannot give when the output does not change", () => {
    for (const method of ["chain", "shapley", "lmdi"] as const) {
      const result = attribute(cost, { output: "materialCost", base: plan, actual: plan, method });
      expect(result.contributions.every((entry) => entry.share === null)).toBe(true);
      expect(result.reason).toBe("the output did not change, so its shares are undefined");
    }
    expect(attribute(cost, { output: "materialCost", base: plan, actual }).reason).toBeNull();
  });
});
