import fc from "fast-check";
import { defineModel, evaluate, revenueModel, solveMultiplier } from "targetree";
import { describe, expect, it } from "vitest";
import { Decimal } from "../../src/_lib/decimal.js";
import { expectCode } from "../_support/errors.js";
import { runs } from "../_support/runs.js";
import { w1 } from "../_support/w1.js";

const customers = ["newCustomers", "returningCustomers"] as const;

describe("solveMultiplier", () => {
  it("gives W1: ×25 on both customer counts (15,000 new, 37,500 returning)", () => {
    const answer = solveMultiplier(revenueModel(), {
      output: "revenue",
      target: "1.2亿",
      vary: customers,
      inputs: w1,
    });
    expect(answer.factor.toString()).toBe("25");
    expect(answer.values.newCustomers!.toString()).toBe("15000");
    expect(answer.values.returningCustomers!.toString()).toBe("37500");
    expect(answer.actual.newCustomers!.toString()).toBe("600");
    expect(answer.method).toBe("algebraic");
    expect(answer.degree).toBe(1);
    expect(answer.residual.toString()).toBe("0");
    expect(answer.rounded).toBe(false);
    expect(Object.getPrototypeOf(answer.values)).toBeNull();
  });

  it("solves a quadratic factor exactly and rounds whole-number inputs up to reach the target", () => {
    const answer = solveMultiplier(revenueModel(), {
      output: "revenue",
      target: "1.2亿",
      vary: ["newCustomers", "newAov"],
      inputs: w1,
    });
    expect(answer.degree).toBe(2);
    expect(answer.method).toBe("algebraic");
    expect(answer.factor.toFixed(6)).toBe("9.848858");
    expect(answer.rounded).toBe(true);
    expect(answer.values.newCustomers!.toString()).toBe("5910");
    expect(answer.achieved.gte(120000000)).toBe(true);
  });

  it("searches numerically when the output is not a polynomial in the factor", () => {
    const model = defineModel({ y: "min(a, 100) * b" });
    const answer = solveMultiplier(model, {
      output: "y",
      target: 50,
      vary: ["a", "b"],
      inputs: { a: 2, b: 3 },
    });
    expect(answer.method).toBe("numeric");
    expect(answer.degree).toBeNull();
    expect(answer.residual.abs().lte("1e-28")).toBe(true);
  });

  it("keeps the factor within the inputs' bounds and the caller's min/max", () => {
    const error = expectCode(
      () =>
        solveMultiplier(revenueModel(), {
          output: "revenue",
          target: "1.2亿",
          vary: ["conversion", "repurchase"],
          inputs: w1,
        }),
      "NO_SOLUTION",
    );
    expect(error.details.outside).toBe("25");
    expect(error.message).toMatch(/upper bound 2\.5/);
    expectCode(
      () =>
        solveMultiplier(revenueModel(), {
          output: "revenue",
          target: "1.2亿",
          vary: customers,
          inputs: w1,
          max: 10,
        }),
      "NO_SOLUTION",
    );
  });

  it("throws NO_SOLUTION when the output does not depend on the inputs or they are all 0", () => {
    expectCode(
      () =>
        solveMultiplier(revenueModel(), {
          output: "newRevenue",
          target: 5,
          vary: ["repurchase"],
          inputs: w1,
        }),
      "NO_SOLUTION",
    );
    const zero = expectCode(
      () =>
        solveMultiplier(revenueModel(), {
          output: "revenue",
          target: 5,
          vary: customers,
          inputs: { ...w1, newCustomers: 0, returningCustomers: 0 },
        }),
      "NO_SOLUTION",
    );
    expect(zero.message).toMatch(/0, so scaling changes nothing/);
  });

  it("throws INVALID_ARGUMENT for an empty or repeated vary list and bad options", () => {
    const bad = (options: object) =>
      expectCode(
        () =>
          solveMultiplier(revenueModel(), {
            output: "revenue",
            target: 1,
            vary: customers,
            inputs: w1,
            ...options,
          }),
        "INVALID_ARGUMENT",
      );
    bad({ vary: [] });
    bad({ vary: ["newCustomers", "newCustomers"] });
    bad({ vary: "newCustomers" });
    bad({ vary: ["revenue"] });
    bad({ min: 3, max: 2 });
    bad({ tolerance: -1 });
    bad({ wholeNumber: 1 });
    bad({ maxIterations: 1.5 });
  });

  it("throws UNKNOWN_NODE and INVALID_NUMBER for bad names and targets", () => {
    expectCode(
      () =>
        solveMultiplier(revenueModel(), {
          output: "revenue",
          target: 1,
          vary: ["nope" as never],
          inputs: w1,
        }),
      "UNKNOWN_NODE",
    );
    expectCode(
      () =>
        solveMultiplier(revenueModel(), {
          output: "nope" as never,
          target: 1,
          vary: customers,
          inputs: w1,
        }),
      "UNKNOWN_NODE",
    );
    expectCode(
      () =>
        solveMultiplier(revenueModel(), {
          output: "revenue",
          target: {} as never,
          vary: customers,
          inputs: w1,
        }),
      "INVALID_NUMBER",
    );
  });

  it("never mutates its inputs", () => {
    const inputs = Object.freeze({ ...w1 });
    const vary = Object.freeze([...customers]);
    const answer = solveMultiplier(
      revenueModel(),
      Object.freeze({ output: "revenue", target: "1.2亿", vary, inputs }),
    );
    expect(answer.factor.toString()).toBe("25");
    expect(inputs).toEqual(w1);
    expect(vary).toEqual(customers);
  });

  describe("properties", () => {
    it("a linear output reaches the target exactly at the factor", () => {
      const model = defineModel({ y: "a * p + b * q + c" });
      const value = fc.integer({ min: 1, max: 9999 });
      fc.assert(
        fc.property(
          value,
          value,
          value,
          value,
          value,
          fc.integer({ min: 1, max: 1000 }),
          (a, p, b, q, c, k) => {
            const inputs = { a, p, b, q, c };
            const target = evaluate(model, { ...inputs, a: a * k, b: b * k }).y!;
            const answer = solveMultiplier(model, {
              output: "y",
              target,
              vary: ["a", "b"],
              inputs,
            });
            expect(answer.method).toBe("algebraic");
            expect(answer.factor.toString()).toBe(String(k));
            expect(answer.achieved).toEqualDecimal(target);
          },
        ),
        { numRuns: runs(100) },
      );
    });

    it("scaled values are the factor times the current values", () => {
      fc.assert(
        fc.property(fc.integer({ min: 5_000_000, max: 900_000_000 }), (target) => {
          const answer = solveMultiplier(revenueModel(), {
            output: "revenue",
            target,
            vary: ["newAov", "returningAov"],
            inputs: w1,
          });
          expect(answer.values.newAov!).toEqualDecimal(new Decimal(8000).times(answer.factor));
          expect(answer.residual.abs().lte("1e-50")).toBe(true);
        }),
        { numRuns: runs(100) },
      );
    });
  });
});

describe("solveMultiplier next to a pole", () => {
  it("finds the factor just before the point where the output is undefined", () => {
    // y = x^-1 from x = 2: the factor 0.125 gives x = 0.25 and y = 4; k = 0 is a pole.
    const result = solveMultiplier(defineModel({ y: "x ^ -1" }), {
      output: "y",
      vary: ["x"],
      target: 4,
      inputs: { x: 2 },
      wholeNumber: false,
    });
    expect(result.factor?.toString()).toBe("0.125");
    expect(result.values.x?.toString()).toBe("0.25");
    expect(result.achieved.toString()).toBe("4");
  });
});
