// The SQL text of modelToSQL that differs between engines: quoting, literals, exact types, and the
// two PostgreSQL snippets that reproduce the library's rounding to 64 significant digits. Every
// snippet binds its operands once (a scalar subquery over a one-row derived table), so an operand's
// text appears once and nested snippets stay linear in size; `OFFSET 0` keeps PostgreSQL from
// pulling a derived table up, which would copy an operand into every place that reads it again.
import type { Decimal } from "../../_lib/decimal.js";
import { PRECISION } from "../../_lib/decimal.js";
import { TargetreeError } from "../../_lib/errors.js";

/** The engines modelToSQL writes for. */
export type ModelDialectName = "duckdb" | "postgres";

/** The dialects, in the order messages list them. */
export const MODEL_DIALECTS: readonly ModelDialectName[] = ["duckdb", "postgres"];

/** Digits DuckDB's DECIMAL holds exactly (a scaled HUGEINT). */
export const DUCKDB_DIGITS = 38;

/** PostgreSQL truncates identifiers longer than this many bytes (NAMEDATALEN − 1), silently. */
const POSTGRES_IDENTIFIER_BYTES = 63;

/**
 * A double-quoted identifier: `"` doubled inside, so any name (quotes, spaces, 新客户数,
 * `__proto__`) is one identifier and never SQL text. Refuses NUL, which neither engine stores, and
 * in PostgreSQL a name longer than 63 UTF-8 bytes, which it would silently cut.
 */
export function quoteIdentifier(
  name: string,
  dialect: ModelDialectName,
  path: readonly (string | number)[],
): string {
  if (name.length === 0 || name.includes("\u0000")) {
    throw new TargetreeError(
      "INVALID_ARGUMENT",
      "A SQL identifier must be a non-empty string without NUL characters.",
      { path },
    );
  }
  if (dialect === "postgres" && new TextEncoder().encode(name).length > POSTGRES_IDENTIFIER_BYTES) {
    throw new TargetreeError(
      "INVALID_ARGUMENT",
      `PostgreSQL cuts identifiers longer than ${POSTGRES_IDENTIFIER_BYTES} bytes, so ${JSON.stringify(name)} would not name itself; rename it or map it to a shorter column with options.columns.`,
      { path, details: { identifier: name } },
    );
  }
  return `"${name.replaceAll('"', '""')}"`;
}

/** A DECIMAL type holding `|v| < 10^intDigits` at `scale` places (DuckDB). */
export function decimalType(intDigits: number, scale: number): string {
  return `DECIMAL(${Math.max(1, intDigits + scale)},${scale})`;
}

/**
 * A number literal, written from the Decimal's own digits (never through a JS number), typed
 * exactly: NUMERIC in PostgreSQL, the smallest DECIMAL that holds it in DuckDB.
 */
export function numberLiteral(
  value: Decimal,
  dialect: ModelDialectName,
  intDigits: number,
  scale: number,
): string {
  const text = value.toFixed();
  return dialect === "postgres"
    ? `CAST('${text}' AS NUMERIC)`
    : `CAST('${text}' AS ${decimalType(intDigits, scale)})`;
}

/**
 * PostgreSQL: `x` rounded half away from zero to 64 significant digits, as every inexact Decimal
 * operation of the library is. `n` counts the digits of |x| × 10^scale(x) (the leading digit's
 * position fixes where the 64th digit sits; trailing zeros only move the cut among zeros).
 */
export function postgresRound64(x: string): string {
  return (
    "(SELECT CASE WHEN r1.n <= " +
    `${PRECISION} THEN r1.v ELSE round(r1.v, scale(r1.v) + ${PRECISION} - r1.n) END ` +
    "FROM (SELECT r0.v, length(trunc(abs(r0.v) * CAST('1e' || scale(r0.v) AS NUMERIC))::text) AS n " +
    `FROM (SELECT ${x} AS v OFFSET 0) AS r0 OFFSET 0) AS r1)`
  );
}

/**
 * PostgreSQL: `a / b` rounded half away from zero to 64 significant digits, as the library divides.
 * The quotient is first truncated (`div`) at k places, k = 64 + scale(a) + the integer digits of
 * |b|, which leaves at least 65 digits; rounding a truncated value half away from zero at a digit
 * above the cut equals rounding the exact quotient. The rounded integer is shifted back by k
 * through numeric text (`…e-k`), exactly. A zero divisor raises PostgreSQL's "division by zero".
 */
export function postgresDivide(a: string, b: string): string {
  return (
    `(SELECT CASE WHEN d3.q = 0 THEN CAST(0 AS NUMERIC) ELSE CAST(round(d3.q, ${PRECISION} - d3.n)::text || 'e-' || d3.k AS NUMERIC) END ` +
    "FROM (SELECT d2.q, d2.k, length(abs(d2.q)::text) AS n " +
    "FROM (SELECT div(d1.a * CAST('1e' || d1.k AS NUMERIC), d1.b) AS q, d1.k " +
    `FROM (SELECT d0.a, d0.b, ${PRECISION} + scale(d0.a) + length(trunc(abs(d0.b))::text) AS k ` +
    `FROM (SELECT ${a} AS a, ${b} AS b OFFSET 0) AS d0 OFFSET 0) AS d1 OFFSET 0) AS d2 OFFSET 0) AS d3)`
  );
}
