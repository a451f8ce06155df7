// W12 — visit cadence by customer class (fifth document), for October 2026 on the China calendar.
import type { VisitPlanRow } from "targetree";
import { chinaCalendar, formatAmount, STANDARD_VISIT_CADENCES, visitPlan } from "targetree";
import { heading, printTable } from "./_lib/table.js";

heading("W12 — 客户分级拜访计划 visit plan by customer class (2026-10, China calendar)");

const people = 4;
const plan = visitPlan(
  { A: 20, B: 40, C: 80, 重点客户: 5 },
  {
    start: "2026-10-01",
    end: "2026-10-31",
    calendar: chinaCalendar(),
    cadences: { ...STANDARD_VISIT_CADENCES, 重点客户: { visits: 2, per: "week" } },
    people,
  },
);

const describeCadence = (row: VisitPlanRow): string => {
  const { visits, every, per } = row.cadence;
  const unit = per === "workingDay" ? "working day" : per;
  return `${visits}× every ${every === 1 ? "" : `${every} `}${unit}${every === 1 ? "" : "s"}`;
};

console.log(
  `${plan.workingDays} working days (国庆 10-01 – 10-07 off, 10-10 a make-up day); ${plan.weeks} calendar weeks hold a working day.`,
);
printTable(
  ["class", "customers", "cadence", "visits each", "visits", "per working day"],
  [
    ...plan.rows.map((row) => [
      row.key,
      row.customers.toString(),
      describeCadence(row),
      row.visitsPerCustomer.toString(),
      row.visits.toString(),
      formatAmount(row.perWorkingDay!, { digits: 2 }),
    ]),
    [
      "total",
      plan.total.customers.toString(),
      "",
      "",
      plan.total.visits.toString(),
      formatAmount(plan.total.perWorkingDay!, { digits: 2 }),
    ],
  ],
);
console.log(
  `${people} salespeople: ${plan.total.perPerson!.toString()} visits each, ${formatAmount(plan.total.perPersonPerWorkingDay!, { digits: 2 })} per working day (W3 standard: 3).`,
);
