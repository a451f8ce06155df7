import { eachDayOfInterval } from "date-fns";
import fc from "fast-check";
import type { Calendar } from "targetree";
import { chinaCalendar, listDays, workingDays } from "targetree";
import { describe, expect, it } from "vitest";
import { runs } from "../_support/runs.js";
import { deepFreeze, thrown } from "./_helpers.js";

const iso = (date: Date) => date.toISOString().slice(0, 10);
/** Days from 2020-01-01 as ISO text, computed independently of the library. */
const dayNumber = fc.integer({ min: 0, max: 3000 });
const isoOf = (n: number) => iso(new Date(Date.UTC(2020, 0, 1 + n)));

describe("workingDays", () => {
  it("counts both ends of the range", () => {
    expect(workingDays("2026-06-01", "2026-06-05").count).toBe(5);
    expect(workingDays("2026-06-01", "2026-06-01").count).toBe(1);
    expect(workingDays("2026-06-06", "2026-06-07").count).toBe(0);
  });

  it("describes the range", () => {
    expect(workingDays("2026-09-28", "2026-10-11", chinaCalendar())).toEqual({
      start: "2026-09-28",
      end: "2026-10-11",
      count: 6,
      calendarDays: 14,
      restDays: 8,
      holidays: 7,
      makeUpDays: 1,
      dates: ["2026-09-28", "2026-09-29", "2026-09-30", "2026-10-08", "2026-10-09", "2026-10-10"],
      provisional: false,
      provisionalYears: [],
    });
  });

  it("uses any calendar given as plain data: weekend days, holidays, make-up days", () => {
    const company: Calendar = {
      weekend: [7],
      holidays: ["2026-06-01", { date: "2026-06-02", name: "Founders' Day" }],
      workdays: [{ date: "2026-06-07", name: "Stocktake" }],
    };
    expect(workingDays("2026-06-01", "2026-06-07", company).count).toBe(5);
    expect(listDays("2026-06-01", "2026-06-07", company).days.map((day) => day.kind)).toEqual([
      "holiday",
      "holiday",
      "workday",
      "workday",
      "workday",
      "workday",
      "make-up",
    ]);
  });

  it("treats a calendar with years as complete for those years only", () => {
    const calendar: Calendar = { years: [2026], holidays: ["2026-01-01"] };
    expect(workingDays("2026-01-01", "2026-01-02", calendar).count).toBe(1);
    expect(thrown(() => workingDays("2027-01-01", "2027-01-02", calendar)).code).toBe(
      "CALENDAR_YEAR_MISSING",
    );
    expect(
      workingDays("2027-01-01", "2027-01-01", { ...calendar, missingYears: "weekends-only" }).count,
    ).toBe(1);
  });

  it("marks provisional years a calendar declares", () => {
    const result = workingDays("2026-01-01", "2026-01-02", {
      years: [2026],
      provisionalYears: [2026],
    });
    expect(result).toMatchObject({ provisional: true, provisionalYears: [2026] });
  });

  it("does not change a frozen calendar", () => {
    const calendar = deepFreeze({ ...chinaCalendar() });
    expect(workingDays("2026-01-01", "2026-12-31", calendar).count).toBe(248);
  });

  describe("bad input", () => {
    it("end before start is INVALID_RANGE", () => {
      const error = thrown(() => workingDays("2026-06-02", "2026-06-01"));
      expect(error.code).toBe("INVALID_RANGE");
      expect(error.path).toEqual(["end"]);
    });

    it("an invalid date string is INVALID_DATE with the path", () => {
      for (const bad of [
        "2026-02-30",
        "2026-6-1",
        "",
        "2026-13-01",
        "2026-06-01T00:00",
        "0999-01-01",
      ]) {
        const error = thrown(() => workingDays(bad, "2026-12-31"));
        expect(error.code, bad).toBe("INVALID_DATE");
        expect(error.path).toEqual(["start"]);
      }
      expect(thrown(() => workingDays("2026-01-01", 20261231 as never)).path).toEqual(["end"]);
      expect(thrown(() => workingDays(new Date() as never, "2026-12-31")).code).toBe(
        "INVALID_DATE",
      );
    });

    it("a range over 100 years is INVALID_RANGE", () => {
      expect(thrown(() => workingDays("1900-01-01", "2100-01-01")).code).toBe("INVALID_RANGE");
    });

    it("a day both holiday and make-up day is CALENDAR_CONFLICT with the path", () => {
      const error = thrown(() =>
        workingDays("2026-06-01", "2026-06-30", {
          holidays: ["2026-06-01", "2026-06-06"],
          workdays: ["2026-06-06"],
        }),
      );
      expect(error.code).toBe("CALENDAR_CONFLICT");
      expect(error.path).toEqual(["calendar", "workdays", 0]);
      expect(error.details).toMatchObject({ date: "2026-06-06" });
    });

    it("a malformed calendar is INVALID_ARGUMENT or INVALID_DATE with the path", () => {
      const cases: [unknown, string, (string | number)[]][] = [
        [{ weekend: [0] }, "INVALID_ARGUMENT", ["calendar", "weekend", 0]],
        [{ weekend: [6, 6] }, "INVALID_ARGUMENT", ["calendar", "weekend", 1]],
        [{ weekend: "6,7" }, "INVALID_ARGUMENT", ["calendar", "weekend"]],
        [{ holidays: ["2026-02-30"] }, "INVALID_DATE", ["calendar", "holidays", 0]],
        [{ workdays: [{ date: "x" }] }, "INVALID_DATE", ["calendar", "workdays", 0, "date"]],
        [{ holiday: [] }, "INVALID_ARGUMENT", ["calendar", "holiday"]],
        [{ years: [2026.5] }, "INVALID_ARGUMENT", ["calendar", "years", 0]],
        [{ missingYears: "guess" }, "INVALID_ARGUMENT", ["calendar", "missingYears"]],
        ["china", "INVALID_ARGUMENT", ["calendar"]],
      ];
      for (const [calendar, code, path] of cases) {
        const error = thrown(() => workingDays("2026-01-01", "2026-01-31", calendar as Calendar));
        expect([error.code, error.path], JSON.stringify(calendar)).toEqual([code, path]);
      }
    });
  });

  describe("properties", () => {
    it("agrees with a day-by-day count", () => {
      const calendar: Calendar = {
        weekend: [5, 6],
        holidays: ["2021-03-03", "2022-07-01", "2023-01-02"],
        workdays: ["2021-03-06", "2022-07-02"],
      };
      const holidays = new Set(["2021-03-03", "2022-07-01", "2023-01-02"]);
      const makeUps = new Set(["2021-03-06", "2022-07-02"]);
      fc.assert(
        fc.property(dayNumber, fc.integer({ min: 0, max: 400 }), (from, length) => {
          const start = isoOf(from);
          const end = isoOf(from + length);
          let expected = 0;
          for (const date of eachDayOfInterval({
            start: new Date(`${start}T00:00:00Z`),
            end: new Date(`${end}T00:00:00Z`),
          })) {
            const day = iso(date);
            const weekday = date.getUTCDay();
            const rest = weekday === 5 || weekday === 6 || holidays.has(day);
            if (makeUps.has(day) || !rest) expected++;
          }
          expect(workingDays(start, end, calendar).count).toBe(expected);
        }),
        { numRuns: runs(150) },
      );
    });

    it("is additive over adjacent ranges", () => {
      const calendar = chinaCalendar();
      fc.assert(
        fc.property(
          fc.integer({ min: 0, max: 2150 }),
          fc.integer({ min: 0, max: 200 }),
          fc.integer({ min: 1, max: 200 }),
          (from, first, second) => {
            const a = workingDays(isoOf(from), isoOf(from + first), calendar).count;
            const b = workingDays(
              isoOf(from + first + 1),
              isoOf(from + first + second),
              calendar,
            ).count;
            expect(workingDays(isoOf(from), isoOf(from + first + second), calendar).count).toBe(
              a + b,
            );
          },
        ),
        { numRuns: runs(100) },
      );
    });
  });
});
