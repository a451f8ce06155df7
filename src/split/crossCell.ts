import type { Decimal } from "../_lib/decimal.js";
import { isDecimalInstance } from "../_lib/decimal.js";
import type { ErrorPath } from "../_lib/errors.js";
import { describeValue, TargetreeError } from "../_lib/errors.js";
import { own } from "../_lib/records.js";
import { isPartsRecord } from "./_lib/parts.js";
import type { CrossSplitResult } from "./crossSplit.js";

/**
 * Looks up one cell of a `crossSplit` result by its part in every dimension.
 *
 * @param split - A `crossSplit` result.
 * @param coordinates - The cell's part per dimension, e.g. `{ product: "粮油", region: "华东" }`.
 * @returns The cell's value.
 * @throws {TargetreeError} `UNKNOWN_KEY` when a dimension is missing or names no part;
 *   `INVALID_ARGUMENT` when `split` is not a `crossSplit` result (with the path to what is
 *   wrong in it) or `coordinates` is not a record.
 *
 * @example
 * const split = crossSplit(100, { size: { S: "50%" }, color: { red: "50%" } });
 * crossCell(split, { size: "S", color: "red" }).toString()
 * //=> "25"
 */
export function crossCell(
  split: CrossSplitResult,
  coordinates: Readonly<Record<string, string>>,
): Decimal {
  const { dimensions, parts, cells } = readSplit(split);
  if (!isPartsRecord(coordinates)) {
    throw new TargetreeError(
      "INVALID_ARGUMENT",
      `coordinates must be a record of parts by dimension, got ${describeValue(coordinates)}.`,
      { path: ["coordinates"] },
    );
  }
  let cell = 0;
  for (const dimension of dimensions) {
    const key = own(coordinates, dimension);
    const keys = parts.get(dimension)!;
    const position = typeof key === "string" ? keys.indexOf(key) : -1;
    if (position < 0) {
      throw new TargetreeError(
        "UNKNOWN_KEY",
        key === undefined
          ? `The coordinates give no part for the dimension ${JSON.stringify(dimension)}.`
          : `The dimension ${JSON.stringify(dimension)} has no part ${JSON.stringify(key)}.`,
        { path: ["coordinates", dimension] },
      );
    }
    cell = cell * keys.length + position;
  }
  for (const name of Object.keys(coordinates)) {
    if (!parts.has(name)) {
      throw new TargetreeError("UNKNOWN_KEY", `There is no dimension ${JSON.stringify(name)}.`, {
        path: ["coordinates", name],
      });
    }
  }
  const found = cells[cell];
  const value = isPartsRecord(found) ? own(found, "value") : undefined;
  if (!isDecimalInstance(value)) throw notASplit(["split", "cells", cell]);
  return value;
}

function notASplit(path: ErrorPath): TargetreeError {
  return new TargetreeError(
    "INVALID_ARGUMENT",
    "split must be the result of crossSplit ({ dimensions, parts, cells, … }).",
    { path },
  );
}

/** Checks the shape of a `crossSplit` result (own fields only) and indexes its parts. */
function readSplit(split: unknown): {
  readonly dimensions: readonly string[];
  readonly parts: ReadonlyMap<string, readonly unknown[]>;
  readonly cells: readonly unknown[];
} {
  if (!isPartsRecord(split)) throw notASplit(["split"]);
  const dimensions = own(split, "dimensions");
  const partsRecord = own(split, "parts");
  const cells = own(split, "cells");
  if (!Array.isArray(dimensions) || dimensions.length === 0) {
    throw notASplit(["split", "dimensions"]);
  }
  if (!isPartsRecord(partsRecord)) throw notASplit(["split", "parts"]);
  const parts = new Map<string, readonly unknown[]>();
  let count = 1;
  dimensions.forEach((dimension: unknown, index) => {
    const keys = typeof dimension === "string" ? own(partsRecord, dimension) : undefined;
    if (typeof dimension !== "string" || parts.has(dimension)) {
      throw notASplit(["split", "dimensions", index]);
    }
    if (!Array.isArray(keys) || keys.length === 0) throw notASplit(["split", "parts", dimension]);
    parts.set(dimension, keys);
    count *= keys.length;
  });
  if (!Array.isArray(cells) || cells.length !== count) throw notASplit(["split", "cells"]);
  return { dimensions: dimensions as string[], parts, cells };
}
