// The one rounding division: an integer quotient in every named rounding mode, either sign.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Decimal } from "../../../src/_lib/decimal.js";
import { divideRounded } from "../../../src/_lib/exact/index.js";
import { runs } from "../../_support/runs.js";

const modes = ["half-up", "half-even", "half-down", "up", "down", "ceil", "floor"] as const;

describe("divideRounded", () => {
  it("rounds like decimal.js in every mode, whatever the signs", () => {
    const constants = [
      Decimal.ROUND_HALF_UP,
      Decimal.ROUND_HALF_EVEN,
      Decimal.ROUND_HALF_DOWN,
      Decimal.ROUND_UP,
      Decimal.ROUND_DOWN,
      Decimal.ROUND_CEIL,
      Decimal.ROUND_FLOOR,
    ];
    fc.assert(
      fc.property(
        fc.bigInt({ min: -1000n, max: 1000n }),
        fc.bigInt({ min: -40n, max: 40n }).filter((denominator) => denominator !== 0n),
        (numerator, denominator) => {
          modes.forEach((mode, k) => {
            const expected = new Decimal(numerator.toString())
              .div(denominator.toString())
              .toDecimalPlaces(0, constants[k]!);
            expect(divideRounded(numerator, denominator, mode).toString()).toBe(
              expected.toFixed(0),
            );
          });
        },
      ),
      { numRuns: runs(300) },
    );
  });

  it("rounds halves and non-halves of either sign in every mode", () => {
    const table: [bigint, string[]][] = [
      // numerator over 10: half-up, half-even, half-down, up, down, ceil, floor
      [15n, ["2", "2", "1", "2", "1", "2", "1"]],
      [25n, ["3", "2", "2", "3", "2", "3", "2"]],
      [-25n, ["-3", "-2", "-2", "-3", "-2", "-2", "-3"]],
      [17n, ["2", "2", "2", "2", "1", "2", "1"]],
      [-13n, ["-1", "-1", "-1", "-2", "-1", "-1", "-2"]],
      [30n, ["3", "3", "3", "3", "3", "3", "3"]],
    ];
    for (const [numerator, expected] of table) {
      expect(modes.map((mode) => divideRounded(numerator, 10n, mode).toString())).toEqual(expected);
    }
  });

  it("rounds halves away from zero whatever the signs of numerator and denominator", () => {
    expect(divideRounded(5n, 2n, "half-up")).toBe(3n);
    expect(divideRounded(5n, -2n, "half-up")).toBe(-3n);
    expect(divideRounded(-5n, 2n, "half-up")).toBe(-3n);
    expect(divideRounded(-5n, -2n, "half-up")).toBe(3n);
    expect(divideRounded(7n, -5n, "half-up")).toBe(-1n);
    expect(divideRounded(-8n, -5n, "half-up")).toBe(2n);
  });
});
