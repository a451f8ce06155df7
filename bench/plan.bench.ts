// The plan layer's table engine and the controlled rounding under it, timed the way users run them.
//
// 1. The org × time table of 10 regions × 1,000 reps × 12 months (1.2亿 in cents, China working
//    days 2026), against the same work glued by hand from the per-rep functions: splitByPeriod for
//    the company, each region and each rep, then each month's difference put on the biggest child
//    so that both ways sum (what a user writes). Bars: ≤ 0.1× the glued loop, and under 1 s.
// 2. crossSplit 1000 × 1000 with equal shares (the old worst case, 217 s). Bar: ≤ 2 s.
// 3. crossSplit's growth from 10k to 1M cells, equal and random shares: the per-cell cost at each
//    size, each size keeping about a million cells of results alive (callers keep their results;
//    a discarded 10k result dies young and costs the garbage collector nearly nothing, which would
//    show a memory step, not the algorithm). Bar: it grows at most like log n (n·log n in total).
//
// Times are CPU time (user + system, all threads, so garbage collection counts), the median of
// several runs after a warm-up; wall-clock medians are printed beside them. CPU time is what the
// bars judge: on a shared machine the wall clock also measures the neighbours.
import type { Decimal } from "targetree";
import { allocate, chinaCalendar, crossSplit, splitByPeriod, toDecimal } from "targetree";
import { unitsToDecimal } from "../src/_lib/exact/index.js";
import { buildTable, type TableNode } from "../src/plan/_lib/table.js";
import { roundProductTable } from "../src/split/_lib/controlledRounding.js";
import { type CpuTiming, cpuTime } from "./_lib/cpuTime.js";

const verdict = (pass: boolean): string => (pass ? "PASS" : "FAIL");
const line = (timing: CpuTiming): string =>
  `  ${timing.label.padEnd(58)} ${timing.cpuMs.toFixed(1).padStart(9)} ms CPU ${timing.wallMs.toFixed(1).padStart(9)} ms wall`;

// ---------------------------------------------------------------------------------------------
// 1. The org × time table.

const TOTAL = "1.2亿";
const calendar = chinaCalendar();
const YEAR = { start: "2026-01-01", end: "2026-12-31", grain: "month", calendar } as const;
const REGIONS = 10;
const REPS = 1000;

/** Deterministic weights 1…997 (a 32-bit LCG), the same every run. */
function weightsOf(count: number, seed: number): Record<string, number> {
  let state = seed;
  const weights: Record<string, number> = {};
  for (let i = 0; i < count; i++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    weights[`rep${i}`] = 1 + (state % 997);
  }
  return weights;
}

// The organisation's targets, as the cascade gives them (not timed): regions by weight, reps by weight.
const regionTargets = Object.values(
  allocate(TOTAL, weightsOf(REGIONS, 2026), { unit: "0.01" }),
) as Decimal[];
const org = regionTargets.map((target, r) => ({
  target,
  reps: Object.values(allocate(target, weightsOf(REPS, r + 1), { unit: "0.01" })) as Decimal[],
}));
const cents = (value: Decimal): bigint => BigInt(value.times(100).toFixed(0));
const tree: TableNode = {
  target: cents(regionTargets.reduce((a, b) => a.plus(b))),
  children: org.map((region) => ({
    target: cents(region.target),
    children: region.reps.map((rep) => ({ target: cents(rep) })),
  })),
};

/** targetree: the company's months by working days, then the table engine. */
function engine() {
  const months = splitByPeriod(TOTAL, YEAR).periods.map((period) => cents(period.value));
  return buildTable(tree, months, { grains: [[3, 3, 3, 3]] });
}

/** Adds each month's difference (parent − sum of children) to the biggest child: rows keep their sums. */
function plugDifferences(
  parent: Decimal[],
  children: Decimal[][],
  targets: readonly Decimal[],
): void {
  let biggest = 0;
  targets.forEach((target, i) => {
    if (target.gt(targets[biggest]!)) biggest = i;
  });
  parent.forEach((value, month) => {
    let sum = toDecimal(0);
    for (const child of children) sum = sum.plus(child[month]!);
    children[biggest]![month] = children[biggest]![month]!.plus(value.minus(sum));
  });
}

/** The same work glued by hand: splitByPeriod per node, then the sums fixed by hand. */
function glued() {
  const months = (target: Decimal | string) =>
    splitByPeriod(target, YEAR).periods.map((p) => p.value);
  const company = months(TOTAL);
  const regions = org.map((region) => months(region.target));
  plugDifferences(company, regions, regionTargets);
  return org.map((region, r) => {
    const reps = region.reps.map((rep) => months(rep));
    plugDifferences(regions[r]!, reps, region.reps);
    return { months: regions[r]!, reps };
  });
}

/** Whether every node's months sum to it and every month's children sum to their parent. */
function exactBothWays(): boolean {
  const table = engine();
  const sum = (values: readonly bigint[]) => values.reduce((a, b) => a + b, 0n);
  const rows = [table, ...table.children];
  return rows.every(
    (row) =>
      sum(row.periods) === row.target &&
      row.periods.every(
        (value, j) => sum(row.children.map((child) => child.periods[j]!)) === value,
      ) &&
      row.children.every((child) => sum(child.periods) === child.target),
  );
}

console.log(
  `\nThe org × time table: ${REGIONS} regions × ${REPS.toLocaleString("en")} reps × 12 months (${TOTAL}, China working days 2026)`,
);
const ours = cpuTime("targetree splitByPeriod(company) + buildTable", engine, {
  runs: 9,
  warmup: 3,
});
const gluedTiming = cpuTime(
  `glued: splitByPeriod × ${(1 + REGIONS + REGIONS * REPS).toLocaleString("en")} + sums fixed by hand`,
  glued,
  { runs: 3, warmup: 0 },
);
const CENT = { mantissa: 1n, scale: 2 };
const withDecimals = cpuTime(
  "targetree, then every cell as a Decimal (as the glued loop has)",
  () => {
    const table = engine();
    return table.children.map((region) =>
      region.children.map((rep) => rep.periods.map((value) => unitsToDecimal(value, CENT))),
    );
  },
  { runs: 5, warmup: 1 },
);
for (const timing of [gluedTiming, ours, withDecimals]) console.log(line(timing));
const tableRatio = ours.cpuMs / gluedTiming.cpuMs;
console.log(`  exact both ways: ${verdict(exactBothWays())}`);
console.log(
  `  ratio ${tableRatio.toFixed(3)}× the glued loop (bar ≤ 0.1×): ${verdict(tableRatio <= 0.1)}; ${ours.cpuMs.toFixed(0)} ms (bar < 1,000 ms): ${verdict(ours.cpuMs < 1000)}`,
);

// ---------------------------------------------------------------------------------------------
// 2. and 3. crossSplit.

/** `count` equal shares that sum to exactly 100% (100 / count must be a finite decimal). */
const equalShares = (count: number): Record<string, string> =>
  Object.fromEntries(Array.from({ length: count }, (_, i) => [`k${i}`, `${100 / count}%`]));
const CROSS_TOTAL = "1000000.07";

console.log("\ncrossSplit 1000 × 1000, equal shares of 0.1% (was 217 s)");
const wide = equalShares(1000);
const cross = cpuTime(
  "crossSplit 1000 × 1000",
  () => crossSplit(CROSS_TOTAL, { a: wide, b: wide }),
  {
    runs: 3,
    warmup: 1,
  },
);
const ones = new Array<bigint>(1000).fill(1n);
const marginal = Array.from({ length: 1000 }, (_, i) => (i < 7 ? 100001n : 100000n));
const core = cpuTime(
  "its controlled rounding alone (roundProductTable)",
  () => roundProductTable(100_000_007n, [ones, ones], [marginal, marginal]),
  { runs: 5, warmup: 1 },
);
console.log(line(cross));
console.log(line(core));
console.log(`  ${cross.cpuMs.toFixed(0)} ms (bar ≤ 2,000 ms): ${verdict(cross.cpuMs <= 2000)}`);

/** `count − 1` random shares of 1/count % to 99/count % (a 32-bit LCG); the remainder part makes `count`. */
const randomShares = (count: number, seed: number): Record<string, string> => {
  let state = seed;
  return Object.fromEntries(
    Array.from({ length: count - 1 }, (_, i) => {
      state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
      return [`k${i}`, `${Math.floor((1e6 * (1 + (state % 99))) / count) / 1e6}%`];
    }),
  );
};

/** The equal-weights table's marginals: `units` over `count` parts, the first ones a unit more. */
const evenly = (units: bigint, count: number): bigint[] =>
  Array.from({ length: count }, (_, i) =>
    BigInt(i) < units % BigInt(count) ? units / BigInt(count) + 1n : units / BigInt(count),
  );

console.log(
  "\ncrossSplit growth, n × n cells, about a million cells of results kept: CPU per cell (bar: at most log n growth)",
);
const sizes = [100, 320, 1000];
const runsAt = (n: number) => (n >= 1000 ? 5 : n >= 320 ? 15 : 41);
const allowed = Math.log(sizes.at(-1)! ** 2) / Math.log(sizes[0]! ** 2);
const kinds = {
  "crossSplit, equal shares": (n: number) => {
    const dimensions = { a: equalShares(n), b: equalShares(n) };
    return () => crossSplit(CROSS_TOTAL, dimensions);
  },
  "crossSplit, random shares": (n: number) => {
    const dimensions = { a: randomShares(n, 7), b: randomShares(n, 11) };
    return () => crossSplit(CROSS_TOTAL, dimensions);
  },
  "controlled rounding alone, equal weights": (n: number) => {
    const weights = new Array<bigint>(n).fill(1n);
    const marginal = evenly(100_000_007n, n);
    return () => roundProductTable(100_000_007n, [weights, weights], [marginal, marginal]);
  },
};
for (const [kind, make] of Object.entries(kinds)) {
  const perCell: number[] = [];
  for (const n of sizes) {
    const cells = n * n;
    const timing = cpuTime(`${kind}, ${cells.toLocaleString("en")} cells`, make(n), {
      runs: runsAt(n),
      warmup: 2,
      // Each size keeps about a million cells of results alive, as callers keep what they compute.
      keep: Math.max(1, Math.floor(1_000_000 / cells)),
    });
    perCell.push((timing.cpuMs * 1e6) / cells);
    console.log(`${line(timing)} ${perCell.at(-1)!.toFixed(0).padStart(6)} ns/cell`);
  }
  const growth = perCell.at(-1)! / perCell[0]!;
  // The bar is crossSplit's; the rounding alone is shown for where the time goes.
  const judged = kind.startsWith("crossSplit")
    ? `: ${verdict(growth <= allowed)}`
    : " (for information)";
  console.log(
    `  per-cell cost ×${growth.toFixed(2)} from 10k to 1M cells (n·log n allows ×${allowed.toFixed(2)})${judged}`,
  );
}
