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
import { errorOf, expectCode } from "../_support/errors.js";
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

/** The formula nodes of `evaluate`'s result, which is what `compiled.evaluate(row)` returns. */
const formulaText = (model: Model, values: Record<string, { toString(): string }>) =>
  Object.fromEntries(model.outputs.map((name) => [name, values[name]!.toString()]));

describe("compileModel", () => {
  it("evaluates the W1 revenue tree like evaluate, returning the formula nodes", () => {
    const compiled = compileModel(revenueModel());
    expect(text(compiled.evaluate(w1))).toEqual(
      formulaText(revenueModel(), evaluate(revenueModel(), w1)),
    );
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
            expected = formulaText(model, evaluate(model, row));
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
            const all = text(evaluate(model, row));
            for (const name of model.order) {
              expect(compiled.output(name)(row).toString()).toBe(all[name]);
            }
          }
        }),
        { numRuns: runs(200) },
      );
    });
  });
});

describe("compileModel: output(name)", () => {
  const model = defineModel({ y: "a * b", z: "y + c" });

  it("refuses a name that is not a node, a string or not", () => {
    const compiled = compileModel(model);
    expect(
      expectCode(() => compiled.output("q" as never), "UNKNOWN_NODE", ["name"]).message,
    ).toContain('"q" is not a node of the model.');
    expect(
      expectCode(() => compiled.output(3 as never), "UNKNOWN_NODE", ["name"]).message,
    ).toContain("3 is not a node of the model.");
  });

  it("reports a missing input it needs, ignoring keys it does not", () => {
    const error = expectCode(
      () => compileModel(model).output("y")({ a: 1, typo: 2 } as never),
      "MISSING_INPUT",
      ["inputs", "b"],
    );
    expect(error.message).toContain('The input "b" was not given.');
  });

  it("computes an input itself, and a unary plus", () => {
    expect(
      compileModel(model)
        .output("c")({ c: 4 } as never)
        .toString(),
    ).toBe("4");
    const plus = compileModel(defineModel({ y: "+a * 2 - -a" }));
    expect(plus.output("y")({ a: 2 }).toString()).toBe("6");
    expect(plus.evaluate({ a: 2 }).y!.toString()).toBe("6");
  });

  it("quotes an unknown name in its UNKNOWN_NODE message", () => {
    const compiled = compileModel(defineModel({ y: "x * a" }));
    const error = expectCode(() => compiled.output("nope" as never), "UNKNOWN_NODE", ["name"]);
    expect(error.message).toBe('UNKNOWN_NODE: "nope" is not a node of the model. (at name)');
  });
});

describe("compileModel: the rows output(name) reads", () => {
  const y = compileModel(defineModel({ y: "x * a" })).output("y");

  it.each([
    ["null", null],
    ["a number", 5],
  ])("refuses a row that is %s (INVALID_ARGUMENT at inputs)", (_, row) => {
    const error = expectCode(() => y(row as never), "INVALID_ARGUMENT", ["inputs"]);
    expect(error.message).toMatch(/Inputs must be an object of input values by name/);
  });

  it("locates a bad value in a row at inputs.<name>", () => {
    const error = expectCode(() => y({ x: "abc", a: 1 }), "INVALID_NUMBER", ["inputs", "x"]);
    expect(error.message).toMatch(/"abc" is not an amount/);
  });

  it("ignores a key holding the output's own (computed) value", () => {
    expect(y({ x: 2, a: 3, y: 999 }).toString()).toBe("6");
  });

  it("ignores a key holding an intermediate formula's value", () => {
    const out = compileModel(defineModel({ m: "x * a", y: "m + b" })).output("y");
    expect(out({ x: 2, a: 3, b: 1, m: 999 }).toString()).toBe("7");
  });

  it("does not ask for inputs the output does not read, when a key is in another normal form", () => {
    const out = compileModel(defineModel({ y: "\u00e9 * a", z: "b" })).output("y");
    expect(out({ "e\u0301": 2, a: 3 }).toString()).toBe("6");
  });

  it("reads an input named undefined like any other", () => {
    const model = defineModel({ y: "x + undefined" });
    expect(compileModel(model).output("y")({ x: 1, undefined: 2 }).toString()).toBe("3");
  });

  it("reports the first bad input in the model's input order, as evaluate does", () => {
    // Inputs in order of appearance: a (in y), then b (in m); y reads m's input b first.
    const model = defineModel({ y: "m + a", m: "b" });
    expect(model.inputs).toEqual(["a", "b"]);
    const row = { a: "bad", b: "bad" };
    expectCode(() => evaluate(model, row), "INVALID_NUMBER", ["inputs", "a"]);
    expectCode(() => compileModel(model).output("y")(row), "INVALID_NUMBER", ["inputs", "a"]);
  });
});

describe("compileModel: comparing conditions", () => {
  const y = (formula: string, row: Record<string, number>) =>
    compileModel(defineModel({ y: formula }))
      .evaluate(row)
      .y!.toString();

  it("is true for != between two conditions that differ, false when they agree", () => {
    expect(y("if((x > 1) != (a > 1), 10, 20)", { x: 2, a: 0 })).toBe("10");
    expect(y("if((x > 1) != (a > 1), 10, 20)", { x: 2, a: 2 })).toBe("20");
  });

  it("compares a negated condition with another condition", () => {
    expect(y("if((not (x > 1)) == (a > 1), 10, 20)", { x: 2, a: 0 })).toBe("10");
    expect(y("if((not (x > 1)) == (a > 1), 10, 20)", { x: 2, a: 3 })).toBe("20");
  });

  it("compares an if() that picks between conditions with another condition", () => {
    expect(y("if(if(x > 1, true, false) == (a > 0), 10, 20)", { x: 2, a: 1 })).toBe("10");
    expect(y("if(if(x > 1, true, false) == (a > 0), 10, 20)", { x: 0, a: 1 })).toBe("20");
  });
});
