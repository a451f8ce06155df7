import type { Decimal } from "../_lib/decimal.js";
import type { Numeric, UnitOptions } from "../_lib/types.js";
import type { AmountForm, AmountOf } from "./_lib/output.js";
import { integerScale, unitsIn } from "./_lib/output.js";
import { runAllocate, shapeLike } from "./_lib/run.js";

export type { AmountForm, AmountOf } from "./_lib/output.js";

/** Weights to split by: an array (results by position) or a record (results by key, in key order). */
export type AllocateWeights = readonly Numeric[] | Readonly<Record<string, Numeric>>;

/** A value per part: a record keyed like the weights, or an array by position for array weights. */
export type PerPart = Readonly<Record<string, Numeric>> | readonly (Numeric | null | undefined)[];

/** Options of {@link allocate}. */
export interface AllocateOptions extends UnitOptions {
  /**
   * Parts fixed at a value (whole multiples of the unit). The rest of the total is
   * spread over the other parts. Bounds do not apply to held parts.
   */
  readonly holds?: PerPart;
  /** Lowest value per part, or one value for every part. Clipped parts are fixed and the rest re-spread. */
  readonly min?: Numeric | PerPart;
  /** Highest value per part, or one value for every part. */
  readonly max?: Numeric | PerPart;
  /** When every (unheld) weight is zero: split evenly (`"even"`, default) or throw `ZERO_WEIGHTS` (`"error"`). */
  readonly onZeroWeights?: "even" | "error";
  /**
   * Round a total that is not a whole multiple of `unit` to the unit first, with
   * `rounding` (default half-up). Default `false`: such a total throws
   * `NOT_A_MULTIPLE_OF_UNIT`, so no remainder is ever lost silently.
   */
  readonly roundTotal?: boolean;
  /**
   * The form of the parts: `"decimal"` (default) Decimals; `"units"` safe-integer numbers in minor
   * units (cents for the default unit 0.01) with their `scale`; `"bigint"` the same as bigints.
   * The integer forms skip building Decimals, for callers who store minor units.
   */
  readonly as?: AmountForm;
}

/**
 * A split in integer minor units (`as: "units"` or `"bigint"`): each amount n stands for
 * n × 10^-scale; `scale` is the unit's decimal places (2 for 0.01, 0 for 1 or 万).
 */
export interface IntegerSplit<P, N extends number | bigint> {
  /** The parts, shaped like the weights: an array by position or a null-prototype record by key. */
  readonly parts: P;
  /** The total the parts sum to, exactly (rounded first only with `roundTotal`). */
  readonly total: N;
  /** Decimal places of every amount: n stands for n × 10^-scale. */
  readonly scale: number;
}

/**
 * The parts of a split: an array for array weights, a null-prototype record for record weights,
 * typed by the weights' keys (`allocate(100, { a: 1, b: 2 })` is a `Record<"a" | "b", Decimal>`).
 */
export type AllocateResult<K extends string = string> = Decimal[] | Record<K, Decimal>;

/**
 * Splits a total pro rata over weights, exactly. Every part is a whole multiple of
 * `unit` (default `0.01`) and the parts sum to the total exactly. Rounding is
 * largest remainder (Hamilton): each part gets the floor of its exact quota, and the
 * units left over go to the largest remainders, ties to the earlier part, so each
 * part is within one unit of its exact quota (5 over 3, 3, 4 gives 2, 1, 2).
 *
 * - `holds` fix some parts; the rest is spread over the others.
 * - `min` / `max` bound parts: a part pushed past a bound is fixed there and what it
 *   gave up or took is re-spread over the others until nothing moves (water-filling).
 * - All-zero weights split evenly (or throw, with `onZeroWeights: "error"`).
 * - A negative total with non-negative weights gives non-positive parts (the mirror image).
 *
 * Record keys are read as own keys only, in the caller's order; `__proto__` and
 * `constructor` are ordinary keys. The result is a new object; the arguments are
 * never changed. Plain-number weights take an exact integer fast path (a million
 * parts in well under a second).
 *
 * @param total - The amount to split: a number, numeric string (`"1.2亿"`) or Decimal.
 * @param weights - Non-negative weights, as an array or a record.
 * @param options - `unit` (`"0.01"` by default, also `1`, `"万"`, `"1亿"`), `rounding`, `roundTotal`,
 *   `holds`, `min`, `max`, `onZeroWeights`. A misspelt key throws `UNKNOWN_OPTION`.
 * @returns The parts as Decimals, shaped like `weights`: a record typed by the weights' keys.
 * @throws {TargetreeError} `INVALID_NUMBER` for a value that is not a number (with its path),
 *   `NUMBER_TOO_LARGE` past |x| ≥ 1e1000; `SPLIT_TOO_LARGE` past 1,000,000 parts or when parts ×
 *   digits of the total in units passes `MAX_SPLIT_DIGITS`;
 *   `NEGATIVE_WEIGHT`; `ZERO_WEIGHTS` (only with `onZeroWeights: "error"`);
 *   `NOT_A_MULTIPLE_OF_UNIT` for a total (unless `roundTotal`) or hold off the unit;
 *   `HOLDS_EXCEED_TOTAL`; `NO_FREE_PARTS` when every part is held but the holds miss the total;
 *   `INFEASIBLE_BOUNDS`; `UNKNOWN_KEY` for a hold or bound naming no part;
 *   `DUPLICATE_KEY` for keys equal after NFC normalisation; `INVALID_CHARACTER` for a key
 *   with invisible characters; `UNKNOWN_OPTION` for an option key it does not define (with the
 *   nearest known one); `INVALID_ARGUMENT` for empty weights or bad options.
 *
 * @example
 * allocate(5, [3, 3, 4], { unit: 1 }).map(String)
 * //=> ["2", "1", "2"]
 * const parts = allocate("1亿", { 新客开发: 50, 老客回款: 20, 新行业: 20, 新产品: 10 });
 * String(parts.新客开发)
 * //=> "50000000"
 * String(allocate(100, { a: 1, b: 1, c: 1 }, { holds: { a: 50 } }).b)
 * //=> "25"
 * allocate(100, [1, 1, 8], { min: 20, unit: 1 }).map(String)
 * //=> ["20", "20", "60"]
 * allocate("100万", { 华东: 2, 华南: 1 }, { unit: "万" }).华南.toString()
 * //=> "330000"
 * allocate(1, [1, 1, 1], { as: "units" })
 * //=> { parts: [34, 33, 33], total: 100, scale: 2 }
 */
export function allocate<const F extends "units" | "bigint">(
  total: Numeric,
  weights: readonly Numeric[],
  options: AllocateOptions & { readonly as: F },
): IntegerSplit<AmountOf<F>[], AmountOf<F>>;
export function allocate<
  const W extends Readonly<Record<string, Numeric>>,
  const F extends "units" | "bigint",
>(
  total: Numeric,
  weights: W,
  options: AllocateOptions & { readonly as: F },
): IntegerSplit<Record<NoInfer<keyof W & string>, AmountOf<F>>, AmountOf<F>>;
export function allocate(
  total: Numeric,
  weights: readonly Numeric[],
  options?: AllocateOptions & { readonly as?: "decimal" },
): Decimal[];
export function allocate<const W extends Readonly<Record<string, Numeric>>>(
  total: Numeric,
  weights: W,
  options?: AllocateOptions & { readonly as?: "decimal" },
): Record<NoInfer<keyof W & string>, Decimal>;
export function allocate(
  total: Numeric,
  weights: AllocateWeights,
  options?: AllocateOptions & { readonly as?: "decimal" },
): AllocateResult;
export function allocate(
  total: Numeric,
  weights: AllocateWeights,
  options?: AllocateOptions,
): AllocateResult | IntegerSplit<unknown, number | bigint>;
export function allocate(
  total: Numeric,
  weights: AllocateWeights,
  options?: AllocateOptions,
): unknown {
  const run = runAllocate(total, weights, options);
  const parts = shapeLike<Decimal | number | bigint>(run.parts, run.values);
  if (run.form === "decimal") return parts as AllocateResult;
  return {
    parts,
    total: unitsIn(run.units, run.setup.scaled, run.form, ["options", "as"]) as number | bigint,
    scale: integerScale(run.setup.scaled).scale,
  };
}
