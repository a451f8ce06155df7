import { chinaCalendar, parseHolidayArrangement, workingDays } from "targetree";
import { validate } from "targetree/schema";
import { describe, expect, it } from "vitest";
import { errorOf } from "../_support/errors.js";

/** The State Council notice of 2025-11-04 for 2026: 33 days off, 6 make-up days. */
const NOTICE_2026 = {
  year: 2026,
  source: "国务院办公厅关于2026年部分节假日安排的通知",
  published: "2025-11-04",
  holidays: [
    { name: "元旦", days: ["2026-01-01/2026-01-03"], workdays: ["2026-01-04"] },
    { name: "春节", days: ["2026-02-15/2026-02-23"], workdays: ["2026-02-14", "2026-02-28"] },
    { name: "清明节", days: ["2026-04-04/2026-04-06"] },
    { name: "劳动节", days: ["2026-05-01/2026-05-05"], workdays: ["2026-05-09"] },
    { name: "端午节", days: ["2026-06-19/2026-06-21"] },
    { name: "中秋节", days: ["2026-09-25/2026-09-27"] },
    { name: "国庆节", days: ["2026-10-01/2026-10-07"], workdays: ["2026-09-20", "2026-10-10"] },
  ],
};

describe("holidayArrangementSchema", () => {
  it("accepts the 2026 notice, and chinaCalendar built from it gives 248 working days", () => {
    const arrangement = validate("holidayArrangement", NOTICE_2026);
    expect(arrangement).toEqual(NOTICE_2026);
    const calendar = chinaCalendar({ arrangements: [arrangement] });
    expect(workingDays("2026-01-01", "2026-12-31", calendar).workingDays).toBe(248);
    expect(parseHolidayArrangement(arrangement).holidays.flatMap((h) => h.days)).toHaveLength(33);
  });

  it("refuses each kind of bad arrangement with INVALID_CALENDAR_DATA, its reason and path", () => {
    const holiday = (days: unknown, workdays?: unknown) => ({
      year: 2026,
      holidays: [{ name: "元旦", days, ...(workdays === undefined ? {} : { workdays }) }],
    });
    const cases: [unknown, string, (string | number)[]][] = [
      [null, "shape", []],
      [{ holidays: [] }, "year", ["year"]],
      [{ year: 2026.5, holidays: [] }, "year", ["year"]],
      [{ year: 2026 }, "shape", ["holidays"]],
      [{ year: 2026, holidays: [], notice: "x" }, "shape", ["notice"]],
      [
        { year: 2026, holidays: [{ name: "", days: ["2026-01-01"] }] },
        "shape",
        ["holidays", 0, "name"],
      ],
      [holiday([]), "shape", ["holidays", 0, "days"]],
      [holiday(["2026-1-1"]), "bad-date", ["holidays", 0, "days", 0]],
      [holiday(["2026-02-30"]), "bad-date", ["holidays", 0, "days", 0]],
      [holiday(["2027-01-01"]), "outside-year", ["holidays", 0, "days", 0]],
      [holiday(["2026-01-01/2026-03-01"]), "bad-date", ["holidays", 0, "days", 0]],
      [holiday(["2026-01-01", "2026-01-01"]), "duplicate", ["holidays", 0, "days", 1]],
      [holiday(["2026-01-01"], ["2026-01-01"]), "conflict", ["holidays", 0, "workdays", 0]],
      [{ ...NOTICE_2026, published: "2025-11-31" }, "bad-date", ["published"]],
    ];
    for (const [arrangement, reason, path] of cases) {
      const error = errorOf(() => validate("holidayArrangement", arrangement));
      expect([error.code, error.details.reason, error.path], JSON.stringify(arrangement)).toEqual([
        "INVALID_CALENDAR_DATA",
        reason,
        path,
      ]);
    }
  });

  it("takes years 1001 to 9999: a run may start in the year before", () => {
    for (const year of [1001, 9999]) {
      expect(validate("holidayArrangement", { year, holidays: [] })).toEqual({
        year,
        holidays: [],
      });
    }
    for (const year of [1000, 10000, "2026"]) {
      const error = errorOf(() => validate("holidayArrangement", { year, holidays: [] }));
      expect([error.path, error.details.reason]).toEqual([["year"], "year"]);
      expect(error.message).toMatch(
        /^INVALID_CALENDAR_DATA: Expected year as a whole number from 1001 to 9999 \(such as 2027\), got /,
      );
    }
  });

  it("limits names, days, workdays, holidays and the source, inclusive of the limit", () => {
    /** `n` distinct dates of 2026, two days apart. */
    const dates = (n: number): string[] =>
      Array.from({ length: n }, (_, i) =>
        new Date(Date.UTC(2026, 0, 1 + 2 * i)).toISOString().slice(0, 10),
      );
    const holidays = (n: number) => dates(n).map((day, i) => ({ name: `h${i}`, days: [day] }));
    const accepted = [
      { year: 2026, holidays: [{ name: "节".repeat(60), days: ["2026-01-01"] }] },
      { year: 2026, holidays: [{ name: "x", days: dates(60) }] },
      { year: 2026, holidays: [], workdays: dates(60) },
      { year: 2026, holidays: holidays(40) },
      { year: 2026, source: "x".repeat(500), provisional: true, holidays: [] },
    ];
    for (const arrangement of accepted) {
      expect(validate("holidayArrangement", arrangement)).toEqual(arrangement);
    }
    const refused: [unknown, (string | number)[], string][] = [
      [
        { year: 2026, holidays: [{ name: "节".repeat(61), days: ["2026-01-01"] }] },
        ["holidays", 0, "name"],
        "name must be a non-empty string of at most 60 characters.",
      ],
      [
        { year: 2026, holidays: [{ name: " ", days: ["2026-01-01"] }] },
        ["holidays", 0, "name"],
        "name must be a non-empty string of at most 60 characters.",
      ],
      [
        { year: 2026, holidays: [{ name: 5, days: ["2026-01-01"] }] },
        ["holidays", 0, "name"],
        "name must be a non-empty string of at most 60 characters.",
      ],
      [
        { year: 2026, holidays: [{ name: "x", days: dates(61) }] },
        ["holidays", 0, "days"],
        "At most 60 entries are allowed here.",
      ],
      [
        { year: 2026, holidays: [{ name: "x", days: [] }] },
        ["holidays", 0, "days"],
        "A holiday needs at least one day.",
      ],
      [
        { year: 2026, holidays: [], workdays: dates(61) },
        ["workdays"],
        "At most 60 entries are allowed here.",
      ],
      [
        { year: 2026, holidays: [{ name: "x", days: ["2026-12-31"], workdays: dates(61) }] },
        ["holidays", 0, "workdays"],
        "At most 60 entries are allowed here.",
      ],
      [{ year: 2026, holidays: holidays(41) }, ["holidays"], "At most 40 holidays are allowed."],
      [
        { year: 2026, source: "x".repeat(501), holidays: [] },
        ["source"],
        "source must be at most 500 characters.",
      ],
      [
        { year: 2026, provisional: "yes", holidays: [] },
        ["provisional"],
        'Expected true or false, got the string "yes".',
      ],
    ];
    for (const [arrangement, path, message] of refused) {
      const error = errorOf(() => validate("holidayArrangement", arrangement));
      expect([error.code, error.path, error.details.reason, error.details.issues], message).toEqual(
        ["INVALID_CALENDAR_DATA", path, "shape", [expect.objectContaining({ path, message })]],
      );
    }
  });

  it("says which date is malformed", () => {
    const cases: [unknown, (string | number)[], string][] = [
      [
        { year: 2026, holidays: [{ name: "x", days: [20260101] }] },
        ["holidays", 0, "days", 0],
        'Expected a date "YYYY-MM-DD" or a run "YYYY-MM-DD/YYYY-MM-DD", got 20260101.',
      ],
      [
        { year: 2026, published: "2025-11-31", holidays: [] },
        ["published"],
        'Expected a real date "YYYY-MM-DD", got the string "2025-11-31".',
      ],
      [
        { year: 2026, published: 5, holidays: [] },
        ["published"],
        'Expected a real date "YYYY-MM-DD", got 5.',
      ],
      [
        { year: 2026, holidays: [], workdays: ["2026-02-30"] },
        ["workdays", 0],
        'Expected a real date "YYYY-MM-DD", got the string "2026-02-30".',
      ],
    ];
    for (const [arrangement, path, message] of cases) {
      const error = errorOf(() => validate("holidayArrangement", arrangement));
      expect([error.path, error.details.reason, error.details.issues]).toEqual([
        path,
        "bad-date",
        [{ path, message, code: "INVALID_CALENDAR_DATA" }],
      ]);
    }
  });

  it("agrees with parseHolidayArrangement on the same cases", () => {
    const bad = [
      { year: 2026, holidays: [{ name: "x", days: ["2026-12-31/2027-01-02"] }] },
      { year: 2023, holidays: [{ name: "元旦", days: ["2022-12-31/2023-01-02"] }] },
      { year: 2026, holidays: [{ name: "x", days: ["2026-05-01"] }], workdays: ["2026-05-01"] },
    ];
    for (const arrangement of bad) {
      let core: unknown = "ok";
      try {
        parseHolidayArrangement(arrangement);
      } catch (error) {
        core = (error as { path: unknown }).path;
      }
      let schema: unknown = "ok";
      try {
        validate("holidayArrangement", arrangement);
      } catch (error) {
        schema = (error as { path: unknown }).path;
      }
      expect(schema).toEqual(core);
    }
  });

  it("does not change a frozen notice", () => {
    const frozen = structuredClone(NOTICE_2026);
    for (const holiday of frozen.holidays) Object.freeze(holiday.days);
    Object.freeze(frozen.holidays);
    Object.freeze(frozen);
    expect(validate("holidayArrangement", frozen)).toEqual(NOTICE_2026);
  });
});

describe("calendarSchema", () => {
  it("accepts the China calendar and plain company calendars", () => {
    const china = chinaCalendar();
    expect(validate("calendar", JSON.parse(JSON.stringify(china)))).toEqual(china);
    const company = {
      name: "Six-day week",
      weekend: [7],
      holidays: ["2026-10-01", { date: "2026-10-02", name: "国庆节" }],
      workdays: [],
      missingYears: "weekends-only",
    };
    expect(validate("calendar", company)).toEqual(company);
  });

  it("refuses each kind of bad calendar with its code and path", () => {
    const cases: [unknown, string, (string | number)[]][] = [
      ["weekends", "INVALID_ARGUMENT", []],
      [new Map([["weekend", [7]]]), "INVALID_ARGUMENT", []],
      [[], "INVALID_ARGUMENT", []],
      [{ weekends: [6, 7] }, "INVALID_ARGUMENT", ["weekends"]],
      [{ weekend: [0] }, "INVALID_ARGUMENT", ["weekend", 0]],
      [{ weekend: [6, 6] }, "INVALID_ARGUMENT", ["weekend", 1]],
      [{ holidays: ["2026-02-30"] }, "INVALID_DATE", ["holidays", 0]],
      [{ holidays: [{ date: "2026-1-1" }] }, "INVALID_DATE", ["holidays", 0, "date"]],
      [
        { holidays: [{ date: "2026-01-01", note: "x" }] },
        "INVALID_ARGUMENT",
        ["holidays", 0, "note"],
      ],
      [{ years: [26] }, "INVALID_ARGUMENT", ["years", 0]],
      [{ missingYears: "ignore" }, "INVALID_ARGUMENT", ["missingYears"]],
      [{ sources: "notice" }, "INVALID_ARGUMENT", ["sources"]],
      [
        { holidays: [{ date: "2026-10-01" }], workdays: ["2026-10-01"] },
        "CALENDAR_CONFLICT",
        ["workdays", 0],
      ],
    ];
    for (const [calendar, code, path] of cases) {
      const error = errorOf(() => validate("calendar", calendar));
      expect([error.code, error.path], JSON.stringify(calendar)).toEqual([code, path]);
    }
  });

  it("takes years 1000 to 9999 and weekdays 1 to 7, each once", () => {
    const calendar = { weekend: [1, 7], years: [1000, 9999], provisionalYears: [2026] };
    expect(validate("calendar", calendar)).toEqual(calendar);
    const cases: [unknown, (string | number)[], string][] = [
      [
        { years: [999] },
        ["years", 0],
        "Expected a year as a whole number from 1000 to 9999 (such as 2026), got 999.",
      ],
      [
        { years: [10000] },
        ["years", 0],
        "Expected a year as a whole number from 1000 to 9999 (such as 2026), got 10000.",
      ],
      [
        { provisionalYears: [2026.5] },
        ["provisionalYears", 0],
        "Expected a year as a whole number from 1000 to 9999 (such as 2026), got 2026.5.",
      ],
      [{ weekend: [8] }, ["weekend", 0], "Expected an ISO weekday 1 (Monday) … 7 (Sunday), got 8."],
      [
        { weekend: [1.5] },
        ["weekend", 0],
        "Expected an ISO weekday 1 (Monday) … 7 (Sunday), got 1.5.",
      ],
      [{ weekend: "67" }, ["weekend"], 'Expected an array, got the string "67".'],
      [{ weekend: [6, 7, 6] }, ["weekend", 2], "Weekday 6 is listed twice."],
      [
        { holidays: [["2026-10-01"]] },
        ["holidays", 0],
        'Expected an ISO date "YYYY-MM-DD", got an array.',
      ],
    ];
    for (const [bad, path, message] of cases) {
      const error = errorOf(() => validate("calendar", bad));
      const [first] = error.details.issues as { message: string }[];
      expect([error.path, first!.message]).toEqual([path, message]);
    }
  });

  it("accepts each way of treating missing years", () => {
    for (const missingYears of ["error", "weekends-only", "china-provisional"]) {
      expect(validate("calendar", { missingYears })).toEqual({ missingYears });
    }
  });

  it("finds conflicts in a calendar that covers only some years, with the core's message", () => {
    const error = errorOf(() =>
      validate("calendar", {
        years: [2026],
        missingYears: "error",
        holidays: ["2026-10-01"],
        workdays: ["2026-10-01"],
      }),
    );
    expect([error.code, error.path, error.details.date, error.details.holidayPath]).toEqual([
      "CALENDAR_CONFLICT",
      ["workdays", 0],
      "2026-10-01",
      ["holidays", 0],
    ]);
    expect(error.message).toBe(
      "CALENDAR_CONFLICT: 2026-10-01 is listed both as a holiday and as a make-up working day; keep it in one list. (at workdays[0])",
    );
  });

  it("accepts a calendar for years it covers, as workingDays does", () => {
    const calendar = validate("calendar", { years: [], missingYears: "error" });
    expect(errorOf(() => workingDays("2026-01-01", "2026-01-31", calendar)).code).toBe(
      "CALENDAR_YEAR_MISSING",
    );
  });
});

describe("isoDateSchema", () => {
  it("accepts real dates and refuses the rest with the core's messages", () => {
    expect(validate("isoDate", "2024-02-29")).toBe("2024-02-29");
    for (const bad of ["2025-02-29", "2026-6-1", "0999-01-01", 20260101, "2026-06-01T00:00"]) {
      expect(errorOf(() => validate("isoDate", bad)).code).toBe("INVALID_DATE");
    }
  });
});
