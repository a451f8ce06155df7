// Reading a caller's options object: own keys only, so a name planted on Object.prototype can never
// change a result, and a wrong type is a TargetreeError rather than a TypeError.
import type { ErrorPath } from "./errors.js";
import { describeValue, TargetreeError } from "./errors.js";

/** The caller's options as a null-prototype record of their own properties; `undefined` gives `{}`. */
export function ownOptions(
  options: unknown,
  path: ErrorPath = [],
): Readonly<Record<string, unknown>> {
  const copy: Record<string, unknown> = Object.create(null);
  if (options === undefined) return copy;
  if (typeof options !== "object" || options === null || Array.isArray(options)) {
    throw new TargetreeError(
      "INVALID_ARGUMENT",
      `Options must be an object, got ${describeValue(options)}.`,
      {
        path,
      },
    );
  }
  for (const key of Object.keys(options)) copy[key] = (options as Record<string, unknown>)[key];
  return copy;
}

/** An optional boolean option: `undefined` gives the fallback, anything but a boolean is an error. */
export function booleanOption(value: unknown, fallback: boolean, path: ErrorPath): boolean {
  if (value === undefined) return fallback;
  if (typeof value !== "boolean") {
    throw new TargetreeError(
      "INVALID_ARGUMENT",
      `Expected true or false, got ${describeValue(value)}.`,
      { path },
    );
  }
  return value;
}

/** An optional string option, checked against its allowed values when they are given. */
export function stringOption<T extends string>(
  value: unknown,
  fallback: T,
  path: ErrorPath,
  allowed?: readonly T[],
): T {
  if (value === undefined) return fallback;
  if (typeof value !== "string" || (allowed !== undefined && !allowed.includes(value as T))) {
    const expected =
      allowed === undefined
        ? "a string"
        : `one of ${allowed.map((a) => JSON.stringify(a)).join(", ")}`;
    throw new TargetreeError(
      "INVALID_ARGUMENT",
      `Expected ${expected}, got ${describeValue(value)}.`,
      { path },
    );
  }
  return value as T;
}

/**
 * Longest error path: a tree at the depth limit (256) adds two parts ("children", index) a level,
 * so internal paths reach about 520 parts; a caller's path is held to the same bound.
 */
const MAX_PATH_PARTS = 1024;

/** Checks an error path given by a caller: an array of property names and indexes. */
export function checkPath(path: unknown): ErrorPath {
  const valid =
    Array.isArray(path) &&
    path.length <= MAX_PATH_PARTS &&
    path.every(
      // Stryker disable next-line ConditionalExpression: Number.isInteger is false for every non-number, so dropping the typeof test changes nothing
      (part) => typeof part === "string" || (typeof part === "number" && Number.isInteger(part)),
    );
  if (!valid) {
    throw new TargetreeError(
      "INVALID_ARGUMENT",
      'path must be an array of property names and integer indexes, e.g. ["inputs", "price"].',
      { path: ["path"] },
    );
  }
  return path as ErrorPath;
}
