import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Decimal } from "../../src/_lib/decimal.js";
import type { TreeNode } from "../../src/split/_lib/tree.js";
import type { CascadeNode } from "../../src/split/cascade.js";
import { cascade } from "../../src/split/cascade.js";
import { flattenTree } from "../../src/split/flattenTree.js";
import { runs } from "../_support/runs.js";
import { deepFreeze, expectError } from "./_helpers.js";

/** `name value` lines, indented by depth. */
const lines = (tree: TreeNode): string[] =>
  flattenTree(tree).map((row) => `${"  ".repeat(row.depth)}${row.name} ${row.value.toString()}`);

/** True when every inner node equals the sum of its children. */
function exactEverywhere(node: TreeNode): boolean {
  if (node.children.length === 0) return true;
  const sum = node.children.reduce((a, child) => a.plus(child.value), new Decimal(0));
  return sum.eq(node.value) && node.children.every(exactEverywhere);
}

const company: CascadeNode = {
  name: "公司",
  children: [
    {
      name: "粮油事业部",
      share: "60%",
      children: [
        {
          name: "华东大区",
          weight: 5,
          children: [{ name: "张三" }, { name: "李四" }, { name: "王五" }],
        },
        {
          name: "华南大区",
          weight: 3,
          children: [
            { name: "赵六", weight: 2 },
            { name: "钱七", weight: 1 },
          ],
        },
      ],
    },
    {
      name: "日化事业部",
      share: "40%",
      children: [{ name: "华北大区", weight: 1, children: [{ name: "孙八" }, { name: "周九" }] }],
    },
  ],
};

describe("cascade", () => {
  it("splits 事业部 → 大区 → 个人 with every node summing exactly to its children (W4)", () => {
    const tree = cascade("1.2亿", company, { unit: 1 });
    expect(lines(tree)).toEqual([
      "公司 120000000",
      "  粮油事业部 72000000",
      "    华东大区 45000000",
      "      张三 15000000",
      "      李四 15000000",
      "      王五 15000000",
      "    华南大区 27000000",
      "      赵六 18000000",
      "      钱七 9000000",
      "  日化事业部 48000000",
      "    华北大区 48000000",
      "      孙八 24000000",
      "      周九 24000000",
    ]);
    expect(exactEverywhere(tree)).toBe(true);
  });

  it("records each node's path from the root", () => {
    const tree = cascade(100, company, { unit: 1 });
    expect(tree.path).toEqual([]);
    expect(tree.children[0]!.children[1]!.children[0]!.path).toEqual([
      "粮油事业部",
      "华南大区",
      "赵六",
    ]);
  });

  it("creates an explicit remainder child when shares fall short of 100%", () => {
    const tree = cascade(1000, {
      children: [
        { name: "a", share: "40%" },
        { name: "b", share: "30%" },
      ],
    });
    expect(lines(tree)).toEqual(["total 1000", "  a 400", "  b 300", "  other 300"]);
  });

  it("lets an existing child take the remainder, and split it further", () => {
    const tree = cascade(
      1000,
      {
        remainder: "其他",
        children: [
          { name: "a", share: "60%" },
          { name: "其他", children: [{ name: "x" }, { name: "y" }] },
        ],
      },
      { unit: 1 },
    );
    expect(lines(tree)).toEqual(["total 1000", "  a 600", "  其他 400", "    x 200", "    y 200"]);
  });

  it("uses the rules of each level, and a node's own rule over its level's", () => {
    const tree = cascade(
      900,
      {
        children: [
          {
            name: "a",
            weight: 2,
            children: [
              { name: "a1", weight: 1 },
              { name: "a2", weight: 2 },
            ],
          },
          {
            name: "b",
            weight: 1,
            split: "weights",
            children: [
              { name: "b1", weight: 1 },
              { name: "b2", weight: 2 },
            ],
          },
        ],
      },
      { unit: 1, levels: [{ split: "weights" }, { split: "even" }] },
    );
    expect(lines(tree)).toEqual([
      "total 900",
      "  a 600",
      "    a1 300",
      "    a2 300",
      "  b 300",
      "    b1 100",
      "    b2 200",
    ]);
  });

  it("splits each level in its own unit", () => {
    const tree = cascade(
      "1亿",
      {
        children: [
          {
            name: "a",
            weight: 1,
            children: [
              { name: "p", weight: 1 },
              { name: "q", weight: 2 },
            ],
          },
          { name: "b", weight: 2 },
        ],
      },
      { levels: [{ unit: "1万" }, { unit: 1 }] },
    );
    expect(lines(tree)).toEqual([
      "total 100000000",
      "  a 33330000",
      "    p 11110000",
      "    q 22220000",
      "  b 66670000",
    ]);
  });

  it("keeps held nodes fixed and spreads the rest over their siblings", () => {
    const tree = cascade(
      100,
      {
        children: [
          { name: "a", weight: 1, hold: 50 },
          { name: "b", weight: 1 },
          { name: "c", hold: 10 },
          { name: "d", weight: 3 },
        ],
      },
      { unit: 1 },
    );
    expect(lines(tree)).toEqual(["total 100", "  a 50", "  b 10", "  c 10", "  d 30"]);
  });

  it("moves an adjustment to a node from its siblings, keeping the parent exact", () => {
    const tree = cascade(
      100,
      {
        children: [
          { name: "a", weight: 1, adjust: 10 },
          { name: "b", weight: 1 },
          { name: "c", weight: 2, hold: 20 },
        ],
      },
      { unit: 1 },
    );
    expect(lines(tree)).toEqual(["total 100", "  a 45", "  b 35", "  c 20"]);
    const negative = cascade(
      100,
      {
        children: [
          { name: "a", weight: 1, adjust: -30 },
          { name: "b", weight: 1 },
        ],
      },
      { unit: 1 },
    );
    expect(lines(negative)).toEqual(["total 100", "  a 35", "  b 65"]);
  });

  it("keeps an adjusted node from going below zero", () => {
    const tree = cascade(
      100,
      {
        children: [
          { name: "a", weight: 1, adjust: -80 },
          { name: "b", weight: 3 },
        ],
      },
      { unit: 1 },
    );
    expect(lines(tree)).toEqual(["total 100", "  a 0", "  b 100"]);
  });

  it("applies min and max to nodes", () => {
    const tree = cascade(
      100,
      {
        children: [
          { name: "new", weight: 0, min: 15 },
          { name: "big", weight: 9, max: 60 },
          { name: "small", weight: 1 },
        ],
      },
      { unit: 1 },
    );
    expect(lines(tree)).toEqual(["total 100", "  new 15", "  big 60", "  small 25"]);
  });

  it("splits evenly when no child has a weight or a share", () => {
    expect(
      lines(cascade(10, { children: [{ name: "a" }, { name: "b" }, { name: "c" }] }, { unit: 1 })),
    ).toEqual(["total 10", "  a 4", "  b 3", "  c 3"]);
  });

  it("mirrors a negative total down the tree", () => {
    const tree = cascade(
      -10,
      {
        children: [
          { name: "a", weight: 1 },
          { name: "b", weight: 1, children: [{ name: "x" }, { name: "y" }] },
        ],
      },
      { unit: 1 },
    );
    expect(lines(tree)).toEqual(["total -10", "  a -5", "  b -5", "    x -3", "    y -2"]);
  });

  it("treats names such as __proto__ as ordinary", () => {
    const tree = cascade(
      2,
      JSON.parse('{"children":[{"name":"__proto__"},{"name":"constructor"}]}'),
      { unit: 1 },
    );
    expect(lines(tree)).toEqual(["total 2", "  __proto__ 1", "  constructor 1"]);
  });

  it("never changes its (frozen) arguments", () => {
    const tree = deepFreeze(structuredClone(company));
    const options = deepFreeze({ unit: 1, levels: [{ split: "shares" as const }] });
    expect(exactEverywhere(cascade(1000, tree, options))).toBe(true);
    expect(tree).toEqual(company);
  });

  describe("bad input", () => {
    it("throws INVALID_ARGUMENT with the node's path for a malformed tree", () => {
      expectError(() => cascade(10, { children: [{ weight: 1 } as never] }), "INVALID_ARGUMENT", [
        "tree",
        "children",
        0,
        "name",
      ]);
      expectError(
        () => cascade(10, { children: [{ name: "a", weight: 1 }, { name: "b" }] }),
        "INVALID_ARGUMENT",
        ["tree", "children", 1, "weight"],
      );
      expectError(
        () => cascade(10, { children: [{ name: "a", share: 0.5 }, { name: "b" }] }),
        "INVALID_ARGUMENT",
        ["tree", "children", 1, "share"],
      );
      expectError(
        () => cascade(10, { split: "random" as never, children: [{ name: "a" }] }),
        "INVALID_ARGUMENT",
        ["tree", "split"],
      );
      expectError(() => cascade(10, { weight: 1 } as never), "INVALID_ARGUMENT", [
        "tree",
        "weight",
      ]);
      expectError(() => cascade(10, { children: "a" as never }), "INVALID_ARGUMENT", [
        "tree",
        "children",
      ]);
      expectError(() => cascade(10, 5 as never), "INVALID_ARGUMENT", ["tree"]);
      expectError(
        () => cascade(10, { children: [{ name: "a" }] }, { levels: {} as never }),
        "INVALID_ARGUMENT",
        ["levels"],
      );
      expectError(
        () => cascade(10, { children: [{ name: "a", hold: 10, adjust: 1 }] }),
        "INVALID_ARGUMENT",
        ["tree", "children", 0, "adjust"],
      );
    });

    it("throws INVALID_ARGUMENT for a tree that is too deep or refers to itself", () => {
      const loop: { name: string; children: unknown[] } = { name: "a", children: [] };
      loop.children.push(loop);
      expectError(() => cascade(10, { children: [loop as never] }), "INVALID_ARGUMENT");
      let deep: CascadeNode = { name: "leaf" };
      for (let i = 0; i < 300; i++) deep = { name: `n${i}`, children: [deep] };
      expectError(() => cascade(10, deep), "INVALID_ARGUMENT");
    });

    it("throws INVALID_CHARACTER for a name with an invisible character", () => {
      expectError(() => cascade(10, { children: [{ name: "华\u200b东" }] }), "INVALID_CHARACTER");
    });

    it("throws DUPLICATE_KEY for siblings with the same name", () => {
      expectError(() => cascade(10, { children: [{ name: "a" }, { name: "a" }] }), "DUPLICATE_KEY");
    });

    it("throws SHARES_EXCEED_TOTAL, NEGATIVE_WEIGHT and INVALID_NUMBER for bad shares and weights", () => {
      expectError(
        () =>
          cascade(10, {
            children: [
              { name: "a", share: "70%" },
              { name: "b", share: "40%" },
            ],
          }),
        "SHARES_EXCEED_TOTAL",
        ["tree", "children"],
      );
      expectError(() => cascade(10, { children: [{ name: "a", weight: -1 }] }), "NEGATIVE_WEIGHT", [
        "tree",
        "children",
        0,
        "weight",
      ]);
      expectError(() => cascade(10, { children: [{ name: "a", weight: "x" }] }), "INVALID_NUMBER", [
        "tree",
        "children",
        0,
        "weight",
      ]);
    });

    it("throws DUPLICATE_KEY when the remainder child's name is taken by a share", () => {
      expectError(
        () => cascade(10, { children: [{ name: "other", share: "40%" }] }),
        "DUPLICATE_KEY",
      );
    });

    it("throws NOT_A_MULTIPLE_OF_UNIT for a node whose amount does not fit its children's unit", () => {
      expectError(
        () =>
          cascade(
            10,
            {
              children: [
                { name: "a", weight: 1, unit: 3, children: [{ name: "x" }] },
                { name: "b", weight: 1 },
              ],
            },
            { unit: 1 },
          ),
        "NOT_A_MULTIPLE_OF_UNIT",
        ["tree", "children", 0, "unit"],
      );
      expectError(
        () => cascade("10.5", { children: [{ name: "a" }] }, { unit: 1 }),
        "NOT_A_MULTIPLE_OF_UNIT",
        ["total"],
      );
      expectError(
        () => cascade(10, { children: [{ name: "a", hold: "0.5" }, { name: "b" }] }, { unit: 1 }),
        "NOT_A_MULTIPLE_OF_UNIT",
        ["tree", "children", 0, "hold"],
      );
    });

    it("throws HOLDS_EXCEED_TOTAL for holds or adjustments beyond the parent", () => {
      expectError(
        () => cascade(10, { children: [{ name: "a", hold: 20 }, { name: "b" }] }),
        "HOLDS_EXCEED_TOTAL",
      );
      expectError(
        () => cascade(10, { children: [{ name: "a", adjust: 20 }, { name: "b" }] }),
        "HOLDS_EXCEED_TOTAL",
      );
    });

    it("throws NO_FREE_PARTS when every child is held and the holds miss the parent", () => {
      expectError(
        () =>
          cascade(10, {
            children: [
              { name: "a", hold: 3 },
              { name: "b", hold: 3 },
            ],
          }),
        "NO_FREE_PARTS",
      );
    });

    it("throws INFEASIBLE_BOUNDS and ZERO_WEIGHTS like allocate", () => {
      expectError(
        () =>
          cascade(10, {
            children: [
              { name: "a", weight: 1, min: 8 },
              { name: "b", weight: 1, min: 8 },
            ],
          }),
        "INFEASIBLE_BOUNDS",
      );
      expectError(
        () => cascade(10, { children: [{ name: "a", weight: 0 }] }, { onZeroWeights: "error" }),
        "ZERO_WEIGHTS",
      );
    });

    it("throws INVALID_ARGUMENT for a bad unit on a node", () => {
      expectError(() => cascade(10, { unit: 0, children: [{ name: "a" }] }), "INVALID_ARGUMENT", [
        "tree",
        "unit",
      ]);
    });
  });

  describe("properties", () => {
    const leaf = fc.record({ name: fc.constant("leaf"), weight: fc.nat({ max: 9 }) });
    const node: fc.Arbitrary<CascadeNode> = fc.letrec<{ node: CascadeNode }>((tie) => ({
      node: fc.oneof(
        { depthSize: "small", withCrossShrink: true },
        leaf,
        fc.record({
          name: fc.constant("inner"),
          weight: fc.nat({ max: 9 }),
          children: fc.array(tie("node"), { minLength: 1, maxLength: 4 }),
        }),
      ),
    })).node;
    const rename = (n: CascadeNode, prefix: string): CascadeNode => ({
      ...n,
      name: prefix,
      ...(n.children ? { children: n.children.map((c, i) => rename(c, `${prefix}.${i}`)) } : {}),
    });

    it("every node's children sum exactly to it, at every depth", () => {
      fc.assert(
        fc.property(
          fc.bigInt({ min: -10_000_000n, max: 10_000_000n }),
          fc.array(node, { minLength: 1, maxLength: 4 }),
          (cents, children) => {
            const tree = { children: children.map((c, i) => rename(c, `n${i}`)) };
            const total = new Decimal(cents.toString()).div(100);
            const result = cascade(total, tree);
            expect(result.value.eq(total)).toBe(true);
            expect(exactEverywhere(result)).toBe(true);
          },
        ),
        { numRuns: runs(150) },
      );
    });
  });
});
