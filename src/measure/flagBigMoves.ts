import type { Decimal } from "../_lib/decimal.js";
import { TargetreeError } from "../_lib/errors.js";
import { checkMagnitude } from "../_lib/magnitude.js";
import type { Numeric } from "../_lib/types.js";
import { toDecimal } from "../numbers/toDecimal.js";
import {
  keyedEntries,
  optionsRecord,
  readChoice,
  requiredNumber,
  requireRecord,
} from "./_lib/input.js";

/** A metric's value in the previous period and now. */
export interface MoveInput {
  /** The value in the earlier period. */
  readonly previous: Numeric;
  /** The value in the current period. */
  readonly current: Numeric;
}

/** Options of {@link flagBigMoves}. */
export interface FlagBigMovesOptions {
  /** Which moves count: `"both"` (default), only rises (`"up"`) or only falls (`"down"`). */
  readonly direction?: "both" | "up" | "down";
}

/** One metric's row in the result of {@link flagBigMoves}. */
export interface BigMoveRow {
  /** The metric's key in the caller's record or `Map`. */
  readonly key: string;
  /** The earlier value, exact. */
  readonly previous: Decimal;
  /** The current value, exact. */
  readonly current: Decimal;
  /** (current − previous) / |previous|; `null` when the previous value is zero. */
  readonly change: Decimal | null;
  /** `"up"`, `"down"` or `"none"` (unchanged). */
  readonly move: "up" | "down" | "none";
  /** True when |change| ≥ threshold in a direction that counts. */
  readonly flagged: boolean;
  /** Why `change` is `null`; `null` otherwise. */
  readonly reason: string | null;
}

/**
 * Flags metrics whose value moves by at least a given share in a period (异动预警), such as a
 * region whose sales drop 30%. The threshold is inclusive: a 30% drop is flagged at 30%.
 * A move away from zero has no rate (`change: null`) and is always flagged, because it is
 * larger than any threshold; staying at zero is not a move.
 *
 * @param metrics - `{ previous, current }` per metric, as a record (own keys) or a `Map`.
 * @param threshold - The smallest relative move that is flagged, e.g. `"30%"` or `0.3`.
 * @param options - `direction` of the moves that count.
 * @returns One row per metric, in the caller's order.
 * @throws {TargetreeError} `INVALID_NUMBER` for a value that is not a number;
 *   `INVALID_ARGUMENT` for a negative threshold, a missing value or an unknown `direction`;
 *   `NUMBER_TOO_LARGE` when a result leaves the supported magnitude (|x| < 1e1000).
 *
 * @example
 * const rows = flagBigMoves(
 *   { 华东: { previous: "100万", current: "70万" }, 华南: { previous: "80万", current: "84万" } },
 *   "30%",
 * );
 * rows.map((row) => [row.key, row.change?.toString(), row.flagged]) //=> [["华东", "-0.3", true], ["华南", "0.05", false]]
 */
export function flagBigMoves(
  metrics: ReadonlyMap<string, MoveInput> | Readonly<Record<string, MoveInput>>,
  threshold: Numeric,
  options: FlagBigMovesOptions = {},
): BigMoveRow[] {
  const limit = toDecimal(threshold, ["threshold"]);
  if (limit.lt(0)) {
    throw new TargetreeError("INVALID_ARGUMENT", "threshold must not be negative.", {
      path: ["threshold"],
    });
  }
  const counted = readChoice(optionsRecord(options), "direction", ["both", "up", "down"], "both", [
    "options",
  ]);
  return keyedEntries(metrics, ["metrics"], "metrics").map(([key, item]) => {
    const path = ["metrics", key];
    const record = requireRecord(item, path, `metrics[${JSON.stringify(key)}]`);
    const previous = requiredNumber(record, "previous", path);
    const current = requiredNumber(record, "current", path);
    const delta = current.minus(previous);
    const move = delta.isZero() ? "none" : delta.isPositive() ? "up" : "down";
    const counts = move !== "none" && (counted === "both" || counted === move);
    if (previous.isZero()) {
      return {
        key,
        previous,
        current,
        change: null,
        move,
        flagged: counts,
        reason: "The previous value is zero, so the relative change is undefined.",
      };
    }
    const change = checkMagnitude(delta.div(previous.abs()), [...path, "previous"], "The change");
    return {
      key,
      previous,
      current,
      change,
      move,
      flagged: counts && change.abs().gte(limit),
      reason: null,
    };
  });
}
