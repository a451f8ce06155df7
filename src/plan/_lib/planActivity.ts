// The activity behind each person's target (the document's `activity`): wins from valuePerWin,
// the funnel back from the wins (funnel), and the visits the customers' cadence needs (visitPlan),
// each per working day of the plan period.
import { Decimal } from "../../_lib/decimal.js";
import type { ErrorPath } from "../../_lib/errors.js";
import { TargetreeError } from "../../_lib/errors.js";
import { funnel } from "../../activity/funnel.js";
import type { VisitCadence } from "../../activity/visitPlan.js";
import { visitPlan } from "../../activity/visitPlan.js";
import { toDecimal } from "../../numbers/toDecimal.js";
import type { Calendar, IsoDate } from "../../time/types.js";
import type { PlanActivity, PlanCadence, PlanNodeActivity, PlanStageActivity } from "../types.js";

/** What every leaf's activity is computed from, prepared once per plan. */
export interface ActivityContext {
  readonly activity: PlanActivity;
  readonly workingDays: number;
  /** Visits one customer of each class needs over the period; null without a cadence. */
  readonly visitsPerCustomer: ReadonlyMap<string, Decimal> | null;
  /** The funnel of each number of wins, computed once (many people share a target). */
  readonly funnels: Map<string, PlanStageActivity[]>;
}

/** Prepares the activity: the visits one customer of each class needs over the period. */
export function activityContext(
  activity: PlanActivity,
  period: { readonly start: IsoDate; readonly end: IsoDate; readonly workingDays: number },
  calendar: Calendar,
): ActivityContext {
  let visitsPerCustomer: Map<string, Decimal> | null = null;
  if (activity.cadence !== undefined) {
    const classes = Object.keys(activity.cadence);
    const cadences: Record<string, VisitCadence> = {};
    const ones: Record<string, number> = {};
    for (const key of classes) {
      Object.defineProperty(cadences, key, {
        value: toVisitCadence(activity.cadence[key]!),
        enumerable: true,
      });
      Object.defineProperty(ones, key, { value: 1, enumerable: true });
    }
    const plan = visitPlan(ones, { start: period.start, end: period.end, calendar, cadences });
    visitsPerCustomer = new Map(plan.rows.map((row) => [row.key, row.visitsPerCustomer]));
  }
  return { activity, workingDays: period.workingDays, visitsPerCustomer, funnels: new Map() };
}

const EVERY = /^(?:([1-9]\d{0,2}) +)?(working day|day|week|month)s?$/;

/** The document's cadence as visitPlan's: `{ every: "2 weeks" }` → `{ visits: 1, every: 2, per: "week" }`. */
function toVisitCadence(cadence: PlanCadence): VisitCadence {
  if (typeof cadence === "string") return cadence as VisitCadence;
  const match = EVERY.exec(cadence.every.trim())!;
  const unit = match[2]!;
  return {
    visits: cadence.visits ?? 1,
    every: match[1] === undefined ? 1 : Number(match[1]),
    per: unit === "week" ? "week" : unit === "month" ? "month" : "workingDay",
  };
}

/** A count per working day, rounded up to 0.01 so a daily quota is always enough. */
function perWorkingDay(count: Decimal, workingDays: number): string | null {
  if (workingDays === 0) return null;
  return count.div(workingDays).toDecimalPlaces(2, Decimal.ROUND_CEIL).toFixed(2);
}

/** One leaf's activity for its target. */
export function leafActivity(
  context: ActivityContext,
  target: Decimal,
  customers: Readonly<Record<string, number>> | undefined,
  path: ErrorPath,
): PlanNodeActivity {
  const { activity, workingDays } = context;
  const reasons: string[] = [];
  let wins: Decimal | null = null;
  if (activity.valuePerWin !== undefined) {
    wins = target.isNegative()
      ? new Decimal(0)
      : target.div(toDecimal(activity.valuePerWin)).ceil();
  } else {
    reasons.push("activity.valuePerWin is not given, so the target does not turn into wins");
  }
  let stages: PlanStageActivity[] = [];
  if (wins !== null && activity.funnel !== undefined) {
    const key = wins.toFixed();
    const known = context.funnels.get(key);
    if (known !== undefined) stages = known;
    else {
      stages = funnelStages(activity, wins, workingDays);
      context.funnels.set(key, stages);
    }
  }
  let visits: Decimal | null = null;
  if (context.visitsPerCustomer !== null) {
    if (customers === undefined) {
      reasons.push("the node has no customers, so the cadence gives no visits");
    } else {
      visits = new Decimal(0);
      for (const key of Object.keys(customers)) {
        const each = context.visitsPerCustomer.get(key);
        if (each === undefined) {
          throw new TargetreeError(
            "UNKNOWN_CADENCE",
            `The customer class ${JSON.stringify(key)} has no cadence in activity.cadence; add one (e.g. { "every": "month" }) or remove the class.`,
            { path: [...path, "customers", key] },
          );
        }
        visits = visits.plus(each.times(customers[key]!));
      }
    }
  }
  return {
    workingDays,
    wins: wins === null ? null : wins.toFixed(),
    funnel: stages,
    cadenceVisits: visits === null ? null : visits.toFixed(),
    cadenceVisitsPerWorkingDay: visits === null ? null : perWorkingDay(visits, workingDays),
    ...(reasons.length === 0 ? {} : { reason: `${reasons.join("; ")}.` }),
  };
}

function funnelStages(
  activity: PlanActivity,
  wins: Decimal,
  workingDays: number,
): PlanStageActivity[] {
  const stages = activity.funnel!;
  const last = stages[stages.length - 1]!;
  const result = funnel(
    wins,
    stages.slice(0, -1).map((stage) => ({ name: stage.stage, perNext: stage.per! })),
    { outcomeName: last.stage },
  );
  return result.rows.map((row) => ({
    stage: row.name,
    count: row.count.toFixed(),
    perWorkingDay: perWorkingDay(row.count, workingDays),
  }));
}
