import fc from "fast-check";
import { defineModel, evaluate, revenueModel, solveFor } from "targetree";
import { describe, expect, it } from "vitest";
import { Decimal } from "../../src/_lib/decimal.js";
import { expectCode } from "../_support/errors.js";
import { runs } from "../_support/runs.js";
import { w1 } from "../_support/w1.js";

describe("solveFor", () => {
  it("gives W1: 58,200 new customers reach 1.2亿 when that driver alone moves", () => {
    const answer = solveFor(revenueModel(), {
      output: "revenue",
      target: "1.2亿",
      vary: "newCustomers",
      inputs: w1,
    });
    expect(answer.value.toString()).toBe("58200");
    expect(answer.method).toBe("algebraic");
    expect(answer.iterations).toBe(0);
    expect(answer.residual.toString()).toBe("0");
    expect(answer.achieved.toString()).toBe("120000000");
    expect(answer.rounded).toBe(false);
    expect(answer.actual?.toString()).toBe("600");
    expect(answer.change?.toString()).toBe("57600");
  });

  it("inverts every W1 driver exactly through the intermediate nodes", () => {
    const solve = (vary: string) =>
      solveFor(revenueModel(), {
        output: "revenue",
        target: "1.2亿",
        vary: vary as never,
        inputs: w1,
      }).value;
    expect(solve("newAov").toString()).toBe("776000");
    expect(solve("returningCustomers").toString()).toBe("49500");
    expect(solve("returningAov").toString()).toBe("198000");
  });

  it("solves for an intermediate output too", () => {
    const answer = solveFor(revenueModel(), {
      output: "newRevenue",
      target: "300万",
      vary: "conversion",
      inputs: w1,
    });
    expect(answer.value.toString()).toBe("0.625");
  });

  it("works without the varied input's current value", () => {
    const { newCustomers: _, ...rest } = w1;
    const answer = solveFor(revenueModel(), {
      output: "revenue",
      target: "1.2亿",
      vary: "newCustomers",
      inputs: rest,
    });
    expect(answer.value.toString()).toBe("58200");
    expect(answer.actual).toBeNull();
    expect(answer.change).toBeNull();
  });

  it("rounds a whole-number input up to reach the target, and says so", () => {
    const answer = solveFor(revenueModel(), {
      output: "revenue",
      target: "9999.9万",
      vary: "newCustomers",
      inputs: w1,
    });
    expect(answer.unrounded.toString()).toBe("48199.5");
    expect(answer.value.toString()).toBe("48200");
    expect(answer.rounded).toBe(true);
    expect(answer.achieved.toString()).toBe("100000000");
    expect(answer.residual.toString()).toBe("1000");
  });

  it("rounds down when the target lies below the current output (so the output still reaches it)", () => {
    const answer = solveFor(revenueModel(), {
      output: "revenue",
      target: "3,600,999",
      vary: "newCustomers",
      inputs: w1,
    });
    expect(answer.unrounded.toString()).toBe("0.4995");
    expect(answer.value.toString()).toBe("0");
    expect(answer.achieved.lte(3600999)).toBe(true);
  });

  it("keeps the fraction when wholeNumber is false", () => {
    const answer = solveFor(revenueModel(), {
      output: "revenue",
      target: "9999.9万",
      vary: "newCustomers",
      inputs: w1,
      wholeNumber: false,
    });
    expect(answer.value.toString()).toBe("48199.5");
    expect(answer.rounded).toBe(false);
  });

  it("inverts a divisor, a unary minus and a power", () => {
    const model = defineModel({
      margin: "-(cost / revenue) + 1",
      area: "side ^ 2",
      cube: "side ^ 3",
    });
    expect(
      solveFor(model, {
        output: "margin",
        target: "40%",
        vary: "revenue",
        inputs: { cost: 300, revenue: 1000, side: 1 },
      }).value.toString(),
    ).toBe("500");
    const square = solveFor(model, {
      output: "area",
      target: 49,
      vary: "side",
      inputs: { cost: 1, revenue: 1, side: -2 },
    });
    expect(square.value.toString()).toBe("-7");
    expect(square.alternatives.map(String)).toEqual(["7"]);
    expect(
      solveFor(model, {
        output: "cube",
        target: -27,
        vary: "side",
        inputs: { cost: 1, revenue: 1, side: 1 },
      }).value.toString(),
    ).toBe("-3");
  });

  it("takes a logarithm for a constant base to a varying power", () => {
    const model = defineModel({ grown: "base * 1.1 ^ years" });
    const answer = solveFor(model, {
      output: "grown",
      target: "1.21",
      vary: "years",
      inputs: { base: 1, years: 0 },
    });
    expect(answer.method).toBe("algebraic");
    expect(answer.value.toDecimalPlaces(40).toString()).toBe("2");
  });

  it("solves a line or a parabola exactly when the input occurs more than once", () => {
    const line = defineModel({ y: "a * x + b * x" });
    const parabola = defineModel({ revenue: "price * (1000 - 5 * price)" });
    const linear = solveFor(line, {
      output: "y",
      target: 50,
      vary: "x",
      inputs: { a: 2, b: 3, x: 1 },
    });
    expect([linear.value.toString(), linear.method]).toEqual(["10", "algebraic"]);
    const quadratic = solveFor(parabola, {
      output: "revenue",
      target: 45000,
      vary: "price",
      inputs: { price: 150 },
    });
    expect(quadratic.method).toBe("algebraic");
    expect(quadratic.value.toFixed(4)).toBe("131.6228");
    expect(quadratic.alternatives.map((x) => x.toFixed(4))).toEqual(["68.3772"]);
  });

  it("falls back to a bracketed numeric search through min(), within the tolerance", () => {
    const model = defineModel({ wins: "min(visits * winRate, capacity)" });
    const answer = solveFor(model, {
      output: "wins",
      target: 91,
      vary: "visits",
      inputs: { visits: 300, winRate: "20%", capacity: 100 },
    });
    expect(answer.method).toBe("numeric");
    expect(answer.value.toDecimalPlaces(20).toString()).toBe("455");
    expect(answer.residual.abs().lte("1e-28")).toBe(true);
    expect(answer.iterations).toBeGreaterThan(0);
  });

  it("honours a caller's tolerance and the input's bounds in the numeric search", () => {
    const model = defineModel({ y: "max(x, 0) ^ 3 + x" }, { inputs: { x: { min: 0, max: 10 } } });
    const answer = solveFor(model, {
      output: "y",
      target: 10,
      vary: "x",
      inputs: { x: 5 },
      tolerance: "0.001",
    });
    expect(answer.method).toBe("numeric");
    expect(answer.residual.abs().lte("0.001")).toBe(true);
    expect(answer.value.gte(0) && answer.value.lte(10)).toBe(true);
  });

  it("reports every value reaching the target as a note", () => {
    const model = defineModel({ y: "x * 0 + 5" });
    const answer = solveFor(model, { output: "y", target: 5, vary: "x", inputs: { x: 3 } });
    expect(answer.value.toString()).toBe("3");
    expect(answer.reason).toMatch(/every value/);
  });

  it("throws NO_SOLUTION when the output does not depend on the input", () => {
    const error = expectCode(
      () =>
        solveFor(revenueModel(), {
          output: "newRevenue",
          target: 1,
          vary: "repurchase",
          inputs: w1,
        }),
      "NO_SOLUTION",
    );
    expect(error.message).toMatch(/does not depend on repurchase/);
    const long = `n${"a".repeat(999)}`;
    const unrelated = expectCode(
      () =>
        solveFor(defineModel({ [long]: "x * 2", z: `${long} + q` }), {
          output: long,
          target: 5,
          vary: "q",
          inputs: { x: 1, q: 1 },
        }),
      "NO_SOLUTION",
    );
    expect(unrelated.message.length).toBeLessThan(400);
    expectCode(
      () =>
        solveFor(defineModel({ y: "x - x + a" }), {
          output: "y",
          target: 5,
          vary: "x",
          inputs: { x: 1, a: 1 },
        }),
      "NO_SOLUTION",
    );
  });

  it("throws NO_SOLUTION with the out-of-bounds solution when the target lies beyond the bounds", () => {
    const error = expectCode(
      () =>
        solveFor(revenueModel(), {
          output: "revenue",
          target: "1.2亿",
          vary: "conversion",
          inputs: w1,
        }),
      "NO_SOLUTION",
    );
    expect(error.details.outside).toBe("24.25");
    expect(error.message).toMatch(/above the upper bound 1/);
    const narrowed = expectCode(
      () =>
        solveFor(revenueModel(), {
          output: "revenue",
          target: "1.2亿",
          vary: "newCustomers",
          inputs: w1,
          max: 50000,
        }),
      "NO_SOLUTION",
    );
    expect(narrowed.details.outside).toBe("58200");
  });

  it("throws NO_SOLUTION when no value reaches the target or the output jumps over it", () => {
    const capped = defineModel({ y: "min(x, 5) * 2" });
    expectCode(
      () => solveFor(capped, { output: "y", target: 12, vary: "x", inputs: { x: 1 } }),
      "NO_SOLUTION",
    );
    const stepped = defineModel({ y: "floor(x) * 2" });
    const error = expectCode(
      () => solveFor(stepped, { output: "y", target: 5, vary: "x", inputs: { x: 1 } }),
      "NO_SOLUTION",
    );
    expect(error.message).toMatch(/jumps over the target/);
    const even = defineModel({ y: "x ^ 2 + 1" });
    expectCode(
      () => solveFor(even, { output: "y", target: 0, vary: "x", inputs: { x: 1 } }),
      "NO_SOLUTION",
    );
  });

  it("throws UNKNOWN_NODE for an unknown output or input", () => {
    expectCode(
      () =>
        solveFor(revenueModel(), {
          output: "profit" as never,
          target: 1,
          vary: "newAov",
          inputs: w1,
        }),
      "UNKNOWN_NODE",
    );
    expectCode(
      () =>
        solveFor(revenueModel(), {
          output: "revenue",
          target: 1,
          vary: "visits" as never,
          inputs: w1,
        }),
      "UNKNOWN_NODE",
    );
    const error = expectCode(
      () =>
        solveFor(revenueModel(), {
          output: "revenue",
          target: 1,
          vary: "newAov",
          inputs: { ...w1, typo: 1 as never },
        }),
      "UNKNOWN_NODE",
    );
    expect(error.path).toEqual(["options", "inputs", "typo"]);
  });

  it("throws INVALID_NUMBER for a non-numeric target or input", () => {
    const error = expectCode(
      () =>
        solveFor(revenueModel(), { output: "revenue", target: "lots", vary: "newAov", inputs: w1 }),
      "INVALID_NUMBER",
    );
    expect(error.path).toEqual(["options", "target"]);
    expectCode(
      () =>
        solveFor(revenueModel(), {
          output: "revenue",
          target: Number.NaN,
          vary: "newAov",
          inputs: w1,
        }),
      "INVALID_NUMBER",
    );
    expectCode(
      () =>
        solveFor(revenueModel(), {
          output: "revenue",
          target: 1,
          vary: "newAov",
          inputs: { ...w1, newAov: "x" },
        }),
      "INVALID_NUMBER",
    );
  });

  it("throws INVALID_ARGUMENT for a formula node, a list, an empty name or bad options", () => {
    const bad = (options: object) =>
      expectCode(
        () =>
          solveFor(revenueModel(), {
            output: "revenue",
            target: 1,
            vary: "newAov",
            inputs: w1,
            ...options,
          }),
        "INVALID_ARGUMENT",
      );
    bad({ vary: "newRevenue" });
    bad({ vary: ["newAov"] });
    bad({ vary: 3 });
    bad({ maxIterations: 0 });
    bad({ tolerance: -1 });
    bad({ min: 10, max: 5 });
    bad({ wholeNumber: "yes" });
    expectCode(() => solveFor(revenueModel(), null as never), "INVALID_ARGUMENT");
    expectCode(
      () =>
        solveFor({} as never, { output: "y" as never, target: 1, vary: "x" as never, inputs: {} }),
      "INVALID_ARGUMENT",
    );
    expectCode(
      () =>
        solveFor(revenueModel(), { output: "revenue", target: 1, vary: "" as never, inputs: w1 }),
      "UNKNOWN_NODE",
    );
  });

  it("throws MISSING_INPUT, OUT_OF_BOUNDS and NOT_A_WHOLE_NUMBER for bad inputs", () => {
    const { conversion: _, ...missing } = w1;
    expectCode(
      () =>
        solveFor(revenueModel(), { output: "revenue", target: 1, vary: "newAov", inputs: missing }),
      "MISSING_INPUT",
    );
    expectCode(
      () =>
        solveFor(revenueModel(), {
          output: "revenue",
          target: 1,
          vary: "newAov",
          inputs: { ...w1, conversion: 2 },
        }),
      "OUT_OF_BOUNDS",
    );
    expectCode(
      () =>
        solveFor(revenueModel(), {
          output: "revenue",
          target: 1,
          vary: "newAov",
          inputs: { ...w1, newCustomers: 600.5 },
        }),
      "NOT_A_WHOLE_NUMBER",
    );
  });

  it("treats __proto__ and constructor as ordinary names", () => {
    const model = defineModel({ total: "__proto__ * constructor" });
    const inputs = JSON.parse('{"__proto__": 4, "constructor": 5}') as Record<string, number>;
    const answer = solveFor(model, { output: "total", target: 100, vary: "constructor", inputs });
    expect(answer.value.toString()).toBe("25");
  });

  it("never mutates its inputs", () => {
    const inputs = Object.freeze({ ...w1 });
    const options = Object.freeze({
      output: "revenue",
      target: "1.2亿",
      vary: "newCustomers",
      inputs,
    });
    expect(solveFor(revenueModel(), options).value.toString()).toBe("58200");
    expect(inputs).toEqual(w1);
  });

  describe("properties", () => {
    // Decimals with few digits, so + − × are exact; divisors are powers of 2 and 5 (exact quotients).
    const small = fc
      .integer({ min: -99999, max: 99999 })
      .filter((n) => n !== 0)
      .chain((n) => fc.constantFrom(0, 1, 2).map((places) => new Decimal(n).div(10 ** places)));
    const divisor = fc.constantFrom("2", "4", "5", "8", "0.5", "0.25", "1.25", "-2", "10");
    const step = fc.oneof(
      fc.record({ op: fc.constantFrom("+", "-", "*", "r+", "r-", "r*"), a: small }),
      fc.record({ op: fc.constant("/"), a: divisor.map((text) => new Decimal(text)) }),
      fc.record({ op: fc.constant("neg"), a: fc.constant(new Decimal(1)) }),
    );
    const build = (steps: readonly { op: string; a: Decimal }[]) => {
      const formulas: Record<string, string> = {};
      let previous = "x";
      steps.forEach(({ op, a }, index) => {
        const constant = a.isNegative() ? `(${a.toString()})` : a.toString();
        const name = `n${index}`;
        formulas[name] =
          op === "neg"
            ? `-${previous}`
            : op.startsWith("r")
              ? `${constant} ${op.slice(1)} ${previous}`
              : `${previous} ${op} ${constant}`;
        previous = name;
      });
      return { model: defineModel(formulas), output: previous };
    };

    it("evaluate at the algebraic answer reproduces the target exactly", () => {
      fc.assert(
        fc.property(fc.array(step, { minLength: 1, maxLength: 6 }), small, (steps, answer) => {
          const { model, output } = build(steps);
          const target = evaluate(model, { x: answer })[output]!;
          const solved = solveFor(model, { output, target, vary: "x", inputs: { x: 1 } });
          expect(solved.method).toBe("algebraic");
          expect(evaluate(model, { x: solved.value })[output]!).toEqualDecimal(target);
          expect(solved.residual).toEqualDecimal(0);
        }),
        { numRuns: runs(150) },
      );
    });

    it("evaluate at the numeric answer reproduces the target within the tolerance", () => {
      const model = defineModel({ y: "max(x, -1000) ^ 3 + slope * x + shift" });
      fc.assert(
        fc.property(
          fc.integer({ min: -500, max: 500 }),
          fc.integer({ min: 1, max: 50 }),
          fc.integer({ min: -1000, max: 1000 }),
          fc.integer({ min: -300, max: 300 }),
          (root, slope, shift, start) => {
            const inputs = { x: start, slope, shift };
            const target = evaluate(model, { ...inputs, x: new Decimal(root).div(7) }).y!;
            const solved = solveFor(model, { output: "y", target, vary: "x", inputs });
            expect(solved.method).toBe("numeric");
            const achieved = evaluate(model, { ...inputs, x: solved.value }).y!;
            const tolerance = Decimal.max(1, target.abs()).times("1e-30");
            expect(achieved.minus(target).abs().lte(tolerance)).toBe(true);
          },
        ),
        { numRuns: runs(100) },
      );
    });

    it("a whole-number answer always reaches the target", () => {
      fc.assert(
        fc.property(fc.integer({ min: 4_800_000, max: 500_000_000 }), (target) => {
          const solved = solveFor(revenueModel(), {
            output: "revenue",
            target,
            vary: "newCustomers",
            inputs: w1,
          });
          expect(solved.value.isInteger()).toBe(true);
          expect(solved.achieved.gte(target)).toBe(true);
          expect(solved.value.minus(solved.unrounded).lt(1)).toBe(true);
        }),
        { numRuns: runs(100) },
      );
    });
  });
});

describe("solveFor when every value reaches the target", () => {
  it("answers with a value where the output is defined, not the pole at the current value", () => {
    // 0 / x is 0 for every x but 0, and the current x is 0.
    const model = defineModel({ y: "a / x" });
    const solved = solveFor(model, { output: "y", vary: "x", target: 0, inputs: { x: 0, a: 0 } });
    expect(solved.value.toString()).toBe("1");
    expect(solved.method).toBe("algebraic");
    expect(solved.reason).toMatch(/every value reaches the target/);
    expect(evaluate(model, { x: solved.value, a: 0 }).y?.toString()).toBe("0");
    // With bounds, the lower bound is the next candidate when the current value is the pole.
    const bounded = defineModel({ y: "a / x" }, { inputs: { x: { min: -5, max: 9 } } });
    expect(
      solveFor(bounded, {
        output: "y",
        vary: "x",
        target: 0,
        inputs: { x: 0, a: 0 },
      }).value.toString(),
    ).toBe("-5");
  });

  it("never gives a negative zero, rounded or not", () => {
    const solved = solveFor(defineModel({ y: "x * x" }), {
      output: "y",
      vary: "x",
      target: 0,
      inputs: { x: 3 },
    });
    expect(solved.value.isZero() && !solved.value.isNegative()).toBe(true);
    expect(solved.unrounded.isZero() && !solved.unrounded.isNegative()).toBe(true);
  });

  const zeroProduct = defineModel({ y: "x * a" });

  it("gives the lower bound, not a current value below it", () => {
    const answer = solveFor(zeroProduct, {
      output: "y",
      vary: "x",
      target: 0,
      inputs: { x: 1, a: 0 },
      min: 5,
    });
    expect(answer.value.toString()).toBe("5");
    expect(answer.reason).toBe(
      "every value reaches the target: the other factors multiply to 0, so every value gives 0",
    );
  });

  it("gives the upper bound, not a current value above it", () => {
    const answer = solveFor(zeroProduct, {
      output: "y",
      vary: "x",
      target: 0,
      inputs: { x: 1, a: 0 },
      max: 0.5,
    });
    expect(answer.value.toString()).toBe("0.5");
  });
});

describe("solveFor: option errors", () => {
  const model = defineModel({ y: "x * a" });
  const inputs = { x: 1, a: 1 };

  it("names solveFor when the options are not an object", () => {
    const error = expectCode(() => solveFor(model, null as never), "INVALID_ARGUMENT", ["options"]);
    expect(error.message).toMatch(/solveFor needs an options object, got null/);
  });

  it("points at output for an unknown output", () => {
    expectCode(
      () => solveFor(model, { output: "nope" as never, vary: "x", target: 1, inputs }),
      "UNKNOWN_NODE",
      ["options", "output"],
    );
  });

  it("points at vary for an unknown input", () => {
    expectCode(
      () => solveFor(model, { output: "y", vary: "nope" as never, target: 1, inputs }),
      "UNKNOWN_NODE",
      ["options", "vary"],
    );
  });

  it.each(["min", "max"] as const)("points at %s for a bound that is not a number", (key) => {
    const error = expectCode(
      () => solveFor(model, { output: "y", vary: "x", target: 1, inputs, [key]: "abc" }),
      "INVALID_NUMBER",
      ["options", key],
    );
    expect(error.message).toMatch(/"abc" is not an amount/);
  });
});
