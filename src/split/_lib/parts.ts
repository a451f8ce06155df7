import { snapshotArray } from "../../_lib/arrays.js";
import { didYouMean } from "../../_lib/closest.js";
import type { ErrorPath } from "../../_lib/errors.js";
import { describeValue, TargetreeError } from "../../_lib/errors.js";
import { codePointLabel, findInvisible } from "../../_lib/invisible.js";
import { MAX_SPLIT_PARTS } from "../../_lib/limits.js";
import { isRecord } from "../../_lib/records.js";
import { isSingleNumeric } from "./options.js";

/** The parts of a split: an ordered list, and their keys when the caller gave a record. */
export interface Parts {
  /** The caller's keys in order, or `null` for an array. */
  readonly keys: readonly string[] | null;
  /** The caller's values (weights, shares), in order. */
  readonly values: readonly unknown[];
  /** NFC-normalised key → index, for records. */
  readonly index: ReadonlyMap<string, number> | null;
  /** Path of the whole collection in the caller's input, e.g. `["weights"]`. */
  readonly path: ErrorPath;
}

/** The most parts one split accepts (a count such as `splitEvenly(total, 1e12)` must not exhaust memory). */
export const MAX_PARTS = MAX_SPLIT_PARTS;

const ASCII_PRINTABLE = /^[\x20-\x7e]*$/;

/** Normalises a key to NFC after refusing invisible and bidirectional control characters. */
export function normaliseKey(key: string, path: ErrorPath): string {
  if (ASCII_PRINTABLE.test(key)) return key;
  const found = findInvisible(key);
  if (found >= 0) {
    const codePoint = codePointLabel(key, found);
    throw new TargetreeError(
      "INVALID_CHARACTER",
      `A key contains the invisible or bidirectional control character ${codePoint} at position ${found + 1}.`,
      { path, details: { codePoint, position: found + 1 } },
    );
  }
  return key.normalize("NFC");
}

/** Checks a list of keys: strings, free of invisible characters, unique after NFC. */
export function indexKeys(keys: readonly string[], path: ErrorPath): Map<string, number> {
  const index = new Map<string, number>();
  keys.forEach((key, position) => {
    if (typeof key !== "string") {
      throw new TargetreeError(
        "INVALID_ARGUMENT",
        `Keys must be strings, got ${describeValue(key)}.`,
        { path: [...path, position] },
      );
    }
    const normal = normaliseKey(key, [...path, key]);
    const earlier = index.get(normal);
    if (earlier !== undefined) {
      const first = keys[earlier]!;
      throw new TargetreeError(
        "DUPLICATE_KEY",
        first === key
          ? `The key ${JSON.stringify(key)} appears twice.`
          : `The keys ${JSON.stringify(first)} and ${JSON.stringify(key)} are the same after Unicode NFC normalisation.`,
        { path: [...path, key], details: { first: keys[earlier], second: key } },
      );
    }
    index.set(normal, position);
  });
  return index;
}

/** A record of parts (or nodes, or dimensions): a record by the shared rule, and not a Decimal. */
export function isPartsRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return isRecord(value) && !isSingleNumeric(value);
}

/** Reads weights (or shares) given as an array or a record. */
export function readParts(collection: unknown, path: ErrorPath, what = "weights"): Parts {
  if (Array.isArray(collection)) {
    const values = snapshotArray(collection as readonly unknown[], MAX_PARTS);
    if (values === null) throw tooManyError(path, what);
    if (values.length === 0) throw emptyError(path, what);
    return { keys: null, values, index: null, path };
  }
  if (!isPartsRecord(collection)) {
    throw new TargetreeError(
      "INVALID_ARGUMENT",
      `${what} must be an array or a record of numbers, got ${describeValue(collection)}.`,
      { path },
    );
  }
  const keys = Object.keys(collection);
  if (keys.length === 0) throw emptyError(path, what);
  if (keys.length > MAX_PARTS) throw tooManyError(path, what);
  const values = keys.map((key) => collection[key]);
  return { keys, values, index: indexKeys(keys, path), path };
}

/** The path of part `position` in the caller's input. */
export function partPath(parts: Parts, position: number): ErrorPath {
  return [...parts.path, parts.keys === null ? position : parts.keys[position]!];
}

/** A label for part `position` in messages: its key, or `#3` for arrays. */
export function partLabel(parts: Parts, position: number): string {
  return parts.keys === null ? `#${position}` : JSON.stringify(parts.keys[position]);
}

/**
 * Reads a per-part option (holds, min, max) at `path` (`["options", "holds"]`): a record keyed
 * like the parts, an array for array parts, or (when `single` is allowed) one value for every
 * part. Returns one raw value or `undefined` per part.
 */
export function readPerPart(
  value: unknown,
  parts: Parts,
  path: ErrorPath,
  single: boolean,
): readonly unknown[] | null {
  if (value === undefined || value === null) return null;
  const count = parts.values.length;
  if (single && isSingleNumeric(value)) return new Array<unknown>(count).fill(value);
  const name = String(path[path.length - 1]);
  if (parts.keys === null) {
    if (!Array.isArray(value)) {
      throw new TargetreeError(
        "INVALID_ARGUMENT",
        `With weights given as an array, ${name} must be an array by position${single ? " or a single value" : ""}, got ${describeValue(value)}.`,
        { path },
      );
    }
    const entries = snapshotArray(value as readonly unknown[], count);
    if (entries === null) {
      throw new TargetreeError(
        "UNKNOWN_KEY",
        `${name} has ${String(value.length)} entries but there are only ${count} parts.`,
        { path: [...path, count] },
      );
    }
    return Array.from({ length: count }, (_, i) =>
      i < entries.length ? entries[i] : undefined,
    ).map((entry) => (entry === null ? undefined : entry));
  }
  if (!isPartsRecord(value)) {
    throw new TargetreeError(
      "INVALID_ARGUMENT",
      `${name} must be a record keyed like the weights${single ? " or a single value" : ""}, got ${describeValue(value)}.`,
      { path },
    );
  }
  const result = new Array<unknown>(count).fill(undefined);
  for (const key of Object.keys(value)) {
    const position = parts.index!.get(normaliseKey(key, [...path, key]));
    if (position === undefined) {
      throw new TargetreeError(
        "UNKNOWN_KEY",
        `${name} names ${JSON.stringify(key)}, which is not one of the parts.${didYouMean(key, parts.keys!)}`,
        { path: [...path, key] },
      );
    }
    const entry = value[key];
    if (entry !== undefined && entry !== null) result[position] = entry;
  }
  return result;
}

function emptyError(path: ErrorPath, what: string): TargetreeError {
  return new TargetreeError(
    "INVALID_ARGUMENT",
    `${what} is empty: give at least one part to split the total over.`,
    { path },
  );
}

function tooManyError(path: ErrorPath, what: string): TargetreeError {
  return new TargetreeError(
    "SPLIT_TOO_LARGE",
    `${what} has more than ${MAX_PARTS.toLocaleString("en")} parts; split in stages (first into groups, then each group).`,
    { path, details: { limit: MAX_PARTS } },
  );
}
