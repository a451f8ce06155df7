/**
 * Controlled rounding of product tables: integer cells whose sums along every
 * dimension equal given, already rounded, marginals.
 *
 * Two dimensions (rows × columns). Start every cell at the floor of its exact value.
 * Each row and column then needs a known number of extra units. Greedily give one
 * unit to the cells with the largest fractions while both their row and column
 * still need one; then finish with augmenting paths (raise a floored cell, lower a
 * raised one, …), which is a maximum flow on the network "row → fractional cell →
 * column". By the max-flow/min-cut theorem this finds a rounding in which every
 * cell is the floor or the ceiling of its exact value whenever such a rounding
 * exists. If none exists, a second phase lets cells move further (raise any
 * cell, lower any positive one), which always succeeds because a transportation
 * problem with equal, non-negative row and column totals always has an integer
 * solution.
 *
 * More dimensions, by induction. To round a table over dimensions d0 × d1 × … ×
 * dk, first round the table over d1 × … × dk (its marginals are the same
 * one-dimension splits), then treat d0 as the rows and each combination of the
 * others as a column, with the rounded (k)-dimension table as the column targets.
 * The 2-D step keeps the column sums, so every marginal of d1 … dk is still met,
 * and the row sums meet d0's marginals.
 */

/** Rounds a rows × columns table of exact values `numerators / denominator` (row-major). */
export function roundTable(
  numerators: readonly bigint[],
  denominator: bigint,
  rowTargets: readonly bigint[],
  columnTargets: readonly bigint[],
): bigint[] {
  const rows = rowTargets.length;
  const columns = columnTargets.length;
  const cells = rows * columns;
  const floors = new Array<bigint>(cells);
  const fractions = new Array<bigint>(cells);
  const rowNeed = new Float64Array(rows);
  const columnNeed = new Float64Array(columns);
  const rowFloor = new Array<bigint>(rows).fill(0n);
  const columnFloor = new Array<bigint>(columns).fill(0n);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < columns; j++) {
      const cell = i * columns + j;
      const value = numerators[cell]!;
      floors[cell] = value / denominator;
      fractions[cell] = value % denominator;
      rowFloor[i]! += floors[cell]!;
      columnFloor[j]! += floors[cell]!;
    }
  }
  for (let i = 0; i < rows; i++) rowNeed[i] = Number(rowTargets[i]! - rowFloor[i]!);
  for (let j = 0; j < columns; j++) columnNeed[j] = Number(columnTargets[j]! - columnFloor[j]!);
  const delta = new Float64Array(cells);

  // Greedy start: largest fractions first, ties to the earlier cell.
  const candidates: number[] = [];
  for (let cell = 0; cell < cells; cell++) if (fractions[cell]! > 0n) candidates.push(cell);
  const exact = denominator <= 9007199254740991n;
  const scale = exact ? 1 : Number(denominator);
  const keyOf = (cell: number): number =>
    exact ? Number(fractions[cell]!) : Number(fractions[cell]!) / scale;
  const keys = new Float64Array(cells);
  for (const cell of candidates) keys[cell] = keyOf(cell);
  candidates.sort((a, b) => keys[b]! - keys[a]! || a - b);
  for (const cell of candidates) {
    const i = Math.floor(cell / columns);
    const j = cell - i * columns;
    if (rowNeed[i]! > 0 && columnNeed[j]! > 0) {
      delta[cell] = 1;
      rowNeed[i]! -= 1;
      columnNeed[j]! -= 1;
    }
  }

  const canRaise = (cell: number, free: boolean): boolean =>
    free || (delta[cell] === 0 && fractions[cell]! > 0n);
  const canLower = (cell: number, free: boolean): boolean =>
    free ? floors[cell]! + BigInt(delta[cell]!) > 0n : delta[cell] === 1;

  for (const free of [false, true]) {
    while (
      augment(
        rows,
        columns,
        rowNeed,
        columnNeed,
        delta,
        (c) => canRaise(c, free),
        (c) => canLower(c, free),
      )
    ) {
      // Each augmenting path moves one unit closer to every target.
    }
  }
  if (rowNeed.some((need) => need !== 0) || columnNeed.some((need) => need !== 0)) {
    // Unreachable when the row and column targets have the same sum.
    throw new Error("targetree: controlled rounding left a marginal unmet");
  }
  return floors.map((floor, cell) => floor + BigInt(delta[cell]!));
}

/**
 * One augmenting path by breadth-first search. Nodes are rows (0…rows−1) and
 * columns (rows…rows+columns−1). Row → column raises a cell; column → row lowers
 * one. A path starts at a row that needs more or a column that has too much, and
 * ends at a column that needs more or a row that has too much.
 */
function augment(
  rows: number,
  columns: number,
  rowNeed: Float64Array,
  columnNeed: Float64Array,
  delta: Float64Array,
  canRaise: (cell: number) => boolean,
  canLower: (cell: number) => boolean,
): boolean {
  const nodes = rows + columns;
  const previous = new Int32Array(nodes).fill(-2);
  const queue = new Int32Array(nodes);
  let head = 0;
  let tail = 0;
  let pending = false;
  for (let i = 0; i < rows; i++) {
    if (rowNeed[i]! > 0) {
      previous[i] = -1;
      queue[tail++] = i;
      pending = true;
    }
  }
  for (let j = 0; j < columns; j++) {
    if (columnNeed[j]! < 0) {
      previous[rows + j] = -1;
      queue[tail++] = rows + j;
      pending = true;
    }
  }
  if (!pending) return false;
  while (head < tail) {
    const node = queue[head++]!;
    if (node < rows) {
      for (let j = 0; j < columns; j++) {
        const next = rows + j;
        if (previous[next] !== -2 || !canRaise(node * columns + j)) continue;
        previous[next] = node;
        if (columnNeed[j]! > 0)
          return apply(next, rows, columns, previous, rowNeed, columnNeed, delta);
        queue[tail++] = next;
      }
    } else {
      const j = node - rows;
      for (let i = 0; i < rows; i++) {
        if (previous[i] !== -2 || !canLower(i * columns + j)) continue;
        previous[i] = node;
        if (rowNeed[i]! < 0) return apply(i, rows, columns, previous, rowNeed, columnNeed, delta);
        queue[tail++] = i;
      }
    }
  }
  return false;
}

function apply(
  end: number,
  rows: number,
  columns: number,
  previous: Int32Array,
  rowNeed: Float64Array,
  columnNeed: Float64Array,
  delta: Float64Array,
): boolean {
  if (end < rows) rowNeed[end]! += 1;
  else columnNeed[end - rows]! -= 1;
  let node = end;
  for (;;) {
    const from = previous[node]!;
    if (from === -1) break;
    if (from < rows) delta[from * columns + (node - rows)]! += 1;
    else delta[node * columns + (from - rows)]! -= 1;
    node = from;
  }
  if (node < rows) rowNeed[node]! -= 1;
  else columnNeed[node - rows]! += 1;
  return true;
}

/**
 * Rounds the product table `units × Π weights[d][i_d] / Π sums[d]` over every
 * dimension (row-major, first dimension outermost) so that its sums along each
 * dimension equal `marginals[d]`.
 */
export function roundProductTable(
  units: bigint,
  weights: readonly (readonly bigint[])[],
  marginals: readonly (readonly bigint[])[],
): bigint[] {
  if (weights.length === 1) return [...marginals[0]!];
  const inner = roundProductTable(units, weights.slice(1), marginals.slice(1));
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
  const numerators: bigint[] = [];
  for (const weight of first) {
    const scaled = units * weight;
    for (const product of innerProducts) numerators.push(scaled * product);
  }
  return roundTable(numerators, denominator, marginals[0]!, inner);
}
