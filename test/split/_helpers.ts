import { expect } from "vitest";
import type { Decimal } from "../../src/_lib/decimal.js";
import { TargetreeError } from "../../src/_lib/errors.js";

/** Decimals as strings, for readable expectations. */
export const strings = (values: readonly Decimal[]): string[] => values.map((v) => v.toString());

/** A record of Decimals as a plain record of strings (key order kept). */
export const record = (values: Readonly<Record<string, Decimal>>): Record<string, string> =>
  Object.fromEntries(Object.keys(values).map((key) => [key, values[key]!.toString()]));

/** Asserts that `run` throws a TargetreeError with `code` (and `path` when given); returns it. */
export function expectError(
  run: () => unknown,
  code: string,
  path?: readonly (string | number)[],
): TargetreeError {
  let caught: unknown;
  try {
    run();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(TargetreeError);
  const error = caught as TargetreeError;
  expect(error.code).toBe(code);
  if (path !== undefined) expect(error.path).toEqual(path);
  return error;
}

/** Deep-freezes plain data (arrays and plain objects). */
export function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
    Object.freeze(value);
  }
  return value;
}
