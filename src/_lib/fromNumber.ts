// An exact, fast conversion of a JS number to the library's Decimal (used by toDecimal and the compiled models).
//
// `new Decimal(0.25)` formats the double (shortest round-trip digits, "0.25") and parses that
// text. Here the same digits come from arithmetic: the smallest k with round(v·10^k)/10^k === v
// gives the shortest decimal that rounds to v, which is exactly those digits, provided
// |v·10^k| < 2^40 (then the float product is within 3/8 of the integer, and at most one k-digit
// decimal lies in v's rounding interval). The exact core builds the Decimal from those digits with
// the same sign, exponent and base-1e7 words as `new Decimal(v)` — a property test compares them on
// random doubles. Anything outside that range takes decimal.js's own path.
import { Decimal, ZERO } from "./decimal.js";
import { decimalFromSafeInteger } from "./exact/index.js";

const LIMIT = 2 ** 40;
const POWERS = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13] as const;

/** The Decimal of a finite JS number, identical to `new Decimal(value)`. */
export function decimalFromNumber(value: number): Decimal {
  if (value === 0) return ZERO;
  // Stryker disable next-line EqualityOperator: value is not 0 here
  const magnitude = value < 0 ? -value : value;
  // Stryker disable EqualityOperator,ConditionalExpression,LogicalOperator,BlockStatement,ArithmeticOperator: a fast path; every way out is new Decimal(value), the reference
  if (magnitude >= LIMIT || Number.isInteger(magnitude)) return new Decimal(value);
  let scaled = 0;
  let places = 1;
  for (; places < POWERS.length; places++) {
    const power = POWERS[places]!;
    scaled = Math.round(magnitude * power);
    if (scaled >= LIMIT) return new Decimal(value);
    if (scaled / power === magnitude) break;
  }
  if (places === POWERS.length) return new Decimal(value);
  // Stryker restore EqualityOperator,ConditionalExpression,LogicalOperator,BlockStatement,ArithmeticOperator
  // Stryker disable next-line EqualityOperator: value is not 0 here
  return decimalFromSafeInteger(value < 0 ? -scaled : scaled, places);
}
