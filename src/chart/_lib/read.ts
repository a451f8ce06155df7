// Reading a library result back for a chart: an amount (a Decimal, or its JSON string), a string
// field, a list; what is not the expected result is INVALID_ARGUMENT naming the function to call.
import type { Decimal } from "../../_lib/decimal.js";
import { describeValue, type ErrorPath, TargetreeError } from "../../_lib/errors.js";
import { commonScale, fromScaled } from "../../_lib/exact/index.js";
import { isRecord, own } from "../../_lib/records.js";
import type { Numeric } from "../../_lib/types.js";
import { toDecimal } from "../../numbers/toDecimal.js";

/** `value` as a record, or `INVALID_ARGUMENT` saying which result was expected. */
export function expectRecord(
  value: unknown,
  path: ErrorPath,
  expected: string,
): Readonly<Record<string, unknown>> {
  if (!isRecord(value)) {
    throw new TargetreeError(
      "INVALID_ARGUMENT",
      `Expected ${expected}, got ${describeValue(value)}.`,
      {
        path,
      },
    );
  }
  return value;
}

/** A list field of a result, or `INVALID_ARGUMENT` saying which result was expected. */
export function expectList(
  record: object,
  key: string,
  path: ErrorPath,
  expected: string,
): readonly unknown[] {
  const value = own(record, key);
  if (!Array.isArray(value)) {
    throw new TargetreeError(
      "INVALID_ARGUMENT",
      `Expected ${expected}: its ${key} is ${describeValue(value)}, not a list.`,
      { path: [...path, key] },
    );
  }
  return value;
}

/** A string field of a result, or `INVALID_ARGUMENT` saying which result was expected. */
export function expectString(
  record: object,
  key: string,
  path: ErrorPath,
  expected: string,
): string {
  const value = own(record, key);
  if (typeof value !== "string") {
    throw new TargetreeError(
      "INVALID_ARGUMENT",
      `Expected ${expected}: its ${key} is ${describeValue(value)}, not a string.`,
      { path: [...path, key] },
    );
  }
  return value;
}

/** An amount field of a result: a Decimal, a number or its exact string (from JSON). */
export function expectAmount(
  record: object,
  key: string,
  path: ErrorPath,
  expected: string,
): Decimal {
  const value = own(record, key);
  if (value === undefined || value === null) {
    throw new TargetreeError("INVALID_ARGUMENT", `Expected ${expected}: it has no ${key}.`, {
      path: [...path, key],
    });
  }
  return toDecimal(value as Numeric, [...path, key]);
}

/** The running sums of exact amounts (decimal.js's `plus` would round at 64 digits). */
export function runningSums(values: readonly Decimal[]): Decimal[] {
  const { mantissas, scale } = commonScale(values);
  let running = 0n;
  return mantissas.map((units) => {
    running += units;
    return fromScaled(running, scale);
  });
}

/** A decimal as plain text without an exponent (never `-0`). */
export function plainText(value: Decimal): string {
  return value.isZero() ? "0" : value.toFixed();
}

/** A decimal string of a plan result as a number for Vega (a bad one is `INVALID_NUMBER` at `path`). */
export function numberOf(text: string, path: ErrorPath): number {
  const number = Number(toDecimal(text, path).toString());
  return number === 0 ? 0 : number;
}
