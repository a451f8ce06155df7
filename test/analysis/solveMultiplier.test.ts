import fc from "fast-check";
import {
  type DefineModelOptions,
  defineModel,
  evaluate,
  revenueModel,
  type SolveMultiplierOptions,
  solveMultiplier,
} from "targetree";
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

const scale = (
  formulas: Record<string, string>,
  options: Partial<SolveMultiplierOptions> &
    Pick<SolveMultiplierOptions, "target" | "inputs" | "vary">,
  modelOptions?: DefineModelOptions,
) => solveMultiplier(defineModel(formulas, modelOptions), { output: "y", ...options });

/** The NO_SOLUTION a call throws: its reason and its out-of-bounds factor. */
const refusal = (run: () => unknown) => {
  const error = expectCode(run, "NO_SOLUTION", ["options", "vary"]);
  return error.details as { reason: string; outside: string | null };
};

describe("solveMultiplier: the factor's range", () => {
  it("keeps a negative input within its bounds (the bounds swap sides)", () => {
    const bounded = { inputs: { d: { min: -50, max: 10 } } };
    // d = −1: k·d ≤ 10 gives k ≥ −10, k·d ≥ −50 gives k ≤ 50.
    const inside = scale({ y: "d * 3" }, { vary: ["d"], target: -90, inputs: { d: -1 } }, bounded);
    expect(inside.factor.toString()).toBe("30");
    expect(inside.values.d!.toString()).toBe("-30");
    expect(
      refusal(() => scale({ y: "d * 3" }, { vary: ["d"], target: 90, inputs: { d: -1 } }, bounded)),
    ).toEqual({ reason: "the exact solution -30 is below the lower bound -10", outside: "-30" });
    expect(
      refusal(() =>
        scale({ y: "d * 3" }, { vary: ["d"], target: -180, inputs: { d: -1 } }, bounded),
      ),
    ).toEqual({ reason: "the exact solution 60 is above the upper bound 50", outside: "60" });
  });

  it("keeps a negative input within a bound on one side only", () => {
    const capped = { inputs: { d: { max: 10 } } };
    expect(
      refusal(() => scale({ y: "d * 3" }, { vary: ["d"], target: 90, inputs: { d: -1 } }, capped)),
    ).toEqual({ reason: "the exact solution -30 is below the lower bound -10", outside: "-30" });
    expect(
      scale(
        { y: "d * 3" },
        { vary: ["d"], target: -900, inputs: { d: -1 } },
        capped,
      ).factor.toString(),
    ).toBe("300");
    const floored = { inputs: { d: { min: -50 } } };
    expect(
      refusal(() =>
        scale({ y: "d * 3" }, { vary: ["d"], target: -180, inputs: { d: -1 } }, floored),
      ),
    ).toEqual({ reason: "the exact solution 60 is above the upper bound 50", outside: "60" });
    expect(
      scale(
        { y: "d * 3" },
        { vary: ["d"], target: 90, inputs: { d: -1 } },
        floored,
      ).factor.toString(),
    ).toBe("-30");
  });

  it("ignores the bounds of a varied input that is 0", () => {
    const answer = scale(
      { y: "a + b" },
      { vary: ["a", "b"], target: 10, inputs: { a: 0, b: 1 } },
      { inputs: { a: { min: -1, max: 1 } } },
    );
    expect(answer.factor.toString()).toBe("10");
    expect(answer.values.a!.toString()).toBe("0");
  });

  it("combines the caller's min/max with the inputs' bounds, whichever is tighter", () => {
    const sum = { y: "a + b" };
    const at = (
      bounds: DefineModelOptions,
      range: { min?: number; max?: number },
      target: number,
    ) =>
      refusal(() =>
        scale(sum, { vary: ["a", "b"], target, inputs: { a: 4, b: 1 }, ...range }, bounds),
      ).reason;
    expect(at({ inputs: { a: { min: 2 } } }, { min: 3 }, 4)).toBe(
      "the exact solution 0.8 is below the lower bound 3",
    );
    expect(at({ inputs: { a: { min: 2 } } }, { min: 0.1 }, 1.5)).toBe(
      "the exact solution 0.3 is below the lower bound 0.5",
    );
    expect(at({ inputs: { a: { max: 40 } } }, { max: 30 }, 100)).toBe(
      "the exact solution 20 is above the upper bound 10",
    );
    const edge = scale(
      sum,
      { vary: ["a", "b"], target: 100, inputs: { a: 4, b: 1 }, max: 30 },
      { inputs: { a: { max: 80 } } },
    );
    expect(edge.factor.toString()).toBe("20");
    expect(edge.values.a!.toString()).toBe("80");
  });

  it("refuses when the caller's range and the inputs' bounds leave no factor", () => {
    expect(
      refusal(() =>
        scale(
          { y: "a + b" },
          { vary: ["a", "b"], target: 90, inputs: { a: 1, b: 5 }, min: 3 },
          { inputs: { b: { max: 5 } } },
        ),
      ),
    ).toEqual({
      reason: "the inputs' bounds leave no common factor that keeps every one of them in range",
      outside: null,
    });
  });

  it("keeps the factor under the tightest maximum of the varied inputs", () => {
    // x·z = 25 at k = ±5; x ≤ 4 rules out k = 5 even though z ≤ 10 would allow it.
    const model = defineModel({ y: "x * z" }, { inputs: { x: { max: 4 }, z: { max: 10 } } });
    const answer = solveMultiplier(model, {
      output: "y",
      vary: ["x", "z"],
      target: 25,
      inputs: { x: 1, z: 1 },
    });
    expect(answer.factor.toString()).toBe("-5");
  });

  it("ignores the bounds of a varied input that is 0 (scaling cannot move it)", () => {
    const model = defineModel({ y: "x + z" }, { inputs: { z: { min: 0, max: 10 } } });
    const answer = solveMultiplier(model, {
      output: "y",
      vary: ["x", "z"],
      target: 5,
      inputs: { x: 1, z: 0 },
    });
    expect(answer.factor.toString()).toBe("5");
  });

  it("refuses whole numbers that would leave an input's bounds", () => {
    // k = 9.5 gives n = m = 9.5; rounding up puts n above 9.7, rounding down misses 19.
    const model = defineModel(
      { y: "n + m" },
      { inputs: { n: { wholeNumber: true, max: 9.7 }, m: { wholeNumber: true } } },
    );
    const error = expectCode(
      () =>
        solveMultiplier(model, {
          output: "y",
          vary: ["n", "m"],
          target: 19,
          inputs: { n: 1, m: 1 },
        }),
      "NO_SOLUTION",
      ["options", "vary"],
    );
    expect(error.message).toContain(
      "the factor 9.5 gives n, m a fraction, and rounding them to whole numbers does not reach the target",
    );
  });
});

describe("solveMultiplier: special cases", () => {
  it("refuses a single varied input that is 0, and an output of degree 0 or constant in the factor", () => {
    expect(
      refusal(() => scale({ y: "a + b" }, { vary: ["a"], target: 4, inputs: { a: 0, b: 1 } })),
    ).toEqual({ reason: "a is 0, so scaling changes nothing", outside: null });
    expect(
      refusal(() => scale({ y: "a + b" }, { vary: ["a", "b"], target: 4, inputs: { a: 0, b: 0 } }))
        .reason,
    ).toBe("a and b are all 0, so scaling changes nothing");
    expect(
      refusal(() => scale({ y: "x ^ 0 + a" }, { vary: ["x"], target: 4, inputs: { x: 2, a: 1 } })),
    ).toEqual({ reason: "y does not depend on x", outside: null });
    expect(
      refusal(() => scale({ y: "x - x + a" }, { vary: ["x"], target: 4, inputs: { x: 2, a: 1 } })),
    ).toEqual({ reason: "y does not change with the factor", outside: null });
    const error = expectCode(
      () => scale({ y: "x - x + a" }, { vary: ["x"], target: 4, inputs: { x: 2, a: 1 } }),
      "NO_SOLUTION",
    );
    expect(error.message).toBe(
      "NO_SOLUTION: No common factor on x makes y equal 4: y does not change with the factor. (at options.vary)",
    );
  });

  it("scales the output itself when it is one of the varied inputs", () => {
    const answer = scale({ y: "x * 2" }, { output: "x", vary: ["x"], target: 5, inputs: { x: 2 } });
    expect(answer.output).toBe("x");
    expect(answer.factor.toString()).toBe("2.5");
    expect(answer.degree).toBe(1);
    expect(answer.values.x!.toString()).toBe("5");
  });
});

describe("solveMultiplier: the output's degree in the factor", () => {
  const degree = (formula: string, target: number | string, inputs: Record<string, number>) =>
    scale({ y: formula }, { vary: ["x"], target, inputs });

  it("is a whole number for a polynomial, solved exactly up to 2", () => {
    expect(degree("x * a", 6, { x: 2, a: 1 }).degree).toBe(1);
    expect(degree("x / c", 5, { x: 2, c: 1 }).degree).toBe(1);
    expect(degree("x * if(a > 1, 2, 3)", 12, { x: 3, a: 2 }).degree).toBe(1);
    const quadratic = degree("x * x * 2 ^ 3", 72, { x: 2 });
    expect(quadratic.degree).toBe(2);
    expect(quadratic.method).toBe("algebraic");
    expect(quadratic.factor.toString()).toBe("1.5");
    expect(quadratic.alternatives.map(String)).toEqual(["-1.5"]);
    const cubic = degree("x * x * x + x", 10, { x: 1 });
    expect(cubic.degree).toBe(3);
    expect(cubic.method).toBe("numeric");
    expect(cubic.factor.toString()).toBe("2");
  });

  it("counts up to 64, through powers and products", () => {
    expect(degree("x ^ 64", 2, { x: 1 }).degree).toBe(64);
    expect(degree("(x ^ 2) ^ 32", 2, { x: 1 }).degree).toBe(64);
    expect(degree("x ^ 40 * x ^ 24", 2, { x: 1 }).degree).toBe(64);
    expect(degree("x ^ 65", 2, { x: 1 }).degree).toBeNull();
    expect(degree("(x ^ 2) ^ 33", 2, { x: 1 }).degree).toBeNull();
    expect(degree("x ^ 40 * x ^ 25", 2, { x: 1 }).degree).toBeNull();
  });

  it("is null for a division by, a power of, a function of or a fractional power of the factor", () => {
    const quotient = scale({ y: "a / b" }, { vary: ["a", "b"], target: 2, inputs: { a: 2, b: 1 } });
    expect(quotient.degree).toBeNull();
    expect(quotient.factor.toString()).toBe("1");
    expect(quotient.method).toBe("numeric");
    // Targets equal to the current output: the search stops at k = 1, after the degree is found.
    const exponential = degree("2 ^ x", 4, { x: 2 });
    expect(exponential.degree).toBeNull();
    expect(exponential.factor.toString()).toBe("1");
    expect(degree("x ^ 0.5", 2, { x: 4 }).degree).toBeNull();
    expect(degree("x ^ -1", "0.5", { x: 2 }).degree).toBeNull();
    expect(degree("if(true, x * 2, 0)", 2, { x: 3 }).degree).toBeNull();
  });
});

describe("solveMultiplier: whole-number inputs", () => {
  const integer = { inputs: { n: { wholeNumber: true } } };

  it("rounds up when the target is above the current output", () => {
    const answer = scale({ y: "n * 3" }, { vary: ["n"], target: 41, inputs: { n: 10 } }, integer);
    expect(answer.values.n!.toString()).toBe("14");
    expect(answer.actual.n!.toString()).toBe("10");
    expect(answer.rounded).toBe(true);
    expect(answer.achieved.toString()).toBe("42");
    expect(answer.residual.toString()).toBe("1");
    expect(answer.evaluations).toBe(6);
    expect(answer.factor.toFixed(6)).toBe("1.366667");
    expect(answer.reason).toBeNull();
    expect(answer.iterations).toBe(0);
  });

  it("rounds down instead when rounding up falls short (a decreasing output)", () => {
    const answer = scale(
      { y: "100 - n * 3" },
      { vary: ["n"], target: 80, inputs: { n: 10 } },
      integer,
    );
    expect(answer.values.n!.toString()).toBe("6");
    expect(answer.achieved.toString()).toBe("82");
    expect(answer.residual.toString()).toBe("2");
    expect(answer.rounded).toBe(true);
  });

  it("below the current output, rounds down, else up, so the output stays at or below the target", () => {
    const answer = scale(
      { y: "100 - n * 3" },
      { vary: ["n"], target: 41, inputs: { n: 10 } },
      integer,
    );
    expect(answer.values.n!.toString()).toBe("20");
    expect(answer.achieved.toString()).toBe("40");
    expect(answer.residual.toString()).toBe("-1");
  });

  it("rounds toward reaching the target when the current output is undefined", () => {
    const answer = scale(
      { y: "12 / (n - 3)" },
      { vary: ["n"], target: 5, inputs: { n: 3 } },
      integer,
    );
    expect(answer.method).toBe("numeric");
    expect(answer.values.n!.toString()).toBe("5");
    expect(answer.achieved.toString()).toBe("6");
  });

  it("rounds only the whole-number inputs, and nothing when wholeNumber is false", () => {
    const mixed = scale(
      { y: "n * 3 + r" },
      { vary: ["n", "r"], target: 41, inputs: { n: 10, r: 1 } },
      integer,
    );
    expect(mixed.values.n!.toString()).toBe("14");
    expect(mixed.values.r!).toEqualDecimal(mixed.factor);
    expect(mixed.rounded).toBe(true);
    const kept = scale(
      { y: "n * 3" },
      { vary: ["n"], target: 41, inputs: { n: 10 }, wholeNumber: false },
      integer,
    );
    expect(kept.values.n!.toFixed(4)).toBe("13.6667");
    expect(kept.rounded).toBe(false);
    const undeclared = scale({ y: "n * 3" }, { vary: ["n"], target: 41, inputs: { n: 10 } });
    expect(undeclared.rounded).toBe(false);
  });

  it("refuses when the rounded values leave the bounds or fall short", () => {
    expect(
      refusal(() =>
        scale(
          { y: "n * 10" },
          { vary: ["n"], target: 92, inputs: { n: 1 } },
          {
            inputs: { n: { wholeNumber: true, max: "9.5" } },
          },
        ),
      ),
    ).toEqual({
      reason:
        "the factor 9.2 gives n a fraction, and rounding them to whole numbers does not reach the target",
      outside: null,
    });
  });
});

describe("solveMultiplier: option messages", () => {
  const bad = (options: object) => {
    const run = () =>
      solveMultiplier(revenueModel(), {
        output: "revenue",
        target: 1,
        vary: ["newCustomers"],
        inputs: w1,
        ...options,
      });
    return run;
  };

  it("says what is wrong with the vary list, and where", () => {
    expect(expectCode(bad({ vary: [] }), "INVALID_ARGUMENT", ["options", "vary"]).message).toMatch(
      /The list of inputs is empty; name at least one\./,
    );
    expect(
      expectCode(bad({ vary: ["newAov", "newAov"] }), "INVALID_ARGUMENT", ["options", "vary", 1])
        .message,
    ).toMatch(/newAov.* is listed twice\./);
    expect(
      expectCode(bad({ vary: "newAov" }), "INVALID_ARGUMENT", ["options", "vary"]).message,
    ).toMatch(/Expected a list of input names, got/);
    expect(
      expectCode(bad({ vary: ["newAov", "revenue"] }), "INVALID_ARGUMENT", ["options", "vary", 1])
        .message,
    ).toMatch(/revenue.* is computed by a formula; only inputs can be varied or attributed\./);
    expect(
      expectCode(bad({ vary: ["nope"] }), "UNKNOWN_NODE", ["options", "vary", 0]).message,
    ).toMatch(/nope.* is not a node of the model\./);
    expect(
      expectCode(bad({ vary: [3] }), "INVALID_ARGUMENT", ["options", "vary", 0]).message,
    ).toMatch(/Expected a node name \(a string\), got/);
  });

  it("says what is wrong with the other options", () => {
    expect(
      expectCode(bad({ output: "nope" }), "UNKNOWN_NODE", ["options", "output"]).message,
    ).toMatch(/nope.* is not a node of the model\./);
    expect(
      expectCode(bad({ min: 3, max: 2 }), "INVALID_ARGUMENT", ["options", "min"]).message,
    ).toMatch(/min is greater than max\./);
    expect(
      expectCode(bad({ wholeNumber: 1 }), "INVALID_ARGUMENT", ["options", "wholeNumber"]).message,
    ).toMatch(/wholeNumber must be true or false, got/);
    expect(expectCode(bad({ min: "lots" }), "INVALID_NUMBER", ["options", "min"]).path).toEqual([
      "options",
      "min",
    ]);
    expect(expectCode(bad({ max: "lots" }), "INVALID_NUMBER", ["options", "max"]).path).toEqual([
      "options",
      "max",
    ]);
    expect(
      expectCode(() => solveMultiplier(revenueModel(), [] as never), "INVALID_ARGUMENT", [
        "options",
      ]).message,
    ).toMatch(/solveMultiplier needs an options object, got/);
  });

  const model = defineModel({ y: "x * a" });
  const inputs = { x: 1, a: 1 };

  it("points at output for an unknown output", () => {
    expectCode(
      () => solveMultiplier(model, { output: "nope" as never, vary: ["x"], target: 1, inputs }),
      "UNKNOWN_NODE",
      ["options", "output"],
    );
  });

  it("points at vary when it is not a list", () => {
    const error = expectCode(
      () => solveMultiplier(model, { output: "y", vary: "x" as never, target: 1, inputs }),
      "INVALID_ARGUMENT",
      ["options", "vary"],
    );
    expect(error.message).toMatch(/Expected a list of input names/);
  });

  it("points at inputs.<name> for a missing input", () => {
    expectCode(
      () =>
        solveMultiplier(model, { output: "y", vary: ["x"], target: 1, inputs: { x: 1 } as never }),
      "MISSING_INPUT",
      ["options", "inputs", "a"],
    );
  });

  it("points at maxIterations when it is out of range", () => {
    const error = expectCode(
      () =>
        solveMultiplier(model, { output: "y", vary: ["x"], target: 1, inputs, maxIterations: 0 }),
      "INVALID_ARGUMENT",
      ["options", "maxIterations"],
    );
    expect(error.message).toMatch(/Expected a whole number from 1 to 10000, got 0/);
  });
});

describe("solveMultiplier: inputs the output does not read", () => {
  const model = defineModel({ y: "x * a", w: "u" });

  it("scales the inputs it reads even when another varied input is not read", () => {
    const answer = solveMultiplier(model, {
      output: "y",
      vary: ["x", "u"],
      target: 5,
      inputs: { x: 1, a: 1, u: 2 },
    });
    expect(answer.factor.toString()).toBe("5");
  });

  it("says the output does not depend on them (even when they are 0)", () => {
    const error = expectCode(
      () =>
        solveMultiplier(model, {
          output: "y",
          vary: ["u"],
          target: 5,
          inputs: { x: 1, a: 1, u: 0 },
        }),
      "NO_SOLUTION",
      ["options", "vary"],
    );
    expect(error.details).toEqual({ reason: "y does not depend on u", outside: null });
  });
});

describe("solveMultiplier: NO_SOLUTION messages", () => {
  it("calls the unknown 'the factor' when the output is undefined inside the crossing", () => {
    const error = expectCode(
      () =>
        solveMultiplier(defineModel({ y: "x * (x - 2) / (x - 2)" }), {
          output: "y",
          vary: ["x"],
          target: 2,
          inputs: { x: 5 },
        }),
      "NO_SOLUTION",
      ["options", "vary"],
    );
    expect(error.message).toContain(
      "y is undefined at the factor = 0.4, inside the interval where it crosses the target",
    );
  });
});
