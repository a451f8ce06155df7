// Readers the measure and plan areas share, over the one options reader (src/_lib/options.ts) and
// the one own/isRecord (src/_lib/records.ts): records of named fields, numbers, whole numbers.
import type { Decimal } from "../../_lib/decimal.js";
import type { ErrorPath } from "../../_lib/errors.js";
import { describeValue, TargetreeError } from "../../_lib/errors.js";
import { readOptions } from "../../_lib/options.js";
import { isRecord, own } from "../../_lib/records.js";
import type { Numeric } from "../../_lib/types.js";
import { toDecimal } from "../../numbers/toDecimal.js";

/** Throws `INVALID_ARGUMENT` unless the value is a record (a plain object: not an array, Map or Set). */
export function requireRecord(
  value: unknown,
  path: ErrorPath,
  what: string,
): Readonly<Record<string, unknown>> {
  if (!isRecord(value)) {
    throw new TargetreeError(
      "INVALID_ARGUMENT",
      `${what} must be an object, got ${describeValue(value)}.`,
      { path },
    );
  }
  return value;
}

/**
 * A record of named fields (`gap({ actual, target, … })`, a funnel stage, a bonus tier): a
 * null-prototype copy of its own fields, where a field not in `known` throws `UNKNOWN_OPTION` with
 * the closest known name, so `directon: "lower"` never falls back to `"higher"`.
 */
export function readFields(
  value: unknown,
  known: readonly string[],
  path: ErrorPath,
  what: string,
): Readonly<Record<string, unknown>> {
  return readOptions(requireRecord(value, path, what), known, path);
}

/** A function's options: omitted gives `{}`; a key not in `known` throws `UNKNOWN_OPTION`. */
export function readSettings(
  options: unknown,
  known: readonly string[],
): Readonly<Record<string, unknown>> {
  return readOptions(options, known);
}

/** A required numeric field: missing → `INVALID_ARGUMENT`; NaN, `""`, `null` … → `INVALID_NUMBER`. */
export function requiredNumber(record: object, key: string, path: ErrorPath): Decimal {
  const value = own(record, key);
  if (value === undefined) {
    throw new TargetreeError("INVALID_ARGUMENT", `${key} is required.`, { path: [...path, key] });
  }
  return toDecimal(value as Numeric, [...path, key]);
}

/** An optional numeric field, `undefined` when absent. */
export function optionalNumber(record: object, key: string, path: ErrorPath): Decimal | undefined {
  const value = own(record, key);
  return value === undefined ? undefined : toDecimal(value as Numeric, [...path, key]);
}

/** An optional whole-number field of at least `min`; absent gives the fallback. */
export function readInteger(
  record: object,
  key: string,
  min: number,
  fallback: number,
  path: ErrorPath,
): number {
  const value = own(record, key);
  if (value === undefined) return fallback;
  // Stryker disable next-line ConditionalExpression: the typeof only narrows the type
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value < min) {
    throw new TargetreeError(
      "INVALID_ARGUMENT",
      `${key} must be a whole number ≥ ${min}, got ${describeValue(value)}.`,
      { path: [...path, key] },
    );
  }
  return value;
}

/** True for text written as a percentage or per-mille (`"8%"`, `"5‰"`). */
export function looksLikeRate(value: unknown): boolean {
  if (typeof value !== "string") return false;
  const text = value.trim();
  return text.endsWith("%") || text.endsWith("％") || text.endsWith("‰");
}

/**
 * Entries of a caller's keyed data (a record of metrics, customer counts, cadences): own keys, in
 * the caller's order. The keys are data, so any key is accepted; a Map is refused by name.
 */
export function keyedEntries(value: unknown, path: ErrorPath, what: string): [string, unknown][] {
  const record = requireRecord(value, path, what);
  return Object.keys(record).map((key) => [key, record[key]]);
}
