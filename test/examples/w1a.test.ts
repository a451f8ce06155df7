import { evaluate, explain, parseAmount, renderTree, revenueModel } from "targetree";
import { describe, expect, it } from "vitest";

// The article's inputs, as it writes them.
const inputs = {
  newCustomers: 600,
  conversion: "25%",
  newAov: "8,000",
  returningCustomers: "1,500",
  repurchase: "40%",
  returningAov: "6,000",
};

describe("W1a — the revenue driver tree, evaluated", () => {
  const values = evaluate(revenueModel(), inputs);
  const target = parseAmount("1.2亿");

  it("gives 600 × 25% × 8,000 = 1,200,000 and 1,500 × 40% × 6,000 = 3,600,000", () => {
    expect(values.newRevenue!.toString()).toBe("1200000");
    expect(values.returningRevenue!.toString()).toBe("3600000");
  });

  it("gives revenue 4,800,000 (480万)", () => {
    expect(values.revenue!.toString()).toBe("4800000");
  });

  it("is 4% of the stated 1.2亿 target, a gap of 115,200,000 (96%)", () => {
    expect(target.toString()).toBe("120000000");
    expect(values.revenue!.div(target).toString()).toBe("0.04");
    const gap = target.minus(values.revenue!);
    expect(gap.toString()).toBe("115200000");
    expect(gap.div(target).toString()).toBe("0.96");
  });

  it("splits the revenue 25% new / 75% returning in the explained tree", () => {
    const tree = explain(revenueModel(), inputs);
    expect(tree.children.map((child) => child.share?.toString())).toEqual(["0.25", "0.75"]);
  });

  it("prints the tree with 480万元 at the top", () => {
    expect(renderTree(revenueModel(), inputs).split("\n")[0]).toContain("480万元");
  });
});
