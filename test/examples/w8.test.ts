import {
  chinaCalendar,
  gap,
  growth,
  paceGap,
  projectRunRate,
  requiredRunRate,
  tieredBonus,
  toDecimal,
} from "targetree";
import { describe, expect, it } from "vitest";

describe("W8 — SMART decomposition", () => {
  it("sets Q3 at 80万 × 1.25 = 100万 and A sales at 50% of it = 50万", () => {
    const q3 = toDecimal("80万").times(toDecimal("125%"));
    expect(q3.toString()).toBe("1000000");
    expect(growth(q3, "80万").growth?.toString()).toBe("0.25");
    expect(q3.times(toDecimal("50%")).toString()).toBe("500000");
  });

  it("gives repurchase 15% → 20% as 5pp, and new customers +30% to 150 from an implied 115.38", () => {
    const repurchase = gap({ actual: "15%", target: "20%" });
    expect(repurchase.points?.toString()).toBe("5");
    expect(repurchase.gapUnit).toBe("pp");
    expect(toDecimal(150).div(toDecimal("130%")).toDecimalPlaces(2).toString()).toBe("115.38");
  });

  it("pays a 1万 bonus for 10万 of A and 200元 per referral", () => {
    expect(tieredBonus("10万", [{ from: "10万", fixed: "1万" }]).bonus.toString()).toBe("10000");
    expect(tieredBonus("9.9万", [{ from: "10万", fixed: "1万" }]).bonus.toString()).toBe("0");
    expect(tieredBonus(6, [{ from: 0, rate: 200 }]).bonus.toString()).toBe("1200");
  });

  it("checks Q3 2023 pace on the China calendar: 32 of 64 working days, 45% achieved → 5 points behind", () => {
    const q3 = {
      start: "2023-07-01",
      end: "2023-09-30",
      calendar: chinaCalendar(),
      asOf: "2023-08-15",
    };
    const pace = paceGap({ actual: "45万", target: "100万", ...q3 });
    expect([pace.workingDaysElapsed, pace.workingDays]).toEqual([32, 64]);
    expect(pace.paceGap?.toString()).toBe("-0.05");
    expect(projectRunRate({ actual: "45万", ...q3 }).forecast?.toString()).toBe("900000");
    expect(
      requiredRunRate({ target: "100万", actual: "45万", ...q3 }).perWorkingDay?.toString(),
    ).toBe("17187.5");
  });
});
