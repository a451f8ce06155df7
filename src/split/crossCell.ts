import type { Decimal } from "../_lib/decimal.js";
import { describeValue, TargetreeError } from "../_lib/errors.js";
import type { CrossSplitResult } from "./crossSplit.js";

/**
 * Looks up one cell of a `crossSplit` result by its part in every dimension.
 *
 * @param split - A `crossSplit` result.
 * @param coordinates - The cell's part per dimension, e.g. `{ product: "粮油", region: "华东" }`.
 * @returns The cell's value.
 * @throws {TargetreeError} `UNKNOWN_KEY` when a dimension is missing or names no part.
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
  if (typeof coordinates !== "object" || coordinates === null) {
    throw new TargetreeError(
      "INVALID_ARGUMENT",
      `coordinates must be a record of parts by dimension, got ${describeValue(coordinates)}.`,
      { path: ["coordinates"] },
    );
  }
  let cell = 0;
  for (const dimension of split.dimensions) {
    const key = Object.hasOwn(coordinates, dimension) ? coordinates[dimension] : undefined;
    const keys = split.parts[dimension]!;
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
    if (!split.dimensions.includes(name)) {
      throw new TargetreeError("UNKNOWN_KEY", `There is no dimension ${JSON.stringify(name)}.`, {
        path: ["coordinates", name],
      });
    }
  }
  return split.cells[cell]!.value;
}
