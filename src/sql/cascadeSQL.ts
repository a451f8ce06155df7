import type { ErrorPath } from "../_lib/errors.js";
import { describeValue, TargetreeError } from "../_lib/errors.js";
import { reduce } from "../_lib/exact/index.js";
import { readChoice, readOptions } from "../_lib/options.js";
import { isRecord } from "../_lib/records.js";
import type { Numeric } from "../_lib/types.js";
import { CORE, largestRemainderSQL, partValue } from "./_lib/allocation.js";
import type { SqlDialect } from "./_lib/dialect.js";
import { dialectOps, quoteIdentifier, readDialect } from "./_lib/dialect.js";
import { finalSelect, passThrough } from "./_lib/output.js";
import type { ColumnNames, ExactColumn, SqlUnit, TableName } from "./_lib/read.js";
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

/** One level of {@link cascadeSQL}: the nodes at one depth, named by a column. */
export interface CascadeSQLLevel {
  /** The column naming a node of this level within its parent (region, then store…). */
  readonly key: string;
  /**
   * The column whose sum over a node's rows is the node's weight among its siblings (e.g. last
   * year's sales at every level). Absent: the siblings split evenly.
   */
  readonly weight?: string;
  /** The column with a node's fixed value, the same on each of its rows (NULL: free). */
  readonly holds?: string;
  /** The column(s) ordering siblings for the tie-break (a node's smallest). Default: `key`. */
  readonly ordinal?: ColumnNames;
  /** The unit of this level's values (default: `options.unit`), as `cascade`'s `levels[d].unit`. */
  readonly unit?: Numeric;
  /** The result column of this level's values. Default: the key and `_value` (`region_value`). */
  readonly as?: string;
}

/** Options of {@link cascadeSQL}. */
export interface CascadeSQLOptions {
  /** The engine: `"duckdb"` or `"postgres"`. */
  readonly dialect: SqlDialect;
  /** The table or view with one row per leaf (or several rows per leaf, summed). */
  readonly from: TableName;
  /** The column with the amount to split; every row of a tree (a `partitionBy` group) carries it. */
  readonly total: string;
  /** The column(s) naming separate trees, each with its own total. Absent: one tree. */
  readonly partitionBy?: ColumnNames;
  /** The levels, top down: `levels[0]` splits the total, the last one gives the leaves. */
  readonly levels: readonly CascadeSQLLevel[];
  /** The unit of every level that does not set its own. Default `"0.01"`. */
  readonly unit?: Numeric;
  /** Decimals a weight may have (default 6). */
  readonly weightDecimals?: number;
  /** All-zero weights under a node: split evenly (`"even"`, default) or fail (`"error"`). */
  readonly onZeroWeights?: "even" | "error";
}

const KEYS = [
  "dialect",
  "from",
  "total",
  "partitionBy",
  "levels",
  "unit",
  "weightDecimals",
  "onZeroWeights",
] as const;
const LEVEL_KEYS = ["key", "weight", "holds", "ordinal", "unit", "as"] as const;

interface Level {
  readonly key: string;
  readonly weight: string | undefined;
  readonly holds: string | undefined;
  readonly ordinals: readonly string[];
  readonly unit: SqlUnit;
  readonly as: string;
}

function readLevels(raw: Readonly<Record<string, unknown>>, path: ErrorPath): Level[] {
  const levels = raw.levels;
  if (!Array.isArray(levels) || levels.length === 0) {
    throw new TargetreeError(
      "INVALID_ARGUMENT",
      `levels must be a non-empty array such as [{ key: "region" }, { key: "store", weight: "sales" }], got ${describeValue(levels)}.`,
      { path: [...path, "levels"] },
    );
  }
  return levels.map((level: unknown, depth) => {
    const at: ErrorPath = [...path, "levels", depth];
    if (!isRecord(level)) {
      throw new TargetreeError(
        "INVALID_ARGUMENT",
        `A level must be an object such as { key: "region", weight: "sales" }, got ${describeValue(level)}.`,
        { path: at },
      );
    }
    const fields = readOptions(level, LEVEL_KEYS, at);
    const key = readColumn(fields, "key", at);
    return {
      key,
      weight: readOptionalColumn(fields, "weight", at),
      holds: readOptionalColumn(fields, "holds", at),
      ordinals: readColumns(fields, "ordinal", [key], at),
      unit: readSqlUnit(
        fields.unit === undefined ? raw : fields,
        fields.unit === undefined ? path : at,
      ),
      as: fields.as === undefined ? `${key}_value` : readColumn(fields, "as", at),
    };
  });
}

/**
 * The factor turning a parent's units into its children's: parent units × num / den, for
 * parent unit = num/den × child unit.
 */
function unitRatio(parent: SqlUnit, child: SqlUnit): { num: bigint; den: bigint } {
  const scale = Math.max(parent.scale, child.scale);
  const num = parent.factor * 10n ** BigInt(scale - parent.scale);
  const den = child.factor * 10n ** BigInt(scale - child.scale);
  const reduced = reduce({ num, den });
  return { num: reduced.num, den: reduced.den };
}

/**
 * Writes `cascade` as one SQL query for DuckDB or PostgreSQL: a total split down a hierarchy of
 * columns (region → store → person), each level by weights (the sum of a weight column over the
 * node's rows), or evenly, with holds, by largest remainder in the level's unit: one CTE per level,
 * each a split of its parents' values over their children, exactly as `cascade` splits them.
 * Every node's children sum exactly to it.
 *
 * The query returns every column of `from` and one column per level with the value of the row's
 * node at that level (`as`, default the key and `_value`), as DECIMAL(38, s) in DuckDB, NUMERIC
 * in PostgreSQL. Siblings are ordered by `ordinal` (default the key, in the engine's collation):
 * a tie between remainders goes to the lower one, like the earlier child in `cascade`. Shares,
 * bounds and adjustments are not supported in SQL.
 *
 * A bad row fails the query with `targetree CODE: …` as {@link allocateSQL} does; also
 * `INVALID_ARGUMENT` for a NULL key (the levels are joined on their keys) or a node whose rows
 * give it different holds, and `NOT_A_MULTIPLE_OF_UNIT` for a node whose value is not a whole
 * multiple of its children's unit.
 *
 * @param options - `dialect`, `from`, `total`, `levels` (required); `partitionBy`, `unit`,
 *   `weightDecimals`, `onZeroWeights`.
 * @returns The SQL text of one SELECT statement (no trailing semicolon).
 * @throws {TargetreeError} `INVALID_ARGUMENT` for a missing or bad dialect, table, column or level;
 *   `UNKNOWN_OPTION` for a misspelt option or level field; `INVALID_NUMBER` for a bad unit.
 *
 * @example
 * const sql = cascadeSQL({
 *   dialect: "postgres",
 *   from: "people",
 *   total: "company_target",
 *   levels: [
 *     { key: "region", weight: "last_year_sales", unit: "万" },
 *     { key: "person", weight: "last_year_sales", unit: 1 },
 *   ],
 * });
 * sql.includes('"__targetree_level_0" AS (') //=> true
 * sql.includes('AS "person_value"') //=> true
 */
export function cascadeSQL(options: CascadeSQLOptions): string {
  const path: ErrorPath = ["options"];
  const raw = readOptions(options, KEYS, path);
  const ops = dialectOps(readDialect(raw, path));
  const from = readTable(raw, "from", path);
  const total = readColumn(raw, "total", path);
  const groups = readColumns(raw, "partitionBy", [], path, true);
  readSqlUnit(raw, path);
  const levels = readLevels(raw, path);
  const decimals = readWeightDecimals(raw, path);
  const onZeroWeights = readChoice(raw, "onZeroWeights", ["even", "error"], "even", path);

  const alias = col("t");
  const groupColumns = groups.map((_, i) => col(`group_${i}`));
  const keyColumns = levels.map((_, d) => col(`key_${d}`));
  const ordinalColumns = levels.map((level, d) =>
    level.ordinals.map((_, j) => col(`ordinal_${d}_${j}`)),
  );
  const totalRead = exactColumn(
    ops,
    callerColumn(alias, total),
    "total",
    { kind: "amount", unit: levels[0]!.unit },
    `the total ${JSON.stringify(total)}`,
    false,
  );
  const weightReads = levels.map((level, d) =>
    level.weight === undefined
      ? null
      : exactColumn(
          ops,
          callerColumn(alias, level.weight),
          `weight_${d}`,
          { kind: "weight", decimals },
          `the weight ${JSON.stringify(level.weight)}`,
          level.holds !== undefined,
        ),
  );
  const holdReads = levels.map((level, d) =>
    level.holds === undefined
      ? null
      : exactColumn(
          ops,
          callerColumn(alias, level.holds),
          `hold_${d}`,
          { kind: "amount", unit: level.unit },
          `the hold ${JSON.stringify(level.holds)}`,
          true,
        ),
  );
  const reads: ExactColumn[] = [totalRead, ...weightReads, ...holdReads].filter(
    (read): read is ExactColumn => read !== null,
  );
  const nullKeys = [
    ...groups.map((name, i) => [name, groupColumns[i]!] as const),
    ...levels.map((level, d) => [level.key, keyColumns[d]!] as const),
  ].map(
    ([name, column]) =>
      `CASE WHEN ${column} IS NULL THEN ${problemText(ops, "INVALID_ARGUMENT", `the key ${JSON.stringify(name)} is NULL; give every row a key at every level`)} END`,
  );
  const problems = [...nullKeys, ...reads.map((read) => read.problem)];
  const rowUnits = (read: ExactColumn | null, d: string) =>
    read === null ? [] : [`${read.units} AS ${col(d)}`];
  const first = [
    passThrough(ops, alias),
    ...groups.map((name, i) => `${callerColumn(alias, name)} AS ${groupColumns[i]}`),
    ...levels.map((level, d) => `${callerColumn(alias, level.key)} AS ${keyColumns[d]}`),
    ...levels.flatMap((level, d) =>
      level.ordinals.map((name, j) => `${callerColumn(alias, name)} AS ${ordinalColumns[d]![j]}`),
    ),
    ...reads.map((read) => read.first),
  ];
  const second = ["*", ...reads.flatMap((read) => read.second)];
  const third = [
    "*",
    `${totalRead.units} AS ${col("total_units")}`,
    ...weightReads.flatMap((read, d) => rowUnits(read, `weight_units_${d}`)),
    ...holdReads.flatMap((read, d) => rowUnits(read, `hold_units_${d}`)),
    `COALESCE(${problems.join(", ")}) AS ${CORE.problem}`,
  ];
  const rows = col("rows");
  const ctes = [
    `${rows} ${ops.materialized}`,
    `SELECT ${third.join(", ")} FROM (`,
    `SELECT ${second.join(", ")} FROM (`,
    `SELECT ${first.join(", ")} FROM ${from} AS ${alias}`,
    `) AS ${col("read")}) AS ${col("checked")}`,
    `)`,
  ];
  const levelNames = levels.map((_, d) => col(`level_${d}`));
  levels.forEach((level, d) => {
    const parentKeys = [...groupColumns, ...keyColumns.slice(0, d)];
    const nodeKeys = [...parentKeys, keyColumns[d]!];
    const nodes = col(`nodes_${d}`);
    const hold = col(`hold_units_${d}`);
    const nodeProblems = [
      `MAX(${CORE.problem})`,
      ...(level.holds === undefined
        ? []
        : [
            `CASE WHEN MIN(${hold}) <> MAX(${hold}) THEN ${problemText(ops, "INVALID_ARGUMENT", `the rows of one node give it different holds ${JSON.stringify(level.holds)}`)} END`,
          ]),
      ...(level.weight !== undefined && level.holds !== undefined
        ? [
            `CASE WHEN MIN(${hold}) IS NULL AND COUNT(*) <> COUNT(${col(`weight_units_${d}`)}) THEN ${problemText(ops, "INVALID_NUMBER", `a node that is not held has a NULL weight ${JSON.stringify(level.weight)}`)} END`,
          ]
        : []),
      ...(d === 0
        ? [
            `CASE WHEN MIN(${col("total_units")}) <> MAX(${col("total_units")}) THEN ${problemText(ops, "INVALID_ARGUMENT", "the rows of one tree carry different totals")} END`,
          ]
        : []),
    ];
    const nodeColumns = [
      ...nodeKeys,
      ...ordinalColumns[d]!.map((ordinal) => `MIN(${ordinal}) AS ${ordinal}`),
      `${level.weight === undefined ? "1" : `SUM(${col(`weight_units_${d}`)})`} AS ${CORE.weight}`,
      `${level.holds === undefined ? `CAST(NULL AS ${ops.integer})` : `MIN(${hold})`} AS ${CORE.hold}`,
      `COALESCE(${nodeProblems.join(", ")}) AS ${col("node_problem")}`,
      ...(d === 0 ? [`MIN(${col("total_units")}) AS ${col("parent_units")}`] : []),
    ];
    const grouped = `SELECT ${nodeColumns.join(", ")} FROM ${rows} GROUP BY ${nodeKeys.join(", ")}`;
    let nodeSelect: string;
    if (d === 0) {
      nodeSelect = `SELECT *, ${col("parent_units")} AS ${CORE.units}, ${col("node_problem")} AS ${CORE.problem} FROM (${grouped}) AS ${col("grouped")}`;
    } else {
      const parent = levelNames[d - 1]!;
      const { num, den } = unitRatio(levels[d - 1]!.unit, level.unit);
      const scaled = num === 1n ? `p.${CORE.part}` : `p.${CORE.part} * ${num}`;
      const converted = den === 1n ? scaled : ops.divide(scaled, den.toString());
      const offUnit =
        den === 1n
          ? "NULL"
          : `CASE WHEN ${ops.remainder(`abs(${scaled})`, den.toString())} <> 0 THEN ${problemText(ops, "NOT_A_MULTIPLE_OF_UNIT", `a node's value is not a whole multiple of its children's unit ${level.unit.unit.toFixed()}`)} END`;
      const joined = parentKeys.map((key) => `n.${key} = p.${key}`).join(" AND ");
      nodeSelect =
        `SELECT n.*, CASE WHEN p.${CORE.problems} IS NULL THEN ${converted} END AS ${CORE.units}, ` +
        `COALESCE(p.${CORE.problems}, n.${col("node_problem")}, ${offUnit}) AS ${CORE.problem} ` +
        `FROM (${grouped}) AS n JOIN ${parent} AS p ON ${joined}`;
    }
    ctes.push(
      `, ${nodes} AS (`,
      nodeSelect,
      `), ${levelNames[d]} AS (`,
      largestRemainderSQL({
        ops,
        from: nodes,
        groups: parentKeys,
        ordinals: ordinalColumns[d]!,
        zeroWeights:
          onZeroWeights === "error"
            ? {
                rule: "error",
                code: "ZERO_WEIGHTS",
                message: `every weight under a node of level ${d} is zero, and onZeroWeights is "error"`,
              }
            : { rule: "even" },
        holds: level.holds !== undefined,
        what: "children",
      }),
      ")",
    );
  });
  const problem = `COALESCE(${levelNames.map((_, d) => `l${d}.${CORE.problems}`).join(", ")}, r.${CORE.problem})`;
  const values = levels.map(
    (level, d) =>
      `CASE WHEN ${problem} IS NOT NULL THEN ${ops.raise(problem)} ELSE ${partValue(ops, `l${d}.${CORE.part}`, level.unit.scale, level.unit.factor)} END AS ${quoteIdentifier(level.as)}`,
  );
  const joins = levels
    .map((_, d) => {
      const keys = [...groupColumns, ...keyColumns.slice(0, d + 1)];
      return `LEFT JOIN ${levelNames[d]} AS l${d} ON ${keys.map((key) => `r.${key} = l${d}.${key}`).join(" AND ")}`;
    })
    .join("\n");
  const internal = [
    ...groupColumns,
    ...keyColumns,
    ...ordinalColumns.flat(),
    ...reads.flatMap((read) => read.internal),
    col("total_units"),
    ...weightReads.flatMap((read, d) => (read === null ? [] : [col(`weight_units_${d}`)])),
    ...holdReads.flatMap((read, d) => (read === null ? [] : [col(`hold_units_${d}`)])),
    CORE.problem,
  ];
  return ["WITH", ...ctes, finalSelect(ops, `${rows} AS r\n${joins}`, internal, values, "r")].join(
    "\n",
  );
}
