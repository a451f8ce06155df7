import { Decimal } from "../_lib/decimal.js";
import type { ErrorPath } from "../_lib/errors.js";
import { commonScale } from "../_lib/exact/index.js";
import { readOptions } from "../_lib/options.js";
import type { Numeric } from "../_lib/types.js";
import type { Grain, QuarterPattern, Seasonality, SpreadBy } from "../time/index.js";
import { checkGrain, groupDays, prepare, SPLIT_OPTIONS, weightsFor } from "../time/internal.js";
import type { Calendar, IsoDate } from "../time/types.js";
import { CORE, CORE_ADDED, largestRemainderSQL, partValue } from "./_lib/allocation.js";
import type { SqlDialect } from "./_lib/dialect.js";
import { dialectOps, quoteIdentifier, quoteString, readDialect } from "./_lib/dialect.js";
import { finalSelect, passThrough } from "./_lib/output.js";
import type { TableName } from "./_lib/read.js";
import { callerColumn, col, exactColumn, readColumn, readSqlUnit, readTable } from "./_lib/read.js";

/** Options of {@link splitByPeriodSQL}: `splitByPeriod`'s, and where the totals are. */
export interface SplitByPeriodSQLOptions {
  /** The engine: `"duckdb"` or `"postgres"`. */
  readonly dialect: SqlDialect;
  /** The table or view with the totals, one row each. */
  readonly from: TableName;
  /** The column with each row's total. */
  readonly total: string;
  /** First day of the range, ISO `"YYYY-MM-DD"`. */
  readonly start: IsoDate;
  /** Last day of the range, inclusive. */
  readonly end: IsoDate;
  /** `"year"`, `"quarter"`, `"month"`, `"dekad"` (旬), `"week"` or `"day"`. */
  readonly grain: Grain;
  /** `"working-days"` (default), `"calendar-days"` or `"seasonality"`, as in `splitByPeriod`. */
  readonly spreadBy?: SpreadBy;
  /** The working-day calendar (`chinaCalendar()`); default Monday–Friday. */
  readonly calendar?: Calendar;
  /** Weights for `spreadBy: "seasonality"`, as in `splitByPeriod`. */
  readonly seasonality?: Seasonality;
  /** Fiscal 4-4-5 quarters and months, as in `splitByPeriod`. */
  readonly quarterPattern?: QuarterPattern;
  /** The rounding step: `"0.01"` (default), `1`, `"万"`… */
  readonly unit?: Numeric;
  /** The name of the value column. Default `"value"`. */
  readonly as?: string;
}

const KEYS = /* @__PURE__ */ (() =>
  [
    "dialect",
    "from",
    "total",
    "as",
    ...SPLIT_OPTIONS.filter((key) => key !== "rounding" && key !== "roundTotal"),
    "grain",
  ] as const)();

/** The period columns of the result, in order. */
const PERIOD_COLUMNS = [
  "period",
  "period_label",
  "period_start",
  "period_end",
  "calendar_days",
  "working_days",
] as const;

/**
 * Writes `splitByPeriod` as one SQL query for DuckDB or PostgreSQL: every row of `from` has its
 * total split over the periods of one date range, exactly as `splitByPeriod` splits it. The
 * periods and their weights come from the library's own calendar (`listDays`: working days,
 * holidays and 调休 make-up days, week cuts, 旬, fiscal 4-4-5 months, seasonality), written into
 * the query as a VALUES table; the engine does the largest-remainder split of each row's total
 * over them, in exact integers.
 *
 * The query returns, for each row of `from` and each period, every column of `from`, then
 * `period` (the key, e.g. `"2026-01"`), `period_label`, `period_start` and `period_end` (DATE),
 * `calendar_days`, `working_days`, and the value (`as`, default `"value"`) as DECIMAL(38, s) in
 * DuckDB, NUMERIC in PostgreSQL. A row's values sum exactly to its total. A NULL, non-finite or
 * off-unit total fails the query (`targetree INVALID_NUMBER:` / `NOT_A_MULTIPLE_OF_UNIT:`), and so
 * does a non-zero total over a range with no working days (`NO_WORKING_DAYS`), as in
 * `splitByPeriod`. `rounding` and `roundTotal` are not supported in SQL.
 *
 * @param options - `dialect`, `from`, `total`, `start`, `end`, `grain` (required); `spreadBy`,
 *   `calendar`, `seasonality`, `quarterPattern`, `unit`, `as`.
 * @returns The SQL text of one SELECT statement (no trailing semicolon).
 * @throws {TargetreeError} Every code `splitByPeriod` throws for its options (`INVALID_DATE`,
 *   `INVALID_RANGE`, `SEASONALITY_MISMATCH`, `CALENDAR_YEAR_MISSING`…), `INVALID_ARGUMENT` for a
 *   bad dialect, table or column, and `UNKNOWN_OPTION` for a misspelt option.
 *
 * @example
 * const sql = splitByPeriodSQL({
 *   dialect: "duckdb",
 *   from: "store_targets",
 *   total: "year_target",
 *   start: "2026-01-01",
 *   end: "2026-12-31",
 *   grain: "month",
 *   calendar: chinaCalendar(),
 * });
 * sql.includes("(1, '2026-01', '2026年1月', DATE '2026-01-01', DATE '2026-01-31', 31, 21, ") //=> true
 */
export function splitByPeriodSQL(options: SplitByPeriodSQLOptions): string {
  const path: ErrorPath = ["options"];
  const raw = readOptions(options, KEYS, path);
  const ops = dialectOps(readDialect(raw, path));
  const from = readTable(raw, "from", path);
  const total = readColumn(raw, "total", path);
  const as = raw.as === undefined ? "value" : readColumn(raw, "as", path);
  const unit = readSqlUnit(raw, path);
  const grain = checkGrain(raw.grain, [...path, "grain"]);
  const split: Record<string, unknown> = {};
  for (const key of SPLIT_OPTIONS) if (raw[key] !== undefined) split[key] = raw[key];
  const prepared = prepare(0, split, [grain]);
  const groups = groupDays(prepared.days, grain, prepared.fiscal);
  const weights = commonScale(
    weightsFor(prepared, groups, prepared.spreadBy, true).map((weight) => new Decimal(weight)),
  ).mantissas;
  const allZero = weights.every((weight) => weight === 0n);

  const periodValues = groups.map((group, index) => {
    const first = group.days[0]!;
    const last = group.days[group.days.length - 1]!;
    const working = group.days.filter((day) => day.working).length;
    return `(${index + 1}, ${quoteString(group.key)}, ${quoteString(group.label)}, DATE '${first.iso}', DATE '${last.iso}', ${group.days.length}, ${working}, CAST('${weights[index]}' AS ${ops.integer}))`;
  });
  const periods = col("periods");
  const periodNames = [
    col("period_ordinal"),
    ...PERIOD_COLUMNS.map((name) => col(name)),
    CORE.weight,
  ];
  const alias = col("t");
  const totalRead = exactColumn(
    ops,
    callerColumn(alias, total),
    "total",
    { kind: "amount", unit },
    `the total ${JSON.stringify(total)}`,
    false,
  );
  const rowId = col("row_id");
  const rows = col("rows");
  const parts = col("parts");
  const spread = prepared.spreadBy;
  const core = largestRemainderSQL({
    ops,
    from: col("pairs"),
    groups: [rowId],
    ordinals: [col("period_ordinal")],
    zeroWeights: allZero
      ? {
          rule: "error",
          code: spread === "working-days" ? "NO_WORKING_DAYS" : "SEASONALITY_MISMATCH",
          message:
            spread === "working-days"
              ? "the range has no working days, so a working-day split of a non-zero total is undefined"
              : "every period's seasonality weight is zero, so the total cannot be spread",
        }
      : { rule: "even" },
    holds: false,
    what: "periods",
  });
  const internal = [
    rowId,
    ...totalRead.internal,
    CORE.units,
    CORE.hold,
    CORE.problem,
    ...periodNames,
    ...CORE_ADDED,
  ];
  const periodOut = PERIOD_COLUMNS.map((name) => `${col(name)} AS ${quoteIdentifier(name)}`);
  const value = partValue(ops, CORE.part, unit.scale, unit.factor);
  return [
    "WITH",
    `${periods}(${periodNames.join(", ")}) AS (VALUES`,
    periodValues.join(",\n"),
    `), ${rows} ${ops.materialized}`,
    `SELECT *, ${totalRead.units} AS ${CORE.units}, CAST(NULL AS ${ops.integer}) AS ${CORE.hold}, ${totalRead.problem} AS ${CORE.problem} FROM (`,
    `SELECT *${totalRead.second.map((column) => `, ${column}`).join("")} FROM (`,
    `SELECT ${passThrough(ops, alias)}, ROW_NUMBER() OVER () AS ${rowId}, ${totalRead.first} FROM ${from} AS ${alias}`,
    `) AS ${col("read")}) AS ${col("checked")}`,
    `), ${col("pairs")} AS (`,
    `SELECT * FROM ${rows} CROSS JOIN ${periods}`,
    `), ${parts} AS (`,
    core,
    ")",
    finalSelect(ops, parts, internal, [
      ...periodOut,
      `CASE WHEN ${CORE.problems} IS NOT NULL THEN ${ops.raise(CORE.problems)} ELSE ${value} END AS ${quoteIdentifier(as)}`,
    ]),
  ].join("\n");
}
