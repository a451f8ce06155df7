// Reads the table engine's inputs: the organisation tree (whole-unit targets, children summing to
// their parent), the top node's periods and the coarser grains. Own properties only; every
// problem is a TargetreeError with the path to it.
import type { ErrorPath } from "../../_lib/errors.js";
import { describeValue, TargetreeError } from "../../_lib/errors.js";
import { isRecord, own } from "../../_lib/records.js";

/** One node of the organisation, as the table engine reads it. */
export interface TableNode {
  /** The node's target in whole units (from the cascade, so its children sum to it). */
  readonly target: bigint;
  /** The node's children; none (or an empty array) for a leaf. */
  readonly children?: readonly TableNode[] | undefined;
}

/** A node read from the tree, in preorder (a parent before its children). */
export interface ReadNode {
  readonly node: TableNode;
  readonly depth: number;
  readonly target: bigint;
  /** Indexes of the children in the preorder list. */
  readonly children: number[];
}

/** The tree in preorder, checked: every target a bigint, every node's children summing to it. */
export function readTree(tree: unknown): ReadNode[] {
  const nodes: ReadNode[] = [];
  // Where each node sits: its parent's index and its place among the parent's children. Paths
  // are built only for an error, so a deep tree costs no more than a wide one.
  const parents: number[] = [];
  const places: number[] = [];
  const pathOf = (parent: number, place: number): ErrorPath => {
    const steps: (string | number)[] = [];
    for (let at = parent, k = place; at >= 0; k = places[at]!, at = parents[at]!)
      steps.push(k, "children");
    return ["tree", ...steps.reverse()];
  };
  const seen = new Set<object>();
  const pending: { node: unknown; depth: number; parent: number; place: number }[] = [
    { node: tree, depth: 0, parent: -1, place: -1 },
  ];
  while (pending.length > 0) {
    const { node, depth, parent, place } = pending.pop()!;
    if (!isRecord(node)) {
      throw new TargetreeError(
        "INVALID_ARGUMENT",
        `Each node must be a record such as { target: 100n, children: [...] }, got ${describeValue(node)}.`,
        { path: pathOf(parent, place) },
      );
    }
    if (seen.has(node)) {
      throw new TargetreeError(
        "INVALID_ARGUMENT",
        "This node appears twice in the tree (the same object in two places); give each place its own node.",
        { path: pathOf(parent, place) },
      );
    }
    seen.add(node);
    const target = own(node, "target");
    if (typeof target !== "bigint") {
      throw new TargetreeError(
        "INVALID_ARGUMENT",
        `target must be a whole number of units as a bigint (e.g. 1200n), got ${describeValue(target)}.`,
        { path: [...pathOf(parent, place), "target"] },
      );
    }
    const children = own(node, "children");
    if (children !== undefined && !Array.isArray(children)) {
      throw new TargetreeError(
        "INVALID_ARGUMENT",
        `children must be an array of nodes, got ${describeValue(children)}.`,
        { path: [...pathOf(parent, place), "children"] },
      );
    }
    const index = nodes.length;
    nodes.push({ node: node as unknown as TableNode, depth, target, children: [] });
    parents.push(parent);
    places.push(place);
    if (parent >= 0) nodes[parent]!.children.push(index);
    const list = (children ?? []) as readonly unknown[];
    // Pushed in reverse, so they come off the stack (and into the preorder) in the caller's order.
    for (let k = list.length - 1; k >= 0; k--) {
      pending.push({ node: list[k], depth: depth + 1, parent: index, place: k });
    }
  }
  for (let index = 0; index < nodes.length; index++) {
    const { target, children } = nodes[index]!;
    if (children.length === 0) continue;
    let sum = 0n;
    for (const child of children) sum += nodes[child]!.target;
    if (sum !== target) {
      throw new TargetreeError(
        "INVALID_ARGUMENT",
        `The children's targets sum to ${sum} units, not to their parent's ${target}; build the tree with cascade so every level sums exactly.`,
        {
          path: [...pathOf(parents[index]!, places[index]!), "children"],
          details: { sum: String(sum), target: String(target) },
        },
      );
    }
  }
  return nodes;
}

/** The top node's periods: bigints summing to its target. */
export function readPeriods(periods: unknown, target: bigint): readonly bigint[] {
  if (!Array.isArray(periods) || periods.length === 0) {
    throw new TargetreeError(
      "INVALID_ARGUMENT",
      `periods must be a non-empty array of whole units (bigints), one per finest period, got ${describeValue(periods)}.`,
      { path: ["periods"] },
    );
  }
  let sum = 0n;
  periods.forEach((value: unknown, k) => {
    if (typeof value !== "bigint") {
      throw new TargetreeError(
        "INVALID_ARGUMENT",
        `Each period value must be a whole number of units as a bigint, got ${describeValue(value)}.`,
        { path: ["periods", k] },
      );
    }
    sum += value;
  });
  if (sum !== target) {
    throw new TargetreeError(
      "INVALID_ARGUMENT",
      `The periods sum to ${sum} units, not to the top node's target ${target}; split the target with splitByPeriod first.`,
      { path: ["periods"], details: { sum: String(sum), target: String(target) } },
    );
  }
  return periods as readonly bigint[];
}

/** Coarser grains as runs of finest periods: positive whole sizes covering all `count` periods. */
export function readGrains(value: unknown, count: number, path: ErrorPath): number[][] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    throw new TargetreeError(
      "INVALID_ARGUMENT",
      `grains must be an array of grains, each an array of period counts such as [3, 3, 3, 3], got ${describeValue(value)}.`,
      { path },
    );
  }
  return value.map((sizes: unknown, g) => {
    if (!Array.isArray(sizes) || sizes.length === 0) {
      throw new TargetreeError(
        "INVALID_ARGUMENT",
        `Each grain must be a non-empty array of period counts such as [3, 3, 3, 3], got ${describeValue(sizes)}.`,
        { path: [...path, g] },
      );
    }
    let total = 0;
    sizes.forEach((size: unknown, k) => {
      if (typeof size !== "number" || !Number.isSafeInteger(size) || size < 1) {
        throw new TargetreeError(
          "INVALID_ARGUMENT",
          `Each period count must be a whole number ≥ 1, got ${describeValue(size)}.`,
          { path: [...path, g, k] },
        );
      }
      total += size;
    });
    if (total !== count) {
      throw new TargetreeError(
        "INVALID_ARGUMENT",
        `The grain's periods cover ${total} finest periods, not all ${count}.`,
        { path: [...path, g] },
      );
    }
    return [...(sizes as number[])];
  });
}
