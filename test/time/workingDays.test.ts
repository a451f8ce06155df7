import { eachDayOfInterval } from "date-fns";
import fc from "fast-check";
import type { Calendar } from "targetree";
import { chinaCalendar, listDays, workingDays } from "targetree";
import { describe, expect, it } from "vitest";
import { deepFreeze, errorOf } from "../_support/errors.js";
import { runs } from "../_support/runs.js";

const iso = (date: Date) => date.toISOString().slice(0, 10);
/** Days from 2020-01-01 as ISO text, computed independently of the library. */
const dayNumber = fc.integer({ min: 0, max: 3000 });
const isoOf = (n: number) => iso(new Date(Date.UTC(2020, 0, 1 + n)));

describe("workingDays", () => {
  it("counts both ends of the range", () => {
    expect(workingDays("2026-06-01", "2026-06-05").workingDays).toBe(5);
    expect(workingDays("2026-06-01", "2026-06-01").workingDays).toBe(1);
    expect(workingDays("2026-06-06", "2026-06-07").workingDays).toBe(0);
  });

  it("describes the range", () => {
    expect(workingDays("2026-09-28", "2026-10-11", chinaCalendar())).toEqual({
      start: "2026-09-28",
      end: "2026-10-11",
      workingDays: 6,
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
    expect(workingDays("2026-06-01", "2026-06-07", company).workingDays).toBe(5);
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
    expect(workingDays("2026-01-01", "2026-01-02", calendar).workingDays).toBe(1);
    expect(errorOf(() => workingDays("2027-01-01", "2027-01-02", calendar)).code).toBe(
      "CALENDAR_YEAR_MISSING",
    );
    expect(
      workingDays("2027-01-01", "2027-01-01", { ...calendar, missingYears: "weekends-only" })
        .workingDays,
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
    expect(workingDays("2026-01-01", "2026-12-31", calendar).workingDays).toBe(248);
  });

  describe("bad input", () => {
    it("end before start is INVALID_RANGE", () => {
      const error = errorOf(() => workingDays("2026-06-02", "2026-06-01"));
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
        const error = errorOf(() => workingDays(bad, "2026-12-31"));
        expect(error.code, bad).toBe("INVALID_DATE");
        expect(error.path).toEqual(["start"]);
      }
      expect(errorOf(() => workingDays("2026-01-01", 20261231 as never)).path).toEqual(["end"]);
      expect(errorOf(() => workingDays(new Date() as never, "2026-12-31")).code).toBe(
        "INVALID_DATE",
      );
    });

    it("a range over 100 years is INVALID_RANGE", () => {
      expect(errorOf(() => workingDays("1900-01-01", "2100-01-01")).code).toBe("INVALID_RANGE");
    });

    it("a day both holiday and make-up day is CALENDAR_CONFLICT with the path", () => {
      const error = errorOf(() =>
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
        [{ holiday: [] }, "UNKNOWN_OPTION", ["calendar", "holiday"]],
        [{ years: [2026.5] }, "INVALID_ARGUMENT", ["calendar", "years", 0]],
        [{ missingYears: "guess" }, "INVALID_ARGUMENT", ["calendar", "missingYears"]],
        ["china", "INVALID_ARGUMENT", ["calendar"]],
      ];
      for (const [calendar, code, path] of cases) {
        const error = errorOf(() => workingDays("2026-01-01", "2026-01-31", calendar as Calendar));
        expect([error.code, error.path], JSON.stringify(calendar)).toEqual([code, path]);
      }
    });
  });

  describe("dates and ranges", () => {
    it("accepts the edges of the calendar: years 1000 and 9999, leap days, months' last days", () => {
      expect(workingDays("1000-01-01", "1000-01-01").calendarDays).toBe(1);
      expect(workingDays("9999-12-31", "9999-12-31").calendarDays).toBe(1);
      expect(workingDays("2024-02-28", "2024-03-01").calendarDays).toBe(3);
      expect(workingDays("2026-02-28", "2026-03-01").calendarDays).toBe(2);
      expect(workingDays("2026-04-30", "2026-05-31").calendarDays).toBe(32);
    });

    it("says what is wrong with a bad date", () => {
      const cases: [unknown, RegExp][] = [
        [20260601, /Expected an ISO date "YYYY-MM-DD", got 20260601\./],
        ["2026-6-1", /two-digit month and day, e\.g\. "2026-06-01"\), got "2026-6-1"/],
        ["x2026-06-01", /got "x2026-06-01"/],
        ["12026-06-01", /got "12026-06-01"/],
        ["2026-06-011", /got "2026-06-011"/],
        ["0999-12-31", /The year must be from 1000 to 9999, got 999\./],
        ["2026-13-01", /"2026-13-01" has no month 13\./],
        ["2026-00-10", /"2026-00-10" has no month 0\./],
        ["2026-02-29", /"2026-02-29" does not exist: 2026-02 has 28 days\./],
        ["2026-04-31", /"2026-04-31" does not exist: 2026-04 has 30 days\./],
        ["2026-01-00", /"2026-01-00" does not exist: 2026-01 has 31 days\./],
      ];
      for (const [bad, message] of cases) {
        const error = errorOf(() => workingDays("2026-01-01", bad as string));
        expect([error.code, error.path], String(bad)).toEqual(["INVALID_DATE", ["end"]]);
        expect(error.message, String(bad)).toMatch(message);
      }
    });

    it("takes a range of exactly 100 years (36,525 days) and refuses one day more", () => {
      expect(workingDays("2000-01-01", "2099-12-31").calendarDays).toBe(36_525);
      const error = errorOf(() => workingDays("2000-01-01", "2100-01-01"));
      expect([error.code, error.path]).toEqual(["INVALID_RANGE", ["end"]]);
      expect(error.message).toMatch(/The range has 36526 days; the limit is 36525 \(100 years\)/);
      expect(error.details).toEqual({ start: "2000-01-01", end: "2100-01-01", days: 36_526 });
    });

    it("says a range that ends before it starts is backwards, with both ends", () => {
      const error = errorOf(() => workingDays("2026-06-02", "2026-06-01"));
      expect(error.message).toMatch(
        /The range ends on 2026-06-01, before it starts on 2026-06-02\. Both ends are inclusive/,
      );
      expect(error.details).toEqual({ start: "2026-06-02", end: "2026-06-01" });
    });
  });

  describe("calendar data", () => {
    const week = ["2026-06-01", "2026-06-07"] as const; // Monday to Sunday
    const count = (calendar: unknown) => workingDays(...week, calendar as Calendar).workingDays;
    const refusal = (calendar: unknown) => errorOf(() => count(calendar));

    it("takes any set of distinct weekdays 1–7 as the weekend, none included", () => {
      expect(count({ weekend: [1, 7] })).toBe(5);
      expect(count({ weekend: [] })).toBe(7);
      expect(count({ weekend: [3] })).toBe(6);
    });

    it("refuses a weekend that is not distinct whole weekdays 1–7, saying so", () => {
      for (const [weekend, index] of [
        [[0], 0],
        [[8], 0],
        [[6.5], 0],
        [["6"], 0],
        [[6, 7, 6], 2],
      ] as const) {
        const error = refusal({ weekend });
        expect([error.code, error.path]).toEqual([
          "INVALID_ARGUMENT",
          ["calendar", "weekend", index],
        ]);
        expect(error.message).toMatch(/Expected distinct ISO weekdays 1 \(Monday\) … 7 \(Sunday\)/);
      }
      expect(refusal({ weekend: [0] }).message).toMatch(/got 0\./);
      expect(refusal({ weekend: "6,7" }).message).toMatch(
        /weekend must be an array of ISO weekdays/,
      );
    });

    it("refuses a calendar that is not an object, saying what it got", () => {
      for (const [calendar, got] of [
        [null, "null"],
        [[], "an array"],
        [new Map([["weekend", [7]]]), "a Map (pass a plain object, e.g. Object.fromEntries(map))"],
        ["china", 'the string "china"'],
      ] as const) {
        const error = refusal(calendar);
        expect([error.code, error.path]).toEqual(["INVALID_ARGUMENT", ["calendar"]]);
        expect(error.message).toContain(`Expected a calendar object, got ${got}.`);
      }
    });

    it("refuses an unknown field as UNKNOWN_OPTION, naming the closest and every known field", () => {
      const error = refusal({ holiday: [] });
      expect([error.code, error.path]).toEqual(["UNKNOWN_OPTION", ["calendar", "holiday"]]);
      expect(error.message).toContain('Unknown option "holiday". Did you mean "holidays"?');
      expect(error.message).toContain(
        'Known options: "name", "weekend", "holidays", "workdays", "years", "missingYears", "provisionalYears", "sources".',
      );
      const entry = refusal({ holidays: [{ date: "2026-06-01", nmae: "x" }] });
      expect([entry.code, entry.path]).toEqual([
        "UNKNOWN_OPTION",
        ["calendar", "holidays", 0, "nmae"],
      ]);
      expect(entry.message).toContain('Did you mean "name"?');
    });

    it("takes a name and sources as strings only", () => {
      expect(count({ name: "Acme", sources: [], weekend: [6, 7] })).toBe(5);
      expect(count({ sources: ["HR notice 2026-01"] })).toBe(5);
      const name = refusal({ name: 42 });
      expect([name.code, name.path, name.message]).toEqual([
        "INVALID_ARGUMENT",
        ["calendar", "name"],
        expect.stringContaining("name must be a string."),
      ]);
      for (const sources of ["HR", [1], ["HR", 1]]) {
        const error = refusal({ sources });
        expect([error.code, error.path]).toEqual(["INVALID_ARGUMENT", ["calendar", "sources"]]);
        expect(error.message).toMatch(/sources must be an array of strings/);
      }
    });

    it("refuses holiday and make-up lists that are not arrays of dates or { date, name }", () => {
      const notList = refusal({ holidays: "2026-06-01" });
      expect([notList.code, notList.path]).toEqual(["INVALID_ARGUMENT", ["calendar", "holidays"]]);
      expect(notList.message).toMatch(/Expected an array of dates or \{ date, name \}/);
      expect(refusal({ workdays: {} }).path).toEqual(["calendar", "workdays"]);
      const badName = refusal({ holidays: [{ date: "2026-06-01", name: 5 }] });
      expect([badName.code, badName.path]).toEqual([
        "INVALID_ARGUMENT",
        ["calendar", "holidays", 0, "name"],
      ]);
      expect(badName.message).toMatch(/A day's name must be a string/);
      // null and arrays are not { date, name } entries: the entry itself is the bad date.
      for (const entry of [null, ["2026-06-01"]]) {
        const error = refusal({ holidays: ["2026-06-02", entry] });
        expect([error.code, error.path]).toEqual(["INVALID_DATE", ["calendar", "holidays", 1]]);
      }
    });

    it("keeps a day's name when the day is listed twice, whichever entry comes first", () => {
      const named = { date: "2026-06-01", name: "Founders' Day" };
      for (const holidays of [
        ["2026-06-01", named],
        [named, "2026-06-01"],
      ]) {
        const calendar = { holidays } as Calendar;
        expect(listDays("2026-06-01", "2026-06-01", calendar).days[0]).toEqual({
          date: "2026-06-01",
          weekday: 1,
          working: false,
          kind: "holiday",
          name: "Founders' Day",
        });
        expect(workingDays(...week, calendar).holidays).toBe(1);
      }
      const unnamed = listDays("2026-06-01", "2026-06-01", {
        holidays: ["2026-06-01", "2026-06-01"],
      });
      expect(unnamed.days[0]).not.toHaveProperty("name");
    });

    it("points a conflict at the first listing of the day in each list", () => {
      const error = errorOf(() =>
        workingDays(...week, {
          holidays: ["2026-06-02", "2026-06-06", "2026-06-06"],
          workdays: ["2026-06-07", "2026-06-06", "2026-06-06"],
        }),
      );
      expect([error.code, error.path]).toEqual(["CALENDAR_CONFLICT", ["calendar", "workdays", 1]]);
      expect(error.details).toEqual({
        date: "2026-06-06",
        holidayPath: ["calendar", "holidays", 1],
      });
      expect(error.message).toMatch(
        /2026-06-06 is listed both as a holiday and as a make-up working day; keep it in one list/,
      );
    });

    it("refuses years and provisional years that are not arrays of whole years 1000–9999", () => {
      expect(count({ years: [1000, 2026, 9999] })).toBe(5);
      const notList = refusal({ years: "2026" });
      expect([notList.path, notList.message]).toEqual([
        ["calendar", "years"],
        expect.stringContaining("Expected an array of years."),
      ]);
      for (const [year, got] of [
        [999, "999"],
        [10_000, "10000"],
        ["2026", 'the string "2026"'],
      ] as const) {
        const error = refusal({ years: [2026, year] });
        expect([error.code, error.path]).toEqual(["INVALID_ARGUMENT", ["calendar", "years", 1]]);
        expect(error.message).toContain(
          `Expected a year as a whole number from 1000 to 9999 (such as 2026), got ${got}.`,
        );
      }
      expect(refusal({ provisionalYears: 2026 }).path).toEqual(["calendar", "provisionalYears"]);
      expect(refusal({ provisionalYears: [2026.5] }).path).toEqual([
        "calendar",
        "provisionalYears",
        0,
      ]);
    });

    it("flags only the provisional years the range touches", () => {
      const result = workingDays("2026-12-31", "2027-01-01", {
        years: [2025, 2026, 2027],
        provisionalYears: [2025, 2027],
      });
      expect(result).toMatchObject({ provisional: true, provisionalYears: [2027] });
    });

    it("takes missingYears error, weekends-only or china-provisional, and names them otherwise", () => {
      expect(count({ years: [2026], missingYears: "error" })).toBe(5);
      const error = refusal({ missingYears: "provisional" });
      expect(error.message).toMatch(
        /missingYears must be one of error, weekends-only, china-provisional\./,
      );
    });

    it("names the years a calendar covers when one is missing", () => {
      const error = errorOf(() =>
        workingDays("2025-06-01", "2025-06-30", { years: [2026, 2020, 2023, 2022, 2026] }),
      );
      expect([error.code, error.path]).toEqual(["CALENDAR_YEAR_MISSING", ["calendar"]]);
      expect(error.message).toContain(
        "The calendar has no holiday data for 2025; it covers 2020, 2022–2023, 2026. Two ways forward:",
      );
      expect(error.message).toContain("pass 2025's official arrangement as data");
      expect(error.details).toEqual({ year: 2025, coveredYears: [2020, 2022, 2023, 2026] });
      expect(errorOf(() => count({ years: [] })).message).toMatch(/it covers no years\./);
    });

    it("offers a provisional calendar only for 2025–2099", () => {
      const hint = (year: number) =>
        errorOf(() => workingDays(`${year}-03-03`, `${year}-03-03`, { years: [] })).message;
      for (const year of [2025, 2099]) {
        expect(hint(year)).toMatch(/ask for a provisional calendar/);
        expect(hint(year)).not.toMatch(/outside/);
      }
      for (const year of [2024, 2100]) {
        expect(hint(year)).toMatch(/a provisional calendar is only available for 2025–2099\./);
        expect(hint(year)).not.toMatch(/outside/);
      }
    });

    it("computes missing years 2025–2099 on china-provisional, and explains why others fail", () => {
      const provisional = { years: [], missingYears: "china-provisional" } as const;
      for (const year of [2025, 2099]) {
        expect(workingDays(`${year}-03-03`, `${year}-03-03`, provisional)).toMatchObject({
          provisional: true,
          provisionalYears: [year],
        });
      }
      for (const year of [2024, 2100]) {
        const error = errorOf(() => workingDays(`${year}-03-03`, `${year}-03-03`, provisional));
        expect(error.code).toBe("CALENDAR_YEAR_MISSING");
        expect(error.message).toContain(
          `${year} is outside the years a provisional calendar can be computed for.`,
        );
      }
    });

    it("names provisional days off and make-up days", () => {
      const days = listDays("2027-01-01", "2027-01-31", {
        years: [],
        missingYears: "china-provisional",
      });
      expect(days.days[0]).toEqual({
        date: "2027-01-01",
        weekday: 5,
        working: false,
        kind: "holiday",
        name: "元旦",
      });
      expect(days.days.at(-1)).toEqual({
        date: "2027-01-31",
        weekday: 7,
        working: true,
        kind: "make-up",
        name: "春节补班",
      });
    });

    it("refuses a calendar whose own days contradict its provisional years", () => {
      for (const [field, date] of [
        ["workdays", "2027-01-01"],
        ["holidays", "2027-01-31"],
      ] as const) {
        const error = errorOf(() =>
          workingDays("2027-01-01", "2027-01-31", {
            years: [],
            missingYears: "china-provisional",
            [field]: [date],
          }),
        );
        expect([error.code, error.path]).toEqual(["CALENDAR_CONFLICT", ["calendar"]]);
        expect(error.details).toEqual({ date, year: 2027 });
        expect(error.message).toMatch(
          `${date}: the provisional 2027 arrangement and the calendar's own data disagree about this day.`,
        );
      }
    });

    it("takes late-December days from a provisional next year only when that year is missing and computable", () => {
      const ordinary = ["workday", "weekend", "weekend", "workday"];
      for (const calendar of [
        { missingYears: "china-provisional" }, // no years: every year is complete
        { years: [2029, 2030], missingYears: "china-provisional" },
        { years: [2029], missingYears: "weekends-only" },
      ] as const) {
        const result = listDays("2029-12-28", "2029-12-31", calendar);
        expect(result.days.map((day) => day.kind)).toEqual(ordinary);
        expect(result.provisional).toBe(false);
      }
      // The year after 2099 or before 2025 cannot be computed, so it is not tried.
      for (const year of [2099, 2023]) {
        const result = listDays(`${year}-12-01`, `${year}-12-31`, {
          years: [year],
          missingYears: "china-provisional",
        });
        expect(result.provisional).toBe(false);
      }
    });

    it("reads the calendar and its day entries by own keys only", () => {
      const prototype = Object.prototype as Record<string, unknown>;
      for (const [name, value] of [
        ["weekend", [1, 2, 3]],
        ["holidays", ["2026-06-01"]],
        ["workdays", ["2026-06-06"]],
        ["years", [1999]],
        ["name", 42],
      ] as const) {
        prototype[name] = value;
        try {
          expect(count({}), name).toBe(5);
          expect(count({ holidays: [{ date: "2026-06-02" }] }), name).toBe(4);
        } finally {
          delete prototype[name];
        }
      }
      prototype.date = "2026-06-02";
      try {
        expect(refusal({ holidays: [{ name: "x" }] }).path).toEqual([
          "calendar",
          "holidays",
          0,
          "date",
        ]);
      } finally {
        delete prototype.date;
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
          expect(workingDays(start, end, calendar).workingDays).toBe(expected);
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
            const a = workingDays(isoOf(from), isoOf(from + first), calendar).workingDays;
            const b = workingDays(
              isoOf(from + first + 1),
              isoOf(from + first + second),
              calendar,
            ).workingDays;
            expect(
              workingDays(isoOf(from), isoOf(from + first + second), calendar).workingDays,
            ).toBe(a + b);
          },
        ),
        { numRuns: runs(100) },
      );
    });
  });
});
