import type { Decimal } from "../_lib/decimal.js";
import { isDecimalInstance } from "../_lib/decimal.js";
import type { ErrorPath } from "../_lib/errors.js";
import { describeValue, TargetreeError } from "../_lib/errors.js";
import { readBoolean, readOptions } from "../_lib/options.js";
import { own } from "../_lib/records.js";
import { isPartsRecord } from "./_lib/parts.js";
import type { TreeNode } from "./_lib/tree.js";
import { checkTreeInput } from "./_lib/tree.js";

/** One row of a flattened tree. */
export interface TreeRow {
  /** The node's name. */
  readonly name: string;
  /** Names from the root down, the root excluded (`[]` for the root). */
  readonly path: readonly string[];
  /** 0 for the root, 1 for its children… */
  readonly depth: number;
  /** The node's value, as in the tree. */
  readonly value: Decimal;
  /** True when the node has no children. */
  readonly isLeaf: boolean;
  /** The node's hold, when the tree has one (a held node of a `cascade` result). */
  readonly hold?: Decimal;
  /** The node's lowest value, when the tree has one. */
  readonly min?: Decimal;
  /** The node's highest value, when the tree has one. */
  readonly max?: Decimal;
}

/** Options of {@link flattenTree}. */
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
 * @throws {TargetreeError} `INVALID_ARGUMENT` when `tree` is not a tree of nodes (with the
 *   path to the bad node), or for bad options (not an object, or a `leavesOnly` that is not a
 *   boolean); `SHARED_NODE` for a subtree in two places or a cycle (a leaf in two places gives a
 *   row at each); `TOO_MANY_NODES` past `MAX_TREE_NODES`; `UNKNOWN_OPTION` for an option key it
 *   does not define.
 *
 * @example
 * const tree = cascade(100, { children: [{ name: "a", weight: 1 }, { name: "b", weight: 3 }] });
 * flattenTree(tree).map((row) => `${row.path.join("/") || "(root)"} ${row.value}`)
 * //=> ["(root) 100", "a 25", "b 75"]
 */
export function flattenTree(tree: TreeNode, options?: FlattenTreeOptions): TreeRow[] {
  const raw = readOptions(options, ["leavesOnly"], ["options"]);
  const leavesOnly = readBoolean(raw, "leavesOnly", false, ["options"]);
  checkTreeInput(tree);
  const rows: TreeRow[] = [];
  // An explicit stack: deep trees cannot overflow the call stack. Paths to a bad node are built
  // from the parent links only when one is found.
  const stack: Entry[] = [{ node: tree, depth: 0, parent: null, index: 0 }];
  while (stack.length > 0) {
    const entry = stack.pop()!;
    const { node, depth } = entry;
    const children = isPartsRecord(node) ? own(node, "children") : undefined;
    const name = isPartsRecord(node) ? own(node, "name") : undefined;
    const path = isPartsRecord(node) ? own(node, "path") : undefined;
    const value = isPartsRecord(node) ? own(node, "value") : undefined;
    if (
      !Array.isArray(children) ||
      typeof name !== "string" ||
      !Array.isArray(path) ||
      !isDecimalInstance(value)
    ) {
      throw new TargetreeError(
        "INVALID_ARGUMENT",
        `Expected a tree node from cascade or breakback ({ name, path, value, children }), got ${describeValue(node)}.`,
        { path: entryPath(entry) },
      );
    }
    const isLeaf = children.length === 0;
    if (isLeaf || !leavesOnly) {
      rows.push({
        name,
        path: path as readonly string[],
        depth,
        value,
        isLeaf,
        ...limitsOf(node as Readonly<Record<string, unknown>>),
      });
    }
    for (let i = children.length - 1; i >= 0; i--) {
      stack.push({ node: children[i], depth: depth + 1, parent: entry, index: i });
    }
  }
  return rows;
}

/** The hold and bounds a result node carries (Decimals only; anything else is left out). */
function limitsOf(
  node: Readonly<Record<string, unknown>>,
): Partial<Record<"hold" | "min" | "max", Decimal>> {
  const limits: Partial<Record<"hold" | "min" | "max", Decimal>> = {};
  for (const key of ["hold", "min", "max"] as const) {
    const value = own(node, key);
    if (isDecimalInstance(value)) limits[key] = value;
  }
  return limits;
}

interface Entry {
  readonly node: unknown;
  readonly depth: number;
  readonly parent: Entry | null;
  /** The node's index among its parent's children. */
  readonly index: number;
}

/** `["tree", "children", 0, "children", 2]` for the third child of the first child. */
function entryPath(entry: Entry): ErrorPath {
  const steps: (string | number)[] = [];
  for (let at: Entry | null = entry; at?.parent; at = at.parent) steps.push(at.index, "children");
  return ["tree", ...steps.reverse()];
}
