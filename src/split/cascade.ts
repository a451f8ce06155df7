import { readItems } from "../_lib/arrays.js";
import type { Decimal } from "../_lib/decimal.js";
import type { ErrorPath } from "../_lib/errors.js";
import { describeValue, TargetreeError } from "../_lib/errors.js";
import type { Scaled } from "../_lib/exact/index.js";
import {
  ceilUnits,
  exactUnits,
  floorUnits,
  showValue,
  toScaled,
  unitsToDecimal,
} from "../_lib/exact/index.js";
import { readChoice, readOptions } from "../_lib/options.js";
import { own } from "../_lib/records.js";
import type { Numeric, UnitOptions } from "../_lib/types.js";
import { toDecimal } from "../numbers/toDecimal.js";
import { childWeights } from "./_lib/childWeights.js";
import type { PartNames } from "./_lib/engine.js";
import { spreadUnits } from "./_lib/engine.js";
import type { UnitSetup } from "./_lib/options.js";
import { readMultiple, readTotal, readUnitSetup, UNIT_KEYS, withUnit } from "./_lib/options.js";
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
}

/**
 * The tree with a value at every node; each node's value is the exact sum of its children's.
 * Held and bounded nodes carry their `hold`, `min` and `max`, for `breakback`.
 */
export type CascadeResult = TreeNode;

const CASCADE_KEYS = [...UNIT_KEYS, "levels", "remainder", "onZeroWeights"] as const;
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
export function cascade(
  total: Numeric,
  tree: CascadeNode,
  options?: CascadeOptions,
): CascadeResult {
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
  const context: Context = {
    levels,
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
  return splitNode(
    root,
    readName(root, ["tree"], "total"),
    amount.units,
    setup,
    [],
    ["tree"],
    0,
    context,
    {},
  );
}

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
  return nodeUnit === undefined
    ? withUnit(context.setup, levelUnit, ["options", "levels", depth, "unit"])
    : withUnit(context.setup, nodeUnit, [...inputPath, "unit"]);
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

function splitNode(
  node: Readonly<Record<string, unknown>>,
  name: string,
  units: bigint,
  setup: UnitSetup,
  path: readonly string[],
  inputPath: ErrorPath,
  depth: number,
  context: Context,
  limits: NodeLimits,
): TreeNode {
  const value = unitsToDecimal(units, setup.scaled);
  const rawChildren = readChildren(node, inputPath);
  if (rawChildren.length === 0) return { name, path, value, ...limits, children: [] };
  const children = rawChildren.map((child, i) =>
    readNode(child, [...inputPath, "children", i], depth + 1, NODE_FIELDS),
  );
  const childrenPath: ErrorPath = [...inputPath, "children"];
  const names = children.map((child, i) => readName(child, [...childrenPath, i], null));
  indexKeys(names, childrenPath);
  const level = context.levels[depth];
  const rule =
    readRule(node, inputPath) ??
    readRule(level, ["options", "levels", depth]) ??
    (children.some((child) => own(child, "share") !== undefined)
      ? "shares"
      : children.some((child) => own(child, "weight") !== undefined)
        ? "weights"
        : "even");
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
  const holdsRaw = allChildren.map((child) => own(child, "hold"));

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
  const parentUnits = units;
  const holds = holdsRaw.map((hold, i) =>
    hold === undefined ? undefined : readMultiple(hold, setup, childPath(i, "hold"), "held value"),
  );
  const adjusts = allChildren.map((child, i) => {
    const adjust = own(child, "adjust");
    if (adjust === undefined) return 0n;
    if (holds[i] !== undefined) {
      throw new TargetreeError(
        "INVALID_ARGUMENT",
        `${JSON.stringify(allNames[i])} is held, so it cannot also be adjusted.`,
        { path: childPath(i, "adjust") },
      );
    }
    return readMultiple(adjust, setup, childPath(i, "adjust"), "adjustment");
  });
  const given = (key: "min" | "max"): (Decimal | undefined)[] =>
    allChildren.map((child, i) => {
      const raw = own(child, key);
      return raw === undefined ? undefined : toDecimal(raw as Numeric, childPath(i, key));
    });
  const mins = given("min");
  const maxes = given("max");
  const inUnits = (
    bounds: readonly (Decimal | undefined)[],
    round: (v: Scaled, u: Scaled) => bigint,
  ) =>
    bounds.map((bound) => (bound === undefined ? undefined : round(toScaled(bound), setup.scaled)));
  const lower = inUnits(mins, ceilUnits);
  const upper = inUnits(maxes, floorUnits);
  const heldSum = holds.reduce<bigint>((sum, hold) => sum + (hold ?? 0n), 0n);
  const adjustSum = adjusts.reduce((sum, adjust) => sum + adjust, 0n);
  if (
    adjustSum !== 0n &&
    (parentUnits >= 0n ? heldSum + adjustSum > parentUnits : heldSum + adjustSum < parentUnits)
  ) {
    throw new TargetreeError(
      "HOLDS_EXCEED_TOTAL",
      `Under ${showPath(path)} the holds and adjustments add up to ${showValue(unitsToDecimal(heldSum + adjustSum, setup.scaled))}, beyond its ${showValue(value)}.`,
      { path: childrenPath },
    );
  }
  // Bounds apply to final values (after the adjustment); an adjusted node keeps the parent's sign.
  adjusts.forEach((adjust, i) => {
    if (adjust === 0n) return;
    const low = lower[i];
    const high = upper[i];
    if (parentUnits >= 0n) {
      lower[i] = (low !== undefined && low > 0n ? low : 0n) - adjust;
      if (high !== undefined) upper[i] = high - adjust;
    } else {
      upper[i] = (high !== undefined && high < 0n ? high : 0n) - adjust;
      if (low !== undefined) lower[i] = low - adjust;
    }
  });
  const { counts } = spreadUnits({
    units: parentUnits - adjustSum,
    weights: readWeights({ keys: null, values: weights, index: null, path: childrenPath }),
    holds: holds.some((hold) => hold !== undefined) ? holds : null,
    lower: lower.some((b) => b !== undefined) ? lower : null,
    upper: upper.some((b) => b !== undefined) ? upper : null,
    onZeroWeights: context.onZeroWeights,
    unit: setup.scaled,
    names: partNames,
  });
  const childNodes: TreeNode[] = [];
  for (let i = 0; i < count; i++) {
    const share = counts[i]!;
    const childUnits = (typeof share === "bigint" ? share : BigInt(share)) + adjusts[i]!;
    const child = allChildren[i]!;
    const childValue = unitsToDecimal(childUnits, setup.scaled);
    const childName = allNames[i]!;
    const childInputPath: ErrorPath =
      i < children.length ? [...childrenPath, i] : [...inputPath, "remainder"];
    const hold = holds[i];
    const min = mins[i];
    const max = maxes[i];
    const childLimits: NodeLimits = {
      ...(hold === undefined ? {} : { hold: unitsToDecimal(hold, setup.scaled) }),
      ...(min === undefined ? {} : { min }),
      ...(max === undefined ? {} : { max }),
    };
    const grandchildren = readChildren(child, childInputPath);
    if (grandchildren.length === 0) {
      childNodes.push({
        name: childName,
        path: [...path, childName],
        value: childValue,
        ...childLimits,
        children: [],
      });
      continue;
    }
    const childSetup = unitSetupAt(child, depth + 1, childInputPath, context);
    const units = exactUnits(toScaled(childValue), childSetup.scaled);
    if (units === null) {
      throw new TargetreeError(
        "NOT_A_MULTIPLE_OF_UNIT",
        `${showPath([...path, childName])} gets ${showValue(childValue)}, which is not a whole multiple of its children's unit ${showValue(childSetup.unit)}; split ${showPath(path)} in a unit that is a multiple of ${showValue(childSetup.unit)}.`,
        { path: [...childInputPath, "unit"] },
      );
    }
    childNodes.push(
      splitNode(
        child,
        childName,
        units,
        childSetup,
        [...path, childName],
        childInputPath,
        depth + 1,
        context,
        childLimits,
      ),
    );
  }
  return { name, path, value, ...limits, children: childNodes };
}
