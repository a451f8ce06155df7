import { Decimal as DecimalJs } from "decimal.js";
import { snapshotArray } from "../_lib/arrays.js";
import { type Decimal, ZERO } from "../_lib/decimal.js";
import type { ErrorPath } from "../_lib/errors.js";
import { describeValue, TargetreeError } from "../_lib/errors.js";
import { decimalFromLayout } from "../_lib/exact/layout.js";
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

/** The fields of a Decimal-like object, each read exactly once into values the caller cannot change. */
interface DecimalFields {
  readonly tagged: boolean;
  readonly sameCopy: boolean;
  /** A fresh copy of the digit words, or null when `d` is not an array of at most MAX_WORDS. */
  readonly words: readonly unknown[] | null;
  readonly digitsIsNull: boolean;
  readonly exponent: unknown;
  readonly sign: unknown;
}

/**
 * Reads a Decimal-like object once: its tag, then `d`, `e` and `s` once each, and the words of `d`
 * by index into a fresh array whose length was read once. A getter or a Proxy that answers
 * differently on a second read cannot change the value after it is checked, and the caller's
 * instance is never handed on (it could be changed later, by a getter on another input).
 */
function readDecimalFields(value: object): DecimalFields {
  const sameCopy = value instanceof DecimalJs;
  const prototype = Object.getPrototypeOf(value) as unknown;
  const tagged =
    sameCopy ||
    (prototype !== null &&
      prototype !== Object.prototype &&
      Object.prototype.toString.call(value) === "[object Decimal]");
  if (!tagged) {
    return { tagged, sameCopy, words: null, digitsIsNull: false, exponent: 0, sign: 0 };
  }
  const { d: digits, e: exponent, s: sign } = value as { d?: unknown; e?: unknown; s?: unknown };
  const words = Array.isArray(digits) ? snapshotArray<unknown>(digits, MAX_WORDS) : null;
  return { tagged, sameCopy, words, digitsIsNull: digits === null, exponent, sign };
}

/**
 * A Decimal from any decimal.js copy (an instance, or an object tagged `[object Decimal]` with a
 * prototype), read once and checked: the words must be whole numbers in [0, 1e7), laid out as
 * decimal.js lays them out. The result is always a new Decimal of the library's clone, built from
 * the checked copy.
 */
function fromDecimalLike(value: object, path: ErrorPath): Decimal {
  let fields: DecimalFields;
  try {
    fields = readDecimalFields(value);
  } catch (error) {
    // A getter or a Proxy trap that throws: the value cannot be read, whatever it claims to be.
    throw new TargetreeError(
      "INVALID_NUMBER",
      `The Decimal could not be read: ${error instanceof Error ? error.message : String(error)}.`,
      { path, cause: error },
    );
  }
  const { tagged, sameCopy, words, digitsIsNull, exponent, sign } = fields;
  if (!tagged) {
    throw new TargetreeError(
      "INVALID_NUMBER",
      `Expected a number, a numeric string or a Decimal, got ${describeValue(value)}.`,
      { path },
    );
  }
  if (digitsIsNull && sameCopy) {
    throw new TargetreeError("INVALID_NUMBER", "Expected a finite Decimal, got NaN or Infinity.", {
      path,
    });
  }
  const valid =
    words !== null &&
    words.length > 0 &&
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
  return decimalFromLayout(checked, e, sign as 1 | -1);
}
