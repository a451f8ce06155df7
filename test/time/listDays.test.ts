import { chinaCalendar, listDays } from "targetree";
import { describe, expect, it } from "vitest";
import { deepFreeze, errorOf } from "../_support/errors.js";

describe("listDays", () => {
  it("classifies each day with its ISO weekday", () => {
    // Strict: a day without a name has no name field at all.
    expect(listDays("2026-09-26", "2026-10-01", chinaCalendar()).days).toStrictEqual([
      { date: "2026-09-26", weekday: 6, working: false, kind: "holiday", name: "中秋节" },
      { date: "2026-09-27", weekday: 7, working: false, kind: "holiday", name: "中秋节" },
      { date: "2026-09-28", weekday: 1, working: true, kind: "workday" },
      { date: "2026-09-29", weekday: 2, working: true, kind: "workday" },
      { date: "2026-09-30", weekday: 3, working: true, kind: "workday" },
      { date: "2026-10-01", weekday: 4, working: false, kind: "holiday", name: "国庆节" },
    ]);
  });

  it("says provisional: false on an official calendar", () => {
    expect(listDays("2026-01-01", "2026-01-01", chinaCalendar())).toMatchObject({
      provisional: false,
      provisionalYears: [],
    });
  });

  it("crosses year and leap-day boundaries", () => {
    const days = listDays("2023-12-30", "2024-03-01").days;
    expect(days).toHaveLength(63);
    expect(days.find((day) => day.date === "2024-02-29")).toMatchObject({
      weekday: 4,
      kind: "workday",
    });
  });

  it("does not change a frozen calendar", () => {
    const calendar = deepFreeze({
      holidays: [{ date: "2026-06-01", name: "x" }],
      workdays: ["2026-06-06"],
    });
    const { days } = listDays("2026-06-01", "2026-06-07", calendar);
    expect(days.filter((day) => day.working)).toHaveLength(5);
    expect(days[0]).toStrictEqual({
      date: "2026-06-01",
      weekday: 1,
      working: false,
      kind: "holiday",
      name: "x",
    });
    // A make-up day listed as a plain date has no name.
    expect(days[5]).toStrictEqual({
      date: "2026-06-06",
      weekday: 6,
      working: true,
      kind: "make-up",
    });
  });

  it("refuses bad ranges and calendars", () => {
    expect(errorOf(() => listDays("2026-01-02", "2026-01-01")).code).toBe("INVALID_RANGE");
    expect(errorOf(() => listDays("2026-01-01", "2026-02-29")).code).toBe("INVALID_DATE");
    expect(
      errorOf(() => listDays("2026-01-01", "2026-01-31", { weekend: [8] as never })).code,
    ).toBe("INVALID_ARGUMENT");
    expect(
      errorOf(() =>
        listDays("2026-01-01", "2026-01-31", {
          holidays: ["2026-01-03"],
          workdays: ["2026-01-03"],
        }),
      ).code,
    ).toBe("CALENDAR_CONFLICT");
    expect(errorOf(() => listDays("2027-01-01", "2027-01-31", chinaCalendar())).code).toBe(
      "CALENDAR_YEAR_MISSING",
    );
  });
});
