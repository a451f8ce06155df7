// The two SQL engines of the warehouse tests, behind one small face: DuckDB in-process (one
// in-memory database per call) and PostgreSQL at TARGETREE_PG_URL (one connection per call, so
// TEMP tables never meet another test file's). Every value comes back as text.
import { DuckDBInstance } from "@duckdb/node-api";
import pg from "pg";
import { POSTGRES_URL } from "./postgres.js";

export type EngineName = "duckdb" | "postgres";

export interface Engine {
  readonly name: EngineName;
  /** Runs statements (several, separated by `;`), ignoring any result. */
  run(sql: string): Promise<void>;
  /** The columns of a query's result, every value as text (NULL as null). */
  columns(sql: string): Promise<(string | null)[][]>;
  /** The rows of a query's result, every value as text (NULL as null). */
  rows(sql: string): Promise<(string | null)[][]>;
  /** The SQL for a table that lives as long as this engine: `CREATE TEMP TABLE` in PostgreSQL. */
  createTable(name: string, query: string): string;
  close(): Promise<void>;
}

const asText = (value: unknown): string | null =>
  value === null || value === undefined ? null : String(value);

export async function openDuckDB(): Promise<Engine> {
  const instance = await DuckDBInstance.create(":memory:", { threads: "2" });
  const connection = await instance.connect();
  const columns = async (sql: string) => {
    const reader = await connection.runAndReadAll(sql);
    return reader.getColumnsJS().map((column) => column.map(asText));
  };
  return {
    name: "duckdb",
    run: async (sql) => {
      await connection.run(sql);
    },
    columns,
    rows: async (sql) => {
      const reader = await connection.runAndReadAll(sql);
      return reader.getRowsJS().map((row) => row.map(asText));
    },
    createTable: (name, query) => `CREATE OR REPLACE TABLE ${name} AS ${query}`,
    close: async () => {
      connection.closeSync();
      instance.closeSync();
    },
  };
}

/** A PostgreSQL connection, or undefined when the tests have no server (they skip loudly). */
export async function openPostgres(url = POSTGRES_URL): Promise<Engine | undefined> {
  if (url === undefined) return undefined;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  // Every value as text: numeric, bigint, date and boolean alike.
  const text = { getTypeParser: () => (value: string) => value };
  const rows = async (sql: string) => {
    const result = await client.query({ text: sql, rowMode: "array", types: text });
    return (result.rows as unknown[][]).map((row) => row.map(asText));
  };
  return {
    name: "postgres",
    run: async (sql) => {
      await client.query(sql);
    },
    columns: async (sql) => {
      const result = await rows(sql);
      const width = result[0]?.length ?? 0;
      return Array.from({ length: width }, (_, i) => result.map((row) => row[i]!));
    },
    rows,
    createTable: (name, query) =>
      `DROP TABLE IF EXISTS ${name}; CREATE TEMP TABLE ${name} AS ${query}`,
    close: async () => {
      await client.end();
    },
  };
}

/** The message of the error a query fails with (DuckDB's or PostgreSQL's), or null. */
export async function queryError(engine: Engine, sql: string): Promise<string | null> {
  try {
    await engine.rows(sql);
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}
