// The tracking figures of PLAN.md for one node in one period, in exact integer arithmetic:
// amounts at the actuals' scale, ratios rounded to 6 decimals for display (status compares the
// exact fractions).
import type { IsoDate } from "../../time/types.js";
import type { PlanPeriod, TrackingPeriod, TrackingPeriodState, TrackingStatus } from "../types.js";
import type { Int } from "./int.js";
import { add, compare, divideHalfUp, intText, mul, sign, sub } from "./int.js";
import type { PeriodLayout } from "./planPeriods.js";

/** Decimals of the ratios a Tracking shows. */
export const RATIO_DECIMALS = 6;
/** 10 ** RATIO_DECIMALS, as a literal: a bundle without plans drops it. */
const RATIO_SCALE = 1_000_000;

/** `numerator / denominator` rounded half-up to 6 decimals, trailing zeros dropped: "0.476190" → "0.47619". */
export function ratioText(numerator: Int, denominator: Int): string {
  return trimZeros(intText(divideHalfUp(mul(numerator, RATIO_SCALE), denominator), RATIO_DECIMALS));
}

/** Drops the trailing zeros of a decimal (and a bare point): "1.500000" → "1.5", "2.000000" → "2". */
export function trimZeros(text: string): string {
  if (!text.includes(".")) return text;
  let end = text.length;
  while (text.charCodeAt(end - 1) === 48) end--;
  if (text.charCodeAt(end - 1) === 46) end--;
  const trimmed = text.slice(0, end);
  return trimmed === "-0" ? "0" : trimmed;
}

/** What every node shares about a period on the as-of day. */
export interface PeriodClock {
  readonly state: TrackingPeriodState;
  readonly workingDays: number;
  readonly elapsed: number;
  readonly remaining: number;
  /** Time progress as a fraction (closed without working days: 1/1). */
  readonly progressNumerator: number;
  readonly progressDenominator: number;
  readonly timeProgress: string;
  /** Calendar days in the period, and those up to the as-of day. */
  readonly calendarDays: number;
  readonly calendarElapsed: number;
  /** The period's range of finest periods, [first, end). */
  readonly finestFirst: number;
  readonly finestEnd: number;
}

/** Each period's state, working days elapsed and remaining, time progress and finest range. */
export function periodClocks(layout: PeriodLayout, asOf: IsoDate): PeriodClock[] {
  const days = layout.days;
  const working = new Int32Array(days.length + 1);
  days.forEach((day, i) => {
    working[i + 1] = working[i]! + (day.working ? 1 : 0);
  });
  // Days up to and including the as-of day.
  let through = 0;
  while (through < days.length && days[through]!.iso <= asOf) through++;
  const dayIndex = new Map(days.map((day, i) => [day.iso, i]));
  // The finest range of each period: its first and last day's finest positions.
  return layout.periods.map((period) => {
    const first = dayIndex.get(period.start)!;
    const last = dayIndex.get(period.end)!;
    const state: TrackingPeriodState =
      period.end <= asOf ? "closed" : period.start > asOf ? "future" : "open";
    const elapsed = Math.max(0, working[Math.min(last + 1, through)]! - working[first]!);
    const remaining = period.workingDays - elapsed;
    let numerator = elapsed;
    let denominator = period.workingDays;
    if (period.workingDays === 0) {
      numerator = state === "closed" ? 1 : 0;
      denominator = 1;
    }
    return {
      state,
      workingDays: period.workingDays,
      elapsed,
      remaining,
      progressNumerator: numerator,
      progressDenominator: denominator,
      timeProgress: ratioText(numerator, denominator),
      calendarDays: period.calendarDays,
      calendarElapsed: Math.max(0, Math.min(last + 1, through) - first),
      finestFirst: layout.finestOfDay[first]!,
      finestEnd: layout.finestOfDay[last]! + 1,
    };
  });
}

/** A TrackingPeriod: the plan's period with its clock. */
export function trackingPeriod(period: PlanPeriod, clock: PeriodClock): TrackingPeriod {
  return {
    ...period,
    state: clock.state,
    workingDaysElapsed: clock.elapsed,
    workingDaysRemaining: clock.remaining,
    timeProgress: clock.timeProgress,
  };
}

/**
 * The status: `ahead` when actual/target ≥ progress + tolerance, `behind` when it is below
 * progress − tolerance, else `on-track` (tolerance = T × 10^-ts). A zero target has no
 * achievement: ahead above zero actual, behind below, on track at zero.
 */
export function statusOf(
  actual: Int,
  target: Int,
  clock: PeriodClock,
  toleranceMantissa: Int,
  toleranceScale: Int,
): TrackingStatus {
  const direction = sign(target);
  if (direction === 0) return actual > 0 ? "ahead" : actual < 0 ? "behind" : "on-track";
  // actual/target ≥ n/d + T/10^ts  ⇔  actual·d·10^ts ≥ target·(n·10^ts + T·d), for target > 0;
  // a negative target turns both comparisons round.
  const left = mul(mul(actual, clock.progressDenominator), toleranceScale);
  const base = mul(clock.progressNumerator, toleranceScale);
  const band = mul(toleranceMantissa, clock.progressDenominator);
  if (compare(left, mul(target, add(base, band))) * direction >= 0) return "ahead";
  if (compare(left, mul(target, sub(base, band))) * direction < 0) return "behind";
  return "on-track";
}
