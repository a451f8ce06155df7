import { readItems } from "../_lib/arrays.js";
import type { Decimal } from "../_lib/decimal.js";
import { ONE } from "../_lib/decimal.js";
import { describeValue, TargetreeError } from "../_lib/errors.js";
import { checkMagnitude } from "../_lib/magnitude.js";
import { readBoolean } from "../_lib/options.js";
import { own } from "../_lib/records.js";
import type { Numeric } from "../_lib/types.js";
import { toDecimal } from "../numbers/toDecimal.js";
import type { Calendar, IsoDate } from "../time/types.js";
import { readFields, readSettings } from "./_lib/input.js";
import type { PerDay } from "./_lib/perDay.js";
import { perDay, readPeople, resolveWorkingDays } from "./_lib/perDay.js";

/** One stage of the funnel, before the outcome. Give exactly one of `conversion` or `perNext`. */
export interface FunnelStage {
  /** The activity or stage, e.g. `"visits"`, `"opportunities"`. */
  readonly name: string;
  /** Share of this stage that turns into one of the next stage: `"20%"` or `0.2`. */
  readonly conversion?: Numeric;
  /** How many of this stage make one of the next: `5` visits per new customer. */
  readonly perNext?: Numeric;
}

/**
 * Options of {@link funnel}: naming, rounding, and the team and period for per-person and per-day
 * figures.
 */
export interface FunnelOptions {
  /** Name of the outcome row. Default `"outcome"`. */
  readonly outcomeName?: string;
  /**
   * Round each stage's count up to a whole number (default `true`), so the plan is always enough;
   * `false` keeps the exact counts.
   */
  readonly wholeNumber?: boolean;
  /** Head count sharing the work (may be fractional, e.g. 4.5 FTE); gives per-person figures. */
  readonly people?: Numeric;
  /** Working days in the period, given directly. Or give `start` and `end` (and a `calendar`). */
  readonly workingDays?: number;
  /** First day of the period, inclusive (ISO `YYYY-MM-DD`); working days come from `calendar`. */
  readonly start?: IsoDate;
  /** Last day of the period, inclusive. */
  readonly end?: IsoDate;
  /** The working-day calendar for `start`–`end`. Default: Saturday and Sunday off, no holidays. */
  readonly calendar?: Calendar;
}

/** One row of the back-calculated funnel. */
export interface FunnelRow extends PerDay {
  /** The stage's name, or `outcomeName` on the outcome row. */
  readonly name: string;
  /** What the next stage (or the outcome) needs, before rounding. */
  readonly exact: Decimal;
  /** The planned count: `exact` rounded up to a whole number (unless `wholeNumber: false`). */
  readonly count: Decimal;
  /** This stage's conversion into the next one (1 for the outcome). */
  readonly conversion: Decimal;
}

/** The result of {@link funnel}: every stage's planned count, top of the funnel first. */
export interface FunnelResult {
  /** The stages in funnel order (top first), then the outcome as the last row. */
  readonly rows: readonly FunnelRow[];
  /** The top of the funnel: the activity to plan. */
  readonly activity: FunnelRow;
  /** The outcome row (the last of `rows`): the outcome asked for, not rounded. */
  readonly outcome: FunnelRow;
  /** Working days used for per-day figures; `null` when none were given. */
  readonly workingDays: number | null;
  /** The head count from `options.people`; `null` when not given. */
  readonly people: Decimal | null;
  /** True when the working days come from a provisional calendar year. */
  readonly provisional: boolean;
  /** The provisional years the period touches, ascending; empty when `provisional` is false. */
  readonly provisionalYears: readonly number[];
}

const OPTIONS: readonly string[] = [
  "outcomeName",
  "wholeNumber",
  "people",
  "workingDays",
  "start",
  "end",
  "calendar",
];
const STAGE_FIELDS: readonly string[] = ["name", "conversion", "perNext"];

/**
 * Works back from an outcome to the activity that produces it (活动量倒推): 100 new customers
 * at 5 visits per customer need 500 visits. Stages are listed in funnel order (top first);
 * each converts into the next, the last into the outcome.
 *
 * Rounding: going back from the outcome, each stage's exact need is computed from the next
 * stage's **rounded** count and rounded up (`ceil`), so every stage is a whole number that is
 * enough for the stage after it. Per-person and per-working-day figures are exact decimals of
 * the rounded counts (round them up yourself for a daily quota, e.g. `.ceil()`).
 *
 * @param outcome - The result wanted (new customers, deals), ≥ 0.
 * @param stages - At least one stage, top of the funnel first.
 * @param options - `people`, `workingDays` or `start`/`end`/`calendar`, `wholeNumber`,
 *   `outcomeName`.
 * @returns Every row with its count, and per person, per working day and per person per day.
 * @throws {TargetreeError} `INVALID_ARGUMENT` for no stages, a stage without exactly one of
 *   `conversion`/`perNext`, a conversion or ratio ≤ 0, a negative outcome, people ≤ 0, or bad
 *   options; `UNKNOWN_OPTION` for an option or a stage field that is not listed (`wholeNumbers`,
 *   `pernext`), naming the closest; `NO_WORKING_DAYS` for a period without working days; `INVALID_NUMBER` for values
 *   that are not numbers; `INVALID_DATE`, `INVALID_RANGE`, `CALENDAR_YEAR_MISSING` from the
 *   calendar; `NUMBER_TOO_LARGE` when a stage's count leaves the supported magnitude
 *   (|x| < 1e1000).
 *
 * @example
 * const plan = funnel(100, [{ name: "visits", perNext: 5 }], { outcomeName: "newCustomers" });
 * plan.activity.count.toString() //=> "500"
 * const deep = funnel(100, [{ name: "visits", conversion: "20%" }, { name: "opportunities", conversion: "30%" }]);
 * deep.rows.map((row) => row.count.toString()) //=> ["1670", "334", "100"]
 * const daily = funnel(100, [{ name: "visits", perNext: 5 }], { people: 10, workingDays: 20 });
 * daily.activity.perPersonPerWorkingDay?.toString() //=> "2.5"
 */
export function funnel(
  outcome: Numeric,
  stages: readonly FunnelStage[],
  options: FunnelOptions = {},
): FunnelResult {
  const goal = toDecimal(outcome, ["outcome"]);
  if (goal.lt(0)) {
    throw new TargetreeError("INVALID_ARGUMENT", "outcome must not be negative.", {
      path: ["outcome"],
    });
  }
  const settings = readSettings(options, OPTIONS);
  const outcomeName = own(settings, "outcomeName") ?? "outcome";
  if (typeof outcomeName !== "string") {
    throw new TargetreeError("INVALID_ARGUMENT", "outcomeName must be a string.", {
      path: ["options", "outcomeName"],
    });
  }
  const wholeNumber = readBoolean(settings, "wholeNumber", true, ["options"]);
  const conversions = readStages(stages);
  const people = readPeople(settings);
  const days = resolveWorkingDays(settings);

  const row = (name: string, exact: Decimal, count: Decimal, conversion: Decimal): FunnelRow => ({
    name,
    exact,
    count,
    conversion,
    ...perDay(count, people, days.workingDays),
  });
  const rows: FunnelRow[] = [row(outcomeName, goal, goal, ONE)];
  let next = goal;
  for (let index = conversions.length - 1; index >= 0; index--) {
    const stage = conversions[index]!;
    // perNext multiplies exactly; 1 / perNext would not (1/3 is inexact).
    const exact = checkMagnitude(
      stage.perNext === null ? next.div(stage.conversion) : next.times(stage.perNext),
      ["stages", index],
      `The count of ${JSON.stringify(stage.name)}`,
    );
    // Rounding up stays in bounds: a value near 1e1000 with 64 significant digits is already whole.
    const count = wholeNumber ? exact.ceil() : exact;
    rows.unshift(row(stage.name, exact, count, stage.conversion));
    next = count;
  }
  return {
    rows,
    activity: rows[0]!,
    outcome: rows[rows.length - 1]!,
    workingDays: days.workingDays,
    people,
    provisional: days.provisional,
    provisionalYears: days.provisionalYears,
  };
}

interface Conversion {
  readonly name: string;
  readonly conversion: Decimal;
  readonly perNext: Decimal | null;
}

function readStages(stages: unknown): Conversion[] {
  if (!Array.isArray(stages) || stages.length === 0) {
    throw new TargetreeError(
      "INVALID_ARGUMENT",
      `stages must be a non-empty array of { name, conversion } or { name, perNext }, got ${describeValue(stages)}.`,
      { path: ["stages"] },
    );
  }
  return readItems(stages as readonly unknown[], ["stages"]).map((item: unknown, index) => {
    const path = ["stages", index];
    const record = readFields(item, STAGE_FIELDS, path, `stages[${index}]`);
    const name = own(record, "name");
    if (typeof name !== "string" || name === "") {
      throw new TargetreeError("INVALID_ARGUMENT", "Every stage needs a non-empty name.", {
        path: [...path, "name"],
      });
    }
    const rate = own(record, "conversion");
    const per = own(record, "perNext");
    if ((rate === undefined) === (per === undefined)) {
      throw new TargetreeError(
        "INVALID_ARGUMENT",
        `Stage ${JSON.stringify(name)} needs exactly one of conversion ("20%") or perNext (5 per one of the next stage).`,
        { path },
      );
    }
    const key = rate === undefined ? "perNext" : "conversion";
    const value = toDecimal((rate ?? per) as Numeric, [...path, key]);
    if (!value.gt(0)) {
      throw new TargetreeError(
        "INVALID_ARGUMENT",
        `${key} must be greater than zero: no amount of ${name} reaches the next stage otherwise.`,
        { path: [...path, key] },
      );
    }
    return rate === undefined
      ? { name, conversion: checkMagnitude(ONE.div(value), [...path, key]), perNext: value }
      : { name, conversion: value, perNext: null };
  });
}
