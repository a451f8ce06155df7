// Allocates 123,456,789.01 over 1,000 / 100,000 / 1,000,000 weights three ways and compares
// the times: targetree `allocate` (exact integer arithmetic in cents), a hand-written
// largest-remainder split with decimal.js objects (the obvious implementation), and
// dinero.js v2 `allocate`. targetree must equal the decimal.js version cent for cent.
// Bar: targetree ≤ 0.2× the decimal.js time at 1M parts. Goal: under 1 s for 1M parts.
import { Decimal as DecimalJs } from "decimal.js";
import { dinero, allocate as dineroAllocate, toSnapshot } from "dinero.js";
import { allocate } from "targetree";
import { report, type Timing, time } from "./_lib/measure.js";

const TOTAL = "123456789.01";
const TOTAL_CENTS = 12345678901n;
const SIZES = [1_000, 100_000, 1_000_000] as const;

/** Deterministic weights: integers 1…9,973 (a 32-bit LCG), the same every run. */
function makeWeights(count: number, decimals: boolean): number[] {
  let state = 20240601;
  return Array.from({ length: count }, () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    const whole = 1 + (state % 9973);
    // (whole·100 + cents) / 100 is the double nearest that 2-decimal number, so it reads back exactly.
    return decimals ? (whole * 100 + ((state >>> 16) % 100)) / 100 : whole;
  });
}

// The obvious decimal.js implementation: exact quota per part, floor, sort the remainders,
// hand out the leftover cents. Its own clone with enough precision to order remainders exactly.
const D = DecimalJs.clone({ precision: 40, rounding: DecimalJs.ROUND_HALF_UP });
function decimalJsAllocate(total: string, weights: readonly number[]): DecimalJs[] {
  const cent = new D("0.01");
  const units = new D(total).div(cent);
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

const CNY = { code: "CNY", base: 10, exponent: 2 } as const;
const dineroSplit = (weights: readonly number[]) =>
  dineroAllocate(dinero({ amount: Number(TOTAL_CENTS), currency: CNY }), weights);

const cents = (value: { toFixed(digits: number): string }): bigint =>
  BigInt(value.toFixed(2).replace(".", ""));

function verify(label: string, parts: readonly { toFixed(d: number): string }[]): void {
  let sum = 0n;
  for (const part of parts) sum += cents(part);
  if (sum !== TOTAL_CENTS)
    throw new Error(`${label}: parts sum to ${sum} cents, not ${TOTAL_CENTS}`);
}

const perPart = (timing: Timing, count: number): string =>
  `${((timing.medianMs * 1e6) / count).toFixed(0)} ns/part`;

const results: { size: number; ours: Timing; baseline: Timing }[] = [];
for (const size of SIZES) {
  const weights = makeWeights(size, false);
  const big = size >= 1_000_000;
  const label = size.toLocaleString("en");
  let mine: ReturnType<typeof allocate> = [];
  let theirs: DecimalJs[] = [];
  const ours = time(
    `targetree allocate (${label})`,
    () => {
      mine = allocate(TOTAL, weights);
    },
    { runs: big ? 5 : size >= 100_000 ? 9 : 25, warmup: big ? 1 : size >= 100_000 ? 3 : 10 },
  );
  const extra: Timing[] = [];
  if (big) {
    // The same split with 2-decimal weights (123.45): still the exact integer fast path.
    const decimalWeights = makeWeights(size, true);
    let check: ReturnType<typeof allocate> = [];
    extra.push(
      time(
        `targetree, 2-decimal weights (${label})`,
        () => {
          check = allocate(TOTAL, decimalWeights);
        },
        { runs: 5, warmup: 1 },
      ),
    );
    verify("targetree (2-decimal weights)", check);
  }
  // The decimal.js version takes ~20 s at 1M parts: one timed run there.
  const baseline = time(
    `decimal.js largest remainder (${label})`,
    () => {
      theirs = decimalJsAllocate(TOTAL, weights);
    },
    { runs: big ? 1 : size >= 100_000 ? 3 : 9, warmup: big ? 0 : 1 },
  );
  let dineroParts: ReturnType<typeof dineroSplit> = [];
  extra.push(
    time(
      `dinero.js allocate (${label})`,
      () => {
        dineroParts = dineroSplit(weights);
      },
      { runs: big ? 1 : 9, warmup: big ? 0 : 1 },
    ),
  );
  report(`Allocate ${TOTAL} over ${label} weights`, baseline, [ours, ...extra]);
  // Exactness: targetree sums to the cent and equals the decimal.js version part for part.
  verify("targetree", mine);
  verify("decimal.js", theirs);
  for (let i = 0; i < size; i++) {
    if (mine[i]!.toFixed(2) !== theirs[i]!.toFixed(2)) {
      throw new Error(`part ${i}: targetree ${mine[i]} ≠ decimal.js ${theirs[i]}`);
    }
  }
  const dineroCents = dineroParts.reduce((sum, part) => sum + BigInt(toSnapshot(part).amount), 0n);
  console.log(
    `  exact: targetree and decimal.js sum to ${TOTAL} and agree on all ${label} parts; ` +
      `dinero.js sums to ${dineroCents === TOTAL_CENTS ? "the total" : `${dineroCents} cents (WRONG)`} (its remainder is round-robin, not largest remainder)`,
  );
  console.log(`  targetree ${perPart(ours, size)}, decimal.js ${perPart(baseline, size)}`);
  results.push({ size, ours, baseline });
}

const [small, , large] = results;
const ratio = large!.ours.medianMs / large!.baseline.medianMs;
console.log(
  `\nLinear growth: 1k → 1M is ×1000 parts; targetree took ×${(large!.ours.medianMs / small!.ours.medianMs).toFixed(0)} the time ` +
    `(${perPart(small!.ours, small!.size)} → ${perPart(large!.ours, large!.size)}).`,
);
console.log(
  `BAR  (≤ 0.2× decimal.js at 1M): ${ratio.toFixed(3)}× — ${ratio <= 0.2 ? "PASS" : "FAIL"}`,
);
console.log(
  `GOAL (< 1 s for 1M parts):      ${large!.ours.medianMs.toFixed(0)} ms — ${large!.ours.medianMs < 1000 ? "PASS" : "MISSED"}`,
);
