// The first walk over a tree a caller built by hand (a formula tree, a cascade or breakback tree, a
// plan's organisation): before any reader or evaluator touches it, refuse a node with children that
// is reached twice (a shared subtree, whose every extra place multiplies the work, or a cycle) and a
// tree of more places than the limit. A shared leaf (`const one = numberNode(1)` used twice) is
// fine: each place costs one step, as a copy would. Iterative and linear in the places it meets,
// so a tree of 48 objects that stands for 2^24 nodes costs a few steps here, not 2^24 later.
import { type ErrorPath, formatPath, TargetreeError } from "./errors.js";
import { own } from "./records.js";

/** Where a child sits below its node: `["children", 2]`, `["rest", 0, "operand"]`. */
export type Steps = readonly (string | number)[];

/**
 * Hands each child of `node` to `visit`, in the caller's order. `steps(i)` gives the steps from
 * the node to its `i`-th child; it is called only to name a place in an error.
 */
export interface ChildrenOf {
  each(node: object, visit: (child: unknown) => void): void;
  steps(node: object, index: number): Steps;
}

/** What {@link checkTreeShape} walks and how it names it. */
export interface TreeShapeRules {
  /** Where the root sits in the caller's input, e.g. `["tree"]`. */
  readonly path: ErrorPath;
  /** Most places accepted (a limit of `_lib/limits.ts`); a shared leaf counts at each place. */
  readonly limit: number;
  /** The tree in messages: `"formula tree"`, `"tree"`, `"organisation"`. */
  readonly what: string;
  /** The children of a node; values that are not objects are skipped (the reader refuses them). */
  readonly children: ChildrenOf;
  /**
   * Checks one node's own values when it is first met: returns `null`, or the error to throw
   * given the node's path (built only then).
   */
  readonly check?: (node: object) => ((path: ErrorPath) => TargetreeError) | null;
}

/** A place in the walk: the node, its parent's place and its index among the parent's children. */
interface Place {
  readonly node: object;
  readonly parent: Place | null;
  readonly index: number;
}

const isObject = (value: unknown): value is object =>
  (typeof value === "object" && value !== null) || typeof value === "function";

/** Children kept in an own array field such as `children`: element `i` is at `[key, i]`. */
export function childrenIn(key: string): ChildrenOf {
  return {
    each(node, visit) {
      const children = own(node, key);
      if (!Array.isArray(children)) return;
      for (let i = 0; i < children.length; i++) visit(children[i]);
    },
    steps: (_node, index) => [key, index],
  };
}

/**
 * Walks a hand-built tree depth first, in the caller's order, and throws `SHARED_NODE` at the
 * second place one node object with children is reached (`details.first` is the first place; a
 * node that is its own ancestor is named a cycle), or `TOO_MANY_NODES` at the first place past
 * `rules.limit`. Reads nothing but the children (and what `rules.check` reads); the tree's own
 * readers check the rest.
 */
export function checkTreeShape(root: unknown, rules: TreeShapeRules): void {
  if (!isObject(root)) return;
  const { children, check, limit } = rules;
  /** Nodes met so far, true for those without children. */
  const seen = new Map<object, boolean>();
  const stack: Place[] = [{ node: root, parent: null, index: 0 }];
  const found: object[] = [];
  const collect = (child: unknown): void => {
    // Non-objects keep their index, so `steps` names the right place.
    found.push(isObject(child) ? child : NOT_A_NODE);
  };
  let places = 0;
  while (stack.length > 0) {
    const place = stack.pop()!;
    if (++places > limit) throw tooManyNodes(rules, place);
    const { node } = place;
    const leaf = seen.get(node);
    if (leaf !== undefined) {
      if (leaf) continue;
      throw sharedNode(rules, root, place);
    }
    const problem = check?.(node) ?? null;
    if (problem !== null) throw problem(pathOf(rules, place));
    children.each(node, collect);
    let count = 0;
    // Pushed last first, so the first child is walked first: "first" means first in reading order.
    for (let i = found.length - 1; i >= 0; i--) {
      const child = found[i]!;
      if (child === NOT_A_NODE) continue;
      stack.push({ node: child, parent: place, index: i });
      count++;
    }
    found.length = 0;
    seen.set(node, count === 0);
  }
}

const NOT_A_NODE: object = /* @__PURE__ */ Object.freeze({});

function pathOf(rules: TreeShapeRules, place: Place): ErrorPath {
  const reversed: (string | number)[] = [];
  for (let at: Place = place; at.parent !== null; at = at.parent) {
    const steps = rules.children.steps(at.parent.node, at.index);
    for (let i = steps.length - 1; i >= 0; i--) reversed.push(steps[i]!);
  }
  return [...rules.path, ...reversed.reverse()];
}

/** The first place of `node` in reading order: the walk again, up to it (linear, errors only). */
function firstPlace(rules: TreeShapeRules, root: object, node: object): Place {
  const seen = new Set<object>();
  const stack: Place[] = [{ node: root, parent: null, index: 0 }];
  const found: unknown[] = [];
  for (;;) {
    const place = stack.pop()!;
    if (place.node === node) return place;
    if (seen.has(place.node)) continue;
    seen.add(place.node);
    rules.children.each(place.node, (child) => found.push(child));
    for (let i = found.length - 1; i >= 0; i--) {
      const child = found[i];
      if (isObject(child)) stack.push({ node: child, parent: place, index: i });
    }
    found.length = 0;
  }
}

/**
 * "at a.first and again at a.rest[0].operand", or, for two places deep below one node, "under
 * tree.children[0]…, at its children[0].children[1] and again at its children[1].children[1]",
 * so that the places differ in the message even where long paths are shortened.
 */
function twoPlaces(rules: TreeShapeRules, first: ErrorPath, second: ErrorPath): string {
  let common = 0;
  while (common < first.length && common < second.length && first[common] === second[common]) {
    common++;
  }
  // Cut before an index, so each tail starts with a field name.
  if (common > 0 && typeof first[common] === "number") common--;
  if (common <= rules.path.length) {
    return `at ${formatPath(first)} and again at ${formatPath(second)}`;
  }
  const under = formatPath(first.slice(0, common));
  return `under ${under}, at its ${formatPath(first.slice(common))} and again at its ${formatPath(second.slice(common))}`;
}

function sharedNode(rules: TreeShapeRules, root: object, second: Place): TargetreeError {
  const first = firstPlace(rules, root, second.node);
  const firstPath = pathOf(rules, first);
  const secondPath = pathOf(rules, second);
  let cycle = false;
  for (let at = second.parent; at !== null && !cycle; at = at.parent)
    cycle = at.node === second.node;
  const message = cycle
    ? `The ${rules.what} contains itself: the node at ${formatPath(secondPath)} is the same object as its ancestor at ${formatPath(firstPath)} (a cycle). A tree has no cycles; build each level from new objects.`
    : `The ${rules.what} reaches one subtree twice, ${twoPlaces(rules, firstPath, secondPath)}. A shared subtree is refused, since each extra place multiplies the work (a shared leaf is fine): give each place its own object (build it anew, or copy it once per place).`;
  return new TargetreeError("SHARED_NODE", message, {
    path: secondPath,
    details: { first: firstPath, cycle },
  });
}

function tooManyNodes(rules: TreeShapeRules, place: Place): TargetreeError {
  return new TargetreeError(
    "TOO_MANY_NODES",
    `The ${rules.what} has more than ${rules.limit.toLocaleString("en")} nodes; split it into smaller trees.`,
    { path: pathOf(rules, place), details: { limit: rules.limit } },
  );
}
