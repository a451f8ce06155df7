// W1 (evaluation part): the revenue driver tree of the 日事清 article, evaluated for its stated
// inputs and held against its stated 1.2亿 target.
import {
  evaluate,
  formatAmount,
  formatPercent,
  parseAmount,
  renderTree,
  revenueModel,
} from "targetree";
import { heading, printTable } from "./_lib/table.js";

heading("W1 — 营收驱动树 revenue driver tree (evaluation)");

const model = revenueModel();
// The article's inputs, written as it writes them.
const inputs = {
  newCustomers: 600,
  conversion: "25%",
  newAov: "8,000",
  returningCustomers: "1,500",
  repurchase: "40%",
  returningAov: "6,000",
};
console.log(renderTree(model, inputs));

const values = evaluate(model, inputs);
const revenue = values.revenue!;
const target = parseAmount("1.2亿");
const gap = target.minus(revenue);

console.log();
printTable(
  ["营业收入 revenue", "金额 amount", "元 yuan", "占目标 of target"],
  [
    [
      "目标 target (as the article states)",
      formatAmount(target, { scale: "万" }),
      formatAmount(target, { scale: "元" }),
      "100%",
    ],
    [
      "由输入算得 implied by its inputs",
      formatAmount(revenue, { scale: "万" }),
      formatAmount(revenue, { scale: "元" }),
      formatPercent(revenue.div(target)),
    ],
    [
      "缺口 gap",
      formatAmount(gap, { scale: "万" }),
      formatAmount(gap, { scale: "元" }),
      formatPercent(gap.div(target)),
    ],
  ],
);
console.log(
  `\nThe article's inputs give ${formatAmount(revenue)} (600×25%×8,000 + 1,500×40%×6,000), only ${formatPercent(revenue.div(target))} of its 1.2亿 target;`,
);
console.log(
  `the figures do not add up, leaving a gap of ${formatAmount(gap, { scale: "元" })} (${formatPercent(gap.div(target))}). Goal seek closes it (W1, second part).`,
);
