// Measuring and planning: alert rules over many rows (parsed once vs every time), a large
// scorecard rollup, and pace on the China calendar.
import {
  chinaCalendar,
  compileRules,
  evaluateRules,
  paceGap,
  scorecard,
  visitPlan,
} from "../src/index.js";
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
const rows = Array.from({ length: 10_000 }, (_, index) => ({
  dailyVisits: index % 6,
  stuckDays: index % 11,
  escalated: index % 3 === 0,
  hoursSinceProgress: (index * 7) % 72,
}));

const plainJs = time("plain JS comparisons (no rules engine)", () => {
  let fired = 0;
  for (const row of rows) {
    if (row.dailyVisits < 3) fired++;
    if (row.stuckDays > 7 && !row.escalated) fired++;
    if (row.hoursSinceProgress > 48 || (row.dailyVisits < 1 && row.stuckDays > 2)) fired++;
  }
  return fired;
});
const compiled = compileRules(rules);
const once = time("evaluateRules, compiled once", () => {
  let fired = 0;
  for (const row of rows) fired += evaluateRules(compiled, row).length;
  return fired;
});
const every = time("evaluateRules, parsing every row", () => {
  let fired = 0;
  for (const row of rows) fired += evaluateRules(rules, row).length;
  return fired;
});
report("3 alert rules × 10,000 rows of facts", plainJs, [once, every]);

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
