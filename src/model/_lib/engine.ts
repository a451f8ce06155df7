// Fast evaluation on pre-compiled closures, for evaluate-many tools (compileModel, and the goal
// seek / sensitivity / attribution tools built on models). Values live in slot arrays.

import type { Decimal } from "../../_lib/decimal.js";
import { type ErrorPath, TargetreeError } from "../../_lib/errors.js";
import { quote } from "../../formula/internal.js";
import type { Model } from "../types.js";
import { checkInput } from "./inputs.js";
import { internalsOf, type ModelInternals } from "./internals.js";

/** Computes every formula slot, in order, from filled input slots. Mutates and returns `values`. */
export function runAll(internals: ModelInternals, values: Decimal[]): Decimal[] {
  const { steps, inputCount } = internals;
  for (let i = 0; i < steps.length; i++) values[inputCount + i] = steps[i]!(values);
  return values;
}

/** Formula indexes (slot − inputCount) that `slot` needs, in topological order. */
export function formulaIndexesFor(internals: ModelInternals, slot: number): number[] {
  const { inputCount, reads } = internals;
  if (slot < inputCount) return [];
  const needed = new Set<number>([slot - inputCount]);
  const stack = [slot - inputCount];
  while (stack.length > 0) {
    for (const read of reads[stack.pop()!]!) {
      const index = read - inputCount;
      if (index >= 0 && !needed.has(index)) {
        needed.add(index);
        stack.push(index);
      }
    }
  }
  return [...needed].sort((a, b) => a - b);
}

function slotOrThrow(internals: ModelInternals, name: string, path: ErrorPath): number {
  const slot = internals.slotOf.get(name);
  if (slot === undefined) {
    throw new TargetreeError("UNKNOWN_NODE", `${quote(name)} is not a node of the model.`, {
      path,
    });
  }
  return slot;
}

/**
 * Every node's value from input values (a Map by input name), with optional overrides: an
 * overridden node (input or formula) takes the given value and formulas reading it follow.
 * Input values are taken as given (no bounds check). MISSING_INPUT for an input with neither a
 * value nor an override.
 */
export function evaluateWithOverrides(
  model: Model,
  inputs: ReadonlyMap<string, Decimal>,
  overrides: ReadonlyMap<string, Decimal> = new Map(),
): Map<string, Decimal> {
  const internals = internalsOf(model);
  const { names, inputCount, steps } = internals;
  // Stryker disable next-line ArrayDeclaration: every slot is written before it is read
  const values: Decimal[] = new Array(names.length);
  const pinned = new Map<number, Decimal>();
  for (const [name, value] of overrides) {
    pinned.set(slotOrThrow(internals, name, ["overrides", name]), value);
  }
  for (let slot = 0; slot < inputCount; slot++) {
    const name = names[slot]!;
    const value = pinned.get(slot) ?? inputs.get(name);
    if (value === undefined) {
      throw new TargetreeError("MISSING_INPUT", `The input ${quote(name)} was not given.`, {
        path: ["inputs", name],
      });
    }
    values[slot] = value;
  }
  for (let i = 0; i < steps.length; i++) {
    values[inputCount + i] = pinned.get(inputCount + i) ?? steps[i]!(values);
  }
  return new Map(names.map((name, slot) => [name, values[slot]!]));
}

/**
 * An evaluator of one node that computes only the formulas it reads. The returned function takes
 * input values by name (inputs the output does not read may be absent) and throws the formulas'
 * TargetreeErrors (division by zero, …).
 */
export function outputEvaluator(
  model: Model,
  output: string,
): (inputs: ReadonlyMap<string, Decimal>) => Decimal {
  const internals = internalsOf(model);
  const { names, inputCount, steps } = internals;
  const slot = slotOrThrow(internals, output, ["output"]);
  const indexes = formulaIndexesFor(internals, slot);
  return (inputs) => {
    // Stryker disable next-line ArrayDeclaration: only written slots are read
    const values: Decimal[] = new Array(names.length);
    for (let input = 0; input < inputCount; input++) {
      const value = inputs.get(names[input]!);
      if (value !== undefined) values[input] = value;
    }
    if (slot < inputCount) {
      const value = values[slot];
      if (value === undefined) {
        throw new TargetreeError("MISSING_INPUT", `The input ${quote(output)} was not given.`, {
          path: ["inputs", output],
        });
      }
      return value;
    }
    for (const index of indexes) {
      for (const read of internals.reads[index]!) {
        if (values[read] === undefined) {
          throw new TargetreeError(
            "MISSING_INPUT",
            `The input ${quote(names[read]!)} was not given.`,
            { path: ["inputs", names[read]!] },
          );
        }
      }
      values[inputCount + index] = steps[index]!(values);
    }
    return values[slot]!;
  };
}

/** Checks a candidate value of an input against its declared bounds (OUT_OF_BOUNDS, NOT_A_WHOLE_NUMBER). */
export function checkInputValue(
  model: Model,
  input: string,
  value: Decimal,
  path: ErrorPath = ["inputs", input],
): Decimal {
  const internals = internalsOf(model);
  const slot = slotOrThrow(internals, input, path);
  const rule = internals.rules[slot];
  if (rule === undefined) {
    throw new TargetreeError("INVALID_ARGUMENT", `${quote(input)} is not an input.`, { path });
  }
  return checkInput(rule, value, path);
}
