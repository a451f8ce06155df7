import { Decimal as DecimalJs } from "decimal.js";
import fc from "fast-check";
import { attribute, defineModel, evaluate, MAX_SHAPLEY_INPUTS, revenueModel } from "targetree";
import { describe, expect, it } from "vitest";
import { Decimal } from "../../src/_lib/decimal.js";
import { expectCode } from "../_support/errors.js";
import { runs } from "../_support/runs.js";
import { w1 as stated } from "../_support/w1.js";

// A private high-precision clone, only to check sums exactly in the tests.
const Exact = DecimalJs.clone({ precision: 4000 });
const exactSum = (values: readonly Decimal[]) =>
  values.reduce((sum, value) => sum.plus(value.toString()), new Exact(0));

const x1 = defineModel({ materialCost: "output * usage * price" });
const plan = { output: 130, usage: 10, price: 4 };
const actual = { output: 140, usage: 9, price: 5 };
const amounts = (result: { contributions: readonly { contribution: Decimal }[] }) =>
  result.contributions.map((entry) => entry.contribution.toFixed(2));

describe("attribute", () => {
  it("gives X1 chain substitution output → usage → price: +400, −560, +1,260, with the textbook table", () => {
    const result = attribute(x1, { output: "materialCost", base: plan, actual });
    expect(result.method).toBe("chain");
    expect(result.base.toString()).toBe("5200");
    expect(result.actual.toString()).toBe("6300");
    expect(result.change.toString()).toBe("1100");
    expect(result.order).toEqual(["output", "usage", "price"]);
    expect(
      result.contributions.map((entry) => [entry.input, entry.contribution.toString()]),
    ).toEqual([
      ["output", "400"],
      ["usage", "-560"],
      ["price", "1260"],
    ]);
    expect(
      result.steps.map((row) => [
        row.step,
        row.input,
        row.output.toString(),
        row.change.toString(),
      ]),
    ).toEqual([
      [0, null, "5200", "0"],
      [1, "output", "5600", "400"],
      [2, "usage", "5040", "-560"],
      [3, "price", "6300", "1260"],
    ]);
    expect(
      Object.entries(result.steps[2]!.values).map(([name, value]) => [name, value.toString()]),
    ).toEqual([
      ["output", "140"],
      ["usage", "9"],
      ["price", "4"],
    ]);
    expect(result.residual.toString()).toBe("0");
    expect(result.contributions[0]!.share?.toFixed(6)).toBe("0.363636");
  });

  it("gives X1 chain output → price → usage: +400, +1,400, −700 (the order matters)", () => {
    const result = attribute(x1, {
      output: "materialCost",
      base: plan,
      actual,
      order: ["output", "price", "usage"],
    });
    expect(
      result.contributions.map((entry) => [entry.input, entry.contribution.toString()]),
    ).toEqual([
      ["output", "400"],
      ["price", "1400"],
      ["usage", "-700"],
    ]);
  });

  it("completes a partial order with the rest in declaration order", () => {
    const result = attribute(x1, { output: "materialCost", base: plan, actual, order: ["price"] });
    expect(result.order).toEqual(["price", "output", "usage"]);
  });

  it("equals the difference method (差额分析法) for a product", () => {
    const result = attribute(x1, { output: "materialCost", base: plan, actual });
    expect(amounts(result)).toEqual([
      ((140 - 130) * 10 * 4).toFixed(2),
      (140 * (9 - 10) * 4).toFixed(2),
      (140 * 9 * (5 - 4)).toFixed(2),
    ]);
  });

  it("gives X1 Shapley: +426.67, −608.33, +1,281.67, exact fractions, summing to 1,100 exactly", () => {
    const result = attribute(x1, { output: "materialCost", base: plan, actual, method: "shapley" });
    expect(amounts(result)).toEqual(["426.67", "-608.33", "1281.67"]);
    expect(result.contributions.map((entry) => entry.exact)).toEqual([
      "1280/3",
      "-1825/3",
      "3845/3",
    ]);
    expect(exactSum(result.contributions.map((entry) => entry.contribution)).toString()).toBe(
      "1100",
    );
    expect(result.steps).toEqual([]);
    expect(result.evaluations).toBe(8);
    expect(result.residual.abs().lte("1e-59")).toBe(true);
  });

  it("gives X1 LMDI: +424.82, −603.97, +1,279.15, summing to 1,100 exactly", () => {
    const result = attribute(x1, { output: "materialCost", base: plan, actual, method: "lmdi" });
    expect(amounts(result)).toEqual(["424.82", "-603.97", "1279.15"]);
    expect(exactSum(result.contributions.map((entry) => entry.contribution)).toString()).toBe(
      "1100",
    );
    expect(result.contributions.every((entry) => entry.exact === null)).toBe(true);
  });

  it("handles LMDI with no change (the logarithmic mean's limit) and with divisors and powers", () => {
    const same = attribute(x1, {
      output: "materialCost",
      base: plan,
      actual: plan,
      method: "lmdi",
    });
    expect(same.change.toString()).toBe("0");
    expect(same.contributions.every((entry) => entry.contribution.isZero())).toBe(true);
    expect(same.contributions[0]!.share).toBeNull();
    const model = defineModel({ perHead: "2 * revenue / staff ^ 2" });
    const result = attribute(model, {
      output: "perHead",
      base: { revenue: 100, staff: 2 },
      actual: { revenue: 300, staff: 3 },
      method: "lmdi",
    });
    expect(exactSum(result.contributions.map((entry) => entry.contribution))).toEqualDecimal(
      result.change,
    );
    expect(result.contributions[0]!.contribution.isPositive()).toBe(true);
    expect(result.contributions[1]!.contribution.isNegative()).toBe(true);
  });

  it("attributes through intermediate nodes and gives unchanged inputs 0", () => {
    const result = attribute(revenueModel(), {
      output: "revenue",
      base: {
        newCustomers: 600,
        conversion: 0.25,
        newAov: 8000,
        returningCustomers: 1500,
        repurchase: 0.4,
        returningAov: 6000,
      },
      actual: {
        newCustomers: 700,
        conversion: 0.25,
        newAov: 8000,
        returningCustomers: 1500,
        repurchase: 0.5,
        returningAov: 6000,
      },
      method: "shapley",
    });
    expect(result.change.toString()).toBe("1100000");
    expect(result.contributions.map((entry) => entry.contribution.toString())).toEqual([
      "200000",
      "0",
      "0",
      "0",
      "900000",
      "0",
    ]);
    expect(result.evaluations).toBe(4);
  });

  it("throws METHOD_NOT_APPLICABLE for LMDI on what is not a sum of products or on a non-positive factor, saying why", () => {
    const division = expectCode(
      () =>
        attribute(defineModel({ y: "a / (b + c)" }), {
          output: "y",
          base: { a: 1, b: 2, c: 3 },
          actual: { a: 2, b: 2, c: 3 },
          method: "lmdi",
        }),
      "METHOD_NOT_APPLICABLE",
      ["options", "method"],
    );
    expect(division.message).toMatch(/divides by a sum/);
    const zero = expectCode(
      () =>
        attribute(x1, {
          output: "materialCost",
          base: { ...plan, usage: 0 },
          actual,
          method: "lmdi",
        }),
      "METHOD_NOT_APPLICABLE",
    );
    expect(zero.message).toMatch(/must be positive/);
    expect(zero.path).toEqual(["options", "base", "usage"]);
    expectCode(
      () =>
        attribute(x1, {
          output: "materialCost",
          base: plan,
          actual: { ...actual, price: -5 },
          method: "lmdi",
        }),
      "METHOD_NOT_APPLICABLE",
      ["options", "actual", "price"],
    );
    const returning = expectCode(
      () =>
        attribute(revenueModel(), {
          output: "revenue",
          base: { ...stated, returningCustomers: 0 },
          actual: stated,
          method: "lmdi",
        }),
      "METHOD_NOT_APPLICABLE",
      ["options", "base", "returningCustomers"],
    );
    expect(returning.message).toContain(
      "(in the term returningCustomers × repurchase × returningAov)",
    );
    expectCode(
      () =>
        attribute(defineModel({ y: "max(a, 1) * b" }), {
          output: "y",
          base: { a: 1, b: 2 },
          actual: { a: 2, b: 2 },
          method: "lmdi",
        }),
      "METHOD_NOT_APPLICABLE",
    );
  });

  it("throws TOO_MANY_INPUTS for Shapley above 12 changed inputs, unless the limit is raised", () => {
    const names = Array.from({ length: 13 }, (_, index) => `x${index}`);
    const model = defineModel({ y: names.join(" + ") });
    const base = Object.fromEntries(names.map((name) => [name, 1]));
    const changed = Object.fromEntries(names.map((name, index) => [name, index + 2]));
    const error = expectCode(
      () => attribute(model, { output: "y", base, actual: changed, method: "shapley" }),
      "TOO_MANY_INPUTS",
    );
    expect(error.details).toEqual({ inputs: 13, limit: 12 });
    const raised = attribute(model, {
      output: "y",
      base,
      actual: changed,
      method: "shapley",
      maxShapleyInputs: 13,
    });
    expect(raised.contributions.map((entry) => entry.contribution.toString())).toEqual(
      names.map((_, index) => String(index + 1)),
    );
    expect(
      attribute(model, { output: "y", base, actual: { ...base, x0: 5 }, method: "shapley" })
        .evaluations,
    ).toBe(2);
  });

  it("throws INVALID_ARGUMENT for an unknown method, a bad order or a bad limit", () => {
    const bad = (options: object) =>
      expectCode(
        () => attribute(x1, { output: "materialCost", base: plan, actual, ...options }),
        "INVALID_ARGUMENT",
      );
    bad({ method: "average" });
    bad({ order: ["output", "output"] });
    bad({ order: [] });
    bad({ order: "output" });
    bad({ maxShapleyInputs: 17 });
    bad({ base: [1, 2] });
    const model = defineModel({ y: "a * b", z: "c" });
    expectCode(
      () =>
        attribute(model, {
          output: "y",
          base: { a: 1, b: 1, c: 1 },
          actual: { a: 1, b: 2, c: 1 },
          order: ["c"],
        }),
      "INVALID_ARGUMENT",
    );
    expectCode(
      () =>
        attribute(x1, {
          output: "materialCost",
          base: plan,
          actual,
          order: ["materialCost" as never],
        }),
      "INVALID_ARGUMENT",
    );
  });

  it("throws UNKNOWN_NODE, MISSING_INPUT, INVALID_NUMBER and OUT_OF_BOUNDS for bad names and values", () => {
    expectCode(
      () => attribute(x1, { output: "cost" as never, base: plan, actual }),
      "UNKNOWN_NODE",
    );
    expectCode(
      () =>
        attribute(x1, { output: "materialCost", base: plan, actual, order: ["volume" as never] }),
      "UNKNOWN_NODE",
    );
    expectCode(
      () =>
        attribute(x1, { output: "materialCost", base: { output: 1, usage: 2 } as never, actual }),
      "MISSING_INPUT",
    );
    const error = expectCode(
      () =>
        attribute(x1, { output: "materialCost", base: plan, actual: { ...actual, price: "five" } }),
      "INVALID_NUMBER",
    );
    expect(error.path).toEqual(["options", "actual", "price"]);
    const w1 = {
      newCustomers: 600,
      conversion: 0.25,
      newAov: 8000,
      returningCustomers: 1500,
      repurchase: 0.4,
      returningAov: 6000,
    };
    expectCode(
      () =>
        attribute(revenueModel(), {
          output: "revenue",
          base: w1,
          actual: { ...w1, conversion: 1.5 },
        }),
      "OUT_OF_BOUNDS",
    );
  });

  it("never mutates its inputs", () => {
    const base = Object.freeze({ ...plan });
    const after = Object.freeze({ ...actual });
    const order = Object.freeze(["price", "usage", "output"]);
    for (const method of ["chain", "shapley", "lmdi"] as const) {
      attribute(
        x1,
        Object.freeze({ output: "materialCost", base, actual: after, method, order }) as never,
      );
    }
    expect(base).toEqual(plan);
    expect(after).toEqual(actual);
  });

  describe("properties", () => {
    const amount = fc
      .integer({ min: 1, max: 999999 })
      .chain((n) =>
        fc.constantFrom(0, 1, 2).map((places) => new DecimalJs(n).div(10 ** places).toString()),
      );
    const signedAmount = fc
      .tuple(amount, fc.boolean())
      .map(([text, negative]) => (negative ? `-${text}` : text));
    const mixed = defineModel({ y: "a * b + c / d - e ^ 2" });
    const mixedValues = fc.record({
      a: signedAmount,
      b: signedAmount,
      c: signedAmount,
      d: amount,
      e: signedAmount,
    });
    const productValues = fc.record({ output: amount, usage: amount, price: amount });
    const permutations = (items: readonly string[]): string[][] =>
      items.length <= 1
        ? [[...items]]
        : items.flatMap((item, index) =>
            permutations([...items.slice(0, index), ...items.slice(index + 1)]).map((rest) => [
              item,
              ...rest,
            ]),
          );

    it("every method's contributions sum exactly to the change", () => {
      fc.assert(
        fc.property(
          productValues,
          productValues,
          fc.constantFrom("chain", "shapley", "lmdi"),
          (base, after, method) => {
            const result = attribute(x1, { output: "materialCost", base, actual: after, method });
            const change = evaluate(x1, after).materialCost!.minus(
              evaluate(x1, base).materialCost!,
            );
            expect(result.change).toEqualDecimal(change);
            expect(
              exactSum(result.contributions.map((entry) => entry.contribution)),
            ).toEqualDecimal(result.change.toString());
          },
        ),
        { numRuns: runs(80) },
      );
      fc.assert(
        fc.property(
          mixedValues,
          mixedValues,
          fc.constantFrom("chain", "shapley"),
          (base, after, method) => {
            const order = method === "chain" ? (["e", "c", "a", "d", "b"] as const) : undefined;
            const result = attribute(mixed, {
              output: "y",
              base,
              actual: after,
              method,
              ...(order ? { order } : {}),
            });
            expect(
              exactSum(result.contributions.map((entry) => entry.contribution)),
            ).toEqualDecimal(result.change.toString());
          },
        ),
        { numRuns: runs(100) },
      );
    });

    // Without division every chain step is exact, so `exact` must equal Σ chains / 4! exactly; with
    // division the chain steps are rounded to 64 digits, and only the 1e-60 agreement below holds
    // (the `exact` field is not exact for a model that divides: a known fault, issue "Bounded cost").
    for (const formula of ["a * b + c * d", "a * b + c / d"]) {
      it(`Shapley equals the average of the chain over all orders (${formula})`, () => {
        const model = defineModel({ y: formula });
        const divides = formula.includes("/");
        const values = fc.record({ a: signedAmount, b: signedAmount, c: signedAmount, d: amount });
        fc.assert(
          fc.property(values, values, (base, after) => {
            const shapley = attribute(model, {
              output: "y",
              base,
              actual: after,
              method: "shapley",
            });
            const orders = permutations(["a", "b", "c", "d"]);
            const totals = new Map<string, InstanceType<typeof Exact>>();
            for (const order of orders) {
              for (const entry of attribute(model, {
                output: "y",
                base,
                actual: after,
                order: order as never,
              }).contributions) {
                totals.set(
                  entry.input,
                  (totals.get(entry.input) ?? new Exact(0)).plus(entry.contribution.toString()),
                );
              }
            }
            for (const entry of shapley.contributions) {
              const [numerator, denominator = "1"] = entry.exact!.split("/");
              // exact: Σ chains / 4! = numerator / denominator
              if (!divides) {
                expect(totals.get(entry.input)!.times(denominator)).toEqualDecimal(
                  new Exact(numerator!).times(orders.length),
                );
              }
              const average = totals.get(entry.input)!.div(orders.length);
              // Each chain step rounds c / d to 64 digits, so the error scales with the terms
              // themselves, not with the change (a * b can cancel c / d).
              const terms = [base, after].flatMap((v) => [
                new Exact(v.a).times(v.b).abs(),
                divides ? new Exact(v.c).div(v.d).abs() : new Exact(v.c).times(v.d).abs(),
              ]);
              const scale = Exact.max(1, average.abs(), shapley.change.abs().toString(), ...terms);
              expect(
                average.minus(entry.contribution.toString()).abs().lte(scale.times("1e-60")),
              ).toBe(true);
            }
          }),
          { numRuns: runs(40) },
        );
      });
    }

    it("Shapley gives symmetric inputs the same value", () => {
      const model = defineModel({ y: "a * b + c + a + b" });
      fc.assert(
        fc.property(signedAmount, signedAmount, signedAmount, signedAmount, (u, v, c0, c1) => {
          const result = attribute(model, {
            output: "y",
            base: { a: u, b: u, c: c0 },
            actual: { a: v, b: v, c: c1 },
            method: "shapley",
          });
          const [a, b] = result.contributions;
          expect(a!.exact).toBe(b!.exact);
          const scale = DecimalJs.max(1, result.change.abs());
          expect(a!.contribution.minus(b!.contribution).abs().lte(scale.times("1e-60"))).toBe(true);
        }),
        { numRuns: runs(150) },
      );
    });

    it("LMDI gives each factor the sign of its change", () => {
      fc.assert(
        fc.property(productValues, productValues, (base, after) => {
          const result = attribute(x1, {
            output: "materialCost",
            base,
            actual: after,
            method: "lmdi",
          });
          for (const entry of result.contributions) {
            const direction = entry.actual.cmp(entry.base);
            if (entry.contribution.abs().gt(result.residual.abs())) {
              expect(
                entry.contribution.isZero() ? 0 : entry.contribution.isPositive() ? 1 : -1,
              ).toBe(direction);
            }
          }
        }),
        { numRuns: runs(60) },
      );
    });
  });
});

describe("attribute: option errors", () => {
  const model = defineModel({ y: "x * a" });
  const values = { x: 1, a: 1 };

  it("points at base.<name> for an input missing from base", () => {
    expectCode(
      () => attribute(model, { output: "y", base: { x: 1 } as never, actual: values }),
      "MISSING_INPUT",
      ["options", "base", "a"],
    );
  });

  it("points at order when it is not a list", () => {
    const error = expectCode(
      () => attribute(model, { output: "y", base: values, actual: values, order: "x" as never }),
      "INVALID_ARGUMENT",
      ["options", "order"],
    );
    expect(error.message).toMatch(/Expected a list of input names/);
  });

  it("says what is wrong with the options, and where", () => {
    const bad = (options: object) => () =>
      attribute(x1, { output: "materialCost", base: plan, actual, ...options });
    expect(
      expectCode(bad({ method: "average" }), "INVALID_ARGUMENT", ["options", "method"]).message,
    ).toMatch(/method must be "chain" or "shapley" or "lmdi", got/);
    expect(
      expectCode(bad({ maxShapleyInputs: 17 }), "INVALID_ARGUMENT", ["options", "maxShapleyInputs"])
        .message,
    ).toMatch(/Expected a whole number from 1 to 16, got/);
    expect(
      attribute(x1, {
        output: "materialCost",
        base: plan,
        actual,
        maxShapleyInputs: 16,
        method: "shapley",
      }).change.toString(),
    ).toBe("1100");
    const unread = expectCode(
      () =>
        attribute(defineModel({ y: "a * b", z: "c" }), {
          output: "y",
          base: { a: 1, b: 1, c: 1 },
          actual: { a: 1, b: 2, c: 1 },
          order: ["a", "c"],
        }),
      "INVALID_ARGUMENT",
      ["options", "order", 1],
    );
    expect(unread.message).toMatch(
      /c.* is not read by the output, so it has no place in the order\./,
    );
    expect(
      expectCode(bad({ output: 3 }), "INVALID_ARGUMENT", ["options", "output"]).message,
    ).toMatch(/Expected a node name \(a string\), got/);
    expect(
      expectCode(() => attribute(x1, "materialCost" as never), "INVALID_ARGUMENT", ["options"])
        .message,
    ).toMatch(/attribute needs an options object, got/);
  });
});

type Values = Record<string, number>;

/** The exact sum of some decimals, as text. */
const exactSumOf = (values: readonly Decimal[]): string =>
  values.reduce((sum, value) => sum.plus(value), new Decimal(0)).toString();

describe("attribute: Shapley and chain details", () => {
  it("gives a changed input with no effect an exact 0", () => {
    const result = attribute(defineModel({ y: "a * c + b" }), {
      output: "y",
      base: { a: 1, b: 1, c: 0 },
      actual: { a: 5, b: 3, c: 0 },
      method: "shapley",
    });
    expect(
      result.contributions.map((entry) => [
        entry.input,
        entry.contribution.toString(),
        entry.exact,
      ]),
    ).toEqual([
      ["a", "0", "0"],
      ["c", "0", "0"],
      ["b", "2", "2"],
    ]);
    expect(result.contributions.map((entry) => entry.share?.toString() ?? null)).toEqual([
      "0",
      "0",
      "1",
    ]);
    expect(result.residual.toString()).toBe("0");
  });

  it("hands Shapley's rounding units to the largest remainders, ties to the earlier input", () => {
    const product = defineModel({ y: "a * b * c" });
    const shapley = (base: Values, after: Values, model = product) =>
      attribute(model, { output: "y", base, actual: after, method: "shapley" });
    const thirds = "2.33333333333333333333333333333333333333333333333333333333333333";
    const up = shapley({ a: 1, b: 1, c: 1 }, { a: 2, b: 2, c: 2 });
    expect(up.contributions.map((entry) => entry.contribution.toString())).toEqual([
      `${thirds}4`,
      `${thirds}3`,
      `${thirds}3`,
    ]);
    expect(up.residual.toString()).toBe("1e-63");
    const down = shapley({ a: 2, b: 2, c: 2 }, { a: 1, b: 1, c: 1 });
    expect(down.contributions.map((entry) => entry.contribution.toString())).toEqual([
      `-${thirds}4`,
      `-${thirds}3`,
      `-${thirds}3`,
    ]);
    expect(down.residual.toString()).toBe("-1e-63");
    // An exact value (c's) has no remainder, so it never takes a unit.
    const four = defineModel({ y: "a * b * c * d" });
    const sixths = "5.1666666666666666666666666666666666666666666666666666666666666";
    const less = shapley({ a: 1, b: 1, c: 1, d: 1 }, { a: 2, b: 2, c: 3, d: 2 }, four as never);
    expect(less.contributions.map((entry) => entry.contribution.toString())).toEqual([
      `${sixths}6`,
      `${sixths}7`,
      "7.5",
      `${sixths}7`,
    ]);
    expect(less.residual.toString()).toBe("-1e-62");
    const twelfths = "6.5833333333333333333333333333333333333333333333333333333333333";
    const more = shapley({ a: 1, b: 1, c: 1, d: 1 }, { a: 2, b: 2, c: 4, d: 2 }, four as never);
    expect(more.contributions.map((entry) => entry.contribution.toString())).toEqual([
      `${twelfths}4`,
      `${twelfths}3`,
      "11.25",
      `${twelfths}3`,
    ]);
    expect(more.residual.toString()).toBe("1e-62");
  });

  it("hands LMDI's rounding out by largest remainder, ties to the earlier input", () => {
    const product = defineModel({ y: "a * b * c" });
    const lmdiOf = (after: Values) =>
      attribute(product, {
        output: "y",
        base: { a: 1, b: 1, c: 1 },
        actual: after as never,
        method: "lmdi",
      });
    // 7 in three equal parts: the extra unit of the 60th digit goes to the first.
    const tie = lmdiOf({ a: 2, b: 2, c: 2 });
    expect(tie.contributions.map((entry) => entry.contribution.toString())).toEqual([
      "2.33333333333333333333333333333333333333333333333333333333334",
      "2.33333333333333333333333333333333333333333333333333333333333",
      "2.33333333333333333333333333333333333333333333333333333333333",
    ]);
    // What the rounded logarithms missed is reported, far below the place the parts keep.
    expect(tie.residual.abs().lte("1e-60")).toBe(true);
    const uneven = lmdiOf({ a: 2, b: 3, c: 2 });
    expect(uneven.contributions.map((entry) => entry.contribution.toString())).toEqual([
      "3.0683724021624282751014848914167416341527377135612037476996",
      "4.8632551956751434497970302171665167316945245728775925046007",
      "3.0683724021624282751014848914167416341527377135612037476997",
    ]);
    expect(exactSumOf(uneven.contributions.map((entry) => entry.contribution))).toBe("11");
  });

  it("allows exactly the Shapley limit, and names the limit in the error", () => {
    expect(MAX_SHAPLEY_INPUTS).toBe(12);
    const model = defineModel({ y: "a + b + c" });
    const base = { a: 1, b: 1, c: 1 };
    const changed = { a: 2, b: 2, c: 2 };
    const shapley = (maxShapleyInputs: number) =>
      attribute(model, { output: "y", base, actual: changed, method: "shapley", maxShapleyInputs });
    expect(shapley(3).change.toString()).toBe("3");
    const error = expectCode(() => shapley(2), "TOO_MANY_INPUTS", ["options", "maxShapleyInputs"]);
    expect(error.message).toBe(
      'TOO_MANY_INPUTS: Exact Shapley attribution over 3 changed inputs needs 2^3 model evaluations; the limit is 2 inputs. Use method "chain", group inputs into fewer formula nodes, or raise maxShapleyInputs (up to 16). (at options.maxShapleyInputs)',
    );
    expect(error.details).toEqual({ inputs: 3, limit: 2 });
    expect(
      attribute(model, {
        output: "y",
        base,
        actual: { ...base, a: 2 },
        method: "shapley",
        maxShapleyInputs: 1,
      }).change.toString(),
    ).toBe("1");
  });

  it("keeps inputs the output does not read at their base values", () => {
    const model = defineModel({ y: "a * b", z: "c * 1000" });
    const result = attribute(model, {
      output: "y",
      base: { a: 1, b: 2, c: 1 },
      actual: { a: 3, b: 2, c: 9 },
    });
    expect(result.order).toEqual(["a", "b"]);
    expect(result.change.toString()).toBe("4");
    expect(result.steps.map((row) => Object.keys(row.values))).toEqual([
      ["a", "b"],
      ["a", "b"],
      ["a", "b"],
    ]);
  });
});
