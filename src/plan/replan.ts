import { TargetreeError } from "../_lib/errors.js";
import { readOptions } from "../_lib/options.js";
import { own } from "../_lib/records.js";
import type { Numeric } from "../_lib/types.js";
import { toDecimal } from "../numbers/toDecimal.js";
import { roundProportional } from "../split/internal.js";
import { checkIsoDate } from "../time/internal.js";
import type { IsoDate } from "../time/types.js";
import { toUnits, unitsText } from "./_lib/amounts.js";
import { big } from "./_lib/int.js";
import { activityContext, leafActivity } from "./_lib/planActivity.js";
import { finestWeights, spreadUnits } from "./_lib/planPeriods.js";
import type { ReadPlan } from "./_lib/readPlan.js";
import { findNode, readPlan } from "./_lib/readPlan.js";
import type {
  Plan,
  PlanChange,
  PlanDiffEntry,
  PlanNode,
  ReplanOptions,
  ReplanResult,
} from "./types.js";

/**
 * Changes one node's target from a day on and re-spreads the plan (breakback), keeping it exact
 * both ways at every level and grain:
 *
 * - Closed periods — the finest periods that end before `from` — keep their values, for the node
 *   and everything under it. The node's new target less its closed periods spreads over the open
 *   finest periods pro rata to what they held (by the plan's basis where they held nothing).
 * - Holds keep theirs: a held node under the changed one keeps every period; the rest of the
 *   subtree re-spreads pro rata over the unheld children (evenly where they held nothing), level
 *   by level, each children × open periods table a controlled rounding as in buildPlan. A held
 *   node that is changed itself is held at its new target.
 * - Ancestors follow: each one moves by the node's change, period by period; nothing else moves.
 *
 * @param plan - A plan from `buildPlan` or `replan` (or `JSON.parse` of its JSON).
 * @param change - `node` (id or path), `to` (the new target) or `by` (the change, `"500万"`,
 *   `"-50万"`), and `from` (the first day of the re-spread; default the day after `options.asOf`).
 * @param options - `asOf`: the day the replan is made (give it, or `change.from`).
 * @returns `{ plan, diff }`: the new plan, and every node × period whose target moved, with its
 *   value before and after.
 * @throws {TargetreeError} `INVALID_PLAN_RESULT` for a plan that buildPlan did not make;
 *   `UNKNOWN_PLAN_NODE` for an unknown node (with the closest name); `INVALID_ARGUMENT` for a
 *   change without exactly one of `to` and `by`, without `from` or `asOf`, with no open period
 *   left, or under a held ancestor; `NOT_A_MULTIPLE_OF_UNIT` for an amount off the plan's unit;
 *   `HOLDS_EXCEED_TOTAL` when the closed periods and the holds under the node come to more than
 *   its new target; `NO_FREE_PARTS` when everything under it is held; `UNKNOWN_OPTION`.
 *
 * @example
 * const plan = buildPlan({
 *   version: 1,
 *   target: 1200,
 *   unit: 1,
 *   period: { start: "2026-01-01", end: "2026-12-31", grains: ["quarter"], basis: "calendar-days" },
 *   organization: { name: "公司", children: [{ name: "华东", weight: 1 }, { name: "华南", weight: 1, hold: 600 }] },
 * });
 * plan.nodes[1].targets //=> { all: "600", "2026-Q1": "148", "2026-Q2": "150", "2026-Q3": "151", "2026-Q4": "151" }
 * const { plan: next, diff } = replan(plan, { node: "公司/华东", by: 300, from: "2026-07-01" });
 * next.nodes[1].targets //=> { all: "900", "2026-Q1": "148", "2026-Q2": "150", "2026-Q3": "301", "2026-Q4": "301" }
 * next.target //=> "1500"
 * diff.map((entry) => `${entry.node} ${entry.period} ${entry.before}→${entry.after}`)
 * //=> ["公司 all 1200→1500", "公司 2026-Q3 303→453", "公司 2026-Q4 302→452", "公司/华东 all 600→900", "公司/华东 2026-Q3 151→301", "公司/华东 2026-Q4 151→301"]
 */
export function replan(plan: Plan, change: PlanChange, options?: ReplanOptions): ReplanResult {
  const settings = readOptions(options, ["asOf"]);
  const fields = readOptions(change, ["node", "to", "by", "from"], ["change"]);
  const read = readBigPlan(plan);
  const index = findNode(read, own(fields, "node"), ["change", "node"]);
  const from = startOf(fields, settings);
  const { unit, layout } = read;
  const before = read.values[index]!;
  const to = own(fields, "to");
  const by = own(fields, "by");
  if ((to === undefined) === (by === undefined)) {
    throw new TargetreeError(
      "INVALID_ARGUMENT",
      "Give the node's new target as exactly one of `to` (the new target) or `by` (the change).",
      { path: ["change", to === undefined ? "to" : "by"] },
    );
  }
  const amountKey = to === undefined ? "by" : "to";
  const amount = toUnits(toDecimal((to ?? by) as Numeric, ["change", amountKey]), unit, [
    "change",
    amountKey,
  ]);
  const newTarget = to === undefined ? before[0]! + amount : amount;
  checkAncestors(read, index);

  const width = layout.periods.length;
  const finestStart = layout.grainStart[layout.grainStart.length - 2]!;
  const open: number[] = [];
  for (let k = finestStart; k < width; k++) if (layout.periods[k]!.end >= from) open.push(k);
  const values = read.values.map((row) => [...row]);
  const delta = newTarget - before[0]!;
  if (delta !== 0n) {
    if (open.length === 0) {
      throw new TargetreeError(
        "INVALID_ARGUMENT",
        `Every period of the plan ends before ${from}, so nothing is left to re-spread; choose an earlier from.`,
        { path: ["change", "from"] },
      );
    }
    respread(read, values, index, newTarget, open);
    // Ancestors follow, period by period.
    for (let node = read.parents[index]!; node >= 0; node = read.parents[node]!) {
      for (const k of open) values[node]![k] = values[node]![k]! + values[index]![k]! - before[k]!;
    }
    const moved = new Set<number>();
    collect(read, index, moved);
    for (let node = read.parents[index]!; node >= 0; node = read.parents[node]!) moved.add(node);
    for (const node of moved) sumCoarse(read, values[node]!, finestStart);
  }
  return finish(read, values, index, newTarget);
}

/** The plan read back, its values as BigInts (replan's sums can outgrow numbers). */
type BigRead = Omit<ReadPlan, "values"> & { readonly values: readonly (readonly bigint[])[] };

function readBigPlan(plan: unknown): BigRead {
  const read = readPlan(plan);
  return { ...read, values: read.values.map((row) => row.map(big)) };
}

/** The first day of the re-spread: `change.from`, else the day after `options.asOf`. */
function startOf(
  fields: Readonly<Record<string, unknown>>,
  settings: Readonly<Record<string, unknown>>,
): IsoDate {
  const from = own(fields, "from");
  const asOf = own(settings, "asOf");
  const day = asOf === undefined ? undefined : checkIsoDate(asOf, ["options", "asOf"]);
  if (from !== undefined) return checkIsoDate(from, ["change", "from"]);
  if (day === undefined) {
    throw new TargetreeError(
      "INVALID_ARGUMENT",
      "Say from when the change applies: change.from (the first day re-spread) or options.asOf (the day of the replan; from is the day after).",
      { path: ["change", "from"] },
    );
  }
  const next = new Date(`${day}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
}

/** A node under a held ancestor cannot move: the ancestor's hold would break. */
function checkAncestors(read: BigRead, index: number): void {
  for (let node = read.parents[index]!; node >= 0; node = read.parents[node]!) {
    const hold = own(read.nodes[node]!, "hold");
    if (hold !== undefined) {
      throw new TargetreeError(
        "INVALID_ARGUMENT",
        `${JSON.stringify(read.nodes[node]!.node)} is held at ${hold}, so ${JSON.stringify(read.nodes[index]!.node)} under it cannot change alone; replan the held node itself.`,
        { path: ["change", "node"] },
      );
    }
  }
}

/** Every node of the subtree of `index`. */
function collect(read: BigRead, index: number, into: Set<number>): void {
  into.add(index);
  for (const child of read.children[index]!) collect(read, child, into);
}

/** Each open finest period's held part under `node`: the sum of its topmost held descendants. */
function heldParts(read: BigRead, node: number, open: readonly number[]): bigint[] {
  const parts = open.map(() => 0n);
  const visit = (at: number): void => {
    for (const child of read.children[at]!) {
      if (own(read.nodes[child]!, "hold") !== undefined) {
        open.forEach((k, i) => {
          parts[i] = parts[i]! + read.values[child]![k]!;
        });
      } else visit(child);
    }
  };
  visit(node);
  return parts;
}

/** The node's new target less its closed periods and holds, spread over the open periods and down its subtree. */
function respread(
  read: BigRead,
  values: bigint[][],
  index: number,
  newTarget: bigint,
  open: readonly number[],
): void {
  const row = read.values[index]!;
  let closed = row[0]!;
  for (const k of open) closed -= row[k]!;
  const held = heldParts(read, index, open);
  const heldTotal = held.reduce((sum, value) => sum + value, 0n);
  const free = newTarget - closed - heldTotal;
  const path = ["change", "to"];
  if (free < 0n) {
    throw new TargetreeError(
      "HOLDS_EXCEED_TOTAL",
      `${JSON.stringify(read.nodes[index]!.node)}'s closed periods (${unitsText(closed, read.unit)}) and the holds under it in the open ones (${unitsText(heldTotal, read.unit)}) come to more than its new target ${unitsText(newTarget, read.unit)}.`,
      { path },
    );
  }
  const oldFree = open.map((k, i) => row[k]! - held[i]!);
  let weights = oldFree;
  if (weights.every((weight) => weight === 0n) || weights.some((weight) => weight < 0n)) {
    // Nothing held before (or a negative part): spread by the plan's basis over the open periods.
    const basis = finestWeights(read.layout, read.spec);
    const finestStart = read.layout.grainStart[read.layout.grainStart.length - 2]!;
    weights = open.map((k) => basis[k - finestStart]!);
  }
  const freeNew = spreadUnits(free, weights);
  descend(read, values, index, freeNew, open);
}

/** Sets `node`'s open periods to its held part plus `freeNew`, and re-spreads it over its children. */
function descend(
  read: BigRead,
  values: bigint[][],
  node: number,
  freeNew: readonly bigint[],
  open: readonly number[],
): void {
  const held = heldParts(read, node, open);
  open.forEach((k, i) => {
    values[node]![k] = held[i]! + freeNew[i]!;
  });
  const free = read.children[node]!.filter(
    (child) => own(read.nodes[child]!, "hold") === undefined,
  );
  if (read.children[node]!.length === 0) return;
  const freeTotal = freeNew.reduce((sum, value) => sum + value, 0n);
  if (free.length === 0) {
    if (freeTotal === 0n) return;
    throw new TargetreeError(
      "NO_FREE_PARTS",
      `Every child of ${JSON.stringify(read.nodes[node]!.node)} is held, so its change has no child to go to; change a held child instead.`,
      { path: ["change", "node"] },
    );
  }
  // Each unheld child's open part, less what is held under it: the breakback weights.
  const oldFree = free.map((child) => {
    const under = heldParts(read, child, open);
    return open.reduce((sum, k, i) => sum + read.values[child]![k]! - under[i]!, 0n);
  });
  const weights = oldFree.some((weight) => weight < 0n) ? free.map(() => 1n) : oldFree;
  const totals = spreadUnits(freeTotal, weights);
  const cells = roundProportional(totals, freeNew);
  free.forEach((child, r) => {
    descend(read, values, child, cells.slice(r * open.length, (r + 1) * open.length), open);
  });
}

/** A row's coarser periods and total as sums of its finest periods. */
function sumCoarse(read: BigRead, row: bigint[], finestStart: number): void {
  for (let k = 0; k < finestStart; k++) row[k] = 0n;
  for (let k = row.length - 1; k >= 1; k--) {
    const parent = read.periodParents[k]!;
    row[parent] = row[parent]! + row[k]!;
  }
}

/** The new plan (nodes that moved get new targets, activity and holds) and the diff. */
function finish(
  read: BigRead,
  values: readonly (readonly bigint[])[],
  index: number,
  newTarget: bigint,
): ReplanResult {
  const { plan, unit, layout } = read;
  const labels = layout.periods.map((period) => period.label);
  const activity =
    plan.activity === null || plan.activity === undefined
      ? null
      : activityContext(
          plan.activity,
          { start: plan.start, end: plan.end, workingDays: layout.periods[0]!.workingDays },
          read.spec.calendar,
        );
  const diff: PlanDiffEntry[] = [];
  const nodes: PlanNode[] = read.nodes.map((node, i) => {
    const old = read.values[i]!;
    const row = values[i]!;
    let changed = false;
    labels.forEach((label, k) => {
      if (old[k] === row[k]) return;
      changed = true;
      diff.push({
        node: node.node,
        period: label,
        before: unitsText(old[k]!, unit),
        after: unitsText(row[k]!, unit),
      });
    });
    if (!changed) return node;
    const targets: Record<string, string> = {};
    labels.forEach((label, k) => {
      targets[label] = unitsText(row[k]!, unit);
    });
    const target = unitsText(row[0]!, unit);
    const leaf = read.children[i]!.length === 0;
    return {
      ...node,
      target,
      ...(own(node, "hold") !== undefined && i === index
        ? { hold: unitsText(newTarget, unit) }
        : {}),
      targets,
      ...(activity === null || !leaf
        ? {}
        : {
            activity: leafActivity(
              activity,
              unit.value.times(row[0]!.toString()),
              own(node, "customers") as PlanNode["customers"],
              ["plan", "nodes", i],
            ),
          }),
    };
  });
  return {
    plan: { ...plan, target: nodes[0]!.target, nodes },
    diff,
  };
}
