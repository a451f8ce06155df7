// Times goal seek, sensitivity and attribution on the W1 and X1 models, and exact Shapley as the
// number of changed inputs grows (the reason for the documented limit of 12).
import {
  attribute,
  defineModel,
  evaluate,
  reconcile,
  revenueModel,
  sensitivity,
  solveFor,
  solveMultiplier,
} from "targetree";
import { report, time } from "./_lib/measure.js";

const revenue = revenueModel();
const w1 = {
  newCustomers: 600,
  conversion: "25%",
  newAov: 8000,
  returningCustomers: 1500,
  repurchase: "40%",
  returningAov: 6000,
};
const capped = defineModel({ wins: "min(visits * winRate, capacity)" });
const x1 = defineModel({ materialCost: "output * usage * price" });
const plan = { output: 130, usage: 10, price: 4 };
const actual = { output: 140, usage: 9, price: 5 };

const baseline = time("evaluate W1 once", () => evaluate(revenue, w1), { runs: 51, warmup: 5 });
report("Goal seek and attribution on the worked cases (one call each)", baseline, [
  time("solveFor W1 newCustomers (algebraic)", () =>
    solveFor(revenue, { output: "revenue", target: "1.2亿", vary: "newCustomers", inputs: w1 }),
  ),
  time("solveMultiplier W1 ×25 (algebraic, linear)", () =>
    solveMultiplier(revenue, {
      output: "revenue",
      target: "1.2亿",
      vary: ["newCustomers", "returningCustomers"],
      inputs: w1,
    }),
  ),
  time("solveFor through min() (numeric, Brent)", () =>
    solveFor(capped, {
      output: "wins",
      target: 91,
      vary: "visits",
      inputs: { visits: 300, winRate: "20%", capacity: 100 },
    }),
  ),
  time("reconcile W1 (6 singles + multiplier)", () =>
    reconcile(revenue, {
      output: "revenue",
      target: "1.2亿",
      inputs: w1,
      vary: ["newCustomers", "returningCustomers"],
    }),
  ),
  time("sensitivity W1 (6 inputs, ±1%)", () =>
    sensitivity(revenue, { output: "revenue", inputs: w1 }),
  ),
  time("attribute X1 chain", () => attribute(x1, { output: "materialCost", base: plan, actual })),
  time("attribute X1 shapley", () =>
    attribute(x1, { output: "materialCost", base: plan, actual, method: "shapley" }),
  ),
  time("attribute X1 lmdi", () =>
    attribute(x1, { output: "materialCost", base: plan, actual, method: "lmdi" }),
  ),
]);

const shapleyAt = (count: number) => {
  const names = Array.from({ length: count }, (_, index) => `x${index}`);
  // A sum of pairwise products, so every subset evaluation does real work.
  const formula = names.map((name, index) => `${name} * ${names[(index + 1) % count]}`).join(" + ");
  const model = defineModel({ y: formula });
  const base = Object.fromEntries(names.map((name, index) => [name, index + 1]));
  const after = Object.fromEntries(names.map((name, index) => [name, index + 2.5]));
  return time(
    `shapley, ${count} changed inputs (${2 ** count} evaluations)`,
    () =>
      attribute(model, {
        output: "y",
        base,
        actual: after,
        method: "shapley",
        maxShapleyInputs: 16,
      }),
    { runs: count >= 14 ? 3 : 5, warmup: 1 },
  );
};
const shapley8 = shapleyAt(8);
report("Exact Shapley cost by input count", shapley8, [
  shapleyAt(10),
  shapleyAt(12),
  shapleyAt(14),
]);
