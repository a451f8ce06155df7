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

/** Deep-freezes plain data (arrays and objects) for no-mutation tests. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
    Object.freeze(value);
  }
  return value;
}
