import type { Decimal } from "../_lib/decimal.js";
import type { Numeric } from "../_lib/types.js";
import type { AmountForm, AmountOf } from "../split/internal.js";
import { integerScale, readAmountForm, unitsIn } from "../split/internal.js";
import { requiredOptions } from "./_lib/options.js";
import type { Grain, QuarterPattern } from "./_lib/periods.js";
import { groupDays } from "./_lib/periods.js";
import type { Period, PeriodSplitBase, SpreadBy } from "./_lib/splitCore.js";
import {
  checkGrain,
  describeGroups,
  periodSpread,
  prepare,
  SPLIT_OPTIONS,
  spreadOverPeriods,
  weightSum,
  weightsFor,
  withValue,
} from "./_lib/splitCore.js";
import type { IsoDate, ProvisionalFlag } from "./types.js";

export type { Grain, QuarterPattern } from "./_lib/periods.js";
export type {
  MonthlySeasonality,
  Period,
  PeriodFrame,
  Seasonality,
  SpreadBy,
} from "./_lib/splitCore.js";

/**
 * Options of {@link splitByPeriod}: the range, the grain, and how the total is weighted and
 * rounded.
 */
export interface SplitByPeriodOptions extends PeriodSplitBase {
  /** `"year"`, `"quarter"`, `"month"`, `"dekad"` (旬), `"week"` (ISO weeks) or `"day"`. */
  readonly grain: Grain;
  /**
   * The form of the amounts: `"decimal"` (default) Decimals; `"units"` safe-integer numbers in
   * minor units (cents for the default unit 0.01), or `"bigint"` bigints, with the result's
   * `scale`.
   */
  readonly as?: AmountForm;
}

/**
 * The result of {@link splitByPeriod}: the periods, their values, and what the split followed. `V`
 * is the type of an amount: a Decimal, or an integer amount for `as: "units"` or `"bigint"`.
 */
export interface SplitByPeriodResult<V = Decimal> extends ProvisionalFlag {
  /** The total split, exact. */
  readonly total: V;
  /** First day of the range, ISO `YYYY-MM-DD`. */
  readonly start: IsoDate;
  /** Last day of the range (inclusive), ISO `YYYY-MM-DD`. */
  readonly end: IsoDate;
  /** The grain the range was cut at. */
  readonly grain: Grain;
  /**
   * What the shares followed, as given or defaulted (`"working-days"`, or `"seasonality"` when
   * `seasonality` was given).
   */
  readonly spreadBy: SpreadBy;
  /** The fiscal pattern; present only when `quarterPattern` was given. */
  readonly quarterPattern?: QuarterPattern;
  /** Calendar days in the range. */
  readonly calendarDays: number;
  /** Working days in the range. */
  readonly workingDays: number;
  /** The periods in date order; their values sum exactly to `total`. */
  readonly periods: readonly Period<V>[];
  /**
   * Integer forms only: the decimal places of every amount (n stands for n × 10^-scale), the
   * unit's (2 for 0.01, 0 for 1 or 万).
   */
  readonly scale?: number;
}

/**
 * Splits a total over the periods of a date range — years, quarters, months, 旬,
 * weeks or days — so that the parts sum **exactly** to the total in the unit
 * (largest-remainder rounding through `allocate`).
 *
 * - The range is inclusive at both ends; periods are cut at its edges (a range
 *   from 2026-01-15 has a January period of 17 days).
 * - Grains: `year`; `quarter` (`"2026-Q1"`); `month` (`"2026-01"`); `dekad` (旬: days
 *   1–10 上旬, 11–20 中旬, 21–end 下旬, keys `"2026-01-上旬"`); `week` (ISO weeks,
 *   Monday–Sunday, keys `"2026-W01"` by ISO week-year, cut at the range's edges); `day`.
 * - `spreadBy`: `"working-days"` (default: each working day carries an equal part, weekend
 *   days and holidays carry nothing, make-up working days carry a part);
 *   `"calendar-days"`; or `"seasonality"` with `seasonality` weights — one per period,
 *   a record by period key, or `{ monthly: [12 figures] }` (e.g. last year's sales by
 *   month), which spreads each month's figure over its working days (or calendar days
 *   with `within: "calendar-days"`), so any grain works.
 * - `quarterPattern` `"4-4-5"` | `"4-5-4"` | `"5-4-4"` (grains quarter and month): fiscal
 *   months of whole weeks counted from `start` — each 13-week quarter has months of 4,
 *   4 and 5 weeks (or 4-5-4, 5-4-4). Days after the 52nd week (the one or two extra days
 *   of a calendar year, or a 53rd week) join the twelfth month. At most 371 days.
 *   Keys `"FY2026-Q1"`, `"FY2026-P01"`. Start on a Monday to align with ISO weeks.
 * - For nested splits (each month into weeks, exact at both levels) use
 *   `splitByPeriodTree`, or split each period's `value` again over its `start`–`end`.
 *
 * @param total - The amount to split (`"1.2亿"`, `120000000`, a Decimal); a multiple of `unit`
 *   unless `roundTotal` is set.
 * @param options - `start`, `end`, `grain`, `spreadBy`, `calendar`, `seasonality`,
 *   `quarterPattern`, `unit` (default `"0.01"`; `"万"` is a step of 1万), `roundTotal` (default
 *   false: a total off the unit throws) and `rounding` (how `roundTotal` rounds; default half-up).
 * @returns The periods with key, label, start, end, calendar days, working days, share and value.
 * @throws {TargetreeError} `INVALID_DATE`, `INVALID_RANGE` (end before start, over 100
 *   years, a fiscal split over 371 days); `UNKNOWN_OPTION` for a misspelt option (`calender`)
 *   or calendar field; `INVALID_ARGUMENT` for a bad grain, spreadBy, pattern or calendar; `SEASONALITY_MISMATCH` when the weights do not match the
 *   periods; `NEGATIVE_WEIGHT`; `NO_WORKING_DAYS` for a working-day split of a range
 *   with none; `CALENDAR_CONFLICT`; `CALENDAR_YEAR_MISSING`; `INVALID_NUMBER` and
 *   `NOT_A_MULTIPLE_OF_UNIT` for a total off the unit without `roundTotal`; `SPLIT_TOO_LARGE`
 *   when the days × levels times the digits of the total in units pass `MAX_SPLIT_DIGITS`
 *   (a day split over 100 years at unit 1e-999).
 *
 * @example
 * const year = splitByPeriod("1.2亿", { start: "2026-01-01", end: "2026-12-31", grain: "quarter", calendar: chinaCalendar() });
 * year.periods.map((p) => p.workingDays) //=> [59, 61, 66, 62]
 * year.periods.map((p) => p.value.toString()) //=> ["28548387.1", "29516129.03", "31935483.87", "30000000"]
 * splitByPeriod(3000, { start: "2026-06-01", end: "2026-06-30", grain: "dekad", spreadBy: "calendar-days" }).periods.map((p) => `${p.key} ${p.value}`) //=> ["2026-06-上旬 1000", "2026-06-中旬 1000", "2026-06-下旬 1000"]
 * splitByPeriod("10.5", { start: "2026-06-01", end: "2026-06-03", grain: "day", unit: 1, roundTotal: true }).periods.map((p) => p.value.toString()) //=> ["4", "4", "3"]
 * splitByPeriod(1000, { start: "2026-06-01", end: "2026-06-30", grain: "dekad", as: "units" }).periods.map((p) => p.value) //=> [36364, 31818, 31818]
 */
export function splitByPeriod<const F extends "units" | "bigint">(
  total: Numeric,
  options: SplitByPeriodOptions & { readonly as: F },
): SplitByPeriodResult<AmountOf<F>> & {
  /** The decimal places of the integer amounts: n stands for n × 10^-scale. */
  readonly scale: number;
};
export function splitByPeriod(
  total: Numeric,
  options: SplitByPeriodOptions & { readonly as?: "decimal" },
): SplitByPeriodResult;
export function splitByPeriod(
  total: Numeric,
  options: SplitByPeriodOptions,
): SplitByPeriodResult<Decimal | number | bigint>;
export function splitByPeriod(
  total: Numeric,
  options: SplitByPeriodOptions,
): SplitByPeriodResult<Decimal | number | bigint> {
  const settings = requiredOptions(options, [...SPLIT_OPTIONS, "grain", "as"], {
    basis: "spreadBy",
  });
  const grain = checkGrain(settings.grain, ["options", "grain"]);
  const prepared = prepare(total, settings, [grain]);
  const form = readAmountForm(settings, ["options"]);
  const groups = groupDays(prepared.days, grain, prepared.fiscal);
  const weights = weightsFor(prepared, groups, prepared.spreadBy, true);
  const sum = weightSum(weights);
  const spread = periodSpread(groups, weights, sum, prepared.spreadBy, prepared.setup);
  const values = spreadOverPeriods(prepared.totalUnits, spread, form, ["options", "as"]);
  const periods = describeGroups(groups, weights, sum, grain).map((frame, index) =>
    withValue(frame, values[index]!),
  );
  let workingDays = 0;
  for (const day of prepared.days) if (day.working) workingDays++;
  return {
    total:
      form === "decimal"
        ? prepared.total
        : unitsIn(prepared.totalUnits, prepared.setup.scaled, form, ["options", "as"]),
    start: prepared.range.startIso,
    end: prepared.range.endIso,
    grain,
    spreadBy: prepared.spreadBy,
    ...(prepared.quarterPattern ? { quarterPattern: prepared.quarterPattern } : {}),
    calendarDays: prepared.days.length,
    workingDays,
    periods,
    provisional: prepared.calendar.provisionalYears.length > 0,
    provisionalYears: prepared.calendar.provisionalYears,
    ...(form === "decimal" ? {} : { scale: integerScale(prepared.setup.scaled).scale }),
  };
}
