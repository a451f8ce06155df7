// Exact Shapley attribution: every subset of changed inputs, weights |S|!(n−|S|−1)!/n!, in rationals.
import type { Decimal } from "../../_lib/decimal.js";
import { commonScale, pow10, type Rational } from "../../_lib/exact/index.js";
import type { OutputEvaluator } from "./chain.js";

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
