// The one file that reads or writes decimal.js's layout: sign `s`, exponent `e` of the leading digit,
// and the digits `d` in base-1e7 words (the first word holds the digits down to the next exponent
// that is a multiple of 7; the others hold 7 digits each, the last padded with zeros on the right;
// no trailing zero word). decimal.js documents these fields; everything else in src/ goes through
// the functions here, so a change of layout touches one file.
import { Decimal } from "../decimal.js";

const WORD_DIGITS = 7;
const WORD_BASE = 1e7;
const POWERS_OF_TEN: readonly number[] = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7];

/** The exponent of a finite, non-zero Decimal's leading digit: 2 for 123.4, -3 for 0.00567. */
export function exponentOf(value: Decimal): number {
  return value.e;
}

/** The significant digits of a finite Decimal's magnitude, without trailing zeros ("0" for zero). */
export function digitsOf(value: Decimal): string {
  const words = value.d;
  let digits = String(words[0]);
  for (let i = 1; i < words.length; i++) digits += String(words[i]).padStart(WORD_DIGITS, "0");
  let end = digits.length;
  while (end > 1 && digits.charCodeAt(end - 1) === 48) end--;
  return digits.slice(0, end);
}

/**
 * The Decimal `mantissa × 10^-scale` from a safe integer, without parsing a string. It writes
 * decimal.js's fields exactly as its constructor does; the result is an ordinary instance of the
 * library's Decimal (tests compare its layout with `new Decimal(string)` on random values).
 * Parsing a million strings costs seconds; this costs one small array each.
 */
export function decimalFromSafeInteger(mantissa: number, scale: number): Decimal {
  if (mantissa === 0) return new Decimal(0);
  let magnitude = mantissa < 0 ? -mantissa : mantissa;
  let lowExponent = -scale;
  while (magnitude % 10 === 0) {
    magnitude /= 10;
    lowExponent++;
  }
  let digitCount = 1;
  for (let power = 10; power <= magnitude; power *= 10) digitCount++;
  // Words are aligned on exponents that are multiples of 7; the lowest word may hold
  // `shift` zeros below the lowest digit.
  const shift = lowExponent - Math.floor(lowExponent / WORD_DIGITS) * WORD_DIGITS;
  const firstSpan = POWERS_OF_TEN[WORD_DIGITS - shift]!;
  const lowest = (magnitude % firstSpan) * POWERS_OF_TEN[shift]!;
  let rest = (magnitude - (magnitude % firstSpan)) / firstSpan;
  let words: number[];
  if (rest === 0) words = [lowest];
  else if (rest < WORD_BASE) words = [rest, lowest];
  else {
    words = [lowest];
    while (rest > 0) {
      const word = rest % WORD_BASE;
      words.unshift(word);
      rest = (rest - word) / WORD_BASE;
    }
  }
  const result = Object.create(Decimal.prototype) as {
    constructor: unknown;
    s: number;
    e: number;
    d: number[];
  };
  result.constructor = Decimal;
  result.s = mantissa < 0 ? -1 : 1;
  result.e = lowExponent + digitCount - 1;
  result.d = words;
  return result as unknown as Decimal;
}

/**
 * A new Decimal of the library's clone with the given layout, which the caller has checked: whole
 * words in [0, 1e7) aligned to `exponent`, no leading or trailing zero word, not zero. The words
 * are copied, so the caller's array stays its own.
 */
export function decimalFromLayout(
  words: readonly number[],
  exponent: number,
  sign: 1 | -1,
): Decimal {
  const value = new Decimal(1) as unknown as { d: number[]; e: number; s: number };
  value.d = [...words];
  value.e = exponent;
  value.s = sign;
  return value as unknown as Decimal;
}
