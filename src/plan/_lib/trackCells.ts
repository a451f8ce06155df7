// The tracking figures of PLAN.md for one node in one period, in exact integer arithmetic:
// amounts at the actuals' scale, ratios rounded to 6 decimals for display (status compares the
// exact fractions).
import { divideRounded, pow10 } from "../../_lib/exact/index.js";
import type { IsoDate } from "../../time/types.js";
import type { PlanPeriod, TrackingPeriod, TrackingPeriodState, TrackingStatus } from "../types.js";
import { fixedText } from "./amounts.js";
import type { PeriodLayout } from "./planPeriods.js";

/** Decimals of the ratios a Tracking shows. */
export const RATIO_DECIMALS = 6;
const RATIO_SCALE = /* @__PURE__ */ pow10(RATIO_DECIMALS);

/** `numerator / denominator` rounded half-up to 6 decimals, trailing zeros dropped: "0.476190" → "0.47619". */
export function ratioText(numerator: bigint, denominator: bigint): string {
  const text = fixedText(
    divideRounded(numerator * RATIO_SCALE, denominator, "half-up"),
    RATIO_DECIMALS,
  );
  return trimZeros(text);
}

export function trimZeros(text: string): string {
  if (!text.includes(".")) return text;
  const trimmed = text.replace(/\.?0+$/, "");
  return trimmed === "-0" ? "0" : trimmed;
}

/** What every node shares about a period on the as-of day. */
export interface PeriodClock {
  readonly state: TrackingPeriodState;
  readonly workingDays: number;
  readonly elapsed: number;
  readonly remaining: number;
  /** Time progress as a fraction (closed without working days: 1/1). */
  readonly progressNumerator: bigint;
  readonly progressDenominator: bigint;
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
    let numerator = BigInt(elapsed);
    let denominator = BigInt(period.workingDays);
    if (period.workingDays === 0) {
      numerator = state === "closed" ? 1n : 0n;
      denominator = 1n;
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
  actual: bigint,
  target: bigint,
  clock: PeriodClock,
  toleranceMantissa: bigint,
  toleranceScale: bigint,
): TrackingStatus {
  if (target === 0n) return actual > 0n ? "ahead" : actual < 0n ? "behind" : "on-track";
  const n = clock.progressNumerator;
  const d = clock.progressDenominator;
  // actual/target ≥ n/d + T/10^ts  ⇔  actual·d·10^ts ≥ target·(n·10^ts + T·d), for target > 0.
  const left = actual * d * toleranceScale;
  const base = n * toleranceScale;
  const band = toleranceMantissa * d;
  const sign = target > 0n ? 1n : -1n;
  if (sign * left >= sign * target * (base + band)) return "ahead";
  if (sign * left < sign * target * (base - band)) return "behind";
  return "on-track";
}
