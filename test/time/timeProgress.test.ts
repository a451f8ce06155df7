import { addDays } from "date-fns";
import fc from "fast-check";
import { chinaCalendar, formatPercent, listDays, timeProgress, toDecimal } from "targetree";
import { describe, expect, it } from "vitest";
import { deepFreeze, errorOf } from "../_support/errors.js";
import { runs } from "../_support/runs.js";

const year = { start: "2026-01-01", end: "2026-12-31", calendar: chinaCalendar() };
const isoOf = (n: number) =>
  addDays(new Date(Date.UTC(2026, 0, 1)), n)
    .toISOString()
    .slice(0, 10);

describe("timeProgress", () => {
  it("counts the as-of day as elapsed by default (read at the end of the day)", () => {
    const midYear = timeProgress("2026-06-30", year);
    expect(midYear).toMatchObject({
      status: "during",
      asOfCounts: "elapsed",
      countBy: "working-days",
      workingDaysElapsed: 120,
      workingDaysRemaining: 128,
      workingDays: 248,
      calendarDaysElapsed: 181,
      calendarDays: 365,
      provisional: false,
    });
    expect(formatPercent(midYear.timeProgress)).toBe("48.39%");
    expect(midYear.timeProgress).toEqualDecimal(toDecimal(120).div(248));
  });

  it("echoes the as-of date, the period and the settings it used", () => {
    expect(timeProgress("2026-06-30", year)).toMatchObject({
      asOf: "2026-06-30",
      start: "2026-01-01",
      end: "2026-12-31",
      asOfCounts: "elapsed",
      countBy: "working-days",
    });
    expect(
      timeProgress("2026-06-30", { ...year, asOfCounts: "remaining", countBy: "calendar-days" }),
    ).toMatchObject({
      asOfCounts: "remaining",
      countBy: "calendar-days",
      calendarDaysElapsed: 180,
    });
    expect(
      timeProgress("2026-06-30", { ...year, asOfCounts: "elapsed", countBy: "working-days" }),
    ).toMatchObject({ asOfCounts: "elapsed", countBy: "working-days", workingDaysElapsed: 120 });
  });

  it("is during the period on its first and last day", () => {
    for (const asOf of ["2026-01-01", "2026-12-31"]) {
      expect(timeProgress(asOf, year).status, asOf).toBe("during");
    }
    expect(timeProgress("2026-12-31", { ...year, countBy: "calendar-days" })).toMatchObject({
      calendarDaysElapsed: 365,
      calendarDays: 365,
    });
    expect(
      timeProgress("2026-12-31", { ...year, countBy: "calendar-days" }).timeProgress.toString(),
    ).toBe("1");
  });

  it("does not count the as-of day when read at the start of the day", () => {
    expect(
      timeProgress("2026-06-30", { ...year, asOfCounts: "remaining" }).workingDaysElapsed,
    ).toBe(119);
  });

  it("is 0 at the start and 1 at the end of the range, by either reading", () => {
    // 2026-01-01 is a holiday: nothing elapses on it.
    expect(timeProgress("2026-01-01", year).timeProgress.toString()).toBe("0");
    expect(timeProgress("2026-01-05", year).workingDaysElapsed).toBe(2);
    expect(timeProgress("2026-12-31", year).timeProgress.toString()).toBe("1");
    expect(
      timeProgress("2026-12-31", { ...year, asOfCounts: "remaining" }).workingDaysElapsed,
    ).toBe(247);
    const firstWorkingDay = { start: "2026-06-01", end: "2026-06-30" };
    expect(timeProgress("2026-06-01", firstWorkingDay).workingDaysElapsed).toBe(1);
    expect(
      timeProgress("2026-06-01", {
        ...firstWorkingDay,
        asOfCounts: "remaining",
      }).timeProgress.toString(),
    ).toBe("0");
  });

  it("is 0 before the range and 1 after it", () => {
    expect(timeProgress("2025-12-31", year)).toMatchObject({
      status: "before",
      workingDaysElapsed: 0,
    });
    expect(timeProgress("2025-12-31", year).timeProgress.toString()).toBe("0");
    expect(timeProgress("2027-01-01", year)).toMatchObject({
      status: "after",
      workingDaysElapsed: 248,
    });
    expect(
      timeProgress("2027-01-01", { ...year, asOfCounts: "remaining" }).timeProgress.toString(),
    ).toBe("1");
  });

  it("stands still over a holiday", () => {
    const before = timeProgress("2026-09-30", year).workingDaysElapsed;
    expect(timeProgress("2026-10-07", year).workingDaysElapsed).toBe(before);
  });

  it("reads calendar-day progress on request", () => {
    const progress = timeProgress("2026-01-31", { ...year, countBy: "calendar-days" });
    expect(progress.timeProgress).toEqualDecimal(toDecimal(31).div(365));
  });

  it("says provisional on a provisional calendar", () => {
    const progress = timeProgress("2027-03-31", {
      start: "2027-01-01",
      end: "2027-12-31",
      calendar: chinaCalendar({ missingYears: "provisional" }),
    });
    expect(progress).toMatchObject({ provisional: true, provisionalYears: [2027] });
  });

  it("does not change frozen options", () => {
    const options = deepFreeze({ ...year, calendar: deepFreeze({ ...year.calendar }) });
    expect(timeProgress("2026-06-30", options).workingDaysElapsed).toBe(120);
  });

  describe("bad input", () => {
    it("an invalid as-of date or range", () => {
      expect(errorOf(() => timeProgress("2026-02-30", year)).path).toEqual(["asOf"]);
      expect(errorOf(() => timeProgress("", year)).code).toBe("INVALID_DATE");
      expect(errorOf(() => timeProgress("2026-06-01", { ...year, end: "2025-12-31" })).code).toBe(
        "INVALID_RANGE",
      );
      expect(
        errorOf(() => timeProgress("2026-06-01", { ...year, start: "2026-6-1" })).path,
      ).toEqual(["options", "start"]);
    });

    it("a period without working days: NO_WORKING_DAYS", () => {
      expect(
        errorOf(() =>
          timeProgress("2026-10-03", { ...year, start: "2026-10-01", end: "2026-10-07" }),
        ).code,
      ).toBe("NO_WORKING_DAYS");
      const none = errorOf(() =>
        timeProgress("2026-10-03", { ...year, start: "2026-10-01", end: "2026-10-07" }),
      );
      expect(none.path).toEqual(["options", "end"]);
      expect(none.message).toMatch(
        /2026-10-01 – 2026-10-07 has no working days, so working-day progress is undefined; use countBy: "calendar-days"\./,
      );
      expect(
        timeProgress("2026-10-03", {
          ...year,
          start: "2026-10-01",
          end: "2026-10-07",
          countBy: "calendar-days",
        }).calendarDaysElapsed,
      ).toBe(3);
    });

    it("a year without calendar data, and bad options", () => {
      expect(
        errorOf(() =>
          timeProgress("2027-06-01", { ...year, start: "2027-01-01", end: "2027-12-31" }),
        ).code,
      ).toBe("CALENDAR_YEAR_MISSING");
      expect(
        errorOf(() => timeProgress("2026-06-01", { ...year, asOfCounts: "half" as never })).path,
      ).toEqual(["options", "asOfCounts"]);
      expect(
        errorOf(() => timeProgress("2026-06-01", { ...year, countBy: "hours" as never })).path,
      ).toEqual(["options", "countBy"]);
      expect(errorOf(() => timeProgress("2026-06-01", null as never)).code).toBe(
        "INVALID_ARGUMENT",
      );
      for (const options of [null, undefined, "abc", [], true]) {
        const error = errorOf(() => timeProgress("2026-06-01", options as never));
        expect([error.code, error.path]).toEqual(["INVALID_ARGUMENT", ["options"]]);
        expect(error.message).toMatch(/Pass the options \{ start, end, … \} as an object, got /);
      }
      expect(errorOf(() => timeProgress("2026-06-01", [] as never)).message).toMatch(
        /got an array\./,
      );
      expect(
        errorOf(() => timeProgress("2026-06-01", { ...year, asOfCounts: "half" as never })).message,
      ).toMatch(/asOfCounts must be "elapsed" or "remaining", got the string "half"\./);
      expect(
        errorOf(() => timeProgress("2026-06-01", { ...year, countBy: "hours" as never })).message,
      ).toMatch(/countBy must be "working-days" or "calendar-days", got the string "hours"\./);
    });

    it("refuses a misspelt option or calendar field, naming the one meant", () => {
      for (const [options, path, meant] of [
        [{ ...year, calender: chinaCalendar() }, ["options", "calender"], "calendar"],
        [{ ...year, asofCounts: "remaining" }, ["options", "asofCounts"], "asOfCounts"],
        [{ ...year, countby: "calendar-days" }, ["options", "countby"], "countBy"],
        [{ ...year, asOfCount: "remaining" }, ["options", "asOfCount"], "asOfCounts"],
        [{ ...year, calendar: { holiday: [] } }, ["options", "calendar", "holiday"], "holidays"],
      ] as const) {
        const error = errorOf(() => timeProgress("2026-06-01", options as never));
        expect([error.code, error.path], JSON.stringify(path)).toEqual(["UNKNOWN_OPTION", path]);
        expect(error.message).toContain(`Did you mean "${meant}"?`);
      }
      const renamed = errorOf(() =>
        timeProgress("2026-06-01", { ...year, basis: "calendar-days" } as never),
      );
      expect([renamed.code, renamed.path]).toEqual(["UNKNOWN_OPTION", ["options", "basis"]]);
      expect(renamed.message).toContain('Unknown option "basis": it is now "countBy".');
    });
  });

  it("reads options by own keys only: names on Object.prototype change nothing", () => {
    const prototype = Object.prototype as Record<string, unknown>;
    const june = { start: "2026-06-01", end: "2026-06-30" };
    const clean = JSON.stringify(timeProgress("2026-06-15", june));
    for (const [name, value] of [
      ["countBy", "calendar-days"],
      ["asOfCounts", "remaining"],
      ["calendar", { weekend: [1] }],
    ] as const) {
      prototype[name] = value;
      try {
        expect(JSON.stringify(timeProgress("2026-06-15", june)), name).toBe(clean);
      } finally {
        delete prototype[name];
      }
    }
  });

  describe("properties", () => {
    const days = listDays("2026-01-01", "2026-12-31", year.calendar).days;
    it("agrees with a day-by-day count and never decreases", () => {
      fc.assert(
        fc.property(fc.integer({ min: -5, max: 370 }), (offset) => {
          const asOf = isoOf(offset);
          const elapsed = days.filter((d) => d.working && d.date <= asOf).length;
          const progress = timeProgress(asOf, year);
          expect(progress.workingDaysElapsed).toBe(elapsed);
          expect(progress.timeProgress).toEqualDecimal(toDecimal(elapsed).div(248));
          const next = timeProgress(isoOf(offset + 1), year);
          expect(next.timeProgress.gte(progress.timeProgress)).toBe(true);
          const early = timeProgress(asOf, { ...year, asOfCounts: "remaining" });
          expect(early.workingDaysElapsed).toBe(
            days.filter((d) => d.working && d.date < asOf).length,
          );
        }),
        { numRuns: runs(100) },
      );
    });
  });
});
