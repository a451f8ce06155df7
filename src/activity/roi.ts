import type { Decimal } from "../_lib/decimal.js";
import { TargetreeError } from "../_lib/errors.js";
import { checkMagnitude } from "../_lib/magnitude.js";
import type { Numeric } from "../_lib/types.js";
import { requiredNumber, requireRecord } from "./_lib/input.js";

/** The input of {@link roi}, both values in the same currency unit. */
export interface RoiInput {
  /** The revenue (or expected revenue) the spending brings. */
  readonly revenue: Numeric;
  /** What it costs. Must be greater than zero. */
  readonly cost: Numeric;
}

/**
 * Return on investment (投资回报率) of a promotion or campaign: (revenue − cost) / cost.
 *
 * @param input - `revenue` and `cost`.
 * @returns The ROI as a ratio (1.5 = 150%), exact.
 * @throws {TargetreeError} `DIVISION_BY_ZERO` for a zero cost; `INVALID_ARGUMENT` for a
 *   negative cost or a missing value; `INVALID_NUMBER` for NaN, `""`, `null`…;
 *   `NUMBER_TOO_LARGE` when a result leaves the supported magnitude (|x| < 1e1000).
 *
 * @example
 * roi({ revenue: "25万", cost: "10万" }).toString() //=> "1.5"
 * roi({ revenue: 8_000, cost: 10_000 }).toString() //=> "-0.2"
 */
export function roi(input: RoiInput): Decimal {
  const record = requireRecord(input, [], "roi input");
  const revenue = requiredNumber(record, "revenue", []);
  const cost = requiredNumber(record, "cost", []);
  if (cost.isZero()) {
    throw new TargetreeError("DIVISION_BY_ZERO", "The cost is zero, so ROI is undefined.", {
      path: ["cost"],
    });
  }
  if (cost.lt(0)) {
    throw new TargetreeError("INVALID_ARGUMENT", "cost must be greater than zero.", {
      path: ["cost"],
    });
  }
  return checkMagnitude(revenue.minus(cost).div(cost), ["cost"], "The ROI");
}
