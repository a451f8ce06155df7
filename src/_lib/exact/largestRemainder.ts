// Largest remainder (Hamilton), once: whole units go to parts in proportion to their quotas. Each part
// first gets its quota rounded (down, for a split), then the units still missing go one each to the
// parts with the largest remainders (a surplus is taken one each from the smallest), ties to the
// earlier part. Three forms share that rule: doubles (the fast path of a split), bigints (any size),
// and rational quotas (exact attribution).
import type { RoundingMode } from "../types.js";
import { divideRounded } from "./divide.js";
import { compareRationals, type Rational } from "./rational.js";

type Compare<K> = (a: K, b: K) => number;

/**
 * The tie-break rule, written once: calls `take(i)` for the `count` positions whose keys are the
 * largest, a tie going to the earlier position. `kth` is the count-th largest key: every key above
 * it is taken, then the keys equal to it in position order until `count` are taken.
 */
function takeLargest<K>(
  keys: ArrayLike<K>,
  count: number,
  kth: K,
  compare: Compare<K>,
  take: (position: number) => void,
): void {
  let left = count;
  for (let i = 0; i < keys.length; i++) {
    if (compare(keys[i]!, kth) > 0) {
      take(i);
      left--;
    }
  }
  for (let i = 0; i < keys.length && left > 0; i++) {
    if (compare(keys[i]!, kth) === 0) {
      take(i);
      left--;
    }
  }
}

/** The k-th largest key (1 ≤ k ≤ length), by sorting a copy. */
function kthLargestBy<K>(keys: readonly K[], k: number, compare: Compare<K>): K {
  return [...keys].sort((a, b) => compare(b, a))[k - 1]!;
}

/** Numbers or bigints in ascending order (one function for both, so a bundle holds it once). */
const compareNumbers = <K extends number | bigint>(a: K, b: K): number =>
  a > b ? 1 : a < b ? -1 : 0;
const compareBigInts: Compare<bigint> = compareNumbers;

/**
 * Largest remainder on doubles, exact: every weight and their sum are safe integers, and either
 * units × the largest weight is a safe integer or the sum is below 2^51 (see
 * {@link fitsNumberPath}). Each quota is split as units = a·sum + b, so that
 * units·w/sum = a·w + b·w/sum, and b·w is divided exactly even past 2^53.
 */
export function largestRemainderNumber(
  units: number,
  weights: Float64Array,
  sum: number,
): Float64Array {
  const count = weights.length;
  const counts = new Float64Array(count);
  if (units === 0) return counts;
  const remainders = new Float64Array(count);
  const whole = floorDivide(units, sum);
  const rest = units - whole * sum;
  const chunkBits = Math.max(1, 52 - bitLength(sum));
  let given = 0;
  for (let i = 0; i < count; i++) {
    const weight = weights[i]!;
    const product = rest * weight;
    let quotient: number;
    let remainder: number;
    if (product <= MAX_SAFE) {
      quotient = floorDivide(product, sum);
      remainder = product - quotient * sum;
    } else {
      [quotient, remainder] = multiplyDivide(rest, weight, sum, chunkBits);
    }
    counts[i] = whole * weight + quotient;
    remainders[i] = remainder;
    given += counts[i]!;
  }
  const leftover = units - given;
  if (leftover > 0) {
    takeLargest(remainders, leftover, kthLargest(remainders, leftover), compareNumbers, (i) => {
      counts[i]! += 1;
    });
  }
  return counts;
}

const MAX_SAFE = Number.MAX_SAFE_INTEGER;
const TWO_POW_51 = 2 ** 51;

/** True when {@link largestRemainderNumber} is exact for these sizes. */
export function fitsNumberPath(units: number, largest: number, sum: number): boolean {
  return units <= MAX_SAFE && sum <= MAX_SAFE && (largest * units <= MAX_SAFE || sum < TWO_POW_51);
}

/**
 * ⌊x / y⌋ for safe integers x ≥ 0, y > 0: the float quotient, corrected by one where it rounded
 * across an integer. The remainder x − ⌊x / y⌋·y is then exact. Small enough to be inlined in the
 * loop over the parts, and no array to allocate.
 */
function floorDivide(x: number, y: number): number {
  const quotient = Math.floor(x / y);
  const remainder = x - quotient * y;
  if (remainder < 0) return quotient - 1;
  if (remainder >= y) return quotient + 1;
  return quotient;
}

function bitLength(value: number): number {
  let bits = 0;
  for (let power = 1; power <= value; power *= 2) bits++;
  return bits;
}

/**
 * ⌊b·w / d⌋ and b·w mod d for b < d < 2^51 and w < 2^53, without leaving the safe
 * integers: long multiplication over `chunkBits`-bit digits of w, reducing modulo d
 * after each digit (every intermediate is below d·2^chunkBits ≤ 2^52).
 */
function multiplyDivide(b: number, w: number, d: number, chunkBits: number): [number, number] {
  const base = 2 ** chunkBits;
  let digits = 0;
  for (let rest = w; rest >= 1; rest = Math.floor(rest / base)) digits++;
  let quotient = 0;
  let remainder = 0;
  for (let k = digits - 1; k >= 0; k--) {
    const digit = Math.floor(w / base ** k) % base;
    const step = remainder * base + b * digit;
    const q = floorDivide(step, d);
    quotient = quotient * base + q;
    remainder = step - q * d;
  }
  return [quotient, remainder];
}

/**
 * The k-th largest value (k ≥ 1) by quickselect on a copy: linear on average. A
 * step budget falls back to the native typed-array sort, so the worst case stays
 * O(n log n).
 */
export function kthLargest(values: Float64Array, k: number): number {
  const copy = Float64Array.from(values);
  const target = copy.length - k;
  let low = 0;
  let high = copy.length - 1;
  let budget = 4 * Math.ceil(Math.log2(copy.length + 1)) + 16;
  while (high > low) {
    if (budget-- === 0) {
      const rest = copy.subarray(low, high + 1).sort();
      return rest[target - low]!;
    }
    const middle = low + ((high - low) >> 1);
    const pivot = medianOfThree(copy[low]!, copy[middle]!, copy[high]!);
    let i = low;
    let j = high;
    while (i <= j) {
      while (copy[i]! < pivot) i++;
      while (copy[j]! > pivot) j--;
      if (i <= j) {
        const swap = copy[i]!;
        copy[i] = copy[j]!;
        copy[j] = swap;
        i++;
        j--;
      }
    }
    if (target <= j) high = j;
    else if (target >= i) low = i;
    else return copy[target]!;
  }
  return copy[target]!;
}

function medianOfThree(a: number, b: number, c: number): number {
  if (a < b) return b < c ? b : a < c ? c : a;
  return a < c ? a : b < c ? c : b;
}

/**
 * Largest remainder on bigints, for any size: `units ≥ 0` over weights ≥ 0 with `sum` > 0. The
 * remainders are units·w mod sum, each over `sum`.
 */
export function largestRemainderBigInt(
  units: bigint,
  weights: readonly bigint[],
  sum: bigint,
): { readonly counts: bigint[]; readonly remainders: bigint[] } {
  const counts = new Array<bigint>(weights.length);
  const remainders = new Array<bigint>(weights.length);
  let given = 0n;
  for (let i = 0; i < weights.length; i++) {
    const product = units * weights[i]!;
    counts[i] = product / sum;
    remainders[i] = product % sum;
    given += counts[i]!;
  }
  const leftover = Number(units - given);
  if (leftover > 0) {
    const kth = kthLargestBy(remainders, leftover, compareBigInts);
    takeLargest(remainders, leftover, kth, compareBigInts, (i) => {
      counts[i]! += 1n;
    });
  }
  return { counts, remainders };
}

/**
 * Largest remainder on rational quotas (denominators > 0) that sum exactly to `total`: each quota
 * rounded with `mode` (`"floor"` is the classic method), then the units still missing go one each to
 * the largest remainders quota − rounded, or a surplus is taken one each from the smallest, ties to
 * the earlier part. `residual` is what the rounding missed (total − Σ rounded). Returns `null` when
 * one unit per part cannot close the residual: the quotas do not sum to the total.
 */
export function roundToTotal(
  quotas: readonly Rational[],
  total: bigint,
  mode: RoundingMode,
): { readonly units: bigint[]; readonly residual: bigint } | null {
  const units = quotas.map((quota) => divideRounded(quota.num, quota.den, mode));
  let residual = total;
  for (const unit of units) residual -= unit;
  if (residual === 0n) return { units, residual };
  const count = Number(residual < 0n ? -residual : residual);
  if (count > units.length) return null;
  const remainders: Rational[] = quotas.map((quota, i) => ({
    num: quota.num - units[i]! * quota.den,
    den: quota.den,
  }));
  // A surplus comes from the smallest remainders: the largest under the reversed order.
  const step = residual > 0n ? 1n : -1n;
  const compare: Compare<Rational> =
    step > 0n ? compareRationals : (a, b) => compareRationals(b, a);
  takeLargest(remainders, count, kthLargestBy(remainders, count, compare), compare, (i) => {
    units[i] = units[i]! + step;
  });
  return { units, residual };
}
