import { readItems } from "../_lib/arrays.js";
import type { Decimal } from "../_lib/decimal.js";
import type { ErrorPath } from "../_lib/errors.js";
import { describeValue, TargetreeError } from "../_lib/errors.js";
import type { Scaled } from "../_lib/exact/index.js";
import {
  ceilUnits,
  decimalFromSafeInteger,
  exactUnits,
  floorUnits,
  pow10,
  showValue,
  toScaled,
  unitsToDecimal,
} from "../_lib/exact/index.js";
import { MAX_NESTING_DEPTH } from "../_lib/limits.js";
import { readChoice, readOptions } from "../_lib/options.js";
import { own } from "../_lib/records.js";
import type { Numeric, UnitOptions } from "../_lib/types.js";
import { toDecimal } from "../numbers/toDecimal.js";
import { childWeights } from "./_lib/childWeights.js";
import type { PartNames } from "./_lib/engine.js";
import { spreadUnits } from "./_lib/engine.js";
import type { UnitSetup } from "./_lib/options.js";
import { readMultiple, readTotal, readUnitSetup, unitKeysAnd, withUnit } from "./_lib/options.js";
import type { AmountForm, AmountOf } from "./_lib/output.js";
import { integerScale, readAmountForm, safeNumber } from "./_lib/output.js";
import { indexKeys, isPartsRecord } from "./_lib/parts.js";
import { ZERO_WEIGHT_RULES } from "./_lib/run.js";
import { readRemainderName } from "./_lib/shares.js";
import type { NodeLimits, TreeNode } from "./_lib/tree.js";
import { checkTreeInput, readChildren, readName, readNode, showPath } from "./_lib/tree.js";
import { readWeights } from "./_lib/weights.js";

/** How a node's amount is split over its children. */
export type SplitRule = "weights" | "shares" | "even";

/** One node of a cascade tree, plain JSON. Amounts accept every `Numeric` form ("50万", "40%"). */
export interface CascadeNode {
  /** Unique among its siblings. Optional on the root (default `"total"`). */
  readonly name?: string;
  /** The node's weight among its siblings when the parent splits by `"weights"`. */
  readonly weight?: Numeric;
  /** The node's share of its parent when the parent splits by `"shares"`: `"40%"` or `0.4`. */
  readonly share?: Numeric;
  /**
   * A fixed value for this node; its siblings share what is left. The result carries it, so a
   * later `breakback` keeps the node at this value.
   */
  readonly hold?: Numeric;
  /** Lowest value for this node; what it is lifted by comes from its siblings. Kept in the result. */
  readonly min?: Numeric;
  /** Highest value for this node; what it is clipped by goes to its siblings. Kept in the result. */
  readonly max?: Numeric;
  /**
   * An amount moved to this node after the split (negative: moved away), taken from
   * all its unheld siblings and itself in proportion to their weights, so the
   * parent still sums exactly. E.g. `adjust: "50万"` for a strategic push.
   */
  readonly adjust?: Numeric;
  /** How this node's amount is split over its children. Default: its level's rule, else inferred. */
  readonly split?: SplitRule;
  /** For `"shares"`: the child that takes what the shares leave (created if absent). */
  readonly remainder?: string;
  /** The unit of this node's children (default: its level's unit, else `options.unit`). */
  readonly unit?: Numeric;
  /** The node's children, split from its amount; absent or empty for a leaf. */
  readonly children?: readonly CascadeNode[];
}

/** Defaults for every node at one depth: `levels[0]` is how the root splits, `levels[1]` the next depth… */
export interface CascadeLevel {
  /**
   * How each node at this depth splits over its children, unless the node sets its own `split`.
   * Default: inferred from the children.
   */
  readonly split?: SplitRule;
  /**
   * The unit of the children of each node at this depth, unless the node sets its own `unit`.
   * Default: `options.unit`.
   */
  readonly unit?: Numeric;
  /**
   * Name of the remainder child under `"shares"` at this depth, unless the node sets its own
   * `remainder`. Default: `options.remainder`.
   */
  readonly remainder?: string;
}

export interface CascadeOptions extends UnitOptions {
  /** Rules per depth (`levels[0]` splits the root). A node's own `split`/`unit`/`remainder` win. */
  readonly levels?: readonly CascadeLevel[];
  /** Default name of the remainder child under `"shares"`. Default `"other"`. */
  readonly remainder?: string;
  /** When every weight under a node is zero: `"even"` (default) or `"error"`. */
  readonly onZeroWeights?: "even" | "error";
  /** Round the total to the root's unit first. Default `false` (it throws). */
  readonly roundTotal?: boolean;
  /**
   * The form of the values: `"decimal"` (default) Decimals; `"units"` safe-integer numbers in
   * minor units, or `"bigint"` bigints, returned as `{ tree, scale }` (see {@link IntegerTree}).
   */
  readonly as?: AmountForm;
}

/**
 * The tree with a value at every node; each node's value is the exact sum of its children's.
 * Held and bounded nodes carry their `hold`, `min` and `max`, for `breakback`.
 */
export type CascadeResult = TreeNode;

/**
 * `cascade`'s result in an integer form (`as: "units"` or `"bigint"`): the tree with integer
 * amounts, each n standing for n × 10^-scale; `scale` is the decimal places of the finest unit
 * used (2 for the default 0.01). A node's `hold`, `min` and `max` stay Decimals, as given.
 */
export interface IntegerTree<N extends number | bigint> {
  /** The tree; every node's value is the exact sum of its children's. */
  readonly tree: TreeNode<N>;
  /** Decimal places of every value: n stands for n × 10^-scale. */
  readonly scale: number;
}

const CASCADE_KEYS = /* @__PURE__ */ unitKeysAnd("levels", "remainder", "onZeroWeights", "as");
const LEVEL_KEYS = ["split", "unit", "remainder"] as const;
/** The fields of a cascade node (the root refuses the ones that place it among siblings). */
const NODE_FIELDS = [
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
  "children",
] as const;
const ROOT_ONLY_REFUSES = ["weight", "share", "hold", "min", "max", "adjust"] as const;
const SPLIT_RULES = ["weights", "shares", "even"] as const;

interface Context {
  readonly levels: readonly Readonly<Record<string, unknown>>[];
  /** The unit setup of each level that sets a unit, made once. */
  readonly levelSetups: (UnitSetup | undefined)[];
  /** For the integer forms: every node made, with its unit count and unit; `null` for Decimals. */
  readonly integers: IntegerNodes | null;
  /** The unit setup of `options` (a node's or level's `unit` replaces its unit). */
  readonly setup: UnitSetup;
  readonly remainder: string;
  readonly onZeroWeights: "even" | "error";
}

/**
 * Splits a total down a hierarchy, such as 事业部 → 大区 → 个人 (business unit →
 * region → person). Each node splits its amount over its children by weights,
 * shares (with an explicit remainder child) or evenly, with optional holds, bounds
 * and adjustments, by largest remainder in its level's unit. Every node's children
 * sum exactly to it, at every depth.
 *
 * The rule of a node is its own `split`, else `options.levels[depth].split`, else
 * inferred: `"shares"` when a child has a `share`, `"weights"` when a child has a
 * `weight`, `"even"` otherwise. Flatten the result with `flattenTree`.
 *
 * @param total - The root's amount.
 * @param tree - The root node (plain JSON, see {@link CascadeNode}).
 * @param options - `unit`, `rounding`, `roundTotal`, `levels`, `remainder`, `onZeroWeights`.
 * @returns A new tree of {@link TreeNode}s with values; a held or bounded node keeps its `hold`,
 *   `min` and `max`, so `breakback` on the result keeps to them.
 * @throws {TargetreeError} Every code of `allocate` and `splitByShares` (with the path of
 *   the node), `INVALID_ARGUMENT` for a malformed tree (a node without a name or a weight, a
 *   misspelt field, a rule that is not one of the three, a tree deeper than 256 levels),
 *   `SHARED_NODE` for a subtree in two places (a `children` array shared by siblings) or a
 *   cycle, `TOO_MANY_NODES` past `MAX_TREE_NODES`, and `UNKNOWN_OPTION` for an option (or a
 *   level's field) it does not define.
 *
 * @example
 * const result = cascade("1000万", {
 *   name: "全国",
 *   children: [
 *     { name: "华东", share: "60%", children: [{ name: "张三", weight: 3 }, { name: "李四", weight: 2 }] },
 *     { name: "华南", share: "40%", split: "even", children: [{ name: "王五" }, { name: "赵六" }] },
 *   ],
 * }, { unit: 1 });
 * flattenTree(result).map((row) => `${row.path.join("/") || row.name} ${row.value}`)
 * //=> ["全国 10000000", "华东 6000000", "华东/张三 3600000", "华东/李四 2400000", "华南 4000000", "华南/王五 2000000", "华南/赵六 2000000"]
 */
export function cascade<const F extends "units" | "bigint">(
  total: Numeric,
  tree: CascadeNode,
  options: CascadeOptions & { readonly as: F },
): IntegerTree<AmountOf<F>>;
export function cascade(
  total: Numeric,
  tree: CascadeNode,
  options?: CascadeOptions & { readonly as?: "decimal" },
): CascadeResult;
export function cascade(
  total: Numeric,
  tree: CascadeNode,
  options?: CascadeOptions,
): CascadeResult | IntegerTree<number | bigint>;
export function cascade(total: Numeric, tree: CascadeNode, options?: CascadeOptions): unknown {
  const raw = readOptions(options, CASCADE_KEYS, ["options"]);
  const levelsRaw = own(raw, "levels");
  if (levelsRaw !== undefined && !Array.isArray(levelsRaw)) {
    throw new TargetreeError(
      "INVALID_ARGUMENT",
      `levels must be an array (levels[0] splits the root), got ${describeValue(levelsRaw)}.`,
      { path: ["options", "levels"] },
    );
  }
  const levels = readItems((levelsRaw ?? []) as readonly unknown[], ["options", "levels"]).map(
    (level, depth) => {
      const path: ErrorPath = ["options", "levels", depth];
      if (!isPartsRecord(level)) {
        throw new TargetreeError(
          "INVALID_ARGUMENT",
          `A level must be an object such as { split: "even", unit: 1 }, got ${describeValue(level)}.`,
          { path },
        );
      }
      return readOptions(level, LEVEL_KEYS, path);
    },
  );
  const form = readAmountForm(raw, ["options"]);
  const context: Context = {
    levels,
    levelSetups: [],
    integers: form === "decimal" ? null : { nodes: [], units: [] },
    setup: readUnitSetup(raw, ["options"]),
    remainder: readRemainderName(own(raw, "remainder"), ["options", "remainder"]),
    onZeroWeights: readChoice(raw, "onZeroWeights", ZERO_WEIGHT_RULES, "even", ["options"]),
  };
  checkTreeInput(tree);
  const root = readNode(tree, ["tree"], 0, [...NODE_FIELDS]);
  for (const name of ROOT_ONLY_REFUSES) {
    if (own(root, name) !== undefined) {
      throw new TargetreeError(
        "INVALID_ARGUMENT",
        `The root takes the whole total, so it cannot have a ${name}.`,
        { path: ["tree", name] },
      );
    }
  }
  const setup = unitSetupAt(root, 0, ["tree"], context);
  const amount = readTotal(total, setup);
  const built = splitNode(
    root,
    readName(root, ["tree"], "total"),
    amount.units,
    setup,
    [],
    ["tree"],
    0,
    context,
    null,
  );
  if (context.integers === null) return built as CascadeResult;
  const scale = setIntegerValues(context.integers, form as "units" | "bigint");
  return { tree: built as TreeNode<number | bigint>, scale };
}

/**
 * Sets each node's integer amount from its unit count, all at one scale (the finest unit's decimal
 * places), and returns that scale.
 */
function setIntegerValues(integers: IntegerNodes, form: "units" | "bigint"): number {
  const { nodes, units } = integers;
  let scale = 0;
  let last: Scaled | null = null;
  for (const unit of units) {
    if (unit === last) continue;
    last = unit;
    if (unit.scale > scale) scale = unit.scale;
  }
  last = null;
  let factor = 1n;
  let small = 1;
  for (let i = 0; i < nodes.length; i++) {
    const unit = units[i]!;
    if (unit !== last) {
      const own = integerScale(unit);
      factor = own.factor * pow10(scale - own.scale);
      small = factor <= 1_000_000n ? Number(factor) : 0;
      last = unit;
    }
    const node = nodes[i]!;
    const count = node.value as number | bigint;
    if (form === "units" && typeof count === "number" && small !== 0) {
      const amount = count * small;
      node.value = Number.isSafeInteger(amount) ? amount : safeNumber(BigInt(count) * factor, AS);
      continue;
    }
    const amount = BigInt(count) * factor;
    node.value = form === "bigint" ? amount : safeNumber(amount, AS);
  }
  return scale;
}

const AS: ErrorPath = ["options", "as"];

/** The unit a node splits its children in: its own, its level's, then the options'. */
function unitSetupAt(
  node: Readonly<Record<string, unknown>>,
  depth: number,
  inputPath: ErrorPath,
  context: Context,
): UnitSetup {
  const level = context.levels[depth];
  const levelUnit = level ? own(level, "unit") : undefined;
  const nodeUnit = own(node, "unit");
  if (nodeUnit === undefined && levelUnit === undefined) return context.setup;
  if (nodeUnit !== undefined) return withUnit(context.setup, nodeUnit, [...inputPath, "unit"]);
  context.levelSetups[depth] ??= withUnit(context.setup, levelUnit, [
    "options",
    "levels",
    depth,
    "unit",
  ]);
  return context.levelSetups[depth];
}

/** A node's own `split`, or its level's; `undefined` when neither says. */
function readRule(
  record: Readonly<Record<string, unknown>> | undefined,
  path: ErrorPath,
): SplitRule | undefined {
  return record === undefined || own(record, "split") === undefined
    ? undefined
    : readChoice(record, "split", SPLIT_RULES, "even", path);
}

/** An output node while the tree is built; its `value` is a unit count until the amounts are set. */
interface Built {
  name: string;
  path: readonly string[];
  value: unknown;
  hold?: Decimal;
  min?: Decimal;
  max?: Decimal;
  children: Built[];
}

/** The nodes of an integer-form result (their values still unit counts) and each one's unit. */
interface IntegerNodes {
  readonly nodes: Built[];
  readonly units: Scaled[];
}

function splitNode(
  node: Readonly<Record<string, unknown>>,
  name: string,
  units: bigint,
  setup: UnitSetup,
  path: readonly string[],
  inputPath: ErrorPath,
  depth: number,
  context: Context,
  limits: NodeLimits | null,
): Built {
  const built = makeNode(name, path, units, setup, limits, context);
  const rawChildren = readChildren(node, inputPath);
  if (rawChildren.length === 0) return built;
  const childrenPath: ErrorPath = [...inputPath, "children"];
  // A child's path in the input is made only where it is needed: for an error, or for its children.
  const inputPathAt = (i: number): ErrorPath => [...childrenPath, i];
  // The fields each child has, read once; a child that is not a clean node is read (and refused)
  // by readNode.
  const count0 = rawChildren.length;
  const fields = new Array<number>(count0);
  let present = 0;
  const children = new Array<Readonly<Record<string, unknown>>>(count0);
  for (let i = 0; i < count0; i++) {
    const child = rawChildren[i];
    const bits = depth + 1 > MAX_NESTING_DEPTH ? -1 : fieldsOf(child);
    children[i] =
      bits >= 0
        ? (child as Readonly<Record<string, unknown>>)
        : readNode(child, inputPathAt(i), depth + 1, NODE_FIELDS);
    fields[i] = bits >= 0 ? bits : ownFieldBits(children[i]!);
    present |= fields[i]!;
  }
  const names = children.map((child, i) => {
    const given = own(child, "name");
    return typeof given === "string" && given !== ""
      ? given
      : readName(child, inputPathAt(i), null);
  });
  indexKeys(names, childrenPath);
  const level = context.levels[depth];
  const rule =
    readRule(node, inputPath) ??
    readRule(level, ["options", "levels", depth]) ??
    ((present & SHARE) !== 0 ? "shares" : (present & WEIGHT) !== 0 ? "weights" : "even");
  const childPath = (i: number, key: string): ErrorPath => [...childrenPath, i, key];

  const {
    weights,
    names: allNames,
    children: allChildren,
  } = childWeights({
    rule,
    node,
    level,
    depth,
    names,
    children,
    path,
    inputPath,
    defaultRemainder: context.remainder,
  });
  const count = allChildren.length;
  const partNames: PartNames = {
    label: (i) => JSON.stringify(allNames[i]),
    path: (which, i) => {
      const key =
        which === "holds"
          ? "hold"
          : which === "weights"
            ? rule === "shares"
              ? "share"
              : "weight"
            : which;
      return i === undefined || i >= children.length ? childrenPath : childPath(i, key);
    },
  };
  const limitsOf =
    (present & LIMITS) === 0
      ? noLimits(allChildren.length)
      : readChildLimits(allChildren, setup, childPath, allNames);
  const { holds, adjusts, mins, maxes } = limitsOf;
  const parentUnits = units;
  let lower: (bigint | undefined)[] | null = null;
  let upper: (bigint | undefined)[] | null = null;
  if (limitsOf.bounded) {
    lower = mins.map((bound) =>
      bound === undefined ? undefined : ceilUnits(toScaled(bound), setup.scaled),
    );
    upper = maxes.map((bound) =>
      bound === undefined ? undefined : floorUnits(toScaled(bound), setup.scaled),
    );
  }
  let adjustSum = 0n;
  if (adjusts !== null) {
    const heldSum = holds.reduce<bigint>((sum, hold) => sum + (hold ?? 0n), 0n);
    adjustSum = adjusts.reduce((sum, adjust) => sum + adjust, 0n);
    if (
      adjustSum !== 0n &&
      (parentUnits >= 0n ? heldSum + adjustSum > parentUnits : heldSum + adjustSum < parentUnits)
    ) {
      throw new TargetreeError(
        "HOLDS_EXCEED_TOTAL",
        `Under ${showPath(path)} the holds and adjustments add up to ${showValue(unitsToDecimal(heldSum + adjustSum, setup.scaled))}, beyond its ${showValue(unitsToDecimal(units, setup.scaled))}.`,
        { path: childrenPath },
      );
    }
    // Bounds apply to final values (after the adjustment); an adjusted node keeps the parent's sign.
    lower ??= new Array<bigint | undefined>(count).fill(undefined);
    upper ??= new Array<bigint | undefined>(count).fill(undefined);
    for (let i = 0; i < count; i++) {
      const adjust = adjusts[i]!;
      if (adjust === 0n) continue;
      const low = lower[i];
      const high = upper[i];
      if (parentUnits >= 0n) {
        lower[i] = (low !== undefined && low > 0n ? low : 0n) - adjust;
        if (high !== undefined) upper[i] = high - adjust;
      } else {
        upper[i] = (high !== undefined && high < 0n ? high : 0n) - adjust;
        if (low !== undefined) lower[i] = low - adjust;
      }
    }
  }
  const { counts } = spreadUnits({
    units: parentUnits - adjustSum,
    weights: readWeights({ keys: null, values: weights, index: null, path: childrenPath }),
    holds: limitsOf.held ? holds : null,
    lower: lower?.some((b) => b !== undefined) ? lower : null,
    upper: upper?.some((b) => b !== undefined) ? upper : null,
    onZeroWeights: context.onZeroWeights,
    unit: setup.scaled,
    names: partNames,
  });
  const childNodes = built.children;
  for (let i = 0; i < count; i++) {
    const share = counts[i]!;
    // A whole count from the fast path stays a number for a leaf (no BigInt to make).
    const adjust = adjusts === null ? 0n : adjusts[i]!;
    const leafUnits: number | bigint =
      typeof share === "number" && adjust === 0n ? share : BigInt(share) + adjust;
    const child = allChildren[i]!;
    const childName = allNames[i]!;
    const childPathByName = path.concat(childName);
    const hold = holds[i];
    const min = mins[i];
    const max = maxes[i];
    const childLimits: NodeLimits | null =
      hold === undefined && min === undefined && max === undefined
        ? null
        : {
            ...(hold === undefined ? {} : { hold: unitsToDecimal(hold, setup.scaled) }),
            ...(min === undefined ? {} : { min }),
            ...(max === undefined ? {} : { max }),
          };
    // A child without a `children` field is a leaf; otherwise its children are read (and checked).
    const leaf =
      i < children.length && (fields[i]! & CHILDREN) === 0
        ? true
        : readChildren(child, i < children.length ? inputPathAt(i) : [...inputPath, "remainder"])
            .length === 0;
    if (leaf) {
      childNodes.push(makeNode(childName, childPathByName, leafUnits, setup, childLimits, context));
      continue;
    }
    const childUnits = typeof leafUnits === "bigint" ? leafUnits : BigInt(leafUnits);
    const childInputPath: ErrorPath =
      i < children.length ? inputPathAt(i) : [...inputPath, "remainder"];
    const childSetup = unitSetupAt(child, depth + 1, childInputPath, context);
    const inChildUnits =
      childSetup === setup
        ? childUnits
        : exactUnits(scaledUnits(childUnits, setup), childSetup.scaled);
    if (inChildUnits === null) {
      const childValue = unitsToDecimal(childUnits, setup.scaled);
      throw new TargetreeError(
        "NOT_A_MULTIPLE_OF_UNIT",
        `${showPath(childPathByName)} gets ${showValue(childValue)}, which is not a whole multiple of its children's unit ${showValue(childSetup.unit)}; split ${showPath(path)} in a unit that is a multiple of ${showValue(childSetup.unit)}.`,
        { path: [...childInputPath, "unit"] },
      );
    }
    childNodes.push(
      splitNode(
        child,
        childName,
        inChildUnits,
        childSetup,
        childPathByName,
        childInputPath,
        depth + 1,
        context,
        childLimits,
      ),
    );
  }
  return built;
}

/** `units` whole units of the setup's unit, as a scaled integer. */
function scaledUnits(units: bigint, setup: UnitSetup): Scaled {
  return { mantissa: units * setup.scaled.mantissa, scale: setup.scaled.scale };
}

/** A result node: its value a Decimal, or (integer forms) its unit count, converted at the end. */
function makeNode(
  name: string,
  path: readonly string[],
  units: bigint | number,
  setup: UnitSetup,
  limits: NodeLimits | null,
  context: Context,
): Built {
  const integers = context.integers;
  const value = integers === null ? countToDecimal(units, setup.scaled) : units;
  const node: Built =
    limits === null
      ? { name, path, value, children: [] }
      : { name, path, value, ...limits, children: [] };
  if (integers !== null) {
    integers.nodes.push(node);
    integers.units.push(setup.scaled);
  }
  return node;
}

/** `count` units as a Decimal, without a BigInt for a small count. */
function countToDecimal(count: bigint | number, unit: Scaled): Decimal {
  if (typeof count === "bigint") return unitsToDecimal(count, unit);
  const mantissa = count * Number(unit.mantissa);
  return Number.isSafeInteger(mantissa) && unit.mantissa <= 1_000_000n
    ? decimalFromSafeInteger(mantissa, unit.scale)
    : unitsToDecimal(BigInt(count), unit);
}

/** The bit of each node field, for the fields a node (or a group of siblings) has. */
const NAME = 1;
const WEIGHT = 2;
const SHARE = 4;
const HOLD = 8;
const MIN = 16;
const MAX = 32;
const ADJUST = 64;
const CHILDREN = 128;
const OTHER = 256;
// HOLD | MIN | MAX | ADJUST, as a literal: a bundle without cascade drops it.
const LIMITS = 120;

function fieldBit(key: string): number {
  switch (key) {
    case "name":
      return NAME;
    case "weight":
      return WEIGHT;
    case "share":
      return SHARE;
    case "hold":
      return HOLD;
    case "min":
      return MIN;
    case "max":
      return MAX;
    case "adjust":
      return ADJUST;
    case "children":
      return CHILDREN;
    case "split":
    case "remainder":
    case "unit":
      return OTHER;
    default:
      return 0;
  }
}

/**
 * The fields a tree node has (defined values only), as bits; -1 when it is not a record of node
 * fields (then `readNode` says why).
 */
function fieldsOf(node: unknown): number {
  if (!isPartsRecord(node)) return -1;
  let bits = 0;
  // Own keys only (a name planted on Object.prototype is never a field); a prototype with keys of
  // its own takes the readNode path.
  const prototype: unknown = Object.getPrototypeOf(node);
  if (prototype !== Object.prototype && prototype !== null) return -1;
  for (const key of Object.keys(node)) {
    if (node[key] === undefined) continue;
    const bit = fieldBit(key);
    if (bit === 0) return -1;
    bits |= bit;
  }
  return bits;
}

/** The fields of a node that `readNode` has checked (own keys, defined values), as bits. */
function ownFieldBits(node: Readonly<Record<string, unknown>>): number {
  let bits = 0;
  for (const key of Object.keys(node)) if (node[key] !== undefined) bits |= fieldBit(key);
  return bits;
}

/** The limits of children that have none. */
function noLimits(count: number): ReturnType<typeof readChildLimits> {
  const none = new Array<undefined>(count).fill(undefined);
  return { holds: none, adjusts: null, mins: none, maxes: none, held: false, bounded: false };
}

/** The holds, adjustments and bounds of a node's children, read once. */
function readChildLimits(
  children: readonly Readonly<Record<string, unknown>>[],
  setup: UnitSetup,
  childPath: (i: number, key: string) => ErrorPath,
  names: readonly string[],
): {
  readonly holds: (bigint | undefined)[];
  readonly adjusts: bigint[] | null;
  readonly mins: (Decimal | undefined)[];
  readonly maxes: (Decimal | undefined)[];
  readonly held: boolean;
  readonly bounded: boolean;
} {
  const count = children.length;
  const holds = new Array<bigint | undefined>(count);
  const mins = new Array<Decimal | undefined>(count);
  const maxes = new Array<Decimal | undefined>(count);
  let adjusts: bigint[] | null = null;
  let held = false;
  let bounded = false;
  for (let i = 0; i < count; i++) {
    const child = children[i]!;
    const hold = own(child, "hold");
    holds[i] =
      hold === undefined
        ? undefined
        : readMultiple(hold, setup, childPath(i, "hold"), "held value");
    if (hold !== undefined) held = true;
  }
  for (let i = 0; i < count; i++) {
    const adjust = own(children[i]!, "adjust");
    if (adjust === undefined) continue;
    if (holds[i] !== undefined) {
      throw new TargetreeError(
        "INVALID_ARGUMENT",
        `${JSON.stringify(names[i])} is held, so it cannot also be adjusted.`,
        { path: childPath(i, "adjust") },
      );
    }
    adjusts ??= new Array<bigint>(count).fill(0n);
    adjusts[i] = readMultiple(adjust, setup, childPath(i, "adjust"), "adjustment");
  }
  for (const [key, into] of [
    ["min", mins],
    ["max", maxes],
  ] as const) {
    for (let i = 0; i < count; i++) {
      const raw = own(children[i]!, key);
      if (raw === undefined) continue;
      into[i] = toDecimal(raw as Numeric, childPath(i, key));
      bounded = true;
    }
  }
  return { holds, adjusts, mins, maxes, held, bounded };
}
