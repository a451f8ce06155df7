// Largest remainder (Hamilton) in SQL, as `allocate` does it (src/split/_lib/engine.ts): in whole
// units, per group (the parent), held parts first, then the rest over the free parts pro rata:
// each part gets ⌊rest·w / Σw⌋ and the units left over go one each to the largest remainders
// rest·w mod Σw, ties to the lower ordinal. All-zero weights split evenly (or fail, on request);
// a negative rest is the mirror image of the positive one. Every step is exact integer arithmetic
// (DuckDB HUGEINT, PostgreSQL NUMERIC) in window functions partitioned by the group.
//
// The input relation has the group columns, the ordinal columns, and UNITS (the parent's amount in
// units, on every row of the group), WEIGHT (a whole number), HOLD (units, NULL for a free part)
// and PROBLEM (a message, NULL when the row is sound). The output adds PART (units) and PROBLEMS
// (the row's problem or its group's), and keeps every input column.
import type { DialectOps } from "./dialect.js";
import { col, problemText } from "./read.js";

/** The columns the core reads and writes. */
export const CORE = {
  units: /* @__PURE__ */ col("units"),
  weight: /* @__PURE__ */ col("weight"),
  hold: /* @__PURE__ */ col("hold"),
  problem: /* @__PURE__ */ col("problem"),
  part: /* @__PURE__ */ col("part"),
  problems: /* @__PURE__ */ col("problems"),
} as const;

/** The internal columns the core adds, for DuckDB's `EXCLUDE`. */
export const CORE_ADDED = /* @__PURE__ */ [
  "units_min",
  "units_max",
  "held",
  "weight_sum",
  "free",
  "same_ordinal",
  "rest",
  "sign",
  "effective_weight",
  "effective_sum",
  "quota",
  "remainder",
  "left_over",
  "rank",
  "part",
  "problems",
].map(col);

/** What happens when every free weight of a group is zero and there is something to split. */
export type ZeroWeightRule =
  | { readonly rule: "even" }
  | { readonly rule: "error"; readonly code: string; readonly message: string };

export interface CoreInput {
  readonly ops: DialectOps;
  /** The relation to read (a CTE name). */
  readonly from: string;
  /** The group (parent) columns, quoted; empty for one group. */
  readonly groups: readonly string[];
  /** The tie-break columns, quoted: the lower ordinal takes a unit first. */
  readonly ordinals: readonly string[];
  readonly zeroWeights: ZeroWeightRule;
  /** False when no row can be held (the HOLD column is all NULL): simpler windows. */
  readonly holds: boolean;
  /** Names the rows in messages ("two rows", "two children"). */
  readonly what: string;
}

/**
 * A window over the group, its rows in `order` (for LAG and ROW_NUMBER), or unordered (for sums
 * over the whole group: with an ORDER BY, PostgreSQL recomputes MIN and MAX for every row).
 */
function window(groups: readonly string[], order: readonly string[] = []): string {
  const partition = groups.length === 0 ? "" : `PARTITION BY ${groups.join(", ")}`;
  const ordered = order.length === 0 ? "" : ` ORDER BY ${order.join(", ")}`;
  return `OVER (${partition}${ordered})`.replace("( ", "(");
}

/** The largest BIGINT: below it, DuckDB's and PostgreSQL's 64-bit division is exact and fast. */
const MAX_BIGINT = "9223372036854775807";

/**
 * The core as one SELECT (nested subqueries), usable as a CTE's body. Two sorts per group: one
 * by ordinal (a repeated ordinal is an equal neighbour), one by remainder then ordinal (who takes
 * the units left over); the sums over a group need no order.
 */
export function largestRemainderSQL(input: CoreInput): string {
  const { ops, groups, ordinals, holds } = input;
  const { units, weight, hold, problem, part, problems } = CORE;
  const [unitsMin, unitsMax, held, weightSum, free, sameOrdinal] = [
    col("units_min"),
    col("units_max"),
    col("held"),
    col("weight_sum"),
    col("free"),
    col("same_ordinal"),
  ];
  const [rest, sign, effectiveWeight, effectiveSum] = [
    col("rest"),
    col("sign"),
    col("effective_weight"),
    col("effective_sum"),
  ];
  const [quota, remainder, leftOver, rank] = [
    col("quota"),
    col("remainder"),
    col("left_over"),
    col("rank"),
  ];
  const isFree = `${hold} IS NULL`;
  const group = window(groups);
  const byOrdinal = window(
    groups,
    ordinals.map((ordinal) => `${ordinal} ASC NULLS LAST`),
  );
  const repeated = ordinals
    .map((ordinal) => `LAG(${ordinal}) ${byOrdinal} IS NOT DISTINCT FROM ${ordinal}`)
    .join(" AND ");
  const groupFacts = [
    `MIN(${units}) ${group} AS ${unitsMin}`,
    `MAX(${units}) ${group} AS ${unitsMax}`,
    holds ? `COALESCE(SUM(${hold}) ${group}, 0) AS ${held}` : `0 AS ${held}`,
    holds
      ? `SUM(CASE WHEN ${isFree} THEN ${weight} ELSE 0 END) ${group} AS ${weightSum}`
      : `SUM(${weight}) ${group} AS ${weightSum}`,
    holds
      ? `SUM(CASE WHEN ${isFree} THEN 1 ELSE 0 END) ${group} AS ${free}`
      : `COUNT(*) ${group} AS ${free}`,
    `ROW_NUMBER() ${byOrdinal} > 1 AND ${repeated} AS ${sameOrdinal}`,
  ];
  const shares = [
    `abs(${unitsMin} - ${held}) AS ${rest}`,
    `CASE WHEN ${unitsMin} - ${held} < 0 THEN -1 ELSE 1 END AS ${sign}`,
    `CASE WHEN ${isFree} THEN CASE WHEN ${weightSum} = 0 THEN 1 ELSE ${weight} END END AS ${effectiveWeight}`,
    `CASE WHEN ${weightSum} = 0 THEN ${free} ELSE ${weightSum} END AS ${effectiveSum}`,
  ];
  // rest·w and its quotient by Σw: in 64 bits when they fit (the common case, and many times
  // faster than 128-bit division in DuckDB), in the exact type otherwise.
  const product = `CAST(${rest} AS ${ops.integer}) * ${effectiveWeight}`;
  const fits = `${product} <= ${MAX_BIGINT} AND ${effectiveSum} <= ${MAX_BIGINT}`;
  const small = (operation: (a: string, b: string) => string) =>
    `CAST(${operation(`CAST(${product} AS BIGINT)`, `CAST(${effectiveSum} AS BIGINT)`)} AS ${ops.integer})`;
  const quotas = [
    `CASE WHEN ${fits} THEN ${small(ops.divide)} ELSE ${ops.divide(product, effectiveSum)} END AS ${quota}`,
    `CASE WHEN ${fits} THEN ${small(ops.remainder)} ELSE ${ops.remainder(product, effectiveSum)} END AS ${remainder}`,
  ];
  const byRemainder = window(groups, [
    `${remainder} DESC NULLS LAST`,
    ...ordinals.map((ordinal) => `${ordinal} ASC NULLS LAST`),
  ]);
  // Held parts have no remainder and sort last, after every free part: the units left over (at
  // most one per free part) never reach them.
  const ranks = [
    `${rest} - SUM(${quota}) ${group} AS ${leftOver}`,
    `ROW_NUMBER() ${byRemainder} AS ${rank}`,
  ];
  const toSplit = `${unitsMin} <> ${held}`;
  const zero =
    input.zeroWeights.rule === "error"
      ? ` WHEN ${weightSum} = 0 AND ${toSplit} THEN ${problemText(ops, input.zeroWeights.code, input.zeroWeights.message)}`
      : "";
  const checks =
    `CASE WHEN ${problem} IS NOT NULL THEN ${problem}` +
    ` WHEN ${unitsMin} <> ${unitsMax} THEN ${problemText(ops, "INVALID_ARGUMENT", `the amount to split differs between ${input.what} of one group (every row of a group must carry the same total)`)}` +
    ` WHEN (${unitsMin} >= 0 AND ${held} > ${unitsMin}) OR (${unitsMin} < 0 AND ${held} < ${unitsMin}) THEN ${problemText(ops, "HOLDS_EXCEED_TOTAL", "the held parts of a group add up to more than its total")}` +
    ` WHEN ${free} = 0 AND ${toSplit} THEN ${problemText(ops, "NO_FREE_PARTS", "every part of a group is held, and the holds miss its total")}` +
    zero +
    ` WHEN ${sameOrdinal} THEN ${problemText(ops, "DUPLICATE_KEY", `two ${input.what} of one group have the same ordinal, so the tie-break is not defined`)}` +
    ` END AS ${problems}`;
  const value =
    `CASE WHEN ${isFree} THEN ${sign} * (${quota} + CASE WHEN ${rank} <= ${leftOver} THEN 1 ELSE 0 END)` +
    ` ELSE ${hold} END AS ${part}`;
  return [
    `SELECT *, ${checks}, ${value} FROM (`,
    `SELECT *, ${ranks.join(", ")} FROM (`,
    `SELECT *, ${quotas.join(", ")} FROM (`,
    `SELECT *, ${shares.join(", ")} FROM (`,
    `SELECT *, ${groupFacts.join(", ")} FROM ${input.from}`,
    `${ops.fence}) AS ${col("facts")}${ops.fence}) AS ${col("shares")}${ops.fence}) AS ${col("quotas")}${ops.fence}) AS ${col("ranks")}`,
  ].join("\n");
}

/** The value of a part: its units times the unit, as DECIMAL(38, scale) or NUMERIC. */
export function partValue(ops: DialectOps, units: string, scale: number, factor: bigint): string {
  const whole = factor === 1n ? units : `${units} * ${factor}`;
  const step = scale === 0 ? "" : `0.${"0".repeat(scale - 1)}1`;
  if (ops.dialect === "duckdb") {
    const integer = `CAST(${whole} AS DECIMAL(38, 0))`;
    return scale === 0
      ? integer
      : `${integer} * CAST('${step}' AS DECIMAL(${scale + 1}, ${scale}))`;
  }
  return scale === 0 ? `CAST(${whole} AS NUMERIC)` : `CAST(${whole} AS NUMERIC) * ${step}`;
}
