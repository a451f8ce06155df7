import { achievement, breakEvenRevenue, evaluateRules, teamHealth, tieredBonus } from "targetree";
import { describe, expect, it } from "vitest";

describe("W5 — break-even, achievement, bonus tiers and the health rule", () => {
  it("breaks even at 500,000 / 55% = 909,090.91", () => {
    expect(
      breakEvenRevenue({ fixedCosts: "50万", grossMargin: "55%" }, { unit: "0.01" }).toString(),
    ).toBe("909090.91");
  });

  it("gives achievement below 12.5% for under 10万 of 80万, above 300% for over 60万 of 20万", () => {
    expect(achievement({ actual: "10万", target: "80万" }).achievement?.toString()).toBe("0.125");
    expect(achievement({ actual: 99_999, target: "80万" }).achievement!.lt("0.125")).toBe(true);
    expect(achievement({ actual: "60万", target: "20万" }).achievement?.toString()).toBe("3");
    expect(achievement({ actual: 600_001, target: "20万" }).achievement!.gt(3)).toBe(true);
  });

  it("pays the single-month tiers above 5万 and above 10万", () => {
    const tiers = [
      { from: "5万", fixed: 2_000 },
      { from: "10万", fixed: 5_000 },
    ];
    expect(tieredBonus("4.8万", tiers).bonus.toString()).toBe("0");
    expect(tieredBonus("5万", tiers).bonus.toString()).toBe("2000");
    expect(tieredBonus("16万", tiers).bonus.toString()).toBe("5000");
  });

  it("puts a team in danger after 3 misses in a row or below 50% stage achievement", () => {
    const threeMisses = [
      { actual: "21万", target: "20万" },
      { actual: "18万", target: "20万" },
      { actual: "17万", target: "20万" },
      { actual: "19万", target: "20万" },
    ];
    expect(teamHealth(threeMisses).causes).toEqual(["consecutive-misses"]);
    const low = [
      { actual: "6万", target: "20万" },
      { actual: "8万", target: "20万" },
    ];
    expect(teamHealth(low).causes).toEqual(["low-achievement"]);
    expect(teamHealth(low).stageAchievement?.toString()).toBe("0.35");
    const campus = [
      { actual: "9万", target: "80万" },
      { actual: "60万", target: "20万" },
      { actual: "100万", target: "20万" },
    ];
    expect(teamHealth(campus).status).toBe("ok");
    const rule = [
      { id: "danger", when: "missesInARow >= 3 or stageAchievement < 50%", recommend: "复盘" },
    ];
    expect(evaluateRules(rule, { missesInARow: 3, stageAchievement: 0.9 })).toHaveLength(1);
    expect(evaluateRules(rule, { missesInARow: 2, stageAchievement: "35%" })).toHaveLength(1);
    expect(evaluateRules(rule, { missesInARow: 2, stageAchievement: "50%" })).toHaveLength(0);
  });
});
