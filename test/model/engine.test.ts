// The internal evaluation helpers that goal seek, sensitivity and attribution build on.
import fc from "fast-check";
import { revenueModel } from "targetree";
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
import { errorOf } from "../_support/errors.js";
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
