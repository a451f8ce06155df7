// Arrays from callers are read once. A Proxy whose `length` moves, or a getter on an index, could
// otherwise answer one thing to the check and another to the computation.
import { type ErrorPath, formatPath, TargetreeError } from "./errors.js";

/**
 * A fresh copy of a caller's array: its `length` read once, then each index read once, in order.
 * Returns `null` when the length is not a whole number ≤ `max` (so an array-like claiming a
 * trillion items allocates nothing); the caller turns that into its own error.
 */
export function snapshotArray<T>(array: readonly T[], max: number): T[] | null {
  const length: unknown = array.length;
  if (typeof length !== "number" || !Number.isSafeInteger(length) || length < 0 || length > max) {
    return null;
  }
  const copy: T[] = [];
  for (let index = 0; index < length; index++) copy.push(array[index] as T);
  return copy;
}

/** The most items a list from a caller may have (a series, rows, stages, tiers, grains…). */
export const MAX_ITEMS = 10_000_000;

/**
 * A caller's array read once by {@link snapshotArray}; `INVALID_ARGUMENT` at `path` when it
 * claims more than `max` items.
 */
export function readItems<T>(array: readonly T[], path: ErrorPath, max = MAX_ITEMS): T[] {
  const items = snapshotArray(array, max);
  if (items === null) {
    throw new TargetreeError(
      "INVALID_ARGUMENT",
      `${formatPath(path)} has more than ${max.toLocaleString("en")} items.`,
      { path },
    );
  }
  return items;
}
