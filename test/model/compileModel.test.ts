import { Decimal as DecimalJs } from "decimal.js";
import fc from "fast-check";
import {
  compileModel,
  defineModel,
  evaluate,
  type Model,
  revenueModel,
  TargetreeError,
} from "targetree";
import { describe, expect, it } from "vitest";
import { errorOf } from "../_support/errors.js";
import { runs } from "../_support/runs.js";

const w1 = {
  newCustomers: 600,
  conversion: 0.25,
  newAov: 8000,
  returningCustomers: 1500,
  repurchase: 0.4,
  returningAov: 6000,
};

const text = (values: Record<string, { toString(): string }>) =>
  Object.fromEntries(Object.entries(values).map(([name, value]) => [name, value.toString()]));

describe("compileModel", () => {
  it("evaluates the W1 revenue tree like evaluate", () => {
    const compiled = compileModel(revenueModel());
    expect(text(compiled.evaluate(w1))).toEqual(text(evaluate(revenueModel(), w1)));
    expect(compiled.output("revenue")(w1).toString()).toBe("4800000");
    expect(compiled.output("newRevenue")(w1).toString()).toBe("1200000");
    expect(compiled.output("conversion")(w1).toString()).toBe("0.25");
  });

  it("compiles conditions of every shape: comparisons of conditions, if over conditions", () => {
    const model = defineModel({
      y: "if((a > 1) == (b > 1), 1, 2) + if(if(a > 0, b > 1, true), 10, 20) + if(not (a < b) or false, 100, 0)",
    });
    const compiled = compileModel(model);
    for (const row of [
      { a: 2, b: 2 },
      { a: 0, b: 2 },
      { a: 2, b: 0 },
    ]) {
      expect(compiled.output("y")(row)).toEqualDecimal(evaluate(model, row).y!);
    }
    expect(compiled.output("y")({ a: 2, b: 0 }).toString()).toBe("122");
  });

  it("evaluates many rows", () => {
    const revenueOf = compileModel(revenueModel()).output("revenue");
    const rows = [1, 2, 3].map((k) => ({ ...w1, newCustomers: 600 * k }));
    expect(rows.map((row) => revenueOf(row).toString())).toEqual(["4800000", "6000000", "7200000"]);
  });

  it("reads only the inputs an output needs, and ignores other keys there", () => {
    const newRevenueOf = compileModel(revenueModel()).output("newRevenue");
    expect(
      newRevenueOf({
        newCustomers: 10,
        conversion: 0.5,
        newAov: 100,
        id: "row-7",
      } as never).toString(),
    ).toBe("500");
  });

  it("takes strings, Decimals and keys in another normal form", () => {
    const compiled = compileModel(defineModel({ y: "café + b" }));
    expect(
      compiled
        .output("y")({ "cafe\u0301": "1万", b: new DecimalJs(1) } as never)
        .toString(),
    ).toBe("10001");
    expect(compiled.evaluate({ "cafe\u0301": "1万", b: 2 } as never).y?.toString()).toBe("10002");
  });

  it("does not mutate frozen rows", () => {
    const row = Object.freeze({ ...w1 });
    compileModel(revenueModel()).evaluate(row);
    expect(row).toEqual(w1);
  });

  describe("errors", () => {
    const compiled = compileModel(revenueModel());
    const revenueOf = compiled.output("revenue");
    it.each([
      ["MISSING_INPUT", { ...w1, newAov: undefined }, ["inputs", "newAov"]],
      ["OUT_OF_BOUNDS", { ...w1, conversion: 2 }, ["inputs", "conversion"]],
      ["NOT_A_WHOLE_NUMBER", { ...w1, returningCustomers: 1.5 }, ["inputs", "returningCustomers"]],
      ["INVALID_NUMBER", { ...w1, newAov: Number.NaN }, ["inputs", "newAov"]],
    ])("gives %s like evaluate", (code, row, path) => {
      const clean = Object.fromEntries(
        Object.entries(row).filter(([, value]) => value !== undefined),
      );
      for (const run of [
        () => compiled.evaluate(clean as never),
        () => revenueOf(clean as never),
      ]) {
        const error = errorOf(run);
        expect(error.code).toBe(code);
        expect(error.path).toEqual(path);
      }
    });

    it("gives UNKNOWN_NODE for a typo in evaluate, and for an unknown output", () => {
      expect(errorOf(() => compiled.evaluate({ ...w1, newAOV: 1 } as never)).code).toBe(
        "UNKNOWN_NODE",
      );
      expect(errorOf(() => compiled.output("profit" as never)).code).toBe("UNKNOWN_NODE");
    });

    it("gives DIVISION_BY_ZERO from the formulas", () => {
      const ratio = compileModel(defineModel({ r: "a / b" })).output("r");
      expect(errorOf(() => ratio({ a: 1, b: 0 })).code).toBe("DIVISION_BY_ZERO");
    });

    it("refuses what is not a model or a row (INVALID_ARGUMENT)", () => {
      expect(errorOf(() => compileModel({} as never)).code).toBe("INVALID_ARGUMENT");
      expect(errorOf(() => revenueOf(null as never)).code).toBe("INVALID_ARGUMENT");
    });
  });

  describe("properties", () => {
    const INPUTS = ["a", "b", "c", "d"];
    const OPS = ["+", "-", "*", "/"];

    /** A random formula over the given names, as text. */
    const formula = (names: readonly string[]): fc.Arbitrary<string> =>
      fc.letrec<{ expr: string; cond: string }>((tie) => ({
        expr: fc.oneof(
          { depthSize: "small" },
          fc.constantFrom(...names),
          fc.constantFrom("2", "0.5", "3万", "25%", "0"),
          fc
            .tuple(tie("expr"), fc.constantFrom(...OPS), tie("expr"))
            .map(([x, op, y]) => `(${x} ${op} ${y})`),
          tie("expr").map((x) => `-${x}`),
          fc
            .tuple(tie("expr"), fc.constantFrom("2", "-1", "0.5", "3"))
            .map(([x, k]) => `(${x}) ^ ${k}`),
          fc
            .tuple(fc.constantFrom("min", "max"), tie("expr"), tie("expr"))
            .map(([f, x, y]) => `${f}(${x}, ${y})`),
          fc
            .tuple(fc.constantFrom("abs", "floor", "ceil", "round"), tie("expr"))
            .map(([f, x]) => `${f}(${x})`),
          tie("expr").map((x) => `round(${x}, 2)`),
          fc
            .tuple(tie("cond"), tie("expr"), tie("expr"))
            .map(([c, x, y]) => `if(${c}, ${x}, ${y})`),
        ),
        cond: fc.oneof(
          fc
            .tuple(tie("expr"), fc.constantFrom("<", "<=", ">", ">=", "==", "!="), tie("expr"))
            .map(([x, op, y]) => `${x} ${op} ${y}`),
          fc
            .tuple(tie("cond"), fc.constantFrom("and", "or"), tie("cond"))
            .map(([x, op, y]) => `(${x}) ${op} (${y})`),
          tie("cond").map((x) => `not (${x})`),
          fc
            .tuple(tie("cond"), fc.constantFrom("==", "!="), tie("cond"))
            .map(([x, op, y]) => `(${x}) ${op} (${y})`),
          fc
            .tuple(tie("cond"), tie("cond"), tie("cond"))
            .map(([c, x, y]) => `if(${c}, ${x}, ${y})`),
          fc.constantFrom("true", "false"),
        ),
      })).expr;

    /** A random model: three formula nodes, each reading inputs and earlier nodes. */
    const modelArbitrary: fc.Arbitrary<Model> = formula(INPUTS).chain((f0) =>
      formula([...INPUTS, "f0"]).chain((f1) =>
        formula([...INPUTS, "f0", "f1"]).map((f2) => {
          // Make sure every input is read, so rows always fit the model.
          return defineModel({ f0: `${f0} + 0 * (a + b + c + d)`, f1, f2 });
        }),
      ),
    );

    const value = fc.oneof(
      fc.integer({ min: -1000, max: 1000 }),
      fc.integer({ min: -100_000, max: 100_000 }).map((n) => n / 100),
      fc.constantFrom(0, 0.1, 1e-7, 123456.789),
    );

    it("agrees with evaluate on random models and rows, values and errors alike", () => {
      fc.assert(
        fc.property(modelArbitrary, fc.tuple(value, value, value, value), (model, [a, b, c, d]) => {
          const row = { a, b, c, d };
          let expected: Record<string, string> | string;
          try {
            expected = text(evaluate(model, row));
          } catch (error) {
            expect(error).toBeInstanceOf(TargetreeError);
            expected = (error as TargetreeError).code;
          }
          const compiled = compileModel(model);
          let actual: Record<string, string> | string;
          try {
            actual = text(compiled.evaluate(row));
          } catch (error) {
            expect(error).toBeInstanceOf(TargetreeError);
            actual = (error as TargetreeError).code;
          }
          expect(actual).toEqual(expected);
          if (typeof expected !== "string") {
            for (const name of model.order) {
              expect(compiled.output(name)(row).toString()).toBe(expected[name]);
            }
          }
        }),
        { numRuns: runs(200) },
      );
    });
  });
});
