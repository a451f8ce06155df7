// The one largest remainder: its three forms (doubles, bigints, rational quotas) against a slow
// reference written with decimal.js, the fixed cases, and the selection behind the fast path.
import { Decimal as DecimalJs } from "decimal.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  fitsNumberPath,
  kthLargest,
  largestRemainderBigInt,
  largestRemainderNumber,
  type Rational,
  roundToTotal,
} from "../../../src/_lib/exact/index.js";
import { runs } from "../../_support/runs.js";

/**
 * 200 digits for the quotas. Their remainders are compared at 150 decimal places: two distinct
 * remainders here differ by more than 1e-15, and two equal ones (say 2000/30 and 5000/30, whose
 * 200-digit quotients end at different places) agree there.
 */
const Reference = DecimalJs.clone({ precision: 200 });
const COMPARED_PLACES = 150;

/**
 * The slow reference: decimal.js quotas, rounded with `mode`, then the units still missing one each
 * to the largest remainders (a surplus one each from the smallest), ties to the earlier part.
 */
function reference(
  quotas: readonly DecimalJs[],
  total: bigint,
  mode: DecimalJs.Rounding,
): bigint[] {
  const rounded = quotas.map((quota) => quota.toDecimalPlaces(0, mode));
  const remainders = quotas.map((quota, i) =>
    quota.minus(rounded[i]!).toDecimalPlaces(COMPARED_PLACES),
  );
  let missing = total - rounded.reduce((sum, value) => sum + BigInt(value.toFixed(0)), 0n);
  const units = rounded.map((value) => BigInt(value.toFixed(0)));
  const sign = missing > 0n ? 1 : -1;
  const order = units
    .map((_, i) => i)
    .sort((a, b) => sign * remainders[b]!.cmp(remainders[a]!) || a - b);
  for (const i of order) {
    if (missing === 0n) break;
    units[i] = units[i]! + BigInt(sign);
    missing -= BigInt(sign);
  }
  expect(missing).toBe(0n);
  return units;
}

/** The classic method: quotas units·w/Σw, floored, the rest to the largest remainders. */
function referenceSplit(units: bigint, weights: readonly bigint[]): bigint[] {
  const sum = weights.reduce((a, b) => a + b, 0n);
  const quotas = weights.map((w) => new Reference((units * w).toString()).div(sum.toString()));
  return reference(quotas, units, DecimalJs.ROUND_FLOOR);
}

const splits = fc.oneof(
  // Small weights, many ties.
  fc.tuple(fc.nat({ max: 1000 }), fc.array(fc.nat({ max: 5 }), { minLength: 1, maxLength: 40 })),
  fc.tuple(
    fc.nat({ max: 1_000_000 }),
    fc.array(fc.nat({ max: 1000 }), { minLength: 1, maxLength: 50 }),
  ),
  // Past 2^53 in units × weight.
  fc.tuple(
    fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
    fc.array(fc.integer({ min: 0, max: 2 ** 40 }), { minLength: 1, maxLength: 20 }),
  ),
);

describe("largest remainder against the slow reference", () => {
  it("gives the reference's counts on the double path, the bigint path and the rational form", () => {
    fc.assert(
      fc.property(splits, ([units, weights]) => {
        const sum = weights.reduce((a, b) => a + b, 0);
        fc.pre(sum > 0);
        const bigWeights = weights.map(BigInt);
        const expected = referenceSplit(BigInt(units), bigWeights);
        const bigSum = BigInt(sum);
        const quotas = bigWeights.map((w) => ({ num: BigInt(units) * w, den: bigSum }));
        expect(largestRemainderBigInt(BigInt(units), bigWeights, bigSum).counts).toEqual(expected);
        expect(roundToTotal(quotas, BigInt(units), "floor")?.units).toEqual(expected);
        if (fitsNumberPath(units, Math.max(...weights), sum)) {
          const fast = largestRemainderNumber(units, Float64Array.from(weights), sum);
          expect(Array.from(fast, BigInt)).toEqual(expected);
        }
      }),
      { numRuns: runs(300) },
    );
  });

  it("rounds rational quotas half-up and settles the residual as the reference does", () => {
    const fraction = fc.record({
      num: fc.bigInt({ min: -5000n, max: 5000n }),
      den: fc.bigInt({ min: 1n, max: 12n }),
    });
    fc.assert(
      fc.property(
        fc.array(fraction, { minLength: 0, maxLength: 12 }),
        fc.bigInt({ min: -50n, max: 50n }),
        fc.constantFrom(1n, 2n, 3n, 4n, 6n),
        (others, total, lastDen) => {
          // The last quota makes the exact sum `total`: total − Σ others, over a common denominator.
          const den = others.reduce((product: bigint, q) => product * q.den, lastDen);
          const rest = others.reduce((sum: bigint, q) => sum - q.num * (den / q.den), total * den);
          const quotas: Rational[] = [...others, { num: rest, den }];
          const decimalQuotas = quotas.map((q) =>
            new Reference(q.num.toString()).div(q.den.toString()),
          );
          const result = roundToTotal(quotas, total, "half-up");
          expect(result?.units).toEqual(reference(decimalQuotas, total, DecimalJs.ROUND_HALF_UP));
          expect(result!.units.reduce((a, b) => a + b, 0n)).toBe(total);
        },
      ),
      { numRuns: runs(300) },
    );
  });

  it("says when the quotas cannot be rounded to the total", () => {
    expect(roundToTotal([{ num: 1n, den: 2n }], 5n, "half-up")).toBeNull();
    expect(roundToTotal([], 0n, "floor")).toEqual({ units: [], residual: 0n });
  });
});

describe("largest remainder, fixed cases", () => {
  it("gives the leftover units to the largest remainders, ties to the earlier part, on both paths", () => {
    expect(largestRemainderBigInt(5n, [3n, 3n, 4n], 10n).counts).toEqual([2n, 1n, 2n]);
    expect(largestRemainderBigInt(5n, [3n, 3n, 4n], 10n).remainders).toEqual([5n, 5n, 0n]);
    expect(Array.from(largestRemainderNumber(5, Float64Array.from([3, 3, 4]), 10))).toEqual([
      2, 1, 2,
    ]);
    expect(Array.from(largestRemainderNumber(2, Float64Array.from([1, 1, 1]), 3))).toEqual([
      1, 1, 0,
    ]);
    expect(largestRemainderBigInt(2n, [1n, 1n, 1n], 3n).counts).toEqual([1n, 1n, 0n]);
  });

  it("takes a surplus unit from the smallest remainder, ties to the earlier part", () => {
    // −1/5, 3/5, 3/5 round half-up to 0, 1, 1: one unit too many, taken from the first 3/5.
    const quotas = [
      { num: -1n, den: 5n },
      { num: 3n, den: 5n },
      { num: 3n, den: 5n },
    ];
    expect(roundToTotal(quotas, 1n, "half-up")).toEqual({ units: [0n, 0n, 1n], residual: -1n });
  });

  it("gives the same counts on the number and bigint paths, past 2^53 too", () => {
    const small = fc.tuple(
      fc.nat({ max: 1_000_000 }),
      fc.array(fc.nat({ max: 1000 }), { minLength: 1, maxLength: 50 }),
    );
    const large = fc.tuple(
      fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
      fc.array(fc.integer({ min: 0, max: 2 ** 40 }), { minLength: 1, maxLength: 50 }),
    );
    fc.assert(
      fc.property(fc.oneof(small, large), ([units, weights]) => {
        const sum = weights.reduce((a, b) => a + b, 0);
        fc.pre(sum > 0);
        const fast = largestRemainderNumber(units, Float64Array.from(weights), sum);
        const exact = largestRemainderBigInt(
          BigInt(units),
          weights.map((w) => BigInt(w)),
          BigInt(sum),
        ).counts;
        expect(Array.from(fast, (c) => BigInt(c))).toEqual(exact);
      }),
      { numRuns: runs(400) },
    );
  });

  it("divides products beyond the safe integers exactly on the number path", () => {
    const weights = [2 ** 40, 3, 2 ** 40 - 7];
    const sum = weights.reduce((a, b) => a + b, 0);
    const expected = [4503599627378688, 12288, 4503599627350015];
    expect(
      Array.from(largestRemainderNumber(2 ** 53 - 1, Float64Array.from(weights), sum)),
    ).toEqual(expected);
    expect(
      largestRemainderBigInt(
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

describe("kthLargest", () => {
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
