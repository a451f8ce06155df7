import fc from "fast-check";
import { crossSplit } from "targetree";
import { describe, expect, it } from "vitest";
import {
  roundProduct,
  roundProductTable,
  roundProportional,
  roundTable,
} from "../../src/split/_lib/controlledRounding.js";
import { runs } from "../_support/runs.js";

const sum = (values: readonly bigint[]): bigint => values.reduce((a, b) => a + b, 0n);

const floorDivide = (value: bigint, divisor: bigint): bigint => {
  const quotient = value / divisor;
  return value % divisor !== 0n && value < 0n !== divisor < 0n ? quotient - 1n : quotient;
};

/** Largest remainder (ties to the earlier part): the one-dimension splits the tables are rounded to. */
function largestRemainder(units: bigint, weights: readonly bigint[]): bigint[] {
  const total = sum(weights);
  const parts = weights.map((weight) => floorDivide(units * weight, total));
  const rests = weights.map((weight, i) => units * weight - parts[i]! * total);
  let left = units - sum(parts);
  const order = weights
    .map((_, i) => i)
    .sort((a, b) => (rests[b]! > rests[a]! ? 1 : rests[b]! < rests[a]! ? -1 : a - b));
  for (const i of order) {
    if (left <= 0n) break;
    parts[i]! += 1n;
    left -= 1n;
  }
  return parts;
}

/** Row and column sums of a row-major table. */
function sums(cells: readonly bigint[], rows: number, columns: number) {
  const rowSums = new Array<bigint>(rows).fill(0n);
  const columnSums = new Array<bigint>(columns).fill(0n);
  cells.forEach((cell, index) => {
    rowSums[Math.floor(index / columns)]! += cell;
    columnSums[index % columns]! += cell;
  });
  return { rowSums, columnSums };
}

/** Whether `value` is the floor or the ceiling of `numerator / denominator`. */
function isFloorOrCeiling(value: bigint, numerator: bigint, denominator: bigint): boolean {
  const floor = floorDivide(numerator, denominator);
  const ceiling = numerator % denominator === 0n ? floor : floor + 1n;
  return value === floor || value === ceiling;
}

/** Whether any table of floors and ceilings of `numerators / denominator` meets the sums (tiny tables). */
function floorOrCeilingExists(
  numerators: readonly bigint[],
  denominator: bigint,
  rowTargets: readonly bigint[],
  columnTargets: readonly bigint[],
): boolean {
  const columns = columnTargets.length;
  const floors = numerators.map((n) => floorDivide(n, denominator));
  const free = numerators.flatMap((n, cell) => (n % denominator === 0n ? [] : [cell]));
  for (let mask = 0; mask < 2 ** free.length; mask++) {
    const cells = [...floors];
    free.forEach((cell, bit) => {
      if (mask & (2 ** bit)) cells[cell]! += 1n;
    });
    const { rowSums, columnSums } = sums(cells, rowTargets.length, columns);
    if (
      rowSums.every((s, i) => s === rowTargets[i]) &&
      columnSums.every((s, j) => s === columnTargets[j])
    )
      return true;
  }
  return false;
}

/** Weights as bigints; all-zero weights become equal ones. */
const nonZero = (weights: readonly number[]): bigint[] =>
  weights.every((w) => w === 0) ? weights.map(() => 1n) : weights.map(BigInt);

const weightsArbitrary = (max: number) =>
  fc.array(fc.oneof(fc.constant(0), fc.constant(1), fc.nat({ max })), {
    minLength: 1,
    maxLength: 6,
  });

describe("roundProportional", () => {
  it("rounds a proportional table with exact sums both ways", () => {
    // Exact cells 2⅓ in the first row and 1⅔ in the second: the larger fractions go up first.
    const cells = roundProportional([7n, 5n], [4n, 4n, 4n]);
    expect(cells).toEqual([2n, 2n, 3n, 2n, 2n, 1n]);
  });

  it("keeps exact sums and puts every cell at the floor or the ceiling of row × column ÷ total", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 12n }),
        weightsArbitrary(50),
        weightsArbitrary(50),
        (total, rowWeights, columnWeights) => {
          const rowTotals = largestRemainder(total, nonZero(rowWeights));
          const columnTotals = largestRemainder(total, nonZero(columnWeights));
          const cells = roundProportional(rowTotals, columnTotals);
          const { rowSums, columnSums } = sums(cells, rowTotals.length, columnTotals.length);
          expect(rowSums).toEqual(rowTotals);
          expect(columnSums).toEqual(columnTotals);
          cells.forEach((cell, index) => {
            const row = rowTotals[Math.floor(index / columnTotals.length)]!;
            const column = columnTotals[index % columnTotals.length]!;
            if (total === 0n) expect(cell).toBe(0n);
            else expect(isFloorOrCeiling(cell, row * column, total)).toBe(true);
          });
        },
      ),
      { numRuns: runs(300) },
    );
  });

  it("rounds a negative table as the mirror image of the positive one", () => {
    fc.assert(
      fc.property(
        fc.array(fc.bigInt({ min: 0n, max: 10n ** 6n }), { minLength: 1, maxLength: 5 }),
        fc.array(fc.nat({ max: 20 }), { minLength: 1, maxLength: 5 }),
        (rowTotals, columnWeights) => {
          const total = sum(rowTotals);
          const columnTotals = largestRemainder(total, nonZero(columnWeights));
          const positive = roundProportional(rowTotals, columnTotals);
          const negative = roundProportional(
            rowTotals.map((v) => -v),
            columnTotals.map((v) => -v),
          );
          expect(negative).toEqual(positive.map((v) => (v === 0n ? 0n : -v)));
          expect(negative.some((v) => Object.is(Number(v), -0))).toBe(false);
        },
      ),
      { numRuns: runs(200) },
    );
  });

  it("handles rows of mixed signs with floors and ceilings of the exact cells", () => {
    // Children 150 and −50 of a parent of 100, over periods 60 and 40.
    const cells = roundProportional([150n, -50n], [60n, 40n]);
    expect(cells).toEqual([90n, 60n, -30n, -20n]);
    const odd = roundProportional([7n, -4n], [2n, 1n]);
    expect(sums(odd, 2, 2)).toEqual({ rowSums: [7n, -4n], columnSums: [2n, 1n] });
    [7n * 2n, 7n * 1n, -4n * 2n, -4n * 1n].forEach((numerator, cell) => {
      expect(isFloorOrCeiling(odd[cell]!, numerator, 3n)).toBe(true);
    });
  });

  it("spreads a zero total with non-zero parts by the additive table, exact both ways", () => {
    const cells = roundProportional([5n, -5n], [0n, 0n, 0n]);
    expect(sums(cells, 2, 3)).toEqual({ rowSums: [5n, -5n], columnSums: [0n, 0n, 0n] });
    expect(cells).toEqual([2n, 2n, 1n, -2n, -2n, -1n]);
    expect(roundProportional([0n, 0n], [0n, 0n])).toEqual([0n, 0n, 0n, 0n]);
  });

  it("refuses row and column totals that differ", () => {
    expect(() => roundProportional([1n], [2n])).toThrow(/differ/);
  });
});

describe("roundTable", () => {
  it("puts cells at floors and ceilings whenever a brute-force search finds such a table", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.nat({ max: 40 }), { minLength: 3, maxLength: 3 }), {
          minLength: 3,
          maxLength: 3,
        }),
        fc.integer({ min: 1, max: 7 }),
        fc.array(fc.integer({ min: -1, max: 1 }), { minLength: 6, maxLength: 6 }),
        (grid, denominator, nudges) => {
          const numerators = grid.flat().map(BigInt);
          const den = BigInt(denominator);
          // Targets near the exact sums: rounded, then nudged while keeping the totals equal.
          const rowExact = [0, 1, 2].map((i) => sum(numerators.slice(i * 3, i * 3 + 3)));
          const columnExact = [0, 1, 2].map(
            (j) => numerators[j]! + numerators[j + 3]! + numerators[j + 6]!,
          );
          const grand = floorDivide(sum(numerators), den);
          const rowTargets = largestRemainder(
            grand,
            rowExact.map((v) => (v === 0n ? 0n : v)),
          ).map((v, i) => v + BigInt(nudges[i]!));
          rowTargets[2] = grand - rowTargets[0]! - rowTargets[1]!;
          const columnTargets = largestRemainder(grand, columnExact).map(
            (v, j) => v + BigInt(nudges[j + 3]!),
          );
          columnTargets[2] = grand - columnTargets[0]! - columnTargets[1]!;
          if ([...rowTargets, ...columnTargets].some((t) => t < 0n)) return;
          if (sum(rowExact) === 0n) return;
          const cells = roundTable(numerators, den, rowTargets, columnTargets);
          expect(sums(cells, 3, 3)).toEqual({ rowSums: rowTargets, columnSums: columnTargets });
          for (const cell of cells) expect(cell >= 0n).toBe(true);
          if (floorOrCeilingExists(numerators, den, rowTargets, columnTargets)) {
            cells.forEach((cell, index) => {
              expect(isFloorOrCeiling(cell, numerators[index]!, den)).toBe(true);
            });
          }
        },
      ),
      { numRuns: runs(300) },
    );
  });

  it("takes the floor of negative exact values, not their truncation", () => {
    // Exact cells −1.5 and −0.5: floors −2 and −1, targets −2 and −1 keep them.
    expect(roundTable([-3n, -1n], 2n, [-3n], [-2n, -1n])).toEqual([-2n, -1n]);
  });

  it("refuses a denominator that is not positive", () => {
    expect(() => roundTable([1n], 0n, [1n], [1n])).toThrow(/positive denominator/);
    expect(() => roundProduct([1n], [1n], -1n, [1n], [1n])).toThrow(/positive denominator/);
  });
});

describe("roundProduct", () => {
  it("gives the same cells in plain numbers as in BigInt", () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat({ max: 1000 }), { minLength: 1, maxLength: 8 }),
        fc.array(fc.nat({ max: 1000 }), { minLength: 1, maxLength: 8 }),
        fc.bigInt({ min: 1n, max: 10n ** 9n }),
        (a, b, units) => {
          const rows = nonZero(a);
          const columns = nonZero(b);
          const denominator = sum(rows) * sum(columns);
          const rowFactors = rows.map((w) => units * w);
          const rowTargets = largestRemainder(units, rows);
          const columnTargets = largestRemainder(units, columns);
          const fast = roundProduct(rowFactors, columns, denominator, rowTargets, columnTargets);
          const numerators = rowFactors.flatMap((r) => columns.map((c) => r * c));
          const slow = roundTable(numerators, denominator, rowTargets, columnTargets);
          expect(fast).toEqual(slow);
        },
      ),
      { numRuns: runs(200) },
    );
  });

  it("rounds a 400 × 400 table of equal weights quickly, every cell at its floor or ceiling", () => {
    const ones = new Array<bigint>(400).fill(1n);
    const units = 1_000_000_07n;
    const marginal = largestRemainder(units, ones);
    const started = performance.now();
    const cells = roundProduct(
      ones.map(() => units),
      ones,
      160_000n,
      marginal,
      marginal,
    );
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(sums(cells, 400, 400)).toEqual({ rowSums: marginal, columnSums: marginal });
    expect(cells.filter((cell) => cell !== 625n && cell !== 626n)).toEqual([]);
  });
});

describe("roundProductTable", () => {
  const dimensionArbitrary = fc
    .array(fc.oneof(fc.constant(0), fc.constant(3), fc.nat({ max: 30 })), {
      minLength: 1,
      maxLength: 4,
    })
    .map(nonZero);

  it("meets every marginal exactly, with every cell within one unit of its exact value when it can", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 100_000n }),
        fc.array(dimensionArbitrary, { minLength: 2, maxLength: 3 }),
        (units, weights) => {
          const marginals = weights.map((w) => largestRemainder(units, w));
          const cells = roundProductTable(units, weights, marginals);
          const sizes = weights.map((w) => w.length);
          const totals = weights.map((w) => sum(w));
          const denominator = totals.reduce((a, b) => a * b, 1n);
          const margins = sizes.map((size) => new Array<bigint>(size).fill(0n));
          cells.forEach((cell, index) => {
            let rest = index;
            let numerator = units;
            for (let d = sizes.length - 1; d >= 0; d--) {
              const position = rest % sizes[d]!;
              rest = (rest - position) / sizes[d]!;
              margins[d]![position]! += cell;
              numerator *= weights[d]![position]!;
            }
            // Within one unit beyond the floor or ceiling even when no floor-or-ceiling table exists.
            const floor = numerator / denominator;
            expect(cell >= floor - 1n && cell <= floor + 2n).toBe(true);
            expect(cell >= 0n).toBe(true);
          });
          expect(margins).toEqual(marginals);
        },
      ),
      { numRuns: runs(300) },
    );
  });

  it("rounds the dimensions in the order of their names, so their order moves no cell", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 100_000n }),
        dimensionArbitrary,
        dimensionArbitrary,
        dimensionArbitrary,
        (units, a, b, c) => {
          const marginal = (w: readonly bigint[]) => largestRemainder(units, w);
          const abc = roundProductTable(units, [a, b, c], [a, b, c].map(marginal), ["a", "b", "c"]);
          const cab = roundProductTable(units, [c, a, b], [c, a, b].map(marginal), ["c", "a", "b"]);
          const [na, nb, nc] = [a.length, b.length, c.length];
          for (let i = 0; i < na; i++)
            for (let j = 0; j < nb; j++)
              for (let k = 0; k < nc; k++)
                expect(cab[(k * na + i) * nb + j]).toBe(abc[(i * nb + j) * nc + k]);
        },
      ),
      { numRuns: runs(150) },
    );
  });

  it("returns the marginal itself for a single dimension", () => {
    expect(roundProductTable(10n, [[1n, 2n, 2n]], [[2n, 4n, 4n]])).toEqual([2n, 4n, 4n]);
  });
});

describe("crossSplit on the new rounding", () => {
  it("gives the same cell for the same coordinates whatever the order of the dimensions", () => {
    const product = { 粮油: "40%", 日化: "30%" };
    const region = { 华东: "35%", 华南: "25%" };
    const customer = { 新客: "50%", 老客: "30%" };
    const one = crossSplit("1000000.07", { product, region, customer });
    const other = crossSplit("1000000.07", { customer, region, product });
    for (const cell of one.cells) {
      const twin = other.cells.find(
        (candidate) =>
          candidate.coordinates.product === cell.coordinates.product &&
          candidate.coordinates.region === cell.coordinates.region &&
          candidate.coordinates.customer === cell.coordinates.customer,
      )!;
      expect(twin.value.toString()).toBe(cell.value.toString());
    }
  });
});
