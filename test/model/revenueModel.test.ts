import { dependsOn, evaluate, revenueModel } from "targetree";
import { describe, expect, it } from "vitest";
import { expectCode } from "../_support/errors.js";

describe("revenueModel", () => {
  it("is the documents' revenue tree with Chinese labels and bounds", () => {
    const model = revenueModel();
    expect(model.nodes.revenue!.formula).toBe("newRevenue + returningRevenue");
    expect(model.nodes.newRevenue!.formula).toBe("newCustomers * conversion * newAov");
    expect(model.nodes.returningRevenue!.formula).toBe(
      "returningCustomers * repurchase * returningAov",
    );
    expect(model.order.map((name) => model.nodes[name]!.label)).toEqual([
      "新客户数",
      "转化率",
      "客单价(新客)",
      "老客户数",
      "复购率",
      "客单价(老客)",
      "新客收入",
      "老客收入",
      "营业收入",
    ]);
    expect(model.nodes.newCustomers).toMatchObject({ wholeNumber: true, max: null });
    expect(model.nodes.newCustomers!.min?.toString()).toBe("0");
    expect(model.nodes.conversion!.max?.toString()).toBe("1");
    expect(model.nodes.returningAov!.min?.toString()).toBe("0");
  });

  it("gives W1's 4,800,000 for the stated inputs", () => {
    const values = evaluate(revenueModel(), {
      newCustomers: 600,
      conversion: "25%",
      newAov: 8000,
      returningCustomers: 1500,
      repurchase: "40%",
      returningAov: 6000,
    });
    expect(values.revenue!.toString()).toBe("4800000");
  });

  it("returns a fresh frozen model each time", () => {
    expect(revenueModel()).not.toBe(revenueModel());
    expect(Object.isFrozen(revenueModel())).toBe(true);
  });
});

describe("dependsOn", () => {
  it("follows formulas down to inputs", () => {
    const model = revenueModel();
    expect(dependsOn(model, "revenue", "conversion")).toBe(true);
    expect(dependsOn(model, "revenue", "newRevenue")).toBe(true);
    expect(dependsOn(model, "newRevenue", "repurchase")).toBe(false);
    expect(dependsOn(model, "conversion", "revenue")).toBe(false);
    expect(dependsOn(model, "revenue", "revenue")).toBe(false);
  });

  it("refuses unknown names (UNKNOWN_NODE)", () => {
    expectCode(() => dependsOn(revenueModel(), "revenue", "profit" as never), "UNKNOWN_NODE", [
      "other",
    ]);
  });
});
