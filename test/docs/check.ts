import { expect } from "vitest";

const isDecimal = (value: unknown): value is { toString(): string; isFinite(): boolean } =>
  typeof value === "object" &&
  value !== null &&
  Object.prototype.toString.call(value) === "[object Decimal]";

/** Numbers and Decimals become their exact decimal text; containers are walked. */
function normalise(value: unknown): unknown {
  if (isDecimal(value)) return value.toString();
  if (typeof value === "number") return Object.is(value, -0) ? "0" : String(value);
  if (Array.isArray(value)) return value.map(normalise);
  if (value instanceof Map) return normalise(Object.fromEntries(value));
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, normalise(inner)]));
  }
  return value;
}

export function __check(source: string, actual: () => unknown, expected: () => unknown): void {
  expect(normalise(actual()), `the example \`${source}\``).toEqual(normalise(expected()));
}
