// Shared inputs of the chart tests: the X1 attribution, the revenue sensitivity, a small plan and
// its tracking.
import { attribute, buildPlan, defineModel, revenueModel, sensitivity, trackPlan } from "targetree";

export const x1 = defineModel({ materialCost: "output * usage * price" });
export const X1_BASE = { output: 130, usage: 10, price: 4 };
export const X1_ACTUAL = { output: 140, usage: 9, price: 5 };

/** X1 (材料费用), chain substitution: 5,200 → 6,300. */
export const x1Attribution = () =>
  attribute(x1, { output: "materialCost", base: X1_BASE, actual: X1_ACTUAL });

export const REVENUE_INPUTS = {
  newCustomers: 600,
  conversion: "25%",
  newAov: 8000,
  returningCustomers: 1500,
  repurchase: "40%",
  returningAov: 6000,
};

/** W1's revenue model stepped ±1%. */
export const revenueSensitivity = () =>
  sensitivity(revenueModel(), { output: "revenue", inputs: REVENUE_INPUTS });

/** A quarter plan of 120万 over two regions and three people, by calendar days. */
export const smallPlan = () =>
  buildPlan({
    version: 1,
    name: "Q1 计划",
    target: "120万",
    unit: 1,
    period: {
      start: "2026-01-01",
      end: "2026-03-31",
      grains: ["month"],
      basis: "calendar-days",
      calendar: { weekend: [6, 7] },
    },
    organization: {
      name: "公司",
      children: [
        {
          name: "华东",
          weight: 2,
          children: [
            { name: "张伟", weight: 3 },
            { name: "李娜", weight: 1 },
          ],
        },
        { name: "华南", weight: 1, children: [{ id: "E9", name: "王芳" }] },
      ],
    },
  });

/** smallPlan tracked to 2026-02-15. */
export const smallTracking = () =>
  trackPlan(
    smallPlan(),
    [
      { node: "公司/华东/张伟", period: "2026-01", actual: "18万" },
      { node: "公司/华东/李娜", date: "2026-01-20", actual: "5万" },
      { node: "E9", period: "2026-01", actual: "12万" },
      { node: "公司/华东/张伟", date: "2026-02-10", actual: "6万" },
    ],
    { asOf: "2026-02-15" },
  );

/** The named dataset of a spec. */
export function dataset<T = Record<string, unknown>>(spec: unknown, name: string): T[] {
  return (spec as { datasets: Record<string, T[]> }).datasets[name]!;
}
