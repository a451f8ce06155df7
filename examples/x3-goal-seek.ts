// X3 — goal seek: exact inversion where the tree allows it, a bracketed search where it does not,
// and the method, residual and rounding always reported (a spreadsheet's Goal Seek stops within
// 0.001 after 100 steps, sometimes on the wrong root).
import { defineModel, formatAmount, revenueModel, solveFor } from "targetree";
import { heading, printTable } from "./_lib/table.js";

heading("X3 — 单变量求解 goal seek");

const inputs = {
  newCustomers: 600,
  conversion: "25%",
  newAov: 8000,
  returningCustomers: 1500,
  repurchase: "40%",
  returningAov: 6000,
};
const exact = solveFor(revenueModel(), {
  output: "revenue",
  target: "1.2亿",
  vary: "newCustomers",
  inputs,
});
const rounded = solveFor(revenueModel(), {
  output: "revenue",
  target: "9999.9万",
  vary: "newCustomers",
  inputs,
});

// Price and volume: revenue = price × (1000 − 5·price) is a parabola with two prices for one revenue.
const pricing = defineModel({ revenue: "price * (1000 - 5 * price)" });
const twoRoots = solveFor(pricing, {
  output: "revenue",
  target: 45000,
  vary: "price",
  inputs: { price: 80 },
});

// A capacity cap (min) cannot be inverted: the bracketed Brent search takes over.
const capped = defineModel({ wins: "min(visits * winRate, capacity)" });
const numeric = solveFor(capped, {
  output: "wins",
  target: 91,
  vary: "visits",
  inputs: { visits: 300, winRate: "20%", capacity: 100 },
});

const number = (value: Parameters<typeof formatAmount>[0]): string =>
  formatAmount(value, { scale: "none", digits: 4 });
printTable(
  ["question", "answer", "method", "iterations", "residual", "note"],
  [
    [
      "new customers for 1.2亿",
      number(exact.value),
      exact.method,
      String(exact.iterations),
      exact.residual.toString(),
      "",
    ],
    [
      "new customers for 9,999.9万",
      number(rounded.value),
      rounded.method,
      String(rounded.iterations),
      number(rounded.residual),
      `rounded up from ${number(rounded.unrounded)}`,
    ],
    [
      "price for revenue 45,000",
      number(twoRoots.value),
      twoRoots.method,
      String(twoRoots.iterations),
      twoRoots.residual.toSignificantDigits(3).toString(),
      `nearest the current 80; other root ${twoRoots.alternatives.map(number).join(", ")}`,
    ],
    [
      "visits for 91 wins (cap 100)",
      number(numeric.value),
      numeric.method,
      String(numeric.iterations),
      numeric.residual.toSignificantDigits(3).toString(),
      `${numeric.evaluations} evaluations`,
    ],
  ],
);
