import type { Decimal } from "../../_lib/decimal.js";
import type { ErrorPath } from "../../_lib/errors.js";
import { describeValue, TargetreeError } from "../../_lib/errors.js";
import { MAX_NESTING_DEPTH } from "../../_lib/limits.js";
import { isRecord } from "./parts.js";

/**
 * A node of a split tree as returned by `cascade` and `breakback`: every node's
 * value is the exact sum of its children's values.
 */
export interface TreeNode {
  /** The node's name, unique among its siblings. */
  readonly name: string;
  /** Names from the root down to this node, the root excluded (the root's path is `[]`). */
  readonly path: readonly string[];
  /** The node's value, exact; for an inner node, the exact sum of its children's values. */
  readonly value: Decimal;
  /** Children in the caller's order; empty for a leaf. */
  readonly children: readonly TreeNode[];
}

/** Reads an own field of a caller's object. */
export function field(node: Readonly<Record<string, unknown>>, name: string): unknown {
  return Object.hasOwn(node, name) ? node[name] : undefined;
}

/** Checks that a tree node is a record and not too deep; returns it as a record. */
export function readNode(
  node: unknown,
  path: ErrorPath,
  depth: number,
): Readonly<Record<string, unknown>> {
  if (depth > MAX_NESTING_DEPTH) {
    throw new TargetreeError(
      "INVALID_ARGUMENT",
      `The tree is deeper than ${MAX_NESTING_DEPTH} levels (or refers to itself).`,
      { path },
    );
  }
  if (!isRecord(node)) {
    throw new TargetreeError(
      "INVALID_ARGUMENT",
      `A tree node must be an object such as { name: "华东", children: [...] }, got ${describeValue(node)}.`,
      { path },
    );
  }
  return node;
}

/** Reads a node's `children`: absent or an array. */
export function readChildren(
  node: Readonly<Record<string, unknown>>,
  path: ErrorPath,
): readonly unknown[] {
  const children = field(node, "children");
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
  const name = field(node, "name");
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
