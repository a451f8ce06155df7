// X2 — spreading semantics of planning tools (Anaplan, TM1, Hyperion, Planful, Infor):
// proportional spread (breakback), even spread, spread in the shape of a reference series,
// holds, a defined rule for an all-zero base, min/max, and parts that always add up.
import {
  allocate,
  breakback,
  flattenTree,
  formatAmount,
  splitEvenly,
  type TreeNode,
  toDecimal,
} from "targetree";
import { heading, printTable } from "./_lib/table.js";

heading("X2 — 分摊规则 spreading semantics of planning tools");

const show = (tree: TreeNode, before?: TreeNode) => {
  const old = before ? flattenTree(before) : [];
  printTable(
    before ? ["node", "before", "after"] : ["node", "value"],
    flattenTree(tree).map((row, i) => [
      `${"  ".repeat(row.depth)}${row.name}`,
      ...(before ? [formatAmount(old[i]!.value, { scale: "元" })] : []),
      formatAmount(row.value, { scale: "元" }),
    ]),
  );
};

const plan = {
  name: "全国",
  children: [
    {
      name: "华东",
      children: [
        { name: "张三", value: 300_000 },
        { name: "李四", value: 200_000 },
        { name: "王五", value: 500_000 },
      ],
    },
    {
      name: "华南",
      children: [
        { name: "赵六", value: 400_000 },
        { name: "钱七", value: 0 },
      ],
    },
  ],
};
const before = breakback(plan, { path: [], value: 1_400_000 }); // the plan as a tree with totals

console.log(
  "\n1. Proportional spread (breakback): type 1,200,000 at 华东; its leaves follow pro rata, 全国 follows.",
);
const proportional = breakback(plan, { path: ["华东"], value: 1_200_000, unit: 1 });
show(proportional, before);

console.log("\n2. Holds: 王五 is held, so 张三 and 李四 absorb the change.");
const held = breakback(plan, {
  path: ["华东"],
  value: 1_200_000,
  holds: [["华东", "王五"]],
  unit: 1,
});
show(held, before);

console.log(
  "\n3. A held parent: 华东 is held, 张三 goes to 400,000, so 李四 and 王五 give it up pro rata.",
);
const heldParent = breakback(plan, {
  path: ["华东", "张三"],
  value: 400_000,
  holds: [["华东"]],
  unit: 1,
});
show(heldParent, before);

console.log("\n4. An all-zero base spreads evenly (a defined rule, not a division by zero):");
const zeroBase = breakback(
  {
    name: "新区域",
    children: [
      { name: "A", value: 0 },
      { name: "B", value: 0 },
      { name: "C", value: 0 },
    ],
  },
  { path: [], value: 100_000, unit: 1 },
);
show(zeroBase);

console.log(
  "\n5. Even spread, and spread in the shape of a reference series (last year's months):",
);
const months = ["1月", "2月", "3月", "4月", "5月", "6月"] as const;
const lastYear = { "1月": 80, "2月": 45, "3月": 95, "4月": 100, "5月": 110, "6月": 120 };
const evenly = splitEvenly("60万", months, { unit: 1 });
const shaped = allocate("60万", lastYear, { unit: 1 });
printTable(
  ["month", "even", "last year (万)", "shaped like last year"],
  months.map((month) => [
    month,
    formatAmount(evenly[month]!, { scale: "元" }),
    String(lastYear[month as keyof typeof lastYear]),
    formatAmount(shaped[month]!, { scale: "元" }),
  ]),
);

console.log("\n6. Min/max per part (Infor): every month at least 80,000 and at most 120,000.");
const bounded = allocate("60万", lastYear, { unit: 1, min: "8万", max: "12万" });
printTable(
  ["month", "shaped", "bounded"],
  months.map((month) => [
    month,
    formatAmount(shaped[month]!, { scale: "元" }),
    formatAmount(bounded[month]!, { scale: "元" }),
  ]),
);

console.log("\n7. Rounded parts that add up: 100元 over three equal parts, in cents.");
const naive = toDecimal(100).div(3).toDecimalPlaces(2);
const exact = splitEvenly(100, 3);
printTable(
  ["method", "parts", "sum"],
  [
    ["round each part", `${naive} + ${naive} + ${naive}`, naive.times(3).toFixed(2)],
    [
      "largest remainder",
      exact.map(String).join(" + "),
      exact.reduce((a, b) => a.plus(b)).toFixed(2),
    ],
  ],
);
