// W3 — activity back-calculation and alert rules (日事清 article).
import { chinaCalendar, evaluateRules, formatAmount, funnel } from "targetree";
import { heading, printTable } from "./_lib/table.js";

heading("W3 — 活动量倒推与预警 activity back-calculation and alert rules");

const team = 8;
const plan = funnel(100, [{ name: "拜访 visits", perNext: 5 }], {
  outcomeName: "新客户 new customers",
  people: team,
  start: "2026-06-01",
  end: "2026-06-30",
  calendar: chinaCalendar(),
});
const dailyStandard = 3;

console.log(
  `June 2026: ${plan.workingDays} working days on the China calendar (端午 06-19 off), ${team} salespeople.`,
);
printTable(
  ["stage", "needed", "per person", "per working day", "per person per day"],
  plan.rows.map((row) => [
    row.name,
    row.count.toString(),
    formatAmount(row.perPerson!, { digits: 1 }),
    formatAmount(row.perWorkingDay!, { digits: 2 }),
    `${formatAmount(row.perPersonPerWorkingDay!, { digits: 2 })} → ${row.perPersonPerWorkingDay!.ceil().toString()}`,
  ]),
);
const capacity = dailyStandard * team * plan.workingDays!;
console.log(
  `Daily standard: ${dailyStandard} visits a person a day → ${capacity} visits in the month (${capacity >= plan.activity.count.toNumber() ? "covers" : "does not cover"} the ${plan.activity.count.toString()} needed).`,
);

const rules = [
  {
    id: "low-visits",
    when: "dailyVisits < 3",
    recommend: "通知区域经理 notify the regional manager",
  },
  {
    id: "stuck-opportunity",
    when: "stuckDays > 7",
    recommend: "升级至总监 escalate to the director",
    severity: "danger" as const,
  },
  {
    id: "no-progress",
    when: "hoursSinceProgress > 48",
    recommend: "推送跟进话术 push the follow-up script",
    severity: "info" as const,
  },
];
const facts = [
  { name: "王 Wang", dailyVisits: 2.4, stuckDays: 3, hoursSinceProgress: 20 },
  { name: "李 Li", dailyVisits: 3.2, stuckDays: 9, hoursSinceProgress: 60 },
  { name: "张 Zhang", dailyVisits: 3, stuckDays: 2, hoursSinceProgress: 10 },
];

console.log("\nAlert rules (conditions in the formula language):");
printTable(
  ["rule", "when", "recommend"],
  rules.map((rule) => [rule.id, rule.when, rule.recommend]),
);
console.log("");
printTable(
  ["salesperson", "visits/day", "stuck days", "hours idle", "fired", "recommendation"],
  facts.flatMap(({ name, ...values }) => {
    const fired = evaluateRules(rules, values);
    const cells = [
      name,
      String(values.dailyVisits),
      String(values.stuckDays),
      String(values.hoursSinceProgress),
    ];
    if (fired.length === 0) return [[...cells, "—", "on track"]];
    return fired.map((alert, index) => [
      ...(index === 0 ? cells : ["", "", "", ""]),
      `${alert.id} (${alert.severity})`,
      alert.recommend,
    ]);
  }),
);
