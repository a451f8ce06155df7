// The internal evaluation helpers that goal seek, sensitivity and attribution build on.
import fc from "fast-check";
import { defineModel, revenueModel } from "targetree";
import { describe, expect, it } from "vitest";
import { Decimal } from "../../src/_lib/decimal.js";
import { decimalFromNumber } from "../../src/_lib/fromNumber.js";
import {
  checkInputValue,
  evaluateWithOverrides,
  outputEvaluator,
} from "../../src/model/_lib/engine.js";
import { readInputs } from "../../src/model/_lib/inputs.js";
import { internalsOf } from "../../src/model/_lib/internals.js";
import { errorOf, expectCode } from "../_support/errors.js";
import { runs } from "../_support/runs.js";

const w1 = new Map(
  Object.entries({
    newCustomers: 600,
    conversion: 0.25,
    newAov: 8000,
    returningCustomers: 1500,
    repurchase: 0.4,
    returningAov: 6000,
  }).map(([name, value]) => [name, new Decimal(value)]),
);

const newOnly = new Map([
  ["newCustomers", new Decimal(1)],
  ["conversion", new Decimal("0.5")],
  ["newAov", new Decimal(2)],
]);

describe("evaluateWithOverrides", () => {
  it("evaluates every node from a Map of inputs", () => {
    const values = evaluateWithOverrides(revenueModel(), w1);
    expect(values.get("revenue")?.toString()).toBe("4800000");
    expect([...values.keys()]).toEqual(revenueModel().order);
  });

  it("pins overridden nodes, inputs or formulas, and recomputes what reads them", () => {
    const values = evaluateWithOverrides(
      revenueModel(),
      w1,
      new Map([
        ["newRevenue", new Decimal(100)],
        ["repurchase", new Decimal(0)],
      ]),
    );
    expect(values.get("newRevenue")?.toString()).toBe("100");
    expect(values.get("returningRevenue")?.toString()).toBe("0");
    expect(values.get("revenue")?.toString()).toBe("100");
  });

  it("reports missing inputs and unknown overrides", () => {
    expect(errorOf(() => evaluateWithOverrides(revenueModel(), new Map())).code).toBe(
      "MISSING_INPUT",
    );
    expect(
      errorOf(() => evaluateWithOverrides(revenueModel(), w1, new Map([["x", new Decimal(1)]])))
        .code,
    ).toBe("UNKNOWN_NODE");
  });

  it("names the first missing input and an unknown override", () => {
    expect(
      expectCode(() => evaluateWithOverrides(revenueModel(), newOnly), "MISSING_INPUT", [
        "inputs",
        "returningCustomers",
      ]).message,
    ).toContain('The input "returningCustomers" was not given.');
    expect(
      expectCode(
        () => evaluateWithOverrides(revenueModel(), newOnly, new Map([["x", new Decimal(1)]])),
        "UNKNOWN_NODE",
        ["overrides", "x"],
      ).message,
    ).toContain('"x" is not a node of the model.');
  });
});

describe("outputEvaluator", () => {
  it("computes one node from only the inputs it reads", () => {
    const newRevenue = outputEvaluator(revenueModel(), "newRevenue");
    const only = new Map(
      [...w1].filter(([name]) => ["newCustomers", "conversion", "newAov"].includes(name)),
    );
    expect(newRevenue(only).toString()).toBe("1200000");
    expect(outputEvaluator(revenueModel(), "conversion")(w1).toString()).toBe("0.25");
    expect(errorOf(() => outputEvaluator(revenueModel(), "revenue")(only)).code).toBe(
      "MISSING_INPUT",
    );
    expect(errorOf(() => outputEvaluator(revenueModel(), "conversion")(new Map())).code).toBe(
      "MISSING_INPUT",
    );
    expect(errorOf(() => outputEvaluator(revenueModel(), "nope")).code).toBe("UNKNOWN_NODE");
  });

  it("names the missing input, whether the output reads it or is it", () => {
    expect(
      expectCode(() => outputEvaluator(revenueModel(), "revenue")(newOnly), "MISSING_INPUT", [
        "inputs",
        "returningCustomers",
      ]).message,
    ).toContain('The input "returningCustomers" was not given.');
    expect(
      expectCode(() => outputEvaluator(revenueModel(), "repurchase")(newOnly), "MISSING_INPUT", [
        "inputs",
        "repurchase",
      ]).message,
    ).toContain('The input "repurchase" was not given.');
    expect(
      expectCode(() => outputEvaluator(revenueModel(), "nope"), "UNKNOWN_NODE", ["output"]).message,
    ).toContain('"nope" is not a node of the model.');
  });

  it("computes an output's formulas after the formulas they read, whatever the declaration order", () => {
    const model = defineModel({ z: "y + w", y: "w * 2", w: "a + 1" });
    const values = new Map([["a", new Decimal(1)]]);
    expect(outputEvaluator(model, "z")(values).toString()).toBe("6");
    expect(outputEvaluator(model, "y")(values).toString()).toBe("4");
    expect(evaluateWithOverrides(model, values).get("z")?.toString()).toBe("6");
  });
});

describe("checkInputValue", () => {
  it("checks bounds and whole numbers of a candidate value", () => {
    expect(checkInputValue(revenueModel(), "newCustomers", new Decimal(58200)).toString()).toBe(
      "58200",
    );
    expect(
      errorOf(() => checkInputValue(revenueModel(), "newCustomers", new Decimal(1.5))).code,
    ).toBe("NOT_A_WHOLE_NUMBER");
    expect(errorOf(() => checkInputValue(revenueModel(), "conversion", new Decimal(2))).code).toBe(
      "OUT_OF_BOUNDS",
    );
    expect(errorOf(() => checkInputValue(revenueModel(), "revenue", new Decimal(2))).code).toBe(
      "INVALID_ARGUMENT",
    );
  });

  it("refuses a formula node or an unknown name, at the given path", () => {
    expect(
      expectCode(
        () => checkInputValue(revenueModel(), "revenue", new Decimal(1)),
        "INVALID_ARGUMENT",
        ["inputs", "revenue"],
      ).message,
    ).toContain('"revenue" is not an input.');
    expectCode(() => checkInputValue(revenueModel(), "nope", new Decimal(1)), "UNKNOWN_NODE", [
      "inputs",
      "nope",
    ]);
    expectCode(
      () => checkInputValue(revenueModel(), "conversion", new Decimal(2), ["plan", 0]),
      "OUT_OF_BOUNDS",
      ["plan", 0],
    );
  });
});

describe("readInputs", () => {
  it("leaves optional inputs empty", () => {
    const internals = internalsOf(revenueModel());
    const { newCustomers: _, ...rest } = Object.fromEntries(w1);
    const slots = readInputs(internals, rest, { optional: new Set(["newCustomers"]) });
    expect(slots[0]).toBeNull();
    expect(slots[1]?.toString()).toBe("0.25");
  });
});

describe("decimalFromNumber", () => {
  const same = (value: number): void => {
    const fast = decimalFromNumber(value) as unknown as { s: number; e: number; d: number[] };
    // -0 becomes 0, as in toDecimal.
    const slow = new Decimal(value === 0 ? 0 : value) as unknown as {
      s: number;
      e: number;
      d: number[];
    };
    expect([fast.s, fast.e, fast.d], String(value)).toEqual([slow.s, slow.e, slow.d]);
  };

  it("matches new Decimal(value) on chosen doubles", () => {
    for (const value of [
      0,
      -0,
      0.1,
      0.2,
      0.3,
      0.1 + 0.2,
      1.005,
      8123.37,
      0.237,
      1e-7,
      1.5e-8,
      123456789.123,
      2 ** 40 - 0.5,
      1099511627775.9,
      5e-324,
      1e21,
      -0.25,
      -8000.5,
      1.7976931348623157e308,
      12345678,
    ]) {
      same(value);
    }
  });

  it("matches new Decimal(value) on random doubles (sign, exponent and words)", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (value) => same(value)),
      { numRuns: runs(3000) },
    );
    fc.assert(
      fc.property(
        fc.integer({ min: -(10 ** 12), max: 10 ** 12 }),
        fc.integer({ min: 0, max: 12 }),
        (m, k) => same(m / 10 ** k),
      ),
      { numRuns: runs(3000) },
    );
  });
});
