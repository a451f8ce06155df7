export { deepFreeze } from "../_support/errors.js";

import { TargetreeError } from "targetree";

/** Runs `run` and returns the TargetreeError it throws (fails if it throws nothing or something else). */
export function thrown(run: () => unknown): TargetreeError {
  try {
    run();
  } catch (error) {
    if (error instanceof TargetreeError) return error;
    throw error;
  }
  throw new Error("expected a TargetreeError, but nothing was thrown");
}
