// The library's magnitude bound on results: every value it returns obeys 1e-1000 ≤ |x| < 1e1000
// (or is zero), as every value it accepts does. A ratio of two accepted values can leave that range
// (1e999 / 1e-999), so functions that divide, multiply or add check what they return.
import { type Decimal, noNegativeZero } from "./decimal.js";
import type { ErrorPath } from "./errors.js";
import { TargetreeError } from "./errors.js";
import { exponentOf } from "./exact/index.js";
import { MAX_EXPONENT, MIN_EXPONENT } from "./limits.js";

/**
 * Returns `value` when it is zero (−0 as 0) or within 1e-1000 ≤ |x| < 1e1000; otherwise throws
 * `NUMBER_TOO_LARGE` (also for a value too close to zero: never a silent 0).
 *
 * @param value - A computed result.
 * @param path - Where the result's inputs sit in the caller's input, for the error.
 * @param what - What the value is, for the message (e.g. `"The achievement"`).
 */
export function checkMagnitude(value: Decimal, path: ErrorPath, what = "The result"): Decimal {
  if (!value.isFinite()) {
    throw new TargetreeError("NUMBER_TOO_LARGE", `${what} is not a finite number.`, { path });
  }
  const exponent = exponentOf(value);
  if (exponent >= MAX_EXPONENT || exponent < MIN_EXPONENT) {
    throw new TargetreeError(
      "NUMBER_TOO_LARGE",
      `${what} is outside the supported magnitude 1e${MIN_EXPONENT} ≤ |x| < 1e${MAX_EXPONENT} (its exponent is ${exponent}); the inputs are too far apart in size.`,
      { path },
    );
  }
  return noNegativeZero(value);
}
