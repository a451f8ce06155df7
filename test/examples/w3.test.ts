import { chinaCalendar, evaluateRules, funnel } from "targetree";
import { describe, expect, it } from "vitest";

const rules = [
  { id: "low-visits", when: "dailyVisits < 3", recommend: "通知区域经理" },
  { id: "stuck-opportunity", when: "stuckDays > 7", recommend: "升级至总监" },
  { id: "no-progress", when: "hoursSinceProgress > 48", recommend: "推送跟进话术" },
];

describe("W3 — activity back-calculation and alert rules", () => {
  it("needs 500 visits for 100 new customers at 5 visits each", () => {
    const plan = funnel(100, [{ name: "visits", perNext: 5 }]);
    expect(plan.activity.count.toString()).toBe("500");
  });

  it("gives 2.98 visits a person a day for 8 people in June 2026 (21 working days), under the standard of 3", () => {
    const plan = funnel(100, [{ name: "visits", perNext: 5 }], {
      people: 8,
      start: "2026-06-01",
      end: "2026-06-30",
      calendar: chinaCalendar(),
    });
    expect(plan.workingDays).toBe(21);
    expect(plan.activity.perPerson?.toString()).toBe("62.5");
    expect(plan.activity.perPersonPerWorkingDay?.toFixed(2)).toBe("2.98");
    expect(plan.activity.perPersonPerWorkingDay?.ceil().toString()).toBe("3");
  });

  it("fires each alert rule on the facts that break it", () => {
    const fire = (facts: Record<string, number>) =>
      evaluateRules(rules, facts).map((alert) => alert.id);
    expect(fire({ dailyVisits: 2.4, stuckDays: 3, hoursSinceProgress: 20 })).toEqual([
      "low-visits",
    ]);
    expect(fire({ dailyVisits: 3.2, stuckDays: 9, hoursSinceProgress: 60 })).toEqual([
      "stuck-opportunity",
      "no-progress",
    ]);
    expect(fire({ dailyVisits: 3, stuckDays: 7, hoursSinceProgress: 48 })).toEqual([]);
    const [alert] = evaluateRules(rules, { dailyVisits: 2, stuckDays: 0, hoursSinceProgress: 0 });
    expect(alert?.recommend).toBe("通知区域经理");
    expect(alert?.facts.dailyVisits?.toString()).toBe("2");
  });
});
