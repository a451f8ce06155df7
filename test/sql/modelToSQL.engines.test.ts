// modelToSQL on the real engines: 1M rows generated inside DuckDB and PostgreSQL, every output of
// the SQL equal to the library's value for the same row (as text, trailing zeros removed; see
// _modelEngines.normalise). Rows are compared by chunk digests (10,000 rows each), and a chunk
// that differs is fetched row by row to name the first difference.
import { compileModel, modelToSQL } from "targetree";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  CHUNK,
  chunkDigestsSQL,
  digest,
  type Engine,
  normalise,
  normalisedSQL,
  openDuckDB,
  openPostgres,
} from "./_modelEngines.js";
import {
  columnsOption,
  createTableSQL,
  POSTGRES_NODES,
  rowInputs,
  SHARED_NODES,
  warehouseModel,
} from "./_modelRows.js";

const MILLION = 1_000_000;
/** The divisions and the untyped variant (PostgreSQL's per-row subqueries) run on this many rows. */
const HUNDRED_THOUSAND = 100_000;
const TIMEOUT = 600_000;

const model = warehouseModel();
const compiled = compileModel(model);

/** Digests already computed, by outputs and count: both engines check the shared nodes on 1M rows. */
const computed = new Map<string, string[]>();

/** The library's normalised texts of `outputs` for rows 1..count, by chunk digest. */
function libraryDigests(outputs: readonly string[], count: number): string[] {
  const key = `${outputs.join(",")}/${count}`;
  const known = computed.get(key);
  if (known !== undefined) return known;
  // One pass per row over just the nodes asked for and what they read.
  const evaluate = compileModel(warehouseModel(outputs)).evaluate;
  const digests: string[] = [];
  for (let start = 1; start <= count; start += CHUNK) {
    const rows: string[][] = [];
    for (let i = start; i < Math.min(start + CHUNK, count + 1); i++) {
      const values = evaluate(rowInputs(i)) as Record<string, { toFixed(): string }>;
      rows.push(outputs.map((name) => values[name]!.toFixed()));
    }
    digests.push(digest(rows));
  }
  computed.set(key, digests);
  return digests;
}

/** The first row of chunk `chunk` where the engine and the library differ, for the message. */
async function firstDifference(
  engine: Engine,
  select: string,
  outputs: readonly string[],
  chunk: number,
): Promise<string> {
  const from = chunk * CHUNK + 1;
  const texts = outputs.map((name) => normalisedSQL(engine.name, `"${name}"`)).join(", ");
  const rows = await engine.rows(
    `SELECT i, ${texts} FROM (SELECT i, ${select} FROM t WHERE i BETWEEN ${from} AND ${from + CHUNK - 1}) AS rows ORDER BY i`,
  );
  for (const row of rows) {
    const i = Number(row[0]);
    const inputs = rowInputs(i);
    for (const [index, name] of outputs.entries()) {
      const expected = compiled
        .output(name as never)(inputs)
        .toFixed();
      const actual = normalise(row[index + 1] ?? "NULL");
      if (actual !== expected) {
        return `row ${i}, node ${name}: SQL ${actual}, library ${expected} (inputs ${JSON.stringify({ ...inputs })})`;
      }
    }
  }
  return `chunk ${chunk}: digests differ, but no row does`;
}

async function expectSameAsLibrary(
  engine: Engine,
  outputs: readonly string[],
  count: number,
  typed: boolean,
): Promise<void> {
  const sql = modelToSQL(model, {
    dialect: engine.name,
    outputs: [...outputs] as never,
    columns: columnsOption(typed),
  });
  const from = `SELECT i, ${sql.select} FROM t WHERE i <= ${count}`;
  const engineDigests = (await engine.rows(chunkDigestsSQL(engine.name, from, outputs))).map(
    (row) => row[1],
  );
  const expected = libraryDigests(outputs, count);
  expect(engineDigests).toHaveLength(expected.length);
  const differs = expected.findIndex((value, chunk) => value !== engineDigests[chunk]);
  if (differs >= 0) {
    expect.fail(await firstDifference(engine, sql.select, outputs, differs));
  }
}

describe("modelToSQL in DuckDB", () => {
  let duckdb: Engine;
  beforeAll(async () => {
    duckdb = await openDuckDB();
    await duckdb.run(createTableSQL("duckdb", "t", MILLION));
  }, TIMEOUT);
  afterAll(async () => {
    await duckdb?.close();
  });

  it(
    "computes every shared node as the library does, on 1M generated rows",
    async () => {
      await expectSameAsLibrary(duckdb, SHARED_NODES, MILLION, true);
    },
    TIMEOUT,
  );
});

describe("modelToSQL in PostgreSQL", async () => {
  const postgres = await openPostgres("modelToSQL in PostgreSQL");
  beforeAll(async () => {
    await postgres?.run("DROP TABLE IF EXISTS pg_temp.t");
    // A temporary table: it lives as long as this connection, and `t` names it first.
    await postgres?.run(createTableSQL("postgres", "pg_temp.t", MILLION));
  }, TIMEOUT);
  afterAll(async () => {
    await postgres?.close();
  });

  it.skipIf(postgres === null)(
    "computes every shared node as the library does, on 1M generated rows",
    async () => {
      await expectSameAsLibrary(postgres!, SHARED_NODES, MILLION, true);
    },
    TIMEOUT,
  );

  it.skipIf(postgres === null)(
    "divides, and rounds products of 64-digit quotients, to 64 digits as the library does",
    async () => {
      await expectSameAsLibrary(postgres!, POSTGRES_NODES, HUNDRED_THOUSAND, true);
    },
    TIMEOUT,
  );

  it.skipIf(postgres === null)(
    "computes every node as the library does when no column states its type",
    async () => {
      // Not `powered`: without bounds, a power is refused (the library rounds it once, at the end).
      const outputs = [...SHARED_NODES, ...POSTGRES_NODES].filter((name) => name !== "powered");
      await expectSameAsLibrary(postgres!, outputs, HUNDRED_THOUSAND, false);
    },
    TIMEOUT,
  );
});
