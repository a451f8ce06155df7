// Arrays from callers are read once. A Proxy whose `length` moves, or a getter on an index, could
// otherwise answer one thing to the check and another to the computation.

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
