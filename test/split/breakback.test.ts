import fc from "fast-check";
import { breakback, cascade, flattenTree, type TreeNode, type ValueTree } from "targetree";
import { describe, expect, it } from "vitest";
import { Decimal } from "../../src/_lib/decimal.js";
import { deepFreeze, expectCode } from "../_support/errors.js";
import { runs } from "../_support/runs.js";

const lines = (tree: TreeNode): string[] =>
  flattenTree(tree).map((row) => `${"  ".repeat(row.depth)}${row.name} ${row.value.toString()}`);

function exactEverywhere(node: TreeNode): boolean {
  if (node.children.length === 0) return true;
  const sum = node.children.reduce((a, child) => a.plus(child.value), new Decimal(0));
  return sum.eq(node.value) && node.children.every(exactEverywhere);
}

const plan: ValueTree = {
  name: "全国",
  children: [
    {
      name: "华东",
      children: [
        { name: "张三", value: 300 },
        { name: "李四", value: 200 },
        { name: "王五", value: 500 },
      ],
    },
    {
      name: "华南",
      children: [
        { name: "赵六", value: 400 },
        { name: "钱七", value: 0 },
      ],
    },
  ],
};

describe("breakback", () => {
  it("re-spreads a new value pro rata over the leaves below and updates the ancestors", () => {
    const next = breakback(plan, { path: ["华东"], value: 1200, unit: 1 });
    expect(lines(next)).toEqual([
      "全国 1600",
      "  华东 1200",
      "    张三 360",
      "    李四 240",
      "    王五 600",
      "  华南 400",
      "    赵six 400".replace("six", "六"),
      "    钱七 0",
    ]);
  });

  it("keeps held leaves and spreads the rest over the others", () => {
    const next = breakback(plan, {
      path: ["华东"],
      value: 1200,
      holds: [["华东", "王五"]],
      unit: 1,
    });
    expect(lines(next).slice(1, 5)).toEqual([
      "  华东 1200",
      "    张三 420",
      "    李四 280",
      "    王五 500",
    ]);
  });

  it("spreads evenly over leaves that are all zero", () => {
    const zero: ValueTree = {
      children: [
        { name: "a", value: 0 },
        { name: "b", value: 0 },
        { name: "c", value: 0 },
      ],
    };
    expect(lines(breakback(zero, { path: [], value: 100, unit: 1 }))).toEqual([
      "total 100",
      "  a 34",
      "  b 33",
      "  c 33",
    ]);
  });

  it("changes a single leaf and its ancestors", () => {
    const next = breakback(plan, { path: ["华南", "钱七"], value: 100, unit: 1 });
    expect(lines(next)).toContain("  华南 500");
    expect(lines(next)[0]).toBe("全国 1500");
  });

  it("takes the change from the siblings below a held ancestor", () => {
    const next = breakback(plan, {
      path: ["华东", "张三"],
      value: 500,
      holds: [["华东"]],
      unit: 1,
    });
    expect(lines(next).slice(0, 5)).toEqual([
      "全国 1400",
      "  华东 1000",
      "    张三 500",
      "    李四 143",
      "    王五 357",
    ]);
  });

  it("keeps other held nodes under a held ancestor", () => {
    const next = breakback(plan, {
      path: ["华东", "张三"],
      value: 500,
      holds: [["华东"], ["华东", "王五"]],
      unit: 1,
    });
    expect(lines(next).slice(1, 5)).toEqual([
      "  华东 1000",
      "    张三 500",
      "    李四 0",
      "    王五 500",
    ]);
  });

  it("keeps a held inner node's whole subtree", () => {
    const next = breakback(plan, { path: [], value: 2000, holds: [["华南"]], unit: 1 });
    expect(lines(next)).toEqual([
      "全国 2000",
      "  华东 1600",
      "    张三 480",
      "    李四 320",
      "    王五 800",
      "  华南 400",
      "    赵六 400",
      "    钱七 0",
    ]);
  });

  it("accepts a cascade result and returns a consistent new tree", () => {
    const tree = cascade(1000, {
      children: [
        { name: "a", weight: 1, children: [{ name: "x" }, { name: "y" }] },
        { name: "b", weight: 1 },
      ],
    });
    const next = breakback(tree, { path: ["a"], value: "600.01" });
    expect(lines(next)).toEqual([
      "total 1100.01",
      "  a 600.01",
      "    x 300.01",
      "    y 300",
      "  b 500",
    ]);
    expect(exactEverywhere(next)).toBe(true);
  });

  it("mirrors negative values", () => {
    const negative: ValueTree = {
      children: [
        { name: "a", value: -1 },
        { name: "b", value: -3 },
      ],
    };
    expect(lines(breakback(negative, { path: [], value: -8, unit: 1 }))).toEqual([
      "total -8",
      "  a -2",
      "  b -6",
    ]);
  });

  it("rounds the new value to the unit only when asked", () => {
    expectCode(
      () => breakback(plan, { path: [], value: "0.5", unit: 1 }),
      "NOT_A_MULTIPLE_OF_UNIT",
      ["options", "value"],
    );
    expect(
      lines(
        breakback(plan, { path: ["华南", "钱七"], value: "0.5", unit: 1, roundTotal: true }),
      )[0],
    ).toBe("全国 1401");
  });

  it("never changes its (frozen) arguments", () => {
    const tree = deepFreeze(structuredClone(plan));
    const options = deepFreeze({ path: ["华东"], value: 2000, holds: [["华东", "张三"]], unit: 1 });
    breakback(tree, options);
    expect(tree).toEqual(plan);
  });

  describe("bad input", () => {
    it("throws UNKNOWN_KEY for a path or hold that names no node", () => {
      expectCode(() => breakback(plan, { path: ["华北"], value: 1 }), "UNKNOWN_KEY", [
        "options",
        "path",
        0,
      ]);
      expectCode(
        () => breakback(plan, { path: ["华东"], value: 1, holds: [["华东", "无名"]] }),
        "UNKNOWN_KEY",
        ["options", "holds", 0, 1],
      );
    });

    it("throws HOLDS_EXCEED_TOTAL when held leaves exceed the new value", () => {
      const error = expectCode(
        () => breakback(plan, { path: ["华东"], value: 400, holds: [["华东", "王五"]] }),
        "HOLDS_EXCEED_TOTAL",
      );
      expect(error.message).toContain("500");
    });

    it("throws HOLDS_EXCEED_TOTAL when a held ancestor cannot absorb the change", () => {
      expectCode(
        () => breakback(plan, { path: ["华东", "张三"], value: 1200, holds: [["华东"]] }),
        "HOLDS_EXCEED_TOTAL",
      );
    });

    it("throws NO_FREE_PARTS when every leaf below is held", () => {
      expectCode(
        () =>
          breakback(plan, {
            path: ["华南"],
            value: 1000,
            holds: [
              ["华南", "赵六"],
              ["华南", "钱七"],
            ],
          }),
        "NO_FREE_PARTS",
      );
      expectCode(
        () =>
          breakback(plan, {
            path: ["华南", "赵六"],
            value: 300,
            holds: [["华南"], ["华南", "钱七"]],
          }),
        "NO_FREE_PARTS",
      );
    });

    it("throws INVALID_ARGUMENT for a change to a held node", () => {
      expectCode(
        () => breakback(plan, { path: ["华东"], value: 1, holds: [["华东"]] }),
        "INVALID_ARGUMENT",
        ["options", "holds"],
      );
    });

    it("throws INVALID_ARGUMENT for an inner value that is not the sum of its children", () => {
      const wrong: ValueTree = {
        value: 10,
        children: [
          { name: "a", value: 3 },
          { name: "b", value: 4 },
        ],
      };
      const error = expectCode(() => breakback(wrong, { path: [], value: 1 }), "INVALID_ARGUMENT", [
        "tree",
        "value",
      ]);
      expect(error.message).toContain("7");
    });

    it("throws INVALID_ARGUMENT for a malformed tree, path or holds", () => {
      expectCode(
        () => breakback({ children: [{ name: "a" }] }, { path: [], value: 1 }),
        "INVALID_ARGUMENT",
        ["tree", "children", 0, "value"],
      );
      expectCode(
        () => breakback({ children: [{ value: 1 }] }, { path: [], value: 1 }),
        "INVALID_ARGUMENT",
        ["tree", "children", 0, "name"],
      );
      expectCode(() => breakback(plan, { path: "华东" as never, value: 1 }), "INVALID_ARGUMENT", [
        "options",
        "path",
      ]);
      expectCode(
        () => breakback(plan, { path: [], value: 1, holds: "华东" as never }),
        "INVALID_ARGUMENT",
        ["options", "holds"],
      );
      expectCode(() => breakback(plan, undefined as never), "INVALID_ARGUMENT", [
        "options",
        "path",
      ]);
    });

    it("throws DUPLICATE_KEY, INVALID_NUMBER and NEGATIVE_WEIGHT for bad trees", () => {
      expectCode(
        () =>
          breakback(
            {
              children: [
                { name: "a", value: 1 },
                { name: "a", value: 1 },
              ],
            },
            { path: [], value: 1 },
          ),
        "DUPLICATE_KEY",
      );
      expectCode(
        () => breakback({ children: [{ name: "a", value: "x" }] }, { path: [], value: 1 }),
        "INVALID_NUMBER",
        ["tree", "children", 0, "value"],
      );
      expectCode(
        () =>
          breakback(
            {
              children: [
                { name: "a", value: 1 },
                { name: "b", value: -1 },
              ],
            },
            { path: [], value: 1 },
          ),
        "NEGATIVE_WEIGHT",
        ["tree", "children", 1],
      );
    });

    it("throws INVALID_CHARACTER for a name or path with an invisible character", () => {
      expectCode(
        () => breakback({ children: [{ name: "a\ufeff", value: 1 }] }, { path: [], value: 1 }),
        "INVALID_CHARACTER",
      );
      expectCode(() => breakback(plan, { path: ["华\u200b东"], value: 1 }), "INVALID_CHARACTER");
    });

    it("throws NOT_A_MULTIPLE_OF_UNIT when held values are off the unit", () => {
      const cents: ValueTree = {
        children: [
          { name: "a", value: "0.5" },
          { name: "b", value: 1 },
        ],
      };
      expectCode(
        () => breakback(cents, { path: [], value: 3, holds: [["a"]], unit: 1 }),
        "NOT_A_MULTIPLE_OF_UNIT",
        ["options", "unit"],
      );
    });
  });

  describe("properties", () => {
    const leafValues = fc.array(fc.array(fc.nat({ max: 1000 }), { minLength: 1, maxLength: 4 }), {
      minLength: 1,
      maxLength: 4,
    });

    it("keeps holds, sets the new value and keeps every ancestor the sum of its children", () => {
      fc.assert(
        fc.property(
          leafValues,
          fc.nat({ max: 100_000 }),
          fc.nat(),
          fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 3 }),
          (groups, newValue, targetPick, holdPicks) => {
            const tree: ValueTree = {
              children: groups.map((values, g) => ({
                name: `g${g}`,
                children: values.map((value, l) => ({ name: `l${l}`, value })),
              })),
            };
            const group = targetPick % groups.length;
            const holds = holdPicks
              .map(([g, l]) => [g % groups.length, l] as const)
              .filter(([g]) => g === group)
              .map(([g, l]) => [`g${g}`, `l${l % groups[g]!.length}`]);
            const heldValue = [...new Set(holds.map((h) => h[1]))].reduce(
              (sum, leaf) => sum + groups[group]![Number(leaf!.slice(1))]!,
              0,
            );
            const allHeld = new Set(holds.map((h) => h[1])).size === groups[group]!.length;
            fc.pre(heldValue <= newValue && !allHeld);
            const next = breakback(tree, { path: [`g${group}`], value: newValue, holds, unit: 1 });
            expect(exactEverywhere(next)).toBe(true);
            expect(next.children[group]!.value.toNumber()).toBe(newValue);
            for (const [, leaf] of holds) {
              const l = Number(leaf!.slice(1));
              expect(next.children[group]!.children[l]!.value.toNumber()).toBe(groups[group]![l]);
            }
            groups.forEach((values, g) => {
              if (g === group) return;
              values.forEach((value, l) => {
                expect(next.children[g]!.children[l]!.value.toNumber()).toBe(value);
              });
            });
          },
        ),
        { numRuns: runs(200) },
      );
    });
  });
});

/** A tree as plain data: every field of every node, values as strings. */
interface PlainNode {
  name: string;
  path: readonly string[];
  value: string;
  children: PlainNode[];
}
const plain = (node: TreeNode): PlainNode => ({
  name: node.name,
  path: node.path,
  value: node.value.toString(),
  children: node.children.map(plain),
});

describe("breakback, more cases", () => {
  // 全国 → 华东 → { 一组 → { 甲 10, 乙 10 }, 丙 20 }
  const nested: ValueTree = {
    name: "全国",
    children: [
      {
        name: "华东",
        children: [
          {
            name: "一组",
            children: [
              { name: "甲", value: 10 },
              { name: "乙", value: 10 },
            ],
          },
          { name: "丙", value: 20 },
        ],
      },
    ],
  };

  it("returns every field of every node: name, path from the root, value and children", () => {
    const next = breakback(
      {
        children: [
          { name: "a", value: 1 },
          { name: "b", children: [{ name: "x", value: 3 }] },
        ],
      },
      { path: ["b", "x"], value: 5, unit: 1 },
    );
    expect(plain(next)).toEqual({
      name: "total",
      path: [],
      value: "6",
      children: [
        { name: "a", path: ["a"], value: "1", children: [] },
        {
          name: "b",
          path: ["b"],
          value: "5",
          children: [{ name: "x", path: ["b", "x"], value: "5", children: [] }],
        },
      ],
    });
  });

  it("re-spreads an inner node below a held ancestor, counting the node's own held leaves", () => {
    const next = breakback(nested, {
      path: ["华东", "一组"],
      value: 30,
      holds: [["华东"], ["华东", "一组", "甲"]],
      unit: 1,
    });
    expect(lines(next)).toEqual([
      "全国 40",
      "  华东 40",
      "    一组 30",
      "      甲 10",
      "      乙 20",
      "    丙 10",
    ]);
  });

  it("takes the change from the nearest held ancestor, not a farther one", () => {
    const tree: ValueTree = {
      children: [
        {
          name: "A",
          children: [
            {
              name: "B",
              children: [
                { name: "c", value: 10 },
                { name: "d", value: 10 },
              ],
            },
            { name: "e", value: 10 },
          ],
        },
      ],
    };
    const next = breakback(tree, { path: ["A", "B", "c"], value: 15, holds: [["A"], ["A", "B"]] });
    expect(lines(next)).toEqual([
      "total 30",
      "  A 30",
      "    B 20",
      "      c 15",
      "      d 5",
      "    e 10",
    ]);
  });

  it("accepts a changed node whose leaves are all held when its value stays what they hold", () => {
    const held = [["华东"], ["华东", "一组", "甲"], ["华东", "一组", "乙"]];
    const next = breakback(nested, { path: ["华东", "一组"], value: 20, holds: held, unit: 1 });
    expect(plain(next)).toEqual(plain(breakback(nested, { path: [], value: 40, unit: 1 })));
    expect(lines(next)[5]).toBe("    丙 20");
    const alone = breakback(plan, {
      path: ["华南"],
      value: 400,
      holds: [
        ["华南", "赵六"],
        ["华南", "钱七"],
      ],
    });
    expect(lines(alone)).toEqual(lines(breakback(plan, { path: [], value: 1400 })));
  });

  it("accepts held nodes that take exactly the new value, leaving zero for the others", () => {
    const next = breakback(plan, {
      path: ["华东"],
      value: 500,
      holds: [["华东", "王五"]],
      unit: 1,
    });
    expect(lines(next).slice(1, 5)).toEqual([
      "  华东 500",
      "    张三 0",
      "    李四 0",
      "    王五 500",
    ]);
  });

  it("spreads over zero leaves mixed with leaves of one sign, the zero leaves keeping zero", () => {
    const negative: ValueTree = {
      children: [
        { name: "a", value: 0 },
        { name: "b", value: -2 },
      ],
    };
    expect(lines(breakback(negative, { path: [], value: -4, unit: 1 }))).toEqual([
      "total -4",
      "  a 0",
      "  b -4",
    ]);
    const positive: ValueTree = {
      children: [
        { name: "a", value: 0 },
        { name: "b", value: 2 },
      ],
    };
    expect(lines(breakback(positive, { path: [], value: 4, unit: 1 }))).toEqual([
      "total 4",
      "  a 0",
      "  b 4",
    ]);
  });

  it("splits values beyond 2^53 exactly", () => {
    const big: ValueTree = {
      children: [
        { name: "a", value: "1e20" },
        { name: "b", value: "3e20" },
      ],
    };
    expect(lines(breakback(big, { path: [], value: "1e21", unit: 1 }))).toEqual([
      "total 1000000000000000000000",
      "  a 250000000000000000000",
      "  b 750000000000000000000",
    ]);
  });

  it("finds nodes by names equal after Unicode NFC normalisation", () => {
    const tree: ValueTree = {
      children: [
        { name: "cafe\u0301", value: 1 },
        { name: "b", value: 1 },
      ],
    };
    const next = breakback(tree, { path: ["caf\u00e9"], value: 3, unit: 1 });
    expect(lines(next)).toEqual(["total 4", "  cafe\u0301 3", "  b 1"]);
    expect(lines(breakback(tree, { path: ["cafe\u0301"], value: 3, unit: 1 }))).toEqual(
      lines(next),
    );
  });

  it("accepts an inner value equal to the sum of its children", () => {
    const stated: ValueTree = {
      value: "7",
      children: [
        { name: "a", value: 3 },
        { name: "b", value: 4 },
      ],
    };
    expect(lines(breakback(stated, { path: ["a"], value: 4, unit: 1 }))).toEqual([
      "total 8",
      "  a 4",
      "  b 4",
    ]);
  });

  it("rounds the new value with the chosen rounding mode", () => {
    const options = { path: ["华南", "钱七"], value: "0.5", unit: 1, roundTotal: true } as const;
    expect(lines(breakback(plan, { ...options, rounding: "down" }))[0]).toBe("全国 1400");
  });

  it("reads a tree 256 levels deep and refuses one level more", () => {
    const chain = (levels: number): ValueTree => {
      let node: ValueTree = { name: "leaf", value: 1 };
      for (let i = 0; i < levels; i++) node = { name: `n${i}`, children: [node] };
      return node;
    };
    expect(breakback(chain(256), { path: [], value: 2 }).value.toString()).toBe("2");
    const error = expectCode(
      () => breakback(chain(257), { path: [], value: 2 }),
      "INVALID_ARGUMENT",
    );
    expect(error.message).toMatch(/deeper than 256 levels/);
    expect(error.path).toHaveLength(1 + 2 * 257);
  });

  describe("messages", () => {
    it("names the node and both sums when held nodes exceed the new value", () => {
      const error = expectCode(
        () => breakback(plan, { path: ["华东"], value: 400, holds: [["华东", "王五"]] }),
        "HOLDS_EXCEED_TOTAL",
        ["options", "value"],
      );
      expect(error.message).toMatch(
        /The held nodes below "华东" add up to 500, beyond its new value 400\./,
      );
      expect(error.details).toEqual({ held: "500", value: "400" });
      const zero = expectCode(
        () => breakback(plan, { path: ["华东"], value: 0, holds: [["华东", "王五"]] }),
        "HOLDS_EXCEED_TOTAL",
        ["options", "value"],
      );
      expect(zero.details).toEqual({ held: "500", value: "0" });
    });

    it("compares held values the other way for a negative new value", () => {
      const negative: ValueTree = {
        children: [
          { name: "a", value: -1 },
          { name: "b", value: -3 },
        ],
      };
      const error = expectCode(
        () => breakback(negative, { path: [], value: -2, holds: [["b"]], unit: 1 }),
        "HOLDS_EXCEED_TOTAL",
        ["options", "value"],
      );
      expect(error.details).toEqual({ held: "-3", value: "-2" });
      expect(lines(breakback(negative, { path: [], value: -3, holds: [["b"]], unit: 1 }))).toEqual([
        "total -3",
        "  a 0",
        "  b -3",
      ]);
    });

    it("names the held ancestor when it cannot absorb the change", () => {
      const error = expectCode(
        () => breakback(plan, { path: ["华东", "张三"], value: 1200, holds: [["华东"]] }),
        "HOLDS_EXCEED_TOTAL",
        ["options", "value"],
      );
      expect(error.message).toMatch(
        /held "华东" keeps 1,000, but "华东" \/ "张三" at its new value and the other held nodes below it add up to 1,200\./,
      );
      expect(error.details).toEqual({ held: "1200", value: "1000" });
    });

    it("says what is left over when every leaf is held", () => {
      const below = expectCode(
        () =>
          breakback(plan, {
            path: ["华南"],
            value: 1000,
            holds: [
              ["华南", "赵六"],
              ["华南", "钱七"],
            ],
          }),
        "NO_FREE_PARTS",
        ["options", "holds"],
      );
      expect(below.message).toMatch(
        /Every leaf below "华南" is held, so 600 has no leaf to go to\./,
      );
      const ancestor = expectCode(
        () =>
          breakback(plan, {
            path: ["华南", "赵六"],
            value: 300,
            holds: [["华南"], ["华南", "钱七"]],
          }),
        "NO_FREE_PARTS",
        ["options", "holds"],
      );
      expect(ancestor.message).toMatch(
        /Every leaf below held "华南" is held, so 100 has no leaf to go to\./,
      );
    });

    it("explains a remainder off the unit", () => {
      const cents: ValueTree = {
        children: [
          { name: "a", value: "0.5" },
          { name: "b", value: 1 },
        ],
      };
      const error = expectCode(
        () => breakback(cents, { path: [], value: 3, holds: [["a"]], unit: 1 }),
        "NOT_A_MULTIPLE_OF_UNIT",
        ["options", "unit"],
      );
      expect(error.message).toMatch(
        /What is left for the unheld leaves below the root, 2\.5, is not a whole multiple of the unit 1/,
      );
    });

    it("points at the first negative leaf when the leaves have both signs", () => {
      const mixed: ValueTree = {
        children: [
          { name: "a", value: 0 },
          { name: "b", value: 1 },
          { name: "c", value: -1 },
          { name: "d", value: -2 },
        ],
      };
      const error = expectCode(() => breakback(mixed, { path: [], value: 1 }), "NEGATIVE_WEIGHT", [
        "tree",
        "children",
        2,
      ]);
      expect(error.message).toMatch(
        /The leaves below the root have values of both signs \("c" is -1\)/,
      );
    });

    it("names the node a path does not reach", () => {
      const root = expectCode(() => breakback(plan, { path: ["华北"], value: 1 }), "UNKNOWN_KEY", [
        "options",
        "path",
        0,
      ]);
      expect(root.message).toMatch(/the root has no child "华北"\./);
      const inner = expectCode(
        () => breakback(plan, { path: ["华东"], value: 1, holds: [["华东", "无名"]] }),
        "UNKNOWN_KEY",
        ["options", "holds", 0, 1],
      );
      expect(inner.message).toMatch(/"华东" has no child "无名"\./);
    });

    it("refuses paths that are not arrays of names, and holds that are not an array", () => {
      for (const path of [[1], "华东", null]) {
        const error = expectCode(
          () => breakback(plan, { path: path as never, value: 1 }),
          "INVALID_ARGUMENT",
          ["options", "path"],
        );
        expect(error.message).toMatch(/A node path is an array of names from the root down/);
      }
      expectCode(
        () => breakback(plan, { path: [], value: 1, holds: [["华东"], [2] as never] }),
        "INVALID_ARGUMENT",
        ["options", "holds", 1],
      );
      const holds = expectCode(
        () => breakback(plan, { path: [], value: 1, holds: {} as never }),
        "INVALID_ARGUMENT",
        ["options", "holds"],
      );
      expect(holds.message).toMatch(/holds must be an array of paths/);
    });

    it("points at the step of a path with an invisible character", () => {
      expectCode(
        () => breakback(plan, { path: ["华东", "张\u200b三"], value: 1 }),
        "INVALID_CHARACTER",
        ["options", "path", 1],
      );
    });

    it("reads null children as a leaf", () => {
      const tree: ValueTree = {
        children: [
          { name: "a", value: 1, children: null as never },
          { name: "b", value: 1 },
        ],
      };
      expect(lines(breakback(tree, { path: [], value: 4, unit: 1 }))).toEqual([
        "total 4",
        "  a 2",
        "  b 2",
      ]);
    });

    it("refuses a change to a held node, the root included", () => {
      const error = expectCode(
        () => breakback(plan, { path: ["华东"], value: 1, holds: [["华东"]] }),
        "INVALID_ARGUMENT",
        ["options", "holds"],
      );
      expect(error.message).toMatch(/"华东" is held, so it cannot take a new value/);
      const root = expectCode(
        () => breakback(plan, { path: [], value: 1, holds: [[]] }),
        "INVALID_ARGUMENT",
        ["options", "holds"],
      );
      expect(root.message).toMatch(/the root is held/);
    });

    it("names a leaf without a value, an inner value off its children's sum and a duplicate", () => {
      const leaf = expectCode(
        () => breakback({ children: [{ name: "a" }] }, { path: [], value: 1 }),
        "INVALID_ARGUMENT",
        ["tree", "children", 0, "value"],
      );
      expect(leaf.message).toMatch(/The leaf "a" has no value\./);
      const wrong = expectCode(
        () =>
          breakback(
            {
              children: [
                {
                  name: "g",
                  value: 10,
                  children: [
                    { name: "a", value: 3 },
                    { name: "b", value: 4 },
                  ],
                },
              ],
            },
            { path: [], value: 1 },
          ),
        "INVALID_ARGUMENT",
        ["tree", "children", 0, "value"],
      );
      expect(wrong.message).toMatch(/"g" says 10 but its children add up to 7/);
      expect(wrong.details).toEqual({ stated: "10", sum: "7" });
      expectCode(
        () =>
          breakback(
            {
              children: [
                { name: "a", value: 1 },
                { name: "a", value: 2 },
              ],
            },
            { path: [], value: 1 },
          ),
        "DUPLICATE_KEY",
        ["tree", "children", "a"],
      );
    });
  });
});

describe("breakback keeps the holds and bounds a tree carries", () => {
  // 全国 → 华东 { 张三 held at 500, 李四 w3, 王五 w1 }, 华南 w1
  const org = () =>
    cascade(
      4000,
      {
        name: "全国",
        children: [
          {
            name: "华东",
            weight: 3,
            children: [
              { name: "张三", hold: 500 },
              { name: "李四", weight: 3 },
              { name: "王五", weight: 1 },
            ],
          },
          { name: "华南", weight: 1 },
        ],
      },
      { unit: 1 },
    );

  it("keeps a node held in cascade without the caller restating the hold", () => {
    const next = breakback(org(), { path: ["华东"], value: 3500, unit: 1 });
    expect(lines(next)).toEqual([
      "全国 4500",
      "  华东 3500",
      "    张三 500",
      "    李四 2250",
      "    王五 750",
      "  华南 1000",
    ]);
    expect(String(next.children[0]!.children[0]!.hold)).toBe("500");
  });

  it("adds the holds given in options to the tree's, for this call only", () => {
    const next = breakback(org(), {
      path: ["华东"],
      value: 3500,
      holds: [["华东", "王五"]],
      unit: 1,
    });
    expect(lines(next).slice(2, 5)).toEqual(["    张三 500", "    李四 2375", "    王五 625"]);
    expect(next.children[0]!.children[2]!.hold).toBeUndefined();
    const again = breakback(next, { path: ["华东"], value: 3000, unit: 1 });
    expect(String(again.children[0]!.children[0]!.value)).toBe("500");
  });

  it("refuses a new value at a node held in the tree, pointing at its hold", () => {
    const error = expectCode(
      () => breakback(org(), { path: ["华东", "张三"], value: 600, unit: 1 }),
      "INVALID_ARGUMENT",
      ["tree", "children", 0, "children", 0, "hold"],
    );
    expect(error.message).toMatch(/"华东" \/ "张三" is held at 500 in the tree.*remove its hold/);
  });

  it("reads a hold in a JSON tree: a leaf may give only its hold, and a hold must equal the value", () => {
    const tree = {
      children: [
        { name: "a", hold: 100 },
        { name: "b", value: 100 },
      ],
    };
    expect(lines(breakback(tree, { path: [], value: 300, unit: 1 }))).toEqual([
      "total 300",
      "  a 100",
      "  b 200",
    ]);
    const error = expectCode(
      () => breakback({ children: [{ name: "a", value: 1, hold: 2 }] }, { path: [], value: 3 }),
      "INVALID_ARGUMENT",
      ["tree", "children", 0, "hold"],
    );
    expect(error.message).toMatch(/is held at 2 but its value is 1/);
  });

  it("keeps leaves within their bounds, re-spreading what a bound clips", () => {
    const tree = cascade(
      1000,
      {
        children: [
          { name: "a", weight: 1, max: 300 },
          { name: "b", weight: 1 },
          { name: "c", weight: 2, min: 400 },
        ],
      },
      { unit: 1 },
    );
    expect(lines(tree)).toEqual(["total 1000", "  a 250", "  b 250", "  c 500"]);
    expect(lines(breakback(tree, { path: [], value: 2000, unit: 1 }))).toEqual([
      "total 2000",
      "  a 300",
      "  b 567",
      "  c 1133",
    ]);
    expect(lines(breakback(tree, { path: [], value: 500, unit: 1 }))).toEqual([
      "total 500",
      "  a 50",
      "  b 50",
      "  c 400",
    ]);
    expectCode(() => breakback(tree, { path: [], value: 300, unit: 1 }), "INFEASIBLE_BOUNDS", [
      "tree",
    ]);
  });

  it("refuses a change that takes a bounded inner node past its bound, pointing at the bound", () => {
    const tree = {
      children: [
        {
          name: "g",
          max: 500,
          children: [
            { name: "x", value: 200 },
            { name: "y", value: 200 },
          ],
        },
        { name: "h", value: 600 },
      ],
    };
    const error = expectCode(
      () => breakback(tree, { path: [], value: 2000, unit: 1 }),
      "INFEASIBLE_BOUNDS",
      ["tree", "children", 0, "max"],
    );
    expect(error.message).toMatch(/takes "g" to 800, above its max 500/);
    expect(lines(breakback(tree, { path: ["h"], value: 900, unit: 1 }))[1]).toBe("  g 400");
  });

  it("refuses a misspelt node field, naming the field meant", () => {
    const error = expectCode(
      () => breakback({ children: [{ name: "a", valeu: 1 } as never] }, { path: [], value: 1 }),
      "INVALID_ARGUMENT",
      ["tree", "children", 0, "valeu"],
    );
    expect(error.message).toContain('Did you mean "value"?');
  });

  it("never moves a node held in cascade, whatever node takes whatever new value", () => {
    const leaf = fc.record({
      weight: fc.integer({ min: 0, max: 9 }),
      hold: fc.option(fc.integer({ min: 0, max: 50 }), { freq: 3 }),
    });
    const group = fc.record({
      weight: fc.integer({ min: 1, max: 9 }),
      held: fc.boolean(),
      leaves: fc.array(leaf, { minLength: 1, maxLength: 4 }),
    });
    fc.assert(
      fc.property(
        fc.integer({ min: 1000, max: 100_000 }),
        fc.array(group, { minLength: 1, maxLength: 4 }),
        fc.nat(),
        fc.integer({ min: 0, max: 200_000 }),
        (total, groups, pick, value) => {
          const tree = {
            children: groups.map((g, i) => ({
              name: `g${i}`,
              weight: g.weight,
              ...(g.held && i < groups.length - 1
                ? { hold: Math.floor(total / (2 * groups.length)) }
                : {}),
              children: g.leaves.map((l, j) => ({
                name: `l${j}`,
                weight: l.weight,
                // The last group and the last leaf of a group are never held: each has a free part.
                ...(l.hold === null || j === g.leaves.length - 1 ? {} : { hold: l.hold }),
              })),
            })),
          };
          let plan: TreeNode;
          try {
            plan = cascade(total, tree, { unit: 1 });
          } catch {
            fc.pre(false);
            return;
          }
          const nodes = flattenTree(plan);
          const free = nodes.filter((row) => row.hold === undefined);
          const target = free[pick % free.length]!;
          let next: TreeNode;
          try {
            next = breakback(plan, { path: target.path, value, unit: 1 });
          } catch (error) {
            expect(["HOLDS_EXCEED_TOTAL", "NO_FREE_PARTS"]).toContain(
              (error as { code?: string }).code,
            );
            return;
          }
          expect(exactEverywhere(next)).toBe(true);
          const after = flattenTree(next);
          nodes.forEach((row, i) => {
            if (row.hold !== undefined) {
              expect([after[i]!.value.toString(), after[i]!.hold?.toString()]).toEqual([
                row.value.toString(),
                row.hold.toString(),
              ]);
            }
          });
          expect(
            after.find((row) => row.path.join("/") === target.path.join("/"))!.value.toNumber(),
          ).toBe(value);
        },
      ),
      { numRuns: runs(300) },
    );
  });

  it("never takes a bounded leaf outside its bounds", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            value: fc.integer({ min: 0, max: 1000 }),
            min: fc.option(fc.integer({ min: 0, max: 500 })),
            span: fc.option(fc.integer({ min: 0, max: 1000 })),
          }),
          { minLength: 1, maxLength: 6 },
        ),
        fc.integer({ min: 0, max: 10_000 }),
        (leaves, value) => {
          const tree = {
            children: leaves.map((leaf, i) => ({
              name: `l${i}`,
              value: leaf.value,
              ...(leaf.min === null ? {} : { min: leaf.min }),
              ...(leaf.span === null ? {} : { max: (leaf.min ?? 0) + leaf.span }),
            })),
          };
          let next: TreeNode;
          try {
            next = breakback(tree, { path: [], value, unit: 1 });
          } catch (error) {
            expect((error as { code?: string }).code).toBe("INFEASIBLE_BOUNDS");
            return;
          }
          expect(next.value.toNumber()).toBe(value);
          next.children.forEach((child, i) => {
            const { min, span } = leaves[i]!;
            if (min !== null) expect(child.value.toNumber()).toBeGreaterThanOrEqual(min);
            if (span !== null)
              expect(child.value.toNumber()).toBeLessThanOrEqual((min ?? 0) + span);
            expect(child.min?.toNumber() ?? null).toBe(min);
          });
        },
      ),
      { numRuns: runs(300) },
    );
  });
});
