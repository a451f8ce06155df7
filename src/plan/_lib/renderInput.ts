// What renderPlan is given: a Plan or a Tracking (plain data, possibly read back from JSON). The
// fields the renderers use are checked here, each with its path, so a hand-edited or truncated
// result is a clear error rather than "undefined" in a table.
import { Decimal } from "../../_lib/decimal.js";
import { describeValue, type ErrorPath, TargetreeError } from "../../_lib/errors.js";
import { isRecord, own } from "../../_lib/records.js";
import { toDecimal } from "../../numbers/toDecimal.js";
import type { Plan, PlanPeriod, Tracking, TrackingCell, TrackingPeriod } from "../types.js";

/** The checked input: which kind it is, and the value typed. */
export type Renderable =
  | { readonly kind: "plan"; readonly plan: Plan }
  | { readonly kind: "tracking"; readonly tracking: Tracking };

const ROOT: ErrorPath = ["planOrTracking"];

function invalid(message: string, path: ErrorPath): TargetreeError {
  return new TargetreeError(
    "INVALID_ARGUMENT",
    `${message} Render what buildPlan, replan or trackPlan returned (or its JSON, parsed).`,
    { path },
  );
}

function readString(record: object, key: string, path: ErrorPath, nullable = false): void {
  const value = own(record, key);
  if (typeof value === "string" || (nullable && value === null)) return;
  throw invalid(
    `${key} must be a string${nullable ? " or null" : ""}, got ${describeValue(value)}.`,
    [...path, key],
  );
}

function readCount(record: object, key: string, path: ErrorPath): void {
  const value = own(record, key);
  if (typeof value === "number" && Number.isInteger(value) && value >= 0) return;
  throw invalid(`${key} must be a whole number ≥ 0, got ${describeValue(value)}.`, [...path, key]);
}

function readArray(record: object, key: string, path: ErrorPath): readonly unknown[] {
  const value = own(record, key);
  if (Array.isArray(value)) return value;
  throw invalid(`${key} must be an array, got ${describeValue(value)}.`, [...path, key]);
}

function readObject(value: unknown, path: ErrorPath, what: string): object {
  if (isRecord(value)) return value;
  throw invalid(`${what} must be an object, got ${describeValue(value)}.`, path);
}

/** Checks the period fields every renderer reads. */
function checkPeriod(value: unknown, path: ErrorPath, tracking: boolean): void {
  const period = readObject(value, path, "A period");
  for (const key of ["label", "grain", "start", "end"]) readString(period, key, path);
  readCount(period, "workingDays", path);
  if (tracking) {
    readString(period, "state", path);
    readCount(period, "workingDaysElapsed", path);
    readCount(period, "workingDaysRemaining", path);
    readString(period, "timeProgress", path);
  }
}

/** Checks the node fields every renderer reads (amounts are checked where they are used). */
function checkNode(value: unknown, path: ErrorPath, tracking: boolean): void {
  const node = readObject(value, path, "A node");
  for (const key of ["node", "name", "path"]) readString(node, key, path);
  readCount(node, "level", path);
  readString(node, "parent", path, true);
  readArray(node, "children", path);
  if (tracking) {
    readObject(own(node, "periods"), [...path, "periods"], "periods");
    readObject(own(node, "health"), [...path, "health"], "health");
  } else {
    readString(node, "target", path);
    readObject(own(node, "targets"), [...path, "targets"], "targets");
  }
}

/** Reads a Plan or a Tracking for rendering; anything else is `INVALID_ARGUMENT` at its path. */
export function readRenderable(value: unknown): Renderable {
  const root = readObject(value, ROOT, "planOrTracking");
  const kind = own(root, "kind");
  if (kind !== "targetree-plan" && kind !== "targetree-tracking") {
    throw invalid(
      `kind must be "targetree-plan" (a Plan) or "targetree-tracking" (a Tracking), got ${describeValue(kind)}.`,
      [...ROOT, "kind"],
    );
  }
  const tracking = kind === "targetree-tracking";
  for (const key of ["unit", "start", "end"]) readString(root, key, ROOT);
  readString(root, "name", ROOT, true);
  readArray(root, "grains", ROOT);
  readArray(root, "periods", ROOT).forEach((period, index) => {
    checkPeriod(period, [...ROOT, "periods", index], tracking);
  });
  readArray(root, "nodes", ROOT).forEach((node, index) => {
    checkNode(node, [...ROOT, "nodes", index], tracking);
  });
  const unit = toDecimal(own(root, "unit") as string, [...ROOT, "unit"]);
  if (!unit.isFinite() || unit.lte(0)) {
    throw invalid(`unit must be above 0, got ${describeValue(own(root, "unit"))}.`, [
      ...ROOT,
      "unit",
    ]);
  }
  if (tracking) {
    readString(root, "asOf", ROOT);
    readArray(root, "columns", ROOT);
    return { kind: "tracking", tracking: root as Tracking };
  }
  readString(root, "target", ROOT);
  return { kind: "plan", plan: root as Plan };
}

/** An amount or ratio of the input as a Decimal; a bad one is `INVALID_NUMBER` at its path. */
export function decimalAt(value: unknown, path: ErrorPath): Decimal {
  if (typeof value !== "string" && typeof value !== "number") {
    throw invalid(`Expected a decimal string, got ${describeValue(value)}.`, [...ROOT, ...path]);
  }
  return toDecimal(value, [...ROOT, ...path]);
}

/** How many decimals the unit's amounts are written with: 2 for 0.01, 0 for 100. */
export function unitDecimals(unit: string): number {
  return Math.max(0, new Decimal(unit).decimalPlaces());
}

/** The periods to show: every one (no grain), or the whole period and the grain's periods. */
export function periodsOf<P extends PlanPeriod | TrackingPeriod>(
  periods: readonly P[],
  grain: string | undefined,
  everyGrain: boolean,
): P[] {
  if (grain === undefined) {
    return everyGrain ? [...periods] : periods.filter((period) => period.grain === "all");
  }
  return periods.filter((period) => period.grain === "all" || period.grain === grain);
}

/** A node's tracking cell for a period; a missing one is `INVALID_ARGUMENT` at its path. */
export function cellAt(
  periods: object,
  label: string,
  path: readonly (string | number)[],
): TrackingCell {
  const cell = own(periods, label);
  if (isRecord(cell)) return cell as unknown as TrackingCell;
  throw invalid(`Expected the node's figures for period ${label}, got ${describeValue(cell)}.`, [
    ...ROOT,
    ...path,
  ]);
}
