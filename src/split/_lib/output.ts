// How a split hands back its amounts: as Decimals (the default), or as integers and their scale for
// callers who store minor units (cents, 分): `as: "units"` gives safe-integer numbers, `as: "bigint"`
// bigints. An integer amount n with scale s is the value n × 10^-s; the scale is the unit's decimal
// places (2 for the default unit 0.01, 0 for 1 or 万), so a split in cents gives cents.
import type { Decimal } from "../../_lib/decimal.js";
import type { ErrorPath } from "../../_lib/errors.js";
import { TargetreeError } from "../../_lib/errors.js";
import type { Scaled } from "../../_lib/exact/index.js";
import { countsToDecimals, pow10, unitsToDecimal } from "../../_lib/exact/index.js";
import { readChoice } from "../../_lib/options.js";

/**
 * The form of a split's amounts: `"decimal"` (default) Decimals; `"units"` integers as numbers
 * (safe integers, minor units such as cents); `"bigint"` integers as bigints. With `"units"` and
 * `"bigint"` the result carries the `scale`: an amount n stands for n × 10^-scale.
 */
export type AmountForm = "decimal" | "units" | "bigint";

/** The type of one amount in a form: `Decimal`, `number` (for `"units"`) or `bigint`. */
export type AmountOf<F extends AmountForm | undefined> = F extends "units"
  ? number
  : F extends "bigint"
    ? bigint
    : Decimal;

/** The forms, by name. */
export const AMOUNT_FORMS: readonly AmountForm[] = ["decimal", "units", "bigint"];

/** Reads `as` (default `"decimal"`) from a record already checked by `readOptions`. */
export function readAmountForm(
  options: Readonly<Record<string, unknown>>,
  path: ErrorPath,
): AmountForm {
  return readChoice(options, "as", AMOUNT_FORMS, "decimal", path);
}

/** How whole-unit counts become integer amounts: amount = count × factor, at `scale` ≥ 0. */
export interface IntegerScale {
  /** Decimal places of the integer amounts: the unit's, or 0 for a unit of 1 or more. */
  readonly scale: number;
  /** The integer amount of one unit (1 for 0.01 at scale 2, 10000 for 万 at scale 0). */
  readonly factor: bigint;
}

/** The scale integer amounts take for a unit. */
export function integerScale(unit: Scaled): IntegerScale {
  const scale = unit.scale > 0 ? unit.scale : 0;
  return { scale, factor: unit.mantissa * pow10(scale - unit.scale) };
}

const MAX_SAFE = Number.MAX_SAFE_INTEGER;

function tooLarge(path: ErrorPath): TargetreeError {
  return new TargetreeError(
    "NUMBER_TOO_LARGE",
    'An amount in minor units is beyond 2^53 − 1, so it has no exact JavaScript number; use as: "bigint".',
    { path },
  );
}

/** Whole-unit counts (doubles or bigints) as amounts in the form: Decimals, numbers or bigints. */
export function countsIn(
  counts: Float64Array | readonly bigint[],
  unit: Scaled,
  form: AmountForm,
  path: ErrorPath,
): Decimal[] | number[] | bigint[] {
  if (form === "decimal") return countsToDecimals(counts, unit);
  const { factor } = integerScale(unit);
  const count = counts.length;
  if (form === "bigint") {
    const values = new Array<bigint>(count);
    for (let i = 0; i < count; i++) {
      const c = counts[i]!;
      values[i] = (typeof c === "bigint" ? c : BigInt(c)) * factor;
    }
    return values;
  }
  const values = new Array<number>(count);
  const small = factor <= BigInt(MAX_SAFE) ? Number(factor) : 0;
  if (counts instanceof Float64Array && small !== 0) {
    for (let i = 0; i < count; i++) {
      const value = counts[i]! * small;
      if (value > MAX_SAFE || value < -MAX_SAFE) throw tooLarge(path);
      values[i] = value;
    }
    return values;
  }
  for (let i = 0; i < count; i++) values[i] = unitsIn(BigInt(counts[i]!), unit, "units", path);
  return values;
}

/** One whole-unit count as an amount in the form. */
export function unitsIn(count: bigint, unit: Scaled, form: "units", path: ErrorPath): number;
export function unitsIn(count: bigint, unit: Scaled, form: "bigint", path: ErrorPath): bigint;
export function unitsIn(
  count: bigint,
  unit: Scaled,
  form: AmountForm,
  path: ErrorPath,
): Decimal | number | bigint;
export function unitsIn(
  count: bigint,
  unit: Scaled,
  form: AmountForm,
  path: ErrorPath,
): Decimal | number | bigint {
  if (form === "decimal") return unitsToDecimal(count, unit);
  const amount = count * integerScale(unit).factor;
  return form === "bigint" ? amount : safeNumber(amount, path);
}

/** An integer amount as a number; `NUMBER_TOO_LARGE` (at `path`) past 2^53 − 1. */
export function safeNumber(amount: bigint, path: ErrorPath): number {
  if (amount > BigInt(MAX_SAFE) || amount < -BigInt(MAX_SAFE)) throw tooLarge(path);
  return Number(amount);
}
