import type { Decimal } from "../_lib/decimal.js";
import { checkMagnitude } from "../_lib/magnitude.js";
import type { Numeric } from "../_lib/types.js";
import { toDecimal } from "../numbers/toDecimal.js";

/** The result of {@link growth}. */
export interface GrowthResult {
  /** (actual − previous) / |previous| (0.25 = +25%), exact; `null` when `previous` is zero. */
  readonly growth: Decimal | null;
  /** Why `growth` is `null`; `null` when there is a growth rate. */
  readonly reason: string | null;
  /** This period's value, exact. */
  readonly actual: Decimal;
  /** The comparison period's value, exact. */
  readonly previous: Decimal;
}

/**
 * Growth rate (增长率) from one period to the next: (actual − previous) / |previous|.
 * Pass last period's value for period over period (环比) or the same period last year for
 * year over year (同比). Dividing by |previous| keeps the sign meaningful when the previous
 * value is negative (a loss of 100 shrinking to 50 is +50%). A zero previous value is a data
 * condition: `growth` is `null` and `reason` says why. For a whole series use
 * {@link growthSeries}.
 *
 * @param actual - This period's value.
 * @param previous - The comparison period's value.
 * @returns The growth ratio (or `null` and a reason) and the two values it read.
 * @throws {TargetreeError} `INVALID_NUMBER` for NaN, `""`, `null`…;
 *   `NUMBER_TOO_LARGE` when a result leaves the supported magnitude (|x| < 1e1000).
 *
 * @example
 * growth("100万", "80万").growth?.toString() //=> "0.25"
 * growth(70, 100).growth?.toString()         //=> "-0.3"
 * growth(70, 0).growth                       //=> null
 */
export function growth(actual: Numeric, previous: Numeric): GrowthResult {
  const now = toDecimal(actual, ["actual"]);
  const before = toDecimal(previous, ["previous"]);
  if (before.isZero()) {
    return {
      growth: null,
      reason:
        "The previous value is zero, so a growth rate is undefined; compare the change itself.",
      actual: now,
      previous: before,
    };
  }
  return {
    growth: checkMagnitude(now.minus(before).div(before.abs()), ["previous"], "The growth rate"),
    reason: null,
    actual: now,
    previous: before,
  };
}
