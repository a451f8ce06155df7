/**
 * The combinatorial core of controlled rounding, on counts only (no amounts).
 *
 * Every cell starts at the floor of its exact value; `delta` says how many units it
 * gets on top. A row (column) needs `rowNeed` (`columnNeed`) more units. In the first
 * mode a cell may only go from its floor to its ceiling (`delta` 0 → 1, and only where
 * the exact value has a fraction), so the question is a bipartite b-matching: rows on
 * one side, columns on the other, one unit edge per fractional cell.
 *
 * 1. Greedy start: the largest fractions first (ties to the earlier cell), while both
 *    the row and the column still need a unit. This makes the result look like plain
 *    rounding wherever the marginals allow it.
 * 2. Dinic's maximum flow on what is left: one breadth-first search gives every node
 *    its distance from the rows that still need units, then a depth-first search with
 *    a current-edge pointer per node sends every shortest augmenting path of that
 *    length (raise a floored cell, lower a raised one, …) before the next search (one
 *    search per unit, as before, was quadratic). By the max-flow/min-cut theorem the flow meets every need exactly when a rounding
 *    with every cell at its floor or ceiling exists; with exact integer marginals (a
 *    proportional table) one always does.
 * 3. If needs remain (the marginals admit no floor-or-ceiling rounding), the same flow
 *    runs again letting cells move one unit beyond their floor or ceiling (never below
 *    zero), and if needs still remain, a third time letting cells rise without limit
 *    and fall to zero. A transportation problem with equal row and column totals always
 *    has a solution, so this ends with every need met.
 *
 * The greedy start is a radix sort, and each flow phase one pass over the cells; on
 * product tables few phases are needed (a 1000 × 1000 table of equal weights takes a
 * handful), so the cost grows near-linearly with the cells.
 */

/** The state of one rounding problem: needs, which cells have a fraction, and the moves so far. */
export interface RoundingGrid {
  readonly rows: number;
  readonly columns: number;
  /** Units each row still needs (negative: it has too many). */
  readonly rowNeed: Float64Array;
  /** Units each column still needs (negative: it has too many). */
  readonly columnNeed: Float64Array;
  /** 1 where the cell's exact value is not a whole number of units. */
  readonly fractional: Uint8Array;
  /** The cell's fraction in [0, 1), used only to order the greedy start. */
  readonly fractions: Float64Array;
  /** The cell's floor, as a number (exact below 2^53), for the last-resort mode. */
  readonly floors: Float64Array;
  /** Units added to each cell's floor. */
  readonly delta: Float64Array;
}

/** A grid of `rows × columns` cells, every array zeroed. */
export function newGrid(rows: number, columns: number): RoundingGrid {
  const cells = rows * columns;
  return {
    rows,
    columns,
    rowNeed: new Float64Array(rows),
    columnNeed: new Float64Array(columns),
    fractional: new Uint8Array(cells),
    fractions: new Float64Array(cells),
    floors: new Float64Array(cells),
    delta: new Float64Array(cells),
  };
}

/** How far a cell may move from its floor: 0 floor or ceiling, 1 one unit beyond, 2 anywhere ≥ 0. */
type Reach = 0 | 1 | 2;

/** Meets every row and column need by moving cells off their floors (see the file comment). */
export function settle(grid: RoundingGrid): void {
  greedyStart(grid);
  for (const reach of [0, 1, 2] as const) if (maximumFlow(grid, reach)) return;
  // Unreachable when the row and column targets have the same sum.
  throw new Error("targetree: controlled rounding left a marginal unmet");
}

/** Raises the cells with the largest fractions first while their row and column need a unit. */
function greedyStart(grid: RoundingGrid): void {
  const { columns, rowNeed, columnNeed, fractional, fractions, delta } = grid;
  const cells = fractional.length;
  let count = 0;
  for (let cell = 0; cell < cells; cell++) count += fractional[cell]!;
  if (count === 0) return;
  // Largest fraction first, ties to the earlier cell: a stable radix sort (four passes of eight
  // bits) on the fraction's complement in 32 bits, over the cells taken in order.
  let order = new Int32Array(count);
  let keys = new Uint32Array(count);
  let k = 0;
  for (let cell = 0; cell < cells; cell++) {
    if (fractional[cell] === 0) continue;
    order[k] = cell;
    keys[k++] = Math.min(4294967295, Math.floor((1 - fractions[cell]!) * 4294967296));
  }
  let nextOrder = new Int32Array(count);
  let nextKeys = new Uint32Array(count);
  const starts = new Int32Array(257);
  for (let shift = 0; shift < 32; shift += 8) {
    starts.fill(0);
    for (let n = 0; n < count; n++) starts[((keys[n]! >>> shift) & 255) + 1]!++;
    for (let bucket = 1; bucket <= 256; bucket++) starts[bucket]! += starts[bucket - 1]!;
    for (let n = 0; n < count; n++) {
      const at = starts[(keys[n]! >>> shift) & 255]!++;
      nextOrder[at] = order[n]!;
      nextKeys[at] = keys[n]!;
    }
    [order, nextOrder] = [nextOrder, order];
    [keys, nextKeys] = [nextKeys, keys];
  }
  for (let n = 0; n < count; n++) {
    const cell = order[n]!;
    const i = Math.floor(cell / columns);
    const j = cell - i * columns;
    if (rowNeed[i]! > 0 && columnNeed[j]! > 0) {
      delta[cell] = 1;
      rowNeed[i]! -= 1;
      columnNeed[j]! -= 1;
    }
  }
}

/**
 * Dinic's algorithm. Nodes are the rows (0…rows−1) and the columns (rows…rows+columns−1);
 * row → column raises a cell, column → row lowers one, each as far as `reach` allows.
 * Sources are the rows that need units and the columns that have too many; sinks the
 * columns that need units and the rows that have too many. Returns whether every need is met.
 */
function maximumFlow(grid: RoundingGrid, reach: Reach): boolean {
  const { rows, columns, rowNeed, columnNeed, fractional, floors, delta } = grid;
  const nodes = rows + columns;
  const level = new Int32Array(nodes);
  const next = new Int32Array(nodes);
  const queue = new Int32Array(nodes);
  const stack = new Int32Array(nodes + 1);
  // Units a cell may still go up or down. Floor or ceiling: 0 → 1 on a fractional cell and
  // back. One beyond: floor − 1 … ceiling + 1. Anywhere: up without limit, down to zero.
  const raiseRoom = (cell: number): number =>
    reach === 0
      ? fractional[cell]! - delta[cell]!
      : reach === 1
        ? fractional[cell]! + 1 - delta[cell]!
        : Number.POSITIVE_INFINITY;
  const lowerRoom = (cell: number): number =>
    reach === 0
      ? delta[cell]!
      : Math.min(
          reach === 1 ? delta[cell]! + 1 : Number.POSITIVE_INFINITY,
          floors[cell]! + delta[cell]!,
        );
  const need = (node: number): number => (node < rows ? rowNeed[node]! : -columnNeed[node - rows]!);
  const isSink = (node: number): boolean =>
    node < rows ? rowNeed[node]! < 0 : columnNeed[node - rows]! > 0;

  for (;;) {
    // Breadth-first levels from every source.
    level.fill(-1);
    let head = 0;
    let tail = 0;
    for (let node = 0; node < nodes; node++) {
      if (need(node) > 0) {
        level[node] = 0;
        queue[tail++] = node;
      }
    }
    if (tail === 0)
      return !columnNeed.some((value) => value !== 0) && !rowNeed.some((value) => value !== 0);
    let sinkLevel = -1;
    while (head < tail) {
      const node = queue[head++]!;
      const depth = level[node]!;
      if (sinkLevel >= 0 && depth >= sinkLevel) break;
      if (node < rows) {
        const base = node * columns;
        for (let j = 0; j < columns; j++) {
          if (level[rows + j] !== -1 || raiseRoom(base + j) <= 0) continue;
          level[rows + j] = depth + 1;
          queue[tail++] = rows + j;
          if (columnNeed[j]! > 0) sinkLevel = depth + 1;
        }
      } else {
        const j = node - rows;
        for (let i = 0; i < rows; i++) {
          if (level[i] !== -1 || lowerRoom(i * columns + j) <= 0) continue;
          level[i] = depth + 1;
          queue[tail++] = i;
          if (rowNeed[i]! < 0) sinkLevel = depth + 1;
        }
      }
    }
    if (sinkLevel < 0) return false;

    // Depth-first blocking flow along the levels.
    next.fill(0);
    for (let source = 0; source < nodes; source++) {
      if (level[source] !== 0) continue;
      while (need(source) > 0) {
        let top = 0;
        stack[0] = source;
        let found = false;
        while (top >= 0) {
          const node = stack[top]!;
          const depth = level[node]!;
          if (depth === sinkLevel) {
            if (isSink(node)) {
              found = true;
              break;
            }
            level[node] = -1;
            top--;
            if (top >= 0) next[stack[top]!]!++;
            continue;
          }
          let advanced = false;
          if (node < rows) {
            const base = node * columns;
            for (let j = next[node]!; j < columns; j++) {
              if (level[rows + j] === depth + 1 && raiseRoom(base + j) > 0) {
                next[node] = j;
                stack[++top] = rows + j;
                advanced = true;
                break;
              }
            }
          } else {
            const j = node - rows;
            for (let i = next[node]!; i < rows; i++) {
              if (level[i] === depth + 1 && lowerRoom(i * columns + j) > 0) {
                next[node] = i;
                stack[++top] = i;
                advanced = true;
                break;
              }
            }
          }
          if (!advanced) {
            level[node] = -1;
            top--;
            if (top >= 0) next[stack[top]!]!++;
          }
        }
        if (!found) break;
        const end = stack[top]!;
        let amount = Math.min(need(source), -need(end));
        for (let step = 0; step < top; step++) {
          const from = stack[step]!;
          const to = stack[step + 1]!;
          amount = Math.min(
            amount,
            from < rows
              ? raiseRoom(from * columns + (to - rows))
              : lowerRoom(to * columns + (from - rows)),
          );
        }
        for (let step = 0; step < top; step++) {
          const from = stack[step]!;
          const to = stack[step + 1]!;
          if (from < rows) delta[from * columns + (to - rows)]! += amount;
          else delta[to * columns + (from - rows)]! -= amount;
        }
        for (const node of [source, end]) {
          const sign = node === source ? -1 : 1;
          if (node < rows) rowNeed[node]! += sign * amount;
          else columnNeed[node - rows]! -= sign * amount;
        }
      }
    }
  }
}
