// The two real engines modelToSQL's tests run on: DuckDB in-process, and a PostgreSQL server named
// by TARGETREE_PG_URL (the harness starts one; without it, or unreachable, the PostgreSQL tests
// skip loudly). Values come back as text and are compared with the library's after `normalise`.
import { createHash } from "node:crypto";
import { DuckDBInstance } from "@duckdb/node-api";
import pg from "pg";

/** A connection that runs one query and returns its rows as text (null for SQL NULL). */
export interface Engine {
  readonly name: "duckdb" | "postgres";
  rows(sql: string): Promise<(string | null)[][]>;
  run(sql: string): Promise<void>;
  close(): Promise<void>;
}

/** An in-memory DuckDB. */
export async function openDuckDB(): Promise<Engine> {
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  return {
    name: "duckdb",
    async rows(sql) {
      const reader = await connection.runAndReadAll(sql);
      return reader
        .getRowsJson()
        .map((row) => row.map((value) => (value === null ? null : String(value))));
    },
    async run(sql) {
      await connection.run(sql);
    },
    async close() {
      connection.closeSync();
      instance.closeSync();
    },
  };
}

/** The PostgreSQL of TARGETREE_PG_URL, or null (with a loud warning) when none is reachable. */
export async function openPostgres(suite: string): Promise<Engine | null> {
  const url = process.env.TARGETREE_PG_URL;
  if (url === undefined || url === "") {
    console.warn(`*** ${suite}: TARGETREE_PG_URL is not set; the PostgreSQL tests are SKIPPED ***`);
    return null;
  }
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  // Numbers come back as their text, exactly: NUMERIC (1700), and the integer types.
  for (const oid of [20, 21, 23, 1700]) {
    client.setTypeParser(oid, (text: string) => text);
  }
  try {
    await client.connect();
  } catch (error) {
    console.warn(
      `*** ${suite}: no PostgreSQL at TARGETREE_PG_URL (${String(error)}); the PostgreSQL tests are SKIPPED ***`,
    );
    return null;
  }
  return {
    name: "postgres",
    async rows(sql) {
      const result = await client.query({ text: sql, rowMode: "array" });
      return (result.rows as unknown[][]).map((row) =>
        row.map((value) => (value === null ? null : String(value))),
      );
    },
    async run(sql) {
      await client.query(sql);
    },
    async close() {
      await client.end();
    },
  };
}

/**
 * A decimal text in the library's `toFixed()` form: no trailing zeros after the point, no point
 * when nothing follows it, and `0` for any zero (`1.50` → `1.5`, `-0.00` → `0`, `12.000` → `12`).
 */
export function normalise(text: string): string {
  if (!text.includes(".")) return text === "-0" ? "0" : text;
  const trimmed = text.replace(/0+$/, "").replace(/\.$/, "");
  return trimmed === "-0" || trimmed === "" ? "0" : trimmed;
}

/** SQL for a number's text in `normalise`'s form. */
export function normalisedSQL(dialect: "duckdb" | "postgres", sql: string): string {
  if (dialect === "postgres") return `trim_scale(${sql})::text`;
  // Zeros after the last non-zero digit of a fraction go, and a point left alone with them.
  return `regexp_replace(CAST(${sql} AS VARCHAR), '(\\.[0-9]*[1-9])0+$|\\.0+$', '\\1')`;
}

/** Rows per digest: a mismatch is looked for row by row inside one chunk only. */
export const CHUNK = 10_000;

/**
 * One md5 per chunk of CHUNK rows (by `i`, from 1) of the normalised texts of `columns` of
 * `from`: row texts joined by ",", rows by ";". Compared with `digest` of the library's texts, so
 * 1M rows are compared value by value without sending them over.
 */
export function chunkDigestsSQL(
  dialect: "duckdb" | "postgres",
  from: string,
  columns: readonly string[],
): string {
  const row = columns
    .map((column) => normalisedSQL(dialect, `"${column.replaceAll('"', '""')}"`))
    .join(" || ',' || ");
  const chunk = dialect === "postgres" ? `(i - 1) / ${CHUNK}` : `(i - 1) // ${CHUNK}`;
  return `SELECT ${chunk} AS chunk, md5(string_agg(${row}, ';' ORDER BY i)) AS digest FROM (${from}) AS rows GROUP BY 1 ORDER BY 1`;
}

/** The md5 of row texts joined as chunkDigestsSQL joins them. */
export function digest(rows: readonly (readonly string[])[]): string {
  return createHash("md5")
    .update(rows.map((row) => row.join(",")).join(";"))
    .digest("hex");
}
