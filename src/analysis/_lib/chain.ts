// Sequential substitution (连环替代法) over an abstract evaluator.
import type { Decimal } from "../../_lib/decimal.js";
import { exactMinus } from "../../_lib/exact/index.js";

/** Evaluates the output for a full set of input values. */
export type OutputEvaluator = (values: ReadonlyMap<string, Decimal>) => Decimal;

export interface ChainStepData {
  /** The input substituted at this step; null for the starting row (all base values). */
  readonly input: string | null;
  /** Every varied input's value at this step. */
  readonly values: ReadonlyMap<string, Decimal>;
  /** The output at this step. */
  readonly output: Decimal;
  /** Output minus the previous step's output (zero for the starting row). */
  readonly change: Decimal;
}

export interface ChainData {
  readonly steps: readonly ChainStepData[];
  /** Contribution per input, in `order`. */
  readonly contributions: readonly Decimal[];
}

/**
 * Replaces base values by actual values one input at a time in `order`; each input's contribution is
 * the output change its substitution causes. Differences are exact, so they telescope to the change.
 */
export function chainSubstitution(
  evaluate: OutputEvaluator,
  base: ReadonlyMap<string, Decimal>,
  actual: ReadonlyMap<string, Decimal>,
  order: readonly string[],
): ChainData {
  const current = new Map(base);
  let previous = evaluate(current);
  const steps: ChainStepData[] = [
    {
      input: null,
      values: new Map(current),
      output: previous,
      change: exactMinus(previous, previous),
    },
  ];
  const contributions: Decimal[] = [];
  for (const name of order) {
    current.set(name, actual.get(name)!);
    const output = evaluate(current);
    const change = exactMinus(output, previous);
    steps.push({ input: name, values: new Map(current), output, change });
    contributions.push(change);
    previous = output;
  }
  return { steps, contributions };
}
