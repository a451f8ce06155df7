import { readItems } from "../_lib/arrays.js";
import { Decimal } from "../_lib/decimal.js";
import { describeValue, TargetreeError } from "../_lib/errors.js";
import {
  ceilUnits,
  exactUnits,
  floorUnits,
  showValue,
  toScaled,
  unitsToDecimal,
} from "../_lib/exact/index.js";
import { readOptions } from "../_lib/options.js";
import { own } from "../_lib/records.js";
import type { Numeric, UnitOptions } from "../_lib/types.js";
import { spreadUnits } from "./_lib/engine.js";
import type { UnitSetup } from "./_lib/options.js";
import { readTotal, readUnitSetup, UNIT_KEYS } from "./_lib/options.js";
import type { TreeNode } from "./_lib/tree.js";
import { showPath } from "./_lib/tree.js";
import type { Node } from "./_lib/valueTree.js";
import { findNode, readPath, readTree } from "./_lib/valueTree.js";
import { readWeights } from "./_lib/weights.js";

/**
 * A tree of values as plain JSON: leaves carry a `value`; an inner node's `value`
 * may be left out (it is the sum of its children) and, when given, must equal it.
 * A `cascade` result is a valid `ValueTree`, its holds and bounds included.
 */
export interface ValueTree {
  /** Unique among siblings; optional on the root (default `"total"`). */
  readonly name?: string;
  /**
   * The node's value; required on a leaf (unless it has a `hold`), optional on an inner node
   * (where it must equal the children's sum).
   */
  readonly value?: Numeric;
  /**
   * The node is held at this value (it must equal `value` when both are given): it keeps it
   * through every `breakback`, and the result carries it on.
   */
  readonly hold?: Numeric;
  /** Lowest value of the node: a re-spread never takes it below, and the result carries it on. */
  readonly min?: Numeric;
  /** Highest value of the node: a re-spread never takes it above, and the result carries it on. */
  readonly max?: Numeric;
  /** The node's children; absent or empty for a leaf. */
  readonly children?: readonly ValueTree[];
}

export interface BreakbackOptions extends UnitOptions {
  /** Names from the root down to the node to change; `[]` is the root. */
  readonly path: readonly string[];
  /** The node's new value. */
  readonly value: Numeric;
  /**
   * Paths of nodes held for this call, in addition to the nodes with a `hold` in the tree:
   * they keep their values. A held node below the changed one is left alone while the rest
   * absorbs the change; a held node above it keeps its total, so the change is taken from the
   * other leaves below that held node. Unlike a tree `hold`, these are not carried into the
   * result.
   */
  readonly holds?: readonly (readonly string[])[];
  /** Round `value` to the unit first. Default `false` (it throws when it is off the unit). */
  readonly roundTotal?: boolean;
}

/** The new tree; every node's value is the exact sum of its children's. */
export type BreakbackResult = TreeNode;

const BREAKBACK_KEYS = /* @__PURE__ */ (() => ["path", "value", "holds", ...UNIT_KEYS] as const)();
/**
 * Types a new value at any node of a tree and re-spreads it down, like the
 * breakback of planning tools. The new value goes to the unheld leaves below the
 * node in proportion to their current values (evenly when they are all zero), by
 * largest remainder in `unit` (default 0.01). Held nodes keep their values: those with a
 * `hold` in the tree (a `cascade` result carries its holds) and those listed in `holds`.
 * Leaves keep within their `min` and `max` (what one is clipped by goes to the others), and
 * a bounded inner node that the change would take past its bound is an error. Every
 * ancestor's total follows the change, unless an ancestor is held: then the change
 * is taken from the other unheld leaves below the nearest held ancestor, pro rata.
 * The input is never changed; a new tree is returned, carrying the tree's holds and bounds.
 *
 * @param tree - The tree (plain JSON or a `cascade` result).
 * @param options - `path`, `value`, `holds`, `unit`, `rounding`, `roundTotal`.
 * @returns The new tree.
 * @throws {TargetreeError} `UNKNOWN_KEY` for a path naming no node; `HOLDS_EXCEED_TOTAL` when
 *   held nodes below the changed one exceed its new value (or the held ancestor's total
 *   cannot absorb the change); `NO_FREE_PARTS` when every leaf that could absorb the change
 *   is held; `NOT_A_MULTIPLE_OF_UNIT`; `NEGATIVE_WEIGHT` for leaves of both signs under the
 *   node; `INFEASIBLE_BOUNDS` when the bounds cannot be met; `INVALID_ARGUMENT` for a malformed
 *   tree (a misspelt field included), an inner value that is not the sum of its children, a
 *   hold that differs from its node's value, or a change to a held node; `SHARED_NODE` for a
 *   subtree in two places or a cycle; `TOO_MANY_NODES` past `MAX_TREE_NODES`; `UNKNOWN_OPTION`;
 *   `DUPLICATE_KEY`; `INVALID_NUMBER`.
 *
 * @example
 * const tree = { name: "华东", children: [
 *   { name: "张三", value: 300 }, { name: "李四", value: 200 }, { name: "王五", value: 500 },
 * ] };
 * const next = breakback(tree, { path: [], value: 1200, holds: [["王五"]], unit: 1 });
 * next.children.map((node) => `${node.name} ${node.value}`)
 * //=> ["张三 420", "李四 280", "王五 500"]
 * const plan = cascade(1000, { children: [{ name: "a", weight: 1 }, { name: "b", hold: 500 }, { name: "c", weight: 1 }] }, { unit: 1 });
 * breakback(plan, { path: [], value: 1300, unit: 1 }).children.map((node) => `${node.name} ${node.value}`)
 * //=> ["a 400", "b 500", "c 400"]
 */
export function breakback(tree: ValueTree, options: BreakbackOptions): BreakbackResult {
  const raw = readOptions(options, BREAKBACK_KEYS, ["options"]);
  const setup = readUnitSetup(raw, ["options"]);
  const root = readTree(tree);
  const target = findNode(root, readPath(own(raw, "path"), ["options", "path"]), [
    "options",
    "path",
  ]);
  const holdsRaw = own(raw, "holds");
  if (holdsRaw !== undefined && !Array.isArray(holdsRaw)) {
    throw new TargetreeError(
      "INVALID_ARGUMENT",
      `holds must be an array of paths such as [["华东", "张三"]], got ${describeValue(holdsRaw)}.`,
      { path: ["options", "holds"] },
    );
  }
  const listed = new Set<Node>(
    readItems((holdsRaw ?? []) as readonly unknown[], ["options", "holds"]).map((path, i) =>
      findNode(root, readPath(path, ["options", "holds", i]), ["options", "holds", i]),
    ),
  );
  if (listed.has(target)) {
    throw new TargetreeError(
      "INVALID_ARGUMENT",
      `${showPath(target.path)} is held, so it cannot take a new value; remove it from holds.`,
      { path: ["options", "holds"] },
    );
  }
  if (target.limits.hold !== undefined) {
    throw new TargetreeError(
      "INVALID_ARGUMENT",
      `${showPath(target.path)} is held at ${showValue(target.limits.hold)} in the tree, so it cannot take a new value; remove its hold first.`,
      { path: [...target.inputPath, "hold"] },
    );
  }
  const held = new Set<Node>(listed);
  collectHeld(root, held);
  const newValue = unitsToDecimal(
    readTotal(own(raw, "value"), setup, ["options", "value"]).units,
    setup.scaled,
  );
  const values = new Map<Node, Decimal>();
  spreadBelow(target, newValue, held, setup, values, null);
  let heldAncestor: Node | null = null;
  for (let node = target.parent; node !== null; node = node.parent) {
    if (held.has(node)) {
      heldAncestor = node;
      break;
    }
  }
  if (heldAncestor !== null) {
    const blocked = new Set(held);
    blocked.add(target);
    spreadBelow(heldAncestor, heldAncestor.value, blocked, setup, values, target);
  }
  return rebuild(root, values);
}

/** Adds every node with a `hold` in the tree to `held`. */
function collectHeld(node: Node, held: Set<Node>): void {
  const stack: Node[] = [node];
  while (stack.length > 0) {
    const next = stack.pop()!;
    if (next.limits.hold !== undefined) held.add(next);
    stack.push(...next.children);
  }
}

/** Spreads `amount` over the unheld leaves below `top`; `changed` is a block already re-spread. */
function spreadBelow(
  top: Node,
  amount: Decimal,
  held: ReadonlySet<Node>,
  setup: UnitSetup,
  values: Map<Node, Decimal>,
  changed: Node | null,
): void {
  const blocks: Node[] = [];
  const leaves: Node[] = [];
  const visit = (node: Node): void => {
    if (node !== top && held.has(node)) blocks.push(node);
    else if (node.children.length === 0) leaves.push(node);
    else node.children.forEach(visit);
  };
  visit(top);
  const blockValue = (node: Node): Decimal =>
    node === changed ? (subtreeValue(node, values) ?? node.value) : node.value;
  let heldSum = new Decimal(0);
  for (const block of blocks) heldSum = heldSum.plus(blockValue(block));
  const whose = changed === null ? showPath(top.path) : `held ${showPath(top.path)}`;
  const over = amount.gte(0) ? heldSum.gt(amount) : heldSum.lt(amount);
  if (over) {
    throw new TargetreeError(
      "HOLDS_EXCEED_TOTAL",
      changed === null
        ? `The held nodes below ${whose} add up to ${showValue(heldSum)}, beyond its new value ${showValue(amount)}.`
        : `${whose} keeps ${showValue(amount)}, but ${showPath(changed.path)} at its new value and the other held nodes below it add up to ${showValue(heldSum)}.`,
      {
        path: ["options", "value"],
        details: { held: heldSum.toFixed(), value: amount.toFixed() },
      },
    );
  }
  const rest = amount.minus(heldSum);
  if (leaves.length === 0) {
    if (!rest.isZero()) {
      throw new TargetreeError(
        "NO_FREE_PARTS",
        `Every leaf below ${whose} is held, so ${showValue(rest)} has no leaf to go to.`,
        { path: ["options", "holds"] },
      );
    }
    return;
  }
  const restUnits = exactUnits(toScaled(rest), setup.scaled);
  if (restUnits === null) {
    throw new TargetreeError(
      "NOT_A_MULTIPLE_OF_UNIT",
      `What is left for the unheld leaves below ${whose}, ${showValue(rest)}, is not a whole multiple of the unit ${showValue(setup.unit)} (the held values are off the unit); pass a finer unit.`,
      { path: ["options", "unit"] },
    );
  }
  const positive = leaves.some((leaf) => leaf.value.gt(0));
  const negative = leaves.some((leaf) => leaf.value.lt(0));
  if (positive && negative) {
    const first = leaves.find((leaf) => leaf.value.lt(0))!;
    throw new TargetreeError(
      "NEGATIVE_WEIGHT",
      `The leaves below ${whose} have values of both signs (${showPath(first.path)} is ${showValue(first.value)}), so there is no proportion to spread by.`,
      { path: first.inputPath },
    );
  }
  const bounds = (key: "min" | "max", round: typeof ceilUnits) => {
    if (!leaves.some((leaf) => leaf.limits[key] !== undefined)) return null;
    return leaves.map((leaf) => {
      const bound = leaf.limits[key];
      return bound === undefined ? undefined : round(toScaled(bound), setup.scaled);
    });
  };
  const { counts } = spreadUnits({
    units: restUnits,
    weights: readWeights({
      keys: null,
      values: leaves.map((leaf) => leaf.value.abs()),
      index: null,
      path: ["tree"],
    }),
    holds: null,
    lower: bounds("min", ceilUnits),
    upper: bounds("max", floorUnits),
    onZeroWeights: "even",
    unit: setup.scaled,
    names: {
      label: (i) => showPath(leaves[i]!.path),
      path: (which, i) =>
        which === "min" || which === "max"
          ? i === undefined
            ? top.inputPath
            : [...leaves[i]!.inputPath, which]
          : ["tree"],
    },
  });
  leaves.forEach((leaf, i) => {
    const count = counts[i]!;
    values.set(
      leaf,
      unitsToDecimal(typeof count === "bigint" ? count : BigInt(count), setup.scaled),
    );
  });
}

/** The new value of a subtree whose leaves may have been re-spread (null when untouched). */
function subtreeValue(node: Node, values: ReadonlyMap<Node, Decimal>): Decimal | null {
  if (node.children.length === 0) return values.get(node) ?? null;
  let sum = new Decimal(0);
  let touched = false;
  for (const child of node.children) {
    const value = subtreeValue(child, values);
    if (value !== null) touched = true;
    sum = sum.plus(value ?? child.value);
  }
  return touched ? sum : null;
}

/** The new tree: re-spread leaves take their new values, and every node keeps its hold and bounds. */
function rebuild(node: Node, values: ReadonlyMap<Node, Decimal>): TreeNode {
  if (node.children.length === 0) {
    const value = values.get(node) ?? node.value;
    checkInnerBounds(node, value);
    return { name: node.name, path: node.path, value, ...node.limits, children: [] };
  }
  const children = node.children.map((child) => rebuild(child, values));
  const value = children.reduce((sum, child) => sum.plus(child.value), new Decimal(0));
  checkInnerBounds(node, value);
  return { name: node.name, path: node.path, value, ...node.limits, children };
}

/** Throws when a change moved a bounded node past its bound (a node left unchanged passes). */
function checkInnerBounds(node: Node, value: Decimal): void {
  if (value.eq(node.value)) return;
  const { min, max } = node.limits;
  const below = min !== undefined && value.lt(min);
  if (!below && (max === undefined || value.lte(max))) return;
  const bound = below ? "min" : "max";
  throw new TargetreeError(
    "INFEASIBLE_BOUNDS",
    `The change takes ${showPath(node.path)} to ${showValue(value)}, ${below ? "below" : "above"} its ${bound} ${showValue((below ? min : max)!)}; change a node below it instead, or hold some of its siblings.`,
    { path: [...node.inputPath, bound], details: { value: value.toFixed() } },
  );
}
