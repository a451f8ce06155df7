import type { Decimal } from "../_lib/decimal.js";
import { TargetreeError } from "../_lib/errors.js";
import { checkMagnitude } from "../_lib/magnitude.js";
import type { Numeric } from "../_lib/types.js";
import { readFields, requiredNumber } from "./_lib/input.js";

/** The input of {@link roi}, both values in the same currency unit. */
export interface RoiInput {
  /** The revenue (or expected revenue) the spending brings. */
  readonly revenue: Numeric;
  /** What it costs; zero or more. */
  readonly cost: Numeric;
}

/** The result of {@link roi}. */
export interface RoiResult {
  /** (revenue − cost) / cost as a ratio (1.5 = 150%), exact; `null` when the cost is zero. */
  readonly roi: Decimal | null;
  /** Why `roi` is `null`; `null` when there is a ratio. */
  readonly reason: string | null;
  /** revenue − cost, exact. */
  readonly profit: Decimal;
  /** The revenue, exact. */
  readonly revenue: Decimal;
  /** The cost, exact. */
  readonly cost: Decimal;
}

const FIELDS: readonly string[] = ["revenue", "cost"];

/**
 * Return on investment (投资回报率) of a promotion or campaign: (revenue − cost) / cost.
 * A zero cost is a data condition, not an error: `roi` is `null` and `reason` says why, and
 * `profit` still gives revenue − cost.
 *
 * @param input - `revenue` and `cost`; any other field is refused.
 * @returns The ROI (or `null` and a reason), the profit, and the values it read.
 * @throws {TargetreeError} `INVALID_ARGUMENT` for a negative cost or a missing value;
 *   `UNKNOWN_OPTION` for a field other than `revenue` and `cost`; `INVALID_NUMBER` for NaN,
 *   `""`, `null`…; `NUMBER_TOO_LARGE` when a result leaves the supported magnitude
 *   (|x| < 1e1000).
 *
 * @example
 * roi({ revenue: "25万", cost: "10万" }).roi?.toString() //=> "1.5"
 * roi({ revenue: 8_000, cost: 10_000 }).roi?.toString() //=> "-0.2"
 * const free = roi({ revenue: 500, cost: 0 });
 * [free.roi, free.profit.toString()] //=> [null, "500"]
 */
export function roi(input: RoiInput): RoiResult {
  const record = readFields(input, FIELDS, [], "roi input");
  const revenue = requiredNumber(record, "revenue", []);
  const cost = requiredNumber(record, "cost", []);
  if (cost.lt(0)) {
    throw new TargetreeError("INVALID_ARGUMENT", "cost must not be negative.", {
      path: ["cost"],
    });
  }
  const profit = checkMagnitude(revenue.minus(cost), ["revenue"], "The profit");
  if (cost.isZero()) {
    return {
      roi: null,
      reason: "The cost is zero, so ROI (profit / cost) is undefined; read the profit itself.",
      profit,
      revenue,
      cost,
    };
  }
  return {
    roi: checkMagnitude(profit.div(cost), ["cost"], "The ROI"),
    reason: null,
    profit,
    revenue,
    cost,
  };
}
