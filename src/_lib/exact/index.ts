// The one exact core: scaled integers, rationals, one rounding division, one largest remainder, and
// the one file that touches decimal.js's layout. Every area computes exactly through these.
export { divideRounded } from "./divide.js";
export {
  fitsNumberPath,
  kthLargest,
  largestRemainderBigInt,
  largestRemainderNumber,
  roundToTotal,
} from "./largestRemainder.js";
export { decimalFromSafeInteger, digitsOf, exponentOf } from "./layout.js";
export type { Rational } from "./rational.js";
export { compareRationals, formatRational, rationalToDecimal, reduce } from "./rational.js";
export {
  MAX_SAFE_MANTISSA,
  MAX_SAFE_SCALE,
  numberScale,
  SAFE_POWERS_OF_TEN,
  safeScaledOf,
} from "./safeScaled.js";
export type { Scaled } from "./scaled.js";
export {
  ceilUnits,
  commonScale,
  countsToDecimals,
  exactMinus,
  exactUnits,
  floorUnits,
  fromScaled,
  pow10,
  roundedUnits,
  toScaled,
  unitsToDecimal,
} from "./scaled.js";
export { showUnits, showValue } from "./show.js";
