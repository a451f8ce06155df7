import fc from "fast-check";
import { defineModel, evaluate, revenueModel, sensitivity } from "targetree";
import { describe, expect, it } from "vitest";
import { Decimal } from "../../src/_lib/decimal.js";
import { expectCode } from "../_support/errors.js";
import { runs } from "../_support/runs.js";
import { w1 } from "../_support/w1.js";

describe("sensitivity", () => {
  it("gives the W1 tornado: each returning driver moves revenue 36,000 per 1%, each new driver 12,000", () => {
    const result = sensitivity(revenueModel(), { output: "revenue", inputs: w1 });
    expect(result.base.toString()).toBe("4800000");
    expect(result.step.toString()).toBe("0.01");
    expect(result.stepKind).toBe("relative");
    expect(result.entries.map((entry) => entry.input)).toEqual([
      "returningCustomers",
      "repurchase",
      "returningAov",
      "newCustomers",
      "conversion",
      "newAov",
    ]);
    const first = result.entries[0]!;
    expect(first.value.toString()).toBe("1500");
    expect(first.stepped.toString()).toBe("1515");
    expect(first.output.toString()).toBe("4836000");
    expect(first.change.toString()).toBe("36000");
    expect(first.changeDown.toString()).toBe("-36000");
    expect(first.changeRate?.toString()).toBe("0.0075");
    expect(first.elasticity?.toString()).toBe("0.75");
    expect(first.withinBounds).toBe(true);
    expect(result.entries[5]!.elasticity?.toString()).toBe("0.25");
  });

  it("takes an absolute step and a chosen list of inputs", () => {
    const result = sensitivity(revenueModel(), {
      output: "revenue",
      inputs: w1,
      step: 100,
      stepKind: "absolute",
      vary: ["newCustomers", "returningCustomers"],
    });
    expect(result.entries.map((entry) => [entry.input, entry.change.toString()])).toEqual(
      [
        ["newCustomers", "200000"],
        ["returningCustomers", "240000"],
      ].sort((a, b) => Number(b[1]) - Number(a[1])),
    );
  });

  it("explains a zero input instead of dividing by zero", () => {
    const result = sensitivity(revenueModel(), {
      output: "revenue",
      inputs: { ...w1, newCustomers: 0 },
    });
    const zero = result.entries.find((entry) => entry.input === "newCustomers")!;
    expect(zero.change.toString()).toBe("0");
    expect(zero.elasticity).toBeNull();
    expect(zero.reason).toMatch(/relative step does not move it/);
    const absolute = sensitivity(revenueModel(), {
      output: "revenue",
      inputs: { ...w1, newCustomers: 0 },
      step: 1,
      stepKind: "absolute",
    }).entries.find((entry) => entry.input === "newCustomers")!;
    expect(absolute.change.toString()).toBe("2000");
    expect(absolute.elasticity).toBeNull();
  });

  it("gives a null rate and elasticity when the output is 0", () => {
    const result = sensitivity(defineModel({ y: "a * b" }), {
      output: "y",
      inputs: { a: 0, b: 5 },
    });
    const b = result.entries.find((entry) => entry.input === "b")!;
    expect(b.changeRate).toBeNull();
    expect(b.elasticity).toBeNull();
    expect(b.reason).toMatch(/output is 0/);
  });

  it("flags steps that leave the input's bounds", () => {
    const result = sensitivity(revenueModel(), {
      output: "revenue",
      inputs: { ...w1, conversion: 1 },
    });
    expect(result.entries.find((entry) => entry.input === "conversion")!.withinBounds).toBe(false);
    expect(result.entries.find((entry) => entry.input === "newAov")!.withinBounds).toBe(true);
  });

  it("throws INVALID_ARGUMENT for a zero step, an unknown stepKind or an empty list", () => {
    const bad = (options: object) =>
      expectCode(
        () => sensitivity(revenueModel(), { output: "revenue", inputs: w1, ...options }),
        "INVALID_ARGUMENT",
      );
    bad({ step: 0 });
    bad({ stepKind: "percent" });
    bad({ vary: [] });
    bad({ vary: ["revenue"] });
    expectCode(
      () => sensitivity(revenueModel(), { output: "revenue", inputs: w1, step: "abc" }),
      "INVALID_NUMBER",
    );
  });

  it("throws UNKNOWN_NODE and MISSING_INPUT for bad names and inputs", () => {
    expectCode(
      () => sensitivity(revenueModel(), { output: "profit" as never, inputs: w1 }),
      "UNKNOWN_NODE",
    );
    expectCode(
      () => sensitivity(revenueModel(), { output: "revenue", inputs: w1, vary: ["x" as never] }),
      "UNKNOWN_NODE",
    );
    const { newAov: _, ...missing } = w1;
    expectCode(
      () => sensitivity(revenueModel(), { output: "revenue", inputs: missing as never }),
      "MISSING_INPUT",
    );
  });

  it("passes on a formula's own error when a step makes it undefined", () => {
    const model = defineModel({ y: "1 / (x - 1.01)" });
    expectCode(() => sensitivity(model, { output: "y", inputs: { x: 1 } }), "DIVISION_BY_ZERO");
  });

  it("never mutates its inputs", () => {
    const inputs = Object.freeze({ ...w1 });
    const vary = Object.freeze(["newAov"]);
    sensitivity(revenueModel(), Object.freeze({ output: "revenue", inputs, vary }) as never);
    expect(inputs).toEqual(w1);
  });

  describe("properties", () => {
    it("the elasticity of a pure product is each factor's exponent for a small step", () => {
      const model = defineModel({ y: "a * b ^ 2 / c" });
      const positive = fc.integer({ min: 1, max: 100000 });
      fc.assert(
        fc.property(positive, positive, positive, (a, b, c) => {
          const result = sensitivity(model, { output: "y", inputs: { a, b, c }, step: "1e-20" });
          const of = (name: string) =>
            result.entries.find((entry) => entry.input === name)!.elasticity!;
          expect(of("a").minus(1).abs().lt("1e-15")).toBe(true);
          expect(of("b").minus(2).abs().lt("1e-15")).toBe(true);
          expect(of("c").plus(1).abs().lt("1e-15")).toBe(true);
        }),
        { numRuns: runs(100) },
      );
    });

    it("each change is the output at the stepped value minus the base, sorted by size", () => {
      const model = defineModel({
        revenue:
          "newCustomers * conversion * newAov + returningCustomers * repurchase * returningAov",
      });
      fc.assert(
        fc.property(
          fc.integer({ min: 1, max: 10000 }),
          fc.integer({ min: 1, max: 20 }),
          (count, percent) => {
            const inputs = { ...w1, newCustomers: count };
            const step = new Decimal(percent).div(100);
            const result = sensitivity(model, { output: "revenue", inputs, step });
            const base = evaluate(model, inputs).revenue!;
            for (const entry of result.entries) {
              const stepped = evaluate(model, { ...inputs, [entry.input]: entry.stepped }).revenue!;
              expect(stepped.minus(base)).toEqualDecimal(entry.change);
            }
            const sizes = result.entries.map((entry) => entry.change.abs());
            sizes.slice(1).forEach((size, index) => {
              expect(size.lte(sizes[index]!)).toBe(true);
            });
          },
        ),
        { numRuns: runs(100) },
      );
    });
  });
});

const one = (options: object, inputs: object = w1) =>
  sensitivity(revenueModel(), { output: "revenue", inputs, ...options } as never).entries[0]!;

describe("sensitivity: steps", () => {
  it("steps an absolute amount up and down, with the elasticity of that step", () => {
    const entry = one({ step: 100, stepKind: "absolute", vary: ["newCustomers"] });
    expect(entry.stepped.toString()).toBe("700");
    expect(entry.output.toString()).toBe("5000000");
    expect(entry.change.toString()).toBe("200000");
    expect(entry.changeDown.toString()).toBe("-200000");
    expect(entry.changeRate?.toFixed(6)).toBe("0.041667");
    expect(entry.elasticity?.toString()).toBe("0.25");
    expect(entry.withinBounds).toBe(true);
    expect(entry.reason).toBeNull();
  });

  it("takes a negative relative step", () => {
    const entry = one({ step: "-0.01", vary: ["newCustomers"] });
    expect(entry.stepped.toString()).toBe("594");
    expect(entry.change.toString()).toBe("-12000");
    expect(entry.changeDown.toString()).toBe("12000");
    expect(entry.elasticity?.toString()).toBe("0.25");
  });

  it("explains a zero input under an absolute step, and flags the step below its minimum", () => {
    const entry = one(
      { step: 1, stepKind: "absolute", vary: ["newCustomers"] },
      { ...w1, newCustomers: 0 },
    );
    expect(entry.change.toString()).toBe("2000");
    expect(entry.changeDown.toString()).toBe("-2000");
    expect(entry.elasticity).toBeNull();
    expect(entry.withinBounds).toBe(false);
    expect(entry.reason).toBe(
      "the input is 0, so its relative change (and elasticity) is undefined",
    );
    const relative = one({ vary: ["newCustomers"] }, { ...w1, newCustomers: 0 });
    expect(relative.reason).toBe(
      'the input is 0, so a relative step does not move it; use stepKind "absolute"',
    );
  });

  it("flags a step that makes a whole-number input a fraction", () => {
    const entry = one({ vary: ["newCustomers"] }, { ...w1, newCustomers: 601 });
    expect(entry.stepped.toString()).toBe("607.01");
    expect(entry.withinBounds).toBe(false);
  });
});

describe("sensitivity: option messages", () => {
  it("says what is wrong, and where", () => {
    expect(
      expectCode(() => one({ step: 0 }), "INVALID_ARGUMENT", ["options", "step"]).message,
    ).toContain("step must not be 0.");
    expect(
      expectCode(() => one({ stepKind: "percent" }), "INVALID_ARGUMENT", ["options", "stepKind"])
        .message,
    ).toContain('stepKind must be "relative" or "absolute", got the string "percent".');
    expect(
      expectCode(() => sensitivity(revenueModel(), null as never), "INVALID_ARGUMENT", ["options"])
        .message,
    ).toContain("sensitivity needs an options object, got null.");
    expectCode(() => one({ step: "abc" }), "INVALID_NUMBER", ["options", "step"]);
    expectCode(() => one({ vary: ["revenue"] }), "INVALID_ARGUMENT", ["options", "vary", 0]);
  });

  const model = defineModel({ y: "x * a" });

  it("points at output for an unknown output", () => {
    expectCode(
      () => sensitivity(model, { output: "nope" as never, inputs: { x: 1, a: 1 } }),
      "UNKNOWN_NODE",
      ["options", "output"],
    );
  });

  it("points at inputs.<name> for a missing input", () => {
    expectCode(
      () => sensitivity(model, { output: "y", inputs: { x: 1 } as never }),
      "MISSING_INPUT",
      ["options", "inputs", "a"],
    );
  });
});
