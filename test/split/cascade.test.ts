import fc from "fast-check";
import { type CascadeNode, cascade, flattenTree, type TreeNode } from "targetree";
import { describe, expect, it } from "vitest";
import { Decimal } from "../../src/_lib/decimal.js";
import { deepFreeze, errorOf, expectCode } from "../_support/errors.js";
import { runs } from "../_support/runs.js";

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
      expectCode(() => cascade(10, { children: [{ weight: 1 } as never] }), "INVALID_ARGUMENT", [
        "tree",
        "children",
        0,
        "name",
      ]);
      expectCode(
        () => cascade(10, { children: [{ name: "a", weight: 1 }, { name: "b" }] }),
        "INVALID_ARGUMENT",
        ["tree", "children", 1, "weight"],
      );
      expectCode(
        () => cascade(10, { children: [{ name: "a", share: 0.5 }, { name: "b" }] }),
        "INVALID_ARGUMENT",
        ["tree", "children", 1, "share"],
      );
      expectCode(
        () => cascade(10, { split: "random" as never, children: [{ name: "a" }] }),
        "INVALID_ARGUMENT",
        ["tree", "split"],
      );
      expectCode(() => cascade(10, { weight: 1 } as never), "INVALID_ARGUMENT", ["tree", "weight"]);
      expectCode(() => cascade(10, { children: "a" as never }), "INVALID_ARGUMENT", [
        "tree",
        "children",
      ]);
      expectCode(() => cascade(10, 5 as never), "INVALID_ARGUMENT", ["tree"]);
      expectCode(
        () => cascade(10, { children: [{ name: "a" }] }, { levels: {} as never }),
        "INVALID_ARGUMENT",
        ["options", "levels"],
      );
      expectCode(
        () => cascade(10, { children: [{ name: "a", hold: 10, adjust: 1 }] }),
        "INVALID_ARGUMENT",
        ["tree", "children", 0, "adjust"],
      );
    });

    it("throws INVALID_ARGUMENT for a tree that is too deep, SHARED_NODE for one that refers to itself", () => {
      const loop: { name: string; children: unknown[] } = { name: "a", children: [] };
      loop.children.push(loop);
      expectCode(() => cascade(10, { children: [loop as never] }), "SHARED_NODE", [
        "tree",
        "children",
        0,
        "children",
        0,
      ]);
      let deep: CascadeNode = { name: "leaf" };
      for (let i = 0; i < 300; i++) deep = { name: `n${i}`, children: [deep] };
      expectCode(() => cascade(10, deep), "INVALID_ARGUMENT");
      expect(errorOf(() => cascade(10, deep)).message).toMatch(/deeper than 256 levels/);
    });

    it("splits a chain of weighted nodes down to the depth limit", () => {
      // Each level adds two parts to the error path; paths of deep trees once tripped the path check.
      const chain = (levels: number): CascadeNode => {
        let node: CascadeNode = { name: "leaf", weight: "1.5" };
        for (let i = 1; i < levels; i++) node = { name: `n${i}`, weight: 2, children: [node] };
        return { name: "root", children: [node] };
      };
      const result = cascade(10, chain(250));
      let node = result;
      while (node.children.length > 0) node = node.children[0]!;
      expect(node.name).toBe("leaf");
      expect(node.value.toString()).toBe("10");
      expect(errorOf(() => cascade(10, chain(300))).message).toMatch(/deeper than 256 levels/);
    });

    it("throws INVALID_CHARACTER for a name with an invisible character", () => {
      expectCode(() => cascade(10, { children: [{ name: "华\u200b东" }] }), "INVALID_CHARACTER");
    });

    it("throws DUPLICATE_KEY for siblings with the same name", () => {
      expectCode(() => cascade(10, { children: [{ name: "a" }, { name: "a" }] }), "DUPLICATE_KEY");
    });

    it("throws SHARES_EXCEED_TOTAL, NEGATIVE_WEIGHT and INVALID_NUMBER for bad shares and weights", () => {
      expectCode(
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
      expectCode(() => cascade(10, { children: [{ name: "a", weight: -1 }] }), "NEGATIVE_WEIGHT", [
        "tree",
        "children",
        0,
        "weight",
      ]);
      expectCode(() => cascade(10, { children: [{ name: "a", weight: "x" }] }), "INVALID_NUMBER", [
        "tree",
        "children",
        0,
        "weight",
      ]);
    });

    it("throws DUPLICATE_KEY when the remainder child's name is taken by a share", () => {
      expectCode(
        () => cascade(10, { children: [{ name: "other", share: "40%" }] }),
        "DUPLICATE_KEY",
      );
    });

    it("throws NOT_A_MULTIPLE_OF_UNIT for a node whose amount does not fit its children's unit", () => {
      expectCode(
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
      expectCode(
        () => cascade("10.5", { children: [{ name: "a" }] }, { unit: 1 }),
        "NOT_A_MULTIPLE_OF_UNIT",
        ["total"],
      );
      expectCode(
        () => cascade(10, { children: [{ name: "a", hold: "0.5" }, { name: "b" }] }, { unit: 1 }),
        "NOT_A_MULTIPLE_OF_UNIT",
        ["tree", "children", 0, "hold"],
      );
    });

    it("throws HOLDS_EXCEED_TOTAL for holds or adjustments beyond the parent", () => {
      expectCode(
        () => cascade(10, { children: [{ name: "a", hold: 20 }, { name: "b" }] }),
        "HOLDS_EXCEED_TOTAL",
      );
      expectCode(
        () => cascade(10, { children: [{ name: "a", adjust: 20 }, { name: "b" }] }),
        "HOLDS_EXCEED_TOTAL",
      );
    });

    it("throws NO_FREE_PARTS when every child is held and the holds miss the parent", () => {
      expectCode(
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
      expectCode(
        () =>
          cascade(10, {
            children: [
              { name: "a", weight: 1, min: 8 },
              { name: "b", weight: 1, min: 8 },
            ],
          }),
        "INFEASIBLE_BOUNDS",
      );
      expectCode(
        () => cascade(10, { children: [{ name: "a", weight: 0 }] }, { onZeroWeights: "error" }),
        "ZERO_WEIGHTS",
      );
    });

    it("throws INVALID_ARGUMENT for a bad unit on a node", () => {
      expectCode(() => cascade(10, { unit: 0, children: [{ name: "a" }] }), "INVALID_ARGUMENT", [
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
            expect(result.value).toEqualDecimal(total);
            expect(exactEverywhere(result)).toBe(true);
          },
        ),
        { numRuns: runs(150) },
      );
    });
  });
});

describe("cascade, more cases", () => {
  it("returns a root without children as a leaf with the whole total", () => {
    expect(cascade(10, { name: "x" })).toEqual({
      name: "x",
      path: [],
      value: new Decimal(10),
      children: [],
    });
    expect(cascade(5, {}).name).toBe("total");
  });

  it("names the remainder child's path like any other child's", () => {
    const tree = cascade(100, {
      children: [{ name: "a", share: "40%", children: [{ name: "x", share: "50%" }] }],
    });
    expect(tree.children.map((child) => child.path)).toEqual([["a"], ["other"]]);
    expect(tree.children[0]!.children.map((child) => child.path)).toEqual([
      ["a", "x"],
      ["a", "other"],
    ]);
  });

  it("infers shares when any child has a share, and weights when any has a weight", () => {
    expect(
      lines(
        cascade(100, { children: [{ name: "a", share: "40%" }, { name: "other" }] }, { unit: 1 }),
      ),
    ).toEqual(["total 100", "  a 40", "  other 60"]);
    const weighted = cascade(
      100,
      {
        children: [
          { name: "a", weight: 3 },
          { name: "b", weight: 1 },
          { name: "c", hold: 20 },
        ],
      },
      { unit: 1 },
    );
    expect(lines(weighted)).toEqual(["total 100", "  a 60", "  b 20", "  c 20"]);
  });

  it("lets a held child under shares go without a share", () => {
    const tree = cascade(
      100,
      {
        children: [
          { name: "a", share: "40%" },
          { name: "b", hold: 10 },
          { name: "c", share: "10%" },
        ],
      },
      { unit: 1 },
    );
    expect(lines(tree)).toEqual(["total 100", "  a 36", "  b 10", "  c 9", "  other 45"]);
  });

  it("lets the remainder child come first, and matches its name after NFC normalisation", () => {
    const first = cascade(100, { children: [{ name: "other" }, { name: "a", share: "40%" }] });
    expect(lines(first)).toEqual(["total 100", "  other 60", "  a 40"]);
    const nfc = cascade(
      100,
      { remainder: "caf\u00e9", children: [{ name: "a", share: "40%" }, { name: "cafe\u0301" }] },
      { unit: 1 },
    );
    expect(lines(nfc)).toEqual(["total 100", "  a 40", "  cafe\u0301 60"]);
  });

  it("gives an existing remainder child zero when the shares make 100%", () => {
    const tree = cascade(100, {
      children: [{ name: "a", share: "100%" }, { name: "other" }],
    });
    expect(lines(tree)).toEqual(["total 100", "  a 100", "  other 0"]);
  });

  it("takes the remainder's name from the node, else its level, else the options", () => {
    const children = [{ name: "a", share: "40%" }];
    const options = { levels: [{ remainder: "rest" }], remainder: "其他", unit: 1 };
    expect(lines(cascade(100, { children }, options))).toEqual([
      "total 100",
      "  a 40",
      "  rest 60",
    ]);
    expect(lines(cascade(100, { remainder: "own", children }, options))).toEqual([
      "total 100",
      "  a 40",
      "  own 60",
    ]);
    expect(lines(cascade(100, { children }, { remainder: "其他", unit: 1 }))).toEqual([
      "total 100",
      "  a 40",
      "  其他 60",
    ]);
  });

  it("takes the unit from the node, else its level, else the options", () => {
    const children = [{ name: "a" }, { name: "b" }];
    expect(
      lines(cascade(3, { unit: "0.5", children }, { levels: [{ unit: 1 }], unit: "0.01" })),
    ).toEqual(["total 3", "  a 1.5", "  b 1.5"]);
    expect(lines(cascade(3, { children }, { levels: [{ unit: 1 }], unit: "0.01" }))).toEqual([
      "total 3",
      "  a 2",
      "  b 1",
    ]);
    expect(lines(cascade(3, { children }, { levels: [{}], unit: "0.5" }))).toEqual([
      "total 3",
      "  a 1.5",
      "  b 1.5",
    ]);
  });

  it("rounds a total off the unit only when asked, with the chosen rounding mode", () => {
    const tree = { children: [{ name: "a" }] };
    expect(cascade("10.5", tree, { unit: 1, roundTotal: true }).value.toString()).toBe("11");
    expect(
      cascade("10.5", tree, { unit: 1, roundTotal: true, rounding: "down" }).value.toString(),
    ).toBe("10");
  });

  it("keeps an adjusted node at zero under a zero parent", () => {
    const tree = cascade(0, { children: [{ name: "a", adjust: -5 }, { name: "b" }] }, { unit: 1 });
    expect(lines(tree)).toEqual(["total 0", "  a 0", "  b 0"]);
  });

  it('splits evenly over zero weights when onZeroWeights is "even", and reads null children as none', () => {
    const tree = cascade(
      4,
      {
        children: [
          { name: "a", weight: 0, children: null as never },
          { name: "b", weight: 0 },
        ],
      },
      { unit: 1, onZeroWeights: "even" },
    );
    expect(lines(tree)).toEqual(["total 4", "  a 2", "  b 2"]);
  });

  it("rounds bounds inward to whole units", () => {
    const tree = cascade(
      10,
      {
        children: [
          { name: "a", weight: 1, min: "6.5" },
          { name: "b", weight: 1, max: "3.5" },
        ],
      },
      { unit: 1 },
    );
    expect(lines(tree)).toEqual(["total 10", "  a 7", "  b 3"]);
  });

  it("splits amounts beyond 2^53 exactly", () => {
    const tree = cascade(
      "1e20",
      {
        children: [
          { name: "a", weight: "1e20" },
          { name: "b", weight: "3e20" },
        ],
      },
      { unit: 1 },
    );
    expect(lines(tree)).toEqual([
      "total 100000000000000000000",
      "  a 25000000000000000000",
      "  b 75000000000000000000",
    ]);
  });

  describe("adjustments with bounds", () => {
    it("keeps the bounds of an adjusted node on its final value", () => {
      const capped = cascade(
        100,
        {
          children: [
            { name: "a", weight: 1, adjust: 10, max: 30 },
            { name: "b", weight: 1 },
          ],
        },
        { unit: 1 },
      );
      expect(lines(capped)).toEqual(["total 100", "  a 30", "  b 70"]);
      const lifted = cascade(
        100,
        {
          children: [
            { name: "a", weight: 1, adjust: -80, min: 5 },
            { name: "b", weight: 3 },
          ],
        },
        { unit: 1 },
      );
      expect(lines(lifted)).toEqual(["total 100", "  a 5", "  b 95"]);
    });

    it("mirrors adjustments and bounds under a negative parent", () => {
      const split = (child: CascadeNode) =>
        lines(cascade(-100, { children: [child, { name: "b", weight: 1 }] }, { unit: 1 }));
      expect(split({ name: "a", weight: 1, adjust: -10 })).toEqual([
        "total -100",
        "  a -55",
        "  b -45",
      ]);
      expect(split({ name: "a", weight: 1, adjust: -10, max: -60 })).toEqual([
        "total -100",
        "  a -60",
        "  b -40",
      ]);
      expect(split({ name: "a", weight: 1, adjust: -10, min: -50 })).toEqual([
        "total -100",
        "  a -50",
        "  b -50",
      ]);
      const weights = (child: CascadeNode) =>
        lines(cascade(-100, { children: [child, { name: "b", weight: 3 }] }, { unit: 1 }));
      expect(weights({ name: "a", weight: 1, adjust: 80 })).toEqual([
        "total -100",
        "  a 0",
        "  b -100",
      ]);
      expect(weights({ name: "a", weight: 1, adjust: 80, max: -5 })).toEqual([
        "total -100",
        "  a -5",
        "  b -95",
      ]);
    });

    it("accepts holds and adjustments that take exactly the parent's amount", () => {
      const tree = cascade(
        10,
        { children: [{ name: "a", hold: 4 }, { name: "b", adjust: 6 }, { name: "c" }] },
        { unit: 1 },
      );
      expect(lines(tree)).toEqual(["total 10", "  a 4", "  b 6", "  c 0"]);
      const negative = cascade(-10, { children: [{ name: "a", adjust: -10 }, { name: "b" }] });
      expect(lines(negative)).toEqual(["total -10", "  a -10", "  b 0"]);
    });

    it("throws HOLDS_EXCEED_TOTAL naming the node when holds and adjustments pass its amount", () => {
      const error = expectCode(
        () =>
          cascade(10, {
            children: [{ name: "a", hold: 5 }, { name: "b", adjust: 6 }, { name: "c" }],
          }),
        "HOLDS_EXCEED_TOTAL",
        ["tree", "children"],
      );
      expect(error.message).toMatch(
        /Under the root the holds and adjustments add up to 11, beyond its 10\./,
      );
      const negative = expectCode(
        () => cascade(-10, { children: [{ name: "a", adjust: -20 }, { name: "b" }] }),
        "HOLDS_EXCEED_TOTAL",
        ["tree", "children"],
      );
      expect(negative.message).toMatch(/add up to -20, beyond its -10\./);
      const nested = expectCode(
        () =>
          cascade(10, {
            children: [{ name: "g", children: [{ name: "a", adjust: 20 }, { name: "b" }] }],
          }),
        "HOLDS_EXCEED_TOTAL",
        ["tree", "children", 0, "children"],
      );
      expect(nested.message).toMatch(/Under "g" the holds and adjustments add up to 20/);
    });

    it("leaves holds alone to the splitting rules when nothing is adjusted", () => {
      const error = expectCode(
        () => cascade(10, { children: [{ name: "a", hold: 20 }, { name: "c" }] }),
        "HOLDS_EXCEED_TOTAL",
        ["tree", "children"],
      );
      expect(error.message).toMatch(/The held parts add up to 20, more than the total 10\./);
    });
  });

  describe("messages", () => {
    it("refuses every per-child field on the root", () => {
      for (const name of ["weight", "share", "hold", "min", "max", "adjust"]) {
        const error = expectCode(
          () => cascade(10, { [name]: 1, children: [{ name: "a" }] }),
          "INVALID_ARGUMENT",
          ["tree", name],
        );
        expect(error.message).toMatch(
          `The root takes the whole total, so it cannot have a ${name}.`,
        );
      }
    });

    it("names a child without a weight or a share, and a negative weight or share", () => {
      const weight = expectCode(
        () => cascade(10, { children: [{ name: "a", weight: 1 }, { name: "b" }] }),
        "INVALID_ARGUMENT",
        ["tree", "children", 1, "weight"],
      );
      expect(weight.message).toMatch(/"b" has no weight, but the root splits by weights\./);
      const share = expectCode(
        () => cascade(10, { children: [{ name: "a", share: 0.5 }, { name: "b" }] }),
        "INVALID_ARGUMENT",
        ["tree", "children", 1, "share"],
      );
      expect(share.message).toMatch(
        /"b" has no share, but the root splits by shares; give it a share, a hold, or name it "other" to take the remainder\./,
      );
      const negative = expectCode(
        () => cascade(10, { children: [{ name: "a", weight: -1 }] }),
        "NEGATIVE_WEIGHT",
        ["tree", "children", 0, "weight"],
      );
      expect(negative.message).toMatch(/Weights must be zero or positive, got -1\./);
      expectCode(
        () =>
          cascade(10, {
            children: [
              { name: "b", hold: 1 },
              { name: "a", share: "-10%" },
            ],
          }),
        "NEGATIVE_WEIGHT",
        ["tree", "children", 1, "share"],
      );
    });

    it("points at the remainder option whose name a share already takes", () => {
      const error = expectCode(
        () => cascade(10, { children: [{ name: "other", share: "40%" }] }),
        "DUPLICATE_KEY",
        ["tree", "remainder"],
      );
      expect(error.message).toMatch(/The remainder part "other" \(60% of the total\)/);
    });

    it("points at a bad level, and at a bad remainder name on a node or a level", () => {
      const children = [{ name: "a", share: "40%" }];
      const levels = expectCode(
        () => cascade(10, { children }, { levels: {} as never }),
        "INVALID_ARGUMENT",
        ["options", "levels"],
      );
      expect(levels.message).toMatch(/levels must be an array \(levels\[0\] splits the root\)/);
      expectCode(() => cascade(10, { children }, { levels: [5 as never] }), "INVALID_ARGUMENT", [
        "options",
        "levels",
        0,
      ]);
      expectCode(
        () => cascade(10, { children }, { levels: [{ split: "x" as never }] }),
        "INVALID_ARGUMENT",
        ["options", "levels", 0, "split"],
      );
      expectCode(() => cascade(10, { children }, { levels: [{ unit: 0 }] }), "INVALID_ARGUMENT", [
        "options",
        "levels",
        0,
        "unit",
      ]);
      expectCode(
        () => cascade(10, { children }, { levels: [{ remainder: "" }] }),
        "INVALID_ARGUMENT",
        ["options", "levels", 0, "remainder"],
      );
      expectCode(() => cascade(10, { remainder: " ", children }), "INVALID_ARGUMENT", [
        "tree",
        "remainder",
      ]);
      expectCode(() => cascade(10, { children }, { remainder: 5 as never }), "INVALID_ARGUMENT", [
        "options",
        "remainder",
      ]);
    });

    it("points at a bad unit on a child, a bad bound and a bad option", () => {
      expectCode(
        () => cascade(10, { children: [{ name: "a", unit: -1, children: [{ name: "x" }] }] }),
        "INVALID_ARGUMENT",
        ["tree", "children", 0, "unit"],
      );
      expectCode(
        () => cascade(10, { children: [{ name: "a", weight: 1, min: "x" }] }),
        "INVALID_NUMBER",
        ["tree", "children", 0, "min"],
      );
      const choice = expectCode(
        () => cascade(10, { children: [{ name: "a" }] }, { onZeroWeights: "skip" as never }),
        "INVALID_ARGUMENT",
        ["options", "onZeroWeights"],
      );
      expect(choice.message).toMatch(
        /onZeroWeights must be "even" or "error", got the string "skip"\./,
      );
    });

    it("names the child whose bounds cross, and the children when every weight is zero", () => {
      const error = expectCode(
        () =>
          cascade(
            100,
            {
              children: [
                { name: "a", weight: 1, min: 60, max: 50 },
                { name: "b", weight: 1 },
              ],
            },
            { unit: 1 },
          ),
        "INFEASIBLE_BOUNDS",
        ["tree", "children", 0, "max"],
      );
      expect(error.message).toMatch(/Part "a" has min 60 beyond its max 50/);
      expectCode(
        () => cascade(10, { children: [{ name: "a", weight: 0 }] }, { onZeroWeights: "error" }),
        "ZERO_WEIGHTS",
        ["tree", "children"],
      );
    });

    it("explains adjustments off the unit, adjusted holds, and amounts off a child's unit", () => {
      const adjust = expectCode(
        () => cascade(10, { children: [{ name: "a", adjust: "0.5" }, { name: "b" }] }, { unit: 1 }),
        "NOT_A_MULTIPLE_OF_UNIT",
        ["tree", "children", 0, "adjust"],
      );
      expect(adjust.message).toMatch(/The adjustment 0\.5 is not a whole multiple of the unit 1\./);
      const held = expectCode(
        () => cascade(10, { children: [{ name: "a", hold: 10, adjust: 1 }] }),
        "INVALID_ARGUMENT",
        ["tree", "children", 0, "adjust"],
      );
      expect(held.message).toMatch(/"a" is held, so it cannot also be adjusted\./);
      const unit = expectCode(
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
      expect(unit.message).toMatch(
        /"a" gets 5, which is not a whole multiple of its children's unit 3; split the root in a unit that is a multiple of 3\./,
      );
    });

    it("explains a node that is not an object, bad children and a missing name", () => {
      const node = expectCode(() => cascade(10, [] as never), "INVALID_ARGUMENT", ["tree"]);
      expect(node.message).toMatch(
        /A tree node must be an object such as \{ name: "华东", children: \[\.\.\.\] \}, got an array\./,
      );
      const children = expectCode(
        () => cascade(10, { children: {} as never }),
        "INVALID_ARGUMENT",
        ["tree", "children"],
      );
      expect(children.message).toMatch(/children must be an array of nodes, got an object\./);
      for (const name of ["", 5, undefined]) {
        const error = expectCode(
          () => cascade(10, { children: [{ name: name as never }] }),
          "INVALID_ARGUMENT",
          ["tree", "children", 0, "name"],
        );
        expect(error.message).toMatch(
          /Every node below the root needs a name \(a non-empty string\)/,
        );
      }
    });

    it("points at a duplicate child by its name", () => {
      expectCode(() => cascade(10, { children: [{ name: "a" }, { name: "a" }] }), "DUPLICATE_KEY", [
        "tree",
        "children",
        "a",
      ]);
    });
  });
});

describe("cascade, strict nodes and holds in the result", () => {
  it("refuses a misspelt node field, naming the field meant, with the path into the tree", () => {
    const error = expectCode(
      () =>
        cascade(100, { children: [{ name: "a", weight: 1 }, { name: "b", wieght: 3 } as never] }),
      "INVALID_ARGUMENT",
      ["tree", "children", 1, "wieght"],
    );
    expect(error.message).toContain(
      'Unknown field "wieght" on a tree node. Did you mean "weight"?',
    );
    expect(error.details).toMatchObject({ key: "wieght" });
    expectCode(() => cascade(100, { chilren: [{ name: "a" }] } as never), "INVALID_ARGUMENT", [
      "tree",
      "chilren",
    ]);
    const deep = { children: [{ name: "a", children: [{ name: "x", hodl: 5 } as never] }] };
    expect(errorOf(() => cascade(100, deep)).path).toEqual([
      "tree",
      "children",
      0,
      "children",
      0,
      "hodl",
    ]);
  });

  it("reads a node field whose value is undefined as absent", () => {
    const tree = { children: [{ name: "a", weight: 1, extra: undefined } as never] };
    expect(String(cascade(100, tree).children[0]!.value)).toBe("100");
  });

  it("carries each node's hold, min and max into the result, and nothing for the others", () => {
    const result = cascade(
      "100万",
      {
        children: [
          {
            name: "华东",
            weight: 3,
            min: "40万",
            children: [
              { name: "张三", hold: "10万" },
              { name: "李四", weight: 1 },
            ],
          },
          { name: "华南", weight: 1, max: "30万" },
          { name: "华北", hold: "20万" },
        ],
      },
      { unit: 1 },
    );
    const [east, south, north] = result.children;
    expect([String(east!.min), east!.hold, east!.max]).toEqual(["400000", undefined, undefined]);
    expect(String(east!.children[0]!.hold)).toBe("100000");
    expect(east!.children[0]!.value).toEqualDecimal(east!.children[0]!.hold!);
    expect(Object.keys(east!.children[1]!)).toEqual(["name", "path", "value", "children"]);
    expect(String(south!.max)).toBe("300000");
    expect(String(north!.hold)).toBe("200000");
    expect(Object.keys(result)).toEqual(["name", "path", "value", "children"]);
    const rows = flattenTree(result);
    expect(rows.filter((row) => row.hold !== undefined).map((row) => row.name)).toEqual([
      "张三",
      "华北",
    ]);
  });

  it("gives every held node exactly its hold, at any depth", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1000, max: 1_000_000 }),
        fc.array(
          fc.tuple(fc.integer({ min: 0, max: 9 }), fc.option(fc.integer({ min: 0, max: 100 }))),
          {
            minLength: 1,
            maxLength: 6,
          },
        ),
        (total, children) => {
          fc.pre(children.some(([, hold]) => hold === null));
          const tree = {
            children: children.map(([weight, hold], i) => ({
              name: `n${i}`,
              weight,
              ...(hold === null ? {} : { hold }),
            })),
          };
          const result = cascade(total, tree, { unit: 1 });
          result.children.forEach((child, i) => {
            const hold = children[i]![1];
            if (hold === null) expect(child.hold).toBeUndefined();
            else expect([child.value.toNumber(), child.hold?.toNumber()]).toEqual([hold, hold]);
          });
        },
      ),
      { numRuns: runs(200) },
    );
  });
});
