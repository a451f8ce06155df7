// Exact Shapley attribution: every subset of changed inputs, weights |S|!(n−|S|−1)!/n!, in rationals.
import type { Decimal } from "../../_lib/decimal.js";
import { commonScale, pow10, type Rational } from "../../_lib/exact/index.js";
import type { OutputEvaluator } from "./chain.js";
import { NotRational, rationalOf } from "./rationalOutput.js";

export interface ShapleyData {
  /** Each player's exact Shapley value, in `players` order. */
  readonly values: readonly Rational[];
  /** Output with every player at its base value, and at its actual value. */
  readonly baseOutput: Decimal;
  readonly actualOutput: Decimal;
  /** Model evaluations made (2^n). */
  readonly evaluations: number;
}

function factorials(n: number): bigint[] {
  const out = [1n];
  for (let k = 1; k <= n; k++) out.push(out[k - 1]! * BigInt(k));
  return out;
}

/**
 * Evaluates the output on all 2^n mixes of base and actual values (bit i set = player i at its actual
 * value) and returns the exact Shapley values. They sum exactly to actualOutput − baseOutput.
 */
export function exactShapley(
  evaluate: OutputEvaluator,
  base: ReadonlyMap<string, Decimal>,
  actual: ReadonlyMap<string, Decimal>,
  players: readonly string[],
): ShapleyData {
  const n = players.length;
  const size = 1 << n;
  const outputs: Decimal[] = [];
  const values = new Map(base);
  for (let mask = 0; mask < size; mask++) {
    players.forEach((name, bit) => {
      values.set(name, ((mask >> bit) & 1) === 1 ? actual.get(name)! : base.get(name)!);
    });
    outputs.push(evaluate(values));
  }
  const { mantissas: ints, scale } = commonScale(outputs);
  const factorial = factorials(n);
  const popcount = (mask: number): number => {
    let count = 0;
    for (let rest = mask; rest !== 0; rest &= rest - 1) count++;
    return count;
  };
  const weights = Array.from({ length: n }, (_, s) => factorial[s]! * factorial[n - s - 1]!);
  const denominator = factorial[n]! * pow10(scale);
  const shapley: Rational[] = players.map((_, bit) => {
    let numerator = 0n;
    const own = 1 << bit;
    for (let mask = 0; mask < size; mask++) {
      if ((mask & own) !== 0) continue;
      numerator += weights[popcount(mask)]! * (ints[mask | own]! - ints[mask]!);
    }
    return { num: numerator, den: denominator };
  });
  return {
    values: shapley,
    baseOutput: outputs[0]!,
    actualOutput: outputs[size - 1]!,
    evaluations: size,
  };
}

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

/**
 * The exact Shapley values from the output on every coalition (`outputs[mask]`, bit i set = player
 * i at its actual value), given as exact rationals: they sum exactly to the last minus the first.
 */
export function shapleyOfRationals(outputs: readonly Rational[], n: number): Rational[] {
  let common = 1n;
  for (const { den } of outputs) common = (common / gcd(common, den)) * den;
  const ints = outputs.map(({ num, den }) => num * (common / den));
  const size = 1 << n;
  const factorial = factorials(n);
  const weights = Array.from({ length: n }, (_, s) => factorial[s]! * factorial[n - s - 1]!);
  const popcount = (mask: number): number => {
    let count = 0;
    for (let rest = mask; rest !== 0; rest &= rest - 1) count++;
    return count;
  };
  return Array.from({ length: n }, (_, bit) => {
    let numerator = 0n;
    const own = 1 << bit;
    for (let mask = 0; mask < size; mask++) {
      if ((mask & own) !== 0) continue;
      numerator += weights[popcount(mask)]! * (ints[mask | own]! - ints[mask]!);
    }
    return { num: numerator, den: factorial[n]! * common };
  });
}

/**
 * The Shapley values in exact rationals, the model evaluated without rounding on every coalition;
 * or why there are none (a fractional power, sqrt, fractions past the size limit).
 */
export function rationalShapley(
  evaluate: (values: ReadonlyMap<string, Rational>) => Rational,
  base: ReadonlyMap<string, Decimal>,
  actual: ReadonlyMap<string, Decimal>,
  players: readonly string[],
): { readonly values: readonly Rational[] } | { readonly reason: string } {
  const size = 1 << players.length;
  const values = new Map<string, Rational>();
  for (const [name, value] of base) values.set(name, rationalOf(value));
  const baseOf = new Map(players.map((name) => [name, values.get(name)!]));
  const actualOf = new Map(players.map((name) => [name, rationalOf(actual.get(name)!)]));
  const outputs: Rational[] = [];
  try {
    for (let mask = 0; mask < size; mask++) {
      players.forEach((name, bit) => {
        values.set(name, ((mask >> bit) & 1) === 1 ? actualOf.get(name)! : baseOf.get(name)!);
      });
      outputs.push(evaluate(values));
    }
  } catch (error) {
    if (error instanceof NotRational) return { reason: error.message };
    throw error;
  }
  return { values: shapleyOfRationals(outputs, players.length) };
}
