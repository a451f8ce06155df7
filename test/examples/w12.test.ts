import { chinaCalendar, STANDARD_VISIT_CADENCES, visitPlan } from "targetree";
import { describe, expect, it } from "vitest";

describe("W12 — visit cadence by customer class", () => {
  it("plans October 2026 on the China calendar: 18 working days, 4 weeks with work", () => {
    const plan = visitPlan(
      { A: 20, B: 40, C: 80, 重点客户: 5 },
      {
        start: "2026-10-01",
        end: "2026-10-31",
        calendar: chinaCalendar(),
        cadences: { ...STANDARD_VISIT_CADENCES, 重点客户: { visits: 2, per: "week" } },
        people: 4,
      },
    );
    expect([plan.workingDays, plan.weeks, plan.months]).toEqual([18, 4, 1]);
    expect(
      plan.rows.map((row) => [row.key, row.visitsPerCustomer.toString(), row.visits.toString()]),
    ).toEqual([
      ["A", "4", "80"],
      ["B", "2", "80"],
      ["C", "1", "80"],
      ["重点客户", "8", "40"],
    ]);
    expect(plan.total.visits.toString()).toBe("280");
    expect(plan.total.perWorkingDay?.toFixed(2)).toBe("15.56");
    expect(plan.total.perPerson?.toString()).toBe("70");
    expect(plan.total.perPersonPerWorkingDay?.toFixed(2)).toBe("3.89");
  });

  it("refuses a cadence it does not know", () => {
    expect(() =>
      visitPlan(
        { A: 1 },
        { start: "2026-10-01", end: "2026-10-31", cadences: { A: "quarterly" as never } },
      ),
    ).toThrow(expect.objectContaining({ code: "UNKNOWN_CADENCE" }));
  });
});
