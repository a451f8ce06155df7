// Builds a Plan from a document that lints without errors: the periods on the calendar, the top
// target spread over the finest periods, the organisation cascade, the org × time table, the
// activity, the driver audit and the dimensions.
import { TargetreeError } from "../../_lib/errors.js";
import type { Model } from "../../model/types.js";
import { toDecimal } from "../../numbers/toDecimal.js";
import type { Plan, PlanDocument, PlanNode } from "../types.js";
import type { PlanUnit } from "./amounts.js";
import { planUnit, toUnits, unitsText } from "./amounts.js";
import type { ActivityContext } from "./planActivity.js";
import { activityContext, leafActivity } from "./planActivity.js";
import { compilePlanCalendar, DEFAULT_CALENDAR } from "./planCalendar.js";
import type { OrgNode } from "./planOrganization.js";
import { cascadeOrganization } from "./planOrganization.js";
import type { PeriodLayout, PeriodSpec } from "./planPeriods.js";
import { finestWeights, layoutPeriods, spreadUnits } from "./planPeriods.js";
import { auditDrivers, splitDimensions } from "./planViews.js";
import { buildTable, type TableRow } from "./table.js";

/** A node of the table engine's tree, pointing back at its place in the organisation list. */
interface TableInput {
  readonly target: bigint;
  readonly index: number;
  readonly children: TableInput[];
}

export function assemblePlan(document: PlanDocument, model: Model | null): Plan {
  const unit = planUnit(document.unit);
  const target = toDecimal(document.target);
  const targetUnits = toUnits(target, unit, ["target"]);
  const period = document.period;
  const calendarSpec = period.calendar ?? DEFAULT_CALENDAR;
  const spec: PeriodSpec = {
    start: period.start,
    end: period.end,
    grains: period.grains,
    basis: period.basis ?? "working-days",
    seasonality: period.seasonality ?? null,
    calendar: compilePlanCalendar(calendarSpec),
  };
  const layout = layoutPeriods(spec);
  const weights = finestWeights(layout, spec);
  if (targetUnits !== 0n && weights.every((weight) => weight === 0n)) {
    throw new TargetreeError(
      spec.basis === "working-days" ? "NO_WORKING_DAYS" : "SEASONALITY_MISMATCH",
      spec.basis === "working-days"
        ? `${period.start} – ${period.end} has no working days on the plan's calendar, so the target cannot spread by working days; use basis "calendar-days" or another period.`
        : "Every period's seasonality weight is zero over the plan period, so the target cannot spread.",
      { path: ["period", spec.basis === "working-days" ? "basis" : "seasonality"] },
    );
  }
  const top = spreadUnits(targetUnits, weights);
  const org = cascadeOrganization(document, target, unit);
  const values = tableValues(org, top, layout);
  const activity =
    document.activity === undefined
      ? null
      : activityContext(
          document.activity,
          { start: period.start, end: period.end, workingDays: layout.periods[0]!.workingDays },
          spec.calendar,
        );
  return {
    kind: "targetree-plan",
    version: 1,
    name: document.name ?? null,
    target: unitsText(targetUnits, unit),
    unit: unitsText(1n, unit),
    start: period.start,
    end: period.end,
    grains: [...period.grains],
    basis: spec.basis,
    seasonality: spec.seasonality === null ? null : { monthly: [...spec.seasonality.monthly] },
    calendar: calendarSpec,
    provisional: layout.provisionalYears.length > 0,
    provisionalYears: [...layout.provisionalYears],
    periods: layout.periods,
    nodes: planNodes(org, values, layout, unit, activity),
    drivers:
      document.drivers === undefined || model === null
        ? null
        : auditDrivers(document.drivers, model, target, unit),
    dimensions:
      document.dimensions === undefined ? {} : splitDimensions(document.dimensions, target, unit),
    activity: document.activity ?? null,
    rules: (document.rules ?? []).map((rule) => ({ ...rule })),
    health: document.health === undefined ? null : { ...document.health },
    tolerance:
      document.tracking?.tolerance === undefined
        ? "0"
        : toDecimal(document.tracking.tolerance).toFixed(),
  };
}

/**
 * Every node's value in every period of the layout (aligned with `layout.periods`): the org × time
 * table of the engine, exact both ways at every level, coarser grains as sums of finer ones.
 */
export function tableValues(
  org: readonly OrgNode[],
  top: readonly bigint[],
  layout: PeriodLayout,
): bigint[][] {
  const inputs: TableInput[] = org.map((node, index) => ({
    target: node.units,
    index,
    children: [],
  }));
  org.forEach((node, index) => {
    if (node.parent >= 0) inputs[node.parent]!.children.push(inputs[index]!);
  });
  const table = buildTable(inputs[0]!, top, { grains: layout.runs });
  const values: bigint[][] = new Array(org.length);
  const pending: TableRow<TableInput>[] = [table];
  while (pending.length > 0) {
    const row = pending.pop()!;
    values[row.node.index] = rowValues(row, layout);
    for (const child of row.children) pending.push(child);
  }
  return values;
}

function rowValues(row: TableRow, layout: PeriodLayout): bigint[] {
  const out = new Array<bigint>(layout.periods.length);
  out[0] = row.target;
  const last = layout.grainStart.length - 2;
  for (let grain = 0; grain < last; grain++) {
    const start = layout.grainStart[grain]!;
    row.grains[grain]!.forEach((value, i) => {
      out[start + i] = value;
    });
  }
  const finestStart = layout.grainStart[last]!;
  row.periods.forEach((value, i) => {
    out[finestStart + i] = value;
  });
  return out;
}

/** The Plan's nodes: each node's place, target and targets by period label. */
export function planNodes(
  org: readonly OrgNode[],
  values: readonly (readonly bigint[])[],
  layout: { readonly periods: readonly { readonly label: string }[] },
  unit: PlanUnit,
  activity: ActivityContext | null,
): PlanNode[] {
  const labels = layout.periods.map((period) => period.label);
  return org.map((node, index) => {
    const row = values[index]!;
    const targets: Record<string, string> = {};
    labels.forEach((label, k) => {
      targets[label] = unitsText(row[k]!, unit);
    });
    const leaf = node.children.length === 0;
    return {
      node: node.node,
      id: node.id,
      name: node.name,
      path: node.path,
      level: node.level,
      levelName: node.levelName,
      parent: node.parent < 0 ? null : org[node.parent]!.node,
      children: node.children.map((child) => org[child]!.node),
      target: unitsText(node.units, unit),
      ...(node.hold === undefined ? {} : { hold: node.hold }),
      ...(node.min === undefined ? {} : { min: node.min }),
      ...(node.max === undefined ? {} : { max: node.max }),
      ...(node.customers === undefined ? {} : { customers: node.customers }),
      targets,
      ...(activity === null || !leaf
        ? {}
        : {
            activity: leafActivity(
              activity,
              unit.value.times(node.units.toString()),
              node.customers,
              node.docPath,
            ),
          }),
    };
  });
}
