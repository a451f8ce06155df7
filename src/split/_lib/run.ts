import type { Decimal } from "../../_lib/decimal.js";
import type { ErrorPath } from "../../_lib/errors.js";
import { TargetreeError } from "../../_lib/errors.js";
import type { Scaled } from "../../_lib/exact/index.js";
import { ceilUnits, floorUnits, toScaled } from "../../_lib/exact/index.js";
import { readChoice, readOptions } from "../../_lib/options.js";
import { own } from "../../_lib/records.js";
import { resultRecord } from "../../_lib/resultRecord.js";
import type { Numeric } from "../../_lib/types.js";
import { toDecimal } from "../../numbers/toDecimal.js";
import type { PartNames } from "./engine.js";
import { spreadUnits } from "./engine.js";
import type { UnitSetup } from "./options.js";
import { readMultiple, readTotal, readUnitSetup, unitKeysAnd } from "./options.js";
import type { AmountForm } from "./output.js";
import { countsIn, readAmountForm } from "./output.js";
import type { Parts } from "./parts.js";
import { partLabel, readParts, readPerPart } from "./parts.js";
import { readWeights } from "./weights.js";

/** Everything `allocate` computes before shaping the result. */
export interface AllocationRun {
  readonly parts: Parts;
  readonly setup: UnitSetup;
  /** The form the caller asked for (`as`). */
  readonly form: AmountForm;
  /** The total in whole units (rounded first when `roundTotal` asked for it). */
  readonly units: bigint;
  /** The parts in the form asked for. */
  readonly values: Decimal[] | number[] | bigint[];
}

/** The options `allocate` reads. */
export const ALLOCATE_KEYS = /* @__PURE__ */ unitKeysAnd(
  "holds",
  "min",
  "max",
  "onZeroWeights",
  "as",
);

/** Names for the parts of a top-level call: the weights, and `options.holds`, `.min`, `.max`. */
export function rootNames(parts: Parts): PartNames {
  return {
    label: (position) => partLabel(parts, position),
    path: (name, position) => {
      const base = name === "weights" ? parts.path : ["options", name];
      return position === undefined
        ? base
        : [...base, parts.keys === null ? position : parts.keys[position]!];
    },
  };
}

/** Reads `holds`, `min` and `max` (from a record checked by `readOptions`) as whole units per part. */
export function readLimits(
  options: Readonly<Record<string, unknown>>,
  parts: Parts,
  setup: UnitSetup,
  names: PartNames,
): {
  holds: (bigint | undefined)[] | null;
  lower: (bigint | undefined)[] | null;
  upper: (bigint | undefined)[] | null;
} {
  const rawHolds = readPerPart(own(options, "holds"), parts, ["options", "holds"], false);
  const holds =
    rawHolds?.map((value, i) =>
      value === undefined
        ? undefined
        : readMultiple(value, setup, names.path("holds", i), "held value"),
    ) ?? null;
  const bound = (name: "min" | "max", round: (v: Scaled, u: Scaled) => bigint) =>
    readPerPart(own(options, name), parts, ["options", name], true)?.map((value, i) =>
      value === undefined
        ? undefined
        : round(toScaled(toDecimal(value as Numeric, names.path(name, i))), setup.scaled),
    ) ?? null;
  return { holds, lower: bound("min", ceilUnits), upper: bound("max", floorUnits) };
}

/** What a split does when every weight is zero. */
export const ZERO_WEIGHT_RULES = ["even", "error"] as const;

/** The whole of `allocate`: validate, split in units, convert back. */
export function runAllocate(
  total: unknown,
  weights: unknown,
  rawOptions: unknown,
  weightsPath: ErrorPath = ["weights"],
): AllocationRun {
  const options = readOptions(rawOptions, ALLOCATE_KEYS, ["options"]);
  const setup = readUnitSetup(options, ["options"]);
  const form = readAmountForm(options, ["options"]);
  const onZeroWeights = readChoice(options, "onZeroWeights", ZERO_WEIGHT_RULES, "even", [
    "options",
  ]);
  const amount = readTotal(total, setup);
  const parts = readParts(weights, weightsPath);
  const intWeights = readWeights(parts);
  const names = rootNames(parts);
  const { holds, lower, upper } = readLimits(options, parts, setup, names);
  const { counts } = spreadUnits({
    units: amount.units,
    weights: intWeights,
    holds,
    lower,
    upper,
    onZeroWeights,
    unit: setup.scaled,
    names,
  });
  return {
    parts,
    setup,
    form,
    units: amount.units,
    values: countsIn(counts, setup.scaled, form, ["options", "as"]),
  };
}

/** Shapes values like the caller's weights: an array, or a null-prototype record in key order. */
export function shapeLike<V>(parts: Parts, values: readonly V[]): V[] | Record<string, V> {
  if (parts.keys === null) return values as V[];
  const record = resultRecord<Record<string, V>>();
  parts.keys.forEach((key, i) => {
    record[key] = values[i]!;
  });
  return record;
}

/** Throws unless `value` is a non-negative safe integer count. */
export function checkCount(value: unknown, path: ErrorPath, max: number): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < 1 || value > max) {
    throw new TargetreeError(
      "INVALID_ARGUMENT",
      `Expected a whole number of parts from 1 to ${max.toLocaleString("en")}.`,
      { path },
    );
  }
  return value;
}
