// Shared helpers for the measure and plan tests.
import { expect } from "vitest";
import { TargetreeError } from "../../src/_lib/errors.js";

/** Asserts that `run` throws a TargetreeError with this code (and path, when given). */
export function expectCode(
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

/** Deep-freezes plain objects and arrays (not Decimals). */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}
