// W10 — strategic multi-year path (日事清 article): 20亿 in 2018 from 8亿 in 2014, as a straight
// line and as equal yearly growth (CAGR); and the 2014 growth the strategy needs against the plan.
import { formatAmount, formatPercent, growthPath, parseAmount, requiredGrowth } from "targetree";
import { heading, printTable } from "./_lib/table.js";

heading("W10 — 战略目标路径 strategic path 2014–2018: 8亿 → 20亿");

const years = [2014, 2015, 2016, 2017, 2018];
const linear = growthPath("8亿", "20亿", 4);
const cagr = growthPath("8亿", "20亿", 4, { method: "cagr", unit: "100万" });

printTable(
  ["year", "straight line", "increase", "growth", "equal growth (CAGR)", "growth"],
  years.map((year, index) => [
    String(year),
    formatAmount(linear.values[index]!),
    index === 0 ? "" : `+${formatAmount(linear.values[index]!.minus(linear.values[index - 1]!))}`,
    index === 0 ? "" : formatPercent(linear.growthRates[index - 1]!),
    formatAmount(cagr.values[index]!),
    index === 0 ? "" : formatPercent(cagr.growthRates[index - 1]!),
  ]),
);
console.log(
  `Straight line: +${formatAmount(linear.increment!)} a year. Equal growth: ${formatPercent(cagr.rate!)} a year (8 → 10.06 → 12.65 → 15.91 → 20亿, rounded to 0.01亿).`,
);

heading("W10 — 2014: the growth the strategy needs vs. the plan");
const actual2013 = parseAmount("7亿");
const planned2014 = parseAmount("7.5亿");
const needed2014 = linear.values[0]!;
printTable(
  ["2014", "target", "growth over 2013 (7亿)"],
  [
    ["planned", formatAmount(planned2014), formatPercent(requiredGrowth(actual2013, planned2014))],
    [
      "strategy needs",
      formatAmount(needed2014),
      formatPercent(requiredGrowth(actual2013, needed2014)),
    ],
    ["difference", `+${formatAmount(needed2014.minus(planned2014))}`, ""],
  ],
);
console.log(
  `Over the four years the path needs ${formatPercent(requiredGrowth("8亿", "20亿", 4))} a year (requiredGrowth(8亿, 20亿, 4)).`,
);
