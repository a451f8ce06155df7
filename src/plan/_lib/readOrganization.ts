// The organisation tree and the per-depth levels: the shape of cascade's nodes plus `id` and
// `customers`, checked all at once (names, ids, the numbers, and what each split rule needs).
import type { ErrorPath } from "../../_lib/errors.js";
import { describeValue, excerpt } from "../../_lib/errors.js";
import { MAX_NESTING_DEPTH, MAX_TREE_NODES } from "../../_lib/limits.js";
import { isRecord, own } from "../../_lib/records.js";
import { checkTreeShape, childrenIn } from "../../_lib/treeShape.js";
import type { SplitRule } from "../../split/cascade.js";
import type { PlanDocumentNode, PlanLevel } from "../types.js";
import type { Reader } from "./reader.js";
import {
  attempt,
  checkEntries,
  checkName,
  compact,
  readAmount,
  readChoice,
  readList,
  readRecord,
  readText,
  readUnit,
  report,
} from "./reader.js";

export const SPLIT_RULES: readonly SplitRule[] = ["weights", "shares", "even"];

const LEVEL_FIELDS = ["name", "split", "unit", "remainder"];
const NODE_FIELDS = [
  "id",
  "name",
  "weight",
  "share",
  "hold",
  "min",
  "max",
  "adjust",
  "split",
  "remainder",
  "unit",
  "customers",
  "children",
];
const NOT_ON_TOP = ["weight", "share", "hold", "min", "max", "adjust"];

export function readLevels(
  reader: Reader,
  value: unknown,
  path: ErrorPath,
): PlanLevel[] | undefined {
  if (!Array.isArray(value)) {
    report(
      reader,
      path,
      `levels must be an array (levels[0] is how the top node splits), got ${describeValue(value)}.`,
    );
    return undefined;
  }
  return value.map((level, depth) => {
    const at = [...path, depth];
    const record = readRecord(reader, level, at, LEVEL_FIELDS, `levels[${depth}]`);
    if (record === null) return {};
    return compact<PlanLevel>({
      name: readText(reader, record, "name", at, { required: false }),
      split: readChoice(reader, record, "split", SPLIT_RULES, at),
      unit: readUnit(reader, record, at),
      remainder: readText(reader, record, "remainder", at, { required: false }),
    });
  });
}

interface TreeContext {
  readonly reader: Reader;
  readonly levels: readonly PlanLevel[];
  /** Ids seen so far, with the path of the node that has each. */
  readonly ids: Map<string, ErrorPath>;
}

export function readOrganization(
  reader: Reader,
  value: unknown,
  levels: readonly PlanLevel[],
  path: ErrorPath,
): PlanDocumentNode | undefined {
  // A subtree in two places or a cycle would be read once per place: refused before reading.
  const shaped = attempt(
    reader,
    () => {
      checkTreeShape(value, {
        path,
        limit: MAX_TREE_NODES,
        what: "organisation",
        children: childrenIn("children"),
      });
      return true;
    },
    (at) => at,
  );
  if (shaped === undefined) return undefined;
  const context: TreeContext = { reader, levels, ids: new Map() };
  return readNode(context, value, path, 0);
}

function readNode(
  context: TreeContext,
  value: unknown,
  path: ErrorPath,
  depth: number,
): PlanDocumentNode | undefined {
  const { reader } = context;
  if (depth > MAX_NESTING_DEPTH) {
    report(
      reader,
      path,
      `The organisation is deeper than ${MAX_NESTING_DEPTH} levels (or refers to itself).`,
    );
    return undefined;
  }
  const record = readRecord(
    reader,
    value,
    path,
    NODE_FIELDS,
    depth === 0 ? "organization" : "a node of the organisation",
  );
  if (record === null) return undefined;
  const name = readText(reader, record, "name", path, {
    required:
      depth === 0 ? 'the top node\'s name, e.g. "公司"' : "a name unique among its siblings",
  });
  if (name !== undefined) checkName(reader, name, [...path, "name"]);
  const id = readId(context, record, path);
  if (name?.includes("/") && id === undefined) {
    report(
      reader,
      [...path, "name"],
      `${excerpt(name)} contains "/", which separates the names of a node's path; give the node an id.`,
    );
  }
  if (depth === 0) {
    for (const field of NOT_ON_TOP) {
      if (own(record, field) !== undefined) {
        report(
          reader,
          [...path, field],
          `The top node takes the whole target, so it cannot have a ${field}.`,
        );
      }
    }
  }
  const weight = readAmount(reader, record, "weight", path, {
    required: false,
    sign: "non-negative",
    signCode: "NEGATIVE_WEIGHT",
  });
  const share = readAmount(reader, record, "share", path, {
    required: false,
    sign: "non-negative",
    signCode: "NEGATIVE_WEIGHT",
  });
  const hold = readAmount(reader, record, "hold", path, { required: false });
  const min = readAmount(reader, record, "min", path, { required: false });
  const max = readAmount(reader, record, "max", path, { required: false });
  const adjust = readAmount(reader, record, "adjust", path, { required: false });
  if (hold !== undefined && adjust !== undefined) {
    report(
      reader,
      [...path, "adjust"],
      "A held node cannot also be adjusted; drop hold or adjust.",
    );
  }
  const split = readChoice(reader, record, "split", SPLIT_RULES, path);
  const remainder = readText(reader, record, "remainder", path, { required: false });
  const unit = readUnit(reader, record, path);
  const list = readList(reader, record, "children", path, { required: false });
  const customersValue = own(record, "customers");
  let customers: Readonly<Record<string, number>> | undefined;
  if (customersValue !== undefined) {
    if ((list ?? []).length > 0) {
      report(
        reader,
        [...path, "customers"],
        "Only a leaf (a node without children) carries customers; move them to its people.",
      );
    } else {
      customers = checkEntries(
        reader,
        customersValue,
        [...path, "customers"],
        { what: "customer counts by class" },
        (count, at) => {
          if (typeof count !== "number" || !Number.isSafeInteger(count) || count < 0) {
            report(
              reader,
              at,
              `A customer count must be a whole number ≥ 0, got ${describeValue(count)}.`,
            );
            return undefined;
          }
          return count;
        },
      );
    }
  }
  const childPath: ErrorPath = [...path, "children"];
  const children = (list ?? []).map((child, i) =>
    readNode(context, child, [...childPath, i], depth + 1),
  );
  checkSiblings(reader, list ?? [], childPath);
  if (list !== undefined && list.length > 0) {
    checkSplitNeeds(context, record, list, path, depth, split, remainder);
  }
  return compact<PlanDocumentNode>({
    id,
    name,
    weight,
    share,
    hold,
    min,
    max,
    adjust,
    split,
    remainder,
    unit,
    customers,
    children: list === undefined ? undefined : children,
  });
}

function readId(
  context: TreeContext,
  record: Readonly<Record<string, unknown>>,
  path: ErrorPath,
): string | undefined {
  const id = readText(context.reader, record, "id", path, { required: false });
  if (id === undefined) return undefined;
  if (id.includes("/")) {
    report(
      context.reader,
      [...path, "id"],
      `An id cannot contain "/" (it would read as a path), got ${excerpt(id)}.`,
    );
    return undefined;
  }
  const earlier = context.ids.get(id);
  if (earlier !== undefined) {
    report(
      context.reader,
      [...path, "id"],
      `The id ${excerpt(id)} is already used by the node at ${earlier.join(".")}; ids are unique in the whole tree.`,
      "DUPLICATE_KEY",
    );
    return undefined;
  }
  context.ids.set(id, path);
  return id;
}

/** Sibling names are unique after NFC. */
function checkSiblings(reader: Reader, children: readonly unknown[], path: ErrorPath): void {
  const seen = new Map<string, string>();
  children.forEach((child, i) => {
    const name = typeof child === "object" && child !== null ? own(child, "name") : undefined;
    if (typeof name !== "string" || name.trim() === "") return;
    const normal = name.normalize("NFC");
    const earlier = seen.get(normal);
    if (earlier === undefined) seen.set(normal, name);
    else {
      report(
        reader,
        [...path, i, "name"],
        earlier === name
          ? `Two children are named ${JSON.stringify(name)}; names are unique among siblings.`
          : `${JSON.stringify(earlier)} and ${JSON.stringify(name)} are the same name after Unicode (NFC) normalisation.`,
        "DUPLICATE_KEY",
      );
    }
  });
}

/** The rule a node splits by: its own, its level's, else inferred from its children. */
export function ruleOf(
  node: Pick<PlanDocumentNode, "split">,
  children: readonly PlanDocumentNode[],
  levels: readonly PlanLevel[],
  depth: number,
): { readonly rule: SplitRule; readonly from: "node" | "level" | "inferred" } {
  if (node.split !== undefined) return { rule: node.split, from: "node" };
  const level = levels[depth]?.split;
  if (level !== undefined) return { rule: level, from: "level" };
  if (children.some((child) => child.share !== undefined))
    return { rule: "shares", from: "inferred" };
  if (children.some((child) => child.weight !== undefined))
    return { rule: "weights", from: "inferred" };
  return { rule: "even", from: "inferred" };
}

/** The remainder child's name a node names (its own, else its level's), or undefined. */
export function remainderOf(
  node: Pick<PlanDocumentNode, "remainder">,
  levels: readonly PlanLevel[],
  depth: number,
): string | undefined {
  return node.remainder ?? levels[depth]?.remainder;
}

/** Under weights every unheld child needs a weight; under shares a share (or the remainder's name). */
function checkSplitNeeds(
  context: TreeContext,
  record: Readonly<Record<string, unknown>>,
  list: readonly unknown[],
  path: ErrorPath,
  depth: number,
  split: SplitRule | undefined,
  remainder: string | undefined,
): void {
  // A bad split rule, or a child that is not a record, is reported already.
  if (own(record, "split") !== undefined && split === undefined) return;
  if (!list.every(isRecord)) return;
  const children = list as readonly Readonly<Record<string, unknown>>[];
  const has = (child: Readonly<Record<string, unknown>>, key: string) =>
    own(child, key) !== undefined;
  const rule =
    split ??
    context.levels[depth]?.split ??
    (children.some((child) => has(child, "share"))
      ? "shares"
      : children.some((child) => has(child, "weight"))
        ? "weights"
        : "even");
  const nodeName =
    typeof own(record, "name") === "string" ? (own(record, "name") as string) : "the node";
  const remainderName = (remainder ?? context.levels[depth]?.remainder)?.normalize("NFC");
  children.forEach((child, i) => {
    if (has(child, "hold")) return;
    const name = own(child, "name");
    const shown = typeof name === "string" ? JSON.stringify(name) : `children[${i}]`;
    if (rule === "weights" && !has(child, "weight")) {
      report(
        context.reader,
        [...path, "children", i, "weight"],
        `${shown} has no weight, but ${JSON.stringify(nodeName)} splits by weights; give it a weight or a hold.`,
      );
    }
    const isRemainder = typeof name === "string" && name.normalize("NFC") === remainderName;
    if (rule === "shares" && !has(child, "share") && !isRemainder) {
      report(
        context.reader,
        [...path, "children", i, "share"],
        `${shown} has no share, but ${JSON.stringify(nodeName)} splits by shares; give it a share, a hold, or name it as the remainder.`,
      );
    }
  });
}
