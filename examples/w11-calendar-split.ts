// W11 — calendar decomposition (fourth and fifth documents): a 1.2亿 annual target for 2026 split
// into quarters, months, 旬, weeks and working days on the China calendar (holidays carry no
// target, make-up working days do); then the same plan for 2027 on a PROVISIONAL calendar.
import type { HolidayArrangement, PeriodNode } from "targetree";
import {
  chinaArrangement,
  chinaCalendar,
  formatAmount,
  formatPercent,
  splitByPeriod,
  splitByPeriodTree,
  timeProgress,
  toDecimal,
} from "targetree";
import { heading, printTable } from "./_lib/table.js";

const target = "1.2亿";
const calendar = chinaCalendar();
const amount = (node: { value: Parameters<typeof formatAmount>[0] }) =>
  formatAmount(node.value, { scale: "万", digits: 2 });
const sumOf = (nodes: readonly PeriodNode[]) =>
  nodes.reduce((total, node) => total.plus(node.value), toDecimal(0));

function arrangementTable(arrangement: HolidayArrangement): void {
  const span = (days: readonly string[]) =>
    days.length === 1 ? days[0]!.slice(5) : `${days[0]!.slice(5)} – ${days.at(-1)!.slice(5)}`;
  printTable(
    ["holiday", "days off", "days", "make-up working days"],
    arrangement.holidays.map((holiday) => [
      holiday.name,
      span(holiday.days),
      String(holiday.days.length),
      (holiday.workdays ?? []).map((day) => day.slice(5)).join(", ") || "—",
    ]),
  );
}

heading(
  `W11 — 2026 China calendar (${chinaArrangement(2026).source}, ${chinaArrangement(2026).published})`,
);
arrangementTable(chinaArrangement(2026));

// One tree, exact at every level: year → quarters → months → weeks, and months → 旬 → days.
const byWeek = splitByPeriodTree(target, {
  start: "2026-01-01",
  end: "2026-12-31",
  grains: ["quarter", "month", "week"],
  calendar,
});
const byDekad = splitByPeriodTree(target, {
  start: "2026-01-01",
  end: "2026-12-31",
  grains: ["month", "dekad", "day"],
  calendar,
});
console.log(
  `${formatAmount(byWeek.total)} over ${byWeek.workingDays} working days of ${byWeek.calendarDays} (weekends and holidays carry no target; make-up days do).`,
);

heading("W11 — 季度 quarters");
printTable(
  ["quarter", "working days", "share", "target"],
  [
    ...byWeek.periods.map((quarter) => [
      quarter.label,
      String(quarter.workingDays),
      formatPercent(quarter.share),
      amount(quarter),
    ]),
    ["total", String(byWeek.workingDays), "100%", amount({ value: sumOf(byWeek.periods) })],
  ],
);

heading("W11 — 月度 months (each quarter's months sum to the quarter exactly)");
const months = byWeek.periods.flatMap((quarter) => quarter.children);
printTable(
  ["month", "days", "working days", "target", "per working day"],
  [
    ...months.map((month) => [
      month.label,
      String(month.calendarDays),
      String(month.workingDays),
      amount(month),
      formatAmount(month.value.dividedBy(month.workingDays), { scale: "万", digits: 2 }),
    ]),
    [
      "total",
      String(byWeek.calendarDays),
      String(byWeek.workingDays),
      amount({ value: sumOf(months) }),
      "",
    ],
  ],
);

heading("W11 — 旬 2026年2月: 上旬/中旬/下旬 around the Spring Festival (02-15 – 02-23 off)");
const february = byDekad.periods[1]!;
printTable(
  ["旬", "dates", "working days", "target"],
  [
    ...february.children.map((third) => [
      third.label,
      `${third.start.slice(5)} – ${third.end.slice(5)}`,
      String(third.workingDays),
      amount(third),
    ]),
    ["2026年2月", "", String(february.workingDays), amount(february)],
  ],
);

heading("W11 — 周 weeks of 2026年2月 (ISO weeks, cut at the month's edges)");
const februaryWeeks = months[1]!.children;
printTable(
  ["week", "dates", "working days", "target"],
  [
    ...februaryWeeks.map((week) => [
      week.label,
      `${week.start.slice(5)} – ${week.end.slice(5)}`,
      String(week.workingDays),
      amount(week),
    ]),
    ["2026年2月", "", String(months[1]!.workingDays), amount(months[1]!)],
  ],
);

heading("W11 — 工作日 working days around the Spring Festival (02-09 – 02-28)");
const days = february.children
  .flatMap((third) => third.children)
  .filter((day) => day.start >= "2026-02-09");
printTable(
  ["day", "counts as", "target"],
  days.map((day) => [
    day.label,
    day.kind === "make-up"
      ? `make-up working day (${day.name})`
      : day.kind === "holiday"
        ? `holiday (${day.name})`
        : day.kind === "weekend"
          ? "weekend"
          : "working day",
    amount(day),
  ]),
);
const midYear = timeProgress("2026-06-30", { start: "2026-01-01", end: "2026-12-31", calendar });
console.log(
  `时间进度 on 2026-06-30 (end of day): ${midYear.workingDaysElapsed}/${midYear.workingDays} working days = ${formatPercent(midYear.timeProgress)}.`,
);

// 2027: no notice yet in November 2026. The provisional calendar follows the published principles.
const provisional = chinaCalendar({ missingYears: "provisional" });
const plan2027 = splitByPeriod(target, {
  start: "2027-01-01",
  end: "2027-12-31",
  grain: "month",
  calendar: provisional,
});
heading("W11 — 2027 plan on a PROVISIONAL calendar (no State Council notice yet)");
console.log(
  `PROVISIONAL: provisional = ${plan2027.provisional}, years ${plan2027.provisionalYears.join(", ")}. Computed from the published principles and the lunar calendar; replace with the official notice when it is out (chinaCalendar({ arrangements: [...] })).`,
);
arrangementTable(chinaArrangement(2027, { missingYears: "provisional" }));
printTable(
  ["month (PROVISIONAL)", "working days", "target"],
  [
    ...plan2027.periods.map((month) => [month.label, String(month.workingDays), amount(month)]),
    ["2027 (PROVISIONAL)", String(plan2027.workingDays), amount({ value: plan2027.total })],
  ],
);
