import type { Decimal } from "../_lib/decimal.js";
import { describeValue, TargetreeError } from "../_lib/errors.js";
import { unitsToDecimal } from "../_lib/exact/index.js";
import { readChoice, readOptions } from "../_lib/options.js";
import { own } from "../_lib/records.js";
import { resultRecord } from "../_lib/resultRecord.js";
import type { Numeric, UnitOptions } from "../_lib/types.js";
import { toDecimal } from "../numbers/toDecimal.js";
import { roundProductTable } from "./_lib/controlledRounding.js";
import { spreadUnits } from "./_lib/engine.js";
import { readTotal, readUnitSetup, unitKeysAnd } from "./_lib/options.js";
import type { Parts } from "./_lib/parts.js";
import { indexKeys, isPartsRecord, readParts } from "./_lib/parts.js";
import { rootNames, ZERO_WEIGHT_RULES } from "./_lib/run.js";
import { completeShares, readRemainderName } from "./_lib/shares.js";
import { checkSplitSize, unitDigits } from "./_lib/size.js";
import { readWeights, toBigIntWeights } from "./_lib/weights.js";

/** The most cells a cross split makes. */
export const MAX_CROSS_CELLS = 1_000_000;

export interface CrossSplitOptions extends UnitOptions {
  /**
   * How each dimension is read, as a cascade node's `split`: `"shares"` (default), a record of
   * shares (`"40%"`, 0.4) whose rest goes to a remainder part, as in `splitByShares`;
   * `"weights"`, a record of weights, as in `allocate`.
   */
  readonly split?: "shares" | "weights";
  /** Name of each dimension's remainder part under `"shares"`. Default `"other"`. */
  readonly remainder?: string;
  /** When every weight of a dimension is zero: `"even"` (default) or `"error"`. */
  readonly onZeroWeights?: "even" | "error";
  /** Round the total to the unit first. Default `false` (it throws). */
  readonly roundTotal?: boolean;
}

const CROSS_SPLIT_KEYS = /* @__PURE__ */ unitKeysAnd("split", "remainder", "onZeroWeights");

/** One cell of a cross split. */
export interface CrossCell {
  /** The cell's part in each dimension, in the order of `dimensions`. */
  readonly keys: readonly string[];
  /** The same keys by dimension name (a null-prototype record). */
  readonly coordinates: Readonly<Record<string, string>>;
  /** The cell's part of the total, a whole multiple of the unit. */
  readonly value: Decimal;
}

/** The result of {@link crossSplit}; read one cell with {@link crossCell}. */
export interface CrossSplitResult {
  /** The total (rounded to the unit when `roundTotal` asked for it). */
  readonly total: Decimal;
  /** Dimension names, in the caller's order. */
  readonly dimensions: readonly string[];
  /** Each dimension's parts, the remainder part included. */
  readonly parts: Readonly<Record<string, readonly string[]>>;
  /** Each dimension's one-dimension split: exactly what `splitByShares` (or `allocate`) gives. */
  readonly marginals: Readonly<Record<string, Readonly<Record<string, Decimal>>>>;
  /** Every combination, first dimension outermost (row-major). */
  readonly cells: readonly CrossCell[];
}

/**
 * Splits a total over every combination of two or more dimensions (product ×
 * region × …), each cell the total times the product of its shares, rounded so
 * that every dimension's totals equal that dimension's own one-dimension split
 * EXACTLY. Independent rounding of each cell cannot promise that; this uses
 * controlled rounding: each cell is the floor or the ceiling of its exact value
 * (whenever such a rounding exists, found as a maximum flow), and the sums along
 * every dimension are the one-dimension splits, by construction. More than two
 * dimensions are reduced to two: the table of the other dimensions is rounded
 * first and becomes the column totals.
 *
 * @param total - The amount to split.
 * @param dimensions - A record of dimensions, each a record of shares (or weights).
 * @param options - `split`, `remainder`, `unit`, `rounding`, `roundTotal`, `onZeroWeights`.
 * @returns The cells, each dimension's parts and its one-dimension split.
 * @throws {TargetreeError} `SHARES_EXCEED_TOTAL`, `NEGATIVE_WEIGHT`, `ZERO_WEIGHTS`,
 *   `DUPLICATE_KEY`, `NOT_A_MULTIPLE_OF_UNIT`, `INVALID_NUMBER`, and `INVALID_ARGUMENT` for
 *   no dimensions, an empty one, more than 1,000,000 cells, or bad options; `SPLIT_TOO_LARGE`
 *   when cells × digits of the total in units passes `MAX_SPLIT_DIGITS`; `UNKNOWN_OPTION`
 *   for an option key it does not define.
 *
 * @example
 * const split = crossSplit("1.2亿", {
 *   product: { 粮油: "40%", 日化: "30%" },
 *   region: { 华东: "35%", 华南: "25%" },
 * });
 * crossCell(split, { product: "粮油", region: "华东" }).toString()
 * //=> "16800000"
 * split.parts.region
 * //=> ["华东", "华南", "other"]
 */
export function crossSplit(
  total: Numeric,
  dimensions: Readonly<Record<string, Readonly<Record<string, Numeric>>>>,
  options?: CrossSplitOptions,
): CrossSplitResult {
  const raw = readOptions(options, CROSS_SPLIT_KEYS, ["options"]);
  const setup = readUnitSetup(raw, ["options"]);
  const rule = readChoice(raw, "split", ["shares", "weights"] as const, "shares", ["options"]);
  const remainder = readRemainderName(own(raw, "remainder"), ["options", "remainder"]);
  const onZeroWeights = readChoice(raw, "onZeroWeights", ZERO_WEIGHT_RULES, "even", ["options"]);
  const amount = readTotal(total, setup);
  if (!isPartsRecord(dimensions) || Object.keys(dimensions).length === 0) {
    throw new TargetreeError(
      "INVALID_ARGUMENT",
      `dimensions must be a non-empty record such as { product: { 粮油: "40%" }, region: { 华东: "35%" } }, got ${describeValue(dimensions)}.`,
      { path: ["dimensions"] },
    );
  }
  const names = Object.keys(dimensions);
  indexKeys(names, ["dimensions"]);
  const dims = names.map((name) => {
    const path = ["dimensions", name];
    const given = dimensions[name];
    if (!isPartsRecord(given)) {
      throw new TargetreeError(
        "INVALID_ARGUMENT",
        `Each dimension must be a record of ${rule}, got ${describeValue(given)}.`,
        { path },
      );
    }
    let parts: Parts = readParts(given, path, rule);
    if (rule === "shares") {
      const keys = parts.keys!;
      const completed = completeShares(
        keys,
        parts.values.map((value, i) => toDecimal(value as Numeric, [...path, keys[i]!])),
        remainder,
        false,
        { share: (i) => [...path, keys[i]!], remainder: ["options", "remainder"], all: path },
      );
      parts = { ...parts, keys: completed.keys, values: completed.shares };
    }
    const intWeights = readWeights(parts);
    const { counts } = spreadUnits({
      units: amount.units,
      weights: intWeights,
      holds: null,
      lower: null,
      upper: null,
      onZeroWeights,
      unit: setup.scaled,
      names: rootNames(parts),
    });
    const marginal = Array.from(counts as ArrayLike<number | bigint>, (count) => BigInt(count));
    let weights = toBigIntWeights(intWeights);
    if (weights.every((weight) => weight === 0n)) weights = weights.map(() => 1n);
    return { name, keys: parts.keys!, weights, marginal };
  });
  const cellCount = dims.reduce((product, dim) => product * dim.keys.length, 1);
  if (cellCount > MAX_CROSS_CELLS) {
    throw new TargetreeError(
      "INVALID_ARGUMENT",
      `The dimensions make ${cellCount.toLocaleString("en")} cells, more than ${MAX_CROSS_CELLS.toLocaleString("en")}.`,
      { path: ["dimensions"] },
    );
  }
  checkSplitSize({
    parts: cellCount,
    digits: unitDigits(amount.units),
    unit: setup.unit,
    path: ["dimensions"],
    noun: "cells",
  });
  // Round the mirror image of a negative total.
  const negative = amount.units < 0n;
  const table = roundProductTable(
    negative ? -amount.units : amount.units,
    dims.map((dim) => dim.weights),
    dims.map((dim) => (negative ? dim.marginal.map((m) => -m) : dim.marginal)),
    names,
  );
  const cells: CrossCell[] = table.map((count, cell) => {
    const keys: string[] = new Array<string>(dims.length);
    const coordinates = resultRecord<Record<string, string>>();
    let rest = cell;
    for (let d = dims.length - 1; d >= 0; d--) {
      const dim = dims[d]!;
      const position = rest % dim.keys.length;
      rest = (rest - position) / dim.keys.length;
      keys[d] = dim.keys[position]!;
    }
    dims.forEach((dim, d) => {
      coordinates[dim.name] = keys[d]!;
    });
    return { keys, coordinates, value: unitsToDecimal(negative ? -count : count, setup.scaled) };
  });
  const parts = resultRecord<Record<string, readonly string[]>>();
  const marginals = resultRecord<Record<string, Record<string, Decimal>>>();
  for (const dim of dims) {
    parts[dim.name] = dim.keys;
    const record = resultRecord<Record<string, Decimal>>();
    dim.keys.forEach((key, i) => {
      record[key] = unitsToDecimal(dim.marginal[i]!, setup.scaled);
    });
    marginals[dim.name] = record;
  }
  return {
    total: unitsToDecimal(amount.units, setup.scaled),
    dimensions: names,
    parts,
    marginals,
    cells,
  };
}
