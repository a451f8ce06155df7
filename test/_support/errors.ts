// The one error helper of the tests: every test that expects a TargetreeError uses these.
import { ERROR_CODES, TargetreeError } from "targetree";
import { expect } from "vitest";

/** Fails the test when a TargetreeError's code is not in the documented ERROR_CODES. */
function documented(error: TargetreeError): TargetreeError {
  expect(Object.hasOwn(ERROR_CODES, error.code), `undocumented code ${error.code}`).toBe(true);
  return error;
}

/** The TargetreeError a call throws; fails the test when it throws nothing or something else. */
export function errorOf(run: () => unknown): TargetreeError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(TargetreeError);
    return documented(error as TargetreeError);
  }
  throw new Error("expected a TargetreeError, but nothing was thrown");
}

/** The TargetreeError a call throws, or undefined when it returns; anything else is rethrown. */
export function thrownError(run: () => unknown): TargetreeError | undefined {
  try {
    run();
  } catch (error) {
    if (!(error instanceof TargetreeError)) throw error;
    return documented(error);
  }
  return undefined;
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
