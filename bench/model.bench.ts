// Evaluates the W1 revenue model over 100,000 rows three ways and compares the times:
// compiled targetree, hand-written decimal.js, and mathjs BigNumber. All three must agree exactly.
import { Decimal } from "decimal.js";
import { all, create } from "mathjs";
import { compileModel, revenueModel } from "targetree";
import { report, type Timing } from "./_lib/measure.js";

interface Row {
  readonly newCustomers: number;
  readonly conversion: number;
  readonly newAov: number;
  readonly returningCustomers: number;
  readonly repurchase: number;
  readonly returningAov: number;
}

const ROWS = 100_000;

/** A deterministic generator (a 32-bit LCG), so every run times the same rows. */
function makeRows(count: number): Row[] {
  let state = 20240601;
  const next = (below: number): number => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state % below;
  };
  return Array.from({ length: count }, () => ({
    newCustomers: next(5000),
    conversion: next(1001) / 1000,
    newAov: 500 + next(20000) + next(100) / 100,
    returningCustomers: next(20000),
    repurchase: next(101) / 100,
    returningAov: 300 + next(10000) + next(100) / 100,
  }));
}

const rows = makeRows(ROWS);

// targetree: compile once, then one closure call per row (inputs validated and converted once).
const compiled = compileModel(revenueModel());
const revenueOf = compiled.output("revenue");
const runTargetree = (): unknown[] => rows.map((row) => revenueOf(row));
// The same, returning every node of the tree (a fresh record per row).
const runTargetreeAll = (): unknown[] => rows.map((row) => compiled.evaluate(row).revenue);

// The code a developer writes by hand with decimal.js.
const runDecimalJs = (): unknown[] =>
  rows.map((row) =>
    new Decimal(row.newCustomers)
      .times(row.conversion)
      .times(row.newAov)
      .plus(new Decimal(row.returningCustomers).times(row.repurchase).times(row.returningAov)),
  );

// mathjs with BigNumbers: the expression compiled once, evaluated per row with BigNumber inputs.
const math = create(all!, { number: "BigNumber", precision: 64 });
const expression = math.compile(
  "newCustomers * conversion * newAov + returningCustomers * repurchase * returningAov",
);
const runMathjs = (): unknown[] =>
  rows.map((row) =>
    expression.evaluate({
      newCustomers: math.bignumber(row.newCustomers),
      conversion: math.bignumber(row.conversion),
      newAov: math.bignumber(row.newAov),
      returningCustomers: math.bignumber(row.returningCustomers),
      repurchase: math.bignumber(row.repurchase),
      returningAov: math.bignumber(row.returningAov),
    }),
  );

// Identical results first: every row, all ways, compared as exact decimal text (untimed).
const text = (values: unknown[]): string[] => values.map((value) => String(value));
const expected = text(runDecimalJs());
for (const [label, results] of [
  ["targetree output", text(runTargetree())],
  ["targetree evaluate", text(runTargetreeAll())],
  ["mathjs", text(runMathjs())],
] as const) {
  const mismatch = results.findIndex((value, index) => value !== expected[index]);
  if (mismatch >= 0) {
    throw new Error(
      `${label} differs at row ${mismatch}: ${results[mismatch]} vs decimal.js ${expected[mismatch]}`,
    );
  }
}
console.log(`${ROWS.toLocaleString("en")} rows: identical revenue from every contender.`);

/**
 * Times the contenders in interleaved rounds (A, B, C, A, B, C, …) and takes each one's median,
 * so a burst of load on the machine hits all of them alike instead of skewing one.
 */
function interleaved(
  contenders: readonly (readonly [string, () => unknown])[],
  rounds: number,
  warmup: number,
): Timing[] {
  for (let round = 0; round < warmup; round++) for (const [, run] of contenders) run();
  const samples = contenders.map((): number[] => []);
  for (let round = 0; round < rounds; round++) {
    contenders.forEach(([, run], index) => {
      const start = performance.now();
      run();
      samples[index]!.push(performance.now() - start);
    });
  }
  return contenders.map(([label], index) => {
    const sorted = samples[index]!.sort((a, b) => a - b);
    return { label, medianMs: sorted[Math.floor(sorted.length / 2)]! };
  });
}

const ROUNDS = 7;
const [decimalJs, targetree, targetreeAll, mathjs] = interleaved(
  [
    ["hand-written decimal.js", runDecimalJs],
    ['targetree compiled .output("revenue")', runTargetree],
    ["targetree compiled .evaluate (all 9 nodes)", runTargetreeAll],
    ["mathjs BigNumber (compiled expression)", runMathjs],
  ],
  ROUNDS,
  2,
) as [Timing, Timing, Timing, Timing];
report(
  `Revenue model, ${ROWS.toLocaleString("en")} rows (median of ${ROUNDS} interleaved rounds)`,
  decimalJs,
  [targetree, targetreeAll, mathjs],
);
const ratio = targetree.medianMs / decimalJs.medianMs;
console.log(
  `  bar: compiled targetree ≤ 1.00× hand-written decimal.js → ${ratio.toFixed(2)}× ${ratio <= 1 ? "(met)" : "(NOT met)"}`,
);
