// The plan's periods: the days of the plan period on its calendar, grouped grain by grain (each
// grain cut at the edges of the one above it), labelled as PLAN.md says, with the weights the top
// target spreads by over the finest periods.
import type { Decimal } from "../../_lib/decimal.js";
import type { ErrorPath } from "../../_lib/errors.js";
import { TargetreeError } from "../../_lib/errors.js";
import { commonScale, largestRemainderBigInt } from "../../_lib/exact/index.js";
import type { DayRow, Prepared } from "../../time/internal.js";
import { groupDays, prepare, weightsFor } from "../../time/internal.js";
import type { Calendar, IsoDate } from "../../time/types.js";
import type { PlanGrain, PlanPeriod, PlanPeriodBasis, PlanSeasonality } from "../types.js";

/** What the periods are built from: the plan's dates, grains, spread and calendar. */
export interface PeriodSpec {
  readonly start: IsoDate;
  readonly end: IsoDate;
  readonly grains: readonly PlanGrain[];
  readonly basis: PlanPeriodBasis;
  readonly seasonality: PlanSeasonality | null;
  /** A compiled calendar. */
  readonly calendar: Calendar;
}

/** The periods of a plan, and how they nest. */
export interface PeriodLayout {
  /** `"all"`, then every grain coarse to fine, each in date order. */
  readonly periods: readonly PlanPeriod[];
  /** Index (in `periods`) of the first period of each grain; `grainStart[g + 1]` ends grain g. */
  readonly grainStart: readonly number[];
  /** The finest periods' indexes in `periods`, in date order. */
  readonly finest: readonly number[];
  /** For each grain but the finest: how many finest periods each of its periods holds, in order. */
  readonly runs: readonly (readonly number[])[];
  /** Every day of the plan period, classified, in order. */
  readonly days: readonly DayRow[];
  /** The days of each finest period. */
  readonly finestDays: readonly (readonly DayRow[])[];
  /** The position (0-based in `finest`) of the finest period holding each day. */
  readonly finestOfDay: Int32Array;
  /** The provisional years the period touches. */
  readonly provisionalYears: readonly number[];
  /** What `prepare` checked (for the weights). */
  readonly prepared: Prepared;
}

interface Piece {
  readonly key: string;
  readonly days: readonly DayRow[];
  /** Index of the parent piece in the level above (-1: "all"). */
  readonly parent: number;
  /** Offset of the first day in the plan period. */
  readonly offset: number;
}

/** Builds the periods of a plan on its calendar (one pass over the days per grain). */
export function layoutPeriods(spec: PeriodSpec, path: ErrorPath = ["period"]): PeriodLayout {
  const prepared = prepareDays(spec, path);
  const days = prepared.days;
  const all: PlanPeriod = describe("all", "all", days, null);
  const periods: PlanPeriod[] = [all];
  const grainStart: number[] = [];
  const levels: Piece[][] = [];
  let above: Piece[] = [{ key: "all", days, parent: -1, offset: 0 }];
  let aboveLabels = ["all"];
  for (const grain of spec.grains) {
    const pieces: Piece[] = [];
    above.forEach((piece, parent) => {
      let offset = piece.offset;
      for (const group of groupDays(piece.days, grain, null, piece.offset)) {
        pieces.push({ key: group.key, days: group.days, parent, offset });
        offset += group.days.length;
      }
    });
    // A period cut by the edge of the one above it (a week across two months) carries both labels.
    const seen = new Map<string, number>();
    for (const piece of pieces) seen.set(piece.key, (seen.get(piece.key) ?? 0) + 1);
    const labels = pieces.map((piece) =>
      seen.get(piece.key)! > 1 ? `${aboveLabels[piece.parent]}:${piece.key}` : piece.key,
    );
    grainStart.push(periods.length);
    pieces.forEach((piece, i) => {
      periods.push(describe(labels[i]!, grain, piece.days, aboveLabels[piece.parent]!));
    });
    levels.push(pieces);
    above = pieces;
    aboveLabels = labels;
  }
  grainStart.push(periods.length);

  const last = levels.length - 1;
  const finestPieces = levels[last]!;
  const finest = finestPieces.map((_, i) => grainStart[last]! + i);
  // How many finest periods each coarser period holds: walk each finest period's ancestors.
  const runs = levels.slice(0, last).map((pieces) => new Array<number>(pieces.length).fill(0));
  finestPieces.forEach((piece) => {
    let parent = piece.parent;
    for (let level = last - 1; level >= 0; level--) {
      runs[level]![parent]! += 1;
      parent = levels[level]![parent]!.parent;
    }
  });
  const finestOfDay = new Int32Array(days.length);
  finestPieces.forEach((piece, i) => {
    finestOfDay.fill(i, piece.offset, piece.offset + piece.days.length);
  });
  return {
    periods,
    grainStart,
    finest,
    runs,
    days,
    finestDays: finestPieces.map((piece) => piece.days),
    finestOfDay,
    provisionalYears: [...prepared.calendar.provisionalYears],
    prepared,
  };
}

function prepareDays(spec: PeriodSpec, path: ErrorPath): Prepared {
  try {
    return prepare(
      0,
      {
        start: spec.start,
        end: spec.end,
        spreadBy: spec.basis,
        ...(spec.seasonality === null ? {} : { seasonality: spec.seasonality }),
        calendar: spec.calendar,
      },
      spec.grains,
    );
  } catch (error) {
    if (!(error instanceof TargetreeError)) throw error;
    // The split's option paths become the document's: ["options", "calendar"] → ["period", "calendar"].
    const at = error.path[0] === "options" ? [...path, ...error.path.slice(1)] : path;
    throw new TargetreeError(error.code, stripPath(error), {
      path: at,
      ...(error.details === undefined ? {} : { details: error.details }),
    });
  }
}

/** A TargetreeError's message without its `CODE: ` prefix and ` (at …)` suffix. */
function stripPath(error: TargetreeError): string {
  let message = error.message;
  if (message.startsWith(`${error.code}: `)) message = message.slice(error.code.length + 2);
  const at = message.lastIndexOf(" (at ");
  return at > 0 && message.endsWith(")") ? message.slice(0, at) : message;
}

function describe(
  label: string,
  grain: PlanPeriod["grain"],
  days: readonly DayRow[],
  parent: string | null,
): PlanPeriod {
  let working = 0;
  for (const day of days) if (day.working) working++;
  return {
    label,
    grain,
    start: days[0]!.iso,
    end: days[days.length - 1]!.iso,
    calendarDays: days.length,
    workingDays: working,
    parent,
  };
}

/** The finest periods' weights for the plan's basis, as non-negative bigints. */
export function finestWeights(layout: PeriodLayout, spec: PeriodSpec): bigint[] {
  const groups = layout.finest.map((index, i) => {
    const label = layout.periods[index]!.label;
    return { key: label, label, days: layout.finestDays[i]! };
  });
  const weights = weightsFor(layout.prepared, groups, spec.basis, true);
  if (weights.every((weight) => typeof weight === "number")) {
    return (weights as number[]).map((weight) => BigInt(weight));
  }
  return commonScale(weights.map((weight) => weight as Decimal)).mantissas;
}

/**
 * Splits `units` over weights by largest remainder (ties to the earlier period), exactly; a
 * negative amount is split as the mirror image of its size.
 */
export function spreadUnits(units: bigint, weights: readonly bigint[]): bigint[] {
  let sum = 0n;
  for (const weight of weights) sum += weight;
  if (sum === 0n) {
    if (units === 0n) return weights.map(() => 0n);
    return spreadUnits(
      units,
      weights.map(() => 1n),
    );
  }
  const negative = units < 0n;
  const { counts } = largestRemainderBigInt(negative ? -units : units, weights, sum);
  return negative ? counts.map((count) => -count) : counts;
}
