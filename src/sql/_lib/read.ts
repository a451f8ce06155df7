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

/**
 * Reads one column name or a list of them (unquoted); absent gives `fallback`. An empty list is
 * refused unless `allowEmpty` (no `partitionBy` columns: one group).
 */
export function readColumns(
  record: object,
  key: string,
  fallback: readonly string[] | undefined,
  path: ErrorPath,
  allowEmpty = false,
): readonly string[] {
  const value = own(record, key);
  if (value === undefined && fallback !== undefined) return fallback;
  if (typeof value === "string") return [readColumn(record, key, path)];
  if (Array.isArray(value) && (value.length > 0 || allowEmpty)) {
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

/**
 * Reads the `unit` of a record (default `"0.01"`; `"万"` is one 万) as the library reads it;
 * `path` is the record's path.
 */
export function readSqlUnit(record: object, path: ErrorPath): SqlUnit {
  const raw = own(record, "unit");
  const setup = readUnitSetup(raw === undefined ? {} : { unit: raw as Numeric }, path);
  return sqlUnit(setup.unit, [...path, "unit"]);
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

/** The checks and the integer of a value's text (DuckDB) or exact NUMERIC (PostgreSQL). */
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
    // PostgreSQL's NUMERIC reads these words in any case (NaN, Infinity); 14 and later.
    nonFinite: `${ref} IN ('nan', 'inf', '-inf')`,
    inexact: `round(${ref}, ${scale}) <> ${ref}`,
    integer: scale === 0 ? `trunc(${ref})` : `trunc(${ref} * ${power})`,
  };
}

/** A message the query fails with: `targetree CODE: text`, as a SQL string, with a value appended. */
export function problemText(ops: DialectOps, code: string, text: string, value?: string): string {
  const message = quoteString(`targetree ${code}: ${text}`);
  return value === undefined ? message : `${message} || ${ops.text(value)}`;
}

/** What a column holds: an amount on the unit (a total, a hold), or a weight. */
export type ExactKind =
  | { readonly kind: "amount"; readonly unit: SqlUnit }
  | { readonly kind: "weight"; readonly decimals: number };

/**
 * How one of the caller's columns is read exactly, in three stages of the query: `first` over the
 * caller's table, `second` over the first, then `units` and `problem` over the second.
 */
export interface ExactColumn {
  readonly first: string;
  readonly second: readonly string[];
  /** The value as a whole number: of units for an amount, of 10^-decimals for a weight. */
  readonly units: string;
  /** A message when the value cannot be read (NULL when it can). */
  readonly problem: string;
  /** True when the value is NULL (after the second stage). */
  readonly isNull: string;
  /** The internal columns the stages add. */
  readonly internal: readonly string[];
}

/** 2^52: below it a double and its decimal of `scale` digits convert both ways exactly. */
const EXACT_DOUBLE = 4503599627370496n;

/**
 * Reads a caller's column exactly: a value is read as its text (a double's shortest round-trip
 * text, as JavaScript's `String(x)`, which `allocate` reads). `base` names the internal columns,
 * `what` the value in messages; NULL is a problem unless `nullable`.
 *
 * DuckDB parses text into a 38-digit DECIMAL slowly, so most values take a short cut: the value
 * cast to DECIMAL(18, s), kept when it equals the value both as a decimal and as a double, and
 * below 2^52 units (there a double's cast to s decimals is exact, and a double equal to an
 * s-decimal number has that number as its shortest text). The others go through the text.
 */
export function exactColumn(
  ops: DialectOps,
  caller: string,
  base: string,
  spec: ExactKind,
  what: string,
  nullable: boolean,
): ExactColumn {
  const scale = spec.kind === "amount" ? spec.unit.scale : spec.decimals;
  const factor = spec.kind === "amount" ? spec.unit.factor : 1n;
  const raw = col(`${base}_raw`);
  const nullProblem = nullable ? "NULL" : problemText(ops, "INVALID_NUMBER", `${what} is NULL`);
  const offUnit = (value: string) =>
    spec.kind === "amount"
      ? problemText(
          ops,
          "NOT_A_MULTIPLE_OF_UNIT",
          `${what} is not a whole multiple of the unit ${spec.unit.unit.toFixed()}: `,
          value,
        )
      : problemText(
          ops,
          "INVALID_ARGUMENT",
          `${what} has more than ${scale} decimals (raise weightDecimals): `,
          value,
        );
  // The check on a whole number of 10^-scale: on the unit for an amount, not negative for a weight.
  const wholeCheck = (integer: string, value: string): string =>
    spec.kind === "amount"
      ? factor === 1n
        ? "NULL"
        : `CASE WHEN ${ops.remainder(integer, factor.toString())} <> 0 THEN ${offUnit(value)} END`
      : `CASE WHEN ${integer} < 0 THEN ${problemText(ops, "NEGATIVE_WEIGHT", `${what} is negative: `, value)} END`;
  // Only exact multiples reach the division, so its rounding (DuckDB's // truncates) never shows.
  const inUnits = (integer: string): string =>
    factor === 1n ? integer : ops.divide(integer, factor.toString());
  const slowChecks = (value: ExactValue, shown: string): string =>
    ` WHEN ${value.nonFinite} THEN ${problemText(ops, "INVALID_NUMBER", `${what} is not a finite number: `, shown)}` +
    ` WHEN ${value.inexact} THEN ${offUnit(shown)}` +
    ` ELSE ${wholeCheck(value.integer, shown)} END`;

  if (ops.dialect === "postgres") {
    const number = col(`${base}_number`);
    const value = exactValue(ops, number, scale);
    return {
      first: `CAST(CAST(${caller} AS TEXT) AS NUMERIC) AS ${number}`,
      second: [],
      units: `CASE WHEN ${number} IS NULL OR ${value.nonFinite} OR ${value.inexact} THEN NULL ELSE ${inUnits(value.integer)} END`,
      problem: `CASE WHEN ${number} IS NULL THEN ${nullProblem}${slowChecks(value, number)}`,
      isNull: `${number} IS NULL`,
      internal: [number],
    };
  }
  const fast = col(`${base}_fast`);
  const ok = col(`${base}_ok`);
  const cast = `TRY_CAST(${raw} AS DECIMAL(18, ${scale}))`;
  const limit =
    `${EXACT_DOUBLE / pow10(scale)}.${(EXACT_DOUBLE % pow10(scale)).toString().padStart(scale, "0")}`.replace(
      /\.$/,
      "",
    );
  const fastInteger =
    scale === 0 ? `CAST(${fast} AS HUGEINT)` : `CAST(${fast} * ${pow10(scale)} AS HUGEINT)`;
  const text = `CAST(${raw} AS VARCHAR)`;
  const value = exactValue(ops, text, scale);
  return {
    first: `${caller} AS ${raw}`,
    second: [
      `${cast} AS ${fast}`,
      `COALESCE(${cast} = ${raw} AND CAST(${cast} AS DOUBLE) = CAST(${raw} AS DOUBLE) AND abs(${cast}) < ${limit}, false) AS ${ok}`,
    ],
    units:
      `CASE WHEN ${ok} THEN ${inUnits(fastInteger)}` +
      ` WHEN ${raw} IS NULL OR ${value.nonFinite} OR ${value.inexact} THEN NULL ELSE ${inUnits(value.integer)} END`,
    problem:
      `CASE WHEN ${raw} IS NULL THEN ${nullProblem}` +
      ` WHEN ${ok} THEN ${wholeCheck(fastInteger, raw)}${slowChecks(value, raw)}`,
    isNull: `${raw} IS NULL`,
    internal: [raw, fast, ok],
  };
}

/** A column of the caller's table, quoted and qualified by the table's alias. */
export function callerColumn(alias: string, name: string): string {
  return `${alias}.${quoteIdentifier(name)}`;
}
