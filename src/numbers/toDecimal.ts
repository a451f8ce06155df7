import { Decimal as DecimalJs } from "decimal.js";
import { Decimal, ZERO } from "../_lib/decimal.js";
import type { ErrorPath } from "../_lib/errors.js";
import { describeValue, TargetreeError } from "../_lib/errors.js";
import { decimalFromNumber } from "../_lib/fromNumber.js";
import { MAX_EXPONENT, MIN_EXPONENT } from "../_lib/limits.js";
import type { Numeric } from "../_lib/types.js";
import { parseAmount } from "./parseAmount.js";

const WORD_BASE = 1e7;

/**
 * Converts a caller's value to the library's own `Decimal`, checking its type
 * before touching it. Numbers must be finite; strings go through
 * {@link parseAmount}; a `Decimal` from any decimal.js copy is rebuilt so the
 * library's precision and rounding apply.
 *
 * @param value - A number, numeric string or Decimal.
 * @param path - Where the value sits in the caller's input, for errors.
 * @returns The value as the library's `Decimal`.
 * @throws {TargetreeError} `INVALID_NUMBER` for NaN, ±Infinity, booleans,
 *   null, undefined, bigint, functions, plain objects and unparseable strings;
 *   `NUMBER_TOO_LARGE` for |x| ≥ 1e1000.
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
        { path },
      );
    }
    return decimalFromNumber(value);
  }
  if (typeof value === "string") return parseAmount(value, { path });
  if (value instanceof DecimalJs) return fromSameCopy(value, path);
  if (typeof value === "object" && value !== null) return fromForeignDecimal(value, path);
  throw new TargetreeError(
    "INVALID_NUMBER",
    `Expected a number, a numeric string or a Decimal, got ${describeValue(value)}.`,
    { path },
  );
}

function checkMagnitude(result: Decimal, path: ErrorPath): Decimal {
  if (!result.isZero() && (result.e >= MAX_EXPONENT || result.e < MIN_EXPONENT)) {
    throw new TargetreeError(
      "NUMBER_TOO_LARGE",
      `The value is outside the supported magnitude 1e${MIN_EXPONENT} ≤ |x| < 1e${MAX_EXPONENT}.`,
      { path },
    );
  }
  return result;
}

function fromSameCopy(value: DecimalJs, path: ErrorPath): Decimal {
  // Read the fields rather than calling methods: a subclass could override them.
  if (value.d === null || value.d === undefined) {
    throw new TargetreeError("INVALID_NUMBER", "Expected a finite Decimal, got NaN or Infinity.", {
      path,
    });
  }
  const own = value.constructor === Decimal ? value : new Decimal(value);
  return own.isZero() ? ZERO : checkMagnitude(own, path);
}

/** A Decimal from another copy of decimal.js: validate its fields, then rebuild it from them. */
function fromForeignDecimal(value: object, path: ErrorPath): Decimal {
  const prototype = Object.getPrototypeOf(value) as unknown;
  const looksLikeDecimal =
    prototype !== null &&
    prototype !== Object.prototype &&
    Object.prototype.toString.call(value) === "[object Decimal]";
  const fields = value as { d?: unknown; e?: unknown; s?: unknown };
  const digits = fields.d;
  if (!looksLikeDecimal || !Array.isArray(digits) || digits.length === 0 || digits.length > 200) {
    throw new TargetreeError(
      "INVALID_NUMBER",
      `Expected a number, a numeric string or a Decimal, got ${describeValue(value)}.`,
      { path },
    );
  }
  const { e: exponent, s: sign } = fields;
  const wordsValid = digits.every(
    (w) => Number.isInteger(w) && (w as number) >= 0 && (w as number) < WORD_BASE,
  );
  if (!wordsValid || !Number.isInteger(exponent) || (sign !== 1 && sign !== -1)) {
    throw new TargetreeError("INVALID_NUMBER", "The Decimal's internal fields are malformed.", {
      path,
    });
  }
  const words = digits as number[];
  const text =
    String(words[0]) +
    words
      .slice(1)
      .map((w) => String(w).padStart(7, "0"))
      .join("");
  if (/^0+$/.test(text)) return ZERO;
  const rebuilt = new Decimal(
    `${sign < 0 ? "-" : ""}${text[0]}.${text.slice(1) || "0"}e${exponent as number}`,
  );
  return checkMagnitude(rebuilt, path);
}
