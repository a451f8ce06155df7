import { splitEvenly } from "targetree";
import { describe, expect, it } from "vitest";

describe("W5 — the even split", () => {
  it("splits 80万 over five salespeople, 160,000 each", () => {
    const team = splitEvenly("80万", ["张伟", "王芳", "李娜", "刘洋", "陈静"], { unit: 1 });
    expect(Object.values(team).map(String)).toEqual(Array(5).fill("160000"));
    expect(
      Object.values(team)
        .reduce((a, b) => a.plus(b))
        .toString(),
    ).toBe("800000");
  });
});
