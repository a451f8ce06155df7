// An exact, fast conversion of a JS number to the library's Decimal (used by toDecimal and the compiled models).
//
// `new Decimal(0.25)` formats the double (shortest round-trip digits, "0.25") and parses that
// text. Here the same digits come from arithmetic: the smallest k with round(v·10^k)/10^k === v
// gives the shortest decimal that rounds to v, which is exactly those digits, provided
// |v·10^k| < 2^40 (then the float product is within 3/8 of the integer, and at most one k-digit
// decimal lies in v's rounding interval). The result has the same sign, exponent and base-1e7
// words as `new Decimal(v)` — a property test compares them on random doubles. Anything outside
// that range takes decimal.js's own path.
import { Decimal, ZERO } from "./decimal.js";

const LIMIT = 2 ** 40;
const LOG_BASE = 7;
const POWERS = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13] as const;

/** Decimal digits of a positive integer below 2^53. */
function digitCount(value: number): number {
  let count = 1;
  // Stryker disable next-line ConditionalExpression,EqualityOperator: scaled < 2^40 < 1e13, so the value test always ends the loop before the bound; and scaled never is a power of ten above 1 (the shortest digits end in a non-zero digit), so >= and > count alike
  while (count < POWERS.length && value >= POWERS[count]!) count++;
  return count;
}

/** The Decimal of a finite JS number, identical to `new Decimal(value)`. */
export function decimalFromNumber(value: number): Decimal {
  if (value === 0) return ZERO;
  // Stryker disable next-line EqualityOperator: value is not 0 here (returned above), so < 0 and <= 0 agree
  const magnitude = value < 0 ? -value : value;
  // Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator: a fast-path choice only: integers come out of the arithmetic path with the same words (trailing zero words popped), |v| ≥ 2^40 bails out to new Decimal(value) at the first step, and new Decimal(value) is the reference result
  if (magnitude >= LIMIT || Number.isInteger(magnitude)) return new Decimal(value);
  let scaled = 0;
  let places = 1;
  // Stryker disable next-line ConditionalExpression,EqualityOperator,BlockStatement: skipping the search leaves scaled = 0, which takes new Decimal(value), the reference result
  for (; places < POWERS.length; places++) {
    const power = POWERS[places]!;
    // Stryker disable next-line ArithmeticOperator: magnitude / power never rounds back to magnitude, so the search runs out and takes new Decimal(value), the reference result
    scaled = Math.round(magnitude * power);
    // Stryker disable next-line ConditionalExpression,EqualityOperator: `true` and `>` only send more values to new Decimal(value), the reference result (at scaled = 2^40 exactly both paths agree); `false` and `<` are killed by test/_lib/fromNumber.test.ts
    if (scaled >= LIMIT) return new Decimal(value);
    // Stryker disable next-line ConditionalExpression,ArithmeticOperator: never breaking (`false`, `scaled * power`) runs the search out and takes new Decimal(value), the reference result
    if (scaled / power === magnitude) break;
  }
  // Stryker disable next-line ConditionalExpression,EqualityOperator: `true` takes new Decimal(value), the reference result; `scaled === 0` is never true after a break (a zero scaled cannot equal a non-zero magnitude), so its mutants change nothing
  if (places === POWERS.length || scaled === 0) return new Decimal(value);

  // scaled × 10^-places, in decimal.js's layout: `e` is the exponent of the leading digit; the
  // first word holds the digits down to the next multiple-of-7 boundary, then 7 digits per word,
  // the last one padded with zeros on the right.
  const length = digitCount(scaled);
  const exponent = length - 1 - places;
  let first = (exponent + 1) % LOG_BASE;
  if (first <= 0) first += LOG_BASE;
  const words: number[] = [];
  let rest = length - first;
  // Stryker disable next-line EqualityOperator: at rest = 0 the other branch pushes scaled / 10^0 and adds no word: the same words
  if (rest <= 0) {
    words.push(scaled * POWERS[-rest]!);
  } else {
    const divisor = POWERS[rest]!;
    words.push(Math.floor(scaled / divisor));
    let remainder = scaled % divisor;
    while (rest > 0) {
      // Stryker disable next-line EqualityOperator: at rest = 7 both branches take 7
      const take = rest < LOG_BASE ? rest : LOG_BASE;
      rest -= take;
      const unit = POWERS[rest]!;
      const word = Math.floor(remainder / unit);
      remainder %= unit;
      // Stryker disable next-line ConditionalExpression,EqualityOperator: at take = 7 the factor is 10^0 = 1, so both branches push word
      words.push(take < LOG_BASE ? word * POWERS[LOG_BASE - take]! : word);
    }
  }
  // No trailing zero word: integers took new Decimal(value) above, and `places` is the fewest that
  // make `scaled` whole, so its last digit, and with it the last word, is never 0.
  const result = new Decimal(1) as unknown as { s: number; e: number; d: number[] };
  // Stryker disable next-line EqualityOperator: value is not 0 here (returned above), so < 0 and <= 0 agree
  result.s = value < 0 ? -1 : 1;
  result.e = exponent;
  result.d = words;
  return result as unknown as Decimal;
}
