// toPlain: any result as plain JSON data, for JSON.stringify, a spreadsheet, another language or a
// test snapshot. Decimals become strings: exact by default, or rounded for display.
import { Decimal as DecimalJs } from "decimal.js";
import type { Decimal } from "./decimal.js";
import { readDigits } from "./digits.js";
import { describeValue, type ErrorPath, TargetreeError } from "./errors.js";
import { readOptions } from "./options.js";
import { own } from "./records.js";
import { isResultRecord } from "./resultRecord.js";

/** The deepest nesting toPlain follows: deeper results are refused rather than overflow the stack. */
const MAX_PLAIN_DEPTH = 1000;

/** Options of {@link toPlain}; an unknown key is `UNKNOWN_OPTION`. */
export interface ToPlainOptions {
  /**
   * Fraction digits (places after the decimal point, 0 to 20) each Decimal is rounded to, half-up,
   * with trailing zeros dropped: `digits: 4` turns 1/3 into `"0.3333"` and 1200 into `"1200"`.
   * Left out, every Decimal keeps its exact value.
   */
  readonly digits?: number;
}

/** The plain form of a result type: Decimals become strings, functions and symbols drop out. */
export type Plain<T> = T extends Decimal
  ? string
  : T extends string | number | boolean | null
    ? T
    : T extends bigint
      ? string
      : T extends undefined | symbol | ((...args: never[]) => unknown)
        ? undefined
        : T extends readonly (infer Item)[]
          ? Plain<Item>[]
          : T extends {
                /** What the value stands for in JSON. */
                toJSON(): infer Json;
              }
            ? Plain<Json>
            : { -readonly [Key in keyof T as Key extends string ? Key : never]: Plain<T[Key]> };

/**
 * Turns any result into plain JSON data: Decimals (of any decimal.js copy) become decimal strings,
 * records (null-prototype ones included) become plain objects, arrays stay arrays, an object with
 * a `toJSON` method (a TargetreeError, a Date) gives what that returns. As in JSON, keys whose
 * value is `undefined`, a function or a symbol are left out (and are `null` in arrays); keys named
 * `__proto__` or `constructor` are kept as ordinary keys. The result is fresh: nothing is shared
 * with the argument, which is never changed.
 *
 * @param result - A result of any targetree function (or any JSON-like data holding Decimals).
 * @param options - `digits`: round every Decimal to that many fraction digits, for display.
 * @returns Plain data: strings, numbers, booleans, null, arrays and plain objects only.
 * @throws {TargetreeError} `UNKNOWN_OPTION` for an unknown option key; `INVALID_ARGUMENT` for bad
 *   `digits`, a circular structure, a result nested deeper than 1,000 levels, a Map or a Set (path `["result", …]` to it); `INVALID_NUMBER`
 *   for a NaN or infinite number or Decimal.
 *
 * @example
 * toPlain({ share: toDecimal(1).div(3), total: toDecimal("1.2亿") }, { digits: 4 })
 * //=> { share: "0.3333", total: "120000000" }
 * toPlain(allocate(100, { a: 1, b: 2 }, { unit: 1 }))
 * //=> { a: "33", b: "67" }
 * JSON.stringify(toPlain([toDecimal("0.1").plus("0.2"), null])) //=> '["0.3",null]'
 */
export function toPlain<T>(result: T, options?: ToPlainOptions): Plain<T> {
  const settings = readOptions(options, ["digits"]);
  const digits =
    own(settings, "digits") === undefined ? null : readDigits(settings, "digits", 0, ["options"]);
  const ancestors = new Set<object>();

  const decimalText = (value: DecimalJs, path: ErrorPath): string => {
    if (!value.isFinite()) {
      throw new TargetreeError("INVALID_NUMBER", "A result holds a NaN or infinite Decimal.", {
        path,
      });
    }
    const shown = digits === null ? value : value.toDecimalPlaces(digits, DecimalJs.ROUND_HALF_UP);
    return shown.isZero() ? "0" : shown.toFixed();
  };

  const convert = (value: unknown, path: ErrorPath): unknown => {
    switch (typeof value) {
      case "string":
      case "boolean":
        return value;
      case "number":
        if (!Number.isFinite(value)) {
          throw new TargetreeError("INVALID_NUMBER", `A result holds the number ${value}.`, {
            path,
          });
        }
        return value === 0 ? 0 : value;
      case "bigint":
        return value.toString();
      case "object":
        if (value === null) return null;
        if (DecimalJs.isDecimal(value)) return decimalText(value as DecimalJs, path);
        return convertObject(value, path);
      default:
        // undefined, functions and symbols, as in JSON.
        return undefined;
    }
  };

  const convertObject = (value: object, path: ErrorPath): unknown => {
    if (ancestors.has(value)) {
      throw new TargetreeError("INVALID_ARGUMENT", "A result cannot refer to itself.", { path });
    }
    if (value instanceof Map || value instanceof Set) {
      throw new TargetreeError(
        "INVALID_ARGUMENT",
        `Results are plain objects and arrays, got ${describeValue(value)}.`,
        { path },
      );
    }
    if (ancestors.size >= MAX_PLAIN_DEPTH) {
      throw new TargetreeError(
        "INVALID_ARGUMENT",
        `A result nested deeper than ${MAX_PLAIN_DEPTH.toLocaleString("en")} levels cannot be made plain; flatten it first (flattenTree gives a tree's rows).`,
        { path: path.slice(0, 8), details: { limit: MAX_PLAIN_DEPTH } },
      );
    }
    ancestors.add(value);
    try {
      if (Array.isArray(value)) {
        return value.map((item, index) => convert(item, [...path, index]) ?? null);
      }
      const prototype: unknown = Object.getPrototypeOf(value);
      const record = prototype === null || prototype === Object.prototype || isResultRecord(value);
      const toJSON = record ? undefined : (value as { toJSON?: unknown }).toJSON;
      if (typeof toJSON === "function") return convert(toJSON.call(value), path);
      const out: Record<string, unknown> = {};
      for (const key of Object.keys(value)) {
        const plain = convert((value as Record<string, unknown>)[key], [...path, key]);
        if (plain === undefined) continue;
        Object.defineProperty(out, key, {
          value: plain,
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
      return out;
    } finally {
      ancestors.delete(value);
    }
  };

  return convert(result, ["result"]) as Plain<T>;
}
