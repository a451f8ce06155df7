import { readBudget, type WorkBudget } from "../_lib/budget.js";
import { closest } from "../_lib/closest.js";
import { Decimal } from "../_lib/decimal.js";
import { TargetreeError } from "../_lib/errors.js";
import { divideRounded, pow10, toScaled } from "../_lib/exact/index.js";
import { readBoolean, readOptions } from "../_lib/options.js";
import type { CompiledRule, CompiledRules } from "../measure/compileRules.js";
import { compileRules } from "../measure/compileRules.js";
import { consecutiveMisses } from "../measure/consecutiveMisses.js";
import { evaluateRulesWithin } from "../measure/internal.js";
import { toDecimal } from "../numbers/toDecimal.js";
import { checkIsoDate } from "../time/internal.js";
import type { Int } from "./_lib/int.js";
import { add, big, compare, divideHalfUp, intText, mul, norm, sub } from "./_lib/int.js";
import { spreadUnits } from "./_lib/planPeriods.js";
import type { ReadPlan } from "./_lib/readPlan.js";
import { readPlan } from "./_lib/readPlan.js";
import type { ActualSums } from "./_lib/trackActuals.js";
import { sumActuals } from "./_lib/trackActuals.js";
import type { PeriodClock } from "./_lib/trackCells.js";
import { periodClocks, ratioText, statusOf, trackingPeriod } from "./_lib/trackCells.js";
import type { Sums } from "./_lib/trackSums.js";
import { cellOf, rollInto } from "./_lib/trackSums.js";
import type {
  ActualRow,
  Plan,
  PlanGrain,
  Tracking,
  TrackingAlert,
  TrackingCell,
  TrackingNode,
  TrackPlanOptions,
} from "./types.js";

/** The facts every rule may read, besides the actuals' extra columns. */
const FACTS = [
  "target",
  "targetToDate",
  "actual",
  "achievement",
  "gap",
  "gapRate",
  "timeProgress",
  "projection",
  "requiredPerWorkingDay",
  "workingDays",
  "workingDaysElapsed",
  "workingDaysRemaining",
  "missesInARow",
];

const NO_ALERTS: readonly TrackingAlert[] = /* @__PURE__ */ Object.freeze([]);
const NO_COLUMNS: Readonly<Record<string, string>> = /* @__PURE__ */ Object.freeze({});

/**
 * Tracks a built plan against actuals as of a day: for every node (rolled up exactly through the
 * tree) and every period at every grain (and `all`), the figures of PLAN.md —
 *
 * - `timeProgress` = working days elapsed ÷ working days in the period, the as-of day counted
 *   as elapsed (时间进度);
 * - `targetToDate` = the targets of the closed finest periods + the open one's target × its
 *   elapsed share of working days (rounded half-up to the unit);
 * - `achievement` = actual ÷ target (完成率, against the whole period's target);
 * - `gap` = target − actual (positive: still to do), `gapBasis: "target"`, `gapRate` = gap ÷ target;
 * - `projection` = actual ÷ working days elapsed × working days in the period (in the unit);
 * - `requiredPerWorkingDay` = gap ÷ working days remaining (in the unit; none left: `null` with
 *   a reason);
 * - `status`: `ahead` when achievement ≥ timeProgress + tolerance, `behind` when achievement <
 *   timeProgress − tolerance, else `on-track` (tolerance: the document's `tracking.tolerance`);
 * - `alerts`: the document's rules that fired, evaluated in every period that has begun, over the
 *   facts `target`, `targetToDate`, `actual`, `achievement`, `gap`, `gapRate`, `timeProgress`,
 *   `projection`, `requiredPerWorkingDay`, `workingDays`, `workingDaysElapsed`,
 *   `workingDaysRemaining`, `missesInARow` and the actuals' extra columns (a rule that reads a
 *   figure that is `null` there does not fire);
 * - per node, `health`: the closed periods of the finest grain missed in a row (achievement below
 *   the document's `health.below`, else below 100%), and `inDanger` from `health.misses`.
 *
 * Actuals are rows `{ node, date | period, actual, …extra numeric columns }`: `node` is an id or
 * a path, on a leaf (a parent's actual is the sum of its children's); a dated row counts in the
 * finest period holding its day and every period above it; a period row (`"2027-03"`) counts in
 * that period and those above it. Amounts take every `Numeric` form and are summed exactly.
 * Rows dated after `asOf` are left out and counted (`ignoredAfterAsOf`), or refused with `strict`.
 * Amounts are shown with the plan's unit decimals (more when the actuals carry more), ratios
 * rounded half-up to 6 decimals; status and rules use the exact values.
 *
 * @param plan - A plan from `buildPlan` (or `replan`), or `JSON.parse` of its JSON.
 * @param actuals - The rows, in any order.
 * @param options - `asOf` (required), `strict` and `budget` (the most work units the rules may
 *   spend over every node and period; default `DEFAULT_WORK_BUDGET`).
 * @returns The tracking: every period with its time progress, every node with a cell per period.
 * @throws {TargetreeError} `INVALID_PLAN_RESULT` for a plan that buildPlan did not make (or that
 *   was edited so its sums are off); `UNKNOWN_PLAN_NODE` (with the closest name),
 *   `OUTSIDE_PLAN`, `INVALID_DATE`, `INVALID_NUMBER` or `INVALID_ARGUMENT` for a bad row, at
 *   `["actuals", i, field]`; `AFTER_AS_OF` for a row after `asOf` with `strict`; `UNKNOWN_FACT`
 *   for a rule reading a fact that does not exist; `UNKNOWN_OPTION`, `INVALID_DATE` for the options;
 *   `WORK_BUDGET_EXCEEDED` when the rules, over every node and period, cost more than `budget`.
 *
 * @example
 * const plan = buildPlan({
 *   version: 1,
 *   target: "90万",
 *   unit: 1,
 *   period: { start: "2026-06-01", end: "2026-06-30", grains: ["week"], calendar: { weekend: [6, 7] } },
 *   organization: { name: "华东", children: [{ name: "张伟", weight: 2 }, { name: "李娜", weight: 1 }] },
 *   tracking: { tolerance: "5%" },
 * });
 * const tracking = trackPlan(plan, [
 *   { node: "华东/张伟", date: "2026-06-03", actual: "25万" },
 *   { node: "华东/李娜", date: "2026-06-05", actual: 50000 },
 * ], { asOf: "2026-06-10" });
 * tracking.periods[0].timeProgress //=> "0.363636"
 * const all = tracking.nodes[0].periods.all;
 * [all.target, all.targetToDate, all.actual, all.achievement, all.status] //=> ["900000", "327274", "300000", "0.333333", "on-track"]
 * [all.gap, all.projection, all.requiredPerWorkingDay] //=> ["600000", "825000", "42857"]
 * tracking.nodes[2].periods.all.status //=> "behind"
 */
export function trackPlan(
  plan: Plan,
  actuals: readonly ActualRow[],
  options: TrackPlanOptions,
): Tracking {
  const settings = readOptions(options, ["asOf", "strict", "budget"]);
  const budget = readBudget(settings, "trackPlan");
  const asOf = checkIsoDate(settings.asOf, ["options", "asOf"]);
  const strict = readBoolean(settings, "strict", false, ["options"]);
  const read = readPlan(plan);
  const compiled = compileRules(read.plan.rules ?? []);
  const sums = sumActuals(read, actuals, asOf, strict);
  checkRuleFacts(compiled, sums);
  rollUp(read, sums.actual);
  for (const column of sums.columns.values()) rollUp(read, column);
  const clocks = periodClocks(read.layout, asOf);
  return {
    kind: "targetree-tracking",
    version: 1,
    asOf,
    name: read.plan.name ?? null,
    unit: read.plan.unit,
    start: read.plan.start,
    end: read.plan.end,
    grains: [...read.plan.grains],
    tolerance: read.plan.tolerance,
    provisional: read.plan.provisional,
    provisionalYears: [...read.plan.provisionalYears],
    periods: read.layout.periods.map((period, k) => trackingPeriod(period, clocks[k]!)),
    nodes: trackNodes(read, sums, clocks, compiled, budget),
    columns: [...sums.columns.keys()],
    rows: sums.rows,
    ignoredAfterAsOf: sums.ignoredAfterAsOf,
  };
}

/** Every rule reads known facts: the tracking figures, or the actuals' extra columns. */
function checkRuleFacts(compiled: CompiledRules, sums: ActualSums): void {
  for (const column of sums.columns.keys()) {
    if (FACTS.includes(column)) {
      throw new TargetreeError(
        "INVALID_ARGUMENT",
        `The actuals have a column ${JSON.stringify(column)}, which is the name of a tracking figure; rename the column.`,
        { path: ["actuals", 0, column] },
      );
    }
  }
  const known = [...FACTS, ...sums.columns.keys()];
  for (const rule of compiled.rules) {
    for (const fact of rule.facts) {
      if (known.includes(fact)) continue;
      const suggestion = closest(fact, known);
      throw new TargetreeError(
        "UNKNOWN_FACT",
        `Rule ${JSON.stringify(rule.id)} reads ${JSON.stringify(fact)}, which is neither a tracking figure (${FACTS.join(", ")}) nor a column of the actuals.${suggestion === undefined ? "" : ` Did you mean ${JSON.stringify(suggestion)}?`}`,
        { path: ["plan", "rules", rule.index, "when"], details: { ruleId: rule.id, fact } },
      );
    }
  }
}

/** Sums each node's cells up its periods (fine to coarse), then up the tree (leaves to top). */
function rollUp(read: ReadPlan, sums: Sums): void {
  const width = read.layout.periods.length;
  const parents = read.periodParents;
  for (let node = 0; node < read.nodes.length; node++) {
    const base = node * width;
    for (let k = width - 1; k >= 1; k--) rollInto(sums, base + parents[k]!, base + k);
  }
  for (let node = read.nodes.length - 1; node >= 1; node--) {
    const from = node * width;
    const to = read.parents[node]! * width;
    for (let k = 0; k < width; k++) rollInto(sums, to + k, from + k);
  }
}

interface NodeContext {
  readonly read: ReadPlan;
  readonly sums: ActualSums;
  readonly clocks: readonly PeriodClock[];
  /** The unit in the actuals' scale: amounts × unitAtScale are at that scale. */
  readonly unitAtScale: Int;
  readonly toleranceMantissa: Int;
  readonly toleranceScale: Int;
  readonly compiled: CompiledRules;
  /** The call's work budget, which every rule evaluation of every node and period pays from. */
  readonly budget: WorkBudget;
  /** The open finest period's index in `periods`, or -1. */
  readonly openFinest: number;
  /** How many finest periods are closed (they come first). */
  readonly closedFinest: number;
  readonly finestStart: number;
  readonly finestGrain: PlanGrain;
  readonly belowMantissa: Int;
  readonly belowScale: Int;
  readonly misses: number | null;
  /** Each node's target to date in the open finest period, in units. */
  readonly openParts: readonly bigint[];
  /** Zero with the actuals' decimals ("0.00"). */
  readonly zeroText: string;
}

function trackNodes(
  read: ReadPlan,
  sums: ActualSums,
  clocks: readonly PeriodClock[],
  compiled: CompiledRules,
  budget: WorkBudget,
): TrackingNode[] {
  const { layout, unit, plan } = read;
  const scale = sums.actual.scale;
  const tolerance = toScaled(toDecimal(plan.tolerance ?? "0", ["plan", "tolerance"]));
  const below = toScaled(toDecimal(plan.health?.below ?? 1, ["plan", "health", "below"]));
  const finestStart = layout.grainStart[layout.grainStart.length - 2]!;
  let openFinest = -1;
  let closedFinest = 0;
  for (let k = finestStart; k < clocks.length; k++) {
    if (clocks[k]!.state === "open") openFinest = k;
    if (clocks[k]!.state === "closed") closedFinest++;
  }
  const context: NodeContext = {
    read,
    sums,
    clocks,
    unitAtScale: norm(unit.scaled.mantissa * pow10(scale - unit.scaled.scale)),
    toleranceMantissa: norm(tolerance.mantissa * pow10(Math.max(0, -tolerance.scale))),
    toleranceScale: norm(pow10(Math.max(0, tolerance.scale))),
    compiled,
    budget,
    openFinest,
    closedFinest,
    finestStart,
    finestGrain: plan.grains[plan.grains.length - 1]!,
    belowMantissa: norm(below.mantissa * pow10(Math.max(0, -below.scale))),
    belowScale: norm(pow10(Math.max(0, below.scale))),
    misses: plan.health?.misses ?? null,
    openParts: [],
    zeroText: intText(0, scale),
  };
  const withParts = { ...context, openParts: openParts(read, clocks, openFinest) };
  return read.nodes.map((node, index) => trackNode(withParts, index, node));
}

/**
 * Each node's target to date in the open finest period, in units: the top node's is its target
 * there × the elapsed share of working days (calendar days without any), rounded half-up; below
 * it, each node's part is split from its parent's by largest remainder over the children's
 * targets there, so targets to date roll up exactly.
 */
function openParts(read: ReadPlan, clocks: readonly PeriodClock[], openFinest: number): bigint[] {
  const parts = new Array<bigint>(read.nodes.length).fill(0n);
  if (openFinest < 0) return parts;
  const clock = clocks[openFinest]!;
  const [elapsed, days] =
    clock.workingDays > 0
      ? [clock.elapsed, clock.workingDays]
      : [clock.calendarElapsed, clock.calendarDays];
  const openValue = (node: number) => big(read.values[node]![openFinest]!);
  parts[0] = divideRounded(openValue(0) * BigInt(elapsed), BigInt(days), "half-up");
  // Preorder: a parent's part is known before its children's.
  for (let node = 0; node < read.nodes.length; node++) {
    const children = read.children[node]!;
    if (children.length === 0) continue;
    const weights = children.map(openValue);
    if (weights.some((weight) => weight < 0n)) {
      for (const child of children) {
        parts[child] = divideRounded(openValue(child) * BigInt(elapsed), BigInt(days), "half-up");
      }
      continue;
    }
    const split = spreadUnits(parts[node]!, weights);
    children.forEach((child, i) => {
      parts[child] = split[i]!;
    });
  }
  return parts;
}

function trackNode(
  context: NodeContext,
  index: number,
  node: ReadPlan["nodes"][number],
): TrackingNode {
  const { read, sums, clocks, unitAtScale } = context;
  const { layout } = read;
  const width = layout.periods.length;
  const base = index * width;
  const values = read.values[index]!;
  // The plan's own target texts, when the actuals carry no more decimals than the unit.
  const texts =
    sums.actual.scale === read.unit.decimals
      ? read.texts[index]!
      : read.texts[index]!.map(() => null);
  const scale = sums.actual.scale;
  const health = healthOf(context, index, values);
  const openPart = norm(context.openParts[index]!);
  const open = context.openFinest - context.finestStart;
  const cells: Record<string, TrackingCell> = {};
  for (let k = 0; k < width; k++) {
    const clock = clocks[k]!;
    if (clock.state === "future") {
      cells[layout.periods[k]!.label] = futureCell(context, values[k]!, texts[k]!, clock, base + k);
      continue;
    }
    let toDateUnits: Int = 0;
    if (clock.state === "closed") toDateUnits = values[k]!;
    else if (clock.state === "open") {
      // Closed finest periods come first: those in this period, then the open one's part.
      const closedEnd = Math.min(clock.finestEnd, context.closedFinest);
      for (let f = clock.finestFirst; f < closedEnd; f++) {
        toDateUnits = add(toDateUnits, values[context.finestStart + f]!);
      }
      if (context.openFinest >= 0 && open >= clock.finestFirst && open < clock.finestEnd) {
        toDateUnits = add(toDateUnits, openPart);
      }
    }
    const target = mul(values[k]!, unitAtScale);
    const actual = cellOf(sums.actual, base + k);
    const gap = sub(target, actual);
    // Why figures are null, as a mask into shared frozen records (no record per cell).
    let why = 0;
    let achievement: string | null = null;
    let gapRate: string | null = null;
    if (target === 0) why |= ZERO_TARGET;
    else {
      achievement = ratioText(actual, target);
      gapRate = ratioText(gap, target);
    }
    let projection: string | null = null;
    if (clock.elapsed === 0) why |= NOT_STARTED;
    else {
      projection = unitText(
        divideHalfUp(mul(actual, clock.workingDays), mul(clock.elapsed, unitAtScale)),
        unitAtScale,
        scale,
      );
    }
    let required: string | null = null;
    if (clock.remaining === 0) why |= NO_DAYS_LEFT;
    else {
      required = unitText(divideHalfUp(gap, mul(clock.remaining, unitAtScale)), unitAtScale, scale);
    }
    const targetText = texts[k] ?? intText(target, scale);
    const status =
      clock.elapsed === 0 && actual === 0
        ? "on-track"
        : statusOf(actual, target, clock, context.toleranceMantissa, context.toleranceScale);
    const cell: TrackingCell =
      why === 0
        ? {
            target: targetText,
            targetToDate: intText(mul(toDateUnits, unitAtScale), scale),
            actual: intText(actual, scale),
            achievement,
            gap: intText(gap, scale),
            gapBasis: "target",
            gapRate,
            timeProgress: clock.timeProgress,
            projection,
            requiredPerWorkingDay: required,
            status,
            alerts: NO_ALERTS,
            columns: columnsOf(sums, base + k),
          }
        : {
            target: targetText,
            targetToDate:
              clock.state === "closed" ? targetText : intText(mul(toDateUnits, unitAtScale), scale),
            actual: intText(actual, scale),
            achievement,
            gap: intText(gap, scale),
            gapBasis: "target",
            gapRate,
            timeProgress: clock.timeProgress,
            projection,
            requiredPerWorkingDay: required,
            status,
            alerts: NO_ALERTS,
            columns: columnsOf(sums, base + k),
            reasons: REASONS[why]!,
          };
    cells[layout.periods[k]!.label] =
      context.compiled.rules.length === 0
        ? cell
        : { ...cell, alerts: alertsOf(context, cell, clock, health.missesInARow) };
  }
  return {
    node: node.node,
    name: node.name,
    path: node.path,
    level: node.level,
    parent: node.parent,
    children: [...node.children],
    periods: cells,
    health,
  };
}

/** Why a figure is null, by cause. */
const ZERO_TARGET = 1;
const NOT_STARTED = 2;
const NO_DAYS_LEFT = 4;
const NOT_BEGUN = 8;
const BECAUSE = [
  [ZERO_TARGET, "achievement", "The period's target is zero, so there is no achievement ratio."],
  [
    ZERO_TARGET,
    "gapRate",
    "The period's target is zero, so the gap has no rate on the target basis.",
  ],
  [
    NOT_STARTED,
    "projection",
    "No working day of the period has elapsed, so there is no pace to project.",
  ],
  [NO_DAYS_LEFT, "requiredPerWorkingDay", "No working day is left in the period."],
  [NOT_BEGUN, "projection", "The period has not begun, so there is no pace to project."],
] as const;

/** The reasons of every combination of causes, built once: cells share them (they are frozen). */
const REASONS: readonly Readonly<Record<string, string>>[] = /* @__PURE__ */ Array.from(
  { length: 16 },
  (_, mask) =>
    Object.freeze(
      Object.fromEntries(
        BECAUSE.filter(([cause]) => (mask & cause) !== 0).map(([, field, text]) => [field, text]),
      ),
    ),
);

/** A period that has not begun: nothing done, the whole target still to do, on track. */
function futureCell(
  context: NodeContext,
  units: Int,
  text: string | null,
  clock: PeriodClock,
  cell: number,
): TrackingCell {
  const scale = context.sums.actual.scale;
  const target = text ?? intText(mul(units, context.unitAtScale), scale);
  const zero = units === 0;
  return {
    target,
    targetToDate: context.zeroText,
    actual: context.zeroText,
    achievement: zero ? null : "0",
    gap: target,
    gapBasis: "target",
    gapRate: zero ? null : "1",
    timeProgress: clock.timeProgress,
    projection: null,
    requiredPerWorkingDay:
      clock.remaining === 0
        ? null
        : unitText(
            divideHalfUp(
              mul(units, context.unitAtScale),
              mul(clock.remaining, context.unitAtScale),
            ),
            context.unitAtScale,
            scale,
          ),
    status: "on-track",
    alerts: NO_ALERTS,
    columns: columnsOf(context.sums, cell),
    reasons:
      REASONS[NOT_BEGUN | (zero ? ZERO_TARGET : 0) | (clock.remaining === 0 ? NO_DAYS_LEFT : 0)]!,
  };
}

/** Units as text with the actuals' decimals. */
function unitText(units: Int, unitAtScale: Int, scale: number): string {
  return intText(mul(units, unitAtScale), scale);
}

function columnsOf(sums: ActualSums, cell: number): Readonly<Record<string, string>> {
  if (sums.columns.size === 0) return NO_COLUMNS;
  const out: Record<string, string> = {};
  for (const [name, column] of sums.columns) {
    Object.defineProperty(out, name, {
      value: intText(cellOf(column, cell), column.scale),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
}

/** The closed finest periods missed in a row, through consecutiveMisses. */
function healthOf(
  context: NodeContext,
  index: number,
  values: readonly Int[],
): TrackingNode["health"] {
  const { read, sums, clocks, finestStart } = context;
  const width = read.layout.periods.length;
  const series: { met: boolean }[] = [];
  for (let k = finestStart; k < width && clocks[k]!.state === "closed"; k++) {
    const actual = mul(cellOf(sums.actual, index * width + k), context.belowScale);
    const target = mul(mul(values[k]!, context.unitAtScale), context.belowMantissa);
    series.push({ met: compare(actual, target) >= 0 });
  }
  const missesInARow = series.length === 0 ? 0 : consecutiveMisses(series).trailing;
  return {
    grain: context.finestGrain,
    missesInARow,
    inDanger: context.misses !== null && missesInARow >= context.misses,
  };
}

/** The rules that fire for a cell, over its exact figures. */
function alertsOf(
  context: NodeContext,
  cell: TrackingCell,
  clock: PeriodClock,
  missesInARow: number,
): readonly TrackingAlert[] {
  const target = new Decimal(cell.target);
  const actual = new Decimal(cell.actual);
  const facts: Record<string, Decimal | number> = {
    target,
    targetToDate: new Decimal(cell.targetToDate),
    actual,
    gap: new Decimal(cell.gap),
    timeProgress: new Decimal(clock.progressNumerator).div(clock.progressDenominator),
    workingDays: clock.workingDays,
    workingDaysElapsed: clock.elapsed,
    workingDaysRemaining: clock.remaining,
    missesInARow,
  };
  if (!target.isZero()) {
    facts.achievement = actual.div(target);
    facts.gapRate = target.minus(actual).div(target);
  }
  if (cell.projection !== null) facts.projection = new Decimal(cell.projection);
  if (cell.requiredPerWorkingDay !== null) {
    facts.requiredPerWorkingDay = new Decimal(cell.requiredPerWorkingDay);
  }
  for (const name of Object.keys(cell.columns)) {
    Object.defineProperty(facts, name, {
      value: new Decimal(cell.columns[name]!),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  const usable: CompiledRule[] = context.compiled.rules.filter((rule) =>
    rule.facts.every((fact) => Object.hasOwn(facts, fact)),
  );
  if (usable.length === 0) return NO_ALERTS;
  return evaluateRulesWithin(context.budget, { kind: "compiled-rules", rules: usable }, facts, [
    "plan",
  ]).map((fired) => ({
    id: fired.id,
    severity: fired.severity,
    recommend: fired.recommend,
  }));
}
