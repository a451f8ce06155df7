// The plan document (version 1 of PLAN.md) and the findings of lintPlan, as TypeScript types.
import type { Direction } from "../_lib/direction.js";
import type { ErrorPath, TargetreeErrorCode } from "../_lib/errors.js";
import type { Numeric } from "../_lib/types.js";
import type { InputSpec, NodeSpec } from "../model/types.js";
import type { SplitRule } from "../split/cascade.js";
import type { Calendar, HolidayArrangement, IsoDate } from "../time/types.js";

/** A period grain, coarse to fine: `year`, `quarter`, `month`, `dekad` (旬), `week`, `day`. */
export type PlanGrain = "year" | "quarter" | "month" | "dekad" | "week" | "day";

/**
 * How the top target is spread over the periods (the document's `period.basis`, PLAN.md's word):
 * by working days (default), calendar days or seasonality. The library's functions call it
 * `spreadBy`.
 */
export type PlanPeriodBasis = "working-days" | "calendar-days" | "seasonality";

/** Seasonality weights for `basis: "seasonality"`: one weight ≥ 0 per calendar month, January first. */
export interface PlanSeasonality {
  /** Twelve weights, January to December (e.g. last year's monthly sales); not all zero. */
  readonly monthly: readonly Numeric[];
}

/** The China (mainland) calendar of `chinaCalendar`, as the document asks for it. */
export interface PlanChinaCalendarOptions {
  /**
   * A year without official data: `"error"` (default; lint reports `CALENDAR_YEAR_MISSING`),
   * `"provisional"` (computed from the published principles; lint reports `PROVISIONAL_CALENDAR`)
   * or `"weekends-only"`.
   */
  readonly missingYears?: "error" | "provisional" | "weekends-only";
  /** Official arrangements to add (a notice published after this release), one per year. */
  readonly arrangements?: readonly HolidayArrangement[];
}

/** The China (mainland) calendar, as the plan document asks for it: `{ "china": { … } }`. */
export interface PlanChinaCalendar {
  /** What `chinaCalendar` is asked for: provisional years, extra official arrangements. */
  readonly china: PlanChinaCalendarOptions;
}

/** The working-day calendar of the plan: `{ china: { … } }`, or an explicit {@link Calendar}. */
export type PlanCalendar = PlanChinaCalendar | Calendar;

/** The plan document's period: its dates, its grains, how the target spreads over it, and its calendar. */
export interface PlanDocumentPeriod {
  /** The first day, `"YYYY-MM-DD"`. */
  readonly start: IsoDate;
  /** The last day (inclusive), `"YYYY-MM-DD"`, not before `start`. */
  readonly end: IsoDate;
  /** The grains of the org × time table, coarse to fine, each at most once (at least one). */
  readonly grains: readonly PlanGrain[];
  /**
   * How the target spreads over the periods. Default `"working-days"`. (PLAN.md's word; the
   * library's functions call it `spreadBy`.)
   */
  readonly basis?: PlanPeriodBasis;
  /** The weights for `basis: "seasonality"` (and only then). */
  readonly seasonality?: PlanSeasonality;
  /** The working-day calendar. Default `{ china: {} }`: official data only. */
  readonly calendar?: PlanCalendar;
}

/** Defaults for every node at one depth of the organisation: `levels[0]` is how the top node splits. */
export interface PlanLevel {
  /** What the nodes this split produces are called (`"事业部"`, `"大区"`, `"个人"`). */
  readonly name?: string;
  /** How each node at this depth splits, unless it sets its own `split`. */
  readonly split?: SplitRule;
  /** The rounding step of the children of each node at this depth (`"0.01"`, `1`, `"万"`). */
  readonly unit?: Numeric;
  /** The child that takes what shares below 100% leave, unless the node names its own. */
  readonly remainder?: string;
}

/** One node of the document's organisation, in the shape of `cascade`'s nodes plus an `id` and `customers`. */
export interface PlanDocumentNode {
  /** A unique id in the whole tree (no `/`), by which the node is addressed instead of its path. */
  readonly id?: string;
  /** The node's name, unique among its siblings. A name containing `/` needs an `id`. */
  readonly name: string;
  /** The node's weight among its siblings when its parent splits by weights. */
  readonly weight?: Numeric;
  /** The node's share of its parent when its parent splits by shares: `"40%"` or `0.4`. */
  readonly share?: Numeric;
  /** A fixed target for this node; its siblings share what is left. */
  readonly hold?: Numeric;
  /** The lowest target this node may get. */
  readonly min?: Numeric;
  /** The highest target this node may get. */
  readonly max?: Numeric;
  /** An amount moved to this node after the split (negative: moved away). */
  readonly adjust?: Numeric;
  /** How this node splits over its children. Default: its level's rule, else inferred. */
  readonly split?: SplitRule;
  /** Under `"shares"`: the child that takes what the shares leave. */
  readonly remainder?: string;
  /** The rounding step of this node's children. */
  readonly unit?: Numeric;
  /** Customers per class on a leaf (`{ "A": 12, "B": 30 }`), for `activity.cadence`. */
  readonly customers?: Readonly<Record<string, number>>;
  /** The node's children; absent or empty for a leaf. */
  readonly children?: readonly PlanDocumentNode[];
}

/** A model document as the plan embeds it: what `defineModel(formulas, { inputs, nodes })` takes. */
export interface PlanModelDocument {
  /** The URL of the document's JSON Schema, for editors; ignored. */
  readonly $schema?: string;
  /** The model document's format version: 1. */
  readonly version: 1;
  /** Node name → formula. */
  readonly formulas: Readonly<Record<string, string>>;
  /** Metadata per input (label, bounds…), as `defineModel`'s `options.inputs`. */
  readonly inputs?: Readonly<Record<string, InputSpec>>;
  /** Labels and units per formula node, as `defineModel`'s `options.nodes`. */
  readonly nodes?: Readonly<Record<string, NodeSpec>>;
}

/** The driver tree the target should follow. */
export interface PlanDrivers {
  /** The driver tree. */
  readonly model: PlanModelDocument;
  /** The formula node whose value is the plan's target (`"revenue"`). */
  readonly output: string;
  /** Every input's stated value. */
  readonly inputs: Readonly<Record<string, Numeric>>;
  /**
   * The inputs a common multiplier may scale when the drivers disagree with the target ("×25 on
   * both customer counts"). Default: every input the output reads.
   */
  readonly vary?: readonly string[];
}

/** A view of the target by shares; shares below 100% need a named `remainder`. */
export interface PlanSharesDimension {
  /** Part → share (`"40%"` or `0.4`), together at most 100%. */
  readonly shares: Readonly<Record<string, Numeric>>;
  /** The part that takes what the shares leave (`"其他"`). */
  readonly remainder?: string;
}

/** A view of the target by weights. */
export interface PlanWeightsDimension {
  /** Part → weight ≥ 0. */
  readonly weights: Readonly<Record<string, Numeric>>;
}

/** A view of the target as stated amounts, which lint checks against the target. */
export interface PlanAmountsDimension {
  /** Part → amount (`"5000万"`). */
  readonly amounts: Readonly<Record<string, Numeric>>;
}

/** Another view of the same target (product line, region, customer type…), split on its own. */
export type PlanDimension = PlanSharesDimension | PlanWeightsDimension | PlanAmountsDimension;

/** One period of a multi-year path the target belongs to. */
export interface PlanPathEntry {
  /** The period: `"2026"`, `"2026-Q1"` or `"2026-03"` (all entries of one kind). */
  readonly period: string;
  /** The period's target. */
  readonly target?: Numeric;
  /** The period's actual result. */
  readonly actual?: Numeric;
}

/**
 * A supporting metric with its current and target values (W7's table). The document keeps
 * PLAN.md's word `current` for the measured value (the library's functions call it `actual`).
 */
export interface PlanMetric {
  /** The metric's name (`"转化率"`). */
  readonly name: string;
  /** The measured value (for a baseline, the average of the last periods). */
  readonly current: Numeric;
  /** The target value. */
  readonly target: Numeric;
  /** Which way is better. Default `"higher"`. */
  readonly direction?: Direction;
  /** The gap rate the source document states, to check. */
  readonly statedGapRate?: Numeric;
  /** The denominator `statedGapRate` claims to use; lint works it out when absent. */
  readonly basis?: "target" | "current";
}

/** One stage of the activity funnel: `per` of this stage make one of the next. */
export interface PlanFunnelStage {
  /** The stage's name (`"拜访"`). */
  readonly stage: string;
  /** How many of this stage make one of the next stage; absent on the last stage. */
  readonly per?: Numeric;
}

/** How often a customer class is visited: `{ every: "week" }`, `{ every: "2 weeks" }`, or a name such as `"weekly"`. */
export type PlanCadence =
  | string
  | {
      /** `"day"`, `"week"`, `"month"`, optionally with a count: `"2 weeks"`. */
      readonly every: string;
      /** Visits per cycle. Default 1. */
      readonly visits?: number;
    };

/** The activity behind each person's target. */
export interface PlanActivity {
  /** The stages from the first activity to a won customer, each but the last with `per`. */
  readonly funnel?: readonly PlanFunnelStage[];
  /** Revenue per won customer, to turn a target into wins. */
  readonly valuePerWin?: Numeric;
  /** Visit cadence per customer class. */
  readonly cadence?: Readonly<Record<string, PlanCadence>>;
}

/** An alert rule over each node's tracking facts. */
export interface PlanRule {
  /** A unique id (`"behind"`). */
  readonly id: string;
  /** The condition in the formula language: `"achievement < timeProgress - 10%"`. */
  readonly when: string;
  /** What to do when it fires. */
  readonly recommend: string;
  /** Default `"warning"`. */
  readonly severity?: "info" | "warning" | "danger";
}

/** When a node is in danger: `misses` closed periods in a row under `below` achievement. */
export interface PlanHealth {
  /** Closed periods in a row (at least 1). */
  readonly misses: number;
  /** The achievement a period must reach to count as met (`"50%"`). */
  readonly below: Numeric;
}

/** How tracking judges pace. */
export interface PlanTracking {
  /** The band around time progress that counts as on track (`"5%"`). Default 0. */
  readonly tolerance?: Numeric;
}

/** The plan document, version 1: one target, its period, its organisation and its views. */
export interface PlanDocument {
  /** The URL of the document's JSON Schema, for editors; ignored. */
  readonly $schema?: string;
  /** The format version: 1. */
  readonly version: 1;
  /** Shown in reports: `"2027 华东销售计划"`. */
  readonly name?: string;
  /** The top node's target for the period: `"1.2亿"`. */
  readonly target: Numeric;
  /** The rounding step of every computed target. Default `"0.01"`. */
  readonly unit?: Numeric;
  /** The period, its grains and calendar. */
  readonly period: PlanDocumentPeriod;
  /** Defaults per depth of the organisation. */
  readonly levels?: readonly PlanLevel[];
  /** The top node (its amount is `target`) and its tree. */
  readonly organization: PlanDocumentNode;
  /** The driver tree the target should follow. */
  readonly drivers?: PlanDrivers;
  /** Other views of the same target, each split on its own, by name. */
  readonly dimensions?: Readonly<Record<string, PlanDimension>>;
  /** A multi-year path the target belongs to. */
  readonly path?: readonly PlanPathEntry[];
  /** Supporting metrics with current and target values. */
  readonly metrics?: readonly PlanMetric[];
  /** The activity behind each person's target. */
  readonly activity?: PlanActivity;
  /** Alert rules over each node's tracking facts. */
  readonly rules?: readonly PlanRule[];
  /** When a node counts as in danger. */
  readonly health?: PlanHealth;
  /** How tracking judges pace. */
  readonly tracking?: PlanTracking;
}

/** One problem that keeps a plan document from being read, as listed in `details.problems`. */
export interface PlanProblem {
  /** Where, as property names and indexes from the document's root. */
  readonly path: ErrorPath;
  /** The error code a function taking this value alone would throw (`INVALID_NUMBER`, `UNKNOWN_FIELD`…). */
  readonly code: TargetreeErrorCode;
  /** What is wrong and what to do. */
  readonly message: string;
}

/** Every finding code of `lintPlan` (stable). */
export type FindingCode =
  | "DRIVERS_DISAGREE"
  | "DRIVERS_INVALID"
  | "SHARES_INCOMPLETE"
  | "SHARES_EXCEED"
  | "AMOUNTS_MISMATCH"
  | "HOLDS_EXCEED"
  | "HOLDS_LEAVE_REST"
  | "BOUNDS_INFEASIBLE"
  | "NOT_A_MULTIPLE_OF_UNIT"
  | "EVEN_SPLIT_IGNORES_WEIGHTS"
  | "DUPLICATE_PERIOD"
  | "MISSING_PERIOD"
  | "PATH_MISMATCH"
  | "GROWTH_REQUIRED"
  | "MIXED_GAP_BASES"
  | "STATED_RATE_MISMATCH"
  | "PROVISIONAL_CALENDAR"
  | "CALENDAR_YEAR_MISSING"
  | "UNKNOWN_FIELD";

/** How serious a finding is: an `error` keeps the plan from being built. */
export type FindingSeverity = "error" | "warning" | "info";

/** A value in a finding's figures: decimals as strings, so `JSON.stringify` gives exact text. */
export type FigureValue =
  | string
  | number
  | boolean
  | null
  | readonly FigureValue[]
  | { readonly [name: string]: FigureValue };

/** The numbers behind a finding, by name. */
export type Figures = { readonly [name: string]: FigureValue };

/** An edit that sets a field: `add` when it is absent, `replace` when it is present. */
export interface PlanSetEdit {
  /** `"add"` or `"replace"`, as in JSON Patch. */
  readonly op: "add" | "replace";
  /** Where, as property names and indexes from the document's root. */
  readonly path: ErrorPath;
  /** The new value (decimals as strings). */
  readonly value: FigureValue;
}

/** An edit that deletes a field or an array entry. */
export interface PlanRemoveEdit {
  /** `"remove"`. */
  readonly op: "remove";
  /** What to delete. */
  readonly path: ErrorPath;
}

/** An edit that renames a field: its value moves from `from` to `path`. */
export interface PlanMoveEdit {
  /** `"move"`. */
  readonly op: "move";
  /** The field's present place. */
  readonly from: ErrorPath;
  /** Its new place. */
  readonly path: ErrorPath;
}

/** One edit of the document, in the manner of JSON Patch (RFC 6902) with array paths. */
export type PlanEdit = PlanSetEdit | PlanRemoveEdit | PlanMoveEdit;

/** One way to resolve a finding: edits a program applies to the document, all of them. */
export interface FixOption {
  /** What kind of fix it is (stable): `"solve-driver"`, `"scale-drivers"`, `"name-remainder"`… */
  readonly action: string;
  /** The fix in words. */
  readonly message: string;
  /** The edits, in order. */
  readonly edits: readonly PlanEdit[];
  /** The numbers of this fix (the solved value, the factor, the remainder's amount…). */
  readonly figures: Figures;
}

/** A contradiction or risk lintPlan found in a plan document. */
export interface Finding {
  /** What was found (stable; see PLAN.md's table). */
  readonly code: FindingCode;
  /** `"error"`: the plan cannot be built as it stands; `"warning"`: it can, but check; `"info"`: a fact. */
  readonly severity: FindingSeverity;
  /** Where in the document, e.g. `["dimensions", "产品线", "shares"]`. */
  readonly path: ErrorPath;
  /** The finding in words, with its numbers. */
  readonly message: string;
  /** The numbers behind it (decimals as strings). */
  readonly figures: Figures;
  /** The ways the library can resolve it (any one does); empty when it has none. */
  readonly fix: readonly FixOption[];
}

// ---------------------------------------------------------------------------------------------
// The built plan (buildPlan, replan) and its tracking (trackPlan). Plain data: amounts and ratios
// are decimal strings, so `JSON.stringify` gives an exact, readable document and `JSON.parse` of
// it is again a Plan (or a Tracking) that trackPlan and replan read.
// ---------------------------------------------------------------------------------------------

/** A period's grain in the built plan: one of the document's grains, or `"all"` (the whole period). */
export type PlanPeriodGrain = PlanGrain | "all";

/** One period of the built plan, at one grain. */
export interface PlanPeriod {
  /**
   * The label (PLAN.md): `"all"`, `"2027"`, `"2027-Q1"`, `"2027-03"`, `"2027-W09"`,
   * `"2027-03-上旬"`, `"2027-03-15"`; a week cut by a coarser period's edge carries both labels,
   * coarser first: `"2027-03:2027-W09"`. Unique in the plan.
   */
  readonly label: string;
  /** The grain, or `"all"` for the whole plan period. */
  readonly grain: PlanPeriodGrain;
  /** The first day, `"YYYY-MM-DD"` (cut at the plan's start). */
  readonly start: IsoDate;
  /** The last day, inclusive (cut at the plan's end). */
  readonly end: IsoDate;
  /** Calendar days from `start` to `end`. */
  readonly calendarDays: number;
  /** Working days from `start` to `end` on the plan's calendar. */
  readonly workingDays: number;
  /** The label of the period one grain coarser that holds this one; `null` for `"all"`. */
  readonly parent: string | null;
}

/** One stage of a person's activity: how many, and how many per working day. */
export interface PlanStageActivity {
  /** The stage's name (`"拜访"`), as the document's funnel names it. */
  readonly stage: string;
  /** The count over the plan period, a whole number (rounded up, so it is always enough). */
  readonly count: string;
  /** `count` per working day of the plan period, rounded up to 0.01; `null` without working days. */
  readonly perWorkingDay: string | null;
}

/** The activity a leaf (a person) needs for its target (present when the document has `activity`). */
export interface PlanNodeActivity {
  /** Working days of the plan period. */
  readonly workingDays: number;
  /** Won customers the target needs: target ÷ `valuePerWin`, rounded up; `null` without `valuePerWin`. */
  readonly wins: string | null;
  /** The funnel back from `wins`, top stage first, the last stage being the wins; empty without both. */
  readonly funnel: readonly PlanStageActivity[];
  /** Visits the customers' cadence needs over the period (`customers` × `cadence`); `null` without them. */
  readonly cadenceVisits: string | null;
  /** `cadenceVisits` per working day, rounded up to 0.01; `null` when there are none. */
  readonly cadenceVisitsPerWorkingDay: string | null;
  /** Why a figure is `null`, when one is. */
  readonly reason?: string;
}

/** One node of the built plan: its place in the organisation and its target in every period. */
export interface PlanNode {
  /** The node's address: its `id` when it has one, else its path. Unique in the plan. */
  readonly node: string;
  /** The document's `id`, or `null`. */
  readonly id: string | null;
  /** The node's name. */
  readonly name: string;
  /** The names from the top node down to this one, the top node's included, joined by `/`. */
  readonly path: string;
  /** Depth: 0 for the top node. */
  readonly level: number;
  /** What the nodes at this depth are called (`levels[level - 1].name`), or `null`. */
  readonly levelName: string | null;
  /** The parent's address; `null` for the top node. */
  readonly parent: string | null;
  /** The children's addresses, in the document's order (a remainder part cascade adds comes last). */
  readonly children: readonly string[];
  /** The node's target for the whole period, in the plan's unit (`"12000000.00"`). */
  readonly target: string;
  /** The node's fixed target, when the document holds it (replan keeps it). */
  readonly hold?: string;
  /** The node's lowest target, as the document bounds it. */
  readonly min?: string;
  /** The node's highest target, as the document bounds it. */
  readonly max?: string;
  /** Customers per class on a leaf, as the document gives them. */
  readonly customers?: Readonly<Record<string, number>>;
  /**
   * The node's target in every period, by period label (`"all"` included), in the plan's unit.
   * A node's periods of one grain sum to its target; its children's values in a period sum to
   * its value there.
   */
  readonly targets: Readonly<Record<string, string>>;
  /** The activity behind the target, on a leaf when the document has `activity`. */
  readonly activity?: PlanNodeActivity;
}

/** The driver audit: what the driver tree gives, against the target. */
export interface PlanDriverAudit {
  /** The formula node whose value is the plan's target. */
  readonly output: string;
  /** The drivers' value of `output`, exact. */
  readonly implied: string;
  /** The plan's target. */
  readonly target: string;
  /** target − implied (within the unit, since a plan with `DRIVERS_DISAGREE` is not built). */
  readonly gap: string;
  /** Every node of the driver tree (inputs included) with its value, exact. */
  readonly values: Readonly<Record<string, string>>;
}

/** One dimension's split of the target (`dimensions` in the document). */
export interface PlanDimensionSplit {
  /** How the document gives its parts. */
  readonly kind: "shares" | "weights" | "amounts";
  /** Part → amount in the plan's unit, summing exactly to the target (a named remainder included). */
  readonly parts: Readonly<Record<string, string>>;
}

/** The built plan: the organisation × time table and what stands behind it (plain data). */
export interface Plan {
  /** What this is: `"targetree-plan"`, so a reader can tell a Plan from a Tracking. */
  readonly kind: "targetree-plan";
  /** The format version of this result: 1. */
  readonly version: 1;
  /** The document's `name`, or `null`. */
  readonly name: string | null;
  /** The top node's target, in the plan's unit (`"120000000.00"`). */
  readonly target: string;
  /** The rounding unit of every target (`"0.01"`, `"1"`, `"10000"`). */
  readonly unit: string;
  /** The first day of the plan period. */
  readonly start: IsoDate;
  /** The last day, inclusive. */
  readonly end: IsoDate;
  /** The grains of the table, coarse to fine. */
  readonly grains: readonly PlanGrain[];
  /** How the top target spreads over the periods (the document's `period.basis`). */
  readonly basis: PlanPeriodBasis;
  /** The seasonality weights of `basis: "seasonality"`, else `null`. */
  readonly seasonality: PlanSeasonality | null;
  /** The document's calendar (default `{ china: {} }`), to count working days again. */
  readonly calendar: PlanCalendar;
  /** True when any day of the period comes from a provisional (computed, not official) calendar year. */
  readonly provisional: boolean;
  /** The provisional years, ascending; empty when `provisional` is false. */
  readonly provisionalYears: readonly number[];
  /** Every period: `"all"` first, then each grain coarse to fine, each in date order. */
  readonly periods: readonly PlanPeriod[];
  /** Every node, the top node first, then depth first in the document's order (preorder). */
  readonly nodes: readonly PlanNode[];
  /** The driver audit, or `null` without `drivers`. */
  readonly drivers: PlanDriverAudit | null;
  /** Each dimension's split, by name (empty without `dimensions`). */
  readonly dimensions: Readonly<Record<string, PlanDimensionSplit>>;
  /** The document's `activity`, so replan can work the activity out again, or `null`. */
  readonly activity: PlanActivity | null;
  /** The document's alert rules, for trackPlan (empty without `rules`). */
  readonly rules: readonly PlanRule[];
  /** The document's `health`, for trackPlan, or `null`. */
  readonly health: PlanHealth | null;
  /** The band around time progress that counts as on track (the document's `tracking.tolerance`; default `"0"`). */
  readonly tolerance: string;
}

/** One row of actuals: a node's actual on a day or for a period, with optional extra numeric columns. */
export interface ActualRow {
  /** The node's address: its id, or its path (names from the top node joined by `/`). */
  readonly node: string;
  /** The day, `"YYYY-MM-DD"` (give `date` or `period`). */
  readonly date?: IsoDate;
  /** A period label of the plan (`"2027-03"`, `"2027-W09"`, …) (give `date` or `period`). */
  readonly period?: string;
  /** The amount, any `Numeric` form (`"8,000"`, `"1.2万"`). */
  readonly actual: Numeric;
  /** Extra numeric columns (`visits`, `calls`): summed per node to date; rules see them as facts. */
  readonly [column: string]: Numeric | undefined;
}

/** Options of {@link trackPlan}. */
export interface TrackPlanOptions {
  /** The day tracked to, `"YYYY-MM-DD"` (counted as elapsed). Required. */
  readonly asOf: IsoDate;
  /** Refuse rows dated after `asOf` (an error) instead of leaving them out. Default false. */
  readonly strict?: boolean;
  /**
   * Most work units the document's rules may spend over every node and period (default
   * `DEFAULT_WORK_BUDGET`, about a second); past it, `WORK_BUDGET_EXCEEDED` at the dearest rule.
   */
  readonly budget?: number;
}

/** Where a period stands on the as-of day. */
export type TrackingPeriodState = "closed" | "open" | "future";

/** How a node is doing against time progress (the document's tolerance as the band). */
export type TrackingStatus = "ahead" | "on-track" | "behind";

/** One period of a tracking: the plan's period, with its time progress on the as-of day. */
export interface TrackingPeriod extends PlanPeriod {
  /** `"closed"` (ended by the as-of day), `"open"` (holds it) or `"future"` (starts after it). */
  readonly state: TrackingPeriodState;
  /** Working days from the start to the as-of day, the as-of day included. */
  readonly workingDaysElapsed: number;
  /** Working days after the as-of day. */
  readonly workingDaysRemaining: number;
  /** workingDaysElapsed ÷ workingDays (时间进度), a ratio rounded to 6 decimals; `"0"` without working days. */
  readonly timeProgress: string;
}

/** A rule that fired for a node in a period. */
export interface TrackingAlert {
  /** The rule's id. */
  readonly id: string;
  /** `"info"`, `"warning"` or `"danger"`. */
  readonly severity: "info" | "warning" | "danger";
  /** What to do. */
  readonly recommend: string;
}

/** A node in one period, on the as-of day (PLAN.md's definitions). */
export interface TrackingCell {
  /** The period's target. */
  readonly target: string;
  /** Targets of the closed finest periods + the open one's × its elapsed share of working days, in the unit. */
  readonly targetToDate: string;
  /** The actuals to date in the period, exact. */
  readonly actual: string;
  /** actual ÷ target (完成率), a ratio rounded to 6 decimals; `null` for a zero target. */
  readonly achievement: string | null;
  /** target − actual (positive: still to do), on the target basis. */
  readonly gap: string;
  /** The gap's basis: always `"target"`. */
  readonly gapBasis: "target";
  /** gap ÷ target, a ratio rounded to 6 decimals; `null` for a zero target. */
  readonly gapRate: string | null;
  /** The period's time progress (时间进度), as in {@link TrackingPeriod}. */
  readonly timeProgress: string;
  /** actual ÷ workingDaysElapsed × workingDays, in the unit; `null` before the first working day. */
  readonly projection: string | null;
  /** gap ÷ workingDaysRemaining, in the unit; `null` when no working day is left. */
  readonly requiredPerWorkingDay: string | null;
  /** `ahead` when achievement ≥ timeProgress + tolerance, `behind` when below timeProgress − tolerance. */
  readonly status: TrackingStatus;
  /** The rules that fired, in rule order (rules are evaluated in periods that have begun). */
  readonly alerts: readonly TrackingAlert[];
  /** The extra numeric columns of the actuals, summed to date (by column name). */
  readonly columns: Readonly<Record<string, string>>;
  /** Why a figure is `null`, by field name (only for the figures that are). */
  readonly reasons?: Readonly<Record<string, string>>;
}

/** A node's health: the closed periods of the finest grain it missed in a row. */
export interface TrackingHealth {
  /** The grain of the periods counted (the plan's finest). */
  readonly grain: PlanGrain;
  /** Closed periods in a row, ending with the latest closed one, whose achievement is below `below` (below 100% without `health`). */
  readonly missesInARow: number;
  /** True when `missesInARow` reaches the document's `health.misses`; false without `health`. */
  readonly inDanger: boolean;
}

/** One node of a tracking: the plan's node, with a cell per period. */
export interface TrackingNode {
  /** The node's address (id or path), as in the plan. */
  readonly node: string;
  /** The node's name. */
  readonly name: string;
  /** The node's path, names joined by `/`. */
  readonly path: string;
  /** Depth: 0 for the top node. */
  readonly level: number;
  /** The parent's address; `null` for the top node. */
  readonly parent: string | null;
  /** The children's addresses. */
  readonly children: readonly string[];
  /** A cell per period label (`"all"` included). A parent's actual is the sum of its children's. */
  readonly periods: Readonly<Record<string, TrackingCell>>;
  /** Closed periods missed in a row. */
  readonly health: TrackingHealth;
}

/** The plan tracked to a day (plain data, like the plan). */
export interface Tracking {
  /** What this is: `"targetree-tracking"`. */
  readonly kind: "targetree-tracking";
  /** The format version of this result: 1. */
  readonly version: 1;
  /** The day tracked to. */
  readonly asOf: IsoDate;
  /** The plan's name, or `null`. */
  readonly name: string | null;
  /** The plan's unit. */
  readonly unit: string;
  /** The plan's first day. */
  readonly start: IsoDate;
  /** The plan's last day. */
  readonly end: IsoDate;
  /** The plan's grains. */
  readonly grains: readonly PlanGrain[];
  /** The status band (the document's tracking tolerance). */
  readonly tolerance: string;
  /** As in the plan. */
  readonly provisional: boolean;
  /** As in the plan. */
  readonly provisionalYears: readonly number[];
  /** Every period with its state and time progress, in the plan's order. */
  readonly periods: readonly TrackingPeriod[];
  /** Every node, in the plan's order. */
  readonly nodes: readonly TrackingNode[];
  /** The extra numeric columns the actuals carried, in the order first seen. */
  readonly columns: readonly string[];
  /** Rows read (to date). */
  readonly rows: number;
  /** Rows dated after `asOf`, left out (with `strict`, an error instead). */
  readonly ignoredAfterAsOf: number;
}

/** A change of one node's target for replan: `to` a new target, or `by` an amount, from a day on. */
export interface PlanChange {
  /** The node's address: its id, or its path. */
  readonly node: string;
  /** The node's new target for the whole period (give `to` or `by`). */
  readonly to?: Numeric;
  /** The change of the node's target (`"500万"`, `"-50万"`) (give `to` or `by`). */
  readonly by?: Numeric;
  /** The first day of the re-spread: periods ending before it keep their values. Default: the day after `asOf`. */
  readonly from?: IsoDate;
}

/** Options of {@link replan}. */
export interface ReplanOptions {
  /** The day the replan is made; `change.from` defaults to the day after. Give `asOf` or `change.from`. */
  readonly asOf?: IsoDate;
}

/** One cell that replan moved. */
export interface PlanDiffEntry {
  /** The node's address. */
  readonly node: string;
  /** The period's label (`"all"` for the whole period). */
  readonly period: string;
  /** The value before. */
  readonly before: string;
  /** The value after. */
  readonly after: string;
}

/** The result of {@link replan}: the new plan, and every cell that moved. */
export interface ReplanResult {
  /** The new plan. */
  readonly plan: Plan;
  /** Every node × period whose target changed, in the plan's node and period order. */
  readonly diff: readonly PlanDiffEntry[];
}
