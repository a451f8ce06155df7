import { Decimal } from "../_lib/decimal.js";
import type { ErrorPath } from "../_lib/errors.js";
import { describeValue, TargetreeError } from "../_lib/errors.js";
import { exactUnits, showValue, toScaled, unitsToDecimal } from "../_lib/exact/index.js";
import type { Numeric, UnitOptions } from "../_lib/types.js";
import { toDecimal } from "../numbers/toDecimal.js";
import { spreadUnits } from "./_lib/engine.js";
import type { UnitSetup } from "./_lib/options.js";
import { option, readOptions, readTotal, readUnitSetup } from "./_lib/options.js";
import { indexKeys, normaliseKey } from "./_lib/parts.js";
import type { TreeNode } from "./_lib/tree.js";
import { field, readChildren, readName, readNode, showPath } from "./_lib/tree.js";
import { readWeights } from "./_lib/weights.js";

/**
 * A tree of values as plain JSON: leaves carry a `value`; an inner node's `value`
 * may be left out (it is the sum of its children) and, when given, must equal it.
 * A `cascade` result is a valid `ValueTree`.
 */
export interface ValueTree {
  /** Unique among siblings; optional on the root (default `"total"`). */
  readonly name?: string;
  /**
   * The node's value; required on a leaf, optional on an inner node (where it must equal the
   * children's sum).
   */
  readonly value?: Numeric;
  /** The node's children; absent or empty for a leaf. */
  readonly children?: readonly ValueTree[];
}

export interface BreakbackOptions extends UnitOptions {
  /** Names from the root down to the node to change; `[]` is the root. */
  readonly path: readonly string[];
  /** The node's new value. */
  readonly value: Numeric;
  /**
   * Paths of held nodes: they keep their values. A held node below the changed one
   * is left alone while the rest absorbs the change; a held node above it keeps its
   * total, so the change is taken from the other leaves below that held node.
   */
  readonly holds?: readonly (readonly string[])[];
  /** Round `value` to the unit first. Default `false` (it throws when it is off the unit). */
  readonly roundTotal?: boolean;
}

/** The new tree; every node's value is the exact sum of its children's. */
export type BreakbackResult = TreeNode;

interface Node {
  readonly name: string;
  readonly path: readonly string[];
  readonly inputPath: ErrorPath;
  readonly value: Decimal;
  readonly children: readonly Node[];
  readonly parent: Node | null;
}

/**
 * Types a new value at any node of a tree and re-spreads it down, like the
 * breakback of planning tools. The new value goes to the unheld leaves below the
 * node in proportion to their current values (evenly when they are all zero), by
 * largest remainder in `unit` (default 0.01). Held nodes keep their values. Every
 * ancestor's total follows the change, unless an ancestor is held: then the change
 * is taken from the other unheld leaves below the nearest held ancestor, pro rata.
 * The input is never changed; a new tree is returned.
 *
 * @param tree - The tree (plain JSON or a `cascade` result).
 * @param options - `path`, `value`, `holds`, `unit`, `rounding`, `roundTotal`.
 * @returns The new tree.
 * @throws {TargetreeError} `UNKNOWN_KEY` for a path naming no node; `HOLDS_EXCEED_TOTAL` when
 *   held nodes below the changed one exceed its new value (or the held ancestor's total
 *   cannot absorb the change); `NO_FREE_PARTS` when every leaf that could absorb the change
 *   is held; `NOT_A_MULTIPLE_OF_UNIT`; `NEGATIVE_WEIGHT` for leaves of both signs under the
 *   node; `INVALID_ARGUMENT` for a malformed tree, an inner value that is not the sum of its
 *   children, or a change to a held node; `DUPLICATE_KEY`; `INVALID_NUMBER`.
 *
 * @example
 * const tree = { name: "华东", children: [
 *   { name: "张三", value: 300 }, { name: "李四", value: 200 }, { name: "王五", value: 500 },
 * ] };
 * const next = breakback(tree, { path: [], value: 1200, holds: [["王五"]], unit: 1 });
 * next.children.map((node) => `${node.name} ${node.value}`)
 * //=> ["张三 420", "李四 280", "王五 500"]
 */
export function breakback(tree: ValueTree, options: BreakbackOptions): BreakbackResult {
  const raw = readOptions(options);
  const setup = readUnitSetup(raw);
  const root = readTree(tree);
  const target = findNode(root, readPath(option(raw, "path"), ["path"]), ["path"]);
  const holdsRaw = option(raw, "holds");
  if (holdsRaw !== undefined && !Array.isArray(holdsRaw)) {
    throw new TargetreeError(
      "INVALID_ARGUMENT",
      `holds must be an array of paths such as [["华东", "张三"]], got ${describeValue(holdsRaw)}.`,
      { path: ["holds"] },
    );
  }
  const held = new Set<Node>(
    ((holdsRaw ?? []) as readonly unknown[]).map((path, i) =>
      findNode(root, readPath(path, ["holds", i]), ["holds", i]),
    ),
  );
  if (held.has(target)) {
    throw new TargetreeError(
      "INVALID_ARGUMENT",
      `${showPath(target.path)} is held, so it cannot take a new value; remove it from holds.`,
      { path: ["holds"] },
    );
  }
  const newValue = unitsToDecimal(
    readTotal(option(raw, "value"), setup, ["value"]).units,
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
      { path: ["value"], details: { held: heldSum.toFixed(), value: amount.toFixed() } },
    );
  }
  const rest = amount.minus(heldSum);
  if (leaves.length === 0) {
    if (!rest.isZero()) {
      throw new TargetreeError(
        "NO_FREE_PARTS",
        `Every leaf below ${whose} is held, so ${showValue(rest)} has no leaf to go to.`,
        { path: ["holds"] },
      );
    }
    return;
  }
  const restUnits = exactUnits(toScaled(rest), setup.scaled);
  if (restUnits === null) {
    throw new TargetreeError(
      "NOT_A_MULTIPLE_OF_UNIT",
      `What is left for the unheld leaves below ${whose}, ${showValue(rest)}, is not a whole multiple of the unit ${showValue(setup.unit)} (the held values are off the unit); pass a finer unit.`,
      { path: ["unit"] },
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
  const { counts } = spreadUnits({
    units: restUnits,
    weights: readWeights({
      keys: null,
      values: leaves.map((leaf) => leaf.value.abs()),
      index: null,
      path: ["tree"],
    }),
    holds: null,
    lower: null,
    upper: null,
    onZeroWeights: "even",
    unit: setup.scaled,
    names: { label: (i) => showPath(leaves[i]!.path), path: () => ["tree"] },
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

function rebuild(node: Node, values: ReadonlyMap<Node, Decimal>): TreeNode {
  if (node.children.length === 0) {
    return {
      name: node.name,
      path: node.path,
      value: values.get(node) ?? node.value,
      children: [],
    };
  }
  const children = node.children.map((child) => rebuild(child, values));
  const value = children.reduce((sum, child) => sum.plus(child.value), new Decimal(0));
  return { name: node.name, path: node.path, value, children };
}

function readPath(value: unknown, path: ErrorPath): readonly string[] {
  if (!Array.isArray(value) || value.some((name) => typeof name !== "string")) {
    throw new TargetreeError(
      "INVALID_ARGUMENT",
      `A node path is an array of names from the root down, such as ["华东", "张三"] ([] for the root); got ${describeValue(value)}.`,
      { path },
    );
  }
  return value as readonly string[];
}

function findNode(root: Node, names: readonly string[], path: ErrorPath): Node {
  let node = root;
  names.forEach((name, depth) => {
    const wanted = normaliseKey(name, [...path, depth]);
    const next = node.children.find((child) => child.name.normalize("NFC") === wanted);
    if (next === undefined) {
      throw new TargetreeError(
        "UNKNOWN_KEY",
        `${showPath(node.path)} has no child ${JSON.stringify(name)}.`,
        { path: [...path, depth] },
      );
    }
    node = next;
  });
  return node;
}

function readTree(tree: unknown): Node {
  const build = (
    raw: unknown,
    inputPath: ErrorPath,
    path: readonly string[],
    depth: number,
    parent: Node | null,
  ): Node => {
    const record = readNode(raw, inputPath, depth);
    const name = readName(record, inputPath, parent === null ? "total" : null);
    const rawChildren = readChildren(record, inputPath);
    const given = field(record, "value");
    const node: { -readonly [K in keyof Node]: Node[K] } = {
      name,
      path,
      inputPath,
      value: new Decimal(0),
      children: [],
      parent,
    };
    if (rawChildren.length === 0) {
      if (given === undefined) {
        throw new TargetreeError("INVALID_ARGUMENT", `The leaf ${showPath(path)} has no value.`, {
          path: [...inputPath, "value"],
        });
      }
      node.value = toDecimal(given as Numeric, [...inputPath, "value"]);
      return node;
    }
    const children = rawChildren.map((child, i) => {
      const childPath: ErrorPath = [...inputPath, "children", i];
      const childName = readName(readNode(child, childPath, depth + 1), childPath, null);
      return build(child, childPath, [...path, childName], depth + 1, node);
    });
    indexKeys(
      children.map((child) => child.name),
      [...inputPath, "children"],
    );
    node.children = children;
    node.value = children.reduce((sum, child) => sum.plus(child.value), new Decimal(0));
    if (given !== undefined) {
      const stated = toDecimal(given as Numeric, [...inputPath, "value"]);
      if (!stated.eq(node.value)) {
        throw new TargetreeError(
          "INVALID_ARGUMENT",
          `${showPath(path)} says ${showValue(stated)} but its children add up to ${showValue(node.value)}; fix the tree or leave the inner value out.`,
          {
            path: [...inputPath, "value"],
            details: { stated: stated.toFixed(), sum: node.value.toFixed() },
          },
        );
      }
    }
    return node;
  };
  return build(tree, ["tree"], [], 0, null);
}
