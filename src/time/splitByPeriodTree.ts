import { readItems } from "../_lib/arrays.js";
import type { Decimal } from "../_lib/decimal.js";
import { TargetreeError } from "../_lib/errors.js";
import { exactUnits, toScaled } from "../_lib/exact/index.js";
import type { Numeric } from "../_lib/types.js";
import type { AmountForm, AmountOf } from "../split/internal.js";
import { integerScale, readAmountForm, unitsIn } from "../split/internal.js";
import type { DayRow } from "./_lib/dayTable.js";
import { requiredOptions } from "./_lib/options.js";
import type { Grain, QuarterPattern } from "./_lib/periods.js";
import { GRAIN_RANK, groupDays } from "./_lib/periods.js";
import type { Period, PeriodSplitBase, SpreadBy } from "./_lib/splitCore.js";
import { checkGrain, prepare, SPLIT_OPTIONS, splitGroups, weightsFor } from "./_lib/splitCore.js";
import type { IsoDate, ProvisionalFlag } from "./types.js";

/**
 * A period with its sub-periods; the children's values sum exactly to its value. `V` is the type
 * of a value: a Decimal, or an integer amount for `as: "units"` or `"bigint"`.
 */
export interface PeriodNode<V = Decimal> extends Period<V> {
  /** The sub-periods at the next grain, cut at this period's edges; empty at the last level. */
  readonly children: readonly PeriodNode<V>[];
}

/**
 * Options of {@link splitByPeriodTree}: those of {@link splitByPeriod}, with `grains` in place of
 * `grain`.
 */
export interface SplitByPeriodTreeOptions extends PeriodSplitBase {
  /** The levels, coarse to fine, e.g. `["quarter", "month", "week"]`. Each must be finer than the one before. */
  readonly grains: readonly Grain[];
  /**
   * What the levels below the first spread by when `seasonality` is given per period
   * (an array or a record, which only fits the first level). Default `"working-days"`.
   * Monthly seasonality (`{ monthly }`) applies at every level. Giving `innerSpreadBy` in any
   * other case throws `INVALID_ARGUMENT`, since it would have no effect.
   */
  readonly innerSpreadBy?: "working-days" | "calendar-days";
  /**
   * The form of the amounts: `"decimal"` (default), or integer minor units as numbers (`"units"`)
   * or bigints (`"bigint"`), with the result's `scale`.
   */
  readonly as?: AmountForm;
}

/** The result of {@link splitByPeriodTree}: the first level's periods, each with its children. */
export interface SplitByPeriodTreeResult<V = Decimal> extends ProvisionalFlag {
  /** The total split, exact. */
  readonly total: V;
  /** First day of the range, ISO `YYYY-MM-DD`. */
  readonly start: IsoDate;
  /** Last day of the range (inclusive), ISO `YYYY-MM-DD`. */
  readonly end: IsoDate;
  /** The levels, coarse to fine, as given. */
  readonly grains: readonly Grain[];
  /**
   * What the first level spread by, as given or defaulted; lower levels use `innerSpreadBy` when
   * the seasonality is per period.
   */
  readonly spreadBy: SpreadBy;
  /** The fiscal pattern; present only when `quarterPattern` was given. */
  readonly quarterPattern?: QuarterPattern;
  /** Calendar days in the range. */
  readonly calendarDays: number;
  /** Working days in the range. */
  readonly workingDays: number;
  /** The first level's periods, each with its `children`. */
  readonly periods: readonly PeriodNode<V>[];
  /** Integer forms only: the decimal places of every amount (n stands for n × 10^-scale). */
  readonly scale?: number;
}

/**
 * Splits a total level by level — e.g. the year into quarters, each quarter into
 * months, each month into weeks — so that **every level is exact**: the first
 * level sums to the total, and each period's children sum to that period's value.
 * Children are cut at their parent's edges (a month's weeks start on the 1st and end
 * on the last day of the month).
 *
 * Options are those of `splitByPeriod`, with `grains` in place of `grain`.
 *
 * @param total - The amount to split; a multiple of `unit` unless `roundTotal` is set.
 * @param options - `start`, `end`, `grains`, `spreadBy`, `calendar`, `seasonality`,
 *   `innerSpreadBy`, `quarterPattern`, `unit`, `roundTotal`, `rounding`, `as` (as in
 *   `splitByPeriod`).
 * @returns The tree of periods.
 * @throws {TargetreeError} As `splitByPeriod`, plus `INVALID_ARGUMENT` when `grains` is
 *   empty or a level is not finer than the one before.
 *
 * @example
 * const tree = splitByPeriodTree("1.2亿", { start: "2026-01-01", end: "2026-12-31", grains: ["month", "week"], calendar: chinaCalendar() });
 * tree.periods[1].value.toString() //=> "7741935.49"
 * tree.periods[1].children.map((week) => week.value.toString()) //=> ["0", "2419354.84", "2903225.81", "0", "2419354.84"]
 * splitByPeriodTree(100, { start: "2026-06-01", end: "2026-06-30", grains: ["month", "dekad"], unit: 1, as: "units" }).periods[0]!.children.map((p) => p.value) //=> [36, 32, 32]
 */
export function splitByPeriodTree<const F extends "units" | "bigint">(
  total: Numeric,
  options: SplitByPeriodTreeOptions & { readonly as: F },
): SplitByPeriodTreeResult<AmountOf<F>> & {
  /** The decimal places of the integer amounts: n stands for n × 10^-scale. */
  readonly scale: number;
};
export function splitByPeriodTree(
  total: Numeric,
  options: SplitByPeriodTreeOptions & { readonly as?: "decimal" },
): SplitByPeriodTreeResult;
export function splitByPeriodTree(
  total: Numeric,
  options: SplitByPeriodTreeOptions,
): SplitByPeriodTreeResult<Decimal | number | bigint>;
export function splitByPeriodTree(
  total: Numeric,
  options: SplitByPeriodTreeOptions,
): SplitByPeriodTreeResult<Decimal | number | bigint> {
  const settings = requiredOptions(options, [...SPLIT_OPTIONS, "grains", "innerSpreadBy", "as"], {
    basis: "spreadBy",
    innerBasis: "innerSpreadBy",
  });
  const rawGrains = settings.grains;
  if (!Array.isArray(rawGrains) || rawGrains.length === 0) {
    throw new TargetreeError(
      "INVALID_ARGUMENT",
      'grains must be a non-empty array such as ["month", "week"].',
      { path: ["options", "grains"] },
    );
  }
  const grains = readItems(rawGrains as readonly unknown[], ["options", "grains"]).map(
    (grain, index) => checkGrain(grain, ["options", "grains", index]),
  );
  grains.forEach((grain, index) => {
    const before = grains[index - 1];
    if (before !== undefined && GRAIN_RANK[grain] <= GRAIN_RANK[before]) {
      throw new TargetreeError(
        "INVALID_ARGUMENT",
        `Each level must be finer than the one before: "${grain}" cannot sit under "${before}".`,
        { path: ["options", "grains", index] },
      );
    }
  });
  const innerSpreadBy = settings.innerSpreadBy;
  if (
    innerSpreadBy !== undefined &&
    innerSpreadBy !== "working-days" &&
    innerSpreadBy !== "calendar-days"
  ) {
    throw new TargetreeError(
      "INVALID_ARGUMENT",
      'innerSpreadBy must be "working-days" or "calendar-days".',
      { path: ["options", "innerSpreadBy"] },
    );
  }
  const prepared = prepare(total, settings, grains);
  const form = readAmountForm(settings, ["options"]);
  if (innerSpreadBy !== undefined && (prepared.spreadBy !== "seasonality" || prepared.density)) {
    throw new TargetreeError(
      "INVALID_ARGUMENT",
      "innerSpreadBy only applies when seasonality is given per period (an array or a record); here every level already spreads the same way, so drop innerSpreadBy.",
      { path: ["options", "innerSpreadBy"] },
    );
  }
  const levelSpread = (level: number): SpreadBy =>
    level === 0 || prepared.spreadBy !== "seasonality" || prepared.density
      ? prepared.spreadBy
      : (innerSpreadBy ?? "working-days");

  const build = (
    value: Decimal,
    days: readonly DayRow[],
    offset: number,
    level: number,
  ): PeriodNode[] => {
    const grain = grains[level]!;
    const groups = groupDays(days, grain, prepared.fiscal, offset);
    const spreadBy = levelSpread(level);
    const weights = weightsFor(prepared, groups, spreadBy, level === 0);
    const periods = splitGroups(value, groups, weights, prepared, spreadBy, grain);
    let position = offset;
    return periods.map((period, index) => {
      const groupDaysOf = groups[index]!.days;
      const childOffset = position;
      position += groupDaysOf.length;
      const children =
        level + 1 < grains.length ? build(period.value, groupDaysOf, childOffset, level + 1) : [];
      return { ...period, children };
    });
  };

  const periods = build(prepared.total, prepared.days, 0, 0);
  const unit = prepared.setup.scaled;
  // The integer forms: each (exact) value as its whole units of the unit, then as an amount.
  const amount = (value: Decimal): number | bigint =>
    unitsIn(exactUnits(toScaled(value), unit)!, unit, form, ["options", "as"]) as number | bigint;
  const convert = (node: PeriodNode): PeriodNode<number | bigint> => ({
    ...node,
    value: amount(node.value),
    children: node.children.map(convert),
  });
  return {
    total: form === "decimal" ? prepared.total : amount(prepared.total),
    start: prepared.range.startIso,
    end: prepared.range.endIso,
    grains,
    spreadBy: prepared.spreadBy,
    ...(prepared.quarterPattern ? { quarterPattern: prepared.quarterPattern } : {}),
    calendarDays: prepared.days.length,
    workingDays: prepared.days.filter((day) => day.working).length,
    periods: form === "decimal" ? periods : periods.map(convert),
    provisional: prepared.calendar.provisionalYears.length > 0,
    provisionalYears: prepared.calendar.provisionalYears,
    ...(form === "decimal" ? {} : { scale: integerScale(unit).scale }),
  };
}
