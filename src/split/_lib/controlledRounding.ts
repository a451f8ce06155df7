/**
 * Controlled rounding: integer cells whose sums along every dimension equal given,
 * already rounded, marginals, each cell the floor or the ceiling of its exact value
 * whenever such a rounding exists.
 *
 * Two dimensions (rows × columns): every cell starts at the floor of its exact value,
 * and the combinatorial core (`roundingFlow.ts`: a greedy start on the largest
 * fractions, then Dinic's maximum flow, then a last-resort mode) decides which cells
 * go up. Product tables, the common case, compute their floors in plain numbers while
 * every product stays below 2^53, and in BigInt beyond.
 *
 * More dimensions, by induction. To round a table over dimensions d0 × d1 × … ×
 * dk, first round the table over d1 × … × dk (its marginals are the same
 * one-dimension splits), then treat d0 as the rows and each combination of the
 * others as a column, with the rounded (k)-dimension table as the column targets.
 * The 2-D step keeps the column sums, so every marginal of d1 … dk is still met,
 * and the row sums meet d0's marginals. Given the dimensions' names, the dimensions
 * are taken in the order of their names, so the result does not depend on the order
 * in which the caller lists them.
 */
import { newGrid, settle } from "./roundingFlow.js";

const MAX_SAFE_BIG = 9007199254740991n;
const SMALL_VALUES = 65536;

const floorDivide = (value: bigint, divisor: bigint): bigint => {
  const quotient = value / divisor;
  return value % divisor !== 0n && value < 0n !== divisor < 0n ? quotient - 1n : quotient;
};

const absolute = (value: bigint): bigint => (value < 0n ? -value : value);

function greatestCommonDivisor(a: bigint, b: bigint): bigint {
  let x = absolute(a);
  let y = absolute(b);
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

/** Weights divided by their greatest common divisor (all-zero weights stay as they are). */
function reduced(weights: readonly bigint[]): readonly bigint[] {
  let divisor = 0n;
  for (const weight of weights) {
    divisor = greatestCommonDivisor(divisor, weight);
    if (divisor === 1n) return weights;
  }
  return divisor <= 1n ? weights : weights.map((weight) => weight / divisor);
}

/** `fraction / denominator` as a number, even when both are far beyond 2^1023. */
function ratioOf(denominator: bigint): (fraction: bigint) => number {
  const bits = denominator.toString(16).length * 4;
  if (bits <= 1000) {
    const scale = Number(denominator);
    return (fraction) => Number(fraction) / scale;
  }
  const shift = BigInt(bits - 60);
  const scale = Number(denominator >> shift);
  return (fraction) => Number(fraction >> shift) / scale;
}

/** Rounds a rows × columns table of exact values `numerators / denominator` (row-major). */
export function roundTable(
  numerators: readonly bigint[],
  denominator: bigint,
  rowTargets: readonly bigint[],
  columnTargets: readonly bigint[],
): bigint[] {
  if (denominator <= 0n)
    throw new Error("targetree: controlled rounding needs a positive denominator");
  const rows = rowTargets.length;
  const columns = columnTargets.length;
  const grid = newGrid(rows, columns);
  const floors = new Array<bigint>(rows * columns);
  const rowFloor = new Array<bigint>(rows).fill(0n);
  const columnFloor = new Array<bigint>(columns).fill(0n);
  const ratio = ratioOf(denominator);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < columns; j++) {
      const cell = i * columns + j;
      const value = numerators[cell]!;
      const floor = floorDivide(value, denominator);
      const fraction = value - floor * denominator;
      floors[cell] = floor;
      grid.floors[cell] = Number(floor);
      if (fraction !== 0n) {
        grid.fractional[cell] = 1;
        grid.fractions[cell] = ratio(fraction);
      }
      rowFloor[i]! += floor;
      columnFloor[j]! += floor;
    }
  }
  for (let i = 0; i < rows; i++) grid.rowNeed[i] = Number(rowTargets[i]! - rowFloor[i]!);
  for (let j = 0; j < columns; j++)
    grid.columnNeed[j] = Number(columnTargets[j]! - columnFloor[j]!);
  settle(grid);
  return floors.map((floor, cell) => {
    const delta = grid.delta[cell]!;
    return delta === 0 ? floor : floor + BigInt(delta);
  });
}

/**
 * Rounds the product table `rowFactors[i] × columnFactors[j] / denominator` (row-major) to
 * the given row and column targets. The same result as {@link roundTable} on the products,
 * computed in plain numbers when every product is below 2^53.
 */
export function roundProduct(
  rowFactors: readonly bigint[],
  columnFactors: readonly bigint[],
  denominator: bigint,
  rowTargets: readonly bigint[],
  columnTargets: readonly bigint[],
): bigint[] {
  if (denominator <= 0n)
    throw new Error("targetree: controlled rounding needs a positive denominator");
  const rows = rowFactors.length;
  const columns = columnFactors.length;
  if (!fitsInNumbers(rowFactors, columnFactors, denominator, rowTargets, columnTargets)) {
    const numerators: bigint[] = [];
    for (const a of rowFactors) for (const b of columnFactors) numerators.push(a * b);
    return roundTable(numerators, denominator, rowTargets, columnTargets);
  }
  const grid = newGrid(rows, columns);
  const { floors, fractional, fractions } = grid;
  const columnValues = Float64Array.from(columnFactors, Number);
  const rowFloor = new Float64Array(rows);
  const columnFloor = new Float64Array(columns);
  const divisor = Number(denominator);
  for (let i = 0; i < rows; i++) {
    const a = Number(rowFactors[i]!);
    const base = i * columns;
    let sum = 0;
    for (let j = 0; j < columns; j++) {
      const value = a * columnValues[j]!;
      let floor = Math.floor(value / divisor);
      let rest = value - floor * divisor;
      if (rest < 0) {
        floor -= 1;
        rest += divisor;
      } else if (rest >= divisor) {
        floor += 1;
        rest -= divisor;
      }
      // Never −0: a floor of zero is stored as +0.
      floors[base + j] = floor + 0;
      if (rest !== 0) {
        fractional[base + j] = 1;
        fractions[base + j] = rest / divisor;
      }
      sum += floor;
      columnFloor[j]! += floor;
    }
    rowFloor[i] = sum;
  }
  for (let i = 0; i < rows; i++) grid.rowNeed[i] = Number(rowTargets[i]!) - rowFloor[i]!;
  for (let j = 0; j < columns; j++)
    grid.columnNeed[j] = Number(columnTargets[j]!) - columnFloor[j]!;
  settle(grid);
  // A big table's cells take few distinct values: make each small one a BigInt once per call,
  // so a million cells are not a million allocations.
  const small: bigint[] = [];
  const result = new Array<bigint>(rows * columns);
  for (let cell = 0; cell < result.length; cell++) {
    const value = floors[cell]! + grid.delta[cell]!;
    if (value < 0 || value >= SMALL_VALUES) {
      result[cell] = BigInt(value);
      continue;
    }
    let shared = small[value];
    if (shared === undefined) {
      shared = BigInt(value);
      small[value] = shared;
    }
    result[cell] = shared;
  }
  return result;
}

/** Whether every product, floor, sum and need of a product table is an exact number. */
function fitsInNumbers(
  rowFactors: readonly bigint[],
  columnFactors: readonly bigint[],
  denominator: bigint,
  rowTargets: readonly bigint[],
  columnTargets: readonly bigint[],
): boolean {
  let rowMax = 0n;
  let rowSum = 0n;
  for (const factor of rowFactors) {
    const size = absolute(factor);
    if (size > rowMax) rowMax = size;
    rowSum += size;
  }
  let columnMax = 0n;
  let columnSum = 0n;
  for (const factor of columnFactors) {
    const size = absolute(factor);
    if (size > columnMax) columnMax = size;
    columnSum += size;
  }
  let targets = 0n;
  for (const target of rowTargets) targets += absolute(target);
  for (const target of columnTargets) targets += absolute(target);
  const cells = BigInt(rowFactors.length * columnFactors.length);
  return (
    rowMax * columnMax + denominator <= MAX_SAFE_BIG &&
    (rowSum * columnSum) / denominator + cells + targets <= MAX_SAFE_BIG
  );
}

/**
 * Rounds the table `rowTotals[i] × columnTotals[j] / total` (row-major), whose exact row and
 * column sums are the given totals themselves, so every cell is the floor or the ceiling of
 * its exact value and the sums are exact. A negative total is rounded as the mirror image of
 * the positive one. A zero total with non-zero totals (of mixed signs) uses the table
 * `rowTotals[i] / columns + columnTotals[j] / rows`, which has the same sums.
 */
export function roundProportional(
  rowTotals: readonly bigint[],
  columnTotals: readonly bigint[],
): bigint[] {
  let total = 0n;
  for (const value of rowTotals) total += value;
  let check = 0n;
  for (const value of columnTotals) check += value;
  if (check !== total) throw new Error("targetree: row and column totals differ");
  if (total < 0n) {
    const mirrored = roundProportional(
      rowTotals.map((value) => -value),
      columnTotals.map((value) => -value),
    );
    return mirrored.map((value) => (value === 0n ? 0n : -value));
  }
  if (total > 0n) return roundProduct(rowTotals, columnTotals, total, rowTotals, columnTotals);
  const rows = BigInt(rowTotals.length);
  const columns = BigInt(columnTotals.length);
  if (rowTotals.every((value) => value === 0n) && columnTotals.every((value) => value === 0n))
    return new Array<bigint>(rowTotals.length * columnTotals.length).fill(0n);
  const numerators: bigint[] = [];
  for (const a of rowTotals) for (const b of columnTotals) numerators.push(a * rows + b * columns);
  return roundTable(numerators, rows * columns, rowTotals, columnTotals);
}

/**
 * Rounds the product table `units × Π weights[d][i_d] / Π sums[d]` over every
 * dimension (row-major, first dimension outermost) so that its sums along each
 * dimension equal `marginals[d]`. With `names`, the dimensions are rounded in the
 * order of their names, so listing them in another order moves no cell.
 */
export function roundProductTable(
  units: bigint,
  weights: readonly (readonly bigint[])[],
  marginals: readonly (readonly bigint[])[],
  names?: readonly string[],
): bigint[] {
  if (names === undefined) return roundInOrder(units, weights, marginals);
  const order = names
    .map((_, d) => d)
    .sort((a, b) => (names[a]! < names[b]! ? -1 : names[a]! > names[b]! ? 1 : a - b));
  if (order.every((d, k) => d === k)) return roundInOrder(units, weights, marginals);
  const table = roundInOrder(
    units,
    order.map((d) => weights[d]!),
    order.map((d) => marginals[d]!),
  );
  // Read the table, rounded in name order, back in the caller's order.
  const sizes = weights.map((dimension) => dimension.length);
  const strides = new Array<number>(sizes.length);
  let stride = 1;
  for (let k = order.length - 1; k >= 0; k--) {
    strides[order[k]!] = stride;
    stride *= sizes[order[k]!]!;
  }
  const result = new Array<bigint>(table.length);
  const position = new Array<number>(sizes.length).fill(0);
  let source = 0;
  for (let cell = 0; cell < table.length; cell++) {
    result[cell] = table[source]!;
    for (let d = sizes.length - 1; d >= 0; d--) {
      position[d]! += 1;
      source += strides[d]!;
      if (position[d]! < sizes[d]!) break;
      source -= strides[d]! * sizes[d]!;
      position[d] = 0;
    }
  }
  return result;
}

function roundInOrder(
  units: bigint,
  given: readonly (readonly bigint[])[],
  marginals: readonly (readonly bigint[])[],
): bigint[] {
  if (given.length === 1) return [...marginals[0]!];
  // Scale each dimension's weights once, by their common divisor: the exact cells stay the
  // same, and the products stay small (shares of "50%" become weights of 1).
  const weights = given.map(reduced);
  const inner = roundInOrder(units, weights.slice(1), marginals.slice(1));
  let innerProducts: bigint[] = [1n];
  let denominator = 1n;
  for (const dimension of weights.slice(1)) {
    const next: bigint[] = [];
    for (const product of innerProducts)
      for (const weight of dimension) next.push(product * weight);
    innerProducts = next;
    denominator *= dimension.reduce((a, b) => a + b, 0n);
  }
  const first = weights[0]!;
  denominator *= first.reduce((a, b) => a + b, 0n);
  return roundProduct(
    first.map((weight) => units * weight),
    innerProducts,
    denominator,
    marginals[0]!,
    inner,
  );
}
