import { expect } from "vitest";
import { TargetreeError } from "../../src/_lib/errors.js";

/** Runs `run`, expects a TargetreeError with `code`, and returns it for further checks. */
export const expectCode = (run: () => unknown, code: string): TargetreeError => {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(TargetreeError);
    expect((error as TargetreeError).code).toBe(code);
    return error as TargetreeError;
  }
  throw new Error(`expected ${code}, but nothing was thrown`);
};
