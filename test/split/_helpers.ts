import type { Decimal } from "../../src/_lib/decimal.js";

export { deepFreeze, expectCode as expectError } from "../_support/errors.js";

/** Decimals as strings, for readable expectations. */
export const strings = (values: readonly Decimal[]): string[] => values.map((v) => v.toString());

/** A record of Decimals as a plain record of strings (key order kept). */
export const record = (values: Readonly<Record<string, Decimal>>): Record<string, string> =>
  Object.fromEntries(Object.keys(values).map((key) => [key, values[key]!.toString()]));
