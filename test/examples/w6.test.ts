import { achievement, gap } from "targetree";
import { describe, expect, it } from "vitest";

describe("W6 — gap rate", () => {
  it("gives gap 20万 and gap rate 20% for 80万 against 100万", () => {
    const result = gap({ actual: "80万", target: "100万" });
    expect(result.gap.toString()).toBe("200000");
    expect(result.gapRate?.toString()).toBe("0.2");
    expect(result.met).toBe(false);
    expect(achievement({ actual: "80万", target: "100万" }).achievement?.toString()).toBe("0.8");
  });
});
