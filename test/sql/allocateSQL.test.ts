// allocateSQL on the real engines: DuckDB in-process and the PostgreSQL of TARGETREE_PG_URL. Every
// part must equal `allocate`'s part as text, on small hand-made tables, on random ones (fast-check,
// both engines against the library) and on a million generated rows.
import fc from "fast-check";
import { allocate, allocateSQL } from "targetree";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type Engine,
  type EngineName,
  openDuckDB,
  openPostgres,
  queryError,
} from "../_support/engines.js";
import { deepFreeze, expectCode } from "../_support/errors.js";
import { POSTGRES_URL, warnPostgresSkipped } from "../_support/postgres.js";
import { runs } from "../_support/runs.js";
import { decimalType, makeTable, ordered } from "./_tables.js";

warnPostgresSkipped("test/sql/allocateSQL.test.ts");

const ENGINES: readonly EngineName[] = ["duckdb", "postgres"];
const skipped = (name: EngineName): boolean => name === "postgres" && POSTGRES_URL === undefined;
const open = async (name: EngineName): Promise<Engine> =>
  name === "duckdb" ? openDuckDB() : ((await openPostgres()) as Engine);

describe("allocateSQL writes SQL", () => {
  it("needs a dialect, a table, a total and an ordinal", () => {
    const base = { dialect: "duckdb", from: "t", total: "total", ordinal: "id" } as const;
    expectCode(() => allocateSQL({ ...base, dialect: "sqlite" as "duckdb" }), "INVALID_ARGUMENT", [
      "options",
      "dialect",
    ]);
    expectCode(
      () => allocateSQL({ ...base, from: undefined as unknown as string }),
      "INVALID_ARGUMENT",
      ["options", "from"],
    );
    expectCode(() => allocateSQL({ ...base, total: "" }), "INVALID_ARGUMENT", ["options", "total"]);
    expectCode(
      () => allocateSQL({ ...base, ordinal: [] as unknown as string }),
      "INVALID_ARGUMENT",
      ["options", "ordinal"],
    );
    expectCode(() => allocateSQL({ ...base, unit: "0.0000000000000000001" }), "INVALID_ARGUMENT", [
      "options",
      "unit",
    ]);
    expectCode(() => allocateSQL({ ...base, unit: "abc" }), "INVALID_NUMBER", ["options", "unit"]);
    expectCode(() => allocateSQL({ ...base, weightDecimals: 19 }), "INVALID_ARGUMENT", [
      "options",
      "weightDecimals",
    ]);
    expectCode(() => allocateSQL({ ...base, total: "a\u0000b" }), "INVALID_ARGUMENT", [
      "options",
      "total",
    ]);
  });

  it("refuses a misspelt option with the nearest known one", () => {
    const error = expectCode(
      () =>
        allocateSQL({
          dialect: "duckdb",
          from: "t",
          total: "total",
          ordinal: "id",
          partitonBy: "g",
        } as never),
      "UNKNOWN_OPTION",
      ["options", "partitonBy"],
    );
    expect(error.message).toContain('Did you mean "partitionBy"?');
  });

  it("refuses a Map as options", () => {
    expectCode(() => allocateSQL(new Map() as never), "INVALID_ARGUMENT", ["options"]);
  });

  it("never changes its options and gives the same SQL for the same options", () => {
    const options = deepFreeze({
      dialect: "postgres" as const,
      from: ["sales", "stores"],
      total: "total",
      ordinal: ["id"],
      partitionBy: ["region"],
    });
    expect(allocateSQL(options)).toBe(allocateSQL(options));
    expect(allocateSQL(options)).toContain('FROM "sales"."stores"');
  });

  it("quotes every name, so a quote in a name cannot end it", () => {
    const sql = allocateSQL({
      dialect: "duckdb",
      from: 'x"; DROP TABLE y; --',
      total: "total",
      ordinal: "id",
    });
    expect(sql).toContain('FROM "x""; DROP TABLE y; --"');
  });
});

describe.each(ENGINES)("allocateSQL on %s", (name) => {
  let engine: Engine;
  beforeAll(async () => {
    if (!skipped(name)) engine = await open(name);
  });
  afterAll(async () => {
    await engine?.close();
  });

  const parts = async (sql: string, order: readonly string[], column = "part") =>
    (await engine.columns(ordered(sql, [column], order)))[0]!;

  it.skipIf(skipped(name))("gives 5 over 3, 3, 4 as 2, 1, 2, like allocate", async () => {
    await makeTable(
      engine,
      "three",
      [
        ["id", "INTEGER"],
        ["total", "INTEGER"],
        ["w", "INTEGER"],
      ],
      [
        [1, 5, 3],
        [2, 5, 3],
        [3, 5, 4],
      ],
    );
    const sql = allocateSQL({
      dialect: name,
      from: "three",
      total: "total",
      weight: "w",
      ordinal: "id",
      unit: 1,
    });
    expect(await parts(sql, ["id"])).toEqual(["2", "1", "2"]);
    expect(allocate(5, [3, 3, 4], { unit: 1 }).map(String)).toEqual(["2", "1", "2"]);
  });

  it.skipIf(skipped(name))("gives a tie to the lower ordinal, whatever the row order", async () => {
    await makeTable(
      engine,
      "ties",
      [
        ["id", "INTEGER"],
        ["total", decimalType(engine, 2)],
      ],
      [
        [3, "1.00"],
        [1, "1.00"],
        [2, "1.00"],
      ],
    );
    const sql = allocateSQL({ dialect: name, from: "ties", total: "total", ordinal: "id" });
    expect(await parts(sql, ["id"])).toEqual(["0.34", "0.33", "0.33"]);
  });

  it.skipIf(skipped(name))(
    "splits each group on its own, with holds, zero weights and negative totals",
    async () => {
      await makeTable(
        engine,
        "groups",
        [
          ["region", "VARCHAR"],
          ["id", "INTEGER"],
          ["total", decimalType(engine, 2)],
          ["w", "DOUBLE PRECISION"],
          ["fixed", decimalType(engine, 2)],
        ],
        [
          ["华东", 1, "100.00", 1, "50.00"],
          ["华东", 2, "100.00", 1, null],
          ["华东", 3, "100.00", 2, null],
          ["华南", 1, "-10.00", 0, null],
          ["华南", 2, "-10.00", 0, null],
          ["华南", 3, "-10.00", 0, null],
          ["西北", 1, "7.00", 0.5, null],
          ["西北", 2, "7.00", 0.25, null],
        ],
      );
      const sql = allocateSQL({
        dialect: name,
        from: "groups",
        total: "total",
        weight: "w",
        holds: "fixed",
        partitionBy: "region",
        ordinal: "id",
      });
      const got = await engine.rows(ordered(sql, ["region", "id", "part"], ["region", "id"]));
      const library = [
        allocate("100", [1, 1, 2], { holds: ["50"] }),
        allocate("-10", [0, 0, 0]),
        allocate("7", [0.5, 0.25]),
      ].flatMap((values) => values.map((value) => value.toFixed(2)));
      const byRegion = ["华东", "华东", "华东", "华南", "华南", "华南", "西北", "西北"];
      const expected = byRegion.map((region, i) => [
        region,
        String([1, 2, 3, 1, 2, 3, 1, 2][i]),
        library[i],
      ]);
      // The engines may order Chinese text differently; compare as sets of rows.
      expect([...got].sort()).toEqual([...expected].sort());
    },
  );

  it.skipIf(skipped(name))("splits in 万 and returns every column of the table", async () => {
    await makeTable(
      engine,
      "wan",
      [
        ["store", "VARCHAR"],
        ["total", "BIGINT"],
        ["w", "INTEGER"],
      ],
      [
        ["a", 1_000_000, 2],
        ["b", 1_000_000, 1],
      ],
    );
    const sql = allocateSQL({
      dialect: name,
      from: "wan",
      total: "total",
      weight: "w",
      ordinal: "store",
      unit: "万",
      as: "目标",
    });
    const rows = await engine.rows(ordered(sql, ["store", "total", "w", "目标"], ["store"]));
    const library = allocate("100万", { a: 2, b: 1 }, { unit: "万" });
    expect(rows).toEqual([
      ["a", "1000000", "2", library.a.toFixed(0)],
      ["b", "1000000", "1", library.b.toFixed(0)],
    ]);
  });

  it.skipIf(skipped(name))(
    "reads names with quotes, spaces, Chinese and __proto__ as they are",
    async () => {
      const table = 'my "odd" table';
      await makeTable(
        engine,
        table,
        [
          ["__proto__", "INTEGER"],
          ["总 目标", "INTEGER"],
          ['we"ight', "INTEGER"],
          ["constructor", "VARCHAR"],
        ],
        [
          [1, 10, 1, "x"],
          [2, 10, 2, "x"],
        ],
      );
      const sql = allocateSQL({
        dialect: name,
        from: table,
        total: "总 目标",
        weight: 'we"ight',
        ordinal: "__proto__",
        partitionBy: "constructor",
        unit: 1,
        as: "it's",
      });
      expect(await parts(sql, ["__proto__"], "it's")).toEqual(["3", "7"]);
    },
  );

  it.skipIf(skipped(name))("fails the query with allocate's code for a bad row", async () => {
    const columns = [
      ["g", "INTEGER"],
      ["id", "INTEGER"],
      ["total", decimalType(engine, 4)],
      ["w", decimalType(engine, 8)],
      ["fixed", decimalType(engine, 2)],
    ] as const;
    const cases: [rows: (string | number | null)[][], code: string, extra?: object][] = [
      [[[1, 1, "10", "-1", null]], "NEGATIVE_WEIGHT"],
      [[[1, 1, "10", null, null]], "INVALID_NUMBER"],
      [[[1, 1, null, "1", null]], "INVALID_NUMBER"],
      [[[1, 1, "10.005", "1", null]], "NOT_A_MULTIPLE_OF_UNIT"],
      [[[1, 1, "10", "0.0000001", null]], "INVALID_ARGUMENT"],
      [
        [
          [1, 1, "10", "1", "11"],
          [1, 2, "10", "1", null],
        ],
        "HOLDS_EXCEED_TOTAL",
      ],
      [[[1, 1, "10", "1", "9"]], "NO_FREE_PARTS"],
      [
        [
          [1, 1, "10", "1", null],
          [1, 1, "10", "1", null],
        ],
        "DUPLICATE_KEY",
      ],
      [
        [
          [1, 1, "10", "1", null],
          [1, 2, "11", "1", null],
        ],
        "INVALID_ARGUMENT",
      ],
      [[[1, 1, "10", "0", null]], "ZERO_WEIGHTS", { onZeroWeights: "error" }],
    ];
    for (const [rows, code, extra] of cases) {
      await makeTable(engine, "bad", columns, rows);
      const sql = allocateSQL({
        dialect: name,
        from: "bad",
        total: "total",
        weight: "w",
        holds: "fixed",
        partitionBy: "g",
        ordinal: "id",
        ...extra,
      });
      const message = await queryError(engine, sql);
      expect(message, `${code} for ${JSON.stringify(rows)}`).toContain(`targetree ${code}:`);
    }
  });

  it.skipIf(skipped(name))("fails the query for a NaN or infinite weight", async () => {
    for (const bad of ["NaN", "Infinity", "-Infinity"]) {
      await makeTable(
        engine,
        "nonfinite",
        [
          ["id", "INTEGER"],
          ["total", "INTEGER"],
          ["w", "DOUBLE PRECISION"],
        ],
        [
          [1, 10, bad],
          [2, 10, "1"],
        ],
      );
      const sql = allocateSQL({
        dialect: name,
        from: "nonfinite",
        total: "total",
        weight: "w",
        ordinal: "id",
        unit: 1,
      });
      expect(await queryError(engine, sql), bad).toContain("targetree INVALID_NUMBER:");
    }
  });

  it.skipIf(skipped(name))("lets a held part have no weight", async () => {
    await makeTable(
      engine,
      "held",
      [
        ["id", "INTEGER"],
        ["total", "INTEGER"],
        ["w", "INTEGER"],
        ["fixed", "INTEGER"],
      ],
      [
        [1, 10, null, 4],
        [2, 10, 1, null],
        [3, 10, 1, null],
      ],
    );
    const sql = allocateSQL({
      dialect: name,
      from: "held",
      total: "total",
      weight: "w",
      holds: "fixed",
      ordinal: "id",
      unit: 1,
    });
    expect(await parts(sql, ["id"])).toEqual(["4", "3", "3"]);
  });
});

describe("allocateSQL against allocate on random tables (fast-check)", () => {
  const engines: Engine[] = [];
  beforeAll(async () => {
    engines.push(await openDuckDB());
    const postgres = await openPostgres();
    if (postgres !== undefined) engines.push(postgres);
  });
  afterAll(async () => {
    for (const engine of engines) await engine.close();
  });

  const weight = fc.oneof(
    fc.integer({ min: 0, max: 20 }),
    fc.integer({ min: 0, max: 2000 }).map((cents) => cents / 100),
    fc.constant(0),
  );
  const group = fc
    .record({
      cents: fc.integer({ min: -100_000, max: 100_000 }),
      weights: fc.array(weight, { minLength: 1, maxLength: 8 }),
      held: fc.option(fc.nat({ max: 7 }), { nil: undefined }),
      heldShare: fc.integer({ min: 0, max: 100 }),
    })
    .map(({ cents, weights, held, heldShare }) => {
      const holdAt = held !== undefined && held < weights.length - 1 ? held : undefined;
      // A hold within the total, so the split is defined.
      const holdCents = Math.trunc((cents * heldShare) / 100);
      return { cents, weights, holdAt, holdCents };
    });

  it("gives allocate's parts in every engine", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(group, { minLength: 1, maxLength: 4 }),
        fc.constantFrom("0.01", "0.05", "1"),
        fc.boolean(),
        async (groups, unit, shuffle) => {
          const rows: (string | number | null)[][] = [];
          const expected: string[][] = [];
          const scale = unit === "1" ? 0 : 2;
          groups.forEach(({ cents, weights, holdAt, holdCents }, g) => {
            // Totals and holds on the unit: whole units of it.
            const step = unit === "0.05" ? 5 : unit === "1" ? 100 : 1;
            const total = (Math.trunc(cents / step) * step) / 100;
            const hold = (Math.trunc(holdCents / step) * step) / 100;
            const holds = weights.map((_, i) => (i === holdAt ? String(hold) : undefined));
            const values = allocate(String(total), weights, { unit, holds });
            weights.forEach((w, i) => {
              rows.push([g, i, String(total), w, i === holdAt ? String(hold) : null]);
              expected.push([String(g), String(i), values[i]!.toFixed(scale)]);
            });
          });
          if (shuffle) rows.reverse();
          for (const engine of engines) {
            await makeTable(
              engine,
              "random",
              [
                ["g", "INTEGER"],
                ["id", "INTEGER"],
                ["total", decimalType(engine, 2)],
                ["w", "DOUBLE PRECISION"],
                ["fixed", decimalType(engine, 2)],
              ],
              rows,
            );
            const sql = allocateSQL({
              dialect: engine.name,
              from: "random",
              total: "total",
              weight: "w",
              holds: "fixed",
              partitionBy: "g",
              ordinal: "id",
              unit,
            });
            const got = await engine.rows(ordered(sql, ["g", "id", "part"], ["g", "id"]));
            expect(got, engine.name).toEqual(expected);
          }
        },
      ),
      { numRuns: runs(40) },
    );
  }, 120_000);
});

/** The million rows, generated inside the engine and again in Node, the same every run. */
const GROUPS = 1000;
const PER_GROUP = 1000;

function bigTableSQL(name: EngineName): string {
  const i = name === "duckdb" ? "i" : "CAST(i AS BIGINT)";
  const intDiv = (a: string, b: number) => (name === "duckdb" ? `(${a}) // ${b}` : `(${a}) / ${b}`);
  const g = intDiv(i, PER_GROUP);
  const cents = `((${g}) * 104729 + 7) % 1000003 * 100 + (${g}) % 100`;
  const signed = `CASE WHEN (${g}) % 11 = 0 THEN -(${cents}) ELSE ${cents} END`;
  const money = (integer: string) =>
    name === "duckdb"
      ? `CAST(${integer} AS DECIMAL(18, 0)) * CAST('0.01' AS DECIMAL(3, 2))`
      : `(${integer}) * 0.01`;
  const rows = name === "duckdb" ? "range(1000000) AS r(i)" : "generate_series(0, 999999) AS i";
  return `SELECT ${g} AS g, ${i} % ${PER_GROUP} AS o,
    CASE WHEN (${g}) % 17 = 0 THEN CAST(0 AS DOUBLE PRECISION)
         ELSE CAST((${i} * 7919 + 13) % 9973 AS DOUBLE PRECISION) / 100 END AS w,
    ${money(signed)} AS total,
    CASE WHEN (${g}) % 10 = 3 AND ${i} % ${PER_GROUP} = 0
         THEN ${money(`CASE WHEN (${g}) % 11 = 0 THEN -1 ELSE 1 END * ${intDiv(cents, 3)}`)} END AS fixed
    FROM ${rows}`;
}

function centsText(cents: number): string {
  const sign = cents < 0 ? "-" : "";
  const magnitude = Math.abs(cents);
  return `${sign}${Math.floor(magnitude / 100)}.${String(magnitude % 100).padStart(2, "0")}`;
}

/** allocate's parts for the million rows, in (g, o) order, as text with 2 decimals. */
function libraryParts(): string[] {
  const out: string[] = [];
  for (let g = 0; g < GROUPS; g++) {
    const raw = ((g * 104729 + 7) % 1000003) * 100 + (g % 100);
    const negative = g % 11 === 0;
    const cents = negative ? -raw : raw;
    const weights = Array.from({ length: PER_GROUP }, (_, o) => {
      const i = g * PER_GROUP + o;
      return g % 17 === 0 ? 0 : ((i * 7919 + 13) % 9973) / 100;
    });
    const holdCents = (negative ? -1 : 1) * Math.floor(raw / 3);
    const holds = g % 10 === 3 ? [centsText(holdCents)] : undefined;
    const values = allocate(centsText(cents), weights, holds === undefined ? {} : { holds });
    for (const value of values) out.push(value.toFixed(2));
  }
  return out;
}

describe.each(ENGINES)("allocateSQL on a million rows in %s", (name) => {
  it.skipIf(skipped(name))(
    "gives every one of the million parts exactly as allocate does",
    async () => {
      const engine = await open(name);
      try {
        await engine.run(engine.createTable("big", bigTableSQL(name)));
        const sql = allocateSQL({
          dialect: name,
          from: "big",
          total: "total",
          weight: "w",
          holds: "fixed",
          partitionBy: "g",
          ordinal: "o",
        });
        const [got] = await engine.columns(ordered(sql, ["part"], ["g", "o"]));
        const expected = libraryParts();
        expect(got!.length).toBe(GROUPS * PER_GROUP);
        const first = got!.findIndex((value, index) => value !== expected[index]);
        expect(first, `row ${first}: ${got![first]} ≠ ${expected[first]}`).toBe(-1);
      } finally {
        await engine.close();
      }
    },
    240_000,
  );
});
