import { splitByShares } from "targetree";
import { describe, expect, it } from "vitest";

describe("W2 — four battlefields", () => {
  it("splits 1亿 into 5,000万 / 2,000万 / 2,000万 / 1,000万 and the sum check passes", () => {
    const parts = splitByShares(
      "1亿",
      { 新客开发: "50%", 老客回款: "20%", 新行业: "20%", 新产品: "10%" },
      { unit: "1万" },
    );
    expect(Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, v.toString()]))).toEqual({
      新客开发: "50000000",
      老客回款: "20000000",
      新行业: "20000000",
      新产品: "10000000",
    });
    const sum = Object.values(parts).reduce((a, b) => a.plus(b));
    expect(sum.toString()).toBe("100000000");
  });
});
