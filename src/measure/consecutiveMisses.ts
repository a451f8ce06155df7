import type { Direction } from "../_lib/direction.js";
import { DIRECTIONS } from "../_lib/direction.js";
import { readChoice } from "../_lib/options.js";
import type { Numeric } from "../_lib/types.js";
import { readSettings } from "./_lib/input.js";
import { missFlags, missRuns, readBelow } from "./_lib/misses.js";
import type { PeriodResult } from "./_lib/periods.js";
import { readPeriods } from "./_lib/periods.js";

export type { PeriodResult } from "./_lib/periods.js";

/** Options of {@link consecutiveMisses}. */
export interface ConsecutiveMissesOptions {
  /** Which way is better, for periods given as `{ actual, target }`. Default `"higher"`. */
  readonly direction?: Direction;
  /**
   * An achievement threshold (`"50%"`): a period is a miss when its achievement is strictly
   * below it, so "3 periods in a row under 50%" is `trailing >= 3` with `below: "50%"`. Periods
   * must then be given as `{ actual, target }`. Default: a miss is a period that does not reach
   * its target.
   */
  readonly below?: Numeric;
}

/** The result of {@link consecutiveMisses}: runs of missed periods, counted in periods. */
export interface ConsecutiveMissesResult {
  /** The longest run of missed periods in a row. */
  readonly longest: number;
  /** Index of the first period of the longest run (the earliest such run); `null` if none. */
  readonly longestStart: number | null;
  /** The run of misses that ends with the latest period (the current streak). */
  readonly trailing: number;
  /** Missed periods in all. */
  readonly misses: number;
  /** Periods in the series. */
  readonly periods: number;
}

const OPTIONS: readonly string[] = ["direction", "below"];

/**
 * Runs of missed targets in a series of periods (连续未达标), oldest first. A period is
 * missed when it does not reach its target in the better direction (exactly on target is met),
 * or, with `below`, when its achievement is strictly below that threshold. A period whose
 * achievement is undefined (a zero target) is then a miss only if it does not reach its target.
 *
 * @param series - Periods, oldest first: `{ met: boolean }` or `{ actual, target }`.
 * @param options - `direction` for periods given as figures, and the threshold `below`.
 * @returns The longest run (and where it starts), the trailing run, and the miss count.
 * @throws {TargetreeError} `INVALID_NUMBER` for a figure that is not a number;
 *   `UNKNOWN_OPTION` for an option other than `direction` and `below`; `INVALID_ARGUMENT` for a
 *   period that is neither shape, an unknown `direction`, a negative `below`, or a `{ met }`
 *   period with `below`; `NUMBER_TOO_LARGE` when an achievement leaves the supported magnitude.
 *
 * @example
 * const months = [
 *   { actual: 90, target: 100 }, { actual: 120, target: 100 },
 *   { actual: 80, target: 100 }, { actual: 70, target: 100 }, { met: false },
 * ];
 * consecutiveMisses(months) //=> { longest: 3, longestStart: 2, trailing: 3, misses: 4, periods: 5 }
 * const team = [{ actual: 40, target: 100 }, { actual: 45, target: 100 }, { actual: 30, target: 100 }];
 * consecutiveMisses(team, { below: "50%" }).trailing //=> 3
 */
export function consecutiveMisses(
  series: readonly PeriodResult[],
  options: ConsecutiveMissesOptions = {},
): ConsecutiveMissesResult {
  const settings = readSettings(options, OPTIONS);
  const direction = readChoice(settings, "direction", DIRECTIONS, "higher", ["options"]);
  const below = readBelow(settings);
  const periods = readPeriods(series, direction);
  return missRuns(missFlags(periods, direction, below, "series"));
}
