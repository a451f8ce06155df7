// Hierarchies a caller builds: a subtree in two places (a `children` array shared by siblings) or
// a cycle is refused before any work grows, and so is a tree past the node limit; a leaf object
// used in several places is read at each.
import fc from "fast-check";
import { breakback, cascade, flattenTree, MAX_TREE_NODES, type TreeNode } from "targetree";
import { describe, expect, it } from "vitest";
import { expectCode } from "../_support/errors.js";
import { runs } from "../_support/runs.js";

type Step = string | number;
interface Node {
  name: string;
  weight?: number;
  value?: number;
  children?: Node[];
}

/** Every entry that reads a caller's hierarchy, each given a tree of weights and values. */
const ENTRIES: readonly (readonly [string, (tree: Node) => unknown])[] = [
  ["cascade", (tree) => cascade(1_000_000, tree, { unit: 1 })],
  ["breakback", (tree) => breakback(tree as never, { path: [], value: 10 })],
  ["flattenTree", (tree) => flattenTree(asResult(tree))],
];

/** The same shape as a cascade result, for flattenTree (which reads name, path, value). */
function asResult(node: Node, seen = new Map<Node, TreeNode>()): TreeNode {
  const known = seen.get(node);
  if (known !== undefined) return known;
  const copy: { name: string; path: string[]; value: unknown; children: TreeNode[] } = {
    name: node.name,
    path: [],
    value: cascade(1, { children: [] }).value,
    children: [],
  };
  seen.set(node, copy as TreeNode);
  for (const child of node.children ?? []) copy.children.push(asResult(child, seen));
  return copy as TreeNode;
}

/** A tree `depth` levels deep whose siblings share one `children` array at every level. */
function doubling(depth: number): Node {
  let children: Node[] = [{ name: "leaf", weight: 1, value: 1 }];
  for (let level = 0; level < depth; level++) {
    const shared = children;
    children = [
      { name: "a", weight: 1, children: shared },
      { name: "b", weight: 2, children: shared },
    ];
  }
  return { name: "root", children };
}

/** A chain `depth` levels deep down to `bottom`, with the steps to it. */
function chain(bottom: Node, depth: number, prefix = "n"): [Node, Step[]] {
  let node = bottom;
  for (let level = 0; level < depth; level++) {
    node = { name: `${prefix}${level}`, weight: 1, children: [node] };
  }
  return [node, Array.from({ length: depth }, () => ["children", 0]).flat()];
}

describe("shared subtrees in hierarchies", () => {
  it("refuses siblings that share one children array, at every depth, in every entry", () => {
    for (const depth of [2, 3, 8, 18, 40]) {
      const tree = doubling(depth);
      for (const [entry, run] of ENTRIES) {
        const error = expectCode(() => run(tree), "SHARED_NODE");
        expect([entry, depth, error.path[0], error.details.cycle]).toEqual([
          entry,
          depth,
          "tree",
          false,
        ]);
        expect(error.message).toMatch(
          /children\[0\]\.children\[0\] and again at (its |tree\.)children\[1\]\.children\[0\]/,
        );
      }
    }
  });

  it("names both places of a subtree used twice, whatever the depths (diamonds)", () => {
    fc.assert(
      fc.property(
        fc.nat({ max: 6 }),
        fc.nat({ max: 6 }),
        fc.nat({ max: 6 }),
        (sharedDepth, firstDepth, secondDepth) => {
          const [shared] = chain({ name: "leaf", weight: 1, value: 3 }, sharedDepth + 1, "s");
          const [left, leftSteps] = chain(shared, firstDepth, "l");
          const [right, rightSteps] = chain(shared, secondDepth, "r");
          const tree: Node = {
            name: "root",
            children: [
              { name: "left", weight: 1, children: [left] },
              { name: "right", weight: 1, children: [right] },
            ],
          };
          for (const [, run] of ENTRIES) {
            const error = expectCode(() => run(tree), "SHARED_NODE", [
              "tree",
              "children",
              1,
              "children",
              0,
              ...rightSteps,
            ]);
            expect(error.details.first).toEqual([
              "tree",
              "children",
              0,
              "children",
              0,
              ...leftSteps,
            ]);
          }
        },
      ),
      { numRuns: runs(60) },
    );
  });

  it("refuses a tree that contains itself (SHARED_NODE, a cycle)", () => {
    for (const depth of [0, 1, 7]) {
      const top: Node = { name: "top", weight: 1, children: [] };
      const [below, steps] = chain(top, depth);
      top.children = [below];
      const tree: Node = { name: "root", children: [top] };
      for (const [entry, run] of ENTRIES.slice(0, 2)) {
        const error = expectCode(() => run(tree), "SHARED_NODE", [
          "tree",
          "children",
          0,
          "children",
          0,
          ...steps,
        ]);
        expect([entry, error.details]).toEqual([
          entry,
          { first: ["tree", "children", 0], cycle: true },
        ]);
      }
    }
  });

  it("reads a leaf object used in several places at each place", () => {
    const person: Node = { name: "张三", weight: 1 };
    const split = cascade(
      100,
      {
        name: "root",
        children: [
          { name: "华东", weight: 1, children: [person] },
          { name: "华南", weight: 3, children: [person] },
        ],
      },
      { unit: 1 },
    );
    expect(flattenTree(split).map((row) => `${row.path.join("/")} ${row.value}`)).toEqual([
      " 100",
      "华东 25",
      "华东/张三 25",
      "华南 75",
      "华南/张三 75",
    ]);
    const leaf: Node = { name: "张三", value: 5 };
    const tree: Node = {
      name: "root",
      children: [
        { name: "华东", children: [leaf] },
        { name: "华南", children: [leaf] },
      ],
    };
    const moved = breakback(tree as never, { path: ["华东"], value: 8 });
    expect(moved.value.toString()).toBe("13");
  });
});

describe("the node limit of hierarchies", () => {
  it("refuses a tree past MAX_TREE_NODES places, a shared leaf counting at each (TOO_MANY_NODES)", () => {
    const leaf: Node = { name: "x", weight: 1, value: 1 };
    const tree: Node = { name: "root", children: new Array<Node>(MAX_TREE_NODES).fill(leaf) };
    for (const [, run] of ENTRIES.slice(0, 2)) {
      const error = expectCode(() => run(tree), "TOO_MANY_NODES", [
        "tree",
        "children",
        MAX_TREE_NODES - 1,
      ]);
      expect(error.details.limit).toBe(MAX_TREE_NODES);
    }
  });
});
