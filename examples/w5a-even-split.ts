// W5 (even split) — the new CBD campus (培训校区 case): the first-month target of 80万 split evenly
// over five salespeople, 160,000 each — the "分猪肉" split the document warns about.
// Break-even, achievement and the reset are in w5b.
import { allocate, formatAmount, formatPercent, splitEvenly, toDecimal } from "targetree";
import { heading, printTable } from "./_lib/table.js";

heading("W5 — 平均分配 the even split of 80万 over five salespeople");

const team = ["张伟", "王芳", "李娜", "刘洋", "陈静"] as const;
const even = splitEvenly("80万", team, { unit: 1 });
const sum = Object.values(even).reduce((a, b) => a.plus(b), toDecimal(0));
printTable(
  ["销售 salesperson", "目标 target", "元", "share"],
  [
    ...team.map((name) => [
      name,
      formatAmount(even[name]!),
      formatAmount(even[name]!, { scale: "元" }),
      formatPercent(even[name]!.div(sum)),
    ]),
    ["合计 total", formatAmount(sum), formatAmount(sum, { scale: "元" }), "100%"],
  ],
);
console.log("Each gets 160,000元; the parts add up to 800,000元 exactly.");

// The document's lesson: an even split ignores who can sell what. The same 80万 by a capacity
// weight (say months of experience, a new hire counting 1) is one call away.
const experience = { 张伟: 24, 王芳: 12, 李娜: 6, 刘洋: 3, 陈静: 1 };
const weighted = allocate("80万", experience, { unit: 100 });
console.log("\nFor contrast, the same 80万 weighted by months of experience (rounded to 100元):");
printTable(
  ["销售 salesperson", "experience", "even split", "weighted"],
  team.map((name) => [
    name,
    `${experience[name as keyof typeof experience]} mo`,
    formatAmount(even[name]!),
    formatAmount(weighted[name]!),
  ]),
);
