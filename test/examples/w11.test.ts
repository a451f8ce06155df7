import type { PeriodNode } from "targetree";
import {
  chinaCalendar,
  splitByPeriod,
  splitByPeriodTree,
  timeProgress,
  toDecimal,
  workingDays,
} from "targetree";
import { describe, expect, it } from "vitest";

const calendar = chinaCalendar();
const year2026 = { start: "2026-01-01", end: "2026-12-31", calendar } as const;
const total = (nodes: readonly { value: ReturnType<typeof toDecimal> }[]) =>
  nodes.reduce((sum, node) => sum.plus(node.value), toDecimal(0)).toString();

function exactEverywhere(nodes: readonly PeriodNode[]): boolean {
  return nodes.every(
    (node) =>
      node.children.length === 0 ||
      (toDecimal(total(node.children)).eq(node.value) && exactEverywhere(node.children)),
  );
}

describe("W11 — calendar decomposition of 1.2亿 for 2026", () => {
  it("has 248 working days, by month 21, 16, 22, 21, 19, 21, 23, 21, 22, 18, 21, 23", () => {
    expect(workingDays("2026-01-01", "2026-12-31", calendar).workingDays).toBe(248);
    const months = splitByPeriod("1.2亿", { ...year2026, grain: "month" }).periods;
    expect(months.map((month) => month.workingDays)).toEqual([
      21, 16, 22, 21, 19, 21, 23, 21, 22, 18, 21, 23,
    ]);
    expect(total(months)).toBe("120000000");
  });

  it("splits into quarters of 59, 61, 66, 62 working days", () => {
    const quarters = splitByPeriod("1.2亿", { ...year2026, grain: "quarter" }).periods;
    expect(quarters.map((quarter) => quarter.workingDays)).toEqual([59, 61, 66, 62]);
    expect(quarters.map((quarter) => quarter.value.toString())).toEqual([
      "28548387.1",
      "29516129.03",
      "31935483.87",
      "30000000",
    ]);
  });

  it("nests quarters → months → weeks and months → 旬 → days, exact at every level", () => {
    const byWeek = splitByPeriodTree("1.2亿", {
      ...year2026,
      grains: ["quarter", "month", "week"],
    });
    const byDekad = splitByPeriodTree("1.2亿", { ...year2026, grains: ["month", "dekad", "day"] });
    expect(total(byWeek.periods)).toBe("120000000");
    expect(exactEverywhere(byWeek.periods)).toBe(true);
    expect(exactEverywhere(byDekad.periods)).toBe(true);
    const february = byDekad.periods[1]!;
    expect(february.value.toString()).toBe("7741935.49");
    expect(
      february.children.map((third) => [third.label, third.workingDays, third.value.toString()]),
    ).toEqual([
      ["2026年2月上旬", 7, "3387096.78"],
      ["2026年2月中旬", 4, "1935483.87"],
      ["2026年2月下旬", 5, "2419354.84"],
    ]);
    const februaryWeeks = byWeek.periods[0]!.children[1]!.children;
    expect(februaryWeeks.map((week) => week.workingDays)).toEqual([0, 5, 6, 0, 5]);
  });

  it("gives holidays and weekends no target and make-up working days a full day's target", () => {
    const days = splitByPeriod("1.2亿", { ...year2026, grain: "day" }).periods;
    const day = (date: string) => days.find((period) => period.key === date)!;
    expect(day("2026-02-17")).toMatchObject({ kind: "holiday", name: "春节" });
    expect(day("2026-02-17").value.toString()).toBe("0");
    expect(day("2026-02-14").kind).toBe("make-up");
    expect(day("2026-02-14").value.toString()).toBe("483870.97");
    expect(days.filter((period) => !period.value.isZero())).toHaveLength(248);
  });

  it("reads 时间进度 on 2026-06-30 as 120 of 248 working days", () => {
    const progress = timeProgress("2026-06-30", year2026);
    expect(progress.workingDaysElapsed).toBe(120);
    expect(progress.timeProgress).toEqualDecimal(toDecimal(120).div(248));
  });

  it("plans 2027 on a provisional calendar, labelled provisional", () => {
    const plan = splitByPeriod("1.2亿", {
      start: "2027-01-01",
      end: "2027-12-31",
      grain: "month",
      calendar: chinaCalendar({ missingYears: "provisional" }),
    });
    expect(plan.provisional).toBe(true);
    expect(plan.provisionalYears).toEqual([2027]);
    expect(plan.workingDays).toBe(248);
    expect(total(plan.periods)).toBe("120000000");
    expect(() =>
      splitByPeriod("1.2亿", { start: "2027-01-01", end: "2027-12-31", grain: "month", calendar }),
    ).toThrow(/CALENDAR_YEAR_MISSING/);
  });
});
