import { defineModel, evaluate, modelToSQL, revenueModel } from "targetree";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deepFreeze, expectBareRecord, expectCode } from "../_support/errors.js";
import { type Engine, normalise, openDuckDB } from "./_modelEngines.js";

const REVENUE_COLUMNS = {
  newCustomers: { type: "INTEGER" },
  conversion: { type: "DECIMAL(5,4)" },
  newAov: { type: "DECIMAL(12,2)" },
  returningCustomers: { type: "INTEGER" },
  repurchase: { type: "DECIMAL(5,4)" },
  returningAov: { type: "DECIMAL(12,2)" },
};

describe("modelToSQL", () => {
  let duckdb: Engine;
  beforeAll(async () => {
    duckdb = await openDuckDB();
  });
  afterAll(async () => {
    await duckdb.close();
  });

  it("writes one expression per formula node, in dependency order, and a select list of the outputs", () => {
    const sql = modelToSQL(revenueModel(), {
      dialect: "duckdb",
      outputs: ["revenue"],
      columns: REVENUE_COLUMNS,
    });
    expect(Object.keys(sql.expressions)).toEqual(["newRevenue", "returningRevenue", "revenue"]);
    expect(sql.select).toBe(`${sql.expressions.revenue} AS "revenue"`);
    expect(sql.dialect).toBe("duckdb");
    expect(Object.keys(sql.columns)).toEqual([
      "newCustomers",
      "conversion",
      "newAov",
      "returningCustomers",
      "repurchase",
      "returningAov",
    ]);
  });

  it("computes every formula node by default, in the model's order", () => {
    const sql = modelToSQL(revenueModel(), { dialect: "postgres" });
    expect(sql.select.match(/ AS "(\w+)"/g)).toEqual([
      ' AS "newRevenue"',
      ' AS "returningRevenue"',
      ' AS "revenue"',
    ]);
  });

  it("gives an input asked for as an output as its column", () => {
    const sql = modelToSQL(revenueModel(), {
      dialect: "postgres",
      outputs: ["conversion", "revenue"],
    });
    expect(sql.select.startsWith('CAST("conversion" AS NUMERIC) AS "conversion", ')).toBe(true);
  });

  it("computes the revenue model in DuckDB exactly as evaluate does", async () => {
    const model = revenueModel();
    const inputs = {
      newCustomers: 600,
      conversion: "0.2537",
      newAov: "8000.15",
      returningCustomers: 1500,
      repurchase: "0.4",
      returningAov: "6000.99",
    };
    const { select } = modelToSQL(model, { dialect: "duckdb", columns: REVENUE_COLUMNS });
    const rows = await duckdb.rows(
      `SELECT ${select} FROM (SELECT 600 AS "newCustomers", 0.2537 AS conversion, 8000.15 AS "newAov", 1500 AS "returningCustomers", 0.4 AS repurchase, 6000.99 AS "returningAov")`,
    );
    const values = evaluate(model, inputs);
    expect(rows[0]!.map((text) => normalise(text!))).toEqual([
      values.newRevenue.toFixed(),
      values.returningRevenue.toFixed(),
      values.revenue.toFixed(),
    ]);
  });

  it("quotes every column name, so quotes, spaces, Chinese and __proto__ are names, never SQL", async () => {
    // JSON.parse makes `__proto__` an own key, as a user's parsed configuration would.
    const inputs = JSON.parse(
      JSON.stringify({
        a: { name: `it's "a"; DROP TABLE t; --`, type: "DECIMAL(6,2)" },
        b: { name: "unit price", type: "DECIMAL(6,2)" },
        新客户数: { name: "新客户数", type: "INTEGER" },
      }).replace(/}$/, ', "__proto__": { "name": "__proto__", "type": "INTEGER" } }'),
    ) as Record<string, { name: string; type: string }>;
    const formulas = JSON.parse(
      '{ "total": "a + b + 新客户数 + __proto__", "constructor": "total * 2" }',
    ) as Record<string, string>;
    const model = defineModel(formulas);
    const sql = modelToSQL(model, { dialect: "duckdb", columns: inputs as never });
    expect(sql.expressions.total).toContain(`"it's ""a""; DROP TABLE t; --"`);
    expect(sql.select).toContain(' AS "constructor"');
    expect(sql.expressions.total).toContain('CAST("__proto__" AS DECIMAL(10,0))');
    expectBareRecord(sql.expressions);
    expectBareRecord(sql.columns);
    expect(Object.keys(sql.expressions)).toEqual(["total", "constructor"]);
    const rows = await duckdb.rows(
      `SELECT ${sql.select} FROM (SELECT 1.25 AS "it's ""a""; DROP TABLE t; --", 2.5 AS "unit price", 3 AS "新客户数", 4 AS "__proto__")`,
    );
    expect(rows[0]!.map((text) => normalise(text!))).toEqual(["10.75", "21.5"]);
  });

  it("writes literals from their decimal digits, never through a JS number", () => {
    const model = defineModel({ y: "x * 0.1234567890123456789 + 12345678901234567890" });
    const sql = modelToSQL(model, { dialect: "postgres" });
    expect(sql.expressions.y).toContain("CAST('0.1234567890123456789' AS NUMERIC)");
    expect(sql.expressions.y).toContain("CAST('12345678901234567890' AS NUMERIC)");
    const duck = modelToSQL(defineModel({ y: "x * 0.1234567890123456789" }), {
      dialect: "duckdb",
      columns: { x: { type: "DECIMAL(4,1)" } },
    });
    expect(duck.expressions.y).toContain("CAST('0.1234567890123456789' AS DECIMAL(19,19))");
  });

  it("divides by a literal whose reciprocal terminates as an exact product", () => {
    const model = defineModel({ quarter: "x / 4", percent: "x / -1.25" });
    const sql = modelToSQL(model, { dialect: "duckdb", columns: { x: { type: "DECIMAL(8,2)" } } });
    expect(sql.expressions.quarter).toContain("CAST('0.25' AS DECIMAL(2,2))");
    expect(sql.expressions.percent).toContain("CAST('-0.8' AS DECIMAL(1,1))");
  });

  it("rounds half away from zero in round(), floor() and ceil() as the library does, in DuckDB", async () => {
    const model = defineModel({
      r: "round(x, 1)",
      f: "floor(x, 1)",
      c: "ceil(x, -1)",
      r0: "round(x)",
    });
    const { select } = modelToSQL(model, {
      dialect: "duckdb",
      columns: { x: { type: "DECIMAL(6,2)" } },
    });
    const xs = ["-2.45", "2.45", "-15.05", "15.05", "0.05", "-0.05", "9999.99", "-9999.99"];
    const rows = await duckdb.rows(
      `SELECT ${select} FROM (VALUES ${xs.map((x) => `(CAST('${x}' AS DECIMAL(6,2)))`).join(", ")}) AS t(x)`,
    );
    rows.forEach((row, index) => {
      const values = evaluate(model, { x: xs[index]! });
      expect(row.map((text) => normalise(text!))).toEqual([
        values.r.toFixed(),
        values.f.toFixed(),
        values.c.toFixed(),
        values.r0.toFixed(),
      ]);
    });
  });

  it("does not change its arguments and returns frozen results", () => {
    const model = revenueModel();
    const options = deepFreeze({
      dialect: "duckdb" as const,
      outputs: ["revenue" as const],
      columns: REVENUE_COLUMNS,
    });
    const sql = modelToSQL(model, options);
    expect(Object.isFrozen(sql)).toBe(true);
    expect(Object.isFrozen(sql.expressions)).toBe(true);
  });

  describe("refuses", () => {
    const model = defineModel({ y: "x * 2" });

    it("a construct with no exact SQL, naming the node and the construct", () => {
      const cases: [string, string][] = [
        ["sqrt(x)", "sqrt"],
        ["x ^ 0.5", "power"],
        ["x ^ x", "power"],
        ["round(x, x)", "digits of round"],
      ];
      for (const [formula, construct] of cases) {
        const error = expectCode(
          () => modelToSQL(defineModel({ node: formula }), { dialect: "postgres" }),
          "SQL_UNSUPPORTED",
          ["model", "nodes", "node"],
        );
        expect(error.message).toContain('formula "node"');
        expect(error.message).toContain(construct);
      }
    });

    it("a division by a column in DuckDB, whose 38 digits cannot hold the library's 64", () => {
      const error = expectCode(
        () =>
          modelToSQL(defineModel({ rate: "orders / visits" }), {
            dialect: "duckdb",
            columns: { orders: { type: "INTEGER" }, visits: { type: "INTEGER" } },
          }),
        "SQL_UNSUPPORTED",
        ["model", "nodes", "rate"],
      );
      expect(error.message).toContain("64 significant digits");
      expect(
        modelToSQL(defineModel({ rate: "orders / visits" }), { dialect: "postgres" }).select,
      ).toContain("div(");
    });

    it("a DuckDB input whose precision nothing states, naming the input", () => {
      const error = expectCode(() => modelToSQL(model, { dialect: "duckdb" }), "SQL_PRECISION", [
        "options",
        "columns",
        "x",
      ]);
      expect(error.message).toContain('"x"');
    });

    it("a DuckDB node whose values may need more than 38 digits, naming the node", () => {
      const wide = defineModel({ square: "x * x * x" });
      expectCode(
        () => modelToSQL(wide, { dialect: "duckdb", columns: { x: { type: "DECIMAL(18,6)" } } }),
        "SQL_PRECISION",
        ["model", "nodes", "square"],
      );
      expect(
        modelToSQL(wide, { dialect: "duckdb", columns: { x: { type: "DECIMAL(12,2)" } } }).select,
      ).toContain("DECIMAL(36,6)");
    });

    it("in DuckDB, a literal, an input type or a common type of more than 38 digits", () => {
      expectCode(
        () =>
          modelToSQL(defineModel({ y: "x + 1234567890123456789012345678901234567890" }), {
            dialect: "duckdb",
            columns: { x: { type: "INTEGER" } },
          }),
        "SQL_PRECISION",
        ["model", "nodes", "y"],
      );
      expectCode(
        () => modelToSQL(model, { dialect: "duckdb", columns: { x: { type: "DECIMAL(40,2)" } } }),
        "SQL_PRECISION",
        ["options", "columns", "x"],
      );
      const compare = defineModel({ y: "if(big < small, 1, 0)" });
      expectCode(
        () =>
          modelToSQL(compare, {
            dialect: "duckdb",
            columns: { big: { type: "DECIMAL(38,0)" }, small: { type: "DECIMAL(20,20)" } },
          }),
        "SQL_PRECISION",
        ["model", "nodes", "y"],
      );
      expect(
        modelToSQL(compare, {
          dialect: "duckdb",
          columns: { big: { type: "DECIMAL(18,0)" }, small: { type: "DECIMAL(20,20)" } },
        }).select,
      ).toContain('CAST(CAST("big" AS DECIMAL(18,0)) AS DECIMAL(38,20))');
    });

    it("uses the model's whole-number bounds as an input's precision", () => {
      const bounded = defineModel(
        { double: "count * 2" },
        { inputs: { count: { wholeNumber: true, min: -500, max: 100 } } },
      );
      expect(modelToSQL(bounded, { dialect: "duckdb" }).select).toContain(
        'CAST("count" AS DECIMAL(3,0))',
      );
    });

    it("a literal division by zero", () => {
      expectCode(
        () => modelToSQL(defineModel({ y: "x / 0" }), { dialect: "postgres" }),
        "DIVISION_BY_ZERO",
        ["model", "nodes", "y"],
      );
    });

    it("bad options with their paths", () => {
      expectCode(() => modelToSQL(model, {} as never), "INVALID_ARGUMENT", ["options", "dialect"]);
      expectCode(() => modelToSQL(model, { dialect: "mysql" } as never), "INVALID_ARGUMENT", [
        "options",
        "dialect",
      ]);
      expectCode(
        () => modelToSQL(model, { dialect: "duckdb", outputs: ["z"] } as never),
        "UNKNOWN_NODE",
        ["options", "outputs", 0],
      );
      expectCode(
        () => modelToSQL(model, { dialect: "duckdb", outputs: ["y", "y"] }),
        "INVALID_ARGUMENT",
        ["options", "outputs", 1],
      );
      expectCode(
        () => modelToSQL(model, { dialect: "duckdb", columns: { z: {} } } as never),
        "UNKNOWN_NODE",
        ["options", "columns", "z"],
      );
      expectCode(
        () => modelToSQL(model, { dialect: "duckdb", columns: { x: { type: "FLOAT" } } }),
        "INVALID_ARGUMENT",
        ["options", "columns", "x", "type"],
      );
      expectCode(
        () => modelToSQL(model, { dialect: "duckdb", columns: { x: { typ: "INTEGER" } } } as never),
        "UNKNOWN_OPTION",
        ["options", "columns", "x", "typ"],
      );
      expectCode(
        () => modelToSQL(model, { dialect: "duckdb", dialects: "x" } as never),
        "UNKNOWN_OPTION",
      );
      expectCode(() => modelToSQL({} as never, { dialect: "duckdb" }), "INVALID_ARGUMENT", [
        "model",
      ]);
    });

    it("a column name PostgreSQL would cut (over 63 bytes) or a NUL character", () => {
      expectCode(
        () => modelToSQL(model, { dialect: "postgres", columns: { x: { name: "客".repeat(22) } } }),
        "INVALID_ARGUMENT",
        ["options", "columns", "x", "name"],
      );
      expect(
        modelToSQL(model, { dialect: "postgres", columns: { x: { name: "客".repeat(21) } } })
          .select,
      ).toContain("客".repeat(21));
      expectCode(
        () =>
          modelToSQL(model, {
            dialect: "duckdb",
            columns: { x: { name: "a\u0000b", type: "INTEGER" } },
          }),
        "INVALID_ARGUMENT",
        ["options", "columns", "x", "name"],
      );
    });
  });
});
