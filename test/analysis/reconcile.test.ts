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

const cube = defineModel({ y: "min(x ^ 3, 1000)" });

describe("reconcile: the multiplier", () => {
  it("reports a multiplier that cannot work at all with no factor, values or method", () => {
    const audit = reconcile(revenueModel(), {
      output: "revenue",
      target: "1.2亿",
      inputs: { ...w1, newCustomers: 0, returningCustomers: 0 },
      vary: customers,
      singles: ["newCustomers"],
    });
    expect(audit.multiplier).toEqual({
      inputs: customers,
      factor: null,
      values: null,
      feasible: false,
      reason: "newCustomers and returningCustomers are all 0, so scaling changes nothing",
      method: null,
      rounded: false,
    });
  });

  it("rounds whole-number inputs of a feasible multiplier and says so", () => {
    const audit = reconcile(revenueModel(), {
      output: "revenue",
      target: "9999.9万",
      inputs: w1,
      vary: customers,
      singles: ["conversion"],
    });
    const multiplier = audit.multiplier!;
    expect(multiplier.factor?.toString()).toBe("20.833125");
    expect(multiplier.values?.newCustomers?.toString()).toBe("12500");
    expect(multiplier.values?.returningCustomers?.toString()).toBe("31250");
    expect(Object.getPrototypeOf(multiplier.values)).toBeNull();
    expect(multiplier.rounded).toBe(true);
    expect(multiplier.feasible).toBe(true);
    expect(multiplier.reason).toBeNull();
    expect(multiplier.method).toBe("algebraic");
  });

  it("reports an infeasible multiplier's factor and scaled values, found algebraically", () => {
    const audit = reconcile(revenueModel(), {
      output: "revenue",
      target: "1.2亿",
      inputs: w1,
      vary: ["conversion", "repurchase"],
      singles: ["newCustomers"],
    });
    const multiplier = audit.multiplier!;
    expect(multiplier.values?.repurchase?.toString()).toBe("10");
    expect(multiplier.method).toBe("algebraic");
    expect(multiplier.rounded).toBe(false);
    expect(multiplier.reason).toBe("the exact solution 25 is above the upper bound 2.5");
  });
});

describe("reconcile: singles", () => {
  it("gives no change rate for an input that is 0 now", () => {
    const audit = reconcile(defineModel({ y: "x + a" }), {
      output: "y",
      target: 5,
      inputs: { x: 0, a: 1 },
    });
    expect(
      audit.singles.map((single) => [
        single.input,
        single.required?.toString(),
        single.change?.toString(),
        single.changeRate?.toString() ?? null,
      ]),
    ).toEqual([
      ["x", "4", "4", null],
      ["a", "5", "4", "4"],
    ]);
  });

  it("rounds an out-of-bounds whole-number solution up, and says it did only when it had to", () => {
    const model = (factor: number) =>
      defineModel({ y: `n * ${factor}` }, { inputs: { n: { wholeNumber: true, max: 10 } } });
    const [fraction] = reconcile(model(3), { output: "y", target: 100, inputs: { n: 5 } }).singles;
    expect(fraction).toEqual({
      input: "n",
      actual: expect.anything(),
      required: expect.anything(),
      change: expect.anything(),
      changeRate: expect.anything(),
      feasible: false,
      reason: "the exact solution 33.3333333333 is above the upper bound 10",
      method: "algebraic",
      rounded: true,
    });
    expect(fraction!.required?.toString()).toBe("34");
    expect(fraction!.change?.toString()).toBe("29");
    expect(fraction!.changeRate?.toString()).toBe("5.8");
    const [whole] = reconcile(model(4), { output: "y", target: 100, inputs: { n: 5 } }).singles;
    expect(whole!.required?.toString()).toBe("25");
    expect(whole!.rounded).toBe(false);
  });

  it("passes maxIterations and tolerance on to the singles and the multiplier", () => {
    const stopped = reconcile(cube, {
      output: "y",
      target: 2,
      inputs: { x: 1 },
      maxIterations: 1,
      vary: ["x"],
    });
    expect(stopped.singles[0]!.reason).toBe("the numeric search did not converge in 1 iterations");
    expect(stopped.singles[0]!.method).toBeNull();
    expect(stopped.multiplier!.reason).toBe("the numeric search did not converge in 1 iterations");
    const loose = reconcile(cube, {
      output: "y",
      target: 2,
      inputs: { x: 1 },
      tolerance: "0.01",
      vary: ["x"],
    });
    expect(loose.singles[0]!.required?.toFixed(6)).toBe("1.258242");
    expect(loose.singles[0]!.method).toBe("numeric");
    expect(loose.multiplier!.factor?.toFixed(6)).toBe("1.258242");
    expect(loose.multiplier!.method).toBe("numeric");
    const exact = reconcile(cube, { output: "y", target: 2, inputs: { x: 1 } });
    expect(exact.singles[0]!.required?.toFixed(6)).toBe("1.259921");
  });
});

describe("reconcile: the rates", () => {
  it("counts an implied value equal to the target as met", () => {
    const audit = reconcile(defineModel({ y: "x" }), { output: "y", target: 5, inputs: { x: 5 } });
    expect(audit.met).toBe(true);
    expect(audit.gap.toString()).toBe("0");
    expect(audit.gapRate?.toString()).toBe("0");
    expect(audit.achievement?.toString()).toBe("1");
  });

  it("refuses a gap rate or an achievement beyond the supported magnitude", () => {
    const gap = expectCode(
      () =>
        reconcile(defineModel({ y: "x" }), { output: "y", target: "1e-999", inputs: { x: "1e5" } }),
      "NUMBER_TOO_LARGE",
      ["options", "target"],
    );
    expect(gap.message).toMatch(
      /^NUMBER_TOO_LARGE: The gap rate is outside the supported magnitude/,
    );
    const achievement = expectCode(
      () =>
        reconcile(defineModel({ y: "x" }), { output: "y", target: "1e5", inputs: { x: "1e-999" } }),
      "NUMBER_TOO_LARGE",
      ["options", "target"],
    );
    expect(achievement.message).toMatch(
      /^NUMBER_TOO_LARGE: The achievement is outside the supported magnitude/,
    );
  });
});

describe("reconcile: option messages", () => {
  it("says what is wrong, and where", () => {
    const base = { output: "revenue", target: 1, inputs: w1 };
    expect(
      expectCode(
        () => reconcile(revenueModel(), { ...base, singles: [] } as never),
        "INVALID_ARGUMENT",
        ["options", "singles"],
      ).message,
    ).toContain("The list of inputs is empty; name at least one.");
    expect(
      expectCode(
        () => reconcile(revenueModel(), { ...base, maxIterations: 0 } as never),
        "INVALID_ARGUMENT",
        ["options", "maxIterations"],
      ).message,
    ).toContain("Expected a whole number from 1 to 10000, got 0.");
    expect(
      expectCode(
        () => reconcile(revenueModel(), { output: "revenue", inputs: w1 } as never),
        "INVALID_ARGUMENT",
        ["options", "target"],
      ).message,
    ).toContain("This number is required.");
    expect(
      expectCode(() => reconcile(revenueModel(), null as never), "INVALID_ARGUMENT", ["options"])
        .message,
    ).toContain("reconcile needs an options object, got null.");
    expect(
      expectCode(
        () => reconcile(revenueModel(), { ...base, vary: ["visits" as never] } as never),
        "UNKNOWN_NODE",
        ["options", "vary", 0],
      ).message,
    ).toContain('"visits" is not a node of the model.');
  });

  it("passes on the formulas' own error when the stated inputs make the output undefined", () => {
    expectCode(
      () =>
        reconcile(defineModel({ y: "a / b" }), { output: "y", target: 1, inputs: { a: 1, b: 0 } }),
      "DIVISION_BY_ZERO",
      ["formulas", "y"],
    );
  });

  const model = defineModel({ y: "x * a" });

  it("points at output for an unknown output", () => {
    expectCode(
      () => reconcile(model, { output: "nope" as never, target: 1, inputs: { x: 1, a: 1 } }),
      "UNKNOWN_NODE",
      ["options", "output"],
    );
  });

  it("points at inputs.<name> for a missing input", () => {
    expectCode(
      () => reconcile(model, { output: "y", target: 1, inputs: { x: 1 } as never }),
      "MISSING_INPUT",
      ["options", "inputs", "a"],
    );
  });
});
