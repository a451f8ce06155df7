import { Decimal } from "../../_lib/decimal.js";
import type { RoundingMode } from "../../_lib/types.js";

/** An exact decimal as an integer and a power of ten: value = coefficient × 10^exponent. */
export interface Scaled {
  readonly coefficient: bigint;
  readonly exponent: number;
}

const WORD_DIGITS = 7;
const WORD_BASE = 1e7;
const POWERS_OF_TEN: readonly number[] = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7];

/** 10^n as a bigint (n ≥ 0). */
export function pow10(n: number): bigint {
  return 10n ** BigInt(n);
}

/** The exact coefficient and exponent of a finite Decimal, trailing zeros removed. */
export function toScaled(value: Decimal): Scaled {
  const words = value.d;
  if (value.isZero()) return { coefficient: 0n, exponent: 0 };
  let digits = String(words[0]);
  for (let i = 1; i < words.length; i++) digits += String(words[i]).padStart(WORD_DIGITS, "0");
  let end = digits.length;
  while (end > 1 && digits.charCodeAt(end - 1) === 48) end--;
  const coefficient = BigInt(digits.slice(0, end));
  return { coefficient: value.s < 0 ? -coefficient : coefficient, exponent: value.e - (end - 1) };
}

/** value / unit as an exact fraction `[numerator, denominator]` with a positive denominator. */
function quotient(value: Scaled, unit: Scaled): readonly [bigint, bigint] {
  const shift = value.exponent - unit.exponent;
  return shift >= 0
    ? [value.coefficient * pow10(shift), unit.coefficient]
    : [value.coefficient, unit.coefficient * pow10(-shift)];
}

/** How many units make `value`, or `null` when `value` is not a whole multiple of `unit`. */
export function exactUnits(value: Scaled, unit: Scaled): bigint | null {
  const [numerator, denominator] = quotient(value, unit);
  return numerator % denominator === 0n ? numerator / denominator : null;
}

/** `numerator / denominator` (denominator > 0) rounded to an integer with a named mode. */
export function divideRounded(numerator: bigint, denominator: bigint, mode: RoundingMode): bigint {
  const truncated = numerator / denominator;
  const rest = numerator % denominator;
  if (rest === 0n) return truncated;
  const away = truncated + (numerator < 0n ? -1n : 1n);
  const twice = 2n * (rest < 0n ? -rest : rest);
  switch (mode) {
    case "down":
      return truncated;
    case "up":
      return away;
    case "ceil":
      return numerator > 0n ? away : truncated;
    case "floor":
      return numerator < 0n ? away : truncated;
    case "half-up":
      return twice >= denominator ? away : truncated;
    case "half-down":
      return twice > denominator ? away : truncated;
    case "half-even":
      if (twice !== denominator) return twice > denominator ? away : truncated;
      return truncated % 2n === 0n ? truncated : away;
  }
}

/** How many units make `value`, rounded with `mode` when it is not a whole multiple. */
export function roundedUnits(value: Scaled, unit: Scaled, mode: RoundingMode): bigint {
  const [numerator, denominator] = quotient(value, unit);
  return divideRounded(numerator, denominator, mode);
}

/** ⌈value / unit⌉ and ⌊value / unit⌋: the whole unit counts inside a bound. */
export function ceilUnits(value: Scaled, unit: Scaled): bigint {
  return roundedUnits(value, unit, "ceil");
}
export function floorUnits(value: Scaled, unit: Scaled): bigint {
  return roundedUnits(value, unit, "floor");
}

/**
 * Builds the Decimal `mantissa × 10^exponent` from a safe integer without parsing
 * a string. It writes decimal.js's documented fields (`s`, `e`, `d` in base-1e7
 * words) exactly as its constructor does; the result is an ordinary instance of the
 * library's Decimal (tests compare it with `new Decimal(string)` on random values).
 * Parsing a million strings costs seconds; this costs one small array each.
 */
export function decimalFromSafeInteger(mantissa: number, exponent: number): Decimal {
  if (mantissa === 0) return new Decimal(0);
  let magnitude = mantissa < 0 ? -mantissa : mantissa;
  let lowExponent = exponent;
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

/** The Decimal `count × unit`. */
export function unitsToDecimal(count: bigint, unit: Scaled): Decimal {
  const coefficient = count * unit.coefficient;
  if (coefficient <= 9007199254740991n && coefficient >= -9007199254740991n) {
    return decimalFromSafeInteger(Number(coefficient), unit.exponent);
  }
  return new Decimal(`${coefficient}e${unit.exponent}`);
}

/** Shows an exact value in an error message with thousands separators: `120,000,000.5`. */
export function showValue(value: Decimal): string {
  const text = value.toFixed();
  const negative = text.startsWith("-");
  const body = negative ? text.slice(1) : text;
  const dot = body.indexOf(".");
  const integer = dot < 0 ? body : body.slice(0, dot);
  let grouped = "";
  for (let end = integer.length; end > 0; end -= 3) {
    const group = integer.slice(Math.max(0, end - 3), end);
    grouped = grouped === "" ? group : `${group},${grouped}`;
  }
  return `${negative ? "-" : ""}${grouped}${dot < 0 ? "" : body.slice(dot)}`;
}

/** Shows `count` units of `unit` in an error message. */
export function showUnits(count: bigint, unit: Scaled): string {
  return showValue(unitsToDecimal(count, unit));
}
