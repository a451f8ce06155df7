import type { Decimal } from "../_lib/decimal.js";
import { Decimal as DecimalValue, ZERO } from "../_lib/decimal.js";
import { describeValue, TargetreeError } from "../_lib/errors.js";
import { checkMagnitude } from "../_lib/magnitude.js";
import { isRecord, own } from "../_lib/records.js";
import type { Numeric } from "../_lib/types.js";
import { toDecimal } from "../numbers/toDecimal.js";
import type { Calendar, IsoDate } from "../time/types.js";
import { keyedEntries, readFields, readSettings } from "./_lib/input.js";
import type { PerDay } from "./_lib/perDay.js";
import { perDay, readPeople } from "./_lib/perDay.js";
import { periodWorkingDays } from "./_lib/workingDays.js";

/** The period a cadence repeats over. */
export type CadencePeriod = "workingDay" | "week" | "month";

/** A cadence spelled out: `visits` visits every `every` periods. */
export interface CustomCadence {
  /** Visits per customer in each cycle. Default 1. */
  readonly visits?: number;
  /** Cycle length in periods. Default 1 (`{ every: 2, per: "week" }` is fortnightly). */
  readonly every?: number;
  /** What a cycle counts: working days, calendar weeks (Monday–Sunday) or calendar months. */
  readonly per: CadencePeriod;
}

/**
 * How often a class of customers is visited: `"weekly"` (每周), `"biweekly"` or
 * `"fortnightly"` (每两周), `"monthly"` (每月), `"daily"` (每天, every working day), or a
 * {@link CustomCadence} for key accounts (`{ visits: 2, per: "week" }`). English names are
 * matched without regard to letter case.
 */
export type VisitCadence =
  | "daily"
  | "weekly"
  | "biweekly"
  | "fortnightly"
  | "monthly"
  | "每天"
  | "每周"
  | "每两周"
  | "每月"
  | CustomCadence;

/** The W12 cadences: A-class weekly, B-class every two weeks, C-class monthly. */
export const STANDARD_VISIT_CADENCES: Readonly<Record<"A" | "B" | "C", VisitCadence>> =
  /* @__PURE__ */ Object.freeze({ A: "weekly", B: "biweekly", C: "monthly" });

/** Options of {@link visitPlan}: the plan period, its calendar, the cadences and the head count. */
export interface VisitPlanOptions {
  /** First day of the plan period (ISO `YYYY-MM-DD`), inclusive. */
  readonly start: IsoDate;
  /** Last day, inclusive. */
  readonly end: IsoDate;
  /** The working-day calendar. Default: Saturday and Sunday off, no holidays. */
  readonly calendar?: Calendar;
  /** Cadence per customer class. Default {@link STANDARD_VISIT_CADENCES}. */
  readonly cadences?: Readonly<Record<string, VisitCadence>>;
  /** Head count sharing the visits; gives per-person figures. */
  readonly people?: Numeric;
}

/** One customer class of the plan. */
export interface VisitPlanRow extends PerDay {
  /** The class (`"A"`, `"key"`). */
  readonly key: string;
  /** Customers in the class, a whole number. */
  readonly customers: Decimal;
  /** The cadence, spelled out. */
  readonly cadence: Required<CustomCadence>;
  /** Periods of the cadence's kind that hold at least one working day of the plan period. */
  readonly periods: number;
  /** Visits each customer needs in the period: visits × ceil(periods / every). */
  readonly visitsPerCustomer: Decimal;
  /** customers × visitsPerCustomer. */
  readonly visits: Decimal;
}

/** The result of {@link visitPlan}: visits per customer class and in total. */
export interface VisitPlanResult {
  /** One row per customer class, in the order of `counts`. */
  readonly rows: readonly VisitPlanRow[];
  /** Totals over every class. */
  readonly total: PerDay & {
    /** Customers over every class. */
    readonly customers: Decimal;
    /** Visits over every class. */
    readonly visits: Decimal;
  };
  /** Working days from `start` to `end` on the calendar. */
  readonly workingDays: number;
  /** Calendar weeks (Monday–Sunday) with at least one working day in the period. */
  readonly weeks: number;
  /** Calendar months with at least one working day in the period. */
  readonly months: number;
  /** True when the period touches a provisional (computed, not official) calendar year. */
  readonly provisional: boolean;
  /** The provisional years the period touches, ascending; empty when `provisional` is false. */
  readonly provisionalYears: readonly number[];
}

const NAMED: ReadonlyMap<string, Required<CustomCadence>> = /* @__PURE__ */ new Map([
  ["daily", { visits: 1, every: 1, per: "workingDay" }],
  ["每天", { visits: 1, every: 1, per: "workingDay" }],
  ["weekly", { visits: 1, every: 1, per: "week" }],
  ["每周", { visits: 1, every: 1, per: "week" }],
  ["biweekly", { visits: 1, every: 2, per: "week" }],
  ["fortnightly", { visits: 1, every: 2, per: "week" }],
  ["每两周", { visits: 1, every: 2, per: "week" }],
  ["monthly", { visits: 1, every: 1, per: "month" }],
  ["每月", { visits: 1, every: 1, per: "month" }],
] as const);

const PERIODS: readonly CadencePeriod[] = ["workingDay", "week", "month"];
const OPTIONS: readonly string[] = ["start", "end", "calendar", "cadences", "people"];
const CADENCE_FIELDS: readonly string[] = ["visits", "every", "per"];

/**
 * Visits needed in a period from customer counts per class and each class's cadence (拜访频次):
 * A-class at least weekly, B-class at least every two weeks, C-class at least monthly, key
 * accounts on a custom plan (W12). Working days come from the calendar.
 *
 * Counting rule ("at least once per period"): a cadence over weeks counts the calendar weeks
 * (Monday–Sunday) that hold at least one working day of the plan period, a cadence over months
 * the calendar months likewise, and a daily cadence the working days. Each customer needs
 * `visits × ceil(periods / every)` visits, so a week cut by the period's edge still gets its
 * visit, and every second week of five is 3 visits. For a steady monthly average instead, give
 * `{ visits: 4, per: "month" }`.
 *
 * @param counts - Customers per class, whole numbers ≥ 0, as a record (own keys; a `Map` is
 *   refused).
 * @param options - `start`, `end`, `calendar`, `cadences`, `people`.
 * @returns Visits per class and in total, per working day and per person.
 * @throws {TargetreeError} `UNKNOWN_CADENCE` for a class with no cadence or a cadence that is not
 *   recognised; `UNKNOWN_OPTION` for an option other than the five above, or a custom cadence
 *   field other than `visits`, `every`, `per`; `INVALID_ARGUMENT` for a negative count, bad `visits`/`every`, or people ≤ 0;
 *   `NOT_A_WHOLE_NUMBER` for a fractional count; `INVALID_NUMBER` for a count that is not a
 *   number; `NO_WORKING_DAYS` for a period without working days; `INVALID_DATE`,
 *   `INVALID_RANGE`, `CALENDAR_YEAR_MISSING` from the calendar; `NUMBER_TOO_LARGE` when a
 *   count of visits leaves the supported magnitude (|x| < 1e1000).
 *
 * @example
 * const plan = visitPlan({ A: 20, B: 30, C: 50 }, { start: "2026-06-01", end: "2026-06-30" });
 * plan.rows.map((row) => [row.key, row.visitsPerCustomer.toString(), row.visits.toString()]) //=> [["A", "5", "100"], ["B", "3", "90"], ["C", "1", "50"]]
 * plan.total.visits.toString() //=> "240"
 * plan.total.perWorkingDay?.toFixed(2) //=> "10.91"
 */
export function visitPlan(
  counts: Readonly<Record<string, Numeric>>,
  options: VisitPlanOptions,
): VisitPlanResult {
  const settings = readSettings(options, OPTIONS);
  const people = readPeople(settings);
  const rawCadences = own(settings, "cadences");
  const cadenceEntries =
    rawCadences === undefined
      ? Object.entries(STANDARD_VISIT_CADENCES)
      : keyedEntries(rawCadences, ["options", "cadences"], "cadences");
  const cadences = new Map(cadenceEntries);
  const classes = keyedEntries(counts, ["counts"], "counts").map(([key, value]) => ({
    key,
    customers: readCount(value, ["counts", key]),
  }));

  const period = periodWorkingDays(
    own(settings, "start"),
    own(settings, "end"),
    own(settings, "calendar"),
  );
  if (period.days === 0) {
    throw new TargetreeError(
      "NO_WORKING_DAYS",
      "The plan period has no working days on this calendar.",
      { path: ["options"] },
    );
  }
  const weeks = new Set(period.dates.map((day) => mondayOf(day.date, day.weekday))).size;
  const months = new Set(period.dates.map((day) => day.date.slice(0, 7))).size;
  const periodsOf: Record<CadencePeriod, number> = {
    workingDay: period.days,
    week: weeks,
    month: months,
  };

  let customers = ZERO;
  let visits = ZERO;
  const rows = classes.map(({ key, customers: count }): VisitPlanRow => {
    if (!cadences.has(key)) {
      throw new TargetreeError(
        "UNKNOWN_CADENCE",
        `The class ${JSON.stringify(key)} has no cadence; add it to options.cadences.`,
        { path: ["options", "cadences", key] },
      );
    }
    const cadence = readCadence(cadences.get(key), ["options", "cadences", key]);
    const periods = periodsOf[cadence.per];
    const perCustomer = new DecimalValue(cadence.visits).times(Math.ceil(periods / cadence.every));
    const path = ["counts", key];
    const classVisits = checkMagnitude(count.times(perCustomer), path, "A count of visits");
    customers = checkMagnitude(customers.plus(count), path, "The count of customers");
    visits = checkMagnitude(visits.plus(classVisits), path, "The count of visits");
    return {
      key,
      customers: count,
      cadence,
      periods,
      visitsPerCustomer: perCustomer,
      visits: classVisits,
      ...perDay(classVisits, people, period.days),
    };
  });
  return {
    rows,
    total: { customers, visits, ...perDay(visits, people, period.days) },
    workingDays: period.days,
    weeks,
    months,
    provisional: period.provisional,
    provisionalYears: period.provisionalYears,
  };
}

function readCount(value: unknown, path: (string | number)[]): Decimal {
  const count = toDecimal(value as Numeric, path);
  if (count.lt(0)) {
    throw new TargetreeError("INVALID_ARGUMENT", "A customer count must not be negative.", {
      path,
    });
  }
  if (!count.isInteger()) {
    throw new TargetreeError("NOT_A_WHOLE_NUMBER", "A customer count must be a whole number.", {
      path,
    });
  }
  return count;
}

function readCadence(value: unknown, path: (string | number)[]): Required<CustomCadence> {
  if (typeof value === "string") {
    // Lower-casing leaves the Chinese names as they are.
    const named = NAMED.get(value.trim().toLowerCase());
    if (named !== undefined) return named;
  } else if (isRecord(value)) {
    const fields = readFields(value, CADENCE_FIELDS, path, "A cadence");
    const per = own(fields, "per");
    if (typeof per === "string" && (PERIODS as readonly string[]).includes(per)) {
      const whole = (key: string): number => {
        const raw = own(fields, key);
        if (raw === undefined) return 1;
        if (typeof raw !== "number" || !Number.isSafeInteger(raw) || raw < 1) {
          throw new TargetreeError(
            "INVALID_ARGUMENT",
            `${key} must be a whole number ≥ 1, got ${describeValue(raw)}.`,
            { path: [...path, key] },
          );
        }
        return raw;
      };
      return { visits: whole("visits"), every: whole("every"), per: per as CadencePeriod };
    }
  }
  throw new TargetreeError(
    "UNKNOWN_CADENCE",
    `Unknown cadence ${describeValue(value)}: use "daily", "weekly", "biweekly", "monthly" (or 每天, 每周, 每两周, 每月), or { visits, every, per: "workingDay" | "week" | "month" }.`,
    { path },
  );
}

/** The Monday of a date's ISO week, as an ISO date (pure date arithmetic in UTC). */
function mondayOf(date: IsoDate, weekday: number): string {
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  const monday = new Date(Date.UTC(year, month - 1, day - (weekday - 1)));
  // Stryker disable next-line MethodExpression: only the count of distinct keys is used
  return monday.toISOString().slice(0, 10);
}
