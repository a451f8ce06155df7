import { describe, expect, it } from "vitest";
import { roundProductTable, roundTable } from "../../src/split/_lib/controlledRounding.js";
import { checkCount } from "../../src/split/_lib/run.js";

describe("controlled rounding", () => {
  it("keeps every cell within one unit of its exact value for product tables", () => {
    // 7 units over 3 × 3 equal shares: every cell is 7/9.
    const table = roundProductTable(
      7n,
      [
        [1n, 1n, 1n],
        [1n, 1n, 1n],
      ],
      [
        [3n, 2n, 2n],
        [3n, 2n, 2n],
      ],
    );
    expect(table.reduce((a, b) => a + b, 0n)).toBe(7n);
    for (const cell of table) expect(cell === 0n || cell === 1n).toBe(true);
  });

  it("still meets the targets when no floor-or-ceiling rounding exists", () => {
    // Exact [[0.5, 0], [0, 0.5]] with row targets (1, 0) and column targets (0, 1):
    // no cell may round to a neighbour, so the second phase moves a cell further.
    const cells = roundTable([1n, 0n, 0n, 1n], 2n, [1n, 0n], [0n, 1n]);
    expect(cells).toEqual([0n, 1n, 0n, 0n]);
  });

  it("meets targets that are below the floors of some cells", () => {
    // Exact [[2, 2], [2, 2]] with row targets (1, 7) and column targets (4, 4).
    const cells = roundTable([2n, 2n, 2n, 2n], 1n, [1n, 7n], [4n, 4n]);
    expect(cells).toEqual([0n, 1n, 4n, 3n]);
    expect(cells[0]! + cells[1]!).toBe(1n);
    expect(cells[2]! + cells[3]!).toBe(7n);
    expect(cells[0]! + cells[2]!).toBe(4n);
    for (const cell of cells) expect(cell >= 0n).toBe(true);
  });
});

describe("controlled rounding, more cases", () => {
  it("meets column targets below the floors of some cells", () => {
    // Exact [[2, 2], [2, 2]] with row targets (4, 4) and column targets (1, 7).
    const cells = roundTable([2n, 2n, 2n, 2n], 1n, [4n, 4n], [1n, 7n]);
    expect(cells).toEqual([0n, 4n, 1n, 3n]);
    expect(cells[0]! + cells[1]!).toBe(4n);
    expect(cells[2]! + cells[3]!).toBe(4n);
    expect(cells[0]! + cells[2]!).toBe(1n);
    expect(cells[1]! + cells[3]!).toBe(7n);
    for (const cell of cells) expect(cell >= 0n).toBe(true);
  });

  it("returns the marginal itself for a single dimension", () => {
    expect(roundProductTable(10n, [[1n, 2n, 2n]], [[2n, 4n, 4n]])).toEqual([2n, 4n, 4n]);
  });
});

describe("checkCount", () => {
  it("accepts whole numbers from 1 to the maximum, both ends included", () => {
    expect(checkCount(1, ["n"], 3)).toBe(1);
    expect(checkCount(3, ["n"], 3)).toBe(3);
    for (const bad of [0, 4, 2.5, "2", Number.POSITIVE_INFINITY]) {
      expect(() => checkCount(bad, ["n"], 3)).toThrow(
        /Expected a whole number of parts from 1 to 3\./,
      );
    }
  });
});
