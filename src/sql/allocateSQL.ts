import { readChoice, readOptions } from "../_lib/options.js";
import type { Numeric } from "../_lib/types.js";
import { CORE, CORE_ADDED, largestRemainderSQL, partValue } from "./_lib/allocation.js";
import type { SqlDialect } from "./_lib/dialect.js";
import { dialectOps, quoteIdentifier, readDialect } from "./_lib/dialect.js";
import { finalSelect, passThrough } from "./_lib/output.js";
import type { ColumnNames, TableName } from "./_lib/read.js";
import {
  callerColumn,
  col,
  exactColumn,
  problemText,
  readColumn,
  readColumns,
  readOptionalColumn,
  readSqlUnit,
  readTable,
  readWeightDecimals,
} from "./_lib/read.js";

/** Options of {@link allocateSQL}. */
export interface AllocateSQLOptions {
  /** The engine: `"duckdb"` or `"postgres"`. Required: the SQL differs. */
  readonly dialect: SqlDialect;
  /** The table or view with one row per part: a name, or its parts (`["sales", "stores"]`). */
  readonly from: TableName;
  /** The column with the amount to split; every row of a group carries the group's total. */
  readonly total: string;
  /** The column with each part's weight (≥ 0). Absent: every part weighs the same. */
  readonly weight?: string;
  /** The column(s) naming the group (the parent) each row belongs to. Absent: one group. */
  readonly partitionBy?: ColumnNames;
  /**
   * The column(s) that order the parts of a group, as the keys of `allocate`'s weights are
   * ordered: a tie between remainders goes to the lower ordinal. Unique within a group.
   */
  readonly ordinal: ColumnNames;
  /** The column with a part's fixed value (a whole multiple of `unit`); NULL for a free part. */
  readonly holds?: string;
  /** The rounding step: `"0.01"` (default), `1`, `"万"` (1万), `"1亿"`… */
  readonly unit?: Numeric;
  /** Decimals a weight may have (default 6); a weight with more fails the query. */
  readonly weightDecimals?: number;
  /** All-zero weights in a group: split evenly (`"even"`, default) or fail the query (`"error"`). */
  readonly onZeroWeights?: "even" | "error";
  /** The name of the result column. Default `"part"`. */
  readonly as?: string;
}

const KEYS = [
  "dialect",
  "from",
  "total",
  "weight",
  "partitionBy",
  "ordinal",
  "holds",
  "unit",
  "weightDecimals",
  "onZeroWeights",
  "as",
] as const;

/**
 * Writes `allocate` as one SQL query for DuckDB or PostgreSQL: every row of `from` is a part, its
 * group (`partitionBy`) the parent whose `total` it splits, pro rata to `weight`, by largest
 * remainder in whole units, exactly as `allocate` splits it. The parts of a group sum exactly to
 * its total, and each equals `allocate`'s part for the same total, weights, order and holds.
 *
 * The query returns every column of `from` and the part (`as`, default `"part"`) as
 * DECIMAL(38, s) in DuckDB, NUMERIC in PostgreSQL, with s the unit's decimals. It computes in
 * exact integers (DuckDB HUGEINT, PostgreSQL NUMERIC) with window functions partitioned by the
 * group, the remainders ordered by size and then by `ordinal` (without an explicit order, rows of
 * equal remainder would differ from run to run). Holds, and the even split of all-zero weights,
 * work as in `allocate`; `min`/`max` bounds are not supported in SQL.
 *
 * A bad row fails the query with a message `targetree CODE: …` using `allocate`'s codes: a NULL
 * or non-finite total or weight (`INVALID_NUMBER`), a negative weight (`NEGATIVE_WEIGHT`), a total
 * or hold off the unit (`NOT_A_MULTIPLE_OF_UNIT`), holds beyond the total (`HOLDS_EXCEED_TOTAL`),
 * `NO_FREE_PARTS`, `ZERO_WEIGHTS` (with `onZeroWeights: "error"`), two rows of a group with one
 * ordinal (`DUPLICATE_KEY`), and `INVALID_ARGUMENT` for a weight with more than `weightDecimals`
 * decimals or a group whose rows carry different totals. Values are read through their text, so a
 * DOUBLE column is read as its shortest decimal form, as `allocate` reads a JavaScript number.
 * Column names are quoted (case, spaces, Chinese and quotes are kept); names starting with
 * `__targetree_` are the query's own.
 *
 * @param options - `dialect`, `from`, `total`, `ordinal` (required); `weight`, `partitionBy`,
 *   `holds`, `unit`, `weightDecimals`, `onZeroWeights`, `as`.
 * @returns The SQL text of one SELECT statement (no trailing semicolon), to run or wrap in a view.
 * @throws {TargetreeError} `INVALID_ARGUMENT` for a missing or bad dialect, table, column name or
 *   option value (a unit finer than 1e-18); `UNKNOWN_OPTION` for a misspelt option;
 *   `INVALID_NUMBER` for a unit that is not a number.
 *
 * @example
 * const sql = allocateSQL({
 *   dialect: "duckdb",
 *   from: "stores",
 *   total: "region_target",
 *   weight: "last_year_sales",
 *   partitionBy: "region",
 *   ordinal: "store_id",
 *   unit: 1,
 * });
 * sql.startsWith("WITH") //=> true
 * sql.includes('PARTITION BY "__targetree_group_0"') //=> true
 * // Run it where the data is: await connection.run(sql) with @duckdb/node-api, or pg's client.query(sql).
 */
export function allocateSQL(options: AllocateSQLOptions): string {
  const path = ["options"];
  const raw = readOptions(options, KEYS, path);
  const ops = dialectOps(readDialect(raw, path));
  const from = readTable(raw, "from", path);
  const total = readColumn(raw, "total", path);
  const weight = readOptionalColumn(raw, "weight", path);
  const groups = readColumns(raw, "partitionBy", [], path, true);
  const ordinals = readColumns(raw, "ordinal", undefined, path);
  const holds = readOptionalColumn(raw, "holds", path);
  const unit = readSqlUnit(raw, path);
  const decimals = readWeightDecimals(raw, path);
  const onZeroWeights = readChoice(raw, "onZeroWeights", ["even", "error"], "even", path);
  const as = raw.as === undefined ? "part" : readColumn(raw, "as", path);

  const alias = col("t");
  const groupColumns = groups.map((_, i) => col(`group_${i}`));
  const ordinalColumns = ordinals.map((_, i) => col(`ordinal_${i}`));
  const totalRead = exactColumn(
    ops,
    callerColumn(alias, total),
    "total",
    { kind: "amount", unit },
    `the total ${JSON.stringify(total)}`,
    false,
  );
  const weightRead =
    weight === undefined
      ? null
      : exactColumn(
          ops,
          callerColumn(alias, weight),
          "weight",
          { kind: "weight", decimals },
          `the weight ${JSON.stringify(weight)}`,
          // A held part needs no weight: NULL is fine there (checked below).
          holds !== undefined,
        );
  const holdRead =
    holds === undefined
      ? null
      : exactColumn(
          ops,
          callerColumn(alias, holds),
          "hold",
          { kind: "amount", unit },
          `the hold ${JSON.stringify(holds)}`,
          true,
        );
  const reads = [totalRead, weightRead, holdRead].filter((read) => read !== null);
  const first = [
    passThrough(ops, alias),
    ...groups.map((name, i) => `${callerColumn(alias, name)} AS ${groupColumns[i]}`),
    ...ordinals.map((name, i) => `${callerColumn(alias, name)} AS ${ordinalColumns[i]}`),
    ...reads.map((read) => read.first),
  ];
  const second = ["*", ...reads.flatMap((read) => read.second)];
  const freeWithoutWeight =
    weightRead === null || holdRead === null
      ? null
      : `CASE WHEN ${holdRead.isNull} AND ${weightRead.isNull} THEN ${problemText(ops, "INVALID_NUMBER", `the weight ${JSON.stringify(weight)} of a part that is not held is NULL`)} END`;
  const problems = [
    ...reads.map((read) => read.problem),
    ...(freeWithoutWeight === null ? [] : [freeWithoutWeight]),
  ];
  const third = [
    "*",
    `${totalRead.units} AS ${CORE.units}`,
    `${weightRead === null ? "1" : weightRead.units} AS ${CORE.weight}`,
    `${holdRead === null ? `CAST(NULL AS ${ops.integer})` : holdRead.units} AS ${CORE.hold}`,
    `${problems.length === 1 ? problems[0] : `COALESCE(${problems.join(", ")})`} AS ${CORE.problem}`,
  ];
  const rows = col("rows");
  const parts = col("parts");
  const core = largestRemainderSQL({
    ops,
    from: rows,
    groups: groupColumns,
    ordinals: ordinalColumns,
    zeroWeights:
      onZeroWeights === "error"
        ? {
            rule: "error",
            code: "ZERO_WEIGHTS",
            message: 'every weight of a group is zero, and onZeroWeights is "error"',
          }
        : { rule: "even" },
    holds: holds !== undefined,
    what: "rows",
  });
  const internal = [
    ...groupColumns,
    ...ordinalColumns,
    ...reads.flatMap((read) => read.internal),
    CORE.units,
    CORE.weight,
    CORE.hold,
    CORE.problem,
    ...CORE_ADDED,
  ];
  const value = partValue(ops, CORE.part, unit.scale, unit.factor);
  return [
    "WITH",
    `${rows} ${ops.materialized}`,
    `SELECT ${third.join(", ")} FROM (`,
    `SELECT ${second.join(", ")} FROM (`,
    `SELECT ${first.join(", ")} FROM ${from} AS ${alias}`,
    `) AS ${col("read")}) AS ${col("checked")}`,
    `),`,
    `${parts} AS (`,
    core,
    `)`,
    finalSelect(ops, parts, internal, [
      `CASE WHEN ${CORE.problems} IS NOT NULL THEN ${ops.raise(CORE.problems)} ELSE ${value} END AS ${quoteIdentifier(as)}`,
    ]),
  ].join("\n");
}
