// Reads a built Plan back (as buildPlan returned it, or JSON.parse of its JSON): its unit, its
// periods (laid out again on its calendar, which must give the same labels), its nodes with every
// target in whole units, checked exact both ways, and a lookup by id or path.
import { closest } from "../../_lib/closest.js";
import type { ErrorPath } from "../../_lib/errors.js";
import { describeValue, excerpt, TargetreeError } from "../../_lib/errors.js";
import { exactUnits } from "../../_lib/exact/index.js";
import { isRecord, own } from "../../_lib/records.js";
import type { Plan, PlanNode } from "../types.js";
import type { PlanUnit } from "./amounts.js";
import { planUnit, readUnits } from "./amounts.js";
import type { Int } from "./int.js";
import { add, norm } from "./int.js";
import { compilePlanCalendar } from "./planCalendar.js";
import type { PeriodLayout, PeriodSpec } from "./planPeriods.js";
import { layoutPeriods } from "./planPeriods.js";

/** A plan read back, ready for tracking or replanning. */
export interface ReadPlan {
  readonly plan: Plan;
  readonly unit: PlanUnit;
  readonly spec: PeriodSpec;
  readonly layout: PeriodLayout;
  readonly nodes: readonly PlanNode[];
  /** Index of each node's parent; -1 for the top node. */
  readonly parents: Int32Array;
  /** Indexes of each node's children. */
  readonly children: readonly (readonly number[])[];
  /** Each node's value in each period (aligned with `layout.periods`), in whole units. */
  readonly values: readonly (readonly Int[])[];
  /**
   * Each node's target text in each period, where the plan wrote it exactly as `unitsText`
   * would ("1200.00" in a unit of 0.01), else `null`: tracking reuses it instead of writing it again.
   */
  readonly texts: readonly (readonly (string | null)[])[];
  /** Each period's parent period index; -1 for "all". */
  readonly periodParents: Int32Array;
  /** Node index by address, id and path. */
  readonly lookup: ReadonlyMap<string, number>;
}

function invalid(message: string, path: ErrorPath): TargetreeError {
  return new TargetreeError("INVALID_PLAN_RESULT", message, { path });
}

/** Reads `plan` (at `path`); anything that is not a plan buildPlan made throws `INVALID_PLAN_RESULT`. */
export function readPlan(plan: unknown, path: ErrorPath = ["plan"]): ReadPlan {
  if (!isRecord(plan) || own(plan, "kind") !== "targetree-plan" || own(plan, "version") !== 1) {
    throw invalid(
      `Expected a plan made by buildPlan (kind "targetree-plan", version 1), got ${describeValue(plan)}.`,
      path,
    );
  }
  const typed = plan as unknown as Plan;
  const unit = planUnit(text(plan, "unit", path));
  const grains = own(plan, "grains");
  if (!Array.isArray(grains) || grains.length === 0) {
    throw invalid("The plan has no grains; build it again.", [...path, "grains"]);
  }
  const seasonality = own(plan, "seasonality");
  const spec: PeriodSpec = {
    start: text(plan, "start", path),
    end: text(plan, "end", path),
    grains: grains as PeriodSpec["grains"],
    basis: text(plan, "basis", path) as PeriodSpec["basis"],
    seasonality: (seasonality ?? null) as PeriodSpec["seasonality"],
    calendar: compilePlanCalendar(
      (own(plan, "calendar") ?? { china: {} }) as Parameters<typeof compilePlanCalendar>[0],
    ),
  };
  const layout = layoutPeriods(spec, path);
  const periods = own(plan, "periods");
  const labels = layout.periods.map((period) => period.label);
  if (
    !Array.isArray(periods) ||
    periods.length !== labels.length ||
    periods.some((period: unknown, k) => !isRecord(period) || own(period, "label") !== labels[k])
  ) {
    throw invalid(
      "The plan's periods do not match its dates, grains and calendar; build it again.",
      [...path, "periods"],
    );
  }
  const periodIndex = new Map(labels.map((label, k) => [label, k]));
  const periodParents = Int32Array.from(layout.periods, (period) =>
    period.parent === null ? -1 : periodIndex.get(period.parent)!,
  );

  const list = own(plan, "nodes");
  if (!Array.isArray(list) || list.length === 0) {
    throw invalid("The plan has no nodes; build it again.", [...path, "nodes"]);
  }
  const nodes = list as readonly PlanNode[];
  const address = new Map<string, number>();
  nodes.forEach((node: unknown, i) => {
    const at = [...path, "nodes", i];
    if (!isRecord(node) || typeof own(node, "node") !== "string") {
      throw invalid(`A plan node needs its address "node", got ${describeValue(node)}.`, at);
    }
    address.set(own(node, "node") as string, i);
  });
  const parents = new Int32Array(nodes.length);
  const children: number[][] = nodes.map(() => []);
  const values: Int[][] = new Array(nodes.length);
  const texts: (string | null)[][] = new Array(nodes.length);
  nodes.forEach((node, i) => {
    const at = [...path, "nodes", i];
    const parent = node.parent;
    const index = parent === null ? -1 : address.get(parent);
    if (index === undefined || index < 0 !== (i === 0) || (index >= 0 && index >= i)) {
      throw invalid(
        `The node ${excerpt(node.node)} has an unknown or misplaced parent ${describeValue(parent)}; build the plan again.`,
        [...at, "parent"],
      );
    }
    parents[i] = index;
    if (index >= 0) children[index]!.push(i);
    const row = readTargets(node, labels, unit, at);
    values[i] = row.values;
    texts[i] = row.texts;
  });
  checkSums(nodes, values, children, layout, path);

  const lookup = new Map<string, number>();
  nodes.forEach((node, i) => {
    if (typeof node.path === "string") lookup.set(node.path, i);
  });
  nodes.forEach((node, i) => {
    if (typeof node.id === "string") lookup.set(node.id, i);
    lookup.set(node.node, i);
  });
  return {
    plan: typed,
    unit,
    spec,
    layout,
    nodes,
    parents,
    children,
    values,
    texts,
    periodParents,
    lookup,
  };
}

function text(record: Readonly<Record<string, unknown>>, key: string, path: ErrorPath): string {
  const value = own(record, key);
  if (typeof value !== "string") {
    throw invalid(`The plan's ${key} must be a string, got ${describeValue(value)}.`, [
      ...path,
      key,
    ]);
  }
  return value;
}

const PLAIN = /^(-?)(\d+)(?:\.(\d+))?$/;

/** A node's targets by period label, in whole units (plain decimal strings read fast). */
function readTargets(
  node: PlanNode,
  labels: readonly string[],
  unit: PlanUnit,
  path: ErrorPath,
): { values: Int[]; texts: (string | null)[] } {
  const targets = own(node, "targets");
  if (!isRecord(targets)) {
    throw invalid(`The node ${excerpt(String(node.node))} has no targets; build the plan again.`, [
      ...path,
      "targets",
    ]);
  }
  // The common case: a unit of 1 × 10^-decimals, amounts written with those decimals.
  const simple = unit.scaled.mantissa === 1n && unit.scaled.scale === unit.decimals;
  const values = new Array<Int>(labels.length);
  const texts = new Array<string | null>(labels.length).fill(null);
  labels.forEach((label, k) => {
    const value = own(targets, label);
    const match = typeof value === "string" ? PLAIN.exec(value) : null;
    if (match !== null) {
      const fraction = match[3] ?? "";
      const digits = `${match[1]}${match[2]}${fraction}`;
      if (simple && fraction.length === unit.decimals && digits.length <= 15) {
        const units = Number(digits);
        values[k] = units === 0 ? 0 : units;
        // Written as unitsText writes it: no leading zero, no minus zero.
        const canonical =
          (match[2]!.length === 1 || match[2]![0] !== "0") && !(units === 0 && match[1] === "-");
        if (canonical) texts[k] = value as string;
        return;
      }
      const units = exactUnits({ mantissa: BigInt(digits), scale: fraction.length }, unit.scaled);
      if (units !== null) {
        values[k] = norm(units);
        return;
      }
    }
    values[k] = norm(readUnits(value, unit, [...path, "targets", label]));
  });
  return { values, texts };
}

/** Both ways: each node's periods of a grain sum to its total, its children sum to it in every period. */
function checkSums(
  nodes: readonly PlanNode[],
  values: readonly (readonly Int[])[],
  children: readonly (readonly number[])[],
  layout: PeriodLayout,
  path: ErrorPath,
): void {
  const width = layout.periods.length;
  const grains = layout.grainStart.length - 1;
  nodes.forEach((node, i) => {
    const row = values[i]!;
    for (let grain = 0; grain < grains; grain++) {
      let sum: Int = 0;
      for (let k = layout.grainStart[grain]!; k < layout.grainStart[grain + 1]!; k++) {
        sum = add(sum, row[k]!);
      }
      if (sum !== row[0]) {
        throw invalid(
          `The node ${excerpt(node.node)}'s ${layout.periods[layout.grainStart[grain]!]!.grain} targets sum to another amount than its target; build the plan again.`,
          [...path, "nodes", i, "targets"],
        );
      }
    }
    const kids = children[i]!;
    if (kids.length === 0) return;
    for (let k = 0; k < width; k++) {
      let sum: Int = 0;
      for (const child of kids) sum = add(sum, values[child]![k]!);
      if (sum !== row[k]) {
        throw invalid(
          `The children of ${excerpt(node.node)} do not sum to it in ${layout.periods[k]!.label}; build the plan again.`,
          [...path, "nodes", i, "targets", layout.periods[k]!.label],
        );
      }
    }
  });
}

/** The node a row or change names (by id or path), or `UNKNOWN_PLAN_NODE` with the closest. */
export function findNode(read: ReadPlan, name: unknown, path: ErrorPath): number {
  if (typeof name === "string") {
    const index = read.lookup.get(name) ?? read.lookup.get(name.normalize("NFC"));
    if (index !== undefined) return index;
  }
  const suggestion =
    typeof name === "string" && name.length <= 200
      ? closest(name, [...read.lookup.keys()])
      : undefined;
  throw new TargetreeError(
    "UNKNOWN_PLAN_NODE",
    `The plan has no node ${describeValue(name)} (a node is named by its id, or by its path such as ${JSON.stringify(read.nodes[read.nodes.length - 1]!.path)}).${suggestion === undefined ? "" : ` Did you mean ${JSON.stringify(suggestion)}?`}`,
    { path, ...(suggestion === undefined ? {} : { details: { suggestion } }) },
  );
}
