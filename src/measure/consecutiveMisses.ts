import type { Direction } from "../_lib/direction.js";
import { DIRECTIONS } from "../_lib/direction.js";
import { optionsRecord, readChoice } from "./_lib/input.js";
import type { PeriodResult } from "./_lib/periods.js";
import { readPeriods } from "./_lib/periods.js";

export type { PeriodResult } from "./_lib/periods.js";

/** Options of {@link consecutiveMisses}. */
export interface ConsecutiveMissesOptions {
  /** Which way is better, for periods given as `{ actual, target }`. Default `"higher"`. */
  readonly direction?: Direction;
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

/**
 * Runs of missed targets in a series of periods (连续未达标), oldest first. A period is
 * missed when it does not reach its target in the better direction (exactly on target is met).
 *
 * @param series - Periods, oldest first: `{ met: boolean }` or `{ actual, target }`.
 * @param options - `direction` for periods given as figures.
 * @returns The longest run (and where it starts), the trailing run, and the miss count.
 * @throws {TargetreeError} `INVALID_NUMBER` for a figure that is not a number;
 *   `INVALID_ARGUMENT` for a period that is neither shape or an unknown `direction`.
 *
 * @example
 * const months = [
 *   { actual: 90, target: 100 }, { actual: 120, target: 100 },
 *   { actual: 80, target: 100 }, { actual: 70, target: 100 }, { met: false },
 * ];
 * consecutiveMisses(months) //=> { longest: 3, longestStart: 2, trailing: 3, misses: 4, periods: 5 }
 */
export function consecutiveMisses(
  series: readonly PeriodResult[],
  options: ConsecutiveMissesOptions = {},
): ConsecutiveMissesResult {
  const direction = readChoice(optionsRecord(options), "direction", DIRECTIONS, "higher", [
    "options",
  ]);
  const periods = readPeriods(series, direction);
  let longest = 0;
  let longestStart: number | null = null;
  let run = 0;
  let misses = 0;
  periods.forEach((period, index) => {
    if (period.met) {
      run = 0;
      return;
    }
    misses++;
    run++;
    if (run > longest) {
      longest = run;
      longestStart = index - run + 1;
    }
  });
  return { longest, longestStart, trailing: run, misses, periods: periods.length };
}
