import type { Decimal } from "../_lib/decimal.js";
import { TargetreeError } from "../_lib/errors.js";
import { checkMagnitude } from "../_lib/magnitude.js";
import { readChoice } from "../_lib/options.js";
import type { Numeric } from "../_lib/types.js";
import { toDecimal } from "../numbers/toDecimal.js";
import { keyedEntries, readFields, readSettings, requiredNumber } from "./_lib/input.js";

/** A metric's value in the previous period and now. */
export interface MoveInput {
  /** The value in the earlier period. */
  readonly previous: Numeric;
  /** The value in the period being checked. */
  readonly actual: Numeric;
}

/** Options of {@link flagBigMoves}. */
export interface FlagBigMovesOptions {
  /** Which moves count: `"both"` (default), only rises (`"up"`) or only falls (`"down"`). */
  readonly moves?: "both" | "up" | "down";
}

/** One metric's row in the result of {@link flagBigMoves}. */
export interface BigMoveRow {
  /** The metric's key in the caller's record. */
  readonly key: string;
  /** The earlier value, exact. */
  readonly previous: Decimal;
  /** The value being checked, exact. */
  readonly actual: Decimal;
  /** (actual − previous) / |previous|, as `growth()` gives it; `null` when the previous value is zero. */
  readonly growth: Decimal | null;
  /** `"up"`, `"down"` or `"none"` (unchanged). */
  readonly move: "up" | "down" | "none";
  /** True when |growth| ≥ threshold for a move that counts (see `moves`). */
  readonly flagged: boolean;
  /** Why `growth` is `null`; `null` otherwise. */
  readonly reason: string | null;
}

const OPTIONS: readonly string[] = ["moves"];
const FIELDS: readonly string[] = ["previous", "actual"];
const MOVES: readonly ("both" | "up" | "down")[] = ["both", "up", "down"];

/**
 * Flags metrics whose value moves by at least a given share in a period (异动预警), such as a
 * region whose sales drop 30%. The threshold is inclusive: a 30% drop is flagged at 30%.
 * A move away from zero has no rate (`growth: null`, with a `reason`) and is always flagged,
 * because it is larger than any threshold; staying at zero is not a move.
 *
 * @param metrics - `{ previous, actual }` per metric, as a record (own keys; a `Map` is refused).
 * @param threshold - The smallest relative move that is flagged, e.g. `"30%"` or `0.3`.
 * @param options - `moves`: which moves count.
 * @returns One row per metric, in the caller's order.
 * @throws {TargetreeError} `INVALID_NUMBER` for a value that is not a number;
 *   `UNKNOWN_OPTION` for an option other than `moves`, or a metric field other than `previous`
 *   and `actual`; `INVALID_ARGUMENT` for a negative threshold, a missing value or an unknown
 *   `moves`; `NUMBER_TOO_LARGE` when a result leaves the supported magnitude (|x| < 1e1000).
 *
 * @example
 * const rows = flagBigMoves(
 *   { 华东: { previous: "100万", actual: "70万" }, 华南: { previous: "80万", actual: "84万" } },
 *   "30%",
 * );
 * rows.map((row) => [row.key, row.growth?.toString(), row.flagged]) //=> [["华东", "-0.3", true], ["华南", "0.05", false]]
 * flagBigMoves({ 华南: { previous: "80万", actual: "40万" } }, "30%", { moves: "up" })[0]!.flagged //=> false
 */
export function flagBigMoves(
  metrics: Readonly<Record<string, MoveInput>>,
  threshold: Numeric,
  options: FlagBigMovesOptions = {},
): BigMoveRow[] {
  const limit = toDecimal(threshold, ["threshold"]);
  if (limit.lt(0)) {
    throw new TargetreeError("INVALID_ARGUMENT", "threshold must not be negative.", {
      path: ["threshold"],
    });
  }
  const settings = readSettings(options, OPTIONS);
  const counted = readChoice(settings, "moves", MOVES, "both", ["options"]);
  return keyedEntries(metrics, ["metrics"], "metrics").map(([key, item]) => {
    const path = ["metrics", key];
    const record = readFields(item, FIELDS, path, `metrics[${JSON.stringify(key)}]`);
    const previous = requiredNumber(record, "previous", path);
    const actual = requiredNumber(record, "actual", path);
    const delta = actual.minus(previous);
    const move = delta.isZero() ? "none" : delta.isPositive() ? "up" : "down";
    const counts = move !== "none" && (counted === "both" || counted === move);
    if (previous.isZero()) {
      return {
        key,
        previous,
        actual,
        growth: null,
        move,
        flagged: counts,
        reason: "The previous value is zero, so the growth rate is undefined.",
      };
    }
    const growth = checkMagnitude(
      delta.div(previous.abs()),
      [...path, "previous"],
      "The growth rate",
    );
    return {
      key,
      previous,
      actual,
      growth,
      move,
      flagged: counts && growth.abs().gte(limit),
      reason: null,
    };
  });
}
