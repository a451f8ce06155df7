// The one options reader. Every public function reads its options object here: own keys only (a
// name planted on Object.prototype never changes a result), unknown keys refused with the nearest
// known one, and each value checked with its path. Argument order everywhere: the record, the key,
// the rule (allowed values), the fallback, then the path of the record.
import { didYouMean } from "./closest.js";
import type { ErrorPath } from "./errors.js";
import { describeValue, TargetreeError } from "./errors.js";
import { isRecord, own } from "./records.js";

/**
 * Checks a caller's options object and returns a null-prototype copy of its own properties.
 * `undefined` gives `{}`; anything but a plain record (an array, a Map, a number…) is
 * `INVALID_ARGUMENT`. A key that is not in `known` throws `UNKNOWN_OPTION` naming the closest
 * known key, so a typo (`calender`) never silently falls back to a default; a key listed in
 * `renamed` (a name from before the 1.0 vocabulary) names its new name, which edit distance
 * cannot find. A key whose value is `undefined` counts as absent, as in an object spread.
 */
export function readOptions(
  options: unknown,
  known: readonly string[],
  path: ErrorPath = ["options"],
  renamed: Readonly<Record<string, string>> = {},
): Readonly<Record<string, unknown>> {
  const copy: Record<string, unknown> = Object.create(null);
  if (options === undefined) return copy;
  if (!isRecord(options)) {
    throw new TargetreeError(
      "INVALID_ARGUMENT",
      `Options must be an object, got ${describeValue(options)}.`,
      { path },
    );
  }
  for (const key of Object.keys(options)) {
    const value = (options as Record<string, unknown>)[key];
    if (!known.includes(key)) {
      if (value === undefined) continue;
      const now = own(renamed, key);
      const hint =
        typeof now === "string"
          ? `: it is now ${JSON.stringify(now)}.`
          : `.${didYouMean(key, known)}`;
      throw new TargetreeError(
        "UNKNOWN_OPTION",
        `Unknown option ${JSON.stringify(key)}${hint} ` +
          `Known options: ${known.map((name) => JSON.stringify(name)).join(", ")}.`,
        {
          path: [...path, key],
          details: {
            key,
            known: [...known],
            ...(typeof now === "string" ? { renamedTo: now } : {}),
          },
        },
      );
    }
    copy[key] = value;
  }
  return copy;
}

/** An optional boolean field: absent gives the fallback, anything but a boolean is `INVALID_ARGUMENT`. */
export function readBoolean(
  record: object,
  key: string,
  fallback: boolean,
  path: ErrorPath,
): boolean {
  const value = own(record, key);
  if (value === undefined) return fallback;
  if (typeof value !== "boolean") {
    throw new TargetreeError(
      "INVALID_ARGUMENT",
      `${key} must be true or false, got ${describeValue(value)}.`,
      { path: [...path, key] },
    );
  }
  return value;
}

/** An optional field that is one of a fixed set of strings; absent gives the fallback. */
export function readChoice<T extends string>(
  record: object,
  key: string,
  choices: readonly T[],
  fallback: T,
  path: ErrorPath,
): T {
  const value = own(record, key);
  if (value === undefined) return fallback;
  if (typeof value === "string" && (choices as readonly string[]).includes(value))
    return value as T;
  const hint = typeof value === "string" ? didYouMean(value, choices) : "";
  throw new TargetreeError(
    "INVALID_ARGUMENT",
    `${key} must be ${choices.map((choice) => JSON.stringify(choice)).join(" or ")}, got ${describeValue(value)}.${hint}`,
    { path: [...path, key] },
  );
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
