import { endOfMonth } from "date-fns/endOfMonth";
import { startOfMonth } from "date-fns/startOfMonth";
import type { Decimal } from "../../_lib/decimal.js";
import { ZERO } from "../../_lib/decimal.js";
import type { ErrorPath } from "../../_lib/errors.js";
import { describeValue, excerpt, TargetreeError } from "../../_lib/errors.js";
import type { Scaled } from "../../_lib/exact/index.js";
import { unitsToDecimal } from "../../_lib/exact/index.js";
import { checkMagnitude } from "../../_lib/magnitude.js";
import { readChoice, readOptions } from "../../_lib/options.js";
import { isRecord, own } from "../../_lib/records.js";
import type { Numeric, RoundingMode } from "../../_lib/types.js";
import { toDecimal } from "../../numbers/toDecimal.js";
import { allocate } from "../../split/allocate.js";
import type { AmountForm, IntWeights, PartNames, UnitSetup } from "../../split/internal.js";
import {
  checkSplitSize,
  countsIn,
  readTotal,
  readUnitSetup,
  readWeights,
  spreadUnits,
} from "../../split/internal.js";
import type { Calendar, DayKind, IsoDate } from "../types.js";
import type { ResolvedCalendar } from "./calendar.js";
import { dayNumber } from "./dayNumber.js";
import type { DayRow } from "./dayTable.js";
import { buildDays } from "./dayTable.js";
import type { DateRange } from "./isoDate.js";
import { formatIsoDate, parseRange } from "./isoDate.js";
import type { DayGroup, FiscalMap, Grain, QuarterPattern } from "./periods.js";
import { fiscalMap, GRAINS, MAX_FISCAL_DAYS, QUARTER_PATTERNS } from "./periods.js";

/** What a period split's shares follow: working days, calendar days, or seasonality weights. */
export type SpreadBy = "calendar-days" | "working-days" | "seasonality";

/** Seasonality derived from a year of monthly figures (e.g. last year's sales by month). */
export interface MonthlySeasonality {
  /** Twelve non-negative figures, January to December. */
  readonly monthly: readonly Numeric[];
  /** How a month's weight spreads over its days: working days (default) or calendar days. */
  readonly within?: "working-days" | "calendar-days";
}

/**
 * Seasonality weights: one per period in order, a record keyed by period key
 * (`{ "2026-01": 8, … }`), or `{ monthly: [...12 figures] }`.
 */
export type Seasonality =
  | readonly Numeric[]
  | Readonly<Record<string, Numeric>>
  | MonthlySeasonality;

const SPREADS: readonly SpreadBy[] = ["calendar-days", "working-days", "seasonality"];

/** The options every period split reads; `splitByPeriod` adds `grain`, `splitByPeriodTree` `grains`. */
export const SPLIT_OPTIONS: readonly string[] = [
  "start",
  "end",
  "spreadBy",
  "calendar",
  "seasonality",
  "quarterPattern",
  "unit",
  "rounding",
  "roundTotal",
];

/** One period of a split; `V` is the type of its value (a Decimal, or an integer amount). */
export interface Period<V = Decimal> {
  /** Stable key: `"2026"`, `"2026-Q1"`, `"2026-01"`, `"2026-01-上旬"`, `"2026-W01"`, `"2026-01-01"`; fiscal: `"FY2026-Q1"`, `"FY2026-P01"`. */
  readonly key: string;
  /** A label for people: `"2026年1月"`, `"2026年1月上旬"`, `"2026年第1周"`. */
  readonly label: string;
  /** First day of the period inside the range. */
  readonly start: IsoDate;
  /** Last day of the period inside the range (inclusive). */
  readonly end: IsoDate;
  /** Calendar days in the period. */
  readonly calendarDays: number;
  /** Working days in the period, by the calendar. */
  readonly workingDays: number;
  /** The period's share of the total before rounding (weights ÷ their sum). */
  readonly share: Decimal;
  /**
   * The period's part of the total, a whole multiple of the unit (an integer amount at the result's
   * `scale` for `as: "units"` or `"bigint"`).
   */
  readonly value: V;
  /** Day grain only: how the calendar counts the day. */
  readonly kind?: DayKind;
  /** Day grain only: the holiday's or make-up day's name. */
  readonly name?: string;
}

/** Options shared by `splitByPeriod` and `splitByPeriodTree`. */
export interface PeriodSplitBase {
  /** First day of the range, ISO `"YYYY-MM-DD"`. */
  readonly start: IsoDate;
  /** Last day of the range, inclusive. */
  readonly end: IsoDate;
  /**
   * What the shares follow: `"working-days"` (default; `"seasonality"` when `seasonality` is
   * given), `"calendar-days"` or `"seasonality"`.
   */
  readonly spreadBy?: SpreadBy;
  /**
   * The working-day calendar. Default Monday–Friday, no holidays. A compiled calendar
   * (`chinaCalendar()`, `compileCalendar(…)`) is read without being checked again.
   */
  readonly calendar?: Calendar;
  /** Weights for `spreadBy: "seasonality"`. */
  readonly seasonality?: Seasonality;
  /** Fiscal quarters of 13 weeks with months of 4-4-5, 4-5-4 or 5-4-4 weeks (quarter and month grains). */
  readonly quarterPattern?: QuarterPattern;
  /** The smallest step of a value: `"0.01"` (default), `1`, `"万"` (1万), `"1亿"`, … */
  readonly unit?: Numeric;
  /** How `roundTotal` rounds the total to the unit. Default `"half-up"` (四舍五入). */
  readonly rounding?: RoundingMode;
  /**
   * Round a total that is not a whole multiple of `unit` to the unit first (with `rounding`);
   * the result's `total` is the rounded amount. Default `false`: such a total throws
   * `NOT_A_MULTIPLE_OF_UNIT`.
   */
  readonly roundTotal?: boolean;
}

/** Everything a split needs, checked once. */
export interface Prepared {
  readonly total: Decimal;
  /** The total in whole units. */
  readonly totalUnits: bigint;
  /** The unit, rounding and roundTotal, as read. */
  readonly setup: UnitSetup;
  readonly range: DateRange;
  readonly days: readonly DayRow[];
  readonly calendar: ResolvedCalendar;
  readonly spreadBy: SpreadBy;
  readonly seasonality: Seasonality | undefined;
  /** Per-day weights for monthly seasonality. */
  readonly density: ReadonlyMap<IsoDate, Decimal> | null;
  readonly fiscal: FiscalMap | null;
  readonly quarterPattern: QuarterPattern | null;
  /** The rounding step, read by the split area (`"万"` is one 万). */
  readonly unit: Decimal;
}

function isMonthly(value: unknown): value is MonthlySeasonality {
  return isRecord(value) && Array.isArray(own(value, "monthly"));
}

export function checkGrain(value: unknown, path: ErrorPath): Grain {
  if (value === undefined) {
    throw new TargetreeError(
      "INVALID_ARGUMENT",
      `grain is required: one of ${GRAINS.join(", ")}.`,
      { path },
    );
  }
  if (!GRAINS.includes(value as Grain)) {
    throw new TargetreeError(
      "INVALID_ARGUMENT",
      `grain must be one of ${GRAINS.join(", ")}, got ${describeValue(value)}.`,
      { path },
    );
  }
  return value as Grain;
}

/**
 * Checks the options (already read by own keys, see `requiredOptions`) and builds the day
 * table. `grains` are the grains the split will use.
 */
export function prepare(
  total: Numeric,
  options: Readonly<Record<string, unknown>>,
  grains: readonly Grain[],
): Prepared {
  // The unit, the rounding mode and roundTotal are checked before anything else, and a total off
  // the unit is rounded here (on request), so the result's total is what the periods sum to.
  const setup = readUnitSetup(options, ["options"]);
  const units = readTotal(total, setup).units;
  return {
    ...prepareRange(options, grains, setup, unitDigitCount(units)),
    total: unitsToDecimal(units, setup.scaled),
    totalUnits: units,
  };
}

/** The digits of a total counted in units (at least 1), for the split size bound. */
export function unitDigitCount(units: bigint): number {
  return units === 0n ? 1 : (units < 0n ? -units : units).toString().length;
}

/** A range, its day table, weighting and calendar checked once, for any number of totals. */
export type PreparedRange = Omit<Prepared, "total" | "totalUnits">;

/**
 * Checks the options of a period split other than the total (already read by own keys, see
 * `requiredOptions`) and builds the day table, once. `setup` is the unit setup read from them.
 */
export function prepareRange(
  options: Readonly<Record<string, unknown>>,
  grains: readonly Grain[],
  setup: UnitSetup,
  digits: number,
): PreparedRange {
  const range = parseRange(
    own(options, "start"),
    own(options, "end"),
    ["options", "start"],
    ["options", "end"],
  );
  // Every level makes at most one period a day: bounds the whole split before any is made.
  checkSplitSize({
    parts: range.days * grains.length,
    digits,
    unit: setup.unit,
    path: ["options", "unit"],
    noun: "periods (days × levels)",
  });
  const seasonality = own(options, "seasonality") as Seasonality | undefined;
  const given = own(options, "spreadBy");
  const spreadBy = (given ?? (seasonality === undefined ? "working-days" : "seasonality")) as
    | SpreadBy
    | undefined;
  if (!SPREADS.includes(spreadBy as SpreadBy)) {
    throw new TargetreeError(
      "INVALID_ARGUMENT",
      `spreadBy must be one of ${SPREADS.join(", ")}, got ${describeValue(given)}.`,
      { path: ["options", "spreadBy"] },
    );
  }
  if (spreadBy === "seasonality" && seasonality === undefined) {
    throw new TargetreeError(
      "SEASONALITY_MISMATCH",
      'spreadBy "seasonality" needs seasonality weights: one per period, a record by period key, or { monthly: [12 figures] }.',
      { path: ["options", "seasonality"] },
    );
  }
  if (spreadBy !== "seasonality" && seasonality !== undefined) {
    throw new TargetreeError(
      "INVALID_ARGUMENT",
      `seasonality is given but spreadBy is "${spreadBy}"; drop one of them.`,
      { path: ["options", "spreadBy"] },
    );
  }
  if (seasonality !== undefined && !Array.isArray(seasonality) && !isRecord(seasonality)) {
    throw new TargetreeError(
      "SEASONALITY_MISMATCH",
      `seasonality must be an array, a record or { monthly }, got ${describeValue(seasonality)}.`,
      { path: ["options", "seasonality"] },
    );
  }
  const pattern = own(options, "quarterPattern");
  let fiscalPattern: QuarterPattern | null = null;
  if (pattern !== undefined) {
    if (!QUARTER_PATTERNS.includes(pattern as QuarterPattern)) {
      throw new TargetreeError(
        "INVALID_ARGUMENT",
        `quarterPattern must be one of ${QUARTER_PATTERNS.join(", ")}, got ${describeValue(pattern)}.`,
        { path: ["options", "quarterPattern"] },
      );
    }
    if (!grains.some((grain) => grain === "quarter" || grain === "month")) {
      throw new TargetreeError(
        "INVALID_ARGUMENT",
        "quarterPattern shapes fiscal quarters and months; use it with grain quarter or month.",
        { path: ["options", "quarterPattern"] },
      );
    }
    if (range.days > MAX_FISCAL_DAYS) {
      throw new TargetreeError(
        "INVALID_RANGE",
        `A ${pattern as string} split covers one fiscal year (at most ${MAX_FISCAL_DAYS} days, 53 weeks); split each fiscal year separately.`,
        { path: ["options", "end"] },
      );
    }
    fiscalPattern = pattern as QuarterPattern;
  }

  // Monthly seasonality spreads each month's weight over the whole calendar month,
  // so the table covers the months at both ends in full.
  const monthly = spreadBy === "seasonality" && isMonthly(seasonality) ? seasonality : null;
  const tableRange: DateRange = monthly ? wholeMonths(range) : range;
  const table = buildDays(tableRange, own(options, "calendar") as Calendar | undefined, [
    "options",
    "calendar",
  ]);
  const days = monthly
    ? table.days.filter((day) => day.iso >= range.startIso && day.iso <= range.endIso)
    : table.days;
  const density = monthly ? monthlyDensity(monthly, table.days) : null;

  return {
    range,
    days,
    calendar: table.calendar,
    spreadBy: spreadBy as SpreadBy,
    seasonality,
    density,
    fiscal: fiscalPattern ? fiscalMap(days, fiscalPattern) : null,
    quarterPattern: fiscalPattern,
    unit: setup.unit,
    setup,
  };
}

/** The range widened to the whole months at both ends (beyond the 100-year limit if need be). */
function wholeMonths(range: DateRange): DateRange {
  const start = startOfMonth(range.start);
  const end = endOfMonth(range.end);
  const startIso = formatIsoDate(start);
  const endIso = formatIsoDate(end);
  return { start, end, startIso, endIso, days: dayNumber(endIso) - dayNumber(startIso) + 1 };
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

/**
 * Per-day weights from twelve monthly figures: each month's figure spread evenly
 * over its (working) days. Weights are scaled by the least common multiple of the
 * months' day counts, so they stay exact integers times the figures.
 */
function monthlyDensity(
  seasonality: MonthlySeasonality,
  days: readonly DayRow[],
): Map<IsoDate, Decimal> {
  const path: ErrorPath = ["options", "seasonality", "monthly"];
  const figures = seasonality.monthly;
  if (figures.length !== 12) {
    throw new TargetreeError(
      "SEASONALITY_MISMATCH",
      `Monthly seasonality needs 12 figures (January to December), got ${figures.length}.`,
      { path, details: { expected: 12, got: figures.length } },
    );
  }
  const weights = figures.map((figure, index) => checkWeight(figure, [...path, index]));
  readOptions(seasonality, ["monthly", "within"], ["options", "seasonality"]);
  const within = readChoice(
    seasonality,
    "within",
    ["working-days", "calendar-days"],
    "working-days",
    ["options", "seasonality"],
  );
  const counted = (day: DayRow) => within === "calendar-days" || day.working;
  const perMonth = new Map<string, number>();
  for (const day of days) {
    const key = `${day.year}-${day.month}`;
    perMonth.set(key, (perMonth.get(key) ?? 0) + (counted(day) ? 1 : 0));
  }
  let scale = 1;
  for (const [key, count] of perMonth) {
    const month = Number(key.slice(key.indexOf("-") + 1));
    if (count === 0) {
      if (!weights[month - 1]!.isZero()) {
        throw new TargetreeError(
          "SEASONALITY_MISMATCH",
          `Month ${key} has a seasonality weight but no ${within === "working-days" ? "working " : ""}days to carry it.`,
          { path: [...path, month - 1] },
        );
      }
      continue;
    }
    scale = (scale / gcd(scale, count)) * count;
  }
  const density = new Map<IsoDate, Decimal>();
  for (const day of days) {
    const count = perMonth.get(`${day.year}-${day.month}`)!;
    density.set(
      day.iso,
      counted(day) && count > 0 ? weights[day.month - 1]!.times(scale / count) : ZERO,
    );
  }
  return density;
}

function checkWeight(value: unknown, path: ErrorPath): Decimal {
  const weight = toDecimal(value as Numeric, path);
  if (weight.isNegative()) {
    throw new TargetreeError("NEGATIVE_WEIGHT", "A seasonality weight is negative.", { path });
  }
  return weight;
}

/** Per-period weights from seasonality given per period (array or record). */
function periodSeasonality(seasonality: Seasonality, groups: readonly DayGroup[]): Decimal[] {
  const path: ErrorPath = ["options", "seasonality"];
  if (Array.isArray(seasonality)) {
    if (seasonality.length !== groups.length) {
      throw new TargetreeError(
        "SEASONALITY_MISMATCH",
        `The split has ${groups.length} periods (${describeKeys(groups)}) but ${seasonality.length} seasonality weights; give one weight per period, in order, or a record by period key.`,
        { path, details: { expected: groups.length, got: seasonality.length } },
      );
    }
    return seasonality.map((weight, index) => checkWeight(weight, [...path, index]));
  }
  const record = seasonality as Readonly<Record<string, Numeric>>;
  const keys = Object.keys(record);
  const wanted = new Set(groups.map((group) => group.key));
  const extra = keys.filter((key) => !wanted.has(key));
  const missing = groups.filter((group) => !Object.hasOwn(record, group.key));
  if (extra.length > 0 || missing.length > 0) {
    const parts = [
      missing.length > 0 ? `no weight for ${missing.map((g) => excerpt(g.key)).join(", ")}` : "",
      extra.length > 0
        ? `weights for unknown periods ${extra.map((k) => excerpt(k)).join(", ")}`
        : "",
    ].filter(Boolean);
    throw new TargetreeError(
      "SEASONALITY_MISMATCH",
      `Seasonality keys do not match the periods (${describeKeys(groups)}): ${parts.join("; ")}.`,
      {
        path: extra.length > 0 ? [...path, extra[0]!] : path,
        details: { missing: missing.map((g) => g.key), extra },
      },
    );
  }
  return groups.map((group) => checkWeight(record[group.key], [...path, group.key]));
}

function describeKeys(groups: readonly DayGroup[]): string {
  if (groups.length <= 4) return groups.map((group) => group.key).join(", ");
  return `${groups[0]!.key}, ${groups[1]!.key} … ${groups[groups.length - 1]!.key}`;
}

/** A period's weight: a whole count of days (fast path in `allocate`) or a Decimal. */
export type Weight = number | Decimal;

/** Weights of the groups by what the split spreads by (overridden for inner levels). */
export function weightsFor(
  prepared: PreparedRange,
  groups: readonly DayGroup[],
  spreadBy: SpreadBy,
  topLevel: boolean,
): Weight[] {
  if (spreadBy === "calendar-days") return groups.map((group) => group.days.length);
  if (spreadBy === "working-days") {
    return groups.map((group) => group.days.filter((day) => day.working).length);
  }
  if (prepared.density) {
    const density = prepared.density;
    return groups.map((group) =>
      group.days.reduce((sum, day) => sum.plus(density.get(day.iso)!), ZERO),
    );
  }
  if (!topLevel) {
    throw new TargetreeError(
      "INVALID_ARGUMENT",
      "Per-period seasonality applies to the first level only.",
    );
  }
  return periodSeasonality(prepared.seasonality!, groups);
}

/** Throws unless a non-zero total can be spread over weights that sum to `sum`. */
export function checkSpreadable(
  sum: Decimal,
  groups: readonly DayGroup[],
  spreadBy: SpreadBy,
): void {
  if (!sum.isZero()) return;
  if (spreadBy === "working-days") {
    throw new TargetreeError(
      "NO_WORKING_DAYS",
      `${groups[0]!.days[0]!.iso} – ${groups[groups.length - 1]!.days.at(-1)!.iso} has no working days, so a working-day split of a non-zero total is undefined; use spreadBy: "calendar-days" or a range with working days.`,
      { path: ["options", "spreadBy"] },
    );
  }
  throw new TargetreeError(
    "SEASONALITY_MISMATCH",
    "Every period's seasonality weight is zero, so the total cannot be spread.",
    { path: ["options", "seasonality"] },
  );
}

/** The sum of the weights. */
export function weightSum(weights: readonly Weight[]): Decimal {
  return weights.reduce<Decimal>((acc, weight) => acc.plus(weight), ZERO);
}

/** A period without its value: what a split of many totals shares between them. */
export type PeriodFrame = Omit<Period, "value">;

/** Describes each group as a period (dates, days, share of the weights), before any value. */
export function describeGroups(
  groups: readonly DayGroup[],
  weights: readonly Weight[],
  sum: Decimal,
  grain: Grain,
): PeriodFrame[] {
  return groups.map((group, index): PeriodFrame => {
    const first = group.days[0]!;
    const last = group.days[group.days.length - 1]!;
    let working = 0;
    for (const day of group.days) if (day.working) working++;
    const frame: PeriodFrame = {
      key: group.key,
      label: group.label,
      start: first.iso,
      end: last.iso,
      calendarDays: group.days.length,
      workingDays: working,
      share: sum.isZero()
        ? ZERO
        : checkMagnitude(
            toDecimal(weights[index]!).dividedBy(sum),
            ["options", "seasonality"],
            "A share",
          ),
    };
    if (grain !== "day") return frame;
    return {
      ...frame,
      kind: first.kind,
      ...(first.name === undefined ? {} : { name: first.name }),
    };
  });
}

/** A period with its value, the value placed after the share (before a day's kind and name). */
export function withValue<V>(frame: PeriodFrame, value: V): Period<V> {
  const period = {
    key: frame.key,
    label: frame.label,
    start: frame.start,
    end: frame.end,
    calendarDays: frame.calendarDays,
    workingDays: frame.workingDays,
    share: frame.share,
    value,
  };
  // Own fields only: a name planted on Object.prototype is never a day's kind or name.
  if (!Object.hasOwn(frame, "kind")) return period;
  return {
    ...period,
    kind: frame.kind as DayKind,
    ...(Object.hasOwn(frame, "name") ? { name: frame.name as string } : {}),
  };
}

/** Splits `value` over the groups by `weights`, exactly, and describes each period. */
export function splitGroups(
  value: Decimal,
  groups: readonly DayGroup[],
  weights: readonly Weight[],
  prepared: PreparedRange,
  spreadBy: SpreadBy,
  grain: Grain,
): Period[] {
  const sum = weightSum(weights);
  if (!value.isZero()) checkSpreadable(sum, groups, spreadBy);
  const values = allocate(value, weights, { unit: prepared.unit });
  return describeGroups(groups, weights, sum, grain).map((frame, index) =>
    withValue(frame, values[index]!),
  );
}

/**
 * Splits whole units over the periods' weights in a form (Decimals or integer amounts): the core
 * shared by one total and many. The weights are read once into `spread`.
 */
export function spreadOverPeriods(
  units: bigint,
  spread: PeriodSpread,
  form: AmountForm,
  path: ErrorPath,
): Decimal[] | number[] | bigint[] {
  if (units !== 0n) checkSpreadable(spread.sum, spread.groups, spread.spreadBy);
  const { counts } = spreadUnits({
    units,
    weights: spread.weights,
    holds: null,
    lower: null,
    upper: null,
    onZeroWeights: "even",
    unit: spread.unit,
    names: spread.names,
  });
  return countsIn(counts, spread.unit, form, path);
}

/** The periods' weights read once, as whole numbers, with what a spread over them needs. */
export interface PeriodSpread {
  readonly groups: readonly DayGroup[];
  readonly spreadBy: SpreadBy;
  readonly sum: Decimal;
  readonly weights: IntWeights;
  readonly unit: Scaled;
  readonly names: PartNames;
}

/** Reads the periods' weights once for {@link spreadOverPeriods}. */
export function periodSpread(
  groups: readonly DayGroup[],
  weights: readonly Weight[],
  sum: Decimal,
  spreadBy: SpreadBy,
  setup: UnitSetup,
): PeriodSpread {
  const path: ErrorPath = ["options", "seasonality"];
  return {
    groups,
    spreadBy,
    sum,
    weights: readWeights({ keys: null, values: weights, index: null, path }),
    unit: setup.scaled,
    names: { label: (position) => JSON.stringify(groups[position]?.key), path: () => path },
  };
}
