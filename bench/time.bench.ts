// Time: a year of working days, period splits, the provisional calendar and pace questions.
// Baseline: the chinese-days package counting 2026's working days (a plain lookup table, no
// validation, no Decimal arithmetic) — the floor for "how fast can a calendar answer".
//
// The two bars of the compiled-calendar work are checked here, in the same run, timing what
// users do: a fresh call with a calendar value created once, beforehand.
// - a provisional 2027 monthly split costs at most 1.5× the official 2026 one;
// - projectRunRate costs at most 50 µs a call.
// Then issue 18's many-totals period split (bar ≤ 20 µs a rep), with growth and memory; see the end.

import { loadavg } from "node:os";
import chineseDays from "chinese-days";
import { Decimal as DecimalJs } from "decimal.js";
import {
  chinaCalendar,
  growthPath,
  projectRunRate,
  provisionalChinaArrangement,
  splitByPeriod,
  splitByPeriodTree,
  splitManyByPeriod,
  timeProgress,
  workingDays,
} from "targetree";
import { growthTable, keptBytes, line, timed } from "./_lib/kept.js";
import { report, time } from "./_lib/measure.js";

const calendar = chinaCalendar();
const provisional = chinaCalendar({ missingYears: "provisional" });
const year = { start: "2026-01-01", end: "2026-12-31", calendar } as const;
const runs = { runs: 15, warmup: 3 };

/**
 * Two calls timed alternately, in blocks of `block` calls, so that load on the machine hits both
 * alike: the per-call median of each, and the median of the ratios of neighbouring blocks.
 */
function interleaved(
  rounds: number,
  block: number,
  first: () => unknown,
  second: () => unknown,
): { readonly first: number; readonly second: number; readonly ratio: number } {
  for (let i = 0; i < 5; i++) {
    first();
    second();
  }
  const timeBlock = (run: () => unknown) => {
    const start = performance.now();
    for (let i = 0; i < block; i++) run();
    return (performance.now() - start) / block;
  };
  const a: number[] = [];
  const b: number[] = [];
  const ratios: number[] = [];
  for (let i = 0; i < rounds; i++) {
    a.push(timeBlock(first));
    b.push(timeBlock(second));
    ratios.push(b.at(-1)! / a.at(-1)!);
  }
  const median = (samples: number[]) =>
    samples.sort((x, y) => x - y)[Math.floor(samples.length / 2)]!;
  return { first: median(a), second: median(b), ratio: median(ratios) };
}

function verdict(pass: boolean): string {
  return pass ? "PASS" : "FAIL";
}

const baseline = time(
  "chinese-days getWorkdaysInRange(2026)",
  () => chineseDays.getWorkdaysInRange("2026-01-01", "2026-12-31").length,
  runs,
);
report("A year of China working days (one call each)", baseline, [
  time(
    "workingDays(2026, chinaCalendar())",
    () => workingDays("2026-01-01", "2026-12-31", calendar),
    runs,
  ),
  time("timeProgress(2026-06-30, 2026)", () => timeProgress("2026-06-30", year), runs),
  time("chinaCalendar() (create: check + day table)", () => chinaCalendar(), runs),
  time(
    "chinaCalendar({ missingYears: provisional })",
    () => chinaCalendar({ missingYears: "provisional" }),
    runs,
  ),
]);

const month = time(
  "splitByPeriod 1.2亿 by month",
  () => splitByPeriod("1.2亿", { ...year, grain: "month" }),
  runs,
);
report("Splitting 1.2亿 over 2026 (China calendar, working days)", month, [
  time("splitByPeriod by week", () => splitByPeriod("1.2亿", { ...year, grain: "week" }), runs),
  time("splitByPeriod by day", () => splitByPeriod("1.2亿", { ...year, grain: "day" }), runs),
  time(
    "splitByPeriodTree quarter → month → week",
    () => splitByPeriodTree("1.2亿", { ...year, grains: ["quarter", "month", "week"] }),
    runs,
  ),
  time(
    "splitByPeriodTree month → 旬 → day",
    () => splitByPeriodTree("1.2亿", { ...year, grains: ["month", "dekad", "day"] }),
    runs,
  ),
  time(
    "splitByPeriod by month, monthly seasonality",
    () =>
      splitByPeriod("1.2亿", {
        ...year,
        grain: "month",
        seasonality: { monthly: [8, 6, 9, 9, 10, 10, 11, 10, 10, 9, 12, 15] },
      }),
    runs,
  ),
]);

const provisionalYear = time(
  "provisionalChinaArrangement(2027)",
  () => provisionalChinaArrangement(2027),
  runs,
);
report("Provisional arrangements and growth paths", provisionalYear, [
  time(
    "growthPath 8→20 over 4 steps, CAGR",
    () => growthPath(8, 20, 4, { method: "cagr", unit: "0.01" }),
    runs,
  ),
  time(
    "growthPath 8→20 over 100 steps, CAGR",
    () => growthPath(8, 20, 100, { method: "cagr" }),
    runs,
  ),
]);

// Bar 1: the provisional calendar costs no more than the official one, call for call.
const splits = interleaved(
  41,
  20,
  () => splitByPeriod("1.2亿", { ...year, grain: "month" }),
  () =>
    splitByPeriod("1.2亿", {
      start: "2027-01-01",
      end: "2027-12-31",
      grain: "month",
      calendar: provisional,
    }),
);
const splitRatio = splits.ratio;
console.log(
  "\nBar: a provisional 2027 monthly split ≤ 1.5× the official 2026 one (same calendar value reused)",
);
console.log(
  `  splitByPeriod 2026 by month, chinaCalendar()              ${splits.first.toFixed(3).padStart(9)} ms`,
);
console.log(
  `  splitByPeriod 2027 by month, provisional calendar         ${splits.second.toFixed(3).padStart(9)} ms`,
);
console.log(
  `  ratio ${splitRatio.toFixed(2)}× (median of paired blocks; bar ≤ 1.50×): ${verdict(splitRatio <= 1.5)}`,
);

// Bar 2: projectRunRate for a 10,000-rep team, one calendar value for all of them.
const reps = Array.from({ length: 10_000 }, (_, index) => `${200_000 + index * 37}`);
const june = { asOf: "2026-06-12", start: "2026-06-01", end: "2026-06-30", calendar } as const;
const loop = time(
  "projectRunRate × 10,000 reps (dates, compiled calendar)",
  () => {
    let last: unknown;
    for (const actual of reps) last = projectRunRate({ actual, ...june });
    return last;
  },
  { runs: 7, warmup: 2 },
);
const counts = { workingDays: 21, workingDaysElapsed: 10 } as const;
const loopCounts = time(
  "projectRunRate × 10,000 reps (counts)",
  () => {
    let last: unknown;
    for (const actual of reps) last = projectRunRate({ actual, ...counts });
    return last;
  },
  { runs: 7, warmup: 2 },
);
const perCall = (loop.medianMs * 1000) / reps.length;
const perCallCounts = (loopCounts.medianMs * 1000) / reps.length;
console.log("\nBar: projectRunRate ≤ 50 µs a call (a fresh call, the calendar created once)");
console.log(`  with dates and chinaCalendar()   ${perCall.toFixed(1).padStart(7)} µs a call`);
console.log(`  with working-day counts          ${perCallCounts.toFixed(1).padStart(7)} µs a call`);
console.log(`  ratio ${(perCall / 50).toFixed(2)}× the bar (≤ 1.00×): ${verdict(perCall <= 50)}`);
console.log(`  (load average during the run: ${loadavg()[0]!.toFixed(1)})`);

// ---------------------------------------------------------------------------------------------
// Many totals over one set of periods: 10,000 reps' targets over the months of 2026 (China working
// days), in one call, against the same split by hand (the months' working days counted once, then
// largest remainder per rep) with decimal.js and on int53 scaled integers (cents), and against a
// loop of splitByPeriod. Every contender checked equal, cent for cent. Bar: ≤ 20 µs a rep.

const REPS = 10_000;
const repTotals = Array.from(
  { length: REPS },
  (_, index) => `${200_000 + index * 37}.${index % 100}`,
);
const repCents = repTotals.map((total) => Math.round(Number(total) * 100));
const monthly = { ...year, grain: "month" } as const;
const monthWeights = splitByPeriod(0, monthly).periods.map((period) => period.workingDays);
const Dx = DecimalJs.clone({ precision: 40, rounding: DecimalJs.ROUND_HALF_UP });

/** Largest remainder by hand with decimal.js: exact quotas, floors, leftover cents by remainder. */
function decimalJsMonths(total: string): DecimalJs[] {
  const cent = new Dx("0.01");
  const units = new Dx(total).div(cent);
  const sum = monthWeights.reduce((a, b) => a + b, 0);
  const floors: DecimalJs[] = [];
  const remainders: DecimalJs[] = [];
  let given = new Dx(0);
  for (const weight of monthWeights) {
    const quota = units.times(weight).div(sum);
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

/** The exact limit: the same largest remainder on int53 cents. */
function int53Months(cents: number): number[] {
  let sum = 0;
  for (const weight of monthWeights) sum += weight;
  const parts: number[] = [];
  const remainders: number[] = [];
  let given = 0;
  for (const weight of monthWeights) {
    const product = cents * weight;
    const floor = Math.floor(product / sum);
    parts.push(floor);
    remainders.push(product - floor * sum);
    given += floor;
  }
  const order = remainders
    .map((_, i) => i)
    .sort((a, b) => remainders[b]! - remainders[a]! || a - b);
  for (let k = 0; k < cents - given; k++) parts[order[k]!]! += 1;
  return parts;
}

console.log(
  `\nMany totals: ${REPS.toLocaleString("en")} reps' targets over the 12 months of 2026 (CPU, kept results)`,
);
const many = timed(
  "splitManyByPeriod (Decimal values)",
  () => splitManyByPeriod(repTotals, monthly),
  7,
);
const manyUnits = timed(
  'splitManyByPeriod, as: "units" (cents)',
  () => splitManyByPeriod(repTotals, { ...monthly, as: "units" }),
  7,
);
const loopReps = repTotals.slice(0, 1000);
const loopOne = timed(
  "splitByPeriod per rep (1,000 reps timed)",
  () => loopReps.map((total) => splitByPeriod(total, monthly)),
  3,
  1,
);
const handMany = timed(
  "hand-written decimal.js, working days counted once",
  () => repTotals.map(decimalJsMonths),
  5,
);
const limitMany = timed("exact limit: int53 by hand", () => repCents.map(int53Months), 9);
const perRep = (timing: { cpuMs: number }, reps = REPS) => (timing.cpuMs * 1000) / reps;
for (const [timing, reps] of [
  [loopOne, 1000],
  [handMany, REPS],
  [many, REPS],
  [manyUnits, REPS],
  [limitMany, REPS],
] as const) {
  console.log(line(timing, `${perRep(timing, reps).toFixed(2)} µs a rep`));
}
{
  const expected = repCents.map(int53Months);
  const decimals = splitManyByPeriod(repTotals, monthly).values;
  const integers = splitManyByPeriod(repTotals, { ...monthly, as: "units" }).values;
  const hand = repTotals.map(decimalJsMonths);
  const toCents = (value: { toFixed(digits: number): string }) =>
    Number(value.toFixed(2).replace(".", ""));
  expected.forEach((parts, rep) => {
    const same = (got: readonly number[], who: string) => {
      if (got.join() !== parts.join()) throw new Error(`${who}, rep ${rep}: ${got} ≠ ${parts}`);
    };
    same(decimals[rep]!.map(toCents), "splitManyByPeriod");
    same(integers[rep]!, 'splitManyByPeriod as "units"');
    same(hand[rep]!.map(toCents), "decimal.js");
    if (rep % 100 === 0)
      same(
        splitByPeriod(repTotals[rep]!, monthly).periods.map((p) => toCents(p.value)),
        "splitByPeriod",
      );
  });
  console.log(
    `  every rep's months equal in every contender (splitByPeriod checked on every 100th rep), each summing to its total`,
  );
}
const valueBytes = (make: () => unknown) => (keptBytes(make) / (REPS * 12)).toFixed(1);
console.log(
  `  memory per kept value: Decimal ${valueBytes(() => splitManyByPeriod(repTotals, monthly))} B, as: "units" ${valueBytes(() => splitManyByPeriod(repTotals, { ...monthly, as: "units" }))} B, int53 arrays by hand ${valueBytes(() => repCents.map(int53Months))} B`,
);
console.log(
  `  ratios: ${(many.cpuMs / handMany.cpuMs).toFixed(2)}× decimal.js by hand; as "units" ${(manyUnits.cpuMs / limitMany.cpuMs).toFixed(2)}× the int53 limit; ${(perRep(loopOne, 1000) / perRep(many)).toFixed(0)}× faster than a splitByPeriod loop`,
);
console.log(
  `  BAR many-totals period split ≤ 20 µs a rep: ${perRep(many).toFixed(2)} µs (Decimal), ${perRep(manyUnits).toFixed(2)} µs (units) — ${verdict(perRep(many) <= 20 && perRep(manyUnits) <= 20)}`,
);
growthTable("splitManyByPeriod growth (12 months)", "rep", [1_000, 10_000, 100_000], (size) => {
  const totals = Array.from(
    { length: size },
    (_, index) => `${200_000 + index * 37}.${index % 100}`,
  );
  return {
    "splitManyByPeriod (Decimal)": () => splitManyByPeriod(totals, monthly),
    'splitManyByPeriod, as: "units"': () => splitManyByPeriod(totals, { ...monthly, as: "units" }),
  };
});
console.log(
  "  (100k reps × 12 months is 1.2M parts; one call stops at 16M digits in all (parts × digits of a total in units, SPLIT_TOO_LARGE), so 1M reps go in batches of 100k)",
);
