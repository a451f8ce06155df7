// Validation helpers shared by the measure and plan areas: own-key reads, enums, required numbers.
import type { Decimal } from "../../_lib/decimal.js";
import type { ErrorPath } from "../../_lib/errors.js";
import { describeValue, TargetreeError } from "../../_lib/errors.js";
import type { Numeric } from "../../_lib/types.js";
import { toDecimal } from "../../numbers/toDecimal.js";

/** Reads an own property only, so `__proto__` or a polluted `Object.prototype` never answers. */
export function own(record: object, key: string): unknown {
  return Object.hasOwn(record, key) ? (record as Record<string, unknown>)[key] : undefined;
}

/** True for a non-null, non-array object. */
export function isRecord(value: unknown): value is object {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Throws `INVALID_ARGUMENT` unless the value is a plain-shaped object. */
export function requireRecord(value: unknown, path: ErrorPath, what: string): object {
  if (!isRecord(value)) {
    throw new TargetreeError(
      "INVALID_ARGUMENT",
      `${what} must be an object, got ${describeValue(value)}.`,
      { path },
    );
  }
  return value;
}

/** Options may be omitted; when given they must be an object. */
export function optionsRecord(value: unknown, path: ErrorPath = ["options"]): object {
  return value === undefined ? {} : requireRecord(value, path, "options");
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

/** Reads one of a fixed set of strings, with a default when absent. */
export function readChoice<T extends string>(
  record: object,
  key: string,
  choices: readonly T[],
  fallback: T,
  path: ErrorPath,
): T {
  const value = own(record, key);
  if (value === undefined) return fallback;
  // Stryker disable next-line ConditionalExpression: the choices are strings, so includes() already refuses every non-string; the typeof only narrows the type
  if (typeof value === "string" && (choices as readonly string[]).includes(value))
    return value as T;
  throw new TargetreeError(
    "INVALID_ARGUMENT",
    `${key} must be ${choices.map((choice) => JSON.stringify(choice)).join(" or ")}, got ${describeValue(value)}.`,
    { path: [...path, key] },
  );
}

/** Reads an optional whole number within bounds. */
export function readInteger(
  record: object,
  key: string,
  fallback: number,
  min: number,
  path: ErrorPath,
): number {
  const value = own(record, key);
  if (value === undefined) return fallback;
  // Stryker disable next-line ConditionalExpression: Number.isSafeInteger is false for every non-number, so the typeof test never decides alone; it only narrows the type
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

/** Entries of a caller's keyed collection (a `Map` or a record, own keys only), in the caller's order. */
export function keyedEntries(value: unknown, path: ErrorPath, what: string): [string, unknown][] {
  if (value instanceof Map) {
    const entries: [string, unknown][] = [];
    for (const [key, item] of value) {
      if (typeof key !== "string") {
        throw new TargetreeError("INVALID_ARGUMENT", `${what} keys must be strings.`, { path });
      }
      entries.push([key, item]);
    }
    return entries;
  }
  const record = requireRecord(value, path, what);
  return Object.keys(record).map((key) => [key, (record as Record<string, unknown>)[key]]);
}
