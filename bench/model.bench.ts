// The compiled revenue model, timed the way users run it, on 1,000,000 rows with at most 4 decimals:
//
// 1. `output("revenue")` for every row, against hand-written decimal.js on the same rows and the
//    exact limit (the same sum hand-written in scaled int53 and in BigInt). Bar: ≤ 0.2× decimal.js.
// 2. `evaluate(row)` with every record KEPT (an array of 1M records, as a caller keeps rows),
//    against hand-written decimal.js that builds and keeps the same three-node records. Bar ≤ 1.0×.
// 3. `evaluateColumns` (typed-array columns in, the revenue column out as scaled integers), against
//    hand-written decimal.js giving the revenue column. Bars: ≤ 0.1×, at ≤ 40 B per kept value.
// 4. Growth from 1k to 1M rows a batch: the per-row cost at each size, each size running a million
//    rows in batches and keeping every result, so a step shows (not a memory effect of small batches).
//
// Every contender is checked equal to hand-written decimal.js on every row before timing. Times are
// CPU time (user + system, all threads, so garbage collection counts): the median of several runs
// after a warm-up, wall clock beside it. Memory per kept value is the heap (plus array buffers)
// retained by a result after a full garbage collection.
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { Decimal } from "decimal.js";
import { all, create } from "mathjs";
import { compileModel, revenueModel } from "targetree";
import { type CpuTiming, cpuTime } from "./_lib/cpuTime.js";

interface Row {
  readonly newCustomers: number;
  readonly conversion: number;
  readonly newAov: number;
  readonly returningCustomers: number;
  readonly repurchase: number;
  readonly returningAov: number;
}

const ROWS = 1_000_000;

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
const KEYS = [
  "newCustomers",
  "conversion",
  "newAov",
  "returningCustomers",
  "repurchase",
  "returningAov",
] as const;
const columnsOf = (part: readonly Row[]) =>
  Object.fromEntries(KEYS.map((key) => [key, Float64Array.from(part, (row) => row[key])]));
const columns = columnsOf(rows);

// A full garbage collection, for measuring what a result keeps alive (the flag is set at run time,
// so `npx tsx bench/run-all.ts` needs no --expose-gc).
setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

/** Heap bytes (JS heap and array buffers) that `run`'s result keeps alive. */
function retainedBytes(run: () => unknown): number {
  const used = () => {
    gc();
    gc();
    const memory = process.memoryUsage();
    return memory.heapUsed + memory.arrayBuffers;
  };
  const before = used();
  const kept = run();
  const after = used();
  // Touch the result after measuring, so it is alive at the second count.
  if (kept === undefined) throw new Error("no result");
  return after - before;
}

const verdict = (pass: boolean): string => (pass ? "PASS" : "FAIL");
const line = (timing: CpuTiming, baseline: CpuTiming): string =>
  `  ${timing.label.padEnd(62)} ${timing.cpuMs.toFixed(0).padStart(7)} ms CPU ${timing.wallMs.toFixed(0).padStart(7)} ms wall   ${(timing.cpuMs / baseline.cpuMs).toFixed(3)}×`;

// ---------------------------------------------------------------------------------------------
// The contenders.

const compiled = compileModel(revenueModel());
const revenueOf = compiled.output("revenue");

// The code a developer writes by hand with decimal.js.
const handRevenue = (row: Row): Decimal =>
  new Decimal(row.newCustomers)
    .times(row.conversion)
    .times(row.newAov)
    .plus(new Decimal(row.returningCustomers).times(row.repurchase).times(row.returningAov));
const handRecord = (row: Row) => {
  const newRevenue = new Decimal(row.newCustomers).times(row.conversion).times(row.newAov);
  const returningRevenue = new Decimal(row.returningCustomers)
    .times(row.repurchase)
    .times(row.returningAov);
  return { newRevenue, returningRevenue, revenue: newRevenue.plus(returningRevenue) };
};

// The exact limit: the same sum hand-written in scaled integers, knowing the inputs' decimals
// (conversion 3, the rest 2): revenue × 10^5 as an int53, and as a BigInt.
const limitInt53 = (part: readonly Row[]): Float64Array => {
  const out = new Float64Array(part.length);
  for (let i = 0; i < part.length; i++) {
    const row = part[i]!;
    const fresh =
      row.newCustomers * Math.round(row.conversion * 1000) * Math.round(row.newAov * 100);
    const returning =
      row.returningCustomers *
      Math.round(row.repurchase * 100) *
      Math.round(row.returningAov * 100);
    out[i] = fresh + returning * 10;
  }
  return out;
};
const limitBigInt = (part: readonly Row[]): bigint[] =>
  part.map(
    (row) =>
      BigInt(row.newCustomers) *
        BigInt(Math.round(row.conversion * 1000)) *
        BigInt(Math.round(row.newAov * 100)) +
      BigInt(row.returningCustomers) *
        BigInt(Math.round(row.repurchase * 100)) *
        BigInt(Math.round(row.returningAov * 100)) *
        10n,
  );

const math = create(all!, { number: "BigNumber", precision: 64 });
const expression = math.compile(
  "newCustomers * conversion * newAov + returningCustomers * repurchase * returningAov",
);
const mathjsRevenue = (row: Row): unknown =>
  expression.evaluate({
    newCustomers: math.bignumber(row.newCustomers),
    conversion: math.bignumber(row.conversion),
    newAov: math.bignumber(row.newAov),
    returningCustomers: math.bignumber(row.returningCustomers),
    repurchase: math.bignumber(row.repurchase),
    returningAov: math.bignumber(row.returningAov),
  });

// ---------------------------------------------------------------------------------------------
// Identical results first: every row, every contender, as exact decimal text (untimed).

{
  const expected = rows.map((row) => handRevenue(row).toString());
  const check = (label: string, texts: (row: number) => string) => {
    for (let i = 0; i < ROWS; i++) {
      const text = texts(i);
      if (text !== expected[i]) {
        throw new Error(`${label} differs at row ${i}: ${text} vs decimal.js ${expected[i]}`);
      }
    }
  };
  const fromScaled = (mantissa: number | bigint, scale: number) =>
    new Decimal(`${mantissa}e-${scale}`).toString();
  const outputs = rows.map(revenueOf);
  check("targetree output", (i) => outputs[i]!.toString());
  const records = rows.map((row) => compiled.evaluate(row));
  const handRecords = rows.map(handRecord);
  for (const name of ["newRevenue", "returningRevenue", "revenue"] as const) {
    for (let i = 0; i < ROWS; i++) {
      if (records[i]![name].toString() !== handRecords[i]![name].toString()) {
        throw new Error(`targetree evaluate(row).${name} differs at row ${i}`);
      }
    }
  }
  check("decimal.js records", (i) => handRecords[i]!.revenue.toString());
  const scaled = compiled.evaluateColumns(columns, { outputs: ["revenue"], as: "scaled" }).revenue;
  check("targetree columns (scaled)", (i) => fromScaled(scaled.mantissas[i]!, scaled.scale));
  const strings = compiled.evaluateColumns(columns, { outputs: ["revenue"], as: "string" }).revenue;
  check("targetree columns (string)", (i) => strings[i]!);
  const int53 = limitInt53(rows);
  check("scaled int53 by hand", (i) => fromScaled(int53[i]!, 5));
  const big = limitBigInt(rows);
  check("BigInt by hand", (i) => fromScaled(big[i]!, 5));
  const viaMathjs = rows.map(mathjsRevenue);
  check("mathjs", (i) => String(viaMathjs[i]));
  console.log(
    `${ROWS.toLocaleString("en")} rows: identical revenue from every contender (and identical records).`,
  );
}

// ---------------------------------------------------------------------------------------------
// 1. output("revenue") on 1M rows.

const RUNS = 5;
const handOutput = cpuTime("hand-written decimal.js", () => rows.map(handRevenue), {
  runs: RUNS,
  warmup: 1,
});
const ourOutput = cpuTime('targetree compiled .output("revenue")', () => rows.map(revenueOf), {
  runs: RUNS,
  warmup: 1,
});
const int53Output = cpuTime("exact limit: scaled int53 by hand", () => limitInt53(rows), {
  runs: RUNS,
  warmup: 1,
});
const bigOutput = cpuTime("exact limit: BigInt by hand", () => limitBigInt(rows), {
  runs: RUNS,
  warmup: 1,
});
const mathjsOutput = cpuTime(
  "mathjs BigNumber (compiled expression)",
  () => rows.map(mathjsRevenue),
  {
    runs: 3,
    warmup: 1,
  },
);
console.log(
  `\nRevenue model, output("revenue"), ${ROWS.toLocaleString("en")} rows (CPU-time ratio to hand-written decimal.js)`,
);
for (const timing of [handOutput, ourOutput, int53Output, bigOutput, mathjsOutput]) {
  console.log(line(timing, handOutput));
}
const outputRatio = ourOutput.cpuMs / handOutput.cpuMs;
console.log(
  `  per row: targetree ${((ourOutput.cpuMs / ROWS) * 1e6).toFixed(0)} ns, decimal.js ${((handOutput.cpuMs / ROWS) * 1e6).toFixed(0)} ns, int53 ${((int53Output.cpuMs / ROWS) * 1e6).toFixed(0)} ns; ${(ourOutput.cpuMs / int53Output.cpuMs).toFixed(1)}× the int53 limit`,
);
console.log(
  `  bar: output() ≤ 0.2× hand-written decimal.js → ${outputRatio.toFixed(3)}×: ${verdict(outputRatio <= 0.2)}`,
);

// ---------------------------------------------------------------------------------------------
// 2. evaluate(row), every record kept.

const handKept = cpuTime(
  "hand-written decimal.js, 3-node records kept",
  () => rows.map(handRecord),
  {
    runs: RUNS,
    warmup: 1,
    keep: 1,
  },
);
const ourKept = cpuTime(
  "targetree compiled .evaluate(row), records kept",
  () => rows.map((row) => compiled.evaluate(row)),
  {
    runs: RUNS,
    warmup: 1,
    keep: 1,
  },
);
const keptBytes = retainedBytes(() => rows.map((row) => compiled.evaluate(row)));
const handKeptBytes = retainedBytes(() => rows.map(handRecord));
console.log(
  `\nRevenue model, evaluate(row) with every record KEPT, ${ROWS.toLocaleString("en")} rows`,
);
for (const timing of [handKept, ourKept]) console.log(line(timing, handKept));
console.log(
  `  memory kept: targetree ${(keptBytes / ROWS).toFixed(0)} B a record (${(keptBytes / ROWS / 3).toFixed(0)} B a value), decimal.js ${(handKeptBytes / ROWS).toFixed(0)} B a record`,
);
const keptRatio = ourKept.cpuMs / handKept.cpuMs;
console.log(
  `  (against hand-written revenue alone, ${handOutput.cpuMs.toFixed(0)} ms: ${(ourKept.cpuMs / handOutput.cpuMs).toFixed(3)}×)`,
);
console.log(
  `  bar: evaluate(row), records kept, ≤ 1.0× → ${keptRatio.toFixed(3)}×: ${verdict(keptRatio <= 1)}`,
);

// ---------------------------------------------------------------------------------------------
// 3. evaluateColumns: typed arrays in, the revenue column out.

const columnsOf3 = (as: "scaled" | "string" | "decimal") => () =>
  compiled.evaluateColumns(columns, { outputs: ["revenue"], as });
const ourScaled = cpuTime('targetree .evaluateColumns(…, { as: "scaled" })', columnsOf3("scaled"), {
  runs: RUNS,
  warmup: 1,
  keep: 1,
});
const ourStrings = cpuTime(
  'targetree .evaluateColumns(…, { as: "string" })',
  columnsOf3("string"),
  {
    runs: RUNS,
    warmup: 1,
    keep: 1,
  },
);
const ourDecimals = cpuTime(
  'targetree .evaluateColumns(…, { as: "decimal" })',
  columnsOf3("decimal"),
  {
    runs: RUNS,
    warmup: 1,
    keep: 1,
  },
);
const scaledBytes = retainedBytes(columnsOf3("scaled")) / ROWS;
const stringBytes = retainedBytes(columnsOf3("string")) / ROWS;
const decimalBytes = retainedBytes(columnsOf3("decimal")) / ROWS;
console.log(
  `\nRevenue model, columns (typed arrays) in, the revenue column out, ${ROWS.toLocaleString("en")} rows`,
);
for (const timing of [handOutput, ourScaled, ourStrings, ourDecimals, int53Output]) {
  console.log(line(timing, handOutput));
}
console.log(
  `  memory per kept value: scaled ${scaledBytes.toFixed(1)} B, string ${stringBytes.toFixed(1)} B, decimal ${decimalBytes.toFixed(1)} B`,
);
const columnsRatio = ourScaled.cpuMs / handOutput.cpuMs;
console.log(
  `  bar: columnar (scaled) ≤ 0.1× at ≤ 40 B a kept value → ${columnsRatio.toFixed(3)}×, ${scaledBytes.toFixed(1)} B: ${verdict(columnsRatio <= 0.1 && scaledBytes <= 40)}`,
);
const stringRatio = ourStrings.cpuMs / handOutput.cpuMs;
console.log(
  `  (columnar as strings: ${stringRatio.toFixed(3)}×, ${stringBytes.toFixed(1)} B a value: ${stringRatio <= 0.1 && stringBytes <= 40 ? "within" : "outside"} the same bar)`,
);

// ---------------------------------------------------------------------------------------------
// 4. Growth: a million rows in batches of 1k … 1M, every result kept; CPU per row at each size.

console.log(
  `\nGrowth: 1,000,000 rows in batches of n, every result kept (CPU ns a row; hand-written decimal.js above: ${((handOutput.cpuMs / ROWS) * 1e6).toFixed(0)} ns)`,
);
console.log(
  `  ${"n".padStart(9)} ${"output()".padStart(10)} ${"evaluate, kept".padStart(15)} ${"columns".padStart(10)}`,
);
for (const size of [1_000, 10_000, 100_000, 1_000_000]) {
  const batches = ROWS / size;
  const parts = Array.from({ length: batches }, (_, b) => rows.slice(b * size, (b + 1) * size));
  const partColumns = parts.map(columnsOf);
  const perRow = (run: () => unknown) =>
    (cpuTime("", run, { runs: 3, warmup: 1, keep: 1 }).cpuMs / ROWS) * 1e6;
  const output = perRow(() => parts.map((part) => part.map(revenueOf)));
  const evaluate = perRow(() => parts.map((part) => part.map((row) => compiled.evaluate(row))));
  const columnar = perRow(() =>
    partColumns.map((part) =>
      compiled.evaluateColumns(part, { outputs: ["revenue"], as: "scaled" }),
    ),
  );
  console.log(
    `  ${size.toLocaleString("en").padStart(9)} ${output.toFixed(0).padStart(10)} ${evaluate.toFixed(0).padStart(15)} ${columnar.toFixed(0).padStart(10)}`,
  );
}
