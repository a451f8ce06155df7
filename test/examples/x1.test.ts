import { attribute, defineModel } from "targetree";
import { describe, expect, it } from "vitest";

const model = defineModel({ materialCost: "output * usage * price" });
const base = { output: 130, usage: 10, price: 4 };
const actual = { output: 140, usage: 9, price: 5 };
const figures = (
  options: { method?: "chain" | "shapley" | "lmdi"; order?: (typeof model.inputs)[number][] },
  digits = 0,
) =>
  attribute(model, { output: "materialCost", base, actual, ...options }).contributions.map(
    (entry) => entry.contribution.toFixed(digits),
  );

describe("X1 — factor analysis of material cost = output × usage × price", () => {
  it("changes from 5,200 to 6,300: +1,100", () => {
    const result = attribute(model, { output: "materialCost", base, actual });
    expect([result.base.toString(), result.actual.toString(), result.change.toString()]).toEqual([
      "5200",
      "6300",
      "1100",
    ]);
  });

  it("gives chain substitution output → usage → price: +400, −560, +1,260", () => {
    expect(figures({})).toEqual(["400", "-560", "1260"]);
    const steps = attribute(model, { output: "materialCost", base, actual }).steps;
    expect(steps.map((row) => row.output.toString())).toEqual(["5200", "5600", "5040", "6300"]);
  });

  it("gives chain substitution output → price → usage: +400, +1,400, −700", () => {
    expect(figures({ order: ["output", "price", "usage"] })).toEqual(["400", "1400", "-700"]);
  });

  it("gives Shapley +426.67, −608.33, +1,281.67", () => {
    expect(figures({ method: "shapley" }, 2)).toEqual(["426.67", "-608.33", "1281.67"]);
  });

  it("gives LMDI-I +424.82, −603.97, +1,279.15", () => {
    expect(figures({ method: "lmdi" }, 2)).toEqual(["424.82", "-603.97", "1279.15"]);
  });

  it("sums every method to 1,100 exactly", () => {
    for (const method of ["chain", "shapley", "lmdi"] as const) {
      const result = attribute(model, { output: "materialCost", base, actual, method });
      const [a, b, c] = result.contributions.map((entry) => entry.contribution);
      expect(a!.plus(b!).plus(c!).toString()).toBe("1100");
    }
  });
});
