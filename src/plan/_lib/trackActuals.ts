// Reads the actuals rows of trackPlan into exact sums per node × period: a dated row goes to the
// finest period holding its day, a period row to that period. Rows after the as-of day are left
// out (counted) or refused with `strict`; a bad row is an error naming its index.
import type { ErrorPath } from "../../_lib/errors.js";
import { describeValue, excerpt, TargetreeError } from "../../_lib/errors.js";
import { isRecord } from "../../_lib/records.js";
import { checkIsoDate } from "../../time/internal.js";
import type { IsoDate } from "../../time/types.js";
import type { ReadPlan } from "./readPlan.js";
import { findNode } from "./readPlan.js";
import type { Parsed, Sums } from "./trackSums.js";
import { addTo, newSums, parseAmount } from "./trackSums.js";

/** The actuals summed per node × period (not yet rolled up), with their extra columns. */
export interface ActualSums {
  /** Cell `node × periods + period`. */
  readonly actual: Sums;
  /** The extra numeric columns, in the order first seen, each summed like `actual`. */
  readonly columns: ReadonlyMap<string, Sums>;
  readonly rows: number;
  readonly ignoredAfterAsOf: number;
}

export function sumActuals(
  read: ReadPlan,
  actuals: unknown,
  asOf: IsoDate,
  strict: boolean,
): ActualSums {
  if (!Array.isArray(actuals)) {
    throw new TargetreeError(
      "INVALID_ARGUMENT",
      `actuals must be an array of rows { node, date | period, actual }, got ${describeValue(actuals)}.`,
      { path: ["actuals"] },
    );
  }
  const { layout } = read;
  const width = layout.periods.length;
  const size = read.nodes.length * width;
  const scale = read.unit.decimals;
  const actual = newSums(size, scale);
  const columns = new Map<string, Sums>();
  const finestStart = layout.grainStart[layout.grainStart.length - 2]!;
  const dayPeriod = new Map<string, number>();
  layout.days.forEach((day, i) => {
    dayPeriod.set(day.iso, finestStart + layout.finestOfDay[i]!);
  });
  const periodIndex = new Map(layout.periods.map((period, k) => [period.label, k]));
  const leaf = read.children.map((children) => children.length === 0);
  const parsed: Parsed = { int: 0, decimals: 0 };
  let rows = 0;
  let ignored = 0;
  for (let i = 0; i < actuals.length; i++) {
    const row: unknown = actuals[i];
    if (!isRecord(row)) {
      throw new TargetreeError(
        "INVALID_ARGUMENT",
        `Each actuals row must be a record { node, date | period, actual }, got ${describeValue(row)}.`,
        { path: ["actuals", i] },
      );
    }
    const name = row.node;
    let node = typeof name === "string" ? read.lookup.get(name) : undefined;
    if (node === undefined) node = findNode(read, name, ["actuals", i, "node"], `Row ${i}: `);
    if (!leaf[node]) {
      throw new TargetreeError(
        "INVALID_ARGUMENT",
        `Row ${i}: actuals are recorded on the people (the leaves): ${excerpt(read.nodes[node]!.node)} has children, whose actuals roll up to it; record the row on one of them.`,
        { path: ["actuals", i, "node"] },
      );
    }
    const period = placeRow(row, i, dayPeriod, periodIndex, read, asOf);
    if (period === AFTER) {
      if (strict) {
        throw new TargetreeError(
          "AFTER_AS_OF",
          `Row ${i} is dated after the as-of day ${asOf}; remove it, or track as of a later day.`,
          { path: ["actuals", i, row.date === undefined ? "period" : "date"] },
        );
      }
      ignored++;
      continue;
    }
    const cell = node * width + period;
    const value = row.actual;
    if (value === undefined || value === null || value === "") {
      throw new TargetreeError(
        "INVALID_NUMBER",
        `Row ${i} has no actual; give the amount (any form: 8000, "8,000", "0.8万").`,
        { path: ["actuals", i, "actual"] },
      );
    }
    parseAmount(value, ["actuals", i, "actual"], parsed);
    addTo(actual, cell, parsed);
    for (const key of Object.keys(row)) {
      if (key === "node" || key === "actual" || key === "date" || key === "period") continue;
      const extra = row[key];
      if (extra === undefined || extra === null || extra === "") continue;
      let sums = columns.get(key);
      if (sums === undefined) {
        sums = newSums(size, 0);
        columns.set(key, sums);
      }
      parseAmount(extra, ["actuals", i, key], parsed);
      addTo(sums, cell, parsed);
    }
    rows++;
  }
  return { actual, columns, rows, ignoredAfterAsOf: ignored };
}

/** A row dated after the as-of day. */
const AFTER = -1;

/** The period a row goes to: its day's finest period, or the period it names. */
function placeRow(
  row: Readonly<Record<string, unknown>>,
  i: number,
  dayPeriod: ReadonlyMap<string, number>,
  periodIndex: ReadonlyMap<string, number>,
  read: ReadPlan,
  asOf: IsoDate,
): number {
  const { date, period } = row;
  if (date !== undefined && period !== undefined) {
    throw new TargetreeError(
      "INVALID_ARGUMENT",
      `Row ${i} gives both a date and a period; give one.`,
      { path: ["actuals", i, "period"] },
    );
  }
  if (date !== undefined) {
    const index = typeof date === "string" ? dayPeriod.get(date) : undefined;
    if (index !== undefined) return (date as string) > asOf ? AFTER : index;
    const day = checkIsoDate(date, ["actuals", i, "date"]);
    throw outside(
      `Row ${i}'s date ${day} is outside the plan (${read.plan.start} – ${read.plan.end}).`,
      ["actuals", i, "date"],
    );
  }
  if (period !== undefined) {
    const index = typeof period === "string" ? periodIndex.get(period) : undefined;
    if (index === undefined) {
      throw outside(
        `Row ${i}'s period ${describeValue(period)} is not a period of the plan (such as ${JSON.stringify(read.layout.periods[read.layout.periods.length - 1]!.label)}, ${JSON.stringify(read.layout.periods[1]!.label)} or "all").`,
        ["actuals", i, "period"],
      );
    }
    return read.layout.periods[index]!.start > asOf ? AFTER : index;
  }
  throw new TargetreeError(
    "INVALID_ARGUMENT",
    `Row ${i} needs a date ("YYYY-MM-DD") or a period of the plan ("2027-03").`,
    { path: ["actuals", i, "date"] },
  );
}

function outside(message: string, path: ErrorPath): TargetreeError {
  return new TargetreeError("OUTSIDE_PLAN", message, { path });
}
