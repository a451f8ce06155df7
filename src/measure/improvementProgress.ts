import type { Decimal } from "../_lib/decimal.js";
import { checkMagnitude } from "../_lib/magnitude.js";
import type { Numeric } from "../_lib/types.js";
import { readFields, requiredNumber } from "./_lib/input.js";

/** The input of {@link improvementProgress}; all three values in the metric's own unit. */
export interface ImprovementProgressInput {
  /** Where the metric started. */
  readonly baseline: Numeric;
  /** Where it is now. */
  readonly actual: Numeric;
  /** Where it should get to. */
  readonly target: Numeric;
}

/** The result of {@link improvementProgress}. */
export interface ImprovementProgressResult {
  /**
   * (actual − baseline) / (target − baseline), exact (0.25 = 25% of the planned improvement);
   * `null` when the target equals the baseline.
   */
  readonly improvementProgress: Decimal | null;
  /** Why `improvementProgress` is `null`; `null` when there is a ratio. */
  readonly reason: string | null;
  /** The baseline, exact. */
  readonly baseline: Decimal;
  /** The actual, exact. */
  readonly actual: Decimal;
  /** The target, exact. */
  readonly target: Decimal;
}

const FIELDS: readonly string[] = ["baseline", "actual", "target"];

/**
 * Share of a planned improvement achieved so far: (actual − baseline) / (target − baseline).
 * It works for either direction (for a cost cut, target < baseline and a fall counts as
 * progress). Below 0 means the metric moved away from the target; above 1 means it overshot.
 * A target equal to the baseline (no improvement planned) is a data condition:
 * `improvementProgress` is `null` and `reason` says why.
 *
 * @param input - `baseline`, `actual` and `target`; any other field is refused.
 * @returns The progress ratio (or `null` and a reason) and the values it read.
 * @throws {TargetreeError} `INVALID_NUMBER` for NaN, `""`, `null`…; `UNKNOWN_OPTION` for a
 *   field other than `baseline`, `actual`, `target`; `INVALID_ARGUMENT` for a missing value;
 *   `NUMBER_TOO_LARGE` when a result leaves the supported magnitude (|x| < 1e1000).
 *
 * @example
 * improvementProgress({ baseline: "8%", actual: "9%", target: "12%" }).improvementProgress?.toString() //=> "0.25"
 * improvementProgress({ baseline: 500, actual: 450, target: 300 }).improvementProgress?.toString()    //=> "0.25"
 * improvementProgress({ baseline: 5, actual: 6, target: 5 }).improvementProgress //=> null
 */
export function improvementProgress(input: ImprovementProgressInput): ImprovementProgressResult {
  const record = readFields(input, FIELDS, [], "improvementProgress input");
  const baseline = requiredNumber(record, "baseline", []);
  const actual = requiredNumber(record, "actual", []);
  const target = requiredNumber(record, "target", []);
  const planned = target.minus(baseline);
  if (planned.isZero()) {
    return {
      improvementProgress: null,
      reason:
        "The target equals the baseline, so no improvement was planned and progress is undefined.",
      baseline,
      actual,
      target,
    };
  }
  return {
    improvementProgress: checkMagnitude(
      actual.minus(baseline).div(planned),
      ["target"],
      "The progress",
    ),
    reason: null,
    baseline,
    actual,
    target,
  };
}
