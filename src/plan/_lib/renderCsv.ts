// CSV of a plan (one row per node × period) and of a tracking (one row per node, and per period
// with a grain), as PLAN.md gives the columns: amounts as plain decimals with the unit's decimals,
// ratios as decimal fractions, alerts joined by ";". Fields are quoted as RFC 4180 says.
import { Decimal } from "../../_lib/decimal.js";
import { own } from "../../_lib/records.js";
import type { Plan, Tracking } from "../types.js";
import { cellAt, decimalAt, periodsOf, unitDecimals } from "./renderInput.js";

/** Decimals of a ratio in CSV: `0.4762`. */
const RATIO_DECIMALS = 4;

/** A field, quoted when it holds a comma, a quote, a line break or edge spaces. */
export function csvField(text: string): string {
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function csvLines(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => `${row.map(csvField).join(",")}\n`).join("");
}

/** An amount with the unit's decimals; `null` (a figure that may be null) is an empty field. */
function amount(
  value: unknown,
  decimals: number,
  path: readonly (string | number)[],
  nullable = false,
): string {
  if (value === null && nullable) return "";
  return decimalAt(value, path).toFixed(decimals, Decimal.ROUND_HALF_UP);
}

/** An exact amount (an actual, a gap): the unit's decimals, more when the value has them. */
function exactAmount(value: unknown, decimals: number, path: readonly (string | number)[]): string {
  const decimal = decimalAt(value, path);
  return decimal.toFixed(Math.max(decimals, decimal.decimalPlaces()));
}

/** A ratio as a decimal fraction with four decimals (`0.4762`); `null` is an empty field. */
function ratio(value: unknown, path: readonly (string | number)[], nullable = false): string {
  if (value === null && nullable) return "";
  return decimalAt(value, path).toFixed(RATIO_DECIMALS, Decimal.ROUND_HALF_UP);
}

/** The columns of a plan's CSV: PLAN.md's first, then more about the node and the period. */
export const PLAN_CSV_COLUMNS = [
  "node",
  "name",
  "level",
  "period",
  "start",
  "end",
  "working_days",
  "target",
  "grain",
  "level_name",
  "path",
  "parent",
] as const;

/** One row per node × period (every grain and `all`, or `all` and one grain). */
export function planCsv(plan: Plan, grain: string | undefined): string {
  const decimals = unitDecimals(plan.unit);
  const periods = periodsOf(plan.periods, grain, true);
  const rows: string[][] = [[...PLAN_CSV_COLUMNS]];
  plan.nodes.forEach((node, index) => {
    for (const period of periods) {
      rows.push([
        node.node,
        node.name,
        String(node.level),
        period.label,
        period.start,
        period.end,
        String(period.workingDays),
        amount(own(node.targets, period.label), decimals, [
          "nodes",
          index,
          "targets",
          period.label,
        ]),
        period.grain,
        node.levelName ?? "",
        node.path,
        node.parent ?? "",
      ]);
    }
  });
  return csvLines(rows);
}

/** The columns of a tracking's CSV: PLAN.md's first, then the period and more figures. */
export const TRACKING_CSV_COLUMNS = [
  "node",
  "name",
  "target",
  "target_to_date",
  "actual",
  "achievement",
  "time_progress",
  "gap",
  "projection",
  "required_per_working_day",
  "status",
  "alerts",
  "period",
  "level",
  "path",
  "gap_rate",
  "working_days",
  "working_days_elapsed",
  "working_days_remaining",
  "misses_in_a_row",
  "in_danger",
] as const;

/** One row per node for the whole period, and per node × period of `grain` when given. */
export function trackingCsv(tracking: Tracking, grain: string | undefined): string {
  const decimals = unitDecimals(tracking.unit);
  const periods = periodsOf(tracking.periods, grain, false);
  const taken = new Set<string>(TRACKING_CSV_COLUMNS);
  // The actuals' extra columns, summed to date, under their own names (prefixed on a clash).
  const extra = tracking.columns.map((name) => (taken.has(name) ? `actuals_${name}` : name));
  const rows: string[][] = [[...TRACKING_CSV_COLUMNS, ...extra]];
  tracking.nodes.forEach((node, index) => {
    for (const period of periods) {
      const path = ["nodes", index, "periods", period.label];
      const cell = cellAt(node.periods, period.label, path);
      rows.push([
        node.node,
        node.name,
        amount(cell.target, decimals, [...path, "target"]),
        amount(cell.targetToDate, decimals, [...path, "targetToDate"]),
        exactAmount(cell.actual, decimals, [...path, "actual"]),
        ratio(cell.achievement, [...path, "achievement"], true),
        ratio(cell.timeProgress, [...path, "timeProgress"]),
        exactAmount(cell.gap, decimals, [...path, "gap"]),
        amount(cell.projection, decimals, [...path, "projection"], true),
        amount(cell.requiredPerWorkingDay, decimals, [...path, "requiredPerWorkingDay"], true),
        cell.status,
        (cell.alerts ?? []).map((alert) => alert.id).join(";"),
        period.label,
        String(node.level),
        node.path,
        ratio(cell.gapRate, [...path, "gapRate"], true),
        String(period.workingDays),
        String(period.workingDaysElapsed),
        String(period.workingDaysRemaining),
        String(node.health.missesInARow),
        String(node.health.inDanger),
        ...tracking.columns.map((name) => {
          const value = own(cell.columns ?? {}, name);
          return value === undefined ? "" : decimalAt(value, [...path, "columns", name]).toFixed();
        }),
      ]);
    }
  });
  return csvLines(rows);
}
