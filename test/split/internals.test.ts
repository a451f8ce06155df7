import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Decimal } from "../../src/_lib/decimal.js";
import { roundProductTable, roundTable } from "../../src/split/_lib/controlledRounding.js";
import { hamiltonBigInt, hamiltonNumber, kthLargest } from "../../src/split/_lib/hamilton.js";
import {
  decimalFromSafeInteger,
  divideRounded,
  exactUnits,
  showValue,
  toScaled,
} from "../../src/split/_lib/scaled.js";
import { runs } from "../_support/runs.js";

describe("decimalFromSafeInteger", () => {
  it("builds the same Decimal as parsing the text", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }),
        fc.integer({ min: -40, max: 40 }),
        (mantissa, exponent) => {
          const built = decimalFromSafeInteger(mantissa, exponent);
          const parsed = new Decimal(`${mantissa}e${exponent}`);
          expect(built.toString()).toBe(parsed.toString());
          expect(built.eq(parsed)).toBe(true);
          expect({ s: built.s, e: built.e, d: built.d }).toEqual({
            s: parsed.s,
            e: parsed.e,
            d: parsed.d,
          });
          expect(built.plus(1).toString()).toBe(parsed.plus(1).toString());
          expect(built).toBeInstanceOf(Decimal);
        },
      ),
      { numRuns: runs(300) },
    );
  });

  it("keeps the library's precision settings (its constructor is the library's clone)", () => {
    expect(decimalFromSafeInteger(1, 0).div(3).toString()).toBe(new Decimal(1).div(3).toString());
  });
});

describe("toScaled and exactUnits", () => {
  it("recover the exact coefficient and exponent", () => {
    expect(toScaled(new Decimal("1200.500"))).toEqual({ coefficient: 12005n, exponent: -1 });
    expect(toScaled(new Decimal("-3e20"))).toEqual({ coefficient: -3n, exponent: 20 });
    expect(exactUnits(toScaled(new Decimal("1.2e8")), toScaled(new Decimal("1e4")))).toBe(12000n);
    expect(exactUnits(toScaled(new Decimal("1.005")), toScaled(new Decimal("0.01")))).toBeNull();
  });

  it("shows values with thousands separators", () => {
    expect(showValue(new Decimal("-1234567.5"))).toBe("-1,234,567.5");
    expect(showValue(new Decimal("12"))).toBe("12");
  });
});

describe("divideRounded", () => {
  it("rounds like decimal.js in every mode", () => {
    const modes = ["half-up", "half-even", "half-down", "up", "down", "ceil", "floor"] as const;
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
        fc.bigInt({ min: 1n, max: 40n }),
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
});

describe("largest remainder on integers", () => {
  it("finds the k-th largest value, also on adversarial inputs", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 1, maxLength: 200 }),
        (xs) => {
          const sorted = [...xs].sort((a, b) => b - a);
          const k = 1 + (xs.length >> 1);
          expect(kthLargest(Float64Array.from(xs), k)).toBe(sorted[k - 1]);
        },
      ),
      { numRuns: runs(200) },
    );
    const organPipe = Float64Array.from({ length: 5000 }, (_, i) => Math.min(i, 5000 - i));
    expect(kthLargest(organPipe, 10)).toBe([...organPipe].sort((a, b) => b - a)[9]);
  });

  it("gives the same counts on the number and bigint paths", () => {
    fc.assert(
      fc.property(
        fc.nat({ max: 1_000_000 }),
        fc.array(fc.nat({ max: 1000 }), { minLength: 1, maxLength: 50 }),
        (units, weights) => {
          const sum = weights.reduce((a, b) => a + b, 0);
          fc.pre(sum > 0);
          const fast = hamiltonNumber(units, Float64Array.from(weights), sum);
          const exact = hamiltonBigInt(
            BigInt(units),
            weights.map((w) => BigInt(w)),
            BigInt(sum),
          ).counts;
          expect(Array.from(fast, (c) => BigInt(c))).toEqual(exact);
        },
      ),
      { numRuns: runs(200) },
    );
  });
});

describe("largest remainder past 2^53", () => {
  it("divides products beyond the safe integers exactly on the number path", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
        fc.array(fc.integer({ min: 0, max: 2 ** 40 }), { minLength: 1, maxLength: 50 }),
        (units, weights) => {
          const sum = weights.reduce((a, b) => a + b, 0);
          fc.pre(sum > 0);
          const fast = hamiltonNumber(units, Float64Array.from(weights), sum);
          const exact = hamiltonBigInt(
            BigInt(units),
            weights.map((w) => BigInt(w)),
            BigInt(sum),
          ).counts;
          expect(Array.from(fast, (c) => BigInt(c))).toEqual(exact);
        },
      ),
      { numRuns: runs(200) },
    );
  });
});

describe("controlled rounding", () => {
  it("keeps every cell within one unit of its exact value for product tables", () => {
    // 7 units over 3 × 3 equal shares: every cell is 7/9.
    const table = roundProductTable(
      7n,
      [
        [1n, 1n, 1n],
        [1n, 1n, 1n],
      ],
      [
        [3n, 2n, 2n],
        [3n, 2n, 2n],
      ],
    );
    expect(table.reduce((a, b) => a + b, 0n)).toBe(7n);
    for (const cell of table) expect(cell === 0n || cell === 1n).toBe(true);
  });

  it("still meets the targets when no floor-or-ceiling rounding exists", () => {
    // Exact [[0.5, 0], [0, 0.5]] with row targets (1, 0) and column targets (0, 1):
    // no cell may round to a neighbour, so the second phase moves a cell further.
    const cells = roundTable([1n, 0n, 0n, 1n], 2n, [1n, 0n], [0n, 1n]);
    expect(cells).toEqual([0n, 1n, 0n, 0n]);
  });

  it("meets targets that are below the floors of some cells", () => {
    // Exact [[2, 2], [2, 2]] with row targets (1, 7) and column targets (4, 4).
    const cells = roundTable([2n, 2n, 2n, 2n], 1n, [1n, 7n], [4n, 4n]);
    expect(cells[0]! + cells[1]!).toBe(1n);
    expect(cells[2]! + cells[3]!).toBe(7n);
    expect(cells[0]! + cells[2]!).toBe(4n);
    for (const cell of cells) expect(cell >= 0n).toBe(true);
  });
});
