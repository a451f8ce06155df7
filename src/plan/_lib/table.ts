/**
 * The org × time table of a plan: every node of the organisation × every period, in whole
 * units, exact both ways at every level.
 *
 * The top node's finest periods come in (a largest-remainder split of its target). Below
 * it, each node's children × periods table is a controlled rounding of the proportional
 * table `child's target × node's period value ÷ node's target`: its row totals are the
 * children's targets and its column totals the node's period values, both exact, and every
 * cell is the floor or the ceiling of its exact value (such a rounding always exists when
 * the row and column totals are themselves exact). Coarser grains are sums of the finest
 * periods, so they are exact both ways too.
 */
import { TargetreeError } from "../../_lib/errors.js";
import { readOptions } from "../../_lib/options.js";
import { roundProportional } from "../../split/internal.js";
import { readGrains, readPeriods, readTree, type TableNode } from "./tableInput.js";

export type { TableNode } from "./tableInput.js";

/** The most node × period cells one table holds. */
export const MAX_TABLE_CELLS = 20_000_000;

/** Options of {@link buildTable}. */
export interface BuildTableOptions {
  /**
   * Coarser grains, each given as the number of finest periods in each of its periods, in
   * order: `[[3, 3, 3, 3]]` makes quarters of 12 months. Each must cover every finest period.
   */
  readonly grains?: readonly (readonly number[])[];
}

/** One node's row of the table, and its children's rows. */
export interface TableRow<N extends TableNode = TableNode> {
  /** The caller's node (never changed). */
  readonly node: N;
  /** 0 for the top node, 1 for its children, … */
  readonly depth: number;
  /** The node's target in whole units. */
  readonly target: bigint;
  /** The node's value in each finest period; they sum to `target`. */
  readonly periods: readonly bigint[];
  /** For each of `options.grains`, the node's value in each of that grain's periods. */
  readonly grains: readonly (readonly bigint[])[];
  /** The children's rows, in the caller's order; in every period they sum to this row. */
  readonly children: readonly TableRow<N>[];
}

/**
 * Builds the org × time table (internal; `buildPlan` calls it).
 *
 * @param tree - The top node; every node has a whole-unit `target`, and its children's
 *   targets sum to it.
 * @param periods - The top node's value in each finest period, summing to its target.
 * @param options - `grains`: the coarser grains as runs of finest periods.
 * @returns The table as a tree of rows mirroring `tree`.
 * @throws {TargetreeError} `INVALID_ARGUMENT` for a node without a whole-unit target, children
 *   that do not sum to their parent, a node that appears twice, periods that do not sum to the
 *   top target, grains that do not cover the periods, or more than 20,000,000 cells.
 *
 * For example (internal, so the docs test cannot run it; test/plan/table.test.ts does):
 * ```ts
 * const table = buildTable(
 *   { target: 100n, children: [{ target: 70n }, { target: 30n }] },
 *   [50n, 30n, 20n],
 *   { grains: [[2, 1]] },
 * );
 * table.children.map((row) => row.periods.join(" "))
 * //=> ["35 21 14", "15 9 6"]
 * table.children.map((row) => row.grains[0]!.join(" "))
 * //=> ["56 14", "24 6"]
 * ```
 */
export function buildTable<N extends TableNode>(
  tree: N,
  periods: readonly bigint[],
  options?: BuildTableOptions,
): TableRow<N> {
  const raw = readOptions(options, ["grains"]);
  const nodes = readTree(tree);
  const top = readPeriods(periods, nodes[0]!.target);
  const grains = readGrains(raw.grains, top.length, ["options", "grains"]);
  if (nodes.length * top.length > MAX_TABLE_CELLS) {
    throw new TargetreeError(
      "INVALID_ARGUMENT",
      `The table would have ${(nodes.length * top.length).toLocaleString("en")} node × period cells, more than ${MAX_TABLE_CELLS.toLocaleString("en")}; split the plan into smaller ones or use a coarser finest grain.`,
      { path: ["tree"] },
    );
  }
  // Nodes come in preorder, so a parent's periods are known before its children's.
  const values: (readonly bigint[])[] = new Array(nodes.length);
  values[0] = [...top];
  for (let index = 0; index < nodes.length; index++) {
    const { children } = nodes[index]!;
    if (children.length === 0) continue;
    const own = values[index]!;
    if (children.length === 1) {
      values[children[0]!] = [...own];
      continue;
    }
    const cells = roundProportional(
      children.map((child) => nodes[child]!.target),
      own,
    );
    const width = own.length;
    children.forEach((child, row) => {
      values[child] = cells.slice(row * width, row * width + width);
    });
  }
  const rows: TableRow<N>[] = new Array(nodes.length);
  for (let index = nodes.length - 1; index >= 0; index--) {
    const { node, depth, target, children } = nodes[index]!;
    const own = values[index]!;
    rows[index] = {
      node: node as N,
      depth,
      target,
      periods: own,
      grains: grains.map((sizes) => sumRuns(own, sizes)),
      children: children.map((child) => rows[child]!),
    };
  }
  return rows[0]!;
}

/** Sums consecutive runs of `values`, one run per size. */
function sumRuns(values: readonly bigint[], sizes: readonly number[]): bigint[] {
  const sums = new Array<bigint>(sizes.length);
  let at = 0;
  sizes.forEach((size, k) => {
    let sum = 0n;
    for (const end = at + size; at < end; at++) sum += values[at]!;
    sums[k] = sum;
  });
  return sums;
}
