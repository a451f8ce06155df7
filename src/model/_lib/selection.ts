// Which nodes a compiled evaluator returns, and what it must read and compute for them.
import { describeValue, TargetreeError } from "../../_lib/errors.js";
import { quote } from "../../formula/internal.js";
import { formulaIndexesFor } from "./engine.js";
import type { ModelInternals } from "./internals.js";

/** The nodes asked for, the inputs they read and the formulas they need, by slot. */
export interface Selection {
  /** Slots returned, in the order asked. */
  readonly outputSlots: readonly number[];
  /** Input slots read, in the model's input order. */
  readonly inputSlots: readonly number[];
  /** Formula indexes (slot − inputCount) computed, in topological order. */
  readonly formulaIndexes: Int32Array;
}

/** The selection of the given slots. */
export function selectSlots(internals: ModelInternals, outputSlots: readonly number[]): Selection {
  const { inputCount, reads } = internals;
  const formulas = new Set<number>();
  const inputs = new Set<number>();
  for (const slot of outputSlots) {
    if (slot < inputCount) inputs.add(slot);
    for (const index of formulaIndexesFor(internals, slot)) formulas.add(index);
  }
  for (const index of formulas) {
    for (const read of reads[index]!) if (read < inputCount) inputs.add(read);
  }
  return {
    outputSlots,
    inputSlots: [...inputs].sort((a, b) => a - b),
    formulaIndexes: Int32Array.from([...formulas].sort((a, b) => a - b)),
  };
}

/**
 * The slots of `outputs` (node names; `undefined` gives `fallback`). INVALID_ARGUMENT for a value
 * that is not an array of names or names a node twice, UNKNOWN_NODE for a name not in the model;
 * the path is `["options", "outputs", index]`.
 */
export function readOutputs(
  internals: ModelInternals,
  outputs: unknown,
  fallback: readonly number[],
): readonly number[] {
  if (outputs === undefined) return fallback;
  const path = ["options", "outputs"];
  if (!Array.isArray(outputs)) {
    throw new TargetreeError(
      "INVALID_ARGUMENT",
      `outputs must be an array of node names, got ${describeValue(outputs)}.`,
      { path },
    );
  }
  const slots: number[] = [];
  outputs.forEach((name: unknown, index) => {
    const slot = typeof name === "string" ? internals.slotOf.get(name.normalize("NFC")) : undefined;
    if (slot === undefined) {
      throw new TargetreeError(
        typeof name === "string" ? "UNKNOWN_NODE" : "INVALID_ARGUMENT",
        typeof name === "string"
          ? `${quote(name)} is not a node of the model.`
          : `outputs must hold node names, got ${describeValue(name)}.`,
        { path: [...path, index] },
      );
    }
    if (slots.includes(slot)) {
      throw new TargetreeError("INVALID_ARGUMENT", `${quote(name as string)} is asked for twice.`, {
        path: [...path, index],
      });
    }
    slots.push(slot);
  });
  return slots;
}
