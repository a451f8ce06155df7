// Apportioning contributions so they sum exactly to the total: the decimal place chosen, which values
// receive the rounding residual, and the guards on empty and inconsistent input.
import { describe, expect, it } from "vitest";
import { Decimal } from "../../src/_lib/decimal.js";
import type { Rational } from "../../src/_lib/exact/index.js";
import { apportionRationals } from "../../src/analysis/_lib/apportion.js";

const r = (num: bigint, den: bigint): Rational => ({ num, den });
const d = (text: string | number) => new Decimal(text);
const parts = (result: { parts: readonly Decimal[] }) => result.parts.map(String);

describe("apportionRationals", () => {
  it("gives a missing unit to the largest remainder, ties to the earlier value", () => {
    // 1/5, 2/5, 2/5 round to 0, 0, 0; one unit is missing and goes to the first 2/5.
    const result = apportionRationals([r(1n, 5n), r(2n, 5n), r(2n, 5n)], d(1), 1);
    expect(parts(result)).toEqual(["0", "1", "0"]);
    expect(result.residual.toString()).toBe("1");
    expect(result.decimals).toBe(0);
  });

  it("takes a surplus unit from the smallest remainder, ties to the earlier value", () => {
    // −1/5, 3/5, 3/5 round to 0, 1, 1; one unit too many is taken from the first 3/5.
    const result = apportionRationals([r(-1n, 5n), r(3n, 5n), r(3n, 5n)], d(1), 1);
    expect(parts(result)).toEqual(["0", "0", "1"]);
    expect(result.residual.toString()).toBe("-1");
  });

  it("ignores zero values when choosing the decimal place", () => {
    const result = apportionRationals([r(1n, 30n), r(0n, 1n), r(1n, 15n)], d("0.1"), 4);
    expect(result.decimals).toBe(4);
    expect(parts(result)).toEqual(["0.0333", "0", "0.0667"]);
  });

  it("counts digits from the largest magnitude, not the total", () => {
    // 31/3 − 307/30 = 0.1; four digits of 10.33… leave two decimals.
    const result = apportionRationals([r(31n, 3n), r(-307n, 30n)], d("0.1"), 4);
    expect(result.decimals).toBe(2);
    expect(parts(result)).toEqual(["10.33", "-10.23"]);
  });

  it("keeps the total's own decimals when every value is zero", () => {
    expect(apportionRationals([r(0n, 1n), r(0n, 3n)], d(0), 4).decimals).toBe(0);
  });

  it("throws when the values cannot be made to sum to the total", () => {
    expect(() => apportionRationals([r(1n, 2n)], d(5), 4)).toThrow(
      "apportionRationals: values do not sum to the total",
    );
  });
});
