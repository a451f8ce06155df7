// Reading the options of the SQL splits (table and column names, the unit, the weights' decimals)
// and the SQL that reads a caller's column exactly: every value goes through its text (a double's
// shortest round-trip text, as JavaScript's `String(x)`, the form `allocate` reads), is checked,
// and becomes a whole number of 10^-scale in the dialect's exact integer type.
import type { Decimal } from "../../_lib/decimal.js";
import type { ErrorPath } from "../../_lib/errors.js";
import { describeValue, TargetreeError } from "../../_lib/errors.js";
import { pow10, toScaled } from "../../_lib/exact/index.js";
import { own } from "../../_lib/records.js";
import type { Numeric } from "../../_lib/types.js";
import { readUnitSetup } from "../../split/internal.js";
import type { DialectOps } from "./dialect.js";
import { quoteIdentifier, quoteString, readIdentifier } from "./dialect.js";

/** The prefix of every column the generated SQL adds for itself; never name a column so. */
export const INTERNAL = "__targetree_";

/** An internal column, quoted. */
export const col = (name: string): string => `"${INTERNAL}${name}"`;

/** A table or view: one name, or its parts (`["sales", "targets"]` is `"sales"."targets"`). */
export type TableName = string | readonly string[];

/** One column, or several in order. */
export type ColumnNames = string | readonly string[];

/** Reads a required table name, quoted (a schema-qualified name from its parts). */
export function readTable(record: object, key: string, path: ErrorPath): string {
  const value = own(record, key);
  if (Array.isArray(value) && value.length > 0) {
    return value.map((part, i) => readIdentifier(part, [...path, key, i])).join(".");
  }
  if (typeof value === "string") return readIdentifier(value, [...path, key]);
  throw new TargetreeError(
    "INVALID_ARGUMENT",
    `${key} must be a table name, or its parts such as ["sales", "targets"], got ${describeValue(value)}.`,
    { path: [...path, key] },
  );
}

/** Reads a required column name (unquoted: the caller's text). */
export function readColumn(record: object, key: string, path: ErrorPath): string {
  const value = own(record, key);
  readIdentifier(value, [...path, key]);
  return value as string;
}

/** Reads an optional column name; `undefined` when absent. */
export function readOptionalColumn(
  record: object,
  key: string,
  path: ErrorPath,
): string | undefined {
  return own(record, key) === undefined ? undefined : readColumn(record, key, path);
}

/** Reads one column name or a list of them (unquoted); absent gives `fallback`. */
export function readColumns(
  record: object,
  key: string,
  fallback: readonly string[] | undefined,
  path: ErrorPath,
): readonly string[] {
  const value = own(record, key);
  if (value === undefined && fallback !== undefined) return fallback;
  if (typeof value === "string") return [readColumn(record, key, path)];
  if (Array.isArray(value) && (value.length > 0 || fallback !== undefined)) {
    value.forEach((name, i) => {
      readIdentifier(name, [...path, key, i]);
    });
    return [...(value as string[])];
  }
  throw new TargetreeError(
    "INVALID_ARGUMENT",
    `${key} must be a column name or a non-empty list of them, got ${describeValue(value)}.`,
    { path: [...path, key] },
  );
}

/** A rounding step for SQL: unit = factor × 10^-scale, with a whole factor ≥ 1. */
export interface SqlUnit {
  readonly unit: Decimal;
  readonly scale: number;
  readonly factor: bigint;
}

/** Finest unit the SQL holds: DuckDB's DECIMAL has 38 digits, and a value needs a few whole ones. */
export const MAX_UNIT_SCALE = 18;

/** Reads `unit` (default `"0.01"`; `"万"` is one 万) as the library reads it. */
export function readSqlUnit(raw: unknown, path: ErrorPath): SqlUnit {
  const setup = readUnitSetup(raw === undefined ? {} : { unit: raw as Numeric }, []);
  return sqlUnit(setup.unit, path);
}

/** A unit as factor × 10^-scale; one finer than 10^-18 is refused. */
export function sqlUnit(unit: Decimal, path: ErrorPath): SqlUnit {
  const scaled = toScaled(unit);
  const scale = Math.max(0, scaled.scale);
  if (scale > MAX_UNIT_SCALE) {
    throw new TargetreeError(
      "INVALID_ARGUMENT",
      `The SQL splits take a unit of at least 1e-${MAX_UNIT_SCALE} (DuckDB's DECIMAL holds 38 digits), got ${unit.toString()}.`,
      { path },
    );
  }
  const factor = scaled.scale >= 0 ? scaled.mantissa : scaled.mantissa * pow10(-scaled.scale);
  return { unit, scale, factor };
}

/** Reads `weightDecimals`: how many decimals a weight may have (default 6). */
export function readWeightDecimals(record: object, path: ErrorPath): number {
  const value = own(record, "weightDecimals");
  if (value === undefined) return 6;
  if (typeof value !== "number" || !Number.isInteger(value) || value < 0 || value > 18) {
    throw new TargetreeError(
      "INVALID_ARGUMENT",
      `weightDecimals must be a whole number from 0 to 18, got ${describeValue(value)}.`,
      { path: [...path, "weightDecimals"] },
    );
  }
  return value;
}

/**
 * The first stage of an exact read, over the caller's column: DuckDB keeps the value's text,
 * PostgreSQL its exact NUMERIC read from the text (a double's text is its shortest form).
 */
export function readStage(ops: DialectOps, column: string): string {
  return ops.dialect === "duckdb"
    ? `CAST(${column} AS VARCHAR)`
    : `CAST(CAST(${column} AS TEXT) AS NUMERIC)`;
}

/** The checks and the integer of a value read by {@link readStage}, at `scale` decimals. */
interface ExactValue {
  /** True when the value is not a finite number (NaN, ±Infinity). */
  readonly nonFinite: string;
  /** True when the value has more than `scale` decimals. */
  readonly inexact: string;
  /** value × 10^scale, exactly; only for a finite value with at most `scale` decimals. */
  readonly integer: string;
}

function exactValue(ops: DialectOps, ref: string, scale: number): ExactValue {
  const power = pow10(scale).toString();
  if (ops.dialect === "duckdb") {
    const decimal = `CAST(${ref} AS DECIMAL(38, ${scale}))`;
    return {
      nonFinite: `lower(${ref}) IN ('inf', '-inf', 'nan', 'infinity', '-infinity')`,
      // Plain text has a non-zero digit past `scale` decimals; a double's exponent form
      // (1e-07, 1.5e+21) is compared as the double it is.
      inexact:
        `CASE WHEN ${ref} LIKE '%e%' THEN CAST(${decimal} AS DOUBLE) <> CAST(${ref} AS DOUBLE) ` +
        `ELSE regexp_matches(${ref}, '\\.[0-9]{${scale}}[0-9]*[1-9]') END`,
      integer:
        scale === 0 ? `CAST(${decimal} AS HUGEINT)` : `CAST(${decimal} * ${power} AS HUGEINT)`,
    };
  }
  return {
    nonFinite: `${ref} IN ('NaN', 'Infinity', '-Infinity')`,
    inexact: `round(${ref}, ${scale}) <> ${ref}`,
    integer: scale === 0 ? `trunc(${ref})` : `trunc(${ref} * ${power})`,
  };
}

/** A message the query fails with: `targetree CODE: text`, as a SQL string, with a value appended. */
export function problemText(ops: DialectOps, code: string, text: string, value?: string): string {
  const message = quoteString(`targetree ${code}: ${text}`);
  return value === undefined ? message : `${message} || ${ops.text(value)}`;
}

/** An exact read: the problem (text or NULL) and the whole number of units. */
export interface ExactRead {
  readonly problem: string;
  readonly units: string;
}

/**
 * Reads an amount (a total or a hold) that must be a whole multiple of the unit. `ref` is the
 * column of {@link readStage}; `what` names it in messages. NULL is a problem unless `nullable`
 * (then it stays NULL: a free part).
 */
export function readAmount(
  ops: DialectOps,
  ref: string,
  unit: SqlUnit,
  what: string,
  nullable: boolean,
): ExactRead {
  const value = exactValue(ops, ref, unit.scale);
  const factor = unit.factor.toString();
  const notMultiple =
    unit.factor === 1n
      ? ""
      : ` WHEN ${ops.remainder(value.integer, factor)} <> 0 THEN ${offUnit()}`;
  function offUnit(): string {
    return problemText(
      ops,
      "NOT_A_MULTIPLE_OF_UNIT",
      `${what} is not a whole multiple of the unit ${unit.unit.toFixed()}: `,
      ref,
    );
  }
  const problem =
    "CASE" +
    (nullable
      ? ""
      : ` WHEN ${ref} IS NULL THEN ${problemText(ops, "INVALID_NUMBER", `${what} is NULL`)}`) +
    ` WHEN ${value.nonFinite} THEN ${problemText(ops, "INVALID_NUMBER", `${what} is not a finite number: `, ref)}` +
    ` WHEN ${value.inexact} THEN ${offUnit()}${notMultiple} END`;
  // Only exact multiples reach the division, so its rounding (DuckDB's // truncates) never shows.
  const whole = unit.factor === 1n ? value.integer : ops.divide(value.integer, factor);
  const units = `CASE WHEN ${ref} IS NULL OR ${value.nonFinite} OR ${value.inexact} THEN NULL ELSE ${whole} END`;
  return { problem, units };
}

/** Reads a weight: finite, not negative, with at most `decimals` decimals, as weight × 10^decimals. */
export function readWeight(
  ops: DialectOps,
  ref: string,
  decimals: number,
  what: string,
  nullable: boolean,
): ExactRead {
  const value = exactValue(ops, ref, decimals);
  const problem =
    "CASE" +
    (nullable
      ? ""
      : ` WHEN ${ref} IS NULL THEN ${problemText(ops, "INVALID_NUMBER", `${what} is NULL`)}`) +
    ` WHEN ${value.nonFinite} THEN ${problemText(ops, "INVALID_NUMBER", `${what} is not a finite number: `, ref)}` +
    ` WHEN ${value.inexact} THEN ${problemText(ops, "INVALID_ARGUMENT", `${what} has more than ${decimals} decimals (raise weightDecimals): `, ref)}` +
    ` WHEN ${value.integer} < 0 THEN ${problemText(ops, "NEGATIVE_WEIGHT", `${what} is negative: `, ref)} END`;
  const units = `CASE WHEN ${ref} IS NULL OR ${value.nonFinite} OR ${value.inexact} THEN NULL ELSE ${value.integer} END`;
  return { problem, units };
}

/** A column of the caller's table, quoted and qualified by the table's alias. */
export function callerColumn(alias: string, name: string): string {
  return `${alias}.${quoteIdentifier(name)}`;
}
