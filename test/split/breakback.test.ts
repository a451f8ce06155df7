import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Decimal } from "../../src/_lib/decimal.js";
import type { TreeNode } from "../../src/split/_lib/tree.js";
import type { ValueTree } from "../../src/split/breakback.js";
import { breakback } from "../../src/split/breakback.js";
import { cascade } from "../../src/split/cascade.js";
import { flattenTree } from "../../src/split/flattenTree.js";
import { runs } from "../_support/runs.js";
import { deepFreeze, expectError } from "./_helpers.js";

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
    expectError(
      () => breakback(plan, { path: [], value: "0.5", unit: 1 }),
      "NOT_A_MULTIPLE_OF_UNIT",
      ["value"],
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
      expectError(() => breakback(plan, { path: ["华北"], value: 1 }), "UNKNOWN_KEY", ["path", 0]);
      expectError(
        () => breakback(plan, { path: ["华东"], value: 1, holds: [["华东", "无名"]] }),
        "UNKNOWN_KEY",
        ["holds", 0, 1],
      );
    });

    it("throws HOLDS_EXCEED_TOTAL when held leaves exceed the new value", () => {
      const error = expectError(
        () => breakback(plan, { path: ["华东"], value: 400, holds: [["华东", "王五"]] }),
        "HOLDS_EXCEED_TOTAL",
      );
      expect(error.message).toContain("500");
    });

    it("throws HOLDS_EXCEED_TOTAL when a held ancestor cannot absorb the change", () => {
      expectError(
        () => breakback(plan, { path: ["华东", "张三"], value: 1200, holds: [["华东"]] }),
        "HOLDS_EXCEED_TOTAL",
      );
    });

    it("throws NO_FREE_PARTS when every leaf below is held", () => {
      expectError(
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
      expectError(
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
      expectError(
        () => breakback(plan, { path: ["华东"], value: 1, holds: [["华东"]] }),
        "INVALID_ARGUMENT",
        ["holds"],
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
      const error = expectError(
        () => breakback(wrong, { path: [], value: 1 }),
        "INVALID_ARGUMENT",
        ["tree", "value"],
      );
      expect(error.message).toContain("7");
    });

    it("throws INVALID_ARGUMENT for a malformed tree, path or holds", () => {
      expectError(
        () => breakback({ children: [{ name: "a" }] }, { path: [], value: 1 }),
        "INVALID_ARGUMENT",
        ["tree", "children", 0, "value"],
      );
      expectError(
        () => breakback({ children: [{ value: 1 }] }, { path: [], value: 1 }),
        "INVALID_ARGUMENT",
        ["tree", "children", 0, "name"],
      );
      expectError(() => breakback(plan, { path: "华东" as never, value: 1 }), "INVALID_ARGUMENT", [
        "path",
      ]);
      expectError(
        () => breakback(plan, { path: [], value: 1, holds: "华东" as never }),
        "INVALID_ARGUMENT",
        ["holds"],
      );
      expectError(() => breakback(plan, undefined as never), "INVALID_ARGUMENT", ["path"]);
    });

    it("throws DUPLICATE_KEY, INVALID_NUMBER and NEGATIVE_WEIGHT for bad trees", () => {
      expectError(
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
      expectError(
        () => breakback({ children: [{ name: "a", value: "x" }] }, { path: [], value: 1 }),
        "INVALID_NUMBER",
        ["tree", "children", 0, "value"],
      );
      expectError(
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
      expectError(
        () => breakback({ children: [{ name: "a\ufeff", value: 1 }] }, { path: [], value: 1 }),
        "INVALID_CHARACTER",
      );
      expectError(() => breakback(plan, { path: ["华\u200b东"], value: 1 }), "INVALID_CHARACTER");
    });

    it("throws NOT_A_MULTIPLE_OF_UNIT when held values are off the unit", () => {
      const cents: ValueTree = {
        children: [
          { name: "a", value: "0.5" },
          { name: "b", value: 1 },
        ],
      };
      expectError(
        () => breakback(cents, { path: [], value: 3, holds: [["a"]], unit: 1 }),
        "NOT_A_MULTIPLE_OF_UNIT",
        ["unit"],
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
