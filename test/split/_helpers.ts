import type { Decimal } from "targetree";

/** Decimals as strings, for readable expectations. */
export const strings = (values: readonly Decimal[]): string[] => values.map((v) => v.toString());

/** A record of Decimals as a plain record of strings (key order kept). */
export const record = (values: Readonly<Record<string, Decimal>>): Record<string, string> =>
  Object.fromEntries(Object.keys(values).map((key) => [key, values[key]!.toString()]));

/** An array that reports `length` items without allocating them (a real one costs 100 ms or more). */
export function longArray<T>(length: number): T[] {
  return new Proxy([] as T[], {
    get: (target, key, receiver) =>
      key === "length" ? length : Reflect.get(target, key, receiver),
  });
}
