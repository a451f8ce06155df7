// Placeholder until buildPlan, trackPlan and replan land.
import type { Invocation } from "../args.js";
import { usageFailure } from "../failure.js";
import type { CliIo } from "../io.js";

/** Runs `track`; returns the exit code. */
export function track(invocation: Extract<Invocation, { kind: "run" }>, _io: CliIo): number {
  throw usageFailure(`targetree track: not available yet (${invocation.plan}).`);
}
