// W1b — plan audit of the revenue driver formula (日事清 article): the stated inputs give 480万, not
// the stated 1.2亿. Shows the implied value, the gap, and the ways to close it.
import { formatAmount, formatPercent, reconcile, revenueModel, solveFor } from "targetree";
import { heading, printTable } from "./_lib/table.js";

heading("W1b — 计划审计 plan audit: 1.2亿 target vs. the drivers");

const model = revenueModel();
const inputs = {
  newCustomers: 600,
  conversion: "25%",
  newAov: 8000,
  returningCustomers: 1500,
  repurchase: "40%",
  returningAov: 6000,
};
const audit = reconcile(model, {
  output: "revenue",
  target: "1.2亿",
  inputs,
  vary: ["newCustomers", "returningCustomers"],
});

const label = (name: string): string => `${model.nodes[name]?.label ?? name} ${name}`;
const show = (name: string, value: Parameters<typeof formatAmount>[0]): string =>
  model.nodes[name]?.unitLabel === "%"
    ? formatPercent(value)
    : formatAmount(value, { scale: "none" });

printTable(
  ["", "document claims", "computed"],
  [
    ["营业收入 revenue", formatAmount(audit.target), formatAmount(audit.implied)],
    ["差距 gap (target − implied)", "", formatAmount(audit.gap, { scale: "none" })],
    ["差距率 gap rate (basis: target)", "", formatPercent(audit.gapRate ?? 0)],
    ["完成率 implied / target", "", formatPercent(audit.achievement ?? 0)],
  ],
);
console.log(
  "The stated drivers give 600×25%×8,000 + 1,500×40%×6,000 = 4,800,000 (480万), 4% of 1.2亿.",
);

console.log("\nWays to close the gap — one driver alone (others as stated):");
printTable(
  ["driver", "stated", "needed", "change", "feasible"],
  audit.singles.map((single) => [
    label(single.input),
    show(single.input, single.actual),
    single.required === null ? "—" : show(single.input, single.required),
    single.changeRate === null
      ? "—"
      : formatPercent(single.changeRate, { signed: true, digits: 0 }),
    single.feasible ? "yes" : "no *",
  ]),
);
for (const single of audit.singles.filter((item) => !item.feasible)) {
  console.log(`* ${label(single.input)}: ${single.reason}.`);
}

const multiplier = audit.multiplier!;
console.log("\nOr one common multiplier on both customer counts:");
printTable(
  ["driver", "stated", "needed", "factor"],
  multiplier.inputs.map((name) => [
    label(name),
    show(name, audit.singles.find((single) => single.input === name)!.actual),
    multiplier.values === null ? "—" : show(name, multiplier.values[name]!),
    multiplier.factor === null ? "—" : `×${multiplier.factor.toString()}`,
  ]),
);

const check = solveFor(model, { output: "revenue", target: "1.2亿", vary: "newCustomers", inputs });
console.log(
  `\nCheck: solveFor newCustomers = ${formatAmount(check.value, { scale: "none" })} (${check.method}, residual ${check.residual.toString()}).`,
);
