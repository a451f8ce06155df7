// W5 (measures) — the new CBD campus (培训校区 case): break-even, achievement, bonus tiers, health rule.
// The even split of the first-month target is in w5a.
import {
  achievement,
  breakEvenRevenue,
  evaluateRules,
  formatAmount,
  formatPercent,
  teamHealth,
  tieredBonus,
} from "targetree";
import { heading, printTable } from "./_lib/table.js";

heading("W5 — 新校区 break-even, achievement, bonus tiers and the health rule");

const breakEven = breakEvenRevenue({ fixedCosts: "50万", grossMargin: "55%" }, { unit: "0.01" });
printTable(
  ["monthly cost", "gross margin", "break-even revenue", "document says"],
  [
    [
      "50万",
      "55%",
      formatAmount(breakEven, { scale: "元", fixed: true }),
      "约100万 (about 1,000,000)",
    ],
  ],
);
console.log("Break-even = cost / gross margin = 500,000 / 0.55, rounded half-up to the cent.");

console.log("\nAchievement (the document gives bounds, so the bound values are shown):");
printTable(
  ["month", "target", "actual", "achievement", "document"],
  [
    [
      "first month",
      "80万",
      "< 10万",
      `< ${formatPercent(achievement({ actual: "10万", target: "80万" }).achievement!)}`,
      "< 12.5%",
    ],
    [
      "after the reset",
      "20万",
      "> 60万",
      `> ${formatPercent(achievement({ actual: "60万", target: "20万" }).achievement!)}`,
      "> 300%",
    ],
    [
      "the month after",
      "20万",
      "> 100万",
      `> ${formatPercent(achievement({ actual: "100万", target: "20万" }).achievement!)}`,
      "—",
    ],
  ],
);

console.log(
  "\nSingle-month bonus tiers above 5万 and above 10万 (the document names only the thresholds;",
);
console.log("the amounts below are an assumed example: 2,000 above 5万, 5,000 above 10万).");
const tiers = [
  { from: "5万", fixed: 2_000 },
  { from: "10万", fixed: 5_000 },
];
printTable(
  ["monthly sales", "tier reached", "bonus"],
  ["4.8万", "5万", "9.5万", "10万", "16万"].map((sales) => {
    const result = tieredBonus(sales, tiers);
    return [
      sales,
      result.tier === null ? "none" : `≥ ${formatAmount(result.lines[0]!.from)}`,
      formatAmount(result.bonus, { scale: "元" }),
    ];
  }),
);

console.log("\nHealth rule: 3 or more misses in a row, or stage achievement below 50% → danger.");
const teams = {
  "CBD 校区 (actuals ≈ the document's)": [
    { actual: "9万", target: "80万" },
    { actual: "60万", target: "20万" },
    { actual: "100万", target: "20万" },
  ],
  "team B (three misses)": [
    { actual: "21万", target: "20万" },
    { actual: "18万", target: "20万" },
    { actual: "17万", target: "20万" },
    { actual: "19万", target: "20万" },
  ],
  "team C (low stage rate)": [
    { actual: "6万", target: "20万" },
    { actual: "8万", target: "20万" },
  ],
};
const rule = [
  {
    id: "team-in-danger",
    when: "missesInARow >= 3 or stageAchievement < 50%",
    recommend: "复盘并调整目标 review and reset the target",
    severity: "danger" as const,
  },
];
printTable(
  ["team", "misses in a row", "stage achievement", "teamHealth", "as a rule"],
  Object.entries(teams).map(([name, months]) => {
    const health = teamHealth(months);
    const fired = evaluateRules(rule, {
      missesInARow: health.missesInARow,
      stageAchievement: health.stageAchievement!,
    });
    return [
      name,
      String(health.missesInARow),
      formatPercent(health.stageAchievement!, { digits: 1 }),
      health.status === "danger" ? `danger: ${health.causes.join(", ")}` : "ok",
      fired.length > 0 ? fired[0]!.recommend : "—",
    ];
  }),
);
