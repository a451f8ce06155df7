import fc from "fast-check";
import { defineModel, evaluate, reconcile, revenueModel } from "targetree";
import { describe, expect, it } from "vitest";
import { expectCode } from "../_support/errors.js";
import { runs } from "../_support/runs.js";
import { w1 } from "../_support/w1.js";

const customers = ["newCustomers", "returningCustomers"] as const;

describe("reconcile", () => {
  it("gives W1: implied 4,800,000 against 1.2亿, gap 115,200,000 (96%)", () => {
    const audit = reconcile(revenueModel(), {
      output: "revenue",
      target: "1.2亿",
      inputs: w1,
      vary: customers,
    });
    expect(audit.target.toString()).toBe("120000000");
    expect(audit.implied.toString()).toBe("4800000");
    expect(audit.gap.toString()).toBe("115200000");
    expect(audit.gapRate?.toString()).toBe("0.96");
    expect(audit.achievement?.toString()).toBe("0.04");
    expect(audit.met).toBe(false);
  });

  it("gives W1's single-driver ways: 58,200 new customers alone, and the infeasible rates", () => {
    const audit = reconcile(revenueModel(), {
      output: "revenue",
      target: "1.2亿",
      inputs: w1,
      vary: customers,
    });
    expect(
      audit.singles.map((single) => [single.input, single.required?.toString(), single.feasible]),
    ).toEqual([
      ["newCustomers", "58200", true],
      ["conversion", "24.25", false],
      ["newAov", "776000", true],
      ["returningCustomers", "49500", true],
      ["repurchase", "13.2", false],
      ["returningAov", "198000", true],
    ]);
    const first = audit.singles[0]!;
    expect(first.actual.toString()).toBe("600");
    expect(first.change?.toString()).toBe("57600");
    expect(first.changeRate?.toString()).toBe("96");
    expect(first.method).toBe("algebraic");
    expect(first.reason).toBeNull();
    expect(audit.singles[1]!.reason).toMatch(/above the upper bound 1/);
  });

  it("gives W1's common multiplier: ×25 on both customer counts", () => {
    const audit = reconcile(revenueModel(), {
      output: "revenue",
      target: "1.2亿",
      inputs: w1,
      vary: customers,
    });
    const multiplier = audit.multiplier!;
    expect(multiplier.inputs).toEqual(customers);
    expect(multiplier.factor?.toString()).toBe("25");
    expect(multiplier.values?.newCustomers?.toString()).toBe("15000");
    expect(multiplier.values?.returningCustomers?.toString()).toBe("37500");
    expect(multiplier.feasible).toBe(true);
    expect(multiplier.method).toBe("algebraic");
  });

  it("reports an infeasible multiplier with the factor it would need", () => {
    const audit = reconcile(revenueModel(), {
      output: "revenue",
      target: "1.2亿",
      inputs: w1,
      vary: ["conversion", "repurchase"],
      singles: ["newCustomers"],
    });
    expect(audit.singles.map((single) => single.input)).toEqual(["newCustomers"]);
    expect(audit.multiplier?.feasible).toBe(false);
    expect(audit.multiplier?.factor?.toString()).toBe("25");
    expect(audit.multiplier?.values?.conversion?.toString()).toBe("6.25");
    expect(audit.multiplier?.reason).toMatch(/upper bound/);
  });

  it("has no multiplier without vary, and a null rate for a zero target", () => {
    const audit = reconcile(revenueModel(), { output: "revenue", target: 0, inputs: w1 });
    expect(audit.multiplier).toBeNull();
    expect(audit.gapRate).toBeNull();
    expect(audit.achievement).toBeNull();
    expect(audit.met).toBe(true);
    expect(audit.gap.toString()).toBe("-4800000");
  });

  it("measures the gap rate against the target's size, so a negative target keeps the sign", () => {
    const model = defineModel({ profit: "revenue - cost" });
    // A loss target of −100 against an implied loss of −150: 50 short, a 50% shortfall.
    const audit = reconcile(model, {
      output: "profit",
      target: -100,
      inputs: { revenue: 50, cost: 200 },
    });
    expect(audit.implied.toString()).toBe("-150");
    expect(audit.gap.toString()).toBe("50");
    expect(audit.gapRate?.toString()).toBe("0.5");
    // As achievement() gives it: 1 + (−150 − −100) / 100, below 1 because the target is missed.
    expect(audit.achievement?.toString()).toBe("0.5");
    expect(audit.met).toBe(false);
  });

  it("reports a single that cannot reach the target at all, and solves the others numerically", () => {
    const model = defineModel({ wins: "min(visits * winRate, capacity)" });
    const audit = reconcile(model, {
      output: "wins",
      target: 90,
      inputs: { visits: 300, winRate: "20%", capacity: 100 },
    });
    const capacity = audit.singles.find((single) => single.input === "capacity")!;
    expect(capacity.feasible).toBe(false);
    expect(capacity.required).toBeNull();
    expect(capacity.method).toBeNull();
    expect(capacity.reason).toMatch(/no value/);
    const visits = audit.singles.find((single) => single.input === "visits")!;
    expect(visits.method).toBe("numeric");
    expect(visits.required?.toDecimalPlaces(20).toString()).toBe("450");
  });

  it("rounds whole-number singles up to reach the target", () => {
    const audit = reconcile(revenueModel(), { output: "revenue", target: "9999.9万", inputs: w1 });
    expect(audit.singles[0]!.required?.toString()).toBe("48200");
    expect(audit.singles[0]!.rounded).toBe(true);
  });

  it("throws for bad names, numbers, lists and options", () => {
    expectCode(
      () => reconcile(revenueModel(), { output: "profit" as never, target: 1, inputs: w1 }),
      "UNKNOWN_NODE",
    );
    expectCode(
      () => reconcile(revenueModel(), { output: "revenue", target: "x", inputs: w1 }),
      "INVALID_NUMBER",
    );
    expectCode(
      () => reconcile(revenueModel(), { output: "revenue", target: 1, inputs: w1, vary: [] }),
      "INVALID_ARGUMENT",
    );
    expectCode(
      () =>
        reconcile(revenueModel(), {
          output: "revenue",
          target: 1,
          inputs: w1,
          singles: ["revenue" as never],
        }),
      "INVALID_ARGUMENT",
    );
    expectCode(
      () => reconcile(revenueModel(), { output: "revenue", target: 1, inputs: w1, tolerance: -1 }),
      "INVALID_ARGUMENT",
    );
    expectCode(
      () =>
        reconcile(revenueModel(), {
          output: "revenue",
          target: 1,
          inputs: w1,
          vary: ["visits" as never],
        }),
      "UNKNOWN_NODE",
    );
    const { newAov: _, ...missing } = w1;
    expectCode(
      () => reconcile(revenueModel(), { output: "revenue", target: 1, inputs: missing as never }),
      "MISSING_INPUT",
    );
    expectCode(
      () =>
        reconcile(revenueModel(), {
          output: "revenue",
          target: 1,
          inputs: { ...w1, repurchase: -1 },
        }),
      "OUT_OF_BOUNDS",
    );
  });

  it("never mutates its inputs", () => {
    const inputs = Object.freeze({ ...w1 });
    const vary = Object.freeze([...customers]);
    reconcile(revenueModel(), Object.freeze({ output: "revenue", target: "1.2亿", inputs, vary }));
    expect(inputs).toEqual(w1);
  });

  describe("properties", () => {
    it("every feasible single reaches the target, and the gap is target minus implied", () => {
      const model = revenueModel();
      fc.assert(
        fc.property(fc.integer({ min: 1_000_000, max: 300_000_000 }), (target) => {
          const audit = reconcile(model, {
            output: "revenue",
            target,
            inputs: w1,
            vary: customers,
          });
          expect(audit.gap).toEqualDecimal(audit.target.minus(audit.implied));
          for (const single of audit.singles.filter((item) => item.feasible)) {
            const reached = evaluate(model, { ...w1, [single.input]: single.required! }).revenue!;
            if (single.rounded) {
              // Whole numbers are rounded toward the side that reaches the target.
              expect(target >= 4_800_000 ? reached.gte(target) : reached.lte(target)).toBe(true);
            } else {
              // A quotient like 1/3 is rounded at the 64th digit: the residual is that small.
              expect(reached.minus(target).abs().lte(reached.times("1e-60"))).toBe(true);
            }
          }
        }),
        { numRuns: runs(60) },
      );
    });
  });
});
