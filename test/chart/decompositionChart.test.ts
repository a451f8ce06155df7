import fc from "fast-check";
import { buildPlan, type DecompositionCell, decompositionChart } from "targetree";
import { describe, expect, it } from "vitest";
import { type Rect, squarify } from "../../src/chart/_lib/treemap.js";
import { deepFreeze, expectCode } from "../_support/errors.js";
import { runs } from "../_support/runs.js";
import { dataset, smallPlan, smallTracking } from "./_fixtures.js";

const cells = (spec: unknown) => dataset<DecompositionCell>(spec, "nodes");
const area = (rect: Rect): number => (rect.x1 - rect.x0) * (rect.y1 - rect.y0);
const overlap = (a: Rect, b: Rect): number =>
  Math.max(0, Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0)) *
  Math.max(0, Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0));

/** Checks that `pieces` tile `parent` with areas in proportion to `weights`. */
function expectTiling(parent: Rect, pieces: readonly Rect[], weights: readonly number[]): void {
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  const whole = area(parent);
  const tolerance = 1e-9 * Math.max(1, whole);
  pieces.forEach((piece, k) => {
    expect(piece.x0).toBeGreaterThanOrEqual(parent.x0 - 1e-9);
    expect(piece.y0).toBeGreaterThanOrEqual(parent.y0 - 1e-9);
    expect(piece.x1).toBeLessThanOrEqual(parent.x1 + 1e-9);
    expect(piece.y1).toBeLessThanOrEqual(parent.y1 + 1e-9);
    expect(piece.x1).toBeGreaterThanOrEqual(piece.x0);
    expect(piece.y1).toBeGreaterThanOrEqual(piece.y0);
    if (total > 0)
      expect(Math.abs(area(piece) - (whole * weights[k]!) / total)).toBeLessThan(1e-6 * whole);
    for (let j = k + 1; j < pieces.length; j++)
      expect(overlap(piece, pieces[j]!)).toBeLessThan(tolerance);
  });
  if (total > 0) {
    expect(Math.abs(pieces.reduce((sum, piece) => sum + area(piece), 0) - whole)).toBeLessThan(
      1e-6 * whole,
    );
  }
}

describe("decompositionChart", () => {
  it("cuts the chart into rectangles in proportion to the targets, each level tiling its parent", () => {
    const plan = smallPlan();
    const drawn = cells(decompositionChart(plan, { width: 600, height: 400 }));
    expect(drawn.map((cell) => [cell.node, cell.leaf, cell.exact])).toEqual([
      ["公司", false, "1200000"],
      ["公司/华东", false, "800000"],
      ["公司/华东/张伟", true, "600000"],
      ["公司/华东/李娜", true, "200000"],
      ["公司/华南", false, "400000"],
      ["E9", true, "400000"],
    ]);
    for (const cell of drawn)
      expect(area(cell)).toBeCloseTo((600 * 400 * cell.target) / 1_200_000, 6);
    expect(drawn.find((cell) => cell.name === "张伟")!.label).toEqual(["张伟", "60万"]);
  });

  it("colours by achievement with a tracking, and folds deeper nodes into the depth drawn", () => {
    const tracking = smallTracking();
    const drawn = cells(decompositionChart(smallPlan(), { tracking, depth: 1 }));
    expect(drawn.filter((cell) => cell.leaf).map((cell) => cell.name)).toEqual(["华东", "华南"]);
    const east = tracking.nodes.find((node) => node.node === "公司/华东")!;
    expect(drawn[1]!.achievement).toBe(Number(east.periods.all!.achievement));
    expect(cells(decompositionChart(smallPlan(), { depth: 0 }))).toHaveLength(1);
  });

  it("is plain JSON data and leaves the plan unchanged", () => {
    const plan = deepFreeze(JSON.parse(JSON.stringify(smallPlan())));
    const spec = decompositionChart(plan, {
      tracking: deepFreeze(JSON.parse(JSON.stringify(smallTracking()))),
    });
    expect(JSON.parse(JSON.stringify(spec))).toEqual(spec);
  });

  it("refuses what is not a plan, a tracking of another plan, and a bad depth", () => {
    expect(
      expectCode(() => decompositionChart({ kind: "x" }), "INVALID_PLAN_RESULT", ["plan"]).message,
    ).toMatch(/buildPlan/);
    const other = JSON.parse(JSON.stringify(smallTracking()));
    other.nodes = other.nodes.slice(0, 2);
    expectCode(() => decompositionChart(smallPlan(), { tracking: other }), "INVALID_PLAN_RESULT", [
      "options",
      "tracking",
      "nodes",
    ]);
    expectCode(() => decompositionChart(smallPlan(), { depth: 1.5 }), "INVALID_ARGUMENT", [
      "options",
      "depth",
    ]);
    expectCode(() => decompositionChart(smallPlan(), { trackng: {} } as never), "UNKNOWN_OPTION");
  });

  describe("properties", () => {
    const box = fc
      .record({
        width: fc.integer({ min: 1, max: 2000 }),
        height: fc.integer({ min: 1, max: 2000 }),
      })
      .map(({ width, height }): Rect => ({ x0: 0, y0: 0, x1: width, y1: height }));
    const weights = fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 1_000_000 })), {
      minLength: 1,
      maxLength: 30,
    });

    it("squarify tiles its rectangle: areas in proportion, no overlap, nothing outside", () => {
      fc.assert(
        fc.property(box, weights, (rect, list) => expectTiling(rect, squarify(list, rect), list)),
        { numRuns: runs(300) },
      );
    });

    interface Tree {
      readonly weight: number;
      readonly children: readonly Tree[];
    }
    const { tree } = fc.letrec<{ tree: Tree }>((self) => ({
      tree: fc.record({
        weight: fc.integer({ min: 0, max: 1000 }),
        children: fc.oneof(
          { depthSize: "small", withCrossShrink: true },
          fc.constant([]),
          fc.array(self("tree"), { minLength: 1, maxLength: 5 }),
        ),
      }),
    }));
    const sizeOf = (node: Tree): number =>
      node.children.length === 0
        ? node.weight
        : node.children.reduce((sum, child) => sum + sizeOf(child), 0);

    it("nests: every node's children tile the node's rectangle, for random trees", () => {
      fc.assert(
        fc.property(box, tree, (rect, root) => {
          const check = (node: Tree, at: Rect): void => {
            if (node.children.length === 0) return;
            const sizes = node.children.map(sizeOf);
            const pieces = squarify(sizes, at);
            expectTiling(at, pieces, sizes);
            node.children.forEach((child, k) => {
              check(child, pieces[k]!);
            });
          };
          check(root, rect);
        }),
        { numRuns: runs(200) },
      );
    });

    it("lays a built plan out the same way: leaves tile the chart in proportion to their targets", () => {
      fc.assert(
        fc.property(
          fc.array(fc.array(fc.integer({ min: 1, max: 50 }), { minLength: 1, maxLength: 4 }), {
            minLength: 1,
            maxLength: 4,
          }),
          (regions) => {
            const plan = buildPlan({
              version: 1,
              target: "1000万",
              unit: 1,
              period: {
                start: "2026-01-01",
                end: "2026-01-31",
                grains: ["month"],
                calendar: { weekend: [6, 7] },
              },
              organization: {
                name: "公司",
                children: regions.map((people, r) => ({
                  name: `R${r}`,
                  weight: people.reduce((sum, weight) => sum + weight, 0),
                  children: people.map((weight, p) => ({ name: `P${r}-${p}`, weight })),
                })),
              },
            });
            const drawn = cells(decompositionChart(plan, { width: 640, height: 400 }));
            const leaves = drawn.filter((cell) => cell.leaf);
            expectTiling(
              { x0: 0, y0: 0, x1: 640, y1: 400 },
              leaves,
              leaves.map((cell) => cell.target),
            );
          },
        ),
        { numRuns: runs(25) },
      );
    });
  });
});
