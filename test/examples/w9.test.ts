import {
  achievement,
  flagBigMoves,
  growth,
  improvementProgress,
  scorecard,
  splitByShares,
} from "targetree";
import { describe, expect, it } from "vitest";

describe("W9 — monthly review", () => {
  it("gives improvement progress 25%, 13.3% and 50%", () => {
    expect(
      improvementProgress({
        baseline: "8%",
        actual: "9%",
        target: "12%",
      }).improvementProgress?.toString(),
    ).toBe("0.25");
    expect(
      improvementProgress({ baseline: 0, actual: 20, target: 150 }).improvementProgress?.toFixed(3),
    ).toBe("0.133");
    expect(
      improvementProgress({
        baseline: 0,
        actual: "1.5%",
        target: "3%",
      }).improvementProgress?.toString(),
    ).toBe("0.5");
    expect(achievement({ actual: "1.5%", target: "3%" }).achievement?.toString()).toBe("0.5");
  });

  it("flags a 30% drop at a 30% threshold, and not a 5% one", () => {
    const rows = flagBigMoves(
      { 华东: { previous: "120万", actual: "84万" }, 华南: { previous: "80万", actual: "76万" } },
      "30%",
    );
    expect(rows.map((row) => [row.key, row.growth?.toString(), row.flagged])).toEqual([
      ["华东", "-0.3", true],
      ["华南", "-0.05", false],
    ]);
  });

  it("gives referral CAC 300 vs 500 as −40%, and 60% of the training budget to conversion skills", () => {
    expect(growth(300, 500).growth?.toString()).toBe("-0.4");
    const budget = splitByShares("10万", { conversion: "60%" }, { remainder: "other" });
    expect(budget.conversion?.toString()).toBe("60000");
    expect(budget.other?.toString()).toBe("40000");
  });

  it("rolls completion up by region and salesperson, exactly", () => {
    const card = scorecard(
      [
        { region: "华东", rep: "王", target: "50万", actual: "45万" },
        { region: "华东", rep: "李", target: "30万", actual: "33万" },
        { region: "华南", rep: "张", target: "20万", actual: "10万" },
      ],
      ["region", "rep"],
    );
    expect(card.total.actual.toString()).toBe("880000");
    expect(card.total.achievement?.toString()).toBe("0.88");
    expect(
      card.total.children.map((row) => [row.key, row.achievement?.toString(), row.rank]),
    ).toEqual([
      ["华东", "0.975", 1],
      ["华南", "0.5", 2],
    ]);
  });
});
