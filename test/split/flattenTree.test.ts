import { breakback, cascade, flattenTree } from "targetree";
import { describe, expect, it } from "vitest";
import { deepFreeze, expectCode } from "../_support/errors.js";

const tree = cascade(
  100,
  {
    name: "全国",
    children: [
      { name: "华东", weight: 3, children: [{ name: "张三" }, { name: "李四" }] },
      { name: "华南", weight: 1 },
    ],
  },
  { unit: 1 },
);

describe("flattenTree", () => {
  it("lists every node depth first, each parent before its children, with paths", () => {
    expect(
      flattenTree(tree).map((row) => [
        row.path.join("/"),
        row.depth,
        row.value.toString(),
        row.isLeaf,
      ]),
    ).toEqual([
      ["", 0, "100", false],
      ["华东", 1, "75", false],
      ["华东/张三", 2, "38", true],
      ["华东/李四", 2, "37", true],
      ["华南", 1, "25", true],
    ]);
  });

  it("keeps only the leaves when asked", () => {
    expect(flattenTree(tree, { leavesOnly: true }).map((row) => row.name)).toEqual([
      "张三",
      "李四",
      "华南",
    ]);
  });

  it("flattens a very deep tree without overflowing the stack", () => {
    let deep = { name: "leaf", path: [], value: tree.value, children: [] as never[] };
    for (let i = 0; i < 20_000; i++)
      deep = { name: `n${i}`, path: [], value: tree.value, children: [deep as never] };
    expect(flattenTree(deep)).toHaveLength(20_001);
  });

  it("never changes its (frozen) argument", () => {
    const frozen = deepFreeze(cascade(10, { children: [{ name: "a" }] }));
    expect(flattenTree(frozen)).toHaveLength(2);
  });

  it("throws INVALID_ARGUMENT for something that is not a tree, or bad options", () => {
    expectCode(() => flattenTree({ name: "x" } as never), "INVALID_ARGUMENT", ["tree"]);
    expectCode(() => flattenTree(tree, { leavesOnly: "yes" as never }), "INVALID_ARGUMENT", [
      "options",
      "leavesOnly",
    ]);
    for (const options of [null, "abc", Number.NaN, true, []]) {
      expectCode(() => flattenTree(tree, options as never), "INVALID_ARGUMENT", ["options"]);
    }
  });

  it("names the bad node's place in the tree, and refuses a node met twice", () => {
    const bad = {
      ...tree,
      children: [tree.children[0]!, { ...tree.children[1]!, value: 25 }],
    } as never;
    expectCode(() => flattenTree(bad), "INVALID_ARGUMENT", ["tree", "children", 1]);
    const cycle = { name: "a", path: [], value: tree.value, children: [] as unknown[] };
    cycle.children.push(cycle);
    const error = expectCode(() => flattenTree(cycle as never), "SHARED_NODE", [
      "tree",
      "children",
      0,
    ]);
    expect(error.details).toEqual({ first: ["tree"], cycle: true });
  });

  it("reads nodes and options by own keys only", () => {
    const prototype = Object.prototype as Record<string, unknown>;
    prototype.leavesOnly = true;
    try {
      expect(flattenTree(tree)).toHaveLength(5);
    } finally {
      delete prototype.leavesOnly;
    }
    expectCode(() => flattenTree(Object.create(tree) as never), "INVALID_ARGUMENT", ["tree"]);
  });
});

describe("flattenTree, more cases", () => {
  it("flattens a breakback result as well", () => {
    const next = breakback(
      {
        children: [
          { name: "a", value: 1 },
          { name: "b", value: 3 },
        ],
      },
      { path: [], value: 8, unit: 1 },
    );
    expect(
      flattenTree(next).map((row) => ({
        ...row,
        path: row.path.join("/"),
        value: String(row.value),
      })),
    ).toEqual([
      { name: "total", path: "", depth: 0, value: "8", isLeaf: false },
      { name: "a", path: "a", depth: 1, value: "2", isLeaf: true },
      { name: "b", path: "b", depth: 1, value: "6", isLeaf: true },
    ]);
  });

  it("keeps every node when leavesOnly is false", () => {
    expect(flattenTree(tree, { leavesOnly: false })).toHaveLength(5);
  });

  it("names the place of a node that is not a tree node, however deep", () => {
    const error = expectCode(() => flattenTree(null as never), "INVALID_ARGUMENT", ["tree"]);
    expect(error.message).toMatch(
      /Expected a tree node from cascade or breakback \(\{ name, path, value, children \}\), got null\./,
    );
    const leaf = tree.children[0]!.children[1]!;
    const bad = {
      ...tree,
      children: [{ ...tree.children[0]!, children: [tree.children[0]!.children[0]!, 5] }, leaf],
    } as never;
    expectCode(() => flattenTree(bad), "INVALID_ARGUMENT", ["tree", "children", 0, "children", 1]);
    for (const broken of [
      { ...leaf, name: 1 },
      { ...leaf, path: "x" },
      { ...leaf, children: null },
    ]) {
      expectCode(() => flattenTree({ ...tree, children: [broken] } as never), "INVALID_ARGUMENT", [
        "tree",
        "children",
        0,
      ]);
    }
  });

  it("refuses a subtree met twice, naming both places (SHARED_NODE)", () => {
    const shared = tree.children[0]!;
    const error = expectCode(
      () => flattenTree({ ...tree, children: [shared, shared] } as never),
      "SHARED_NODE",
      ["tree", "children", 1],
    );
    expect(error.details.first).toEqual(["tree", "children", 0]);
    expect(error.message).toMatch(
      /reaches one subtree twice, at tree\.children\[0\] and again at tree\.children\[1\]/,
    );
  });

  it("gives a leaf met twice a row at each place", () => {
    const leaf = tree.children[1]!;
    const rows = flattenTree({ ...tree, children: [leaf, leaf] } as never);
    expect(rows.map((row) => row.name)).toEqual(["全国", "华南", "华南"]);
  });
});
