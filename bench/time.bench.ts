// Time: a year of working days, period splits and the provisional calendar. Baseline: the
// chinese-days package counting 2026's working days (a plain lookup table, no validation,
// no Decimal arithmetic) — the floor for "how fast can a calendar answer".
import chineseDays from "chinese-days";
import {
  chinaCalendar,
  growthPath,
  provisionalChinaArrangement,
  splitByPeriod,
  splitByPeriodTree,
  timeProgress,
  workingDays,
} from "targetree";
import { report, time } from "./_lib/measure.js";

const calendar = chinaCalendar();
const provisional = chinaCalendar({ missingYears: "provisional" });
const year = { start: "2026-01-01", end: "2026-12-31", calendar } as const;
const runs = { runs: 15, warmup: 3 };

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
  time("chinaCalendar() (build + validate 2020–2026)", () => chinaCalendar(), runs),
  time("timeProgress(2026-06-30, 2026)", () => timeProgress("2026-06-30", year), runs),
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
report("Provisional calendar and growth paths", provisionalYear, [
  time(
    "splitByPeriod 2027 by month, provisional calendar",
    () =>
      splitByPeriod("1.2亿", {
        start: "2027-01-01",
        end: "2027-12-31",
        grain: "month",
        calendar: provisional,
      }),
    runs,
  ),
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
