// trackPlan as an analyst runs it: 10 regions × 1,000 reps, a year by quarters and months on the
// China working-day calendar (2026), every rep's daily actuals from 1 January to the as-of day
// (30 June, mid-year: about 1.2 million rows), against the same work glued by hand from the
// per-rep functions: the rows summed per rep and month in Decimals, time progress once per period,
// then gap, achievement and projectRunRate for every rep, region and the company in every period.
// Bars: trackPlan at most 0.1× the glued loop, and under 1 s.
//
// Times are CPU time of this process (user + system, so garbage collection counts), the median of
// several runs after a warm-up; on a shared machine the wall clock also measures the neighbours.
import type { Decimal } from "../src/index.js";
import {
  achievement,
  buildPlan,
  chinaCalendar,
  gap,
  listDays,
  projectRunRate,
  timeProgress,
  toDecimal,
  trackPlan,
} from "../src/index.js";
import type { Plan } from "../src/plan/types.js";

interface CpuTiming {
  readonly label: string;
  readonly cpuMs: number;
  readonly wallMs: number;
}

function cpuTime(label: string, run: () => unknown, runs: number, warmup: number): CpuTiming {
  for (let i = 0; i < warmup; i++) run();
  const cpu: number[] = [];
  const wall: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const before = process.cpuUsage();
    run();
    const used = process.cpuUsage(before);
    wall.push(performance.now() - started);
    cpu.push((used.user + used.system) / 1000);
  }
  const median = (samples: number[]) => samples.sort((a, b) => a - b)[samples.length >> 1]!;
  return { label, cpuMs: median(cpu), wallMs: median(wall) };
}

const REGIONS = 10;
const REPS = 1000;
const AS_OF = "2026-06-30";
const calendar = chinaCalendar();

/** A deterministic 32-bit LCG, so every run tracks the same rows. */
function lcg(seed: number): () => number {
  let state = seed;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state;
  };
}
const random = lcg(2026);

const plan: Plan = buildPlan({
  version: 1,
  name: "bench",
  target: "12亿",
  unit: "0.01",
  period: { start: "2026-01-01", end: "2026-12-31", grains: ["quarter", "month"] },
  organization: {
    name: "公司",
    children: Array.from({ length: REGIONS }, (_, r) => ({
      name: `R${r + 1}`,
      weight: 1 + (random() % 9),
      children: Array.from({ length: REPS }, (_, i) => ({
        name: `rep${i + 1}`,
        weight: 1 + (random() % 997),
      })),
    })),
  },
});

const workingDays = listDays("2026-01-01", AS_OF, calendar)
  .days.filter((day) => day.working)
  .map((day) => day.date);
const reps = plan.nodes.filter((node) => node.children.length === 0);
const rows = reps.flatMap((rep) =>
  workingDays.map((date) => ({ node: rep.node, date, actual: 200 + (random() % 9000) })),
);

/** targetree: one call. */
function ours() {
  return trackPlan(plan, rows, { asOf: AS_OF });
}

/** The same figures glued from the per-rep functions, the way a user writes it. */
function glued() {
  const months = new Map<string, Decimal[]>();
  for (const row of rows) {
    let sums = months.get(row.node);
    if (sums === undefined) {
      sums = Array.from({ length: 12 }, () => toDecimal(0));
      months.set(row.node, sums);
    }
    const month = Number(row.date.slice(5, 7)) - 1;
    sums[month] = sums[month]!.plus(toDecimal(row.actual));
  }
  // Regions and the company: the sums of their reps.
  for (let n = plan.nodes.length - 1; n >= 0; n--) {
    const node = plan.nodes[n]!;
    if (node.children.length === 0) continue;
    const sums = Array.from({ length: 12 }, () => toDecimal(0));
    for (const child of node.children) {
      months.get(child)!.forEach((value, m) => {
        sums[m] = sums[m]!.plus(value);
      });
    }
    months.set(node.node, sums);
  }
  const periods = plan.periods.map((period) => {
    const first = Number(period.start.slice(5, 7)) - 1;
    const last = Number(period.end.slice(5, 7)) - 1;
    const progress = timeProgress(AS_OF, { start: period.start, end: period.end, calendar });
    return { label: period.label, first, last, progress };
  });
  const out: unknown[] = [];
  for (const node of plan.nodes) {
    const sums = months.get(node.node)!;
    for (const period of periods) {
      let actual = toDecimal(0);
      for (let m = period.first; m <= period.last; m++) actual = actual.plus(sums[m]!);
      const target = node.targets[period.label]!;
      out.push({
        node: node.node,
        period: period.label,
        gap: gap({ actual, target }),
        achievement: achievement({ actual, target }).achievement,
        projection: projectRunRate({
          actual,
          workingDays: period.progress.workingDays,
          workingDaysElapsed: period.progress.workingDaysElapsed,
        }).forecast,
      });
    }
  }
  return out;
}

const verdict = (pass: boolean): string => (pass ? "PASS" : "FAIL");
const line = (timing: CpuTiming): string =>
  `  ${timing.label.padEnd(62)} ${timing.cpuMs.toFixed(0).padStart(7)} ms CPU ${timing.wallMs.toFixed(0).padStart(7)} ms wall`;

console.log(
  `\ntrackPlan: ${REGIONS} regions × ${REPS.toLocaleString("en")} reps, quarters and months of 2026, ${rows.length.toLocaleString("en")} daily rows to ${AS_OF}`,
);
const gluedTiming = cpuTime(
  "glued: Decimal sums per rep + gap, achievement, projectRunRate",
  glued,
  3,
  1,
);
const oursTiming = cpuTime("targetree trackPlan (every node × every period)", ours, 7, 2);
console.log(line(gluedTiming));
console.log(line(oursTiming));

// The two agree: the company's year-to-date actual and projection, and one rep's March.
const tracking = ours();
const check = glued() as { node: string; period: string; projection: Decimal | null }[];
const company = tracking.nodes[0]!.periods.all!;
const companyGlued = check.find((row) => row.node === "公司" && row.period === "all")!;
const same =
  toDecimal(company.projection!).eq(companyGlued.projection!.toDecimalPlaces(2, 4)) &&
  reps.slice(0, 50).every((rep) => {
    const ourMarch = tracking.nodes.find((node) => node.node === rep.node)!.periods["2026-03"]!;
    const theirs = check.find((row) => row.node === rep.node && row.period === "2026-03")!;
    return toDecimal(ourMarch.projection!).eq(theirs.projection!.toDecimalPlaces(2, 4));
  });
console.log(`  same projections as the glued loop: ${verdict(same)}`);
const ratio = oursTiming.cpuMs / gluedTiming.cpuMs;
console.log(
  `  ratio ${ratio.toFixed(3)}× the glued loop (bar ≤ 0.1×): ${verdict(ratio <= 0.1)}; ${oursTiming.cpuMs.toFixed(0)} ms (bar < 1,000 ms): ${verdict(oursTiming.cpuMs < 1000)}`,
);
