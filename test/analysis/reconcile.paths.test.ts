// reconcile branch by branch: infeasible multipliers with and without a factor, singles that start
// at 0 or round an out-of-bounds solution, the options passed on to the solvers, and the rates.
import { defineModel, reconcile, revenueModel } from "targetree";
import { describe, expect, it } from "vitest";
import { expectCode } from "../_support/errors.js";
import { w1 } from "../_support/w1.js";

const customers = ["newCustomers", "returningCustomers"] as const;
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
});
