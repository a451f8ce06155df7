import type { Decimal } from "../_lib/decimal.js";
import { ONE } from "../_lib/decimal.js";
import { TargetreeError } from "../_lib/errors.js";
import { checkMagnitude } from "../_lib/magnitude.js";
import type { Numeric } from "../_lib/types.js";
import { toDecimal } from "../numbers/toDecimal.js";
import { checkPeriods, growthFactor } from "./_lib/growth.js";

/**
 * The growth rate per period needed to go from `from` to `to`:
 * `to / from − 1` for one period, and the compound annual growth rate
 * `(to / from)^(1 / periods) − 1` for several.
 *
 * The one-period rate is exact where the division is; a root is computed as
 * `exp(ln(to / from) / periods)` with decimal.js at the library precision, 64
 * significant digits, half-up (an exact short root such as 1.1 for 1.21 over two
 * periods comes back exact). Round for display with `formatPercent`.
 *
 * @param from - The starting value (last year's actual); must be positive.
 * @param to - The value to reach; must be non-negative for more than one period.
 * @param periods - Number of periods (default 1); any positive number (e.g. 1.5 years).
 * @returns The rate as a ratio (0.25 = 25%).
 * @throws {TargetreeError} `DIVISION_BY_ZERO` when `from` is 0; `INVALID_OPERATION` when
 *   `from` is negative, or `to` is negative over several periods; `INVALID_NUMBER` for a
 *   non-number; `INVALID_ARGUMENT` for periods ≤ 0 or over 1,000; `NUMBER_TOO_LARGE` when
 *   the rate leaves the supported magnitude (|x| < 1e1000), e.g. 1e-999 → 1e999 in one period.
 *
 * @example
 * formatPercent(requiredGrowth("7亿", "8亿"))     //=> "14.29%"
 * formatPercent(requiredGrowth("7亿", "7.5亿"))   //=> "7.14%"
 * formatPercent(requiredGrowth(8, 20, 4))          //=> "25.74%"
 * requiredGrowth(100, 125).toString()             //=> "0.25"
 */
export function requiredGrowth(from: Numeric, to: Numeric, periods: Numeric = 1): Decimal {
  const start = toDecimal(from, ["from"]);
  const target = toDecimal(to, ["to"]);
  const count = checkPeriods(periods, ["periods"]);
  if (count.eq(1)) {
    if (start.isZero()) {
      throw new TargetreeError(
        "DIVISION_BY_ZERO",
        "Growth from zero has no rate: the starting value is 0.",
        { path: ["from"] },
      );
    }
    if (start.isNegative()) {
      throw new TargetreeError(
        "INVALID_OPERATION",
        `A growth rate needs a positive starting value, got ${start.toString()}.`,
        { path: ["from"] },
      );
    }
    return checkMagnitude(target.minus(start).dividedBy(start), ["to"], "The growth rate");
  }
  return checkMagnitude(
    growthFactor(start, target, count, ["from"], ["to"]).minus(ONE),
    ["to"],
    "The growth rate",
  );
}
