// Exact integers for tracking's hot loop: a plain number while it is a safe integer, a BigInt
// beyond. Every operation is exact either way; the number path only saves BigInt allocations.
import { divideRounded } from "../../_lib/exact/index.js";

/** An exact integer: a safe-integer number, or a BigInt. */
export type Int = number | bigint;

const MAX_SAFE_BIG = 9007199254740991n;
/** Below this size a quotient and its remainder stay exact in doubles. */
const HALF_SAFE = 4_503_599_627_370_496; // 2 ** 52

/** The value as a number when it is a safe integer, else the BigInt. */
export function norm(value: bigint): Int {
  return value >= -MAX_SAFE_BIG && value <= MAX_SAFE_BIG ? Number(value) : value;
}

export function big(value: Int): bigint {
  return typeof value === "bigint" ? value : BigInt(value);
}

export function add(a: Int, b: Int): Int {
  if (typeof a === "number" && typeof b === "number") {
    const sum = a + b;
    if (Number.isSafeInteger(sum)) return sum;
  }
  return norm(big(a) + big(b));
}

export function sub(a: Int, b: Int): Int {
  if (typeof a === "number" && typeof b === "number") {
    const difference = a - b;
    if (Number.isSafeInteger(difference)) return difference;
  }
  return norm(big(a) - big(b));
}

export function mul(a: Int, b: Int): Int {
  if (typeof a === "number" && typeof b === "number") {
    // A true product beyond the safe range rounds to a double that is not a safe integer.
    const product = a * b;
    if (Number.isSafeInteger(product)) return product === 0 ? 0 : product;
  }
  return norm(big(a) * big(b));
}

/** `numerator / denominator` (≠ 0) rounded half-up (half away from zero), exactly. */
export function divideHalfUp(numerator: Int, denominator: Int): Int {
  if (
    typeof numerator === "number" &&
    typeof denominator === "number" &&
    Math.abs(numerator) < HALF_SAFE &&
    Math.abs(denominator) < HALF_SAFE
  ) {
    const n = denominator < 0 ? -numerator : numerator;
    const d = Math.abs(denominator);
    let quotient = Math.trunc(n / d);
    let rest = n - quotient * d;
    // The double quotient may be one off; the remainder tells.
    if (rest >= d) {
      quotient++;
      rest -= d;
    } else if (rest <= -d) {
      quotient--;
      rest += d;
    } else if (rest !== 0 && Math.sign(rest) !== Math.sign(n)) {
      quotient += n > 0 ? -1 : 1;
      rest += n > 0 ? d : -d;
    }
    const result = 2 * Math.abs(rest) >= d ? quotient + (n < 0 ? -1 : 1) : quotient;
    return result === 0 ? 0 : result;
  }
  return norm(divideRounded(big(numerator), big(denominator), "half-up"));
}

/** -1, 0 or 1 as `a` is below, equal to or above `b`. */
export function compare(a: Int, b: Int): number {
  if (typeof a === "number" && typeof b === "number") return a < b ? -1 : a > b ? 1 : 0;
  const x = big(a);
  const y = big(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

export function sign(a: Int): number {
  return a > 0 ? 1 : a < 0 ? -1 : 0;
}

/** `value × 10^-scale` written with `scale` decimals: (-5, 2) → "-0.05". */
export function intText(value: Int, scale: number): string {
  let digits: string;
  let negative: boolean;
  if (typeof value === "number") {
    negative = value < 0;
    digits = String(negative ? -value : value);
  } else {
    negative = value < 0n;
    digits = (negative ? -value : value).toString();
  }
  if (scale === 0) return negative ? `-${digits}` : digits;
  if (digits.length <= scale) digits = digits.padStart(scale + 1, "0");
  const cut = digits.length - scale;
  const text = `${digits.slice(0, cut)}.${digits.slice(cut)}`;
  return negative ? `-${text}` : text;
}
