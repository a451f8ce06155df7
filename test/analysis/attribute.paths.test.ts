// attribute branch by branch: which outputs LMDI accepts as a sum of products (and why it refuses
// the others), Shapley's zero contributions, and the messages of its errors.
import { attribute, defineModel, MAX_SHAPLEY_INPUTS } from "targetree";
import { describe, expect, it } from "vitest";
import { Decimal } from "../../src/_lib/decimal.js";
import { expectCode } from "../_support/errors.js";

const x1 = defineModel({ materialCost: "output * usage * price" });
const plan = { output: 130, usage: 10, price: 4 };
const actual = { output: 140, usage: 9, price: 5 };

type Values = Record<string, number>;

const lmdi = (formulas: Record<string, string>, base: Values, after: Values, output = "y") =>
  attribute(defineModel(formulas), { output, base, actual: after, method: "lmdi" });

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

/** The exact sum of some decimals, as text. */
const exactSumOf = (values: readonly Decimal[]): string =>
  values.reduce((sum, value) => sum.plus(value), new Decimal(0)).toString();

const contributions = (result: {
  contributions: readonly { input: string; contribution: { toString(): string } }[];
}) => result.contributions.map((entry) => [entry.input, entry.contribution.toString()]);

describe("attribute: LMDI's product form", () => {
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
