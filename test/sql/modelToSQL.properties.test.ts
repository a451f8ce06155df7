// Properties of modelToSQL: on small random models (formula trees over + − × / min max if and the
// rounding functions, random decimal literals) and random rows, DuckDB, PostgreSQL and the library
// give the same value for every row; where DuckDB cannot hold a model exactly, it refuses it with
// SQL_PRECISION or SQL_UNSUPPORTED instead of computing something else.
import fc from "fast-check";
import { defineModel, evaluate, modelToSQL, TargetreeError } from "targetree";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runs } from "../_support/runs.js";
import { type Engine, normalise, openDuckDB, openPostgres } from "./_modelEngines.js";
import { scaledText } from "./_modelRows.js";

const COLUMNS = {
  a: { type: "DECIMAL(8,3)" },
  b: { type: "DECIMAL(6,2)" },
};

/** A decimal literal: up to 5 digits, up to 3 of them after the point. */
const literal = fc
  .tuple(fc.integer({ min: 0, max: 99_999 }), fc.integer({ min: 0, max: 3 }))
  .map(([whole, scale]) => scaledText(whole, scale));

const formula = fc.letrec<{ number: string; condition: string }>((tie) => ({
  number: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.constantFrom("a", "b", "c"),
    literal,
    fc
      .tuple(tie("number"), fc.constantFrom("+", "-", "*"), tie("number"))
      .map(([left, op, right]) => `(${left} ${op} ${right})`),
    // Divisors that are never zero: a non-zero literal, or |x| + 1.
    fc
      .tuple(
        tie("number"),
        literal.filter((text) => Number(text) !== 0),
      )
      .map(([left, right]) => `(${left} / ${right})`),
    fc
      .tuple(tie("number"), tie("number"))
      .map(([left, right]) => `(${left} / (abs(${right}) + 1))`),
    fc
      .tuple(fc.constantFrom("min", "max"), tie("number"), tie("number"))
      .map(([name, left, right]) => `${name}(${left}, ${right})`),
    fc
      .tuple(tie("condition"), tie("number"), tie("number"))
      .map(([test, then, otherwise]) => `if(${test}, ${then}, ${otherwise})`),
    fc
      .tuple(
        fc.constantFrom("round", "floor", "ceil"),
        tie("number"),
        fc.integer({ min: -1, max: 3 }),
      )
      .map(([name, value, digits]) => `${name}(${value}, ${digits})`),
    tie("number").map((value) => `-(${value})`),
  ),
  condition: fc
    .tuple(tie("number"), fc.constantFrom("<", "<=", ">", ">=", "==", "!="), tie("number"))
    .map(([left, op, right]) => `${left} ${op} ${right}`),
}));

const row = fc.record({
  a: fc.integer({ min: -99_999_999, max: 99_999_999 }).map((whole) => scaledText(whole, 3)),
  b: fc.integer({ min: -999_999, max: 999_999 }).map((whole) => scaledText(whole, 2)),
  c: fc.integer({ min: -50, max: 50 }).map(String),
});

/** The rows as a VALUES table, in both engines' syntax, with an ordinal to keep their order. */
function valuesTable(rows: readonly { a: string; b: string; c: string }[]): string {
  const tuples = rows.map(
    (each, index) =>
      `(${index}, CAST('${each.a}' AS DECIMAL(8,3)), CAST('${each.b}' AS DECIMAL(6,2)), CAST('${each.c}' AS INTEGER))`,
  );
  return `(VALUES ${tuples.join(", ")}) AS t(ordinal, a, b, c)`;
}

describe("modelToSQL properties", async () => {
  let duckdb: Engine;
  const postgres = await openPostgres("modelToSQL properties");
  beforeAll(async () => {
    duckdb = await openDuckDB();
  });
  afterAll(async () => {
    await duckdb.close();
    await postgres?.close();
  });

  it("gives the library's value for every row in DuckDB and PostgreSQL, or DuckDB refuses the model", async () => {
    let computedByDuckDB = 0;
    await fc.assert(
      fc.asyncProperty(
        formula.number,
        fc.array(row, { minLength: 1, maxLength: 6 }),
        async (text, rows) => {
          // `every` reads each input, so the options may describe all three.
          const model = defineModel(
            { y: text, every: "a + b + c" },
            { inputs: { c: { wholeNumber: true, min: -50, max: 50 } } },
          );
          let expected: string[];
          try {
            expected = rows.map((each) => evaluate(model, each).y!.toFixed());
          } catch (error) {
            // A value beyond the library's magnitude: no SQL to compare with.
            if (error instanceof TargetreeError && error.code === "NUMBER_TOO_LARGE") return;
            throw error;
          }
          const query = (select: string) =>
            `SELECT ${select} FROM ${valuesTable(rows)} ORDER BY ordinal`;
          let duck: ReturnType<typeof modelToSQL> | null = null;
          try {
            duck = modelToSQL(model, { dialect: "duckdb", outputs: ["y"], columns: COLUMNS });
          } catch (error) {
            expect(error).toBeInstanceOf(TargetreeError);
            expect(["SQL_PRECISION", "SQL_UNSUPPORTED"]).toContain((error as TargetreeError).code);
          }
          if (duck !== null) {
            computedByDuckDB++;
            const got = (await duckdb.rows(query(duck.select))).map((each) => normalise(each[0]!));
            expect(got, `DuckDB: ${text}`).toEqual(expected);
          }
          if (postgres !== null) {
            for (const columns of [COLUMNS, {}]) {
              const sql = modelToSQL(model, { dialect: "postgres", outputs: ["y"], columns });
              const got = (await postgres.rows(query(sql.select))).map((each) =>
                normalise(each[0]!),
              );
              expect(got, `PostgreSQL: ${text}`).toEqual(expected);
            }
          }
        },
      ),
      { numRuns: runs(150) },
    );
    // The property must exercise DuckDB too, not only its refusals.
    expect(computedByDuckDB).toBeGreaterThan(runs(150) / 5);
  }, 300_000);
});
