// Which periods of a series are misses, and the runs they make: shared by consecutiveMisses and
// teamHealth, so "3 periods in a row under 50%" means the same in both.
import type { Decimal } from "../../_lib/decimal.js";
import type { Direction } from "../../_lib/direction.js";
import { achievementRatio } from "../../_lib/direction.js";
import { TargetreeError } from "../../_lib/errors.js";
import { optionalNumber } from "./input.js";
import type { ReadPeriod } from "./periods.js";

/** Runs of missed periods, counted in periods. */
export interface MissRuns {
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

/** `options.below`, a non-negative achievement threshold; `null` when not given. */
export function readBelow(options: object, key = "below"): Decimal | null {
  const below = optionalNumber(options, key, ["options"]);
  if (below === undefined) return null;
  if (below.isNegative()) {
    throw new TargetreeError(
      "INVALID_ARGUMENT",
      `${key} is an achievement threshold such as "50%" and must not be negative.`,
      { path: ["options", key] },
    );
  }
  return below;
}

/**
 * Whether each period is a miss. Without a threshold, a miss is a period that does not reach its
 * target. With one, a miss is a period whose achievement is strictly below it; where achievement is
 * undefined (a zero denominator), a period that does not reach its target still counts as a miss.
 */
export function missFlags(
  periods: readonly ReadPeriod[],
  direction: Direction,
  below: Decimal | null,
  name: string,
): boolean[] {
  return periods.map((period, index) => {
    if (below === null) return !period.met;
    if (period.actual === null || period.target === null) {
      throw new TargetreeError(
        "INVALID_ARGUMENT",
        "A period given as { met } has no achievement to compare with options.below; give { actual, target }.",
        { path: [name, index] },
      );
    }
    const ratio = achievementRatio(period.actual, period.target, direction, [name, index]);
    return ratio === null ? !period.met : ratio.lt(below);
  });
}

/** The runs of `true` in a list of miss flags. */
export function missRuns(flags: readonly boolean[]): MissRuns {
  let longest = 0;
  let longestStart: number | null = null;
  let run = 0;
  let misses = 0;
  flags.forEach((missed, index) => {
    if (!missed) {
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
  return { longest, longestStart, trailing: run, misses, periods: flags.length };
}
