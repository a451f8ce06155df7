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
