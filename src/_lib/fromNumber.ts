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
  while (count < POWERS.length && value >= POWERS[count]!) count++;
  return count;
}

/** The Decimal of a finite JS number, identical to `new Decimal(value)`. */
export function decimalFromNumber(value: number): Decimal {
  if (value === 0) return ZERO;
  const magnitude = value < 0 ? -value : value;
  if (magnitude >= LIMIT || Number.isInteger(magnitude)) return new Decimal(value);
  let scaled = 0;
  let places = 1;
  for (; places < POWERS.length; places++) {
    const power = POWERS[places]!;
    scaled = Math.round(magnitude * power);
    if (scaled >= LIMIT) return new Decimal(value);
    if (scaled / power === magnitude) break;
  }
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
  if (rest <= 0) {
    words.push(scaled * POWERS[-rest]!);
  } else {
    const divisor = POWERS[rest]!;
    words.push(Math.floor(scaled / divisor));
    let remainder = scaled % divisor;
    while (rest > 0) {
      const take = rest < LOG_BASE ? rest : LOG_BASE;
      rest -= take;
      const unit = POWERS[rest]!;
      const word = Math.floor(remainder / unit);
      remainder %= unit;
      words.push(take < LOG_BASE ? word * POWERS[LOG_BASE - take]! : word);
    }
  }
  while (words.length > 1 && words[words.length - 1] === 0) words.pop();
  const result = new Decimal(1) as unknown as { s: number; e: number; d: number[] };
  result.s = value < 0 ? -1 : 1;
  result.e = exponent;
  result.d = words;
  return result as unknown as Decimal;
}
