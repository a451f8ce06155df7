// How the caller's columns travel through the query and come out unchanged. DuckDB carries them
// as they are and drops the query's own columns at the end (`* EXCLUDE`); PostgreSQL has no
// EXCLUDE, so it carries the caller's row as one composite value and expands it at the end.
import type { DialectOps } from "./dialect.js";
import { col } from "./read.js";

const ROW = /* @__PURE__ */ col("row");

/** The caller's columns, in the first SELECT over the caller's table (aliased `alias`). */
export function passThrough(ops: DialectOps, alias: string): string {
  return ops.dialect === "duckdb" ? `${alias}.*` : `${alias} AS ${ROW}`;
}

/**
 * The last SELECT: the caller's columns, then `extra`, from `relation` (the caller's columns from
 * its alias `qualifier` when it joins others).
 */
export function finalSelect(
  ops: DialectOps,
  relation: string,
  internal: readonly string[],
  extra: readonly string[],
  qualifier?: string,
): string {
  const star = qualifier === undefined ? "*" : `${qualifier}.*`;
  const row = qualifier === undefined ? ROW : `${qualifier}.${ROW}`;
  const callers =
    ops.dialect === "duckdb" ? `${star} EXCLUDE (${internal.join(", ")})` : `(${row}).*`;
  return `SELECT ${[callers, ...extra].join(", ")} FROM ${relation}`;
}
