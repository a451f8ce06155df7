import { formatPercent, growthPath, requiredGrowth } from "targetree";
import { describe, expect, it } from "vitest";

describe("W10 — strategic multi-year path", () => {
  it("draws the straight line 8, 11, 14, 17, 20 亿 (+3亿 a year)", () => {
    const path = growthPath("8亿", "20亿", 4);
    expect(path.values.map((value) => value.div(1e8).toString())).toEqual([
      "8",
      "11",
      "14",
      "17",
      "20",
    ]);
    expect(path.increment?.toString()).toBe("300000000");
  });

  it("needs 14.29% growth in 2014 (7亿 → 8亿) against the planned 7.14% (7亿 → 7.5亿), 5,000万 more", () => {
    expect(formatPercent(requiredGrowth("7亿", "8亿"))).toBe("14.29%");
    expect(formatPercent(requiredGrowth("7亿", "7.5亿"))).toBe("7.14%");
    expect(growthPath("8亿", "20亿", 4).values[0]!.minus("7.5e8").toString()).toBe("50000000");
  });

  it("draws the CAGR path at 25.74%: 8, 10.06, 12.65, 15.91, 20 亿", () => {
    const path = growthPath("8亿", "20亿", 4, { method: "cagr", unit: "100万" });
    expect(path.values.map((value) => value.div(1e8).toString())).toEqual([
      "8",
      "10.06",
      "12.65",
      "15.91",
      "20",
    ]);
    expect(formatPercent(path.rate!)).toBe("25.74%");
    expect(formatPercent(requiredGrowth("8亿", "20亿", 4))).toBe("25.74%");
  });
});
