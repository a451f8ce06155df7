import { Decimal as DecimalJs } from "decimal.js";
import { Decimal, ZERO } from "../_lib/decimal.js";
import type { ErrorPath } from "../_lib/errors.js";
import { describeValue, TargetreeError } from "../_lib/errors.js";
import { decimalFromNumber } from "../_lib/fromNumber.js";
import { MAX_EXPONENT, MIN_EXPONENT } from "../_lib/limits.js";
import { checkPath } from "../_lib/options.js";
import type { Numeric } from "../_lib/types.js";
import { parseAmount } from "./parseAmount.js";

const WORD_BASE = 1e7;
/** Most base-1e7 words a Decimal may have: 64 significant digits need 11, 100 parsed digits 16. */
const MAX_WORDS = 40;

/**
 * Converts a caller's value to the library's own `Decimal`, checking its type
 * before touching it. Numbers must be finite; strings go through
 * {@link parseAmount}; a `Decimal` from any decimal.js copy has its fields
 * checked and is rebuilt, so the library's precision and rounding apply.
 *
 * @param value - A number, numeric string or Decimal.
 * @param path - Where the value sits in the caller's input, for errors.
 * @returns The value as the library's `Decimal`.
 * @throws {TargetreeError} `INVALID_NUMBER` for NaN, ±Infinity, booleans,
 *   null, undefined, bigint, functions, plain objects, forged Decimals and
 *   unparseable strings; `NUMBER_TOO_LARGE` for |x| ≥ 1e1000;
 *   `INVALID_ARGUMENT` for a `path` that is not an array of names and indexes.
 *
 * @example
 * toDecimal("50万").toString() //=> "500000"
 * toDecimal(0.1).plus(0.2).toString() //=> "0.3"
 */
export function toDecimal(value: Numeric, path: ErrorPath = []): Decimal {
  if (typeof value === "number") {
    if (!Number.isFinite(value)) {
      throw new TargetreeError(
        "INVALID_NUMBER",
        `Expected a finite number, got ${describeValue(value)}.`,
        {
          path: checkPath(path),
        },
      );
    }
    return decimalFromNumber(value);
  }
  if (typeof value === "string") return parseAmount(value, { path });
  if (typeof value === "object" && value !== null) return fromDecimalLike(value, checkPath(path));
  throw new TargetreeError(
    "INVALID_NUMBER",
    `Expected a number, a numeric string or a Decimal, got ${describeValue(value)}.`,
    { path: checkPath(path) },
  );
}

/**
 * A Decimal from this or another copy of decimal.js. Its fields are read, never its methods, and
 * checked against decimal.js's invariants, so a forged or corrupted instance cannot produce NaN,
 * Infinity or wrong digits downstream.
 */
function fromDecimalLike(value: object, path: ErrorPath): Decimal {
  const sameCopy = value instanceof DecimalJs;
  const prototype = Object.getPrototypeOf(value) as unknown;
  const tagged =
    sameCopy ||
    (prototype !== null &&
      prototype !== Object.prototype &&
      Object.prototype.toString.call(value) === "[object Decimal]");
  if (!tagged) {
    throw new TargetreeError(
      "INVALID_NUMBER",
      `Expected a number, a numeric string or a Decimal, got ${describeValue(value)}.`,
      { path },
    );
  }
  const { d: digits, e: exponent, s: sign } = value as { d?: unknown; e?: unknown; s?: unknown };
  if (digits === null && sameCopy) {
    throw new TargetreeError("INVALID_NUMBER", "Expected a finite Decimal, got NaN or Infinity.", {
      path,
    });
  }
  // Stryker disable next-line ArrayDeclaration: any stand-in fails the word checks alike
  const words = Array.isArray(digits) ? (digits as unknown[]) : [];
  const valid =
    words.length > 0 &&
    words.length <= MAX_WORDS &&
    words.every(
      (word) => Number.isInteger(word) && (word as number) >= 0 && (word as number) < WORD_BASE,
    ) &&
    Number.isInteger(exponent) &&
    (sign === 1 || sign === -1) &&
    // decimal.js keeps no leading or trailing zero word, except for zero itself ([0]).
    (words.length === 1 || (words[0] !== 0 && words[words.length - 1] !== 0));
  if (!valid) {
    throw new TargetreeError("INVALID_NUMBER", "The Decimal's internal fields are malformed.", {
      path,
    });
  }
  const checked = words as number[];
  if (checked[0] === 0) return ZERO;
  const e = exponent as number;
  if (e >= MAX_EXPONENT || e < MIN_EXPONENT) {
    throw new TargetreeError(
      "NUMBER_TOO_LARGE",
      `The value is outside the supported magnitude 1e${MIN_EXPONENT} ≤ |x| < 1e${MAX_EXPONENT}.`,
      { path },
    );
  }
  // decimal.js aligns words to the exponent: the first word holds ((e + 1) mod 7) digits, or 7.
  const firstDigits = (((e + 1) % 7) + 7) % 7 || 7;
  if (String(checked[0]).length !== firstDigits) {
    throw new TargetreeError("INVALID_NUMBER", "The Decimal's internal fields are malformed.", {
      path,
    });
  }
  // Stryker disable next-line ConditionalExpression: a fast path; rebuilding gives an equal Decimal
  if (value.constructor === Decimal) return value as Decimal;
  const text =
    String(checked[0]) +
    checked
      .slice(1)
      .map((w) => String(w).padStart(7, "0"))
      .join("");
  // Stryker disable next-line StringLiteral: decimal.js reads "5.e0" as 5
  return new Decimal(`${sign === -1 ? "-" : ""}${text[0]}.${text.slice(1) || "0"}e${e}`);
}
