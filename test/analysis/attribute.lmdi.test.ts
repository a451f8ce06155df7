// LMDI term by term: literal exponents with a sign, a power of a product, inputs that cancel out,
// an output that is itself an input, an exponent that is not a literal; which outputs it takes as a
// sum of products (and why it refuses the others); an output that does not change; the revenue
// model (a sum of two products) against Ang's formula; and the properties of the decomposition.
import { Decimal as DecimalJs } from "decimal.js";
import fc from "fast-check";
import { attribute, type Decimal, defineModel, revenueModel } from "targetree";
import { describe, expect, it } from "vitest";
import { expectCode } from "../_support/errors.js";
import { runs } from "../_support/runs.js";

const lmdi = (
  formulas: Record<string, string>,
  base: Record<string, number>,
  actual: Record<string, number>,
  output = "y",
) => attribute(defineModel(formulas), { output, method: "lmdi", base, actual });

const amounts = (result: ReturnType<typeof lmdi>) =>
  result.contributions.map((entry) => `${entry.input}=${entry.contribution.toFixed(6)}`);

describe("attribute (lmdi): product forms", () => {
  // y goes 1 → 12 (x 1 → 2, z 1 → 3): L = 11 / ln 12; x gets L·2·ln 2, z gets L·ln 3.
  it("weights an input by its literal exponent", () => {
    const result = lmdi({ y: "x ^ 2 * z" }, { x: 1, z: 1 }, { x: 2, z: 3 });
    expect(amounts(result)).toEqual(["x=6.136745", "z=4.863255"]);
    expect(result.residual.toString()).toBe("0");
  });

  it("reads a literal exponent with a unary plus as positive", () => {
    const result = lmdi({ y: "x ^ +2 * z" }, { x: 1, z: 1 }, { x: 2, z: 3 });
    expect(amounts(result)).toEqual(["x=6.136745", "z=4.863255"]);
    expect(result.residual.toString()).toBe("0");
  });

  it("reads a literal exponent with a unary minus as negative", () => {
    // y goes 1 → 1.5: x gets L·(−ln 2), z gets L·ln 3, with L = 0.5 / ln 1.5.
    const result = lmdi({ y: "x ^ -1 * z" }, { x: 1, z: 1 }, { x: 2, z: 3 });
    expect(amounts(result)).toEqual(["x=-0.854756", "z=1.354756"]);
    expect(result.residual.abs().lte("1e-60")).toBe(true);
  });

  it("refuses a negated input as an exponent: not a plain number", () => {
    const error = expectCode(
      () => lmdi({ y: "z ^ -a" }, { a: 1, z: 1 }, { a: 2, z: 3 }),
      "METHOD_NOT_APPLICABLE",
      ["options", "method"],
    );
    expect(error.details).toEqual({
      reason: "the formula of y raises to a power that is not a plain number",
    });
  });

  it("needs no positive value for an input that cancels out", () => {
    const result = lmdi({ y: "x * a / x" }, { x: -1, a: 1 }, { x: -1, a: 3 });
    expect(amounts(result)).toEqual(["x=0.000000", "a=2.000000"]);
  });

  it("attributes an input's own change entirely to it, with no residual", () => {
    const result = lmdi({ y: "x * a" }, { x: 2, a: 1 }, { x: 5, a: 3 }, "x");
    expect(amounts(result)).toEqual(["x=3.000000"]);
    expect(result.residual.toString()).toBe("0");
  });
});

// An independent reference: Ang (2005), additive LMDI-I over sub-categories,
// ΔV_x = Σᵢ L(Vᵢᵀ, Vᵢ⁰) · ln(x_iᵀ / x_i⁰), computed here with decimal.js at 80 digits.
const Reference = DecimalJs.clone({ precision: 80 });
const logMean = (a: DecimalJs, b: DecimalJs): DecimalJs =>
  a.eq(b) ? a : a.minus(b).div(a.div(b).ln());

type Row = Record<(typeof REVENUE_INPUTS)[number], number>;
const REVENUE_INPUTS = [
  "newCustomers",
  "conversion",
  "newAov",
  "returningCustomers",
  "repurchase",
  "returningAov",
] as const;
const TERMS = [
  ["newCustomers", "conversion", "newAov"],
  ["returningCustomers", "repurchase", "returningAov"],
] as const;

/** Each revenue input's LMDI-I effect by Ang's formula, term by term. */
function angEffects(base: Row, actual: Row): Map<string, DecimalJs> {
  const effects = new Map<string, DecimalJs>(
    REVENUE_INPUTS.map((name) => [name, new Reference(0)]),
  );
  for (const factors of TERMS) {
    const value = (row: Row) =>
      factors.reduce((product, name) => product.times(row[name]), new Reference(1));
    const weight = logMean(value(actual), value(base));
    for (const name of factors) {
      const ratio = new Reference(actual[name]).div(base[name]);
      effects.set(name, effects.get(name)!.plus(weight.times(ratio.ln())));
    }
  }
  return effects;
}

const close = (value: Decimal, expected: DecimalJs): boolean =>
  new Reference(value.toString())
    .minus(expected)
    .abs()
    .lte(expected.abs().times("1e-50").plus("1e-50"));

describe("attribute (lmdi): a sum of products, term by term", () => {
  const base: Row = {
    newCustomers: 600,
    conversion: 0.25,
    newAov: 8000,
    returningCustomers: 1500,
    repurchase: 0.4,
    returningAov: 6000,
  };

  it("splits the revenue model's change over both terms: 382,500 = 123,771.67 + 78,728.33 + 180,000", () => {
    const actual: Row = { ...base, newCustomers: 660, newAov: 8500, repurchase: 0.42 };
    const result = attribute(revenueModel(), { output: "revenue", base, actual, method: "lmdi" });
    expect(result.change.toString()).toBe("382500");
    // The new-customer term goes 1,200,000 → 1,402,500: its 202,500 splits as ln 1.1 : ln(8500/8000).
    // The returning term changes in repurchase alone, which explains all of its 180,000.
    expect(amounts(result)).toEqual([
      "newCustomers=123771.673865",
      "conversion=0.000000",
      "newAov=78728.326135",
      "returningCustomers=0.000000",
      "repurchase=180000.000000",
      "returningAov=0.000000",
    ]);
    const reference = angEffects(base, actual);
    for (const entry of result.contributions) {
      expect(close(entry.contribution, reference.get(entry.input)!), entry.input).toBe(true);
    }
  });

  it("sums a factor's effects over the terms it appears in", () => {
    // revenue = customers·rate·aov + customers·upsell: customers is in both terms.
    const model = defineModel({ revenue: "customers * rate * aov + customers * upsell" });
    const result = attribute(model, {
      output: "revenue",
      base: { customers: 100, rate: 0.5, aov: 80, upsell: 5 },
      actual: { customers: 120, rate: 0.5, aov: 88, upsell: 6 },
      method: "lmdi",
    });
    const first = logMean(new Reference(120 * 0.5 * 88), new Reference(100 * 0.5 * 80));
    const second = logMean(new Reference(120 * 6), new Reference(100 * 5));
    const customers = first.plus(second).times(new Reference(1.2).ln());
    expect(close(result.contributions[0]!.contribution, customers)).toBe(true);
    expect(
      close(result.contributions[3]!.contribution, second.times(new Reference(1.2).ln())),
    ).toBe(true);
  });

  it("refuses a term with a factor that is not positive, saying which term", () => {
    const error = expectCode(
      () =>
        attribute(revenueModel(), {
          output: "revenue",
          base: { ...base, repurchase: 0 },
          actual: base,
          method: "lmdi",
        }),
      "METHOD_NOT_APPLICABLE",
      ["options", "base", "repurchase"],
    );
    expect(error.message).toContain("(in the term returningCustomers × repurchase × returningAov)");
  });
});

const positive = fc.integer({ min: 1, max: 100_000 }).map((n) => n / 100);
const revenueRow = fc.record(
  Object.fromEntries(REVENUE_INPUTS.map((name) => [name, positive])) as Record<
    (typeof REVENUE_INPUTS)[number],
    typeof positive
  >,
);

/** The revenue tree without its bounds, so any positive values go. */
const unbounded = defineModel({
  revenue: "newCustomers * conversion * newAov + returningCustomers * repurchase * returningAov",
});

describe("attribute (lmdi): properties", () => {
  it("contributions sum exactly to the change, and each matches Ang's formula", () => {
    fc.assert(
      fc.property(revenueRow, revenueRow, (base, actual) => {
        const result = attribute(unbounded, {
          output: "revenue",
          base,
          actual,
          method: "lmdi",
        });
        const sum = result.contributions.reduce(
          (total, entry) => total.plus(entry.contribution.toString()),
          new Reference(0),
        );
        expect(sum, `${sum} ≠ ${result.change}`).toEqualDecimal(result.change.toString());
        const reference = angEffects(base, actual);
        for (const entry of result.contributions) {
          expect(close(entry.contribution, reference.get(entry.input)!), entry.input).toBe(true);
        }
      }),
      { numRuns: runs(100) },
    );
  });

  it("term by term equals single-product LMDI when there is one term", () => {
    const product = defineModel({ y: "a * b ^ 2 / c" });
    const viaNodes = defineModel({ y: "part / c", part: "a * square", square: "b * b" });
    const row = fc.record({ a: positive, b: positive, c: positive });
    fc.assert(
      fc.property(row, row, (base, actual) => {
        const direct = attribute(product, { output: "y", base, actual, method: "lmdi" });
        const nested = attribute(viaNodes, { output: "y", base, actual, method: "lmdi" });
        // L(Vᵀ, V⁰) · eᵢ · ln(xᵢᵀ / xᵢ⁰), the single-product LMDI-I.
        const value = (r: typeof base) =>
          new Reference(r.a).times(new Reference(r.b).pow(2)).div(r.c);
        const weight = logMean(value(actual), value(base));
        const exponents = { a: 1, b: 2, c: -1 } as const;
        for (const entry of direct.contributions) {
          const name = entry.input as keyof typeof exponents;
          const expected = weight
            .times(exponents[name])
            .times(new Reference(actual[name]).div(base[name]).ln());
          expect(close(entry.contribution, expected), name).toBe(true);
        }
        const byName = (result: typeof direct) =>
          Object.fromEntries(
            result.contributions.map((entry) => [entry.input, entry.contribution.toString()]),
          );
        expect(byName(nested)).toEqual(byName(direct));
      }),
      { numRuns: runs(100) },
    );
  });
});

const x1 = defineModel({ materialCost: "output * usage * price" });
const plan = { output: 130, usage: 10, price: 4 };
const actual = { output: 140, usage: 9, price: 5 };

/** The reason LMDI gives for refusing an output. */
const lmdiRefusal = (formula: string) => {
  const model = defineModel({ y: formula });
  const values = Object.fromEntries(model.inputs.map((name) => [name, 2]));
  const error = expectCode(
    () => attribute(model, { output: "y", base: values, actual: values, method: "lmdi" }),
    "METHOD_NOT_APPLICABLE",
    ["options", "method"],
  );
  const reason = error.details.reason as string;
  expect(error.message).toContain(
    `LMDI needs an output that is a sum of products of positive factors, but ${reason}. Use method "chain" or "shapley".`,
  );
  return reason;
};

const contributions = (result: {
  contributions: readonly { input: string; contribution: { toString(): string } }[];
}) => result.contributions.map((entry) => [entry.input, entry.contribution.toString()]);

describe("attribute (lmdi): which outputs are a sum of products", () => {
  it("follows formula nodes, including one read twice", () => {
    const result = lmdi({ y: "part * part", part: "a * b" }, { a: 2, b: 3 }, { a: 4, b: 3 });
    expect(result.base.toString()).toBe("36");
    expect(result.actual.toString()).toBe("144");
    expect(contributions(result)).toEqual([
      ["a", "108"],
      ["b", "0"],
    ]);
    expect(result.residual.abs().lte("1e-55")).toBe(true);
  });

  it("follows a formula node reached along two paths once", () => {
    const result = lmdi(
      { y: "p * q", p: "r * a", q: "r * b", r: "c * 2" },
      { a: 1, b: 1, c: 1 },
      { a: 1, b: 1, c: 3 },
    );
    // y = 4·a·b·c², so c explains it all: 36 − 4.
    expect(contributions(result)).toEqual([
      ["a", "0"],
      ["b", "0"],
      ["c", "32"],
    ]);
  });

  it("lists an input read along two paths once", () => {
    const result = attribute(defineModel({ z: "y + w", y: "a * b", w: "a * c" }), {
      output: "z",
      base: { a: 1, b: 2, c: 3 },
      actual: { a: 2, b: 2, c: 3 },
    });
    expect(result.order).toEqual(["a", "b", "c"]);
    expect(contributions(result)).toEqual([
      ["a", "5"],
      ["b", "0"],
      ["c", "0"],
    ]);
  });

  it("adds the exponents of a repeated factor and drops one that cancels", () => {
    const squared = lmdi({ y: "a * a * b" }, { a: 2, b: 5 }, { a: 4, b: 5 });
    expect(contributions(squared)).toEqual([
      ["a", "60"],
      ["b", "0"],
    ]);
    // b / b cancels: b's change explains nothing, a's explains it all.
    const cancelled = lmdi({ y: "a * b / b" }, { a: 1, b: 2 }, { a: 3, b: 4 });
    expect(contributions(cancelled)).toEqual([
      ["a", "2"],
      ["b", "0"],
    ]);
    expect(cancelled.change.toString()).toBe("2");
  });

  it("takes literal exponents, signed or not, and a unary plus", () => {
    const result = lmdi({ y: "+a ^ +2 * b ^ -1" }, { a: 2, b: 4 }, { a: 4, b: 4 });
    expect(contributions(result)).toEqual([
      ["a", "3"],
      ["b", "0"],
    ]);
    const inverse = lmdi({ y: "a ^ -1" }, { a: 2 }, { a: 4 });
    expect(inverse.contributions[0]!.contribution.toString()).toBe("-0.25");
  });

  it("attributes an input that is itself the output", () => {
    const result = lmdi({ y: "a * 2" }, { a: 2 }, { a: 5 }, "a");
    expect(result.output).toBe("a");
    expect(result.change.toString()).toBe("3");
    expect(contributions(result)).toEqual([["a", "3"]]);
  });

  it("takes a sum of products term by term: signs, constants and products of sums", () => {
    // y = (a + b)·c = a·c + b·c: c's effect is summed over both terms.
    const expanded = lmdi(
      { y: "part * c", part: "a + b" },
      { a: 1, b: 2, c: 3 },
      { a: 2, b: 2, c: 4 },
    );
    expect(contributions(expanded)).toEqual([
      ["c", "3.46652473694288135263728529956184821500458504546078450562389"],
      ["a", "3.53347526305711864736271470043815178499541495453921549437611"],
      ["b", "0"],
    ]);
    // y = a·b − a·c: the second term is negative in both periods, which LMDI-I handles.
    const difference = lmdi({ y: "a * (b - c)" }, { a: 1, b: 3, c: 1 }, { a: 2, b: 4, c: 1 });
    expect(contributions(difference)).toEqual([
      ["a", "2.53347526305711864736271470043815178499541495453921549437611"],
      ["b", "1.46652473694288135263728529956184821500458504546078450562389"],
      ["c", "0"],
    ]);
    // Terms that cancel, and a zero constant, leave nothing to attribute.
    expect(
      contributions(
        lmdi({ y: "a * b - b * a + 0 * c" }, { a: 1, b: 1, c: 1 }, { a: 2, b: 3, c: 4 }),
      ),
    ).toEqual([
      ["a", "0"],
      ["b", "0"],
      ["c", "0"],
    ]);
  });

  it("refuses what is not a sum of products, saying which formula and why", () => {
    expect(lmdiRefusal("a ^ b")).toBe(
      "the formula of y raises to a power that is not a plain number",
    );
    expect(lmdiRefusal("(a + b) ^ 2")).toBe(
      "the formula of y raises a sum to a power, so it is not a sum of products",
    );
    expect(lmdiRefusal("max(a, 1) * b")).toBe(
      "the formula of y calls max(), so it is not a sum of products",
    );
    expect(lmdiRefusal("a / (b + c)")).toBe(
      "the formula of y divides by a sum, so it is not a sum of products",
    );
    expect(lmdiRefusal("a / (b - b)")).toBe("the formula of y divides by 0");
    expect(lmdiRefusal("(0 - 2) ^ 0.5 * a")).toBe(
      "the formula of y raises a negative constant to a fractional power",
    );
    const nested = expectCode(
      () => lmdi({ y: "part * c", part: "max(a, b)" }, { a: 1, b: 2, c: 3 }, { a: 1, b: 2, c: 3 }),
      "METHOD_NOT_APPLICABLE",
    );
    expect(nested.details.reason).toBe(
      "the formula of part calls max(), so it is not a sum of products",
    );
  });

  it("refuses a value that is not positive, in base or actual, naming it", () => {
    const zero = expectCode(
      () =>
        attribute(x1, {
          output: "materialCost",
          base: plan,
          actual: { ...actual, usage: 0 },
          method: "lmdi",
        }),
      "METHOD_NOT_APPLICABLE",
      ["options", "actual", "usage"],
    );
    expect(zero.message).toContain(
      'LMDI takes logarithms, so every factor of a product term must be positive, but "usage" is 0 in actual (in the term output × usage × price). Use method "chain" or "shapley".',
    );
    expect(zero.details).toEqual({ reason: "non-positive value", value: "0" });
    const negative = expectCode(
      () =>
        attribute(x1, {
          output: "materialCost",
          base: { ...plan, price: -4 },
          actual,
          method: "lmdi",
        }),
      "METHOD_NOT_APPLICABLE",
      ["options", "base", "price"],
    );
    expect(negative.details).toEqual({ reason: "non-positive value", value: "-4" });
  });

  it("reports LMDI's fields: no steps, no exact fractions, two evaluations", () => {
    const result = attribute(x1, { output: "materialCost", base: plan, actual, method: "lmdi" });
    expect(result.method).toBe("lmdi");
    expect(result.output).toBe("materialCost");
    expect(result.base.toString()).toBe("5200");
    expect(result.actual.toString()).toBe("6300");
    expect(result.change.toString()).toBe("1100");
    expect(result.steps).toEqual([]);
    expect(result.evaluations).toBe(2);
    expect(result.order).toEqual(["output", "usage", "price"]);
    expect(
      result.contributions.map((entry) => [entry.base.toString(), entry.actual.toString()]),
    ).toEqual([
      ["130", "140"],
      ["10", "9"],
      ["4", "5"],
    ]);
  });
});

describe("attribute (lmdi): an output that does not change, and a power 0", () => {
  it("weights by the output itself when it does not change (x doubles, z halves)", () => {
    const result = attribute(defineModel({ y: "x * z" }), {
      output: "y",
      method: "lmdi",
      base: { x: 1, z: 2 },
      actual: { x: 2, z: 1 },
    });
    // L(2, 2) = 2: x gets 2·ln 2, z gets −2·ln 2.
    expect(amounts(result)).toEqual(["x=1.386294", "z=-1.386294"]);
    expect(result.change.toString()).toBe("0");
  });

  it("gives 0 to an input raised to the power 0, even from a base of 0", () => {
    const result = attribute(defineModel({ y: "a * x ^ 0" }), {
      output: "y",
      method: "lmdi",
      base: { a: 1, x: 0 },
      actual: { a: 2, x: 5 },
    });
    expect(amounts(result)).toEqual(["a=1.000000", "x=0.000000"]);
    expect(result.residual.toString()).toBe("0");
  });
});

describe("attribute (lmdi): only the output's formulas", () => {
  it("ignores a formula elsewhere in the model that is not a product", () => {
    const result = attribute(defineModel({ y: "x * a", w: "u + v" }), {
      output: "y",
      method: "lmdi",
      base: { x: 1, a: 1, u: 1, v: 1 },
      actual: { x: 2, a: 1, u: 1, v: 1 },
    });
    expect(result.contributions.map((entry) => entry.contribution.toString())).toEqual(["1", "0"]);
  });
});
