import type { Decimal } from "../_lib/decimal.js";
import type { ErrorPath } from "../_lib/errors.js";
import type { Numeric } from "../_lib/types.js";
import type { AmountOf } from "../split/internal.js";
import {
  checkSplitSize,
  integerScale,
  readAmountForm,
  readParts,
  readTotal,
  readUnitSetup,
  shapeLike,
  unitsIn,
} from "../split/internal.js";
import { requiredOptions } from "./_lib/options.js";
import type { Grain, QuarterPattern } from "./_lib/periods.js";
import { groupDays } from "./_lib/periods.js";
import type { PeriodFrame, SpreadBy } from "./_lib/splitCore.js";
import {
  checkGrain,
  describeGroups,
  periodSpread,
  prepareRange,
  SPLIT_OPTIONS,
  spreadOverPeriods,
  unitDigitCount,
  weightSum,
  weightsFor,
} from "./_lib/splitCore.js";
import type { SplitByPeriodOptions } from "./splitByPeriod.js";
import type { IsoDate, ProvisionalFlag } from "./types.js";

/** Totals to split over the same periods: an array (results by position) or a record (by key). */
export type ManyTotals = readonly Numeric[] | Readonly<Record<string, Numeric>>;

/**
 * The result of {@link splitManyByPeriod}: the periods once, and each total's values by period.
 * `T` is the shape of the totals (an array or a record of amounts), `V` the type of an amount.
 */
export interface SplitManyByPeriodResult<T = Decimal[] | Record<string, Decimal>, V = Decimal>
  extends ProvisionalFlag {
  /** Each total as split (rounded first only with `roundTotal`), shaped like the totals given. */
  readonly totals: T;
  /** First day of the range, ISO `YYYY-MM-DD`. */
  readonly start: IsoDate;
  /** Last day of the range (inclusive). */
  readonly end: IsoDate;
  /** The grain the range was cut at. */
  readonly grain: Grain;
  /** What the shares followed, as given or defaulted. */
  readonly spreadBy: SpreadBy;
  /** The fiscal pattern; present only when `quarterPattern` was given. */
  readonly quarterPattern?: QuarterPattern;
  /** Calendar days in the range. */
  readonly calendarDays: number;
  /** Working days in the range. */
  readonly workingDays: number;
  /** The periods in date order (key, label, dates, days and share), the same for every total. */
  readonly periods: readonly PeriodFrame[];
  /**
   * Each total's values, one per period in the order of `periods`, summing exactly to that
   * total; shaped like the totals (an array by position, or a null-prototype record by key).
   */
  readonly values: T extends readonly unknown[] ? V[][] : Record<string, V[]>;
  /** Integer forms only: the decimal places of every amount (n stands for n × 10^-scale). */
  readonly scale?: number;
}

/** The amounts of a result shaped like totals `T`: an array for an array, a record for a record. */
export type ShapedLikeTotals<T, V> = T extends readonly unknown[]
  ? V[]
  : Record<keyof T & string, V>;

/**
 * Splits many totals over the same periods in one call — each sales rep's target over the
 * months of the year — exactly as {@link splitByPeriod} splits each one, but the range, the
 * calendar's days and the periods' weights are worked out once, not once per total. Each total's
 * values sum exactly to it (largest remainder in `unit`); `periods` describe the periods once.
 *
 * @param totals - The amounts to split: an array, or a record keyed by name (`{ 张三: "50万" }`);
 *   each a multiple of `unit` unless `roundTotal` is set.
 * @param options - The options of `splitByPeriod`: `start`, `end`, `grain`, `spreadBy`,
 *   `calendar`, `seasonality`, `quarterPattern`, `unit`, `rounding`, `roundTotal`, and `as`
 *   (`"decimal"` default, `"units"` or `"bigint"` for integer minor units with `scale`).
 * @returns The periods once; the totals and each total's values by period, shaped like `totals`.
 * @throws {TargetreeError} Every error of `splitByPeriod`, a total's at `["totals", key]`;
 *   `INVALID_ARGUMENT` for totals that are empty or not an array or a record; `DUPLICATE_KEY` and
 *   `INVALID_CHARACTER` for keys; `NUMBER_TOO_LARGE` for an amount past 2^53 − 1 with `as: "units"`.
 *
 * @example
 * const reps = splitManyByPeriod({ 张三: "50万", 李四: "30万" }, { start: "2026-01-01", end: "2026-03-31", grain: "month", calendar: chinaCalendar() });
 * reps.values.张三!.map(String) //=> ["177966.1", "135593.22", "186440.68"]
 * splitManyByPeriod([100, 7], { start: "2026-06-01", end: "2026-06-30", grain: "dekad", unit: 1, as: "units" }).values //=> [[36, 32, 32], [3, 2, 2]]
 */
export function splitManyByPeriod<const T extends ManyTotals, const F extends "units" | "bigint">(
  totals: T,
  options: SplitByPeriodOptions & { readonly as: F },
): SplitManyByPeriodResult<ShapedLikeTotals<T, AmountOf<F>>, AmountOf<F>> & {
  /** The decimal places of the integer amounts: n stands for n × 10^-scale. */
  readonly scale: number;
};
export function splitManyByPeriod<const T extends ManyTotals>(
  totals: T,
  options: SplitByPeriodOptions & { readonly as?: "decimal" },
): SplitManyByPeriodResult<ShapedLikeTotals<T, Decimal>, Decimal>;
export function splitManyByPeriod(
  totals: ManyTotals,
  options: SplitByPeriodOptions,
): SplitManyByPeriodResult<unknown, Decimal | number | bigint>;
export function splitManyByPeriod(totals: ManyTotals, options: SplitByPeriodOptions): unknown {
  const settings = requiredOptions(options, [...SPLIT_OPTIONS, "grain", "as"], {
    basis: "spreadBy",
  });
  const grain = checkGrain(settings.grain, ["options", "grain"]);
  const setup = readUnitSetup(settings, ["options"]);
  const form = readAmountForm(settings, ["options"]);
  const parts = readParts(totals, ["totals"], "totals");
  const at = (position: number): ErrorPath => [
    "totals",
    parts.keys === null ? position : parts.keys[position]!,
  ];
  const units = parts.values.map((total, position) => readTotal(total, setup, at(position)).units);
  // The longest total bounds the size of every split (periods × digits).
  const digits = units.reduce((most, count) => Math.max(most, unitDigitCount(count)), 1);
  const prepared = prepareRange(settings, [grain], setup, digits);
  const groups = groupDays(prepared.days, grain, prepared.fiscal);
  // Every total makes one part a period: bounds the whole call before any part is made.
  checkSplitSize({
    parts: units.length * groups.length,
    digits,
    unit: setup.unit,
    path: ["totals"],
    noun: "parts (totals × periods)",
  });
  const weights = weightsFor(prepared, groups, prepared.spreadBy, true);
  const sum = weightSum(weights);
  const spread = periodSpread(groups, weights, sum, prepared.spreadBy, setup);
  const asPath: ErrorPath = ["options", "as"];
  const values = units.map((count) => spreadOverPeriods(count, spread, form, asPath));
  const totalsOut = units.map((count) => unitsIn(count, setup.scaled, form, asPath));
  let workingDays = 0;
  for (const day of prepared.days) if (day.working) workingDays++;
  return {
    totals: shapeLike(parts, totalsOut),
    start: prepared.range.startIso,
    end: prepared.range.endIso,
    grain,
    spreadBy: prepared.spreadBy,
    ...(prepared.quarterPattern ? { quarterPattern: prepared.quarterPattern } : {}),
    calendarDays: prepared.days.length,
    workingDays,
    periods: describeGroups(groups, weights, sum, grain),
    values: shapeLike<unknown[]>(parts, values),
    provisional: prepared.calendar.provisionalYears.length > 0,
    provisionalYears: prepared.calendar.provisionalYears,
    ...(form === "decimal" ? {} : { scale: integerScale(setup.scaled).scale }),
  };
}
