import type { Decimal } from "../_lib/decimal.js";
import { describeValue, TargetreeError } from "../_lib/errors.js";
import type { TreeNode } from "./_lib/tree.js";

/** One row of a flattened tree. */
export interface TreeRow {
  readonly name: string;
  /** Names from the root down, the root excluded (`[]` for the root). */
  readonly path: readonly string[];
  /** 0 for the root, 1 for its children… */
  readonly depth: number;
  readonly value: Decimal;
  readonly isLeaf: boolean;
}

export interface FlattenTreeOptions {
  /** Keep only the leaves. Default `false`: every node, parents before their children. */
  readonly leavesOnly?: boolean;
}

/**
 * Flattens a `cascade` or `breakback` tree into rows, depth first, each parent
 * before its children: ready for a table or a CSV file.
 *
 * @param tree - A tree with values.
 * @param options - `leavesOnly`.
 * @returns The rows, in tree order.
 * @throws {TargetreeError} `INVALID_ARGUMENT` when `tree` is not a tree of nodes.
 *
 * @example
 * const tree = cascade(100, { children: [{ name: "a", weight: 1 }, { name: "b", weight: 3 }] });
 * flattenTree(tree).map((row) => `${row.path.join("/") || "(root)"} ${row.value}`)
 * //=> ["(root) 100", "a 25", "b 75"]
 */
export function flattenTree(tree: TreeNode, options: FlattenTreeOptions = {}): TreeRow[] {
  if (typeof options !== "object" || options === null) {
    throw new TargetreeError("INVALID_ARGUMENT", "options must be an object.", {
      path: ["options"],
    });
  }
  const leavesOnly = options.leavesOnly ?? false;
  if (typeof leavesOnly !== "boolean") {
    throw new TargetreeError("INVALID_ARGUMENT", "leavesOnly must be true or false.", {
      path: ["leavesOnly"],
    });
  }
  const rows: TreeRow[] = [];
  // An explicit stack: deep trees cannot overflow the call stack.
  const stack: { node: TreeNode; depth: number }[] = [{ node: tree, depth: 0 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    if (typeof node !== "object" || node === null || !Array.isArray(node.children)) {
      throw new TargetreeError(
        "INVALID_ARGUMENT",
        `Expected a tree node from cascade or breakback, got ${describeValue(node)}.`,
        { path: ["tree"] },
      );
    }
    const isLeaf = node.children.length === 0;
    if (isLeaf || !leavesOnly) {
      rows.push({ name: node.name, path: node.path, depth, value: node.value, isLeaf });
    }
    for (let i = node.children.length - 1; i >= 0; i--) {
      stack.push({ node: node.children[i]!, depth: depth + 1 });
    }
  }
  return rows;
}
