// X1 — factor analysis (因素分析法): material cost = output × usage per unit × unit price.
// Plan 130 × 10 × 4 = 5,200; actual 140 × 9 × 5 = 6,300; change +1,100.
import {
  attribute,
  type Decimal,
  defineModel,
  formatAmount,
  formatPercent,
  toDecimal,
} from "targetree";
import { heading, printTable } from "./_lib/table.js";

heading("X1 — 因素分析法 factor analysis: 材料费用 = 产量 × 单耗 × 单价");

const model = defineModel(
  { materialCost: "output * usage * price" },
  {
    inputs: {
      output: { label: "产量 output" },
      usage: { label: "单耗 usage per unit" },
      price: { label: "单价 unit price" },
    },
    nodes: { materialCost: { label: "材料费用 material cost" } },
  },
);
const plan = { output: 130, usage: 10, price: 4 };
const actual = { output: 140, usage: 9, price: 5 };
const label = (name: string): string => model.nodes[name]?.label ?? name;
const amount = (value: Decimal): string => formatAmount(value, { scale: "none", digits: 2 });
const signed = (value: Decimal): string =>
  (value.isPositive() && !value.isZero() ? "+" : "") + amount(value);

const totals = attribute(model, { output: "materialCost", base: plan, actual });
printTable(
  ["", "plan 计划", "actual 实际", "change 差异"],
  [
    ...model.inputs.map((name) => [
      label(name),
      String(plan[name as keyof typeof plan]),
      String(actual[name as keyof typeof actual]),
      signed(toDecimal(actual[name as keyof typeof actual] - plan[name as keyof typeof plan])),
    ]),
    [label("materialCost"), amount(totals.base), amount(totals.actual), signed(totals.change)],
  ],
);

const chainTable = (order: readonly (typeof model.inputs)[number][]) => {
  const result = attribute(model, {
    output: "materialCost",
    base: plan,
    actual,
    method: "chain",
    order,
  });
  console.log(`\n连环替代法 chain substitution, order ${order.join(" → ")}:`);
  printTable(
    ["step", ...order.map(label), "材料费用", "影响 effect"],
    result.steps.map((row) => [
      row.input === null
        ? "① 计划 plan"
        : `${"②③④⑤⑥"[row.step - 1] ?? row.step} 替代 ${label(row.input)}`,
      ...order.map((name) => row.values[name]!.toString()),
      amount(row.output),
      row.input === null ? "" : signed(row.change),
    ]),
  );
  return result;
};
const first = chainTable(["output", "usage", "price"]);
const second = chainTable(["output", "price", "usage"]);
console.log("The order changes the split (usage −560 or −700), so the order is an explicit input.");

// 差额分析法: the same computation in shortcut form, by hand from the formula.
const [a0, b0, c0] = [plan.output, plan.usage, plan.price].map((x) => toDecimal(x));
const [a1, b1, c1] = [actual.output, actual.usage, actual.price].map((x) => toDecimal(x));
console.log("\n差额分析法 difference method (order output → usage → price):");
printTable(
  ["factor", "formula", "effect"],
  [
    [label("output"), "(A₁−A₀)·B₀·C₀", signed(a1!.minus(a0!).times(b0!).times(c0!))],
    [label("usage"), "A₁·(B₁−B₀)·C₀", signed(a1!.times(b1!.minus(b0!)).times(c0!))],
    [label("price"), "A₁·B₁·(C₁−C₀)", signed(a1!.times(b1!).times(c1!.minus(c0!)))],
  ],
);

const shapley = attribute(model, { output: "materialCost", base: plan, actual, method: "shapley" });
const lmdi = attribute(model, { output: "materialCost", base: plan, actual, method: "lmdi" });
console.log("\nAll methods side by side (each column sums exactly to the change):");
const column = (result: typeof first, name: string) =>
  signed(result.contributions.find((entry) => entry.input === name)!.contribution);
printTable(
  ["factor", "chain O→U→P", "chain O→P→U", "Shapley", "Shapley (exact)", "LMDI", "LMDI share"],
  [
    ...model.inputs.map((name) => {
      const entry = lmdi.contributions.find((item) => item.input === name)!;
      return [
        label(name),
        column(first, name),
        column(second, name),
        column(shapley, name),
        shapley.contributions.find((item) => item.input === name)!.exact ?? "",
        column(lmdi, name),
        entry.share === null ? "—" : formatPercent(entry.share, { digits: 1 }),
      ];
    }),
    [
      "total 合计",
      signed(first.change),
      signed(second.change),
      signed(shapley.change),
      shapley.change.toString(),
      signed(lmdi.change),
      "100%",
    ],
  ],
);
console.log(
  "Shapley = the average of the chain over all 6 orders; LMDI-I effect = L(V₁,V₀)·ln(x₁/x₀), L(a,b) = (a−b)/(ln a − ln b).",
);
console.log(
  `Rounding residual handed out so the columns sum exactly: Shapley ${shapley.residual.toString()}, LMDI ${lmdi.residual.toString()}.`,
);
