import { parseHolidayArrangement } from "targetree";
import { describe, expect, it } from "vitest";
import { deepFreeze, errorOf } from "../_support/errors.js";

const valid = {
  year: 2027,
  source: "国办发明电〔2026〕N号",
  published: "2026-11-10",
  holidays: [
    { name: "元旦", days: ["2027-01-01/2027-01-03"] },
    { name: "春节", days: ["2027-02-05/2027-02-13"], workdays: ["2027-01-31", "2027-02-14"] },
  ],
  workdays: ["2027-09-26"],
};

function problem(input: unknown) {
  const error = errorOf(() => parseHolidayArrangement(input));
  expect(error.code).toBe("INVALID_CALENDAR_DATA");
  return { path: error.path, reason: error.details.reason, message: error.message };
}

describe("parseHolidayArrangement", () => {
  it("expands runs into dates and keeps the rest", () => {
    const parsed = parseHolidayArrangement(valid);
    expect(parsed.holidays[0]).toEqual({
      name: "元旦",
      days: ["2027-01-01", "2027-01-02", "2027-01-03"],
    });
    expect(parsed.holidays[1]?.days).toHaveLength(9);
    expect(parsed.holidays[1]?.workdays).toEqual(["2027-01-31", "2027-02-14"]);
    expect(parsed.workdays).toEqual(["2027-09-26"]);
    expect(parsed.source).toBe("国办发明电〔2026〕N号");
    expect(parsed.published).toBe("2026-11-10");
  });

  it("returns exactly the given fields, runs expanded, and nothing else", () => {
    expect(parseHolidayArrangement(valid)).toStrictEqual({
      year: 2027,
      source: "国办发明电〔2026〕N号",
      published: "2026-11-10",
      holidays: [
        { name: "元旦", days: ["2027-01-01", "2027-01-02", "2027-01-03"] },
        {
          name: "春节",
          days: [
            "2027-02-05",
            "2027-02-06",
            "2027-02-07",
            "2027-02-08",
            "2027-02-09",
            "2027-02-10",
            "2027-02-11",
            "2027-02-12",
            "2027-02-13",
          ],
          workdays: ["2027-01-31", "2027-02-14"],
        },
      ],
      workdays: ["2027-09-26"],
    });
    const minimal = { year: 2027, holidays: [{ name: "元旦", days: ["2027-01-01"] }] };
    expect(parseHolidayArrangement(minimal)).toStrictEqual(minimal);
    expect(parseHolidayArrangement({ ...minimal, workdays: [] })).toStrictEqual(minimal);
  });

  it("keeps provisional: true and drops provisional: false", () => {
    const minimal = { year: 2027, holidays: [{ name: "元旦", days: ["2027-01-01"] }] };
    expect(parseHolidayArrangement({ ...minimal, provisional: true })).toStrictEqual({
      ...minimal,
      provisional: true,
    });
    expect(parseHolidayArrangement({ ...minimal, provisional: false })).toStrictEqual(minimal);
  });

  it("takes dates from 25 December of the year before to 31 December, leap days included", () => {
    const parsed = parseHolidayArrangement({
      year: 2028,
      holidays: [{ name: "边界", days: ["2027-12-25", "2028-02-29", "2028-12-31"] }],
    });
    expect(parsed.holidays[0]?.days).toEqual(["2027-12-25", "2028-02-29", "2028-12-31"]);
  });

  it("takes runs of one to 31 days", () => {
    const parsed = parseHolidayArrangement({
      year: 2027,
      holidays: [
        { name: "一天", days: ["2027-03-01/2027-03-01"] },
        { name: "一月", days: ["2027-01-01/2027-01-31"] },
      ],
    });
    expect(parsed.holidays[0]?.days).toEqual(["2027-03-01"]);
    expect(parsed.holidays[1]?.days).toHaveLength(31);
    expect(parsed.holidays[1]?.days.at(-1)).toBe("2027-01-31");
  });

  it("takes up to 40 holidays and up to 60 entries in a list", () => {
    const holidays = Array.from({ length: 40 }, (_, i) => ({
      name: `节${i}`,
      days: [
        `2027-${String(Math.floor(i / 28) + 3).padStart(2, "0")}-${String((i % 28) + 1).padStart(2, "0")}`,
      ],
    }));
    expect(parseHolidayArrangement({ year: 2027, holidays }).holidays).toHaveLength(40);
    const days = Array.from(
      { length: 60 },
      (_, i) =>
        `2027-${String(Math.floor(i / 28) + 7).padStart(2, "0")}-${String((i % 28) + 1).padStart(2, "0")}`,
    );
    expect(
      parseHolidayArrangement({ year: 2027, holidays: [{ name: "多", days }] }).holidays[0]?.days,
    ).toHaveLength(60);
  });

  it("takes years 1001 to 9999, sources up to 500 characters and names up to 60", () => {
    for (const year of [1001, 9999]) {
      expect(parseHolidayArrangement({ year, holidays: [] }).year).toBe(year);
    }
    const source = "源".repeat(500);
    expect(parseHolidayArrangement({ year: 2027, source, holidays: [] }).source).toBe(source);
    const name = "名".repeat(60);
    expect(
      parseHolidayArrangement({ year: 2027, holidays: [{ name, days: ["2027-01-01"] }] })
        .holidays[0]?.name,
    ).toBe(name);
  });

  it("reads fields by own keys only: names on Object.prototype change nothing", () => {
    const minimal = { year: 2027, holidays: [{ name: "元旦", days: ["2027-01-01"] }] };
    const prototype = Object.prototype as Record<string, unknown>;
    for (const [name, value] of [
      ["workdays", ["2027-01-09"]],
      ["source", "planted"],
      ["published", "2026-11-10"],
      ["provisional", true],
    ] as const) {
      prototype[name] = value;
      try {
        expect(parseHolidayArrangement(minimal), name).toStrictEqual(minimal);
      } finally {
        delete prototype[name];
      }
    }
  });

  it("accepts a run that starts in the last week of the year before (元旦 2023)", () => {
    const parsed = parseHolidayArrangement({
      year: 2023,
      holidays: [{ name: "元旦", days: ["2022-12-31/2023-01-02"] }],
    });
    expect(parsed.holidays[0]?.days).toEqual(["2022-12-31", "2023-01-01", "2023-01-02"]);
  });

  it("does not change its input", () => {
    const frozen = deepFreeze(structuredClone(valid));
    expect(() => parseHolidayArrangement(frozen)).not.toThrow();
    expect(frozen).toEqual(valid);
  });

  it("treats __proto__ and constructor as ordinary (unknown) fields", () => {
    const withProto = JSON.parse('{"year":2027,"holidays":[],"__proto__":{"polluted":1}}');
    expect(problem(withProto)).toMatchObject({ path: ["__proto__"], reason: "shape" });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  describe("refuses a malformed arrangement with INVALID_CALENDAR_DATA and the path", () => {
    it("not an object", () => {
      expect(problem(null)).toMatchObject({ path: [], reason: "shape" });
      expect(problem([valid])).toMatchObject({ path: [], reason: "shape" });
    });

    it("a wrong year", () => {
      expect(problem({ ...valid, year: "2027" })).toMatchObject({ path: ["year"], reason: "year" });
      expect(problem({ ...valid, year: 2027.5 })).toMatchObject({ reason: "year" });
      expect(problem({ holidays: [] })).toMatchObject({ path: ["year"], reason: "year" });
    });

    it("a bad date: not a real day, not zero-padded, empty", () => {
      for (const bad of ["2027-02-30", "2027-2-1", "", 20270101]) {
        expect(
          problem({ year: 2027, holidays: [{ name: "春节", days: ["2027-02-05", bad] }] }),
        ).toMatchObject({ path: ["holidays", 0, "days", 1], reason: "bad-date" });
      }
      expect(
        problem({ year: 2027, holidays: [{ name: "春节", days: ["2027-02-13/2027-02-05"] }] }),
      ).toMatchObject({ reason: "bad-date" });
      expect(
        problem({
          year: 2027,
          holidays: [{ name: "春节", days: ["2027-02-05/2027-02-06/2027-02-07"] }],
        }),
      ).toMatchObject({ reason: "bad-date" });
      expect(problem({ ...valid, published: "10 Nov 2026" })).toMatchObject({
        path: ["published"],
        reason: "bad-date",
      });
    });

    it("dates outside the year", () => {
      expect(
        problem({ year: 2027, holidays: [{ name: "元旦", days: ["2026-01-01"] }] }),
      ).toMatchObject({ path: ["holidays", 0, "days", 0], reason: "outside-year" });
      expect(problem({ ...valid, workdays: ["2028-01-02"] })).toMatchObject({
        path: ["workdays", 0],
        reason: "outside-year",
      });
      expect(
        problem({ year: 2027, holidays: [{ name: "元旦", days: ["2026-12-20"] }] }),
      ).toMatchObject({
        reason: "outside-year",
      });
    });

    it("a duplicate day", () => {
      expect(
        problem({
          year: 2027,
          holidays: [
            { name: "元旦", days: ["2027-01-01/2027-01-03"] },
            { name: "又一个", days: ["2027-01-03"] },
          ],
        }),
      ).toMatchObject({ path: ["holidays", 1, "days", 0], reason: "duplicate" });
      expect(problem({ ...valid, workdays: ["2027-09-26", "2027-09-26"] })).toMatchObject({
        path: ["workdays", 1],
        reason: "duplicate",
      });
    });

    it("a day both off and a make-up working day", () => {
      expect(
        problem({
          year: 2027,
          holidays: [{ name: "春节", days: ["2027-02-05/2027-02-13"] }],
          workdays: ["2027-02-06"],
        }),
      ).toMatchObject({ path: ["workdays", 0], reason: "conflict" });
    });

    it("missing, misspelt or mistyped fields", () => {
      expect(problem({ year: 2027 })).toMatchObject({ path: ["holidays"], reason: "shape" });
      expect(problem({ ...valid, holiday: [] })).toMatchObject({
        path: ["holiday"],
        reason: "shape",
      });
      expect(problem({ year: 2027, holidays: [{ days: ["2027-01-01"] }] })).toMatchObject({
        path: ["holidays", 0, "name"],
      });
      expect(problem({ year: 2027, holidays: [{ name: "元旦", days: [] }] })).toMatchObject({
        path: ["holidays", 0, "days"],
      });
      expect(
        problem({ year: 2027, holidays: [{ name: "元旦", days: "2027-01-01" }] }),
      ).toMatchObject({
        path: ["holidays", 0, "days"],
      });
      expect(problem({ ...valid, provisional: "yes" })).toMatchObject({ path: ["provisional"] });
      expect(problem({ ...valid, source: 42 })).toMatchObject({ path: ["source"] });
    });

    it("too many holidays or entries, too long a run, name or source", () => {
      const holidays = Array.from({ length: 41 }, (_, i) => ({
        name: `节${i}`,
        days: [`2027-03-${String((i % 28) + 1).padStart(2, "0")}`],
      }));
      expect(problem({ year: 2027, holidays })).toEqual({
        path: ["holidays"],
        reason: "shape",
        message: expect.stringContaining("At most 40 holidays are allowed."),
      });
      const workdays = Array.from({ length: 61 }, () => "2027-01-09");
      expect(problem({ year: 2027, holidays: [], workdays })).toEqual({
        path: ["workdays"],
        reason: "shape",
        message: expect.stringContaining("At most 60 entries are allowed here, got 61."),
      });
      const run = "2027-01-01/2027-02-01";
      const long = errorOf(() =>
        parseHolidayArrangement({ year: 2027, holidays: [{ name: "长", days: [run] }] }),
      );
      expect(long.details).toEqual({ reason: "bad-date", value: run });
      expect(long.message).toMatch(
        /The run "2027-01-01\/2027-02-01" must end on or after its start and span at most 31 days\./,
      );
      for (const name of ["", "   ", "名".repeat(61), 7]) {
        expect(problem({ year: 2027, holidays: [{ name, days: ["2027-01-01"] }] })).toEqual({
          path: ["holidays", 0, "name"],
          reason: "shape",
          message: expect.stringContaining(
            "name must be a non-empty string of at most 60 characters.",
          ),
        });
      }
      expect(problem({ year: 2027, source: "源".repeat(501), holidays: [] })).toEqual({
        path: ["source"],
        reason: "shape",
        message: expect.stringContaining("source must be a string of at most 500 characters."),
      });
    });

    it("says what is wrong, with the reason and the bad value in details", () => {
      const details = (input: unknown) => errorOf(() => parseHolidayArrangement(input)).details;
      const oneDay = (day: unknown) => ({ year: 2027, holidays: [{ name: "节", days: [day] }] });
      expect(problem(null).message).toMatch(/Expected an arrangement object, got null\./);
      // The message names the range really accepted, at both ends.
      expect(problem({ ...valid, year: 1000 }).message).toMatch(
        /Expected year as a whole number from 1001 to 9999 \(such as 2027\), got 1000\./,
      );
      expect(problem({ ...valid, year: 10_000 }).path).toEqual(["year"]);
      expect(problem({ ...valid, year: 10_000 }).message).toMatch(
        /from 1001 to 9999 .*got 10000\./,
      );
      expect(problem({ ...valid, year: 2026.5 }).message).toMatch(
        /from 1001 to 9999 .*got 2026\.5\./,
      );
      expect(problem({ ...valid, holiday: [] }).message).toMatch(
        /Unknown field "holiday"\. Did you mean "holidays"\? The fields are year, source, published, provisional, holidays, workdays\./,
      );
      expect(
        problem({ year: 2027, holidays: [{ name: "节", days: ["2027-01-01"], extra: 1 }] }),
      ).toEqual({
        path: ["holidays", 0, "extra"],
        reason: "shape",
        message: expect.stringContaining(
          'Unknown field "extra". The fields are name, days, workdays.',
        ),
      });
      expect(problem({ year: 2027 }).message).toMatch(
        /Expected holidays as an array, got undefined\./,
      );
      expect(problem({ year: 2027, holidays: ["元旦"] })).toEqual({
        path: ["holidays", 0],
        reason: "shape",
        message: expect.stringContaining('Expected { name, days }, got the string "元旦".'),
      });
      expect(problem({ year: 2027, holidays: [{ name: "节", days: [] }] }).message).toMatch(
        /A holiday needs at least one day\./,
      );
      expect(problem({ ...valid, published: 5 }).message).toMatch(
        /published must be a date "YYYY-MM-DD", got 5\./,
      );
      expect(problem({ ...valid, provisional: "yes" }).message).toMatch(
        /provisional must be true or false\./,
      );
      expect(problem(oneDay(20270101)).message).toMatch(
        /Expected a real date "YYYY-MM-DD", got 20270101\./,
      );
      expect(details(oneDay(20270101))).toEqual({ reason: "bad-date" });
      expect(details(oneDay("2027-02-29"))).toEqual({ reason: "bad-date", value: "2027-02-29" });
      expect(details(oneDay("2027-01-01/"))).toEqual({ reason: "bad-date", value: "" });
      expect(problem(oneDay("2027-01-01/2027-01-02/2027-01-03")).message).toMatch(
        /Expected "start\/end", got "2027-01-01\/2027-01-02\/2027-01-03"\./,
      );
      expect(details(oneDay("2027-01-01/2027-01-02/2027-01-03"))).toEqual({
        reason: "bad-date",
        value: "2027-01-01/2027-01-02/2027-01-03",
      });
    });

    it("dates that are not real calendar days, whatever year they claim", () => {
      for (const bad of ["2027-13-01", "2027-00-10", "2027-01-00", "0999-01-01", "2027-02-29"]) {
        expect(problem({ year: 2027, holidays: [{ name: "节", days: [bad] }] }), bad).toMatchObject(
          { reason: "bad-date" },
        );
      }
    });

    it("the day before the window opens and the day after it closes", () => {
      for (const [day, year] of [
        ["2026-12-24", 2027],
        ["2028-01-01", 2027],
      ] as const) {
        const error = errorOf(() =>
          parseHolidayArrangement({ year, holidays: [{ name: "节", days: [day] }] }),
        );
        expect(error.details).toEqual({ reason: "outside-year", value: day, year });
        expect(error.message).toContain(
          `${day} is outside 2027: an arrangement lists days of its own year (a run may start from 2026-12-25).`,
        );
      }
    });

    it("duplicates and conflicts, with the day and where it was first listed", () => {
      const twice = errorOf(() =>
        parseHolidayArrangement({
          year: 2027,
          holidays: [
            { name: "元旦", days: ["2027-01-01/2027-01-03"] },
            { name: "又一个", days: ["2027-01-03"] },
          ],
        }),
      );
      expect(twice.details).toEqual({ reason: "duplicate", date: "2027-01-03" });
      expect(twice.message).toMatch(/2027-01-03 is listed twice as a day off\./);
      // A make-up day listed under a holiday and again at the top level.
      const makeUp = errorOf(() =>
        parseHolidayArrangement({
          year: 2027,
          holidays: [{ name: "节", days: ["2027-01-01"], workdays: ["2027-01-09"] }],
          workdays: ["2027-01-09"],
        }),
      );
      expect([makeUp.path, makeUp.details]).toEqual([
        ["workdays", 0],
        { reason: "duplicate", date: "2027-01-09" },
      ]);
      expect(makeUp.message).toMatch(/2027-01-09 is listed twice as a make-up working day\./);
      const conflict = errorOf(() =>
        parseHolidayArrangement({
          year: 2027,
          holidays: [
            { name: "元旦", days: ["2027-01-01"] },
            { name: "春节", days: ["2027-02-05/2027-02-13"], workdays: ["2027-02-06"] },
          ],
        }),
      );
      expect([conflict.path, conflict.details]).toEqual([
        ["holidays", 1, "workdays", 0],
        { reason: "conflict", date: "2027-02-06", dayOffPath: ["holidays", 1, "days", 0] },
      ]);
      expect(conflict.message).toMatch(
        /2027-02-06 is listed both as a day off \(春节\) and as a make-up working day\./,
      );
    });

    it("echoes only a short excerpt of a long bad value", () => {
      const { message } = problem({
        year: 2027,
        holidays: [{ name: "元旦", days: ["x".repeat(5000)] }],
      });
      expect(message.length).toBeLessThan(300);
    });
  });
});
