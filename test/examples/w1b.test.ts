import { reconcile, revenueModel, solveFor, solveMultiplier } from "targetree";
import { describe, expect, it } from "vitest";

const inputs = {
  newCustomers: 600,
  conversion: "25%",
  newAov: 8000,
  returningCustomers: 1500,
  repurchase: "40%",
  returningAov: 6000,
};

describe("W1b — plan audit of the revenue driver formula", () => {
  const audit = reconcile(revenueModel(), {
    output: "revenue",
    target: "1.2亿",
    inputs,
    vary: ["newCustomers", "returningCustomers"],
  });

  it("finds the stated inputs imply 4,800,000 (480万), not 1.2亿", () => {
    expect(audit.implied.toString()).toBe("4800000");
    expect(audit.target.toString()).toBe("120000000");
    expect(audit.achievement?.toString()).toBe("0.04");
  });

  it("measures the gap: 115,200,000, 96% of the target", () => {
    expect(audit.gap.toString()).toBe("115200000");
    expect(audit.gapRate?.toString()).toBe("0.96");
  });

  it("needs 58,200 new customers if that driver alone moves", () => {
    const single = audit.singles.find((item) => item.input === "newCustomers")!;
    expect(single.required?.toString()).toBe("58200");
    expect(single.feasible).toBe(true);
    const direct = solveFor(revenueModel(), {
      output: "revenue",
      target: "1.2亿",
      vary: "newCustomers",
      inputs,
    });
    expect(direct.value.toString()).toBe("58200");
    expect(direct.method).toBe("algebraic");
  });

  it("needs ×25 on both customer counts: 15,000 new and 37,500 returning", () => {
    expect(audit.multiplier?.factor?.toString()).toBe("25");
    expect(audit.multiplier?.values?.newCustomers?.toString()).toBe("15000");
    expect(audit.multiplier?.values?.returningCustomers?.toString()).toBe("37500");
    const direct = solveMultiplier(revenueModel(), {
      output: "revenue",
      target: "1.2亿",
      vary: ["newCustomers", "returningCustomers"],
      inputs,
    });
    expect(direct.factor.toString()).toBe("25");
  });

  it("shows a rate alone cannot close the gap within 0..100%", () => {
    const conversion = audit.singles.find((item) => item.input === "conversion")!;
    expect(conversion.required?.toString()).toBe("24.25");
    expect(conversion.feasible).toBe(false);
  });
});
