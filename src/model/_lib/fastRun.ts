// Running a compiled model on the fast path: slot values live as int53 mantissas and scales in a
// scratch the evaluator reuses from row to row; a slot's Decimal is built only when a Decimal
// formula reads it or a caller asks for it. A formula whose fast form gives NaN (overflow, an
// operand held only as a Decimal) or that has none (division, sqrt, fractional powers) is computed
// by its Decimal closure — the same checked arithmetic `evaluate` uses, errors and costs included.
import type { Decimal } from "../../_lib/decimal.js";
import type { ErrorPath } from "../../_lib/errors.js";
import {
  decimalFromSafeInteger,
  numberScale,
  SAFE_POWERS_OF_TEN,
  safeScaledOf,
} from "../../_lib/exact/index.js";
import type { Model } from "../types.js";
import { compileFast, type FastFn, type Register } from "./fastCompile.js";
import { convertInput } from "./inputs.js";
import type { InputRule, ModelInternals } from "./internals.js";

/** A model's formulas in both forms, with what the runner needs to pick between them. */
export interface FastModel {
  readonly internals: ModelInternals;
  /** One per formula slot: its fast form, or null when it has none. */
  readonly fast: readonly (FastFn | null)[];
  readonly register: Register;
  /** Per slot: true when some fast form reads it (so a Decimal result there is worth converting). */
  readonly readByFast: readonly boolean[];
}

/** Per-evaluation values by slot: a mantissa and scale (NaN mantissa: held only as a Decimal), and the Decimal once built. */
export interface Scratch {
  readonly mantissas: Float64Array;
  readonly scales: Int32Array;
  readonly decimals: (Decimal | undefined)[];
}

/** Compiles every formula of a model to its fast form (once, by compileModel). */
export function compileFastModel(model: Model, internals: ModelInternals): FastModel {
  const register: Register = { scale: 0 };
  const { names, inputCount, slotOf } = internals;
  const fast = names
    .slice(inputCount)
    .map((name) => compileFast(model.nodes[name]!.ast!, slotOf, register));
  const readByFast = names.map(() => false);
  fast.forEach((form, index) => {
    if (form !== null) for (const read of internals.reads[index]!) readByFast[read] = true;
  });
  return { internals, fast, register, readByFast };
}

export function newScratch(size: number): Scratch {
  return {
    mantissas: new Float64Array(size),
    scales: new Int32Array(size),
    decimals: new Array<Decimal | undefined>(size).fill(undefined),
  };
}

/** Holds a Decimal in a slot, with its fast form when it has one. */
export function setDecimal(scratch: Scratch, slot: number, value: Decimal): void {
  scratch.decimals[slot] = value;
  const scaled = safeScaledOf(value);
  scratch.mantissas[slot] = scaled === null ? Number.NaN : scaled.mantissa;
  scratch.scales[slot] = scaled === null ? 0 : scaled.scale;
}

/**
 * Reads one caller value into an input slot, with exactly the checks and errors of convertInput: a
 * JS number inside the input's bounds takes the fast path (no Decimal built), anything else goes
 * through convertInput.
 */
export function setInput(
  scratch: Scratch,
  slot: number,
  raw: unknown,
  rule: InputRule,
  pathPrefix: ErrorPath,
): void {
  if (
    typeof raw === "number" &&
    rule.numberBoundsExact &&
    raw - raw === 0 &&
    (rule.minNumber === null || raw >= rule.minNumber) &&
    (rule.maxNumber === null || raw <= rule.maxNumber) &&
    (!rule.wholeNumber || Number.isInteger(raw))
  ) {
    // The places of this input in the row before are the likely places of this one.
    const places = numberScale(raw, scratch.scales[slot]);
    if (places >= 0) {
      // + 0 turns −0 into 0, as decimal.js holds it.
      scratch.mantissas[slot] =
        places === 0 ? raw + 0 : Math.round(raw * SAFE_POWERS_OF_TEN[places]!);
      scratch.scales[slot] = places;
      scratch.decimals[slot] = undefined;
      return;
    }
  }
  setDecimal(scratch, slot, convertInput(raw, rule, pathPrefix));
}

/** The Decimal in a slot, built from its mantissa and scale when it was not held as one. */
export function decimalAt(scratch: Scratch, slot: number): Decimal {
  return (
    scratch.decimals[slot] ??
    decimalFromSafeInteger(scratch.mantissas[slot]!, scratch.scales[slot]!)
  );
}

/** Computes the formulas `indexes` (topological order) from filled input slots. */
export function runFormulas(model: FastModel, scratch: Scratch, indexes: Int32Array): void {
  const { fast, register, readByFast, internals } = model;
  const { inputCount, steps, reads } = internals;
  const { mantissas, scales, decimals } = scratch;
  for (let k = 0; k < indexes.length; k++) {
    const index = indexes[k]!;
    const slot = inputCount + index;
    const form = fast[index]!;
    if (form !== null) {
      const mantissa = form(mantissas, scales);
      if (!Number.isNaN(mantissa)) {
        mantissas[slot] = mantissa + 0;
        scales[slot] = register.scale;
        decimals[slot] = undefined;
        continue;
      }
    }
    // The Decimal path: build the Decimals this formula reads, then its closure computes it.
    const read = reads[index]!;
    for (let r = 0; r < read.length; r++) {
      const from = read[r]!;
      if (decimals[from] === undefined) {
        decimals[from] = decimalFromSafeInteger(mantissas[from]!, scales[from]!);
      }
    }
    const value = steps[index]!(decimals as Decimal[]);
    if (readByFast[slot]) setDecimal(scratch, slot, value);
    else {
      decimals[slot] = value;
      mantissas[slot] = Number.NaN;
    }
  }
}

/**
 * A slot's value as decimal text, identical to `decimalAt(…).toString()`, written from the
 * mantissa without building a Decimal where that is plain notation (fewer than 40 places).
 */
export function textAt(scratch: Scratch, slot: number): string {
  const held = scratch.decimals[slot];
  if (held !== undefined) return held.toString();
  const mantissa = scratch.mantissas[slot]!;
  const scale = scratch.scales[slot]!;
  if (scale === 0 || mantissa === 0) return String(mantissa);
  // decimal.js writes |x| < 1e-40 (exponent ≤ toExpNeg) in exponential notation.
  if (scale >= 40) return decimalAt(scratch, slot).toString();
  const negative = mantissa < 0;
  let digits = String(negative ? -mantissa : mantissa);
  let places = scale;
  let end = digits.length;
  while (places > 0 && digits.charCodeAt(end - 1) === 48) {
    end--;
    places--;
  }
  digits = digits.slice(0, end);
  if (places > 0) {
    if (digits.length <= places) digits = `0.${"0".repeat(places - digits.length)}${digits}`;
    else
      digits = `${digits.slice(0, digits.length - places)}.${digits.slice(digits.length - places)}`;
  }
  return negative ? `-${digits}` : digits;
}
