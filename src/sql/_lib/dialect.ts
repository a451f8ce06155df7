// What differs between the SQL dialects targetree writes, and the one way to put a caller's name
// or text into SQL: identifiers double-quoted with `"` doubled, strings single-quoted with `'`
// doubled. Both engines read these the same way (PostgreSQL with standard_conforming_strings,
// its default since 9.1), so no caller's name or value can end a quote and inject SQL.
import type { ErrorPath } from "../../_lib/errors.js";
import { describeValue, TargetreeError } from "../../_lib/errors.js";
import { own } from "../../_lib/records.js";

/** A NUL (it ends a string in both engines' C code) or a lone surrogate (it has no UTF-8 form). */
function unholdable(text: string): boolean {
  return text.includes("\0") || /\p{Cs}/u.test(text);
}

/** The SQL dialects targetree writes and tests on a real engine. */
export type SqlDialect = "duckdb" | "postgres";

/** The dialects, in the order error messages list them. */
export const SQL_DIALECTS: readonly SqlDialect[] = ["duckdb", "postgres"];

/**
 * Reads the required `dialect` option. There is no default: the SQL for one engine can run on
 * the other and give different results (integer division, DECIMAL limits).
 */
export function readDialect(record: object, path: ErrorPath): SqlDialect {
  const value = own(record, "dialect");
  if (typeof value === "string" && (SQL_DIALECTS as readonly string[]).includes(value)) {
    return value as SqlDialect;
  }
  throw new TargetreeError(
    "INVALID_ARGUMENT",
    `dialect must be "duckdb" or "postgres", got ${describeValue(value)}.`,
    { path: [...path, "dialect"] },
  );
}

/**
 * Reads an identifier (a table or column name): a non-empty string without NUL or a lone
 * surrogate, which no engine can hold in a quoted name. Returns it quoted.
 */
export function readIdentifier(value: unknown, path: ErrorPath): string {
  if (typeof value !== "string" || value === "") {
    throw new TargetreeError(
      "INVALID_ARGUMENT",
      `A table or column name must be a non-empty string, got ${describeValue(value)}.`,
      { path },
    );
  }
  return quoteIdentifier(value, path);
}

/**
 * A name quoted as a SQL identifier: `"` around it and every `"` inside doubled, so `a"b` is
 * `"a""b"`. The name keeps its case and may hold spaces, dots, Chinese or `__proto__`. A dotted
 * table name (`sales.targets`) is one identifier here; give a schema-qualified table as a
 * subquery (`(SELECT * FROM sales.targets)`) or set the search path.
 */
export function quoteIdentifier(name: string, path: ErrorPath = []): string {
  if (unholdable(name)) {
    throw new TargetreeError(
      "INVALID_ARGUMENT",
      "A table or column name cannot contain a NUL character or a lone UTF-16 surrogate.",
      { path },
    );
  }
  return `"${name.replaceAll('"', '""')}"`;
}

/** Text quoted as a SQL string literal: `'` around it and every `'` inside doubled. */
export function quoteString(text: string, path: ErrorPath = []): string {
  if (unholdable(text)) {
    throw new TargetreeError(
      "INVALID_ARGUMENT",
      "SQL text cannot contain a NUL character or a lone UTF-16 surrogate.",
      { path },
    );
  }
  return `'${text.replaceAll("'", "''")}'`;
}

/**
 * The pieces of SQL that differ between the dialects, for exact integer arithmetic: DuckDB works
 * in HUGEINT (128-bit, an overflow is an error, never a wrapped value), PostgreSQL in NUMERIC
 * (arbitrary precision).
 */
export interface DialectOps {
  readonly dialect: SqlDialect;
  /** The exact integer type. */
  readonly integer: string;
  /** ⌊a / b⌋ for integers a ≥ 0, b > 0. */
  divide(a: string, b: string): string;
  /** a mod b for integers a ≥ 0, b > 0. */
  remainder(a: string, b: string): string;
  /** An expression that fails the query with the text of `message` (a text expression). */
  raise(message: string): string;
  /** A value as text: doubles in their shortest round-trip form, like JavaScript's `String(x)`. */
  text(value: string): string;
  /**
   * What ends a subquery so that the planner computes its columns once: PostgreSQL inlines a
   * subquery's expressions into every use above it (`OFFSET 0` stops that); DuckDB needs nothing.
   */
  readonly fence: string;
  /** How a CTE computed once is introduced: `AS MATERIALIZED (` in PostgreSQL, `AS (` in DuckDB. */
  readonly materialized: string;
}

const DUCKDB: DialectOps = {
  dialect: "duckdb",
  integer: "HUGEINT",
  divide: (a, b) => `(${a}) // (${b})`,
  remainder: (a, b) => `(${a}) % (${b})`,
  raise: (message) => `error(${message})`,
  text: (value) => `CAST(${value} AS VARCHAR)`,
  fence: "",
  materialized: "AS (",
};

// PostgreSQL has no error() function in plain SQL; a failed cast stops the query and its message
// quotes the text. The text depends on the row, so the planner cannot fold it into a constant
// and raise it for a branch no row takes.
const POSTGRES: DialectOps = {
  dialect: "postgres",
  integer: "NUMERIC",
  divide: (a, b) => `div(${a}, ${b})`,
  remainder: (a, b) => `mod(${a}, ${b})`,
  raise: (message) => `CAST(${message} AS NUMERIC)`,
  text: (value) => `CAST(${value} AS TEXT)`,
  fence: " OFFSET 0",
  materialized: "AS MATERIALIZED (",
};

/** The SQL pieces of a dialect. */
export function dialectOps(dialect: SqlDialect): DialectOps {
  return dialect === "duckdb" ? DUCKDB : POSTGRES;
}
