import type { Decimal } from "../_lib/decimal.js";
import { TargetreeError } from "../_lib/errors.js";
import { checkMagnitude } from "../_lib/magnitude.js";
import type { Numeric } from "../_lib/types.js";
import { toDecimal } from "../numbers/toDecimal.js";

/**
 * Growth rate (增长率) from one period to the next: (current − previous) / |previous|.
 * Pass last period's value for period over period (环比) or the same period last year for
 * year over year (同比). Dividing by |previous| keeps the sign meaningful when the previous
 * value is negative (a loss of 100 shrinking to 50 is +50%). For a whole series use
 * {@link growthSeries}.
 *
 * @param current - This period's value.
 * @param previous - The comparison period's value.
 * @returns The growth ratio (0.25 = +25%), exact.
 * @throws {TargetreeError} `DIVISION_BY_ZERO` when `previous` is zero (growth from nothing is
 *   undefined); `INVALID_NUMBER` for NaN, `""`, `null`…;
 *   `NUMBER_TOO_LARGE` when a result leaves the supported magnitude (|x| < 1e1000).
 *
 * @example
 * growth("100万", "80万").toString() //=> "0.25"
 * growth(70, 100).toString()         //=> "-0.3"
 */
export function growth(current: Numeric, previous: Numeric): Decimal {
  const now = toDecimal(current, ["current"]);
  const before = toDecimal(previous, ["previous"]);
  if (before.isZero()) {
    throw new TargetreeError(
      "DIVISION_BY_ZERO",
      "The previous value is zero, so a growth rate is undefined; compare the change itself.",
      { path: ["previous"] },
    );
  }
  return checkMagnitude(now.minus(before).div(before.abs()), ["previous"], "The growth rate");
}
