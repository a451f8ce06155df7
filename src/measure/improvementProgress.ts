import type { Decimal } from "../_lib/decimal.js";
import { TargetreeError } from "../_lib/errors.js";
import { checkMagnitude } from "../_lib/magnitude.js";
import type { Numeric } from "../_lib/types.js";
import { requiredNumber, requireRecord } from "./_lib/input.js";

/** The input of {@link improvementProgress}; all three values in the metric's own unit. */
export interface ImprovementProgressInput {
  /** Where the metric started. */
  readonly baseline: Numeric;
  /** Where it is now. */
  readonly current: Numeric;
  /** Where it should get to. */
  readonly target: Numeric;
}

/**
 * Share of a planned improvement achieved so far: (current − baseline) / (target − baseline).
 * It works for either direction (for a cost cut, target < baseline and a fall counts as
 * progress). Below 0 means the metric moved away from the target; above 1 means it overshot.
 *
 * @param input - `baseline`, `current` and `target`.
 * @returns The progress ratio (0.25 = 25% of the planned improvement), exact.
 * @throws {TargetreeError} `DIVISION_BY_ZERO` when the target equals the baseline (no
 *   improvement was planned); `INVALID_NUMBER` for NaN, `""`, `null`…; `INVALID_ARGUMENT`
 *   for a missing value;
 *   `NUMBER_TOO_LARGE` when a result leaves the supported magnitude (|x| < 1e1000).
 *
 * @example
 * improvementProgress({ baseline: "8%", current: "9%", target: "12%" }).toString() //=> "0.25"
 * improvementProgress({ baseline: 500, current: 450, target: 300 }).toString()    //=> "0.25"
 */
export function improvementProgress(input: ImprovementProgressInput): Decimal {
  const record = requireRecord(input, [], "improvementProgress input");
  const baseline = requiredNumber(record, "baseline", []);
  const current = requiredNumber(record, "current", []);
  const target = requiredNumber(record, "target", []);
  const planned = target.minus(baseline);
  if (planned.isZero()) {
    throw new TargetreeError(
      "DIVISION_BY_ZERO",
      "The target equals the baseline, so no improvement was planned and progress is undefined.",
      { path: ["target"] },
    );
  }
  return checkMagnitude(current.minus(baseline).div(planned), ["target"], "The progress");
}
