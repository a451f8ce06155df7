// Splits timed the way users run them, in one run, CPU time (user + system, so garbage collection
// counts), medians after a warm-up, each result kept until the next run as callers keep theirs.
//
// 1. allocate 123,456,789.01 over 1M weights: targetree with Decimal parts and with integer parts
//    (as: "units", cents), against a hand-written largest remainder with decimal.js (the obvious
//    implementation), dinero.js v2, and the exact limit: the same largest remainder hand-written on
//    int53 scaled integers (Float64, native typed-array sort). Every contender is checked equal,
//    cent for cent. Bars: Decimal parts ≤ 0.2× decimal.js; integer parts ≤ 2× the int53 limit.
// 2. cascade 3 levels, 100k leaves (10 × 100 × 100 by weights): targetree with Decimals and with
//    integer values, against a hand-written decimal.js recursion and the int53 limit (the same tree
//    shape out: name, path, value, children). Bar: integer values ≤ 3× the int53 limit.
// 3. Memory per kept value, and growth 1k → 1M with the per-item cost at each size.
import { Decimal as DecimalJs } from "decimal.js";
import { dinero, allocate as dineroAllocate, toSnapshot } from "dinero.js";
import type { CascadeNode, TreeNode } from "targetree";
import { allocate, cascade } from "targetree";
import { growthTable, keptBytes, line, timed, verdict } from "./_lib/kept.js";

const TOTAL = "123456789.01";
const TOTAL_CENTS = 12345678901;

/** Deterministic weights: integers 1…9,973 (a 32-bit LCG), the same every run. */
function makeWeights(count: number, seed = 20240601): number[] {
  let state = seed;
  return Array.from({ length: count }, () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return 1 + (state % 9973);
  });
}

// The obvious decimal.js implementation: exact quota per part, floor, sort the remainders,
// hand out the leftover cents. Its own clone with enough precision to order remainders exactly.
const D = DecimalJs.clone({ precision: 40, rounding: DecimalJs.ROUND_HALF_UP });
function decimalJsAllocate(total: DecimalJs, weights: readonly number[]): DecimalJs[] {
  const cent = new D("0.01");
  const units = total.div(cent);
  const ws = weights.map((w) => new D(w));
  const sum = ws.reduce((a, b) => a.plus(b), new D(0));
  const floors: DecimalJs[] = [];
  const remainders: DecimalJs[] = [];
  let given = new D(0);
  for (const w of ws) {
    const quota = units.times(w).div(sum);
    const floor = quota.floor();
    floors.push(floor);
    remainders.push(quota.minus(floor));
    given = given.plus(floor);
  }
  const leftover = units.minus(given).toNumber();
  const order = remainders
    .map((_, i) => i)
    .sort((a, b) => remainders[b]!.cmp(remainders[a]!) || a - b);
  for (let k = 0; k < leftover; k++) floors[order[k]!] = floors[order[k]!]!.plus(1);
  return floors.map((floor) => floor.times(cent));
}

/**
 * The exact limit: largest remainder on int53 scaled integers (cents), by hand. Quotas and
 * remainders in doubles (units × weight < 2^53 here), the leftover cents to the largest
 * remainders by a native sort of a copy, ties to the earlier part.
 */
function int53Allocate(units: number, weights: ArrayLike<number>): Float64Array {
  const count = weights.length;
  let sum = 0;
  for (let i = 0; i < count; i++) sum += weights[i]!;
  const parts = new Float64Array(count);
  const remainders = new Float64Array(count);
  let given = 0;
  for (let i = 0; i < count; i++) {
    const product = units * weights[i]!;
    const floor = Math.floor(product / sum);
    parts[i] = floor;
    remainders[i] = product - floor * sum;
    given += floor;
  }
  let left = units - given;
  if (left > 0) {
    const kth = Float64Array.from(remainders).sort()[count - left]!;
    // Every remainder above the k-th largest gets a unit, then the ones equal to it, in order.
    for (let i = 0; i < count && left > 0; i++) {
      if (remainders[i]! > kth) {
        parts[i]! += 1;
        left--;
      }
    }
    for (let i = 0; i < count && left > 0; i++) {
      if (remainders[i] === kth) {
        parts[i]! += 1;
        left--;
      }
    }
  }
  return parts;
}

const CNY = { code: "CNY", base: 10, exponent: 2 } as const;
const cents = (value: { toFixed(digits: number): string }): number =>
  Number(value.toFixed(2).replace(".", ""));

function checkEqual(label: string, expected: ArrayLike<number>, got: ArrayLike<number>): void {
  let sum = 0;
  for (let i = 0; i < expected.length; i++) {
    if (expected[i] !== got[i])
      throw new Error(`${label}: part ${i} is ${got[i]}, not ${expected[i]}`);
    sum += got[i]!;
  }
  if (sum !== TOTAL_CENTS) throw new Error(`${label}: the parts sum to ${sum} cents`);
}

// ---------------------------------------------------------------------------------------------
// 1. allocate over 1M weights.

const MILLION = 1_000_000;
const weights = makeWeights(MILLION);
console.log(`\nallocate ${TOTAL} over ${MILLION.toLocaleString("en")} weights (CPU, kept results)`);
const limit = timed(
  "exact limit: int53 largest remainder by hand",
  () => int53Allocate(TOTAL_CENTS, weights),
  5,
);
const units = timed(
  'targetree allocate, as: "units" (cents)',
  () => allocate(TOTAL, weights, { as: "units" }),
  5,
);
const decimals = timed("targetree allocate (Decimal parts)", () => allocate(TOTAL, weights), 5);
// The decimal.js version takes ~20–40 s at 1M parts: one timed run.
const total = new D(TOTAL);
const handDecimal = timed(
  "hand-written decimal.js largest remainder",
  () => decimalJsAllocate(total, weights),
  1,
  0,
);
const dineroTiming = timed(
  "dinero.js allocate",
  () => dineroAllocate(dinero({ amount: TOTAL_CENTS, currency: CNY }), weights),
  1,
  0,
);
for (const timing of [handDecimal, dineroTiming, decimals, units, limit]) {
  console.log(line(timing, `${((timing.cpuMs * 1e6) / MILLION).toFixed(0)} ns a part`));
}
// Every contender equal, cent for cent (dinero.js's remainder is round-robin, not largest remainder).
const exact = int53Allocate(TOTAL_CENTS, weights);
checkEqual("allocate as units", exact, allocate(TOTAL, weights, { as: "units" }).parts);
checkEqual("allocate (Decimal)", exact, allocate(TOTAL, weights).map(cents));
checkEqual("decimal.js", exact, decimalJsAllocate(total, weights).map(cents));
const dineroSum = dineroAllocate(dinero({ amount: TOTAL_CENTS, currency: CNY }), weights).reduce(
  (sum, part) => sum + toSnapshot(part).amount,
  0,
);
console.log(
  `  every part equal in all exact contenders, sums exact to the cent; dinero.js sums to ${dineroSum === TOTAL_CENTS ? "the total" : `${dineroSum} cents (WRONG)`}`,
);
const bytes = (make: () => unknown) => (keptBytes(make) / MILLION).toFixed(1);
console.log(
  `  memory per kept part: Decimal ${bytes(() => allocate(TOTAL, weights))} B, as: "units" ${bytes(() => allocate(TOTAL, weights, { as: "units" }))} B, int53 Float64Array ${bytes(() => int53Allocate(TOTAL_CENTS, weights))} B`,
);
const allocateRatio = decimals.cpuMs / handDecimal.cpuMs;
const unitsRatio = units.cpuMs / limit.cpuMs;
console.log(
  `  BAR allocate, Decimal parts ≤ 0.2× hand-written decimal.js: ${allocateRatio.toFixed(3)}× — ${verdict(allocateRatio <= 0.2)}`,
);
console.log(
  `  BAR allocate 1M parts in integer units ≤ 2× the int53 limit: ${unitsRatio.toFixed(2)}× — ${verdict(unitsRatio <= 2)}`,
);

growthTable("allocate growth", "part", [1_000, 10_000, 100_000, 1_000_000], (size) => {
  const w = makeWeights(size);
  return {
    "targetree allocate (Decimal)": () => allocate(TOTAL, w),
    'targetree allocate, as: "units"': () => allocate(TOTAL, w, { as: "units" }),
    "exact limit: int53 by hand": () => int53Allocate(TOTAL_CENTS, w),
  };
});

// ---------------------------------------------------------------------------------------------
// 2. cascade, 3 levels.

/** A 3-level tree of `a × b × c` leaves by weights, deterministic. */
function makeTree(a: number, b: number, c: number): CascadeNode {
  const w = makeWeights(a * b * c + a * b + a, 7);
  let k = 0;
  return {
    name: "全国",
    children: Array.from({ length: a }, (_, i) => ({
      name: `事业部${i}`,
      weight: w[k++]!,
      children: Array.from({ length: b }, (_, j) => ({
        name: `大区${j}`,
        weight: w[k++]!,
        children: Array.from({ length: c }, (_, l) => ({ name: `rep${l}`, weight: w[k++]! })),
      })),
    })),
  };
}

interface Plain<V> {
  readonly name: string;
  readonly path: readonly string[];
  readonly value: V;
  readonly children: Plain<V>[];
}

/** The int53 limit: the same recursion by hand on cents, the same node shape out. */
function int53Cascade(node: CascadeNode, value: number, path: readonly string[]): Plain<number> {
  const kids = node.children ?? [];
  const name = node.name ?? "total";
  if (kids.length === 0) return { name, path, value, children: [] };
  const parts = int53Allocate(
    value,
    kids.map((kid) => kid.weight as number),
  );
  return {
    name,
    path,
    value,
    children: kids.map((kid, i) => int53Cascade(kid, parts[i]!, path.concat(kid.name!))),
  };
}

/** The same recursion with decimal.js. */
function decimalJsCascade(
  node: CascadeNode,
  value: DecimalJs,
  path: readonly string[],
): Plain<DecimalJs> {
  const kids = node.children ?? [];
  const name = node.name ?? "total";
  if (kids.length === 0) return { name, path, value, children: [] };
  const parts = decimalJsAllocate(
    value,
    kids.map((kid) => kid.weight as number),
  );
  return {
    name,
    path,
    value,
    children: kids.map((kid, i) => decimalJsCascade(kid, parts[i]!, path.concat(kid.name!))),
  };
}

const flatValues = <V>(node: Plain<V> | TreeNode<V>, into: V[] = []): V[] => {
  into.push(node.value);
  for (const child of node.children) flatValues(child, into);
  return into;
};

const LEAVES = 100_000;
const tree = makeTree(10, 100, 100);
console.log(
  "\ncascade 1.2亿-style total over 3 levels, 10 × 100 × 100 = 100,000 leaves by weights",
);
const cascadeLimit = timed(
  "exact limit: int53 recursion by hand",
  () => int53Cascade(tree, TOTAL_CENTS, []),
  7,
);
const cascadeUnits = timed(
  'targetree cascade, as: "units"',
  () => cascade(TOTAL, tree, { as: "units" }),
  7,
);
const cascadeDecimals = timed("targetree cascade (Decimal values)", () => cascade(TOTAL, tree), 7);
const cascadeHand = timed(
  "hand-written decimal.js recursion",
  () => decimalJsCascade(tree, total, []),
  1,
  1,
);
for (const timing of [cascadeHand, cascadeDecimals, cascadeUnits, cascadeLimit]) {
  console.log(line(timing, `${((timing.cpuMs * 1e3) / LEAVES).toFixed(2)} µs a leaf`));
}
const expectedTree = flatValues(int53Cascade(tree, TOTAL_CENTS, []));
checkNodes(
  "cascade as units",
  expectedTree,
  flatValues(cascade(TOTAL, tree, { as: "units" }).tree),
);
checkNodes("cascade (Decimal)", expectedTree, flatValues(cascade(TOTAL, tree)).map(cents));
checkNodes("decimal.js", expectedTree, flatValues(decimalJsCascade(tree, total, [])).map(cents));
console.log(
  `  every node equal in all contenders (${expectedTree.length.toLocaleString("en")} nodes)`,
);
const perNode = (make: () => unknown) => (keptBytes(make) / expectedTree.length).toFixed(0);
console.log(
  `  memory per kept node: Decimal ${perNode(() => cascade(TOTAL, tree))} B, as: "units" ${perNode(() => cascade(TOTAL, tree, { as: "units" }))} B, int53 by hand ${perNode(() => int53Cascade(tree, TOTAL_CENTS, []))} B`,
);
const cascadeRatio = cascadeUnits.cpuMs / cascadeLimit.cpuMs;
console.log(
  `  ratios: Decimal values ${(cascadeDecimals.cpuMs / cascadeHand.cpuMs).toFixed(3)}× decimal.js; integer values ${cascadeRatio.toFixed(2)}× the int53 limit`,
);
console.log(
  `  BAR cascade (3 levels, 100k leaves) ≤ 3× the int53 limit: ${cascadeRatio.toFixed(2)}× — ${verdict(cascadeRatio <= 3)}`,
);

function checkNodes(label: string, expected: readonly number[], got: readonly number[]): void {
  if (expected.length !== got.length) throw new Error(`${label}: ${got.length} nodes`);
  for (let i = 0; i < expected.length; i++) {
    if (expected[i] !== got[i])
      throw new Error(`${label}: node ${i} is ${got[i]}, not ${expected[i]}`);
  }
}

// The largest tree has 990,000 leaves: with its 1,001 inner nodes it stays within MAX_TREE_NODES
// (1,000,000 places), which a million leaves and their parents would pass.
growthTable("cascade growth (3 levels)", "leaf", [1_000, 10_000, 100_000, 990_000], (size) => {
  const shape =
    size === 1_000
      ? [10, 10, 10]
      : size === 10_000
        ? [10, 10, 100]
        : size === 100_000
          ? [10, 100, 100]
          : [10, 99, 1000];
  const t = makeTree(shape[0]!, shape[1]!, shape[2]!);
  return {
    "targetree cascade (Decimal)": () => cascade(TOTAL, t),
    'targetree cascade, as: "units"': () => cascade(TOTAL, t, { as: "units" }),
    "exact limit: int53 by hand": () => int53Cascade(t, TOTAL_CENTS, []),
  };
});
