import type { ErrorPath } from "../../_lib/errors.js";
import { TargetreeError } from "../../_lib/errors.js";
import type { Scaled } from "../../_lib/exact/index.js";
import {
  fitsNumberPath,
  largestRemainderBigInt,
  largestRemainderNumber,
  showUnits,
  unitsToDecimal,
} from "../../_lib/exact/index.js";
import { checkSplitSize, unitDigits } from "./size.js";
import type { IntWeights } from "./weights.js";
import { toBigIntWeights } from "./weights.js";

/** Where each part sits in the caller's input, for error messages. */
export interface PartNames {
  /** Label of part `i` in a message, e.g. `"华东"` or `#3`. */
  label(position: number): string;
  /** Path of an option (`"holds"`, `"min"`, `"max"`, `"weights"`), for part `i` when given. */
  path(option: "holds" | "min" | "max" | "weights", position?: number): ErrorPath;
}

/** A split of a whole number of units. Bounds are already whole units: ⌈min⌉ and ⌊max⌋. */
export interface SpreadInput {
  readonly units: bigint;
  readonly weights: IntWeights;
  readonly holds: readonly (bigint | undefined)[] | null;
  readonly lower: readonly (bigint | undefined)[] | null;
  readonly upper: readonly (bigint | undefined)[] | null;
  readonly onZeroWeights: "even" | "error";
  readonly unit: Scaled;
  readonly names: PartNames;
}

export interface SpreadOutput {
  /** Whole units per part: a Float64Array on the fast path, bigints otherwise. */
  readonly counts: Float64Array | readonly bigint[];
}

const MAX_SAFE = Number.MAX_SAFE_INTEGER;

/** Splits `units` by largest remainder, with holds, bounds and the zero-weight rule. */
export function spreadUnits(input: SpreadInput): SpreadOutput {
  checkSplitSize({
    parts: input.weights.values.length,
    digits: unitDigits(input.units),
    unit: unitsToDecimal(1n, input.unit),
    path: input.names.path("weights"),
  });
  const fast = input.holds === null && input.lower === null && input.upper === null;
  if (fast && input.weights.kind === "number") {
    const result = spreadFast(input, input.weights.values, input.weights.sum);
    if (result !== null) return { counts: result };
  }
  return spreadExact(input);
}

function spreadFast(input: SpreadInput, weights: Float64Array, sum: number): Float64Array | null {
  const { units } = input;
  const magnitude = units < 0n ? -units : units;
  if (magnitude > BigInt(MAX_SAFE)) return null;
  const total = Number(magnitude);
  let effective = weights;
  let effectiveSum = sum;
  if (sum === 0) {
    if (total === 0) return new Float64Array(weights.length);
    if (input.onZeroWeights === "error") throw zeroWeightsError(input);
    effective = new Float64Array(weights.length).fill(1);
    effectiveSum = weights.length;
  }
  let largest = 0;
  for (let i = 0; i < effective.length; i++) if (effective[i]! > largest) largest = effective[i]!;
  if (!fitsNumberPath(total, largest, effectiveSum)) return null;
  const counts = largestRemainderNumber(total, effective, effectiveSum);
  if (units < 0n) for (let i = 0; i < counts.length; i++) counts[i] = -counts[i]! || 0;
  return counts;
}

function zeroWeightsError(input: SpreadInput): TargetreeError {
  return new TargetreeError(
    "ZERO_WEIGHTS",
    'Every weight is zero, so there is no proportion to split by; use onZeroWeights: "even" to split evenly.',
    { path: input.names.path("weights") },
  );
}

function spreadExact(input: SpreadInput): SpreadOutput {
  const { units, holds, names, unit } = input;
  const count = input.weights.values.length;
  const counts = new Array<bigint>(count).fill(0n);
  let held = 0n;
  const free: number[] = [];
  for (let i = 0; i < count; i++) {
    const hold = holds?.[i];
    if (hold === undefined) free.push(i);
    else {
      counts[i] = hold;
      held += hold;
    }
  }
  if (units >= 0n ? held > units : held < units) {
    throw new TargetreeError(
      "HOLDS_EXCEED_TOTAL",
      `The held parts add up to ${showUnits(held, unit)}, ${units >= 0n ? "more" : "less"} than the total ${showUnits(units, unit)}.`,
      {
        path: names.path("holds"),
        details: { held: showUnits(held, unit), total: showUnits(units, unit) },
      },
    );
  }
  const rest = units - held;
  if (free.length === 0) {
    if (rest !== 0n) {
      throw new TargetreeError(
        "NO_FREE_PARTS",
        `Every part is held: the holds add up to ${showUnits(held, unit)} and the total is ${showUnits(units, unit)}, so ${showUnits(rest, unit)} has no part to go to.`,
        { path: names.path("holds") },
      );
    }
    return { counts };
  }
  const mirrored = rest < 0n;
  const allWeights = toBigIntWeights(input.weights);
  let weights = free.map((i) => allWeights[i]!);
  if (weights.every((w) => w === 0n)) {
    if (rest !== 0n && input.onZeroWeights === "error") throw zeroWeightsError(input);
    weights = weights.map(() => 1n);
  }
  // Work with a non-negative amount: a negative one is the mirror image.
  const lower: bigint[] = [];
  const upper: (bigint | null)[] = [];
  for (const i of free) {
    const min = input.lower?.[i];
    const max = input.upper?.[i];
    const low = mirrored ? (max === undefined ? undefined : -max) : min;
    const high = mirrored ? (min === undefined ? null : -min) : (max ?? null);
    lower.push(low !== undefined && low > 0n ? low : 0n);
    upper.push(high);
  }
  checkBounds(input, free, weights, lower, upper, mirrored ? -rest : rest, mirrored, held);
  const values = waterfill(mirrored ? -rest : rest, weights, lower, upper);
  free.forEach((i, k) => {
    counts[i] = mirrored ? -values[k]! : values[k]!;
  });
  return { counts };
}

/** Throws INFEASIBLE_BOUNDS, in the caller's orientation, when no split can meet the bounds. */
function checkBounds(
  input: SpreadInput,
  free: readonly number[],
  weights: readonly bigint[],
  lower: readonly bigint[],
  upper: readonly (bigint | null)[],
  amount: bigint,
  mirrored: boolean,
  held: bigint,
): void {
  const { unit, names } = input;
  const sign = mirrored ? -1n : 1n;
  const show = (units: bigint): string => showUnits(units * sign, unit);
  const bound = (high: boolean): "min" | "max" => (high !== mirrored ? "max" : "min");
  free.forEach((i, k) => {
    const high = upper[k];
    if (high !== null && high !== undefined && high < lower[k]!) {
      const explicitLow = (mirrored ? input.upper?.[i] : input.lower?.[i]) !== undefined;
      throw new TargetreeError(
        "INFEASIBLE_BOUNDS",
        explicitLow
          ? `Part ${names.label(i)} has ${bound(false)} ${show(lower[k]!)} beyond its ${bound(true)} ${show(high)} (in whole units of ${showUnits(1n, unit)}).`
          : `Part ${names.label(i)} has ${bound(true)} ${show(high)}, but its value has the sign of the amount to split (${show(amount)}), so it cannot reach that bound.`,
        { path: names.path(bound(true), i) },
      );
    }
  });
  const afterHolds = held === 0n ? "" : ` (after holds of ${showUnits(held, unit)})`;
  const lowSum = lower.reduce((a, b) => a + b, 0n);
  if (lowSum > amount) {
    throw new TargetreeError(
      "INFEASIBLE_BOUNDS",
      `The ${bound(false)}imums of the free parts add up to ${show(lowSum)}, beyond the ${show(amount)} left to split${afterHolds}.`,
      { path: names.path(bound(false)), details: { bounds: show(lowSum), amount: show(amount) } },
    );
  }
  let capacity = 0n;
  let unbounded = false;
  weights.forEach((w, k) => {
    if (w === 0n) capacity += lower[k]!;
    else if (upper[k] === null) unbounded = true;
    else capacity += upper[k]!;
  });
  if (!unbounded && capacity < amount) {
    throw new TargetreeError(
      "INFEASIBLE_BOUNDS",
      `The ${bound(true)}imums of the free parts allow at most ${show(capacity)}, short of the ${show(amount)} left to split${afterHolds}` +
        `${weights.some((w) => w === 0n) ? " (parts with zero weight stay at their bound or zero)" : ""}.`,
      { path: names.path(bound(true)), details: { bounds: show(capacity), amount: show(amount) } },
    );
  }
}

/**
 * Water-filling: the parts are clamp(λ·w, lower, upper) for the one level λ that
 * makes them sum to `amount`. Each round computes the pro-rata quotas of what is
 * left over the unfixed parts; if the quotas overshoot the maximums by more than
 * they undershoot the minimums, λ can only rise, so every part over its maximum is
 * at its maximum in the final answer and is fixed there (and symmetrically for
 * minimums; both when equal). Each round fixes at least one part. The last round's
 * quotas lie within their bounds, and largest remainder rounds them without leaving
 * them, because the bounds are whole units.
 */
function waterfill(
  amount: bigint,
  weights: readonly bigint[],
  lower: readonly bigint[],
  upper: readonly (bigint | null)[],
): bigint[] {
  const count = weights.length;
  const values = new Array<bigint>(count).fill(0n);
  // Parts fixed at a bound; the rest share what is left pro rata.
  const fixed = new Array<boolean>(count).fill(false);
  for (;;) {
    let left = amount;
    let weightSum = 0n;
    const active: number[] = [];
    for (let k = 0; k < count; k++) {
      if (!fixed[k]) {
        active.push(k);
        weightSum += weights[k]!;
      } else left -= values[k]!;
    }
    if (active.length === 0) return values;
    if (weightSum === 0n) {
      // Only zero-weight parts remain; the bounds check guarantees they sit at their minimum.
      for (const k of active) values[k] = lower[k]!;
      return values;
    }
    let over = 0n;
    let under = 0n;
    for (const k of active) {
      const scaled = left * weights[k]!;
      const high = upper[k];
      if (high !== null && high !== undefined && scaled > high * weightSum) {
        over += scaled - high * weightSum;
      } else if (scaled < lower[k]! * weightSum) under += lower[k]! * weightSum - scaled;
    }
    if (over === 0n && under === 0n) {
      const activeWeights = active.map((k) => weights[k]!);
      const { counts } = largestRemainderBigInt(left, activeWeights, weightSum);
      active.forEach((k, j) => {
        values[k] = counts[j]!;
      });
      return values;
    }
    for (const k of active) {
      const scaled = left * weights[k]!;
      const high = upper[k];
      if (over >= under && high !== null && high !== undefined && scaled > high * weightSum) {
        values[k] = high;
        fixed[k] = true;
      } else if (under >= over && scaled < lower[k]! * weightSum) {
        values[k] = lower[k]!;
        fixed[k] = true;
      }
    }
  }
}
