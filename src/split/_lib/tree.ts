import { didYouMean } from "../../_lib/closest.js";
import type { Decimal } from "../../_lib/decimal.js";
import type { ErrorPath } from "../../_lib/errors.js";
import { describeValue, TargetreeError } from "../../_lib/errors.js";
import { MAX_NESTING_DEPTH, MAX_TREE_NODES } from "../../_lib/limits.js";
import { own } from "../../_lib/records.js";
import { checkTreeShape, childrenIn } from "../../_lib/treeShape.js";
import { isPartsRecord } from "./parts.js";

/**
 * A node of a split tree as returned by `cascade` and `breakback`: every node's
 * value is the exact sum of its children's values. `V` is the type of a value: a Decimal, or an
 * integer amount for `cascade`'s integer forms (`as: "units"` or `"bigint"`).
 */
export interface TreeNode<V = Decimal> {
  /** The node's name, unique among its siblings. */
  readonly name: string;
  /** Names from the root down to this node, the root excluded (the root's path is `[]`). */
  readonly path: readonly string[];
  /** The node's value, exact; for an inner node, the exact sum of its children's values. */
  readonly value: V;
  /**
   * Present when the node is held: its fixed value (equal to `value`). `breakback` on this tree
   * keeps it, without the caller restating it.
   */
  readonly hold?: Decimal;
  /** Present when the node has a lowest value, as given; `breakback` on this tree keeps to it. */
  readonly min?: Decimal;
  /** Present when the node has a highest value, as given; `breakback` on this tree keeps to it. */
  readonly max?: Decimal;
  /** Children in the caller's order; empty for a leaf. */
  readonly children: readonly TreeNode<V>[];
}

/** A node's hold and bounds, as they go into a result node (absent ones left out). */
export interface NodeLimits {
  readonly hold?: Decimal;
  readonly min?: Decimal;
  readonly max?: Decimal;
}

/**
 * Refuses a field of a tree node (or a level) that is not in `known`, naming the nearest known
 * one, so a misspelt `wieght` never silently leaves a node without its weight. A field whose
 * value is `undefined` counts as absent. `path` is the node's path.
 */
export function checkFields(
  record: Readonly<Record<string, unknown>>,
  known: readonly string[],
  path: ErrorPath,
): void {
  for (const key of Object.keys(record)) {
    if (known.includes(key) || record[key] === undefined) continue;
    throw new TargetreeError(
      "INVALID_ARGUMENT",
      `Unknown field ${JSON.stringify(key)} on a tree node.${didYouMean(key, known)} ` +
        `Known fields: ${known.map((name) => JSON.stringify(name)).join(", ")}.`,
      { path: [...path, key], details: { key, known: [...known] } },
    );
  }
}

/**
 * The first check of a caller's tree, before any node is read: `SHARED_NODE` for a subtree
 * reached twice (a `children` array shared by siblings) or a cycle, `TOO_MANY_NODES` past
 * MAX_TREE_NODES places. A leaf object used in several places is fine.
 */
export function checkTreeInput(tree: unknown, path: ErrorPath = ["tree"]): void {
  checkTreeShape(tree, {
    path,
    limit: MAX_TREE_NODES,
    what: "tree",
    children: childrenIn("children"),
  });
}

/**
 * Checks that a tree node is a record of `known` fields and not too deep; returns it as a
 * record.
 */
export function readNode(
  node: unknown,
  path: ErrorPath,
  depth: number,
  known: readonly string[],
): Readonly<Record<string, unknown>> {
  if (depth > MAX_NESTING_DEPTH) {
    throw new TargetreeError(
      "INVALID_ARGUMENT",
      `The tree is deeper than ${MAX_NESTING_DEPTH} levels (or refers to itself).`,
      { path },
    );
  }
  if (!isPartsRecord(node)) {
    throw new TargetreeError(
      "INVALID_ARGUMENT",
      `A tree node must be an object such as { name: "华东", children: [...] }, got ${describeValue(node)}.`,
      { path },
    );
  }
  checkFields(node, known, path);
  return node;
}

/** Reads a node's `children`: absent or an array. */
export function readChildren(
  node: Readonly<Record<string, unknown>>,
  path: ErrorPath,
): readonly unknown[] {
  const children = own(node, "children");
  if (children === undefined || children === null) return [];
  if (!Array.isArray(children)) {
    throw new TargetreeError(
      "INVALID_ARGUMENT",
      `children must be an array of nodes, got ${describeValue(children)}.`,
      { path: [...path, "children"] },
    );
  }
  return children;
}

/** Reads a node's name; the root may omit it (`fallback`). */
export function readName(
  node: Readonly<Record<string, unknown>>,
  path: ErrorPath,
  fallback: string | null,
): string {
  const name = own(node, "name");
  if (name === undefined && fallback !== null) return fallback;
  if (typeof name !== "string" || name === "") {
    throw new TargetreeError(
      "INVALID_ARGUMENT",
      `Every node below the root needs a name (a non-empty string), got ${describeValue(name)}.`,
      { path: [...path, "name"] },
    );
  }
  return name;
}

/** Shows a node path in messages: `华东 / 张三`, or `the root`. */
export function showPath(path: readonly string[]): string {
  return path.length === 0 ? "the root" : path.map((name) => JSON.stringify(name)).join(" / ");
}
