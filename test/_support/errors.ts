import { expect } from "vitest";
import { TargetreeError } from "../../src/_lib/errors.js";

/** The TargetreeError a call throws; fails the test when it throws nothing or something else. */
export function errorOf(run: () => unknown): TargetreeError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(TargetreeError);
    return error as TargetreeError;
  }
  throw new Error("expected a TargetreeError, but nothing was thrown");
}

/** Asserts that `run` throws a TargetreeError with `code` (and `path`, when given); returns it. */
export function expectCode(
  run: () => unknown,
  code: string,
  path?: readonly (string | number)[],
): TargetreeError {
  const error = errorOf(run);
  expect(error.code).toBe(code);
  if (path !== undefined) expect(error.path).toEqual(path);
  return error;
}

/** Deep-freezes plain data (arrays and plain objects), for tests that prove nothing is mutated. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
    Object.freeze(value);
  }
  return value;
}

/**
 * Asserts that a result record has no Object.prototype in its chain (so `__proto__`, `constructor`
 * and `toString` are ordinary own keys): a null prototype, or the printable result prototype that
 * holds no string keys and itself has a null prototype.
 */
export function expectBareRecord(value: unknown): void {
  expect(typeof value === "object" && value !== null).toBe(true);
  let prototype: unknown = Object.getPrototypeOf(value);
  while (prototype !== null) {
    expect(prototype).not.toBe(Object.prototype);
    expect(Object.getOwnPropertyNames(prototype)).toEqual([]);
    prototype = Object.getPrototypeOf(prototype);
  }
}
