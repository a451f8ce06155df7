import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Decimal } from "../../src/_lib/decimal.js";
import { roundProductTable, roundTable } from "../../src/split/_lib/controlledRounding.js";
import {
  fitsNumberPath,
  hamiltonBigInt,
  hamiltonNumber,
  kthLargest,
} from "../../src/split/_lib/hamilton.js";
import { checkCount } from "../../src/split/_lib/run.js";
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
    expect(cells).toEqual([0n, 1n, 4n, 3n]);
    expect(cells[0]! + cells[1]!).toBe(1n);
    expect(cells[2]! + cells[3]!).toBe(7n);
    expect(cells[0]! + cells[2]!).toBe(4n);
    for (const cell of cells) expect(cell >= 0n).toBe(true);
  });
});

describe("controlled rounding, more cases", () => {
  it("meets column targets below the floors of some cells", () => {
    // Exact [[2, 2], [2, 2]] with row targets (4, 4) and column targets (1, 7).
    const cells = roundTable([2n, 2n, 2n, 2n], 1n, [4n, 4n], [1n, 7n]);
    expect(cells).toEqual([0n, 4n, 1n, 3n]);
    expect(cells[0]! + cells[1]!).toBe(4n);
    expect(cells[2]! + cells[3]!).toBe(4n);
    expect(cells[0]! + cells[2]!).toBe(1n);
    expect(cells[1]! + cells[3]!).toBe(7n);
    for (const cell of cells) expect(cell >= 0n).toBe(true);
  });

  it("returns the marginal itself for a single dimension", () => {
    expect(roundProductTable(10n, [[1n, 2n, 2n]], [[2n, 4n, 4n]])).toEqual([2n, 4n, 4n]);
  });
});

describe("showValue, more cases", () => {
  it("groups the integer digits by three, keeping the fraction and the sign", () => {
    const cases: [string, string][] = [
      ["0", "0"],
      ["7", "7"],
      ["123", "123"],
      ["1234", "1,234"],
      ["123456", "123,456"],
      ["1234567", "1,234,567"],
      ["-100", "-100"],
      ["-0.05", "-0.05"],
      ["1000.125", "1,000.125"],
    ];
    for (const [value, shown] of cases) expect(showValue(new Decimal(value))).toBe(shown);
  });
});

describe("toScaled, more cases", () => {
  it("reads zero as coefficient 0 and small values with a negative exponent", () => {
    expect(toScaled(new Decimal(0))).toEqual({ coefficient: 0n, exponent: 0 });
    expect(toScaled(new Decimal("0.0012"))).toEqual({ coefficient: 12n, exponent: -4 });
    expect(toScaled(new Decimal("12345678.9"))).toEqual({ coefficient: 123456789n, exponent: -1 });
  });
});

describe("checkCount", () => {
  it("accepts whole numbers from 1 to the maximum, both ends included", () => {
    expect(checkCount(1, ["n"], 3)).toBe(1);
    expect(checkCount(3, ["n"], 3)).toBe(3);
    for (const bad of [0, 4, 2.5, "2", Number.POSITIVE_INFINITY]) {
      expect(() => checkCount(bad, ["n"], 3)).toThrow(
        /Expected a whole number of parts from 1 to 3\./,
      );
    }
  });
});

/**
 * McIlroy's adversary ("A killer adversary for quicksort") against kthLargest's quickselect: it
 * replays the selection on items whose values are fixed only when first compared, always keeping
 * the median of three among the smallest, so each round drops just a few items. Returns the input
 * and the number of rounds plain quickselect needs on it.
 */
function killerInput(n: number, k: number): { values: Float64Array; rounds: number } {
  const gas = Number.POSITIVE_INFINITY;
  const value = new Array<number>(n).fill(gas);
  let solid = 0;
  const less = (x: number, y: number): boolean => {
    if (value[x] === gas && value[y] === gas) value[x] = solid++;
    return value[x]! < value[y]!;
  };
  const items = Array.from({ length: n }, (_, i) => i);
  const target = n - k;
  let low = 0;
  let high = n - 1;
  let rounds = 0;
  while (high > low) {
    rounds++;
    const middle = low + ((high - low) >> 1);
    const [a, b, c] = [items[low]!, items[middle]!, items[high]!];
    let pivot: number;
    if (less(a, b)) pivot = less(b, c) ? b : less(a, c) ? c : a;
    else pivot = less(a, c) ? a : less(b, c) ? c : b;
    if (value[pivot] === gas) value[pivot] = solid++;
    let i = low;
    let j = high;
    while (i <= j) {
      while (less(items[i]!, pivot)) i++;
      while (less(pivot, items[j]!)) j--;
      if (i <= j) {
        [items[i], items[j]] = [items[j]!, items[i]!];
        i++;
        j--;
      }
    }
    if (target <= j) high = j;
    else if (target >= i) low = i;
    else break;
  }
  for (let x = 0; x < n; x++) if (value[x] === gas) value[x] = solid++;
  return { values: Float64Array.from(value), rounds };
}

describe("kthLargest on adversarial input", () => {
  it("still finds the k-th largest value once quickselect has used up its step budget", () => {
    for (const k of [1, 2, 7]) {
      const { values, rounds } = killerInput(300, k);
      // The budget for 300 values is 4 × ⌈log2 301⌉ + 16 = 52 rounds.
      expect(rounds).toBeGreaterThan(52);
      const sorted = [...values].sort((a, b) => b - a);
      expect(kthLargest(values, k)).toBe(sorted[k - 1]);
    }
  });
});

describe("largest remainder, fixed cases", () => {
  it("gives the leftover units to the largest remainders, ties to the earlier part, on both paths", () => {
    expect(hamiltonBigInt(5n, [3n, 3n, 4n], 10n).counts).toEqual([2n, 1n, 2n]);
    expect(hamiltonBigInt(5n, [3n, 3n, 4n], 10n).remainders).toEqual([5n, 5n, 0n]);
    expect(Array.from(hamiltonNumber(5, Float64Array.from([3, 3, 4]), 10))).toEqual([2, 1, 2]);
    expect(Array.from(hamiltonNumber(2, Float64Array.from([1, 1, 1]), 3))).toEqual([1, 1, 0]);
    expect(hamiltonBigInt(2n, [1n, 1n, 1n], 3n).counts).toEqual([1n, 1n, 0n]);
  });

  it("divides products beyond 2^53 exactly on the number path", () => {
    const weights = [2 ** 40, 3, 2 ** 40 - 7];
    const sum = weights.reduce((a, b) => a + b, 0);
    const expected = [4503599627378688, 12288, 4503599627350015];
    expect(Array.from(hamiltonNumber(2 ** 53 - 1, Float64Array.from(weights), sum))).toEqual(
      expected,
    );
    expect(
      hamiltonBigInt(
        2n ** 53n - 1n,
        weights.map((w) => BigInt(w)),
        BigInt(sum),
      ).counts,
    ).toEqual(expected.map((c) => BigInt(c)));
  });

  it("takes the number path only while it is exact", () => {
    const safe = Number.MAX_SAFE_INTEGER;
    expect(fitsNumberPath(safe, 1, safe)).toBe(true);
    expect(fitsNumberPath(safe + 1, 1, 10)).toBe(false);
    expect(fitsNumberPath(10, 1, safe + 1)).toBe(false);
    // units × largest past 2^53 is fine while the sum stays below 2^51.
    expect(fitsNumberPath(safe, 2, 2 ** 51 - 1)).toBe(true);
    expect(fitsNumberPath(safe, 2, 2 ** 51)).toBe(false);
    expect(fitsNumberPath(2 ** 52, 2, 2 ** 52)).toBe(false);
    // Past 2^51 the sum needs units × largest within the safe integers.
    expect(fitsNumberPath(safe, 1, 2 ** 52)).toBe(true);
    expect(fitsNumberPath(2 ** 50, 4, 2 ** 52)).toBe(true);
  });
});

describe("divideRounded, fixed cases", () => {
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
    const modes = ["half-up", "half-even", "half-down", "up", "down", "ceil", "floor"] as const;
    for (const [numerator, expected] of table) {
      expect(modes.map((mode) => divideRounded(numerator, 10n, mode).toString())).toEqual(expected);
    }
  });
});

describe("decimalFromSafeInteger, fixed cases", () => {
  it("builds the same Decimal as parsing the text across word boundaries", () => {
    const cases: [number, number][] = [
      [1234567890, -3],
      [-5, 20],
      [10000000, 0],
      [123, -7],
      [9007199254740991, -2],
      [-70, 6],
      [1, -8],
    ];
    for (const [mantissa, exponent] of cases) {
      const built = decimalFromSafeInteger(mantissa, exponent);
      const parsed = new Decimal(`${mantissa}e${exponent}`);
      expect({ s: built.s, e: built.e, d: built.d }).toEqual({
        s: parsed.s,
        e: parsed.e,
        d: parsed.d,
      });
    }
    expect(decimalFromSafeInteger(0, 5).toString()).toBe("0");
  });
});
