// Custom matchers, registered for every test file by `setupFiles` in vitest.config.ts and
// vitest.mutation.config.ts. `expect(decimal).toEqualDecimal("12.5")` compares by value and, on a
// failure, prints both values in full (never "expected false to be true").
import { Decimal as DecimalJs } from "decimal.js";
import { expect } from "vitest";
import { Decimal } from "../../src/_lib/decimal.js";

/** What `toEqualDecimal` accepts as the expected value: any Decimal, a decimal string or a number. */
export type DecimalLike = DecimalJs | string | number;

declare module "vitest" {
  // T is unused here but must match vitest's own declaration of Assertion.
  interface Assertion<T> {
    /** Passes when the received Decimal equals `expected` by value; prints both in full when not. */
    toEqualDecimal(expected: DecimalLike): void;
  }
}

/** A value that is not a Decimal, for a failure message: strings quoted, so "1" and 1 differ. */
const show = (value: unknown): string =>
  typeof value === "string"
    ? `the string ${JSON.stringify(value)}`
    : `${typeof value} ${String(value)}`;

expect.extend({
  toEqualDecimal(received: unknown, expected: DecimalLike) {
    const want = new Decimal(expected);
    if (!DecimalJs.isDecimal(received)) {
      return {
        pass: false,
        message: () =>
          `expected a Decimal equal to ${want.toString()}, but received ${show(received)}`,
      };
    }
    const got = received as DecimalJs;
    const pass = got.eq(want);
    return {
      pass,
      message: () =>
        pass
          ? `expected ${got.toString()} not to equal ${want.toString()}`
          : `expected ${got.toString()} to equal ${want.toString()} (difference ${got.minus(want).toString()})`,
      actual: got.toString(),
      expected: want.toString(),
    };
  },
});
