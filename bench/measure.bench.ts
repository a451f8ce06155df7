// Measuring: alert rules over many rows (compiled once, against the same rules hand-written with
// decimal.js and as plain JS comparisons, the exact limit on integer facts; bar: compiled ≤ 2× the
// decimal.js code), gap over a million rows (one basis, and both on request), each with memory per
// kept result and growth 1k → 1M; then a large scorecard rollup and pace on the China calendar.
import { Decimal as DecimalJs } from "decimal.js";
import {
  chinaCalendar,
  compileRules,
  evaluateRules,
  gap,
  paceGap,
  scorecard,
  visitPlan,
} from "targetree";
import { growthTable, keptBytes, line, timed, verdict } from "./_lib/kept.js";
import { report, time } from "./_lib/measure.js";

const rules = [
  { id: "low-visits", when: "dailyVisits < 3", recommend: "通知区域经理" },
  { id: "stuck", when: "stuckDays > 7 and not escalated", recommend: "升级至总监" },
  {
    id: "idle",
    when: "hoursSinceProgress > 48 or (dailyVisits < 1 and stuckDays > 2)",
    recommend: "推送跟进话术",
  },
];
const makeRows = (count: number) =>
  Array.from({ length: count }, (_, index) => ({
    dailyVisits: index % 6,
    stuckDays: index % 11,
    escalated: index % 3 === 0,
    hoursSinceProgress: (index * 7) % 72,
  }));
type Row = ReturnType<typeof makeRows>[number];
const rows = makeRows(10_000);

// The same three rules written by hand with decimal.js: the facts as Decimals, comparisons with
// Decimal constants, and each fired rule with the facts it read, as evaluateRules returns them.
const Dm = DecimalJs.clone({ precision: 64, rounding: DecimalJs.ROUND_HALF_UP });
const [THREE, SEVEN, FORTY_EIGHT, ONE, TWO] = [3, 7, 48, 1, 2].map((n) => new Dm(n)) as [
  DecimalJs,
  DecimalJs,
  DecimalJs,
  DecimalJs,
  DecimalJs,
];
function handRules(row: Row) {
  const dailyVisits = new Dm(row.dailyVisits);
  const stuckDays = new Dm(row.stuckDays);
  const hours = new Dm(row.hoursSinceProgress);
  const fired: { id: string; recommend: string; facts: Record<string, DecimalJs | boolean> }[] = [];
  if (dailyVisits.lt(THREE)) {
    fired.push({ id: "low-visits", recommend: rules[0]!.recommend, facts: { dailyVisits } });
  }
  if (stuckDays.gt(SEVEN) && !row.escalated) {
    fired.push({
      id: "stuck",
      recommend: rules[1]!.recommend,
      facts: { stuckDays, escalated: row.escalated },
    });
  }
  if (hours.gt(FORTY_EIGHT) || (dailyVisits.lt(ONE) && stuckDays.gt(TWO))) {
    fired.push({
      id: "idle",
      recommend: rules[2]!.recommend,
      facts: { hoursSinceProgress: hours, dailyVisits, stuckDays },
    });
  }
  return fired;
}
/** The exact limit on these integer facts: plain JS comparisons, the fired ids. */
function plainRules(row: Row): string[] {
  const fired: string[] = [];
  if (row.dailyVisits < 3) fired.push("low-visits");
  if (row.stuckDays > 7 && !row.escalated) fired.push("stuck");
  if (row.hoursSinceProgress > 48 || (row.dailyVisits < 1 && row.stuckDays > 2)) fired.push("idle");
  return fired;
}

const compiled = compileRules(rules);
const RULE_ROWS = 100_000;
const ruleRows = makeRows(RULE_ROWS);
console.log(
  `\n3 alert rules × ${RULE_ROWS.toLocaleString("en")} rows of facts (CPU, every result kept)`,
);
const compiledTiming = timed(
  "evaluateRules, compiled once",
  () => ruleRows.map((row) => evaluateRules(compiled, row)),
  7,
);
const handTiming = timed("hand-written decimal.js comparisons", () => ruleRows.map(handRules), 7);
const plainTiming = timed(
  "exact limit: plain JS comparisons (integer facts)",
  () => ruleRows.map(plainRules),
  9,
);
const parsingTiming = timed(
  "evaluateRules, parsing every row (10,000 rows)",
  () => rows.map((row) => evaluateRules(rules, row)),
  3,
  1,
);
for (const [timing, count] of [
  [parsingTiming, rows.length],
  [handTiming, RULE_ROWS],
  [compiledTiming, RULE_ROWS],
  [plainTiming, RULE_ROWS],
] as const) {
  console.log(line(timing, `${((timing.cpuMs * 1000) / count).toFixed(2)} µs a row`));
}
{
  const ours = ruleRows.map((row) => evaluateRules(compiled, row));
  const hand = ruleRows.map(handRules);
  const plain = ruleRows.map(plainRules);
  const show = (fired: readonly { id: string; facts: Readonly<Record<string, unknown>> }[]) =>
    fired
      .map(
        (rule) =>
          `${rule.id}:${Object.entries(rule.facts)
            .map(([k, v]) => `${k}=${String(v)}`)
            .join(",")}`,
      )
      .join(";");
  ruleRows.forEach((_, i) => {
    if (
      show(ours[i]!) !== show(hand[i]!) ||
      ours[i]!.map((rule) => rule.id).join() !== plain[i]!.join()
    ) {
      throw new Error(`row ${i}: ${show(ours[i]!)} ≠ ${show(hand[i]!)}`);
    }
  });
  console.log("  every row's fired rules and their facts equal in all contenders");
}
const rowBytes = (make: () => unknown) => (keptBytes(make) / RULE_ROWS).toFixed(0);
console.log(
  `  memory per kept row of results: evaluateRules ${rowBytes(() => ruleRows.map((row) => evaluateRules(compiled, row)))} B, decimal.js by hand ${rowBytes(() => ruleRows.map(handRules))} B`,
);
const rulesRatio = compiledTiming.cpuMs / handTiming.cpuMs;
console.log(
  `  BAR compiled rules ≤ 2× hand-written decimal.js comparisons: ${rulesRatio.toFixed(2)}× — ${verdict(rulesRatio <= 2)}`,
);
growthTable(
  "evaluateRules growth (3 compiled rules)",
  "row",
  [1_000, 10_000, 100_000, 1_000_000],
  (size) => {
    const sized = makeRows(size);
    return {
      "evaluateRules, compiled once": () => sized.map((row) => evaluateRules(compiled, row)),
      "hand-written decimal.js": () => sized.map(handRules),
    };
  },
);

// gap over many rows: the rate on one basis (default) and on both.
const GAP_ROWS = 1_000_000;
const gapRows = Array.from({ length: GAP_ROWS }, (_, i) => ({
  actual: 800 + (i % 997) / 4,
  target: 1000 + (i % 13),
}));
function handGap(row: { actual: number; target: number }) {
  const actual = new Dm(row.actual);
  const target = new Dm(row.target);
  const difference = target.minus(actual);
  return {
    gap: difference,
    gapRate: target.isZero() ? null : difference.div(target.abs()),
    met: difference.lte(0),
  };
}
console.log(`\ngap over ${GAP_ROWS.toLocaleString("en")} rows (CPU, every result kept)`);
const gapOne = timed(
  "gap, rate on the target (default)",
  () => gapRows.map((row) => gap(row)),
  3,
  1,
);
const gapBoth = timed(
  "gap, bothBases: true",
  () => gapRows.map((row) => gap({ ...row, bothBases: true })),
  3,
  1,
);
const gapHand = timed("hand-written decimal.js: gap, rate, met", () => gapRows.map(handGap), 3, 1);
for (const timing of [gapHand, gapOne, gapBoth]) {
  console.log(line(timing, `${((timing.cpuMs * 1000) / GAP_ROWS).toFixed(2)} µs a row`));
}
for (let i = 0; i < GAP_ROWS; i += 1) {
  const ours = gap(gapRows[i]!);
  const hand = handGap(gapRows[i]!);
  if (
    ours.gap.toString() !== hand.gap.toString() ||
    String(ours.gapRate) !== String(hand.gapRate) ||
    ours.met !== hand.met
  ) {
    throw new Error(`gap row ${i}: ${ours.gapRate} ≠ ${hand.gapRate}`);
  }
}
console.log("  every row's gap, rate and met equal to the hand-written ones");
const gapBytes = (make: () => unknown) => (keptBytes(make) / 100_000).toFixed(0);
const someRows = gapRows.slice(0, 100_000);
console.log(
  `  memory per kept result: gap ${gapBytes(() => someRows.map((row) => gap(row)))} B, bothBases ${gapBytes(() => someRows.map((row) => gap({ ...row, bothBases: true })))} B, decimal.js by hand ${gapBytes(() => someRows.map(handGap))} B`,
);
console.log(
  `  ratio ${(gapOne.cpuMs / gapHand.cpuMs).toFixed(2)}× hand-written decimal.js (both bases: ${(gapBoth.cpuMs / gapHand.cpuMs).toFixed(2)}×)`,
);
growthTable("gap growth", "row", [1_000, 10_000, 100_000, 1_000_000], (size) => {
  const sized = gapRows.slice(0, size);
  return {
    "gap (one basis)": () => sized.map((row) => gap(row)),
    "hand-written decimal.js": () => sized.map(handGap),
  };
});

const regions = ["华东", "华南", "华北", "西南", "东北"];
const cardRows = Array.from({ length: 20_000 }, (_, index) => ({
  region: regions[index % 5]!,
  rep: `rep${index % 400}`,
  product: `P${index % 7}`,
  target: 1000 + (index % 97) * 10,
  actual: 900 + (index % 89) * 12,
}));
const sumOnly = time("plain JS sums by region (floats)", () => {
  const totals = new Map<string, number>();
  for (const row of cardRows) totals.set(row.region, (totals.get(row.region) ?? 0) + row.actual);
  return totals;
});
const card = time("scorecard region → rep → product (exact)", () =>
  scorecard(cardRows, ["region", "rep", "product"]),
);
report("scorecard over 20,000 rows", sumOnly, [card]);

const calendar = chinaCalendar();
const days = Array.from({ length: 365 }, (_, index) => {
  const date = new Date(Date.UTC(2026, 0, 1 + index));
  return date.toISOString().slice(0, 10);
});
const paceYear = time("paceGap for every day of 2026 (year period)", () => {
  for (const asOf of days) {
    paceGap({ actual: 100, target: 365, asOf, start: "2026-01-01", end: "2026-12-31", calendar });
  }
});
const visits = time("visitPlan for each month of 2026", () => {
  for (let month = 1; month <= 12; month++) {
    const start = `2026-${String(month).padStart(2, "0")}-01`;
    const end = new Date(Date.UTC(2026, month, 0)).toISOString().slice(0, 10);
    visitPlan({ A: 20, B: 40, C: 80 }, { start, end, calendar });
  }
});
report("pace and visit plans on the China calendar", paceYear, [visits]);
