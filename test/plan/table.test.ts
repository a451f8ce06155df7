import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildTable, type TableNode, type TableRow } from "../../src/plan/_lib/table.js";
import { deepFreeze, expectCode } from "../_support/errors.js";
import { runs } from "../_support/runs.js";

const sum = (values: readonly bigint[]): bigint => values.reduce((a, b) => a + b, 0n);

/** Largest remainder (ties to the earlier part), as the cascade and the period split give. */
function largestRemainder(units: bigint, weights: readonly bigint[]): bigint[] {
  const negative = units < 0n;
  const amount = negative ? -units : units;
  const total = sum(weights);
  const parts = weights.map((weight) => (amount * weight) / total);
  const rests = weights.map((weight, i) => amount * weight - parts[i]! * total);
  let left = amount - sum(parts);
  const order = weights
    .map((_, i) => i)
    .sort((a, b) => (rests[b]! > rests[a]! ? 1 : rests[b]! < rests[a]! ? -1 : a - b));
  for (const i of order) {
    if (left <= 0n) break;
    parts[i]! += 1n;
    left -= 1n;
  }
  return negative ? parts.map((part) => (part === 0n ? 0n : -part)) : parts;
}

interface Shape {
  readonly weight: number;
  readonly children: readonly Shape[];
}

/** A tree of targets from a shape of weights: every node's children split it by largest remainder. */
function treeOf(target: bigint, shape: Shape): TableNode {
  if (shape.children.length === 0) return { target };
  const weights = shape.children.map((child) => BigInt(child.weight));
  const targets = largestRemainder(
    target,
    weights.every((w) => w === 0n) ? weights.map(() => 1n) : weights,
  );
  return { target, children: shape.children.map((child, i) => treeOf(targets[i]!, child)) };
}

function* rowsOf(row: TableRow): Generator<TableRow> {
  yield row;
  for (const child of row.children) yield* rowsOf(child);
}

const floorDivide = (value: bigint, divisor: bigint): bigint => {
  const quotient = value / divisor;
  return value % divisor !== 0n && value < 0n !== divisor < 0n ? quotient - 1n : quotient;
};

/** Every problem with a table, as text: an empty list means every guarantee holds. */
function problemsOf(table: TableRow, grains: readonly (readonly number[])[]): string[] {
  const problems: string[] = [];
  for (const row of rowsOf(table)) {
    if (sum(row.periods) !== row.target)
      problems.push(`periods of ${row.target} sum to ${sum(row.periods)}`);
    grains.forEach((sizes, g) => {
      let at = 0;
      sizes.forEach((size, k) => {
        const expected = sum(row.periods.slice(at, at + size));
        if (row.grains[g]![k] !== expected) problems.push(`grain ${g} period ${k} is not a sum`);
        at += size;
      });
    });
    if (row.children.length === 0) continue;
    row.periods.forEach((value, j) => {
      const children = sum(row.children.map((child) => child.periods[j]!));
      if (children !== value)
        problems.push(`period ${j}: children sum to ${children}, not ${value}`);
      for (const child of row.children) {
        if (row.target === 0n) continue;
        const numerator = child.target * value;
        const floor = floorDivide(numerator, row.target);
        const ceiling = numerator % row.target === 0n ? floor : floor + 1n;
        const cell = child.periods[j]!;
        if (cell !== floor && cell !== ceiling)
          problems.push(`cell ${cell} is not ⌊${numerator}/${row.target}⌋ or ⌈…⌉`);
      }
    });
  }
  return problems;
}

const shapeArbitrary: fc.Arbitrary<Shape> = fc.letrec<{ node: Shape }>((tie) => ({
  node: fc.record({
    weight: fc.oneof(fc.constant(0), fc.constant(1), fc.nat({ max: 40 })),
    children: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      fc.constant([]),
      fc.array(tie("node"), { minLength: 1, maxLength: 5 }),
    ),
  }),
})).node;

const grainOf = (count: number, cut: readonly number[]): number[] => {
  const sizes: number[] = [];
  let start = 0;
  for (const at of [...new Set(cut.map((c) => 1 + (c % Math.max(1, count - 1))))].sort(
    (a, b) => a - b,
  )) {
    if (at > start && at < count) {
      sizes.push(at - start);
      start = at;
    }
  }
  sizes.push(count - start);
  return sizes;
};

describe("buildTable", () => {
  it("splits each node's periods over its children, exact both ways (the documented example)", () => {
    const table = buildTable(
      { target: 100n, children: [{ target: 70n }, { target: 30n }] },
      [50n, 30n, 20n],
      { grains: [[2, 1]] },
    );
    expect(table.children.map((row) => row.periods.join(" "))).toEqual(["35 21 14", "15 9 6"]);
    expect(table.children.map((row) => row.grains[0]!.join(" "))).toEqual(["56 14", "24 6"]);
  });

  it("rounds each child's periods to the floor or the ceiling of its exact share", () => {
    // 1,000 over 3 reps (333, 333, 334) and 12 months of working days.
    const reps = [333n, 333n, 334n];
    const months = largestRemainder(1000n, [
      21n,
      19n,
      22n,
      21n,
      20n,
      22n,
      23n,
      21n,
      22n,
      18n,
      22n,
      22n,
    ]);
    const table = buildTable(
      { target: 1000n, children: reps.map((target) => ({ target })) },
      months,
      { grains: [[3, 3, 3, 3]] },
    );
    expect(problemsOf(table, [[3, 3, 3, 3]])).toEqual([]);
    expect(table.periods).toEqual(months);
    expect(table.grains[0]).toEqual([245n, 249n, 261n, 245n]);
    // January: 83 over 333, 333, 334 is 27.6, 27.6, 27.7 exactly.
    expect(table.children.map((row) => row.periods[0])).toEqual([28n, 27n, 28n]);
    expect(table.children.map((row) => row.grains[0]!.join(" "))).toEqual([
      "82 83 86 82",
      "81 83 88 81",
      "82 83 87 82",
    ]);
  });

  it("gives a zero child zero in every period, and a zero tree zeros everywhere", () => {
    const table = buildTable(
      {
        target: 10n,
        children: [{ target: 0n }, { target: 10n, children: [{ target: 0n }, { target: 10n }] }],
      },
      [3n, 7n],
    );
    expect(table.children[0]!.periods).toEqual([0n, 0n]);
    expect(table.children[1]!.children.map((row) => row.periods)).toEqual([
      [0n, 0n],
      [3n, 7n],
    ]);
    const zero = buildTable({ target: 0n, children: [{ target: 0n }, { target: 0n }] }, [
      0n,
      0n,
      0n,
    ]);
    expect([...rowsOf(zero)].flatMap((row) => row.periods)).toEqual(new Array(9).fill(0n));
  });

  it("hands a single child its parent's periods, in a fresh array", () => {
    const periods = [4n, 5n, 6n];
    const table = buildTable(
      { target: 15n, children: [{ target: 15n, children: [{ target: 15n }] }] },
      periods,
    );
    const child = table.children[0]!;
    expect(child.periods).toEqual(periods);
    expect(child.children[0]!.periods).toEqual(periods);
    expect(child.periods).not.toBe(table.periods);
    expect(table.periods).not.toBe(periods);
  });

  it("rounds a negative tree as the mirror image of the positive one", () => {
    const positive = treeOf(12_345n, {
      weight: 1,
      children: [
        {
          weight: 3,
          children: [
            { weight: 1, children: [] },
            { weight: 2, children: [] },
          ],
        },
        { weight: 5, children: [] },
        { weight: 0, children: [] },
      ],
    });
    const negate = (node: TableNode): TableNode => ({
      target: -node.target,
      ...(node.children ? { children: node.children.map(negate) } : {}),
    });
    const months = largestRemainder(12_345n, [31n, 28n, 31n, 30n]);
    const up = buildTable(positive, months);
    const down = buildTable(
      negate(positive),
      months.map((v) => -v),
    );
    const flip = (row: TableRow): unknown => ({
      periods: row.periods.map((v) => (v === 0n ? 0n : -v)),
      children: row.children.map(flip),
    });
    const shape = (row: TableRow): unknown => ({
      periods: row.periods,
      children: row.children.map(shape),
    });
    expect(shape(down)).toEqual(flip(up));
    expect(problemsOf(down, [])).toEqual([]);
  });

  it("takes floors and ceilings for children of mixed signs too", () => {
    const table = buildTable({ target: 100n, children: [{ target: 157n }, { target: -57n }] }, [
      33n,
      33n,
      34n,
    ]);
    expect(problemsOf(table, [])).toEqual([]);
  });

  it("spreads a zero parent with children of mixed signs evenly, exact both ways", () => {
    const table = buildTable({ target: 0n, children: [{ target: 5n }, { target: -5n }] }, [
      0n,
      0n,
      0n,
    ]);
    expect(table.children.map((row) => row.periods)).toEqual([
      [2n, 2n, 1n],
      [-2n, -2n, -1n],
    ]);
  });

  it("keeps the caller's nodes, depths and order, and never changes its (frozen) arguments", () => {
    const tree = deepFreeze({
      target: 9n,
      name: "公司",
      children: [
        { target: 4n, name: "华东" },
        { target: 5n, name: "华南", children: [{ target: 5n, name: "张伟" }] },
      ],
    });
    const periods = deepFreeze([2n, 3n, 4n]);
    const options = deepFreeze({ grains: [[1, 2]] });
    const table = buildTable(tree, periods, options);
    expect(table.node).toBe(tree);
    expect(table.children[1]!.children[0]!.node.name).toBe("张伟");
    expect([...rowsOf(table)].map((row) => row.depth)).toEqual([0, 1, 1, 2]);
    expect(periods).toEqual([2n, 3n, 4n]);
    expect(table.grains).toEqual([[2n, 7n]]);
  });

  it("builds a chain 10,000 deep without running out of stack", () => {
    let node: TableNode = { target: 12n };
    for (let depth = 0; depth < 10_000; depth++) node = { target: 12n, children: [node] };
    let row = buildTable(node, [5n, 7n]);
    while (row.children.length > 0) row = row.children[0]!;
    expect(row.periods).toEqual([5n, 7n]);
    expect(row.depth).toBe(10_000);
  });

  it("builds 10 regions × 1,000 reps × 12 months, exact both ways", () => {
    const shape: Shape = {
      weight: 1,
      children: Array.from({ length: 10 }, (_, r) => ({
        weight: 10 + r,
        children: Array.from({ length: 1000 }, (_, i) => ({
          weight: 1 + ((i * 7919 + r) % 997),
          children: [],
        })),
      })),
    };
    const tree = treeOf(12_000_000_000n, shape);
    const months = largestRemainder(12_000_000_000n, [
      21n,
      19n,
      22n,
      21n,
      20n,
      22n,
      23n,
      21n,
      22n,
      18n,
      22n,
      22n,
    ]);
    const started = performance.now();
    const table = buildTable(tree, months, { grains: [[3, 3, 3, 3]] });
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(problemsOf(table, [[3, 3, 3, 3]])).toEqual([]);
  });

  describe("properties", () => {
    it("is exact both ways at every level and grain, every cell the floor or ceiling of its share", () => {
      fc.assert(
        fc.property(
          fc.bigInt({ min: -(10n ** 10n), max: 10n ** 10n }),
          shapeArbitrary,
          fc.array(fc.oneof(fc.constant(0), fc.constant(5), fc.nat({ max: 31 })), {
            minLength: 1,
            maxLength: 14,
          }),
          fc.array(fc.nat(), { maxLength: 4 }),
          (target, shape, dayWeights, cut) => {
            const weights = dayWeights.every((w) => w === 0)
              ? dayWeights.map(() => 1n)
              : dayWeights.map(BigInt);
            const periods = largestRemainder(target, weights);
            const grains = [grainOf(periods.length, cut), [periods.length]];
            const table = buildTable(treeOf(target, shape), periods, { grains });
            expect(problemsOf(table, grains)).toEqual([]);
          },
        ),
        { numRuns: runs(300) },
      );
    });

    it("with equal weights everywhere, every cell within one unit of its share", () => {
      fc.assert(
        fc.property(
          fc.bigInt({ min: 0n, max: 10n ** 7n }),
          fc.integer({ min: 1, max: 30 }),
          fc.integer({ min: 1, max: 30 }),
          (target, children, months) => {
            const shape: Shape = {
              weight: 1,
              children: Array.from({ length: children }, () => ({ weight: 1, children: [] })),
            };
            const periods = largestRemainder(target, new Array<bigint>(months).fill(1n));
            const table = buildTable(treeOf(target, shape), periods);
            expect(problemsOf(table, [])).toEqual([]);
          },
        ),
        { numRuns: runs(200) },
      );
    });
  });

  describe("bad input", () => {
    const good = { target: 10n, children: [{ target: 4n }, { target: 6n }] };

    it("refuses a node without a bigint target, with the path to it", () => {
      expectCode(() => buildTable({ target: 10 } as never, [10n]), "INVALID_ARGUMENT", [
        "tree",
        "target",
      ]);
      expectCode(
        () =>
          buildTable({ target: 10n, children: [{ target: 4n }, { target: "6" }] } as never, [10n]),
        "INVALID_ARGUMENT",
        ["tree", "children", 1, "target"],
      );
      const inherited = Object.create({ target: 10n }) as TableNode;
      expectCode(() => buildTable(inherited, [10n]), "INVALID_ARGUMENT", ["tree", "target"]);
    });

    it("refuses a node that is not a record, and children that are not an array", () => {
      expectCode(() => buildTable(null as never, [1n]), "INVALID_ARGUMENT", ["tree"]);
      expectCode(() => buildTable(new Map() as never, [1n]), "INVALID_ARGUMENT", ["tree"]);
      expectCode(
        () => buildTable({ target: 1n, children: [5] } as never, [1n]),
        "INVALID_ARGUMENT",
        ["tree", "children", 0],
      );
      expectCode(
        () => buildTable({ target: 1n, children: { a: { target: 1n } } } as never, [1n]),
        "INVALID_ARGUMENT",
        ["tree", "children"],
      );
    });

    it("refuses children that do not sum to their parent, naming both sums", () => {
      const error = expectCode(
        () =>
          buildTable(
            { target: 10n, children: [{ target: 4n, children: [{ target: 3n }] }, { target: 6n }] },
            [10n],
          ),
        "INVALID_ARGUMENT",
        ["tree", "children", 0, "children"],
      );
      expect(error.message).toMatch(/sum to 3 units, not to their parent's 4/);
    });

    it("refuses a node that appears twice", () => {
      const rep = { target: 5n };
      expectCode(
        () => buildTable({ target: 10n, children: [rep, rep] }, [10n]),
        "INVALID_ARGUMENT",
        ["tree", "children", 1],
      );
    });

    it("refuses periods that are empty, not bigints, or do not sum to the top target", () => {
      expectCode(() => buildTable(good, []), "INVALID_ARGUMENT", ["periods"]);
      expectCode(() => buildTable(good, "10" as never), "INVALID_ARGUMENT", ["periods"]);
      expectCode(() => buildTable(good, [4n, 6] as never), "INVALID_ARGUMENT", ["periods", 1]);
      const error = expectCode(() => buildTable(good, [4n, 5n]), "INVALID_ARGUMENT", ["periods"]);
      expect(error.message).toMatch(/sum to 9 units, not to the top node's target 10/);
    });

    it("refuses grains that do not cover the periods, and unknown options", () => {
      expectCode(() => buildTable(good, [5n, 5n], { grains: [[1]] }), "INVALID_ARGUMENT", [
        "options",
        "grains",
        0,
      ]);
      expectCode(() => buildTable(good, [5n, 5n], { grains: [[1, 0, 1]] }), "INVALID_ARGUMENT", [
        "options",
        "grains",
        0,
        1,
      ]);
      expectCode(() => buildTable(good, [5n, 5n], { grains: [[]] }), "INVALID_ARGUMENT", [
        "options",
        "grains",
        0,
      ]);
      expectCode(() => buildTable(good, [5n, 5n], { grains: 2 } as never), "INVALID_ARGUMENT", [
        "options",
        "grains",
      ]);
      const error = expectCode(
        () => buildTable(good, [5n, 5n], { grain: [[2]] } as never),
        "UNKNOWN_OPTION",
        ["options", "grain"],
      );
      expect(error.message).toMatch(/Did you mean "grains"\?/);
    });

    it("refuses a table of more than 20,000,000 cells before any work", () => {
      const reps = Array.from({ length: 2001 }, () => ({ target: 0n }));
      const periods = new Array<bigint>(10_000).fill(0n);
      const error = expectCode(
        () => buildTable({ target: 0n, children: reps }, periods),
        "INVALID_ARGUMENT",
        ["tree"],
      );
      expect(error.message).toMatch(/20,020,000 node × period cells/);
    });
  });
});
