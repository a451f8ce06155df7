import fc from "fast-check";
import { allocate, type CrossSplitResult, crossCell, crossSplit, splitByShares } from "targetree";
import { describe, expect, it } from "vitest";
import { Decimal } from "../../src/_lib/decimal.js";
import { deepFreeze, expectBareRecord, expectCode } from "../_support/errors.js";
import { runs } from "../_support/runs.js";
import { record } from "./_helpers.js";

const w4 = {
  product: { 粮油: "40%", 日化: "30%" },
  region: { 华东: "35%", 华南: "25%" },
};

/** Sums of the cells for each part of dimension `d`. */
function margin(split: CrossSplitResult, dimension: string): Record<string, string> {
  const sums: Record<string, Decimal> = {};
  for (const key of split.parts[dimension]!) sums[key] = new Decimal(0);
  for (const cell of split.cells) {
    const key = cell.coordinates[dimension]!;
    sums[key] = sums[key]!.plus(cell.value);
  }
  return record(sums);
}

describe("crossSplit", () => {
  it("gives 粮油×华东 = 16,800,000 on 1.2亿 with independent shares (W4)", () => {
    const split = crossSplit("1.2亿", w4);
    expect(crossCell(split, { product: "粮油", region: "华东" }).toString()).toBe("16800000");
    expect(split.parts).toEqual({
      product: ["粮油", "日化", "other"],
      region: ["华东", "华南", "other"],
    });
    expect(record(split.marginals.product!)).toEqual({
      粮油: "48000000",
      日化: "36000000",
      other: "36000000",
    });
    expect(split.cells).toHaveLength(9);
    expect(split.cells[0]!.keys).toEqual(["粮油", "华东"]);
    expect(split.total.toString()).toBe("120000000");
  });

  it("makes each dimension's totals equal its own one-dimension split", () => {
    const split = crossSplit(
      1000,
      { a: { x: "33.3%", y: "33.3%" }, b: { p: "12.5%", q: "12.5%" } },
      { unit: 1 },
    );
    expect(margin(split, "a")).toEqual(
      record(splitByShares(1000, { x: "33.3%", y: "33.3%" }, { unit: 1 })),
    );
    expect(margin(split, "b")).toEqual(
      record(splitByShares(1000, { p: "12.5%", q: "12.5%" }, { unit: 1 })),
    );
    expect(margin(split, "a")).toEqual(record(split.marginals.a!));
  });

  it("handles three dimensions with explicit remainders", () => {
    const split = crossSplit("1.2亿", { ...w4, customer: { 新客: "50%", 老客: "30%" } });
    expect(split.cells).toHaveLength(27);
    expect(crossCell(split, { product: "粮油", region: "华东", customer: "新客" }).toString()).toBe(
      "8400000",
    );
    for (const dimension of split.dimensions)
      expect(margin(split, dimension)).toEqual(record(split.marginals[dimension]!));
  });

  it("splits by weights when asked, like allocate", () => {
    const weights = { a: 1, b: 2 };
    const split = crossSplit(
      7,
      { one: weights, two: { x: 1, y: 1, z: 1 } },
      { split: "weights", unit: 1 },
    );
    expect(margin(split, "one")).toEqual(record(allocate(7, weights, { unit: 1 })));
    expect(margin(split, "two")).toEqual(record(allocate(7, { x: 1, y: 1, z: 1 }, { unit: 1 })));
    for (const cell of split.cells) expect(cell.value.gte(0)).toBe(true);
  });

  it("names the remainder parts as asked and keeps __proto__ an ordinary name", () => {
    const split = crossSplit(100, JSON.parse('{"__proto__": {"a": "50%"}, "b": {"c": "50%"}}'), {
      remainder: "其他",
    });
    expect(split.dimensions).toEqual(["__proto__", "b"]);
    expect(Object.entries(split.parts)[0]).toEqual(["__proto__", ["a", "其他"]]);
    expectBareRecord(split.marginals);
  });

  it("mirrors a negative total", () => {
    const split = crossSplit(-100, w4, { unit: 1 });
    expect(crossCell(split, { product: "粮油", region: "华东" }).toString()).toBe("-14");
    expect(margin(split, "product")).toEqual(record(splitByShares(-100, w4.product, { unit: 1 })));
  });

  it("never changes its (frozen) arguments", () => {
    const dims = deepFreeze(structuredClone(w4));
    const split = crossSplit("1.2亿", dims, deepFreeze({ unit: 1 }));
    expect(crossCell(split, { product: "日化", region: "华南" }).toString()).toBe("9000000");
    expect(dims).toEqual(w4);
  });

  describe("bad input", () => {
    it("throws the splitting codes with the dimension's path", () => {
      expectCode(() => crossSplit(100, { a: { x: "70%", y: "40%" } }), "SHARES_EXCEED_TOTAL", [
        "dimensions",
        "a",
      ]);
      expectCode(() => crossSplit(100, { a: { x: "-1%" } }), "NEGATIVE_WEIGHT", [
        "dimensions",
        "a",
        "x",
      ]);
      expectCode(() => crossSplit(100, { a: { x: "lots" } }), "INVALID_NUMBER", [
        "dimensions",
        "a",
        "x",
      ]);
      expectCode(() => crossSplit(100, { a: { other: "50%" } }), "DUPLICATE_KEY");
      expectCode(() => crossSplit("0.001", w4), "NOT_A_MULTIPLE_OF_UNIT", ["total"]);
      expectCode(
        () => crossSplit(100, { a: { x: 0 } }, { split: "weights", onZeroWeights: "error" }),
        "ZERO_WEIGHTS",
      );
    });

    it("throws INVALID_CHARACTER for a dimension or part name with an invisible character", () => {
      expectCode(() => crossSplit(100, { "a\u200d": { x: "50%" } }), "INVALID_CHARACTER");
      expectCode(() => crossSplit(100, { a: { "x\u202e": "50%" } }), "INVALID_CHARACTER");
    });

    it("throws INVALID_ARGUMENT for no dimensions, an empty one, too many cells or bad options", () => {
      expectCode(() => crossSplit(100, {}), "INVALID_ARGUMENT", ["dimensions"]);
      expectCode(() => crossSplit(100, { a: {} }), "INVALID_ARGUMENT", ["dimensions", "a"]);
      expectCode(() => crossSplit(100, { a: [] as never }), "INVALID_ARGUMENT", [
        "dimensions",
        "a",
      ]);
      const wide = Object.fromEntries(Array.from({ length: 1001 }, (_, i) => [`k${i}`, 1]));
      expectCode(
        () => crossSplit(100, { a: wide, b: wide }, { split: "weights" }),
        "INVALID_ARGUMENT",
        ["dimensions"],
      );
      expectCode(() => crossSplit(100, w4, { split: "ratios" as never }), "INVALID_ARGUMENT", [
        "options",
        "split",
      ]);
    });
  });
});

describe("crossCell", () => {
  it("throws UNKNOWN_KEY for a missing dimension, an unknown part or an unknown dimension", () => {
    const split = crossSplit(100, w4);
    expectCode(() => crossCell(split, { product: "粮油" }), "UNKNOWN_KEY", [
      "coordinates",
      "region",
    ]);
    expectCode(() => crossCell(split, { product: "肉", region: "华东" }), "UNKNOWN_KEY", [
      "coordinates",
      "product",
    ]);
    expectCode(
      () => crossCell(split, { product: "粮油", region: "华东", size: "L" }),
      "UNKNOWN_KEY",
      ["coordinates", "size"],
    );
    expectCode(() => crossCell(split, null as never), "INVALID_ARGUMENT", ["coordinates"]);
  });

  it("throws INVALID_ARGUMENT, with the path, for a split that is not a crossSplit result", () => {
    const split = crossSplit(100, w4);
    const at = { product: "粮油", region: "华东" };
    for (const bad of [null, undefined, Number.NaN, "abc", [], {}, true]) {
      expectCode(() => crossCell(bad as never, at), "INVALID_ARGUMENT");
    }
    const forged = (change: Record<string, unknown>) => ({ ...split, ...change }) as never;
    expectCode(() => crossCell(forged({ dimensions: [] }), at), "INVALID_ARGUMENT", [
      "split",
      "dimensions",
    ]);
    expectCode(() => crossCell(forged({ dimensions: [1, 2] }), at), "INVALID_ARGUMENT", [
      "split",
      "dimensions",
      0,
    ]);
    expectCode(() => crossCell(forged({ parts: {} }), at), "INVALID_ARGUMENT", [
      "split",
      "parts",
      "product",
    ]);
    expectCode(() => crossCell(forged({ cells: split.cells.slice(1) }), at), "INVALID_ARGUMENT", [
      "split",
      "cells",
    ]);
    const cells = split.cells.map((cell) => ({ ...cell, value: 5 }));
    expectCode(() => crossCell(forged({ cells }), at), "INVALID_ARGUMENT", ["split", "cells", 0]);
  });

  it("reads the split by own fields only", () => {
    const split = crossSplit(100, w4);
    const inherited = Object.create(split) as CrossSplitResult;
    expectCode(
      () => crossCell(inherited, { product: "粮油", region: "华东" }),
      "INVALID_ARGUMENT",
      ["split", "dimensions"],
    );
  });
});

const dimension = fc
  .array(fc.nat({ max: 30 }), { minLength: 1, maxLength: 5 })
  .map((ws) => Object.fromEntries(ws.map((w, i) => [`k${i}`, w])));

function checkProperties(total: number, dims: Record<string, Record<string, number>>): void {
  const split = crossSplit(total, dims, { split: "weights", unit: 1 });
  let sum = new Decimal(0);
  for (const cell of split.cells) sum = sum.plus(cell.value);
  expect(sum.toNumber()).toBe(total);
  for (const name of Object.keys(dims)) {
    expect(margin(split, name)).toEqual(record(allocate(total, dims[name]!, { unit: 1 })));
  }
  // Each cell within one unit of total × Π share.
  const effective = Object.values(dims).map((d) => {
    const ws = Object.values(d);
    return ws.every((w) => w === 0) ? ws.map(() => 1) : ws;
  });
  const exacts = split.cells.map((cell) => {
    let exact = new Decimal(total);
    cell.keys.forEach((key, d) => {
      const ws = effective[d]!;
      exact = exact.times(ws[Number(key.slice(1))]!).div(ws.reduce((a, b) => a + b, 0));
    });
    return exact;
  });
  const withinOne = split.cells.every((cell, i) => cell.value.minus(exacts[i]!).abs().lt(1));
  if (withinOne) return;
  // A cell off by a unit or more is allowed only where no floor-or-ceiling rounding meets the
  // marginals (largest-remainder marginals can rule one out); for two dimensions, prove it. With
  // three or more, the table is rounded two dimensions at a time and such a rounding need not exist.
  const names = Object.keys(dims);
  if (names.length === 2) {
    const rows = Object.values(margin(split, names[0]!));
    const columns = Object.values(margin(split, names[1]!));
    expect(hasFloorCeilingRounding(exacts, rows, columns)).toBe(false);
  }
  for (const [i, cell] of split.cells.entries()) {
    expect(cell.value.minus(exacts[i]!).abs().lt(2)).toBe(true);
  }
}

/**
 * Whether a rows × columns table of exact values (row-major) has an integer rounding, each cell the
 * floor or the ceiling of its value, with the given row and column sums: a feasibility max flow
 * (source → row → fractional cell → column → sink), written independently of the library's.
 */
function hasFloorCeilingRounding(
  exacts: readonly Decimal[],
  rowTargets: readonly string[],
  columnTargets: readonly string[],
): boolean {
  const rows = rowTargets.length;
  const columns = columnTargets.length;
  const rowNeed = rowTargets.map(Number);
  const columnNeed = columnTargets.map(Number);
  const open: boolean[] = [];
  exacts.forEach((exact, cell) => {
    const floor = exact.floor().toNumber();
    rowNeed[Math.floor(cell / columns)]! -= floor;
    columnNeed[cell % columns]! -= floor;
    open.push(!exact.isInteger());
  });
  if (rowNeed.some((need) => need < 0) || columnNeed.some((need) => need < 0)) return false;
  const used = open.map(() => false);
  // Augment one unit at a time along row → open cell → column paths, with reverse moves.
  const augment = (): boolean => {
    const seen = new Set<string>();
    const fromRow = (i: number): boolean => {
      for (let j = 0; j < columns; j++) {
        const cell = i * columns + j;
        if (!open[cell] || used[cell] || seen.has(`c${j}`)) continue;
        seen.add(`c${j}`);
        if (columnNeed[j]! > 0) {
          columnNeed[j]! -= 1;
          used[cell] = true;
          return true;
        }
        for (let k = 0; k < rows; k++) {
          const back = k * columns + j;
          if (used[back] && !seen.has(`r${k}`)) {
            seen.add(`r${k}`);
            if (fromRow(k)) {
              used[back] = false;
              used[cell] = true;
              return true;
            }
          }
        }
      }
      return false;
    };
    for (let i = 0; i < rows; i++) {
      if (rowNeed[i]! > 0 && fromRow(i)) {
        rowNeed[i]! -= 1;
        return true;
      }
    }
    return false;
  };
  while (augment()) {
    // one more unit placed
  }
  return rowNeed.every((need) => need === 0) && columnNeed.every((need) => need === 0);
}

describe("properties", () => {
  it("allows a cell off by one unit only where no floor-or-ceiling rounding exists (99994 over 5 × 2)", () => {
    checkProperties(99_994, {
      a: { k0: 12, k1: 2, k2: 29, k3: 18, k4: 12 },
      b: { k0: 10, k1: 30 },
    });
    const exacts = [1, 2].map((n) => new Decimal(n).div(2));
    expect(hasFloorCeilingRounding(exacts, ["1"], ["0", "1"])).toBe(true);
    expect(hasFloorCeilingRounding(exacts, ["1"], ["1", "1"])).toBe(false);
  });

  it("2-D marginals equal the one-dimension splits exactly; cells sum to the total", () => {
    fc.assert(
      fc.property(fc.nat({ max: 100_000 }), dimension, dimension, (total, a, b) =>
        checkProperties(total, { a, b }),
      ),
      { numRuns: runs(200) },
    );
  });

  it("3-D marginals equal the one-dimension splits exactly; cells sum to the total", () => {
    fc.assert(
      fc.property(fc.nat({ max: 5_000 }), dimension, dimension, dimension, (total, a, b, c) =>
        checkProperties(total, { a, b, c }),
      ),
      { numRuns: runs(150) },
    );
  });

  it("share-based marginals equal splitByShares exactly", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1_000_000, max: 1_000_000 }),
        fc.array(fc.integer({ min: 0, max: 3000 }), { minLength: 1, maxLength: 3 }),
        fc.array(fc.integer({ min: 0, max: 3000 }), { minLength: 1, maxLength: 3 }),
        (cents, x, y) => {
          const a = Object.fromEntries(x.map((bp, i) => [`a${i}`, `${bp / 100}%`]));
          const b = Object.fromEntries(y.map((bp, i) => [`b${i}`, `${bp / 100}%`]));
          const total = new Decimal(cents).div(100);
          const split = crossSplit(total, { a, b });
          expect(margin(split, "a")).toEqual(record(splitByShares(total, a)));
          expect(margin(split, "b")).toEqual(record(splitByShares(total, b)));
        },
      ),
      { numRuns: runs(150) },
    );
  });
});

describe("crossSplit, more cases", () => {
  it("orders cells row-major, first dimension outermost, with keys and coordinates", () => {
    const split = crossSplit(
      120,
      { p: { a: 1, b: 1 }, q: { x: 1, y: 1, z: 1 }, r: { m: 1, n: 1 } },
      { split: "weights", unit: 1 },
    );
    expect(split.cells.map((cell) => cell.keys.join(""))).toEqual([
      "axm",
      "axn",
      "aym",
      "ayn",
      "azm",
      "azn",
      "bxm",
      "bxn",
      "bym",
      "byn",
      "bzm",
      "bzn",
    ]);
    expect(split.cells[7]!.coordinates).toEqual({ p: "b", q: "x", r: "n" });
    expectBareRecord(split.cells[7]!.coordinates);
    expect(split.cells.map((cell) => cell.value.toString())).toEqual(new Array(12).fill("10"));
  });

  it("rounds each cell to the floor or the ceiling of its exact value", () => {
    // Exact cells 100 × a × b / 240; the rows sum to 20, 33, 47 and the columns to 13, 56, 25, 6.
    const split = crossSplit(
      100,
      { a: { x: 3, y: 5, z: 7 }, b: { p: 2, q: 9, r: 4, s: 1 } },
      { split: "weights", unit: 1, onZeroWeights: "even" },
    );
    expect(split.cells.map((cell) => cell.value.toString())).toEqual([
      "3",
      "11",
      "5",
      "1",
      "4",
      "19",
      "8",
      "2",
      "6",
      "26",
      "12",
      "3",
    ]);
    const shares = crossSplit(
      1000,
      { a: { x: "33.3%", y: "33.3%" }, b: { p: "12.5%", q: "12.5%" } },
      { split: "shares", unit: 1 },
    );
    expect(shares.cells.map((cell) => cell.value.toString())).toEqual([
      "42",
      "41",
      "250",
      "41",
      "42",
      "250",
      "42",
      "42",
      "250",
    ]);
  });

  it("finds every cell with crossCell by its coordinates", () => {
    const split = crossSplit(
      "1.2亿",
      { ...w4, customer: { 新客: "50%", 老客: "30%" } },
      { unit: 1 },
    );
    for (const cell of split.cells) expect(crossCell(split, cell.coordinates)).toBe(cell.value);
  });

  it("returns null-prototype records of parts and marginals, and the rounded total", () => {
    const split = crossSplit(
      "100.4",
      { a: { x: "50%" }, b: { y: "50%" } },
      { unit: 1, roundTotal: true },
    );
    expect(split.total.toString()).toBe("100");
    expect(split.dimensions).toEqual(["a", "b"]);
    expectBareRecord(split.parts);
    expectBareRecord(split.marginals.a);
    expect(record(split.marginals.b!)).toEqual({ y: "50", other: "50" });
  });

  it("splits a dimension whose weights are all zero evenly, unless asked to throw", () => {
    const split = crossSplit(10, { a: { x: 0, y: 0 }, b: { p: 1 } }, { split: "weights", unit: 1 });
    expect(split.cells.map((cell) => cell.value.toString())).toEqual(["5", "5"]);
    const error = expectCode(
      () =>
        crossSplit(10, { a: { p: 1 }, b: { x: 0 } }, { split: "weights", onZeroWeights: "error" }),
      "ZERO_WEIGHTS",
      ["dimensions", "b"],
    );
    expect(error.message).toMatch(/Every weight is zero/);
  });

  it("rounds exactly when the product of the weight sums is beyond 2^53", () => {
    const a = { x: "1000000001", y: "999999999" };
    const b = { p: "1000000003", q: "999999996" };
    const split = crossSplit(1001, { a, b }, { split: "weights", unit: 1 });
    expect(margin(split, "a")).toEqual(record(allocate(1001, a, { unit: 1 })));
    expect(margin(split, "b")).toEqual(record(allocate(1001, b, { unit: 1 })));
    for (const cell of split.cells) {
      expect(cell.value.minus("250.25").abs().lt(1)).toBe(true);
    }
  });

  describe("messages", () => {
    it("explains missing or malformed dimensions", () => {
      for (const bad of [{}, null, [], "a"]) {
        const error = expectCode(() => crossSplit(100, bad as never), "INVALID_ARGUMENT", [
          "dimensions",
        ]);
        expect(error.message).toMatch(/dimensions must be a non-empty record/);
      }
      const shares = expectCode(() => crossSplit(100, { a: [] as never }), "INVALID_ARGUMENT", [
        "dimensions",
        "a",
      ]);
      expect(shares.message).toMatch(/Each dimension must be a record of shares, got an array\./);
      const weights = expectCode(
        () => crossSplit(100, { a: 5 as never }, { split: "weights" }),
        "INVALID_ARGUMENT",
        ["dimensions", "a"],
      );
      expect(weights.message).toMatch(/Each dimension must be a record of weights, got 5\./);
    });

    it("says how many cells there would be", () => {
      const wide = Object.fromEntries(Array.from({ length: 1001 }, (_, i) => [`k${i}`, 1]));
      const error = expectCode(
        () => crossSplit(100, { a: wide, b: wide }, { split: "weights" }),
        "INVALID_ARGUMENT",
        ["dimensions"],
      );
      expect(error.message).toMatch(/make 1,002,001 cells, more than 1,000,000\./);
    });

    it("points at the remainder option, a duplicate dimension and bad options", () => {
      expectCode(() => crossSplit(100, { a: { other: "50%" } }), "DUPLICATE_KEY", [
        "options",
        "remainder",
      ]);
      expectCode(
        () => crossSplit(100, { "caf\u00e9": { x: "50%" }, "cafe\u0301": { y: "50%" } }),
        "DUPLICATE_KEY",
        ["dimensions", "cafe\u0301"],
      );
      expectCode(() => crossSplit(100, w4, { remainder: "" }), "INVALID_ARGUMENT", [
        "options",
        "remainder",
      ]);
      expectCode(
        () => crossSplit(100, w4, { onZeroWeights: "skip" as never }),
        "INVALID_ARGUMENT",
        ["options", "onZeroWeights"],
      );
      expectCode(() => crossSplit(100, w4, { unit: 0 }), "INVALID_ARGUMENT", ["options", "unit"]);
    });
  });
});

describe("crossCell, more cases", () => {
  const split = crossSplit(100, w4);
  const at = { product: "粮油", region: "华东" };
  const forged = (change: Record<string, unknown>) => ({ ...split, ...change }) as never;

  it("says which dimension or part is missing or unknown", () => {
    const missing = expectCode(() => crossCell(split, { product: "粮油" }), "UNKNOWN_KEY", [
      "coordinates",
      "region",
    ]);
    expect(missing.message).toMatch(/The coordinates give no part for the dimension "region"\./);
    const unknown = expectCode(
      () => crossCell(split, { product: "肉", region: "华东" }),
      "UNKNOWN_KEY",
      ["coordinates", "product"],
    );
    expect(unknown.message).toMatch(/The dimension "product" has no part "肉"\./);
    const notText = expectCode(
      () => crossCell(split, { product: 0 as never, region: "华东" }),
      "UNKNOWN_KEY",
      ["coordinates", "product"],
    );
    expect(notText.message).toMatch(/has no part 0\./);
    const extra = expectCode(() => crossCell(split, { ...at, size: "L" }), "UNKNOWN_KEY", [
      "coordinates",
      "size",
    ]);
    expect(extra.message).toMatch(/There is no dimension "size"\./);
    const coordinates = expectCode(() => crossCell(split, [] as never), "INVALID_ARGUMENT", [
      "coordinates",
    ]);
    expect(coordinates.message).toMatch(/coordinates must be a record of parts by dimension/);
  });

  it("points into a forged split at what is wrong", () => {
    const parts = expectCode(() => crossCell(forged({ parts: null }), at), "INVALID_ARGUMENT", [
      "split",
      "parts",
    ]);
    expect(parts.message).toMatch(/split must be the result of crossSplit/);
    expectCode(
      () => crossCell(forged({ parts: { product: [], region: split.parts.region } }), at),
      "INVALID_ARGUMENT",
      ["split", "parts", "product"],
    );
    expectCode(
      () => crossCell(forged({ dimensions: ["product", "product"] }), at),
      "INVALID_ARGUMENT",
      ["split", "dimensions", 1],
    );
    expectCode(() => crossCell(forged({ dimensions: "product" }), at), "INVALID_ARGUMENT", [
      "split",
      "dimensions",
    ]);
    expectCode(() => crossCell(forged({ cells: {} }), at), "INVALID_ARGUMENT", ["split", "cells"]);
    const cells = split.cells.map(() => 5);
    expectCode(
      () => crossCell(forged({ cells }), { product: "日化", region: "华南" }),
      "INVALID_ARGUMENT",
      ["split", "cells", 4],
    );
  });
});
