import { Decimal as GlobalDecimal } from "decimal.js";
import { describe, expect, it } from "vitest";
import { Decimal } from "../../src/_lib/decimal.js";

/** The message of the assertion error `run` throws. */
function failureOf(run: () => void): string {
  try {
    run();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error("expected the assertion to fail");
}

describe("toEqualDecimal", () => {
  it("compares by value, whatever the form of the expected value", () => {
    expect(new Decimal("12.50")).toEqualDecimal("12.5");
    expect(new Decimal("12.5")).toEqualDecimal(12.5);
    expect(new Decimal("1e3")).toEqualDecimal(new Decimal(1000));
    expect(new Decimal("0.1")).toEqualDecimal(new GlobalDecimal("0.1"));
    expect(new GlobalDecimal(-2)).toEqualDecimal("-2");
  });

  it("negates with .not", () => {
    expect(new Decimal(1)).not.toEqualDecimal(2);
    expect(failureOf(() => expect(new Decimal(1)).not.toEqualDecimal("1.0"))).toBe(
      "expected 1 not to equal 1",
    );
  });

  it("prints both values in full, and their difference, when they differ", () => {
    const third = new Decimal(1).div(3);
    expect(failureOf(() => expect(third).toEqualDecimal("0.3333"))).toBe(
      `expected ${third.toString()} to equal 0.3333 (difference ${third.minus("0.3333").toString()})`,
    );
  });

  it("refuses a received value that is not a Decimal, even one that reads the same", () => {
    expect(failureOf(() => expect("1").toEqualDecimal("1"))).toBe(
      'expected a Decimal equal to 1, but received the string "1"',
    );
    expect(failureOf(() => expect(1).toEqualDecimal(1))).toBe(
      "expected a Decimal equal to 1, but received number 1",
    );
  });
});
