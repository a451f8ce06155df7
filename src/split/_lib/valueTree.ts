// Reading the tree `breakback` takes: plain JSON or a `cascade` result, with values, holds and
// bounds, into linked nodes that know their parent and their place in the caller's input.
import { Decimal } from "../../_lib/decimal.js";
import type { ErrorPath } from "../../_lib/errors.js";
import { describeValue, TargetreeError } from "../../_lib/errors.js";
import { showValue } from "../../_lib/exact/index.js";
import { own } from "../../_lib/records.js";
import type { Numeric } from "../../_lib/types.js";
import { toDecimal } from "../../numbers/toDecimal.js";
import { indexKeys, normaliseKey } from "./parts.js";
import type { NodeLimits } from "./tree.js";
import { checkTreeInput, readChildren, readName, readNode, showPath } from "./tree.js";

/** The fields of a value-tree node; `path` (as in a `cascade` result) is read past. */
const NODE_FIELDS = ["name", "value", "hold", "min", "max", "path", "children"] as const;

/** A node of the caller's tree, linked to its parent. */
export interface Node {
  readonly name: string;
  readonly path: readonly string[];
  readonly inputPath: ErrorPath;
  readonly value: Decimal;
  readonly limits: NodeLimits;
  readonly children: readonly Node[];
  readonly parent: Node | null;
}

/** Reads a node path: an array of names from the root down. */
export function readPath(value: unknown, path: ErrorPath): readonly string[] {
  if (!Array.isArray(value) || value.some((name) => typeof name !== "string")) {
    throw new TargetreeError(
      "INVALID_ARGUMENT",
      `A node path is an array of names from the root down, such as ["华东", "张三"] ([] for the root); got ${describeValue(value)}.`,
      { path },
    );
  }
  return value as readonly string[];
}

/** The node a path names, or `UNKNOWN_KEY` at the first step that names no child. */
export function findNode(root: Node, names: readonly string[], path: ErrorPath): Node {
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

/** A node's `hold`, `min` and `max` from the caller's tree, as Decimals. */
function readLimits(record: Readonly<Record<string, unknown>>, inputPath: ErrorPath): NodeLimits {
  const read = (key: "hold" | "min" | "max") => {
    const raw = own(record, key);
    return raw === undefined ? {} : { [key]: toDecimal(raw as Numeric, [...inputPath, key]) };
  };
  // Null-prototype: a limit left out reads as undefined even with a name planted on Object.prototype.
  return Object.assign(Object.create(null), read("hold"), read("min"), read("max"));
}

/** Reads and checks the caller's tree (names, values, holds, bounds, sums), at `["tree"]`. */
export function readTree(tree: unknown): Node {
  const build = (
    raw: unknown,
    inputPath: ErrorPath,
    path: readonly string[],
    depth: number,
    parent: Node | null,
  ): Node => {
    const record = readNode(raw, inputPath, depth, NODE_FIELDS);
    const name = readName(record, inputPath, parent === null ? "total" : null);
    const rawChildren = readChildren(record, inputPath);
    const limits = readLimits(record, inputPath);
    const given = own(record, "value");
    const node: { -readonly [K in keyof Node]: Node[K] } = {
      name,
      path,
      inputPath,
      value: new Decimal(0),
      limits,
      children: [],
      parent,
    };
    if (rawChildren.length === 0) {
      if (given === undefined && limits.hold === undefined) {
        throw new TargetreeError("INVALID_ARGUMENT", `The leaf ${showPath(path)} has no value.`, {
          path: [...inputPath, "value"],
        });
      }
      node.value =
        given === undefined ? limits.hold! : toDecimal(given as Numeric, [...inputPath, "value"]);
      checkHold(node);
      return node;
    }
    const children = rawChildren.map((child, i) => {
      const childPath: ErrorPath = [...inputPath, "children", i];
      const childName = readName(
        readNode(child, childPath, depth + 1, NODE_FIELDS),
        childPath,
        null,
      );
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
    checkHold(node);
    return node;
  };
  checkTreeInput(tree);
  return build(tree, ["tree"], [], 0, null);
}

/** A node's hold is its value: a tree that says otherwise is refused. */
function checkHold(node: Node): void {
  const { hold } = node.limits;
  if (hold === undefined || hold.eq(node.value)) return;
  throw new TargetreeError(
    "INVALID_ARGUMENT",
    `${showPath(node.path)} is held at ${showValue(hold)} but its value is ${showValue(node.value)}; a hold is the node's fixed value, so the two must agree.`,
    {
      path: [...node.inputPath, "hold"],
      details: { hold: hold.toFixed(), value: node.value.toFixed() },
    },
  );
}
