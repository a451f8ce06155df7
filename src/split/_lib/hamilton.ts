/**
 * Largest remainder (Hamilton) on integers. `units` whole units go to parts in
 * proportion to integer weights: each part first gets ⌊units·w/W⌋, then the
 * units left over go one each to the parts with the largest remainders, ties to
 * the earlier part. Every part ends within one unit of its exact quota.
 */

/** Fast path: every weight, the weight sum and units × the largest weight are safe integers. */
export function hamiltonNumber(units: number, weights: Float64Array, sum: number): Float64Array {
  const count = weights.length;
  const counts = new Float64Array(count);
  if (units === 0) return counts;
  const remainders = new Float64Array(count);
  let given = 0;
  for (let i = 0; i < count; i++) {
    const product = units * weights[i]!;
    let whole = Math.floor(product / sum);
    let rest = product - whole * sum;
    // The float division may land one off near an integer; the exact rest corrects it.
    if (rest < 0) {
      whole -= 1;
      rest += sum;
    } else if (rest >= sum) {
      whole += 1;
      rest -= sum;
    }
    counts[i] = whole;
    remainders[i] = rest;
    given += whole;
  }
  const leftover = units - given;
  if (leftover > 0) giveToLargest(counts, remainders, leftover);
  return counts;
}

/** Adds one unit to each of the `leftover` parts with the largest remainders, ties to the earlier part. */
function giveToLargest(counts: Float64Array, remainders: Float64Array, leftover: number): void {
  const threshold = kthLargest(remainders, leftover);
  let left = leftover;
  for (let i = 0; i < counts.length; i++) {
    if (remainders[i]! > threshold) {
      counts[i]! += 1;
      left--;
    }
  }
  for (let i = 0; i < counts.length && left > 0; i++) {
    if (remainders[i] === threshold) {
      counts[i]! += 1;
      left--;
    }
  }
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

/** The exact path with bigints. Same rule and tie-break as {@link hamiltonNumber}. */
export function hamiltonBigInt(
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
  let leftover = units - given;
  if (leftover > 0n) {
    const order = Array.from(remainders.keys()).sort((a, b) => {
      const ra = remainders[a]!;
      const rb = remainders[b]!;
      return ra === rb ? a - b : ra > rb ? -1 : 1;
    });
    for (const position of order) {
      if (leftover === 0n) break;
      counts[position]! += 1n;
      leftover--;
    }
  }
  return { counts, remainders };
}
