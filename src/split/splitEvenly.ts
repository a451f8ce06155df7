import { snapshotArray } from "../_lib/arrays.js";
import type { Decimal } from "../_lib/decimal.js";
import { describeValue, TargetreeError } from "../_lib/errors.js";
import { countsToDecimals } from "../_lib/exact/index.js";
import { readOptions } from "../_lib/options.js";
import type { Numeric, UnitOptions } from "../_lib/types.js";
import { spreadUnits } from "./_lib/engine.js";
import { readTotal, readUnitSetup, UNIT_KEYS } from "./_lib/options.js";
import type { Parts } from "./_lib/parts.js";
import { indexKeys, MAX_PARTS } from "./_lib/parts.js";
import { checkCount, rootNames, shapeLike } from "./_lib/run.js";

export interface SplitEvenlyOptions extends UnitOptions {
  /** Round a total that is not a whole multiple of `unit` first. Default `false` (it throws). */
  readonly roundTotal?: boolean;
}

/** An array for a count, a null-prototype record typed by the keys for keys. */
export type SplitEvenlyResult<K extends string = string> = Decimal[] | Record<K, Decimal>;

/**
 * Splits a total evenly over named parts or a number of parts. Parts are whole
 * multiples of `unit` (default 0.01) and sum to the total exactly; the units that
 * do not divide evenly go one each to the first parts (100 over 3 with unit 1
 * gives 34, 33, 33).
 *
 * @param total - The amount to split.
 * @param keysOrCount - Part names (results by name) or a count from 1 to 1,000,000 (results by position).
 * @param options - `unit`, `rounding`, `roundTotal`.
 * @returns The parts, shaped like `keysOrCount` (a record typed by the keys).
 * @throws {TargetreeError} `INVALID_ARGUMENT` for no parts, a bad count or bad options;
 *   `SPLIT_TOO_LARGE` past 1,000,000 parts, or when parts × digits of the total in units passes
 *   `MAX_SPLIT_DIGITS` (1e7 parts at unit 0.01, 1e5 parts at unit 1e-500);
 *   `UNKNOWN_OPTION` for an option key it does not define;
 *   `DUPLICATE_KEY`; `INVALID_CHARACTER`; `NOT_A_MULTIPLE_OF_UNIT`; `INVALID_NUMBER`.
 *
 * @example
 * const team = splitEvenly("80万", ["张伟", "王芳", "李娜", "刘洋", "陈静"], { unit: 1 });
 * String(team.王芳)
 * //=> "160000"
 * splitEvenly(100, 3, { unit: 1 }).map(String)
 * //=> ["34", "33", "33"]
 */
export function splitEvenly(
  total: Numeric,
  keysOrCount: number,
  options?: SplitEvenlyOptions,
): Decimal[];
export function splitEvenly<const K extends string>(
  total: Numeric,
  keysOrCount: readonly K[],
  options?: SplitEvenlyOptions,
): Record<NoInfer<K>, Decimal>;
export function splitEvenly(
  total: Numeric,
  keysOrCount: number | readonly string[],
  options?: SplitEvenlyOptions,
): SplitEvenlyResult;
export function splitEvenly(
  total: Numeric,
  keysOrCount: number | readonly string[],
  options?: SplitEvenlyOptions,
): SplitEvenlyResult {
  const setup = readUnitSetup(readOptions(options, UNIT_KEYS, ["options"]), ["options"]);
  const amount = readTotal(total, setup);
  let parts: Parts;
  if (typeof keysOrCount === "number") {
    if (Number.isInteger(keysOrCount) && keysOrCount > MAX_PARTS) {
      throw new TargetreeError(
        "SPLIT_TOO_LARGE",
        `${keysOrCount.toLocaleString("en")} parts are more than the ${MAX_PARTS.toLocaleString("en")} one split makes; split in stages (first into groups, then each group).`,
        { path: ["keysOrCount"], details: { limit: MAX_PARTS } },
      );
    }
    const count = checkCount(keysOrCount, ["keysOrCount"], MAX_PARTS);
    parts = {
      keys: null,
      values: new Array<number>(count).fill(1),
      index: null,
      path: ["keysOrCount"],
    };
  } else if (Array.isArray(keysOrCount)) {
    const keys = snapshotArray(keysOrCount as readonly string[], MAX_PARTS);
    if (keys !== null && keys.length === 0) {
      throw new TargetreeError("INVALID_ARGUMENT", "Give at least one part name.", {
        path: ["keysOrCount"],
      });
    }
    if (keys === null) {
      throw new TargetreeError(
        "SPLIT_TOO_LARGE",
        `Give at most ${MAX_PARTS.toLocaleString("en")} part names; split in stages (first into groups, then each group).`,
        { path: ["keysOrCount"], details: { limit: MAX_PARTS } },
      );
    }
    const index = indexKeys(keys, ["keysOrCount"]);
    parts = { keys, values: keys.map(() => 1), index, path: ["keysOrCount"] };
  } else {
    throw new TargetreeError(
      "INVALID_ARGUMENT",
      `keysOrCount must be an array of names or a count, got ${describeValue(keysOrCount)}.`,
      { path: ["keysOrCount"] },
    );
  }
  const { counts } = spreadUnits({
    units: amount.units,
    weights: {
      kind: "number",
      values: new Float64Array(parts.values.length).fill(1),
      sum: parts.values.length,
    },
    holds: null,
    lower: null,
    upper: null,
    onZeroWeights: "even",
    unit: setup.scaled,
    names: rootNames(parts),
  });
  return shapeLike(parts, countsToDecimals(counts, setup.scaled));
}
