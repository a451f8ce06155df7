// What defineModel precomputes for evaluation, kept on the model under a private symbol.
import type { Decimal } from "../../_lib/decimal.js";
import { describeValue, type ErrorPath, TargetreeError } from "../../_lib/errors.js";
import type { FormulaSource } from "../../formula/internal.js";
import type { NumberFn } from "./compile.js";

/** An input's checks, with bounds pre-converted for fast comparison of JS numbers. */
export interface InputRule {
  readonly name: string;
  readonly min: Decimal | null;
  readonly max: Decimal | null;
  readonly wholeNumber: boolean;
  /**
   * The bounds as JS numbers when comparing a JS number against them gives exactly the Decimal
   * comparison (the bound is the shortest decimal of a double); otherwise null.
   */
  readonly minNumber: number | null;
  readonly maxNumber: number | null;
  /** True when every declared bound has a number form (so numbers never need a Decimal compare). */
  readonly numberBoundsExact: boolean;
}

export interface ModelInternals {
  /** Slot → name: the model's `order` (inputs first). */
  readonly names: readonly string[];
  readonly slotOf: ReadonlyMap<string, number>;
  readonly inputCount: number;
  /** One per input slot. */
  readonly rules: readonly InputRule[];
  /** One per formula slot: `steps[i]` computes slot `inputCount + i` from the earlier slots. */
  readonly steps: readonly NumberFn[];
  /** One per formula slot, for located errors. */
  readonly sources: readonly FormulaSource[];
  /** Slots each formula slot reads directly (by formula index). */
  readonly reads: readonly (readonly number[])[];
  /** Work units of one evaluation of each formula, and its costly powers (by formula index; cost.ts). */
  readonly costs: { readonly units: readonly number[]; readonly costlyPowers: readonly number[] };
}

export const INTERNALS: unique symbol = /* @__PURE__ */ Symbol("targetree.model");

/** The brand a model carries under INTERNALS: its internals, and the model they were built for. */
export interface ModelBrand {
  /** The model the internals belong to: a brand copied onto another object is refused. */
  readonly owner: object;
  readonly internals: ModelInternals;
}

/** Gives `model` its internals as an own, non-enumerable brand. Call before freezing it. */
export function brandModel(model: object, internals: ModelInternals): void {
  const brand: ModelBrand = Object.freeze({ owner: model, internals });
  Object.defineProperty(model, INTERNALS, { value: brand, enumerable: false });
}

/**
 * The internals of a model made by defineModel; INVALID_ARGUMENT for anything else. The brand
 * must be the value's own property and name the value as its owner, so `Object.create(model)`,
 * a Proxy of a model or an object the brand was copied onto is not a model.
 */
export function internalsOf(model: unknown, path: ErrorPath = ["model"]): ModelInternals {
  const brand =
    typeof model === "object" && model !== null
      ? (Object.getOwnPropertyDescriptor(model, INTERNALS)?.value as ModelBrand | undefined)
      : undefined;
  if (brand === undefined || brand.owner !== model) {
    throw new TargetreeError(
      "INVALID_ARGUMENT",
      `Expected a model made by defineModel, got ${describeValue(model)}.`,
      { path },
    );
  }
  return brand.internals;
}
