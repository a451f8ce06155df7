// The compiled evaluator's exact scaled-integer fast path, and its columnar batch form: the same
// values and errors as `evaluate` on random models and rows, with every fallback (division, roots,
// fractional powers, int53 overflow, inputs with many digits) exercised.
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
import { Decimal } from "../../src/_lib/decimal.js";
import { numberScale, SAFE_POWERS_OF_TEN, safeScaledOf } from "../../src/_lib/exact/index.js";
import { errorOf, expectCode } from "../_support/errors.js";
import { runs } from "../_support/runs.js";

const INPUTS = ["a", "b", "c", "d"] as const;

/** A random numeric formula over `names`: every operator, function and literal shape. */
const formula = (names: readonly string[]): fc.Arbitrary<string> =>
  fc.letrec<{ expr: string; cond: string }>((tie) => ({
    expr: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      fc.constantFrom(...names),
      fc.constantFrom("2", "0.5", "3万", "25%", "0", "0.001", "1e-7", "123456789012", "7.25"),
      fc
        .tuple(tie("expr"), fc.constantFrom("+", "-", "*", "*", "/"), tie("expr"))
        .map(([x, op, y]) => `(${x} ${op} ${y})`),
      fc.tuple(tie("expr"), tie("expr"), tie("expr")).map(([x, y, z]) => `(${x} * ${y} * ${z})`),
      fc
        .tuple(tie("expr"), fc.constantFrom("+", "-"), tie("expr"), tie("expr"))
        .map(([x, op, y, z]) => `(${x} ${op} ${y} + ${z})`),
      tie("expr").map((x) => `-${x}`),
      tie("expr").map((x) => `+${x}`),
      fc
        .tuple(tie("expr"), fc.constantFrom("0", "1", "2", "3", "5", "-1", "0.5", "40", "70"))
        .map(([x, k]) => `(${x}) ^ ${k}`),
      fc
        .tuple(fc.constantFrom("min", "max"), tie("expr"), tie("expr"), tie("expr"))
        .map(([f, x, y, z]) => `${f}(${x}, ${y}, ${z})`),
      fc
        .tuple(fc.constantFrom("abs", "floor", "ceil", "round", "sqrt"), tie("expr"))
        .map(([f, x]) => `${f}(${x})`),
      fc
        .tuple(
          fc.constantFrom("floor", "ceil", "round"),
          tie("expr"),
          fc.constantFrom("2", "-2", "0", "20", "-17", "c"),
        )
        .map(([f, x, k]) => `${f}(${x}, ${k === "c" ? "round(c)" : k})`),
      fc.tuple(tie("cond"), tie("expr"), tie("expr")).map(([c, x, y]) => `if(${c}, ${x}, ${y})`),
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
      fc.tuple(tie("cond"), tie("cond"), tie("cond")).map(([c, x, y]) => `if(${c}, ${x}, ${y})`),
      fc.constantFrom("true", "false"),
    ),
  })).expr;

/** A random model: four formula nodes, each reading inputs and earlier nodes. */
const modelArbitrary: fc.Arbitrary<Model> = formula(INPUTS).chain((f0) =>
  formula([...INPUTS, "f0"]).chain((f1) =>
    formula([...INPUTS, "f0", "f1"]).chain((f2) =>
      formula([...INPUTS, "f1", "f2"]).map((f3) =>
        // Every input is read, so rows always fit the model.
        defineModel({ f0: `${f0} + 0 * (a + b + c + d)`, f1, f2, f3 }),
      ),
    ),
  ),
);

/** Input values: few decimals (the fast path), and every edge the fallbacks handle. */
const value: fc.Arbitrary<number | string | DecimalJs> = fc.oneof(
  fc.integer({ min: -1000, max: 1000 }),
  fc.integer({ min: -1_000_000, max: 1_000_000 }).map((n) => n / 10_000),
  fc.constantFrom(0, -0, 1, -1, 0.1, 0.5, -2.5, 1e-7, 123456.789, 0.1 + 0.2),
  // 15–17 digit integers: safe, at the edge, and past it (exact as decimal text).
  fc.constantFrom(
    999_999_999_999_999,
    9_007_199_254_740_991,
    -9_007_199_254_740_991,
    9_007_199_254_740_992,
    12_345_678_901_234_568,
  ),
  fc.constantFrom("12345678901234567", "-99999999999999999", "9007199254740993"),
  // Many decimals, as numbers and as text.
  fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom("0.1234567890123456789", "-3.000000000000000000001", "1e-30", "2.5e20"),
  fc.integer({ min: -99, max: 99 }).map((n) => new DecimalJs(n).div(8)),
);

const outcome = (run: () => Record<string, { toString(): string }>) => {
  try {
    const values = run();
    return Object.fromEntries(Object.keys(values).map((name) => [name, String(values[name])]));
  } catch (error) {
    expect(error).toBeInstanceOf(TargetreeError);
    const { code, path } = error as TargetreeError;
    return { code, path: path.join(".") };
  }
};

/** A scaled column's value at a row, as exact decimal text. */
const scaledText = (
  column: { scale: number; mantissas: Float64Array | readonly bigint[] },
  row: number,
) => new Decimal(`${String(column.mantissas[row])}e-${column.scale}`).toString();

describe("compileModel: the exact scaled-integer fast path", () => {
  it("agrees with evaluate on random models and rows: values, errors and their paths", () => {
    fc.assert(
      fc.property(modelArbitrary, fc.tuple(value, value, value, value), (model, [a, b, c, d]) => {
        const row = { a, b, c, d };
        const expected = outcome(() => {
          const all = evaluate(model, row);
          return Object.fromEntries(model.outputs.map((name) => [name, all[name]!]));
        });
        const compiled = compileModel(model);
        expect(outcome(() => compiled.evaluate(row))).toEqual(expected);
        if (expected.code !== undefined) return;
        // One node at a time, and as columns in every form.
        for (const name of model.outputs) {
          expect(compiled.output(name)(row).toString()).toBe(expected[name]);
        }
        const columns = { a: [a, a], b: [b, b], c: [c, c], d: [d, d] };
        const decimals = compiled.evaluateColumns(columns);
        const strings = compiled.evaluateColumns(columns, { as: "string" });
        const scaled = compiled.evaluateColumns(columns, { as: "scaled" });
        for (const name of model.outputs) {
          expect(String(decimals[name]![1])).toBe(expected[name]);
          expect(strings[name]![1]).toBe(expected[name]);
          expect(scaledText(scaled[name]!, 1)).toBe(new Decimal(expected[name]!).toString());
        }
      }),
      { numRuns: runs(400) },
    );
  });

  it("gives the same first error as evaluate when rows differ row by row in a column", () => {
    fc.assert(
      fc.property(
        modelArbitrary,
        fc.array(fc.tuple(value, value, value, value), { minLength: 1, maxLength: 6 }),
        (model, rows) => {
          const compiled = compileModel(model);
          const columns = {
            a: rows.map((row) => row[0]),
            b: rows.map((row) => row[1]),
            c: rows.map((row) => row[2]),
            d: rows.map((row) => row[3]),
          };
          let firstError: TargetreeError | undefined;
          let failedRow = -1;
          const expected: string[][] = [];
          for (const [index, [a, b, c, d]] of rows.entries()) {
            try {
              const values = evaluate(model, { a, b, c, d });
              expected.push(model.outputs.map((name) => values[name]!.toString()));
            } catch (error) {
              firstError = error as TargetreeError;
              failedRow = index;
              break;
            }
          }
          try {
            const strings = compiled.evaluateColumns(columns, { as: "string" });
            expect(firstError).toBeUndefined();
            rows.forEach((_, index) => {
              expect(model.outputs.map((name) => strings[name]![index])).toEqual(expected[index]);
            });
          } catch (error) {
            expect(error).toBeInstanceOf(TargetreeError);
            expect((error as TargetreeError).code).toBe(firstError?.code);
            expect((error as TargetreeError).details.row).toBe(failedRow);
          }
        },
      ),
      { numRuns: runs(150) },
    );
  });

  it("stays exact where int53 overflows: products, sums and whole powers fall back", () => {
    const model = defineModel({
      p: "a * b * c",
      s: "p + a",
      w: "a ^ 3",
      m: "max(p, w) - min(a, 1)",
    });
    const row = { a: 94906267, b: 94906267, c: 3 };
    const compiled = compileModel(model);
    const expected = evaluate(model, row);
    const values = compiled.evaluate(row);
    for (const name of model.outputs) expect(values[name]).toEqualDecimal(expected[name]!);
    expect(values.p!.toString()).toBe("27021598547625867");
  });

  it("keeps the scale of products of many decimals, and past the fast limit falls back", () => {
    const model = defineModel({
      y: "a * a * a * a * a * a * a * a * a * a * a * a * a * a * a * a * a * a * a * a",
    });
    const compiled = compileModel(model);
    for (const a of [0.1, 0.5, 1e-7, -0.3]) {
      expect(compiled.evaluate({ a }).y).toEqualDecimal(evaluate(model, { a }).y!);
    }
  });

  it("rounds like decimal.js: half away from zero, floor and ceil on negatives, negative digits", () => {
    const model = defineModel({
      r: "round(a)",
      r1: "round(a, 1)",
      f: "floor(a, 1)",
      c: "ceil(a, 1)",
      t: "round(a, -2)",
      ft: "floor(a, -20)",
      ct: "ceil(a, -20)",
    });
    const compiled = compileModel(model);
    for (const a of [2.5, -2.5, -2.45, 2.45, -0.04, 0.04, 150, -150, 149.99, -7.77, 0]) {
      const expected = evaluate(model, { a });
      const values = compiled.evaluate({ a });
      for (const name of model.outputs) expect(values[name]).toEqualDecimal(expected[name]!);
    }
    expect(compiled.evaluate({ a: -2.5 }).r!.toString()).toBe("-3");
    expect(compiled.evaluate({ a: -0.04 }).r1!.toString()).toBe("0");
  });

  it("never returns −0", () => {
    const values = compileModel(defineModel({ y: "-a * b", z: "round(-a, 0)" })).evaluate({
      a: 0.2,
      b: 0,
    });
    expect(Object.is(values.y!.toNumber(), 0)).toBe(true);
    expect(Object.is(values.z!.toNumber(), 0)).toBe(true);
    expect(values.y!.isNegative()).toBe(false);
  });

  it("raises the Decimal path's errors where the fast path has none (division, roots, powers)", () => {
    const compiled = compileModel(defineModel({ r: "a / b", s: "sqrt(a - 10)", p: "b ^ -1" }));
    expectCode(() => compiled.evaluate({ a: 1, b: 0 }), "DIVISION_BY_ZERO", ["formulas", "r"]);
    expectCode(() => compiled.evaluate({ a: 1, b: 2 }), "INVALID_OPERATION", ["formulas", "s"]);
    expect(compiled.evaluate({ a: 14, b: 4 }).p!.toString()).toBe("0.25");
  });
});

describe("compileModel: records people keep", () => {
  const w1 = {
    newCustomers: 600,
    conversion: 0.25,
    newAov: 8000,
    returningCustomers: 1500,
    repurchase: 0.4,
    returningAov: 6000,
  };

  it("returns the formula nodes, not copies of the inputs, in the model's order", () => {
    const values = compileModel(revenueModel()).evaluate(w1);
    expect(Object.keys(values)).toEqual(["newRevenue", "returningRevenue", "revenue"]);
  });

  it("returns the nodes asked for in outputs, in that order, inputs included", () => {
    const compiled = compileModel(revenueModel(), { outputs: ["revenue", "conversion"] });
    const values = compiled.evaluate(w1);
    expect(Object.keys(values)).toEqual(["revenue", "conversion"]);
    expect(values.revenue.toString()).toBe("4800000");
    expect(values.conversion.toString()).toBe("0.25");
  });

  it("builds every record with one shape: the same keys in the same order, row after row", () => {
    const compiled = compileModel(revenueModel());
    const records = [1, 2, 3].map((k) => compiled.evaluate({ ...w1, newCustomers: k }));
    for (const record of records) expect(Object.keys(record)).toEqual(Object.keys(records[0]!));
    expect(records.map((record) => record.revenue.toString())).toEqual([
      "3602000",
      "3604000",
      "3606000",
    ]);
  });

  it("keeps each record independent of later rows (no shared scratch leaks out)", () => {
    const compiled = compileModel(revenueModel());
    const first = compiled.evaluate(w1);
    compiled.evaluate({ ...w1, newAov: 1 });
    expect(first.revenue.toString()).toBe("4800000");
  });

  it("evaluates a nested call from a getter on a row with its own scratch", () => {
    const compiled = compileModel(defineModel({ y: "a * b" }));
    const row = {
      a: 3,
      get b() {
        return Number(compiled.evaluate({ a: 5, b: 7 }).y!.toString());
      },
    };
    expect(compiled.evaluate(row).y!.toString()).toBe("105");
  });

  it("refuses bad outputs: not an array, an unknown node, a name twice, an unknown option", () => {
    const model = revenueModel();
    expectCode(() => compileModel(model, { outputs: "revenue" as never }), "INVALID_ARGUMENT", [
      "options",
      "outputs",
    ]);
    expectCode(() => compileModel(model, { outputs: ["revenu" as never] }), "UNKNOWN_NODE", [
      "options",
      "outputs",
      0,
    ]);
    expectCode(() => compileModel(model, { outputs: ["revenue", "revenue"] }), "INVALID_ARGUMENT", [
      "options",
      "outputs",
      1,
    ]);
    expectCode(() => compileModel(model, { output: ["revenue"] } as never), "UNKNOWN_OPTION", [
      "options",
      "output",
    ]);
  });
});

describe("compileModel: evaluateColumns", () => {
  const compiled = compileModel(revenueModel());
  const columns = {
    newCustomers: new Int32Array([600, 700, 0]),
    conversion: new Float64Array([0.25, 0.2, 1]),
    newAov: [8000, "8000.5", new DecimalJs("12.125")],
    returningCustomers: [1500, 0, 1],
    repurchase: [0.4, 0.5, 0.125],
    returningAov: [6000, 1, 3],
  };

  it("returns only the columns asked for, in the form asked for", () => {
    const result = compiled.evaluateColumns(columns, { outputs: ["revenue"], as: "string" });
    expect(Object.keys(result)).toEqual(["revenue"]);
    expect(result.revenue).toEqual(["4800000", "1120070", "0.375"]);
    const decimals = compiled.evaluateColumns(columns, { outputs: ["newRevenue"] });
    expect(decimals.newRevenue.map(String)).toEqual(["1200000", "1120070", "0"]);
  });

  it("gives scaled integers with the fewest places that hold every value", () => {
    const { revenue } = compiled.evaluateColumns(columns, { outputs: ["revenue"], as: "scaled" });
    expect(revenue.scale).toBe(3);
    expect(revenue.mantissas).toEqual(new Float64Array([4800000000, 1120070000, 375]));
  });

  it("gives bigint mantissas when a value does not fit an int53 at the column's scale", () => {
    const wide = compileModel(defineModel({ y: "a * b", q: "a / 3" }));
    const { y, q } = wide.evaluateColumns(
      { a: [9_007_199_254_740_991, 0.5], b: [1, 1] },
      { as: "scaled" },
    );
    expect(y.scale).toBe(1);
    expect(y.mantissas).toEqual([90071992547409910n, 5n]);
    expect(q.mantissas).toBeInstanceOf(Array);
    expect(scaledText(q, 1)).toBe(new Decimal(0.5).div(3).toString());
  });

  it("writes decimal text exactly as Decimal's toString, tiny values included", () => {
    const tiny = compileModel(defineModel({ y: "a * b" }));
    const a = [1e-7, -0.05, 123.45, 5, 0];
    const b = [1e-7, 0.1, -2, 1e-13, 3];
    const { y } = tiny.evaluateColumns({ a, b }, { as: "string" });
    expect(y).toEqual(a.map((x, i) => new Decimal(x).times(b[i]!).toString()));
    expect(tiny.evaluateColumns({ a: ["1e-30"], b: ["1e-15"] }, { as: "string" }).y).toEqual([
      "1e-45",
    ]);
    // Held as int53 with 52 places: written in exponential notation, as decimal.js writes it.
    const product = compileModel(defineModel({ y: "a * b * c * d" }));
    const small = [1e-13, 3e-13];
    const { y: fourFold } = product.evaluateColumns(
      { a: small, b: small, c: small, d: small },
      { as: "string" },
    );
    expect(fourFold).toEqual(["1e-52", "8.1e-51"]);
  });

  it("ignores columns the outputs do not read, and gives empty columns for no rows", () => {
    const newRevenue = compiled.evaluateColumns(
      { newCustomers: [1], conversion: [0.5], newAov: [10], region: ["north"] } as never,
      { outputs: ["newRevenue"], as: "string" },
    );
    expect(newRevenue).toEqual({ newRevenue: ["5"] });
    const empty = compiled.evaluateColumns(
      { newCustomers: [], conversion: [], newAov: [] },
      { outputs: ["newRevenue"] },
    );
    expect(empty.newRevenue).toEqual([]);
  });

  it("does not mutate its columns", () => {
    const frozen = Object.freeze({ a: Object.freeze([1, 2]), b: Object.freeze([3, 4]) });
    const result = compileModel(defineModel({ y: "a + b" })).evaluateColumns(frozen, {
      as: "string",
    });
    expect(result.y).toEqual(["4", "6"]);
    expect(frozen).toEqual({ a: [1, 2], b: [3, 4] });
  });

  it("locates a bad value at its column and row, and a formula error at its row", () => {
    const bad = expectCode(
      () => compiled.evaluateColumns({ ...columns, conversion: [0.25, 2, 1] }),
      "OUT_OF_BOUNDS",
      ["columns", "conversion", 1],
    );
    expect(bad.details.row).toBe(1);
    expect(bad.message).toContain('"conversion" is 2, above its maximum 1.');
    const ratio = compileModel(defineModel({ r: "a / b" }));
    const error = expectCode(
      () => ratio.evaluateColumns({ a: [1, 2, 3], b: [1, 1, 0] }),
      "DIVISION_BY_ZERO",
      ["formulas", "r"],
    );
    expect(error.details.row).toBe(2);
    expect(error.message).toContain("In row 2.");
  });

  it("refuses missing, misshapen and unequal columns and bad options", () => {
    expectCode(() => compiled.evaluateColumns(null as never), "INVALID_ARGUMENT", ["columns"]);
    expectCode(
      () => compiled.evaluateColumns({ newCustomers: [1] } as never, { outputs: ["newRevenue"] }),
      "MISSING_INPUT",
      ["columns", "conversion"],
    );
    expectCode(
      () =>
        compiled.evaluateColumns({ newCustomers: [1], conversion: 0.5, newAov: [1] } as never, {
          outputs: ["newRevenue"],
        }),
      "INVALID_ARGUMENT",
      ["columns", "conversion"],
    );
    expectCode(
      () =>
        compiled.evaluateColumns(
          { newCustomers: [1, 2], conversion: [0.5], newAov: [1, 2] },
          { outputs: ["newRevenue"] },
        ),
      "INVALID_ARGUMENT",
      ["columns", "conversion"],
    );
    expectCode(
      () => compiled.evaluateColumns(columns, { as: "decimals" as never }),
      "INVALID_ARGUMENT",
      ["options", "as"],
    );
    expectCode(
      () => compiled.evaluateColumns(columns, { format: "string" } as never),
      "UNKNOWN_OPTION",
      ["options", "format"],
    );
    expectCode(
      () => compiled.evaluateColumns(columns, { outputs: ["revenu" as never] }),
      "UNKNOWN_NODE",
      ["options", "outputs", 0],
    );
    expect(errorOf(() => compiled.evaluateColumns([] as never)).code).toBe("INVALID_ARGUMENT");
  });
});

describe("the exact core's safe scaled integers", () => {
  it("reads a double's decimal places exactly as new Decimal(value) holds them", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (value) => {
        const places = numberScale(value);
        if (places < 0) return;
        const mantissa = Math.round(value * SAFE_POWERS_OF_TEN[places]!);
        expect(Number.isSafeInteger(mantissa)).toBe(true);
        expect(new Decimal(`${mantissa}e-${places}`).eq(new Decimal(value))).toBe(true);
        expect(new Decimal(value).decimalPlaces()).toBe(places);
      }),
      { numRuns: runs(2000) },
    );
  });

  it("holds the same decimal at a guessed number of places, fewest or not", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.double({ noNaN: true, noDefaultInfinity: true }),
          fc.integer({ min: -1e9, max: 1e9 }).map((n) => n / 1000),
        ),
        fc.integer({ min: -1, max: 15 }),
        (value, guess) => {
          const places = numberScale(value, guess);
          if (places < 0) {
            expect(numberScale(value)).toBe(-1);
            return;
          }
          const mantissa = Math.round(value * SAFE_POWERS_OF_TEN[places]!);
          expect(new Decimal(`${mantissa}e-${places}`).eq(new Decimal(value))).toBe(true);
        },
      ),
      { numRuns: runs(2000) },
    );
    expect(numberScale(0.25, 3)).toBe(3);
    expect(numberScale(0.25, 1)).toBe(2);
  });

  it("reads every decimal with up to 4 places and a mantissa up to 1e12 on the fast path", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.integer({ min: 0, max: 4 }), (n, k) => {
        const value = n / 10 ** k;
        const places = numberScale(value);
        expect(places).toBe(new Decimal(value).decimalPlaces());
      }),
      { numRuns: runs(2000) },
    );
  });

  it("gives a Decimal's safe mantissa and scale, or null when its digits do not fit", () => {
    expect(safeScaledOf(new Decimal("123.45"))).toEqual({ mantissa: 12345, scale: 2 });
    expect(safeScaledOf(new Decimal("-3e5"))).toEqual({ mantissa: -300000, scale: 0 });
    expect(safeScaledOf(new Decimal(0))).toEqual({ mantissa: 0, scale: 0 });
    expect(safeScaledOf(new Decimal("1234567890123456"))).toBeNull();
    expect(safeScaledOf(new Decimal("1e-23"))).toBeNull();
    expect(safeScaledOf(new Decimal("1e15"))).toEqual({ mantissa: 1e15, scale: 0 });
    expect(safeScaledOf(new Decimal("1e16"))).toBeNull();
    expect(safeScaledOf(new Decimal("1e20"))).toBeNull();
  });
});
