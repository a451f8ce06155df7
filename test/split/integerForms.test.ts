import fc from "fast-check";
import type { CascadeNode, Decimal, TreeNode } from "targetree";
import { allocate, cascade, toDecimal } from "targetree";
import { describe, expect, it } from "vitest";
import { deepFreeze, expectBareRecord, expectCode } from "../_support/errors.js";
import { runs } from "../_support/runs.js";

/** A Decimal as an integer amount at `scale` decimal places, exactly (it must be one). */
const atScale = (value: Decimal, scale: number): bigint => {
  const scaled = value.times(toDecimal(10).pow(scale));
  expect(scaled.isInteger()).toBe(true);
  return BigInt(scaled.toFixed(0));
};

const units = fc.constantFrom<string | number>("0.01", 1, "0.05", "万", "0.001", "2.5");

describe("allocate in integer units", () => {
  it("gives minor units and their scale: cents for the default unit", () => {
    expect(allocate(1, [1, 1, 1], { as: "units" })).toEqual({
      parts: [34, 33, 33],
      total: 100,
      scale: 2,
    });
    expect(allocate("100万", { 华东: 2, 华南: 1 }, { unit: "万", as: "bigint" })).toEqual({
      parts: Object.assign(Object.create(null), { 华东: 670000n, 华南: 330000n }),
      total: 1000000n,
      scale: 0,
    });
  });

  it("keeps the caller's key order in a null-prototype record", () => {
    const { parts } = allocate(3, { z: 1, a: 1, m: 1 }, { unit: 1, as: "units" });
    expect(Object.keys(parts)).toEqual(["z", "a", "m"]);
    expectBareRecord(parts);
  });

  it("gives the unit's own decimal places as the scale (0.05 → 2, 2.5 → 1, 万 → 0)", () => {
    expect(allocate(10, [1, 1, 1], { unit: "0.05", as: "units" })).toEqual({
      parts: [335, 335, 330],
      total: 1000,
      scale: 2,
    });
    expect(allocate(10, [1, 1], { unit: "2.5", as: "units" }).scale).toBe(1);
  });

  it("mirrors a negative total and never gives −0", () => {
    const { parts } = allocate(-1, [1, 0, 1], { unit: 1, as: "units" });
    expect(parts).toEqual([-1, 0, 0]);
    expect(parts.some((part) => Object.is(part, -0))).toBe(false);
  });

  it("refuses numbers past 2^53 − 1 and gives them as bigints on request", () => {
    expectCode(() => allocate("1e20", [1, 1], { as: "units" }), "NUMBER_TOO_LARGE", [
      "options",
      "as",
    ]);
    expect(allocate("1e20", [1, 1], { as: "bigint" }).parts).toEqual([
      5000000000000000000000n,
      5000000000000000000000n,
    ]);
  });

  it("refuses an unknown form", () => {
    expectCode(() => allocate(1, [1], { as: "cents" as never }), "INVALID_ARGUMENT", [
      "options",
      "as",
    ]);
  });

  it("does not change frozen arguments", () => {
    const weights = deepFreeze({ a: 1, b: 2 });
    const options = deepFreeze({ as: "units" as const, holds: { a: 10 } });
    expect(allocate(100, weights, options).parts).toEqual(
      Object.assign(Object.create(null), { a: 1000, b: 9000 }),
    );
  });

  it("gives exactly the Decimal parts, scaled, with holds and bounds (property)", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }),
        fc.array(fc.oneof(fc.nat({ max: 1000 }), fc.constantFrom("0.5", "12.25", "1e-3")), {
          minLength: 1,
          maxLength: 30,
        }),
        units,
        fc.boolean(),
        (count, weights, unit, bounded) => {
          const options = {
            unit,
            roundTotal: true,
            ...(bounded && count >= 0n ? { max: count.toString() } : {}),
          };
          const total = `${count}e-2`;
          const decimals = allocate(total, weights, options);
          const numbers = allocate(total, weights, { ...options, as: "units" });
          const bigints = allocate(total, weights, { ...options, as: "bigint" });
          expect(bigints.scale).toBe(numbers.scale);
          const scale = numbers.scale;
          expect(decimals.map((part) => atScale(part, scale))).toEqual(bigints.parts);
          expect(numbers.parts.map(BigInt)).toEqual(bigints.parts);
          expect(bigints.parts.reduce((a, b) => a + b, 0n)).toBe(bigints.total);
          expect(BigInt(numbers.total)).toBe(bigints.total);
          expect(numbers.parts.some((part) => Object.is(part, -0))).toBe(false);
        },
      ),
      { numRuns: runs(300) },
    );
  });
});

/** The values of a tree, depth first. */
const valuesOf = <V>(node: TreeNode<V>): V[] => [
  node.value,
  ...node.children.flatMap((child) => valuesOf(child)),
];
const pathsOf = <V>(node: TreeNode<V>): string[] => [
  node.path.join("/"),
  ...node.children.flatMap((child) => pathsOf(child)),
];

describe("cascade in integer units", () => {
  const tree: CascadeNode = {
    name: "全国",
    children: [
      {
        name: "华东",
        share: "60%",
        children: [
          { name: "张三", weight: 3 },
          { name: "李四", weight: 2 },
        ],
      },
      { name: "华南", share: "40%", split: "even", children: [{ name: "王五" }, { name: "赵六" }] },
    ],
  };

  it("gives the tree with integer values and one scale", () => {
    const { tree: result, scale } = cascade("1000万", tree, { unit: 1, as: "units" });
    expect(scale).toBe(0);
    expect(valuesOf(result)).toEqual([
      10000000, 6000000, 3600000, 2400000, 4000000, 2000000, 2000000,
    ]);
  });

  it("puts every value at the finest unit's scale when levels use different units", () => {
    const { tree: result, scale } = cascade(
      "100",
      {
        children: [
          { name: "a", weight: 1, children: [{ name: "x" }, { name: "y" }, { name: "z" }] },
          { name: "b", weight: 2 },
        ],
      },
      { unit: 1, levels: [{}, { unit: "0.01" }], as: "bigint" },
    );
    expect(scale).toBe(2);
    expect(valuesOf(result)).toEqual([10000n, 3300n, 1100n, 1100n, 1100n, 6700n]);
  });

  it("keeps hold, min and max as the Decimals given", () => {
    const { tree: result } = cascade(
      100,
      {
        children: [
          { name: "a", weight: 1, hold: 10 },
          { name: "b", weight: 1, min: 50 },
        ],
      },
      { as: "units" },
    );
    expect(result.children[0]!.hold!.toString()).toBe("10");
    expect(result.children[0]!.value).toBe(1000);
    expect(result.children[1]!.min!.toString()).toBe("50");
  });

  it("gives exactly the Decimal tree's values, scaled (property)", () => {
    const leaf = fc.record({
      name: fc.constantFrom("a", "b", "c", "d"),
      weight: fc.oneof(fc.nat({ max: 9 }), fc.constant("2.5")),
    });
    const node: fc.Arbitrary<CascadeNode> = fc.letrec<{ node: CascadeNode }>((tie) => ({
      node: fc.oneof(
        { depthSize: "small", withCrossShrink: true },
        leaf,
        fc.record({
          name: fc.constantFrom("a", "b", "c", "d"),
          weight: fc.nat({ max: 9 }),
          // A finer unit below (a node's unit is its children's; it is not inherited).
          unit: fc.constant("0.001"),
          children: fc.uniqueArray(tie("node"), {
            minLength: 1,
            maxLength: 4,
            selector: (child) => child.name,
          }),
        }),
      ),
    })).node;
    fc.assert(
      fc.property(
        fc.bigInt({ min: -10_000_000n, max: 10_000_000n }),
        fc.uniqueArray(node, { minLength: 1, maxLength: 4, selector: (child) => child.name }),
        fc.constantFrom<string | number>(1, "万"),
        (cents, children, unit) => {
          const total = `${cents * 10000n}`;
          const options = { unit };
          const root = { name: "root", children };
          const decimals = cascade(total, root, options);
          const numbers = cascade(total, root, { ...options, as: "units" });
          const bigints = cascade(total, root, { ...options, as: "bigint" });
          expect(numbers.scale).toBe(bigints.scale);
          expect(valuesOf(decimals).map((value) => atScale(value, bigints.scale))).toEqual(
            valuesOf(bigints.tree),
          );
          expect(valuesOf(numbers.tree).map(BigInt)).toEqual(valuesOf(bigints.tree));
          expect(pathsOf(numbers.tree)).toEqual(pathsOf(decimals));
          const sums = (node: TreeNode<bigint>): void => {
            if (node.children.length === 0) return;
            expect(node.children.reduce((sum, child) => sum + child.value, 0n)).toBe(node.value);
            node.children.forEach(sums);
          };
          sums(bigints.tree);
        },
      ),
      { numRuns: runs(200) },
    );
  });
});

describe("cascade's node reading", () => {
  it("reads own fields only: a field planted on Object.prototype or a class prototype is no weight", () => {
    class Node {
      constructor(readonly name: string) {}
    }
    Object.defineProperty(Node.prototype, "weight", { value: 9, enumerable: true });
    const plain = cascade(
      90,
      { children: [{ name: "a" }, { name: "b" }, { name: "c" }] },
      { unit: 1 },
    );
    const withClass = cascade(
      90,
      { children: [new Node("a"), new Node("b"), { name: "c" }] as CascadeNode[] },
      { unit: 1 },
    );
    expect(valuesOf(withClass).map(String)).toEqual(valuesOf(plain).map(String));
    expect(valuesOf(plain).map(String)).toEqual(["90", "30", "30", "30"]);
    const polluted = Object.prototype as Record<string, unknown>;
    try {
      polluted.share = "50%";
      const even = cascade(
        90,
        { children: [{ name: "a" }, { name: "b" }, { name: "c" }] },
        { unit: 1 },
      );
      expect(valuesOf(even).map(String)).toEqual(["90", "30", "30", "30"]);
    } finally {
      delete polluted.share;
    }
  });
});
