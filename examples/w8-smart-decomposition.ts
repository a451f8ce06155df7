// W8 — SMART decomposition (third document, table 2): Q3 target, its drivers, and the rewards.
import {
  chinaCalendar,
  formatAmount,
  formatPercent,
  gap,
  growth,
  paceGap,
  projectRunRate,
  requiredRunRate,
  tieredBonus,
  toDecimal,
} from "targetree";
import { heading, printTable } from "./_lib/table.js";

heading("W8 — SMART 目标分解 Q3 decomposition (deadline 2023-09-30)");

const base = toDecimal("80万");
const q3Target = base.times(toDecimal("1").plus(toDecimal("25%")));
const newCustomersTarget = toDecimal(150);
const impliedNewBase = newCustomersTarget.div(toDecimal("1").plus(toDecimal("30%")));
const repurchase = gap({ actual: "15%", target: "20%", bothBases: true });
const shareBefore = toDecimal("40%");
const shareAfter = toDecimal("50%");
const aSales = q3Target.times(shareAfter);
const aSalesBefore = base.times(shareBefore);

printTable(
  ["目标 goal", "from", "to", "change", "document"],
  [
    [
      "Q3 销售额 sales (+25%)",
      formatAmount(base),
      formatAmount(q3Target),
      formatPercent(growth(q3Target, base).growth!, { signed: true }),
      "100万",
    ],
    [
      "新客户 new customers (+30%)",
      `${impliedNewBase.toDecimalPlaces(2).toString()} (implied)`,
      newCustomersTarget.toString(),
      "+30%",
      "150",
    ],
    [
      "复购率 repurchase",
      formatPercent(repurchase.actual),
      formatPercent(repurchase.target),
      `+${repurchase.points!.toString()}pp (${formatPercent(repurchase.gapRates.actual!, { digits: 1, signed: true })})`,
      "15% → 20%",
    ],
    [
      "A 产品线占比 product line A share",
      formatPercent(shareBefore),
      formatPercent(shareAfter),
      `+${shareAfter.minus(shareBefore).times(100).toString()}pp`,
      "40% → 50%",
    ],
    [
      "A 产品线销售额 A sales",
      formatAmount(aSalesBefore),
      formatAmount(aSales),
      formatPercent(growth(aSales, aSalesBefore).growth!, { signed: true }),
      "50万",
    ],
  ],
);
console.log(
  "The document gives no new-customer base: +30% to 150 implies 115.38, so its +30% is rounded (115 × 1.3 = 149.5).",
);

console.log("\nRewards: selling 10万 of A earns a 1万 bonus; each referral earns 200元.");
const aBonusTiers = [{ from: "10万", fixed: "1万" }];
const referralTiers = [{ from: 0, rate: 200 }];
const people = [
  { name: "王 Wang", aSales: "8万", referrals: 3 },
  { name: "李 Li", aSales: "10万", referrals: 0 },
  { name: "张 Zhang", aSales: "12.5万", referrals: 6 },
];
printTable(
  ["销售 salesperson", "A sales", "A bonus", "referrals", "referral bonus", "total"],
  people.map((person) => {
    const aBonus = tieredBonus(person.aSales, aBonusTiers).bonus;
    const referralBonus = tieredBonus(person.referrals, referralTiers).bonus;
    return [
      person.name,
      formatAmount(person.aSales),
      formatAmount(aBonus, { scale: "元" }),
      String(person.referrals),
      formatAmount(referralBonus, { scale: "元" }),
      formatAmount(aBonus.plus(referralBonus), { scale: "元" }),
    ];
  }),
);

console.log(
  "\nPace check on 2023-08-15 (China calendar), with 45万 sold so far (an example figure):",
);
const q3 = {
  start: "2023-07-01",
  end: "2023-09-30",
  calendar: chinaCalendar(),
  asOf: "2023-08-15",
};
const forecast = projectRunRate({ actual: "45万", ...q3 });
const required = requiredRunRate({ target: q3Target, actual: "45万", ...q3 });
const pace = paceGap({ actual: "45万", target: q3Target, ...q3 });
printTable(
  [
    "working days",
    "time progress",
    "achievement",
    "进度差 pace gap",
    "forecast",
    "needed per day",
    "pace so far",
  ],
  [
    [
      `${forecast.workingDaysElapsed} of ${forecast.workingDays}`,
      formatPercent(pace.timeProgress, { digits: 1 }),
      formatPercent(pace.achievement!, { digits: 1 }),
      formatPercent(pace.paceGap!, { digits: 1, signed: true }),
      formatAmount(forecast.forecast!),
      formatAmount(required.perWorkingDay!, { scale: "元", digits: 0 }),
      formatAmount(required.actualPerWorkingDay!, { scale: "元", digits: 0 }),
    ],
  ],
);
