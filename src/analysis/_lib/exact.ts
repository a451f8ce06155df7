// Exact arithmetic on decimals and rationals with BigInt, so sums of contributions never round.
import { Decimal, ZERO } from "../../_lib/decimal.js";

/** A decimal as an integer times 10^-scale. */
export interface Scaled {
  readonly int: bigint;
  readonly scale: number;
}

/** A rational number num/den with den > 0 (not necessarily reduced). */
export interface Rational {
  readonly num: bigint;
  readonly den: bigint;
}

const TEN = 10n;

export function pow10(exponent: number): bigint {
  return TEN ** BigInt(exponent);
}

/** The exact integer-and-scale form of a finite Decimal. */
export function toScaled(value: Decimal): Scaled {
  const text = value.toFixed();
  // Stryker disable next-line MethodExpression: with endsWith the sign stays in the digits and BigInt("-15") gives the same signed integer
  const negative = text.startsWith("-");
  const body = negative ? text.slice(1) : text;
  const dot = body.indexOf(".");
  const digits = dot === -1 ? body : body.slice(0, dot) + body.slice(dot + 1);
  const scale = dot === -1 ? 0 : body.length - dot - 1;
  const int = BigInt(digits);
  return { int: negative ? -int : int, scale };
}

/** The Decimal for int × 10^-scale, with every digit kept (the constructor never rounds). */
export function fromScaled(int: bigint, scale: number): Decimal {
  if (int === 0n) return ZERO;
  const negative = int < 0n;
  let digits = (negative ? -int : int).toString();
  if (scale > 0) {
    digits = digits.padStart(scale + 1, "0");
    digits = `${digits.slice(0, digits.length - scale)}.${digits.slice(digits.length - scale)}`;
  } else if (scale < 0) {
    digits += "0".repeat(-scale);
  }
  return new Decimal(negative ? `-${digits}` : digits);
}

/** Rescales a list of decimals to one common scale. */
export function commonScale(values: readonly Decimal[]): {
  readonly ints: bigint[];
  readonly scale: number;
} {
  const scaled = values.map(toScaled);
  const scale = scaled.reduce((most, item) => Math.max(most, item.scale), 0);
  return { ints: scaled.map((item) => item.int * pow10(scale - item.scale)), scale };
}

/** a − b, exactly. */
export function exactMinus(a: Decimal, b: Decimal): Decimal {
  const { ints, scale } = commonScale([a, b]);
  return fromScaled(ints[0]! - ints[1]!, scale);
}

/** num/den rounded half-up (half away from zero) to an integer. */
export function roundHalfUpDiv(num: bigint, den: bigint): bigint {
  const negative = num < 0n !== den < 0n;
  const absNum = num < 0n ? -num : num;
  const absDen = den < 0n ? -den : den;
  const rounded = (2n * absNum + absDen) / (2n * absDen);
  return negative ? -rounded : rounded;
}

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

/** A rational in lowest terms, denominator positive. */
export function reduce(value: Rational): Rational {
  if (value.num === 0n) return { num: 0n, den: 1n };
  const divisor = gcd(value.num, value.den);
  const sign = value.den < 0n ? -1n : 1n;
  return { num: (sign * value.num) / divisor, den: (sign * value.den) / divisor };
}

/** The reduced fraction as text: "1280/3", or "426" when the denominator is 1. */
export function formatRational(value: Rational): string {
  const { num, den } = reduce(value);
  if (den === 1n) return num.toString();
  return `${num}/${den}`;
}

/** An approximation of a rational as a Decimal at the library precision. */
export function rationalToDecimal(value: Rational): Decimal {
  return fromScaled(value.num, 0).div(fromScaled(value.den, 0));
}
