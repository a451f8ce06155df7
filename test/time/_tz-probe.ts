// Prints a fingerprint of time results; the timezone test runs it under several TZ values.
import {
  chinaCalendar,
  listDays,
  provisionalChinaArrangement,
  splitByPeriod,
  splitByPeriodTree,
  timeProgress,
  workingDays,
} from "targetree";

const china = chinaCalendar({ missingYears: "provisional" });
const fingerprint = {
  workingDays: [2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027].map(
    (year) => workingDays(`${year}-01-01`, `${year}-12-31`, china).workingDays,
  ),
  weeks: splitByPeriod("1.2亿", {
    start: "2026-12-20",
    end: "2027-01-10",
    grain: "week",
    calendar: china,
  }).periods.map((p) => `${p.key} ${p.start} ${p.end} ${p.value}`),
  months: splitByPeriod("1.2亿", {
    start: "2026-01-01",
    end: "2026-12-31",
    grain: "month",
    calendar: china,
  }).periods.map((p) => `${p.key} ${p.value}`),
  dekads: splitByPeriodTree(1000, {
    start: "2024-02-01",
    end: "2024-03-31",
    grains: ["month", "dekad"],
    spreadBy: "calendar-days",
  }).periods.flatMap((m) => m.children.map((d) => `${d.key} ${d.calendarDays} ${d.value}`)),
  days: listDays("2011-12-28", "2012-01-02").days.map((d) => `${d.date} ${d.weekday}`),
  provisional2027: provisionalChinaArrangement(2027),
  provisional2030: provisionalChinaArrangement(2030),
  progress: timeProgress("2026-06-30", {
    start: "2026-01-01",
    end: "2026-12-31",
    calendar: china,
  }).timeProgress.toString(),
};
console.log(JSON.stringify(fingerprint));
