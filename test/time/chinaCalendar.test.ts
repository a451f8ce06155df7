import chineseDays from "chinese-days";
import fc from "fast-check";
import { chinaArrangement, chinaCalendar, listDays, splitByPeriod, workingDays } from "targetree";
import { describe, expect, it } from "vitest";
import { errorOf } from "../_support/errors.js";
import { runs } from "../_support/runs.js";

const calendar = chinaCalendar();
const SHIPPED_YEARS = Array.from({ length: 2026 - 2004 + 1 }, (_, index) => 2004 + index);

/**
 * Days where the shipped data follows the notice and chinese-days 1.5.7 does not: the 2006
 * notice (国办发明电〔2005〕35号) makes Saturday 2005-12-31 a working day ("12月31日(星期六)上班").
 */
const CHINESE_DAYS_MISSES: ReadonlySet<string> = new Set(["2005-12-31"]);
/** chinese-days' Chinese name for a day ("Spring Festival,春节,3" → "春节"). */
const chineseDaysName = (date: string) => chineseDays.getDayDetail(date).name.split(",")[1];

describe("chinaCalendar", () => {
  describe("shipped data", () => {
    for (const year of SHIPPED_YEARS) {
      it(`agrees with chinese-days on every day of ${year}: working or not, holiday or make-up day, and its name`, () => {
        const { days } = listDays(`${year}-01-01`, `${year}-12-31`, calendar);
        expect(days.length).toBe(year % 4 === 0 ? 366 : 365);
        const checked = days.filter((day) => !CHINESE_DAYS_MISSES.has(day.date));
        const disagreements = checked.filter(
          (day) =>
            chineseDays.isWorkday(day.date) !== day.working ||
            chineseDays.isHoliday(day.date) === day.working,
        );
        expect(disagreements.map((day) => day.date)).toEqual([]);
        // A weekday off is a named holiday, a weekend day worked a named make-up day.
        const misclassified = checked.filter(
          (day) =>
            day.weekday >= 6 === day.working &&
            (day.kind !== (day.working ? "make-up" : "holiday") ||
              !day.name?.includes(chineseDaysName(day.date) ?? "(none)")),
        );
        expect(misclassified.map((day) => [day.date, day.kind, day.name])).toEqual([]);
      });
    }

    it("follows the 2006 notice on 2005-12-31, a Saturday worked, where chinese-days has a day off", () => {
      expect(chineseDays.isWorkday("2005-12-31")).toBe(false);
      expect(listDays("2005-12-31", "2005-12-31", calendar).days[0]).toMatchObject({
        weekday: 6,
        working: true,
        kind: "make-up",
        name: "元旦补班",
      });
    });

    it("counts the working days of any range in 2004–2026 as chinese-days does", () => {
      const first = Date.UTC(2004, 0, 1);
      const isoOf = (offset: number) =>
        new Date(first + offset * 86_400_000).toISOString().slice(0, 10);
      const lastOffset = (Date.UTC(2026, 11, 31) - first) / 86_400_000;
      fc.assert(
        fc.property(
          fc.integer({ min: 0, max: lastOffset }),
          fc.integer({ min: 0, max: 800 }),
          (from, length) => {
            const to = Math.min(from + length, lastOffset);
            let expected = 0;
            for (let offset = from; offset <= to; offset++) {
              const date = isoOf(offset);
              if (chineseDays.isWorkday(date) !== CHINESE_DAYS_MISSES.has(date)) expected++;
            }
            const { days } = listDays(isoOf(from), isoOf(to), calendar);
            expect(days.filter((day) => day.working)).toHaveLength(expected);
          },
        ),
        { numRuns: runs(100) },
      );
    });

    it("counts each year's working days, 2004–2026", () => {
      const counts = SHIPPED_YEARS.map(
        (year) =>
          listDays(`${year}-01-01`, `${year}-12-31`, calendar).days.filter((day) => day.working)
            .length,
      );
      expect(counts).toEqual([
        252, 251, 251, 249, 251, 250, 250, 250, 249, 250, 250, 249, 250, 249, 250, 250, 249, 250,
        249, 249, 251, 248, 248,
      ]);
    });

    it("keeps the rules of each period: 7-day 劳动节 weeks until 2007, 清明/端午/中秋 from 2008", () => {
      const offIn = (start: string, end: string) =>
        listDays(start, end, calendar)
          .days.filter((day) => !day.working)
          .map((day) => day.date);
      expect(offIn("2007-05-01", "2007-05-08")).toEqual([
        "2007-05-01",
        "2007-05-02",
        "2007-05-03",
        "2007-05-04",
        "2007-05-05",
        "2007-05-06",
        "2007-05-07",
      ]);
      expect(offIn("2008-05-01", "2008-05-04")).toEqual(["2008-05-01", "2008-05-02", "2008-05-03"]);
      expect(chinaArrangement(2007).holidays.map((holiday) => holiday.name)).toEqual([
        "元旦",
        "春节",
        "劳动节",
        "国庆节",
      ]);
      expect(chinaArrangement(2008).holidays.map((holiday) => holiday.name)).toEqual([
        "元旦",
        "春节",
        "清明节",
        "劳动节",
        "端午节",
        "中秋节",
        "国庆节",
      ]);
    });

    it("has 2015's victory-day break (09-03 to 09-05 off, Sunday 09-06 worked) and 2019's amended 劳动节", () => {
      expect(
        listDays("2015-09-03", "2015-09-06", calendar).days.map((day) => [day.working, day.kind]),
      ).toEqual([
        [false, "holiday"],
        [false, "holiday"],
        [false, "holiday"],
        [true, "make-up"],
      ]);
      expect(
        listDays("2019-04-28", "2019-05-05", calendar).days.map((day) => Number(day.working)),
      ).toEqual([1, 1, 1, 0, 0, 0, 0, 1]);
    });

    it("counts 248 working days in 2026", () => {
      expect(workingDays("2026-01-01", "2026-12-31", calendar).workingDays).toBe(248);
    });

    it("counts 2026's working days by month as 21, 16, 22, 21, 19, 21, 23, 21, 22, 18, 21, 23", () => {
      const months = splitByPeriod(248, {
        start: "2026-01-01",
        end: "2026-12-31",
        grain: "month",
        calendar,
        unit: 1,
      }).periods;
      expect(months.map((month) => month.workingDays)).toEqual([
        21, 16, 22, 21, 19, 21, 23, 21, 22, 18, 21, 23,
      ]);
      expect(months.map((month) => month.value.toNumber())).toEqual([
        21, 16, 22, 21, 19, 21, 23, 21, 22, 18, 21, 23,
      ]);
    });

    it("has 33 days off and 6 make-up days in 2026, and 28 and 5 in 2025 (the spec's tables)", () => {
      for (const [year, off, makeUp] of [
        [2026, 33, 6],
        [2025, 28, 5],
      ] as const) {
        const arrangement = chinaArrangement(year);
        expect(arrangement.holidays.flatMap((holiday) => holiday.days)).toHaveLength(off);
        expect(arrangement.holidays.flatMap((holiday) => holiday.workdays ?? [])).toHaveLength(
          makeUp,
        );
      }
    });

    it("names holidays and make-up days", () => {
      const days = listDays("2026-02-14", "2026-02-16", calendar).days;
      expect(days.map((day) => [day.kind, day.name])).toEqual([
        ["make-up", "春节补班"],
        ["holiday", "春节"],
        ["holiday", "春节"],
      ]);
    });

    it("knows the 2023 元旦 run that began on 2022-12-31", () => {
      expect(listDays("2022-12-31", "2022-12-31", calendar).days[0]).toMatchObject({
        kind: "holiday",
        name: "元旦",
      });
    });

    it("is plain data: a JSON round trip gives the same answers", () => {
      const copy = JSON.parse(JSON.stringify(chinaCalendar({ missingYears: "provisional" })));
      expect(workingDays("2026-01-01", "2026-12-31", copy).workingDays).toBe(248);
      expect(workingDays("2027-01-01", "2027-12-31", copy).provisional).toBe(true);
    });

    it("is a Saturday–Sunday calendar named for mainland China, strict about missing years by default", () => {
      expect(calendar).toMatchObject({
        name: "China (mainland) statutory holidays",
        weekend: [6, 7],
        missingYears: "error",
      });
      expect(chinaCalendar({ missingYears: "error" }).missingYears).toBe("error");
      expect(chinaCalendar({ missingYears: "provisional" }).missingYears).toBe("china-provisional");
      expect(chinaCalendar({ missingYears: "weekends-only" }).missingYears).toBe("weekends-only");
      expect(calendar.sources).toHaveLength(SHIPPED_YEARS.length);
      expect(calendar.sources?.at(-1)).toMatch(/^2026: /);
    });

    it("lists holidays and make-up days in date order", () => {
      for (const list of [calendar.holidays ?? [], calendar.workdays ?? []]) {
        const dates = list.map((day) => (typeof day === "string" ? day : day.date));
        expect(dates).toEqual([...dates].sort());
      }
    });

    it("lists its years, sources and no provisional years", () => {
      expect(calendar.years).toEqual(SHIPPED_YEARS);
      expect(calendar.provisionalYears).toEqual([]);
      expect(calendar.sources?.[0]).toBe("2004: 国办发明电〔2003〕53号");
      expect(calendar.sources?.[21]).toBe("2025: 国办发明电〔2024〕12号");
      expect(workingDays("2026-01-01", "2026-12-31", calendar).provisional).toBe(false);
    });
  });

  describe("a year without data", () => {
    it("is CALENDAR_YEAR_MISSING, naming the covered years and both ways forward", () => {
      const error = errorOf(() => workingDays("2027-01-01", "2027-12-31", calendar));
      expect(error.code).toBe("CALENDAR_YEAR_MISSING");
      expect(error.message).toContain("2027");
      expect(error.message).toContain("2004–2026");
      expect(error.message).toContain("arrangements");
      expect(error.message).toContain('missingYears: "provisional"');
      expect(error.details).toMatchObject({ year: 2027 });
      expect(error.path).toEqual(["calendar"]);
    });

    it("is an error for a range that only touches the year (2026-12-01 – 2027-01-31)", () => {
      expect(errorOf(() => workingDays("2026-12-01", "2027-01-31", calendar)).code).toBe(
        "CALENDAR_YEAR_MISSING",
      );
    });

    it("is an error before the data too (2003), with no provisional offer that cannot work", () => {
      const error = errorOf(() =>
        workingDays("2003-01-01", "2003-12-31", chinaCalendar({ missingYears: "provisional" })),
      );
      expect(error.code).toBe("CALENDAR_YEAR_MISSING");
      expect(error.message).toContain("2025–2099");
    });

    it("can be treated as an ordinary year on request", () => {
      const ordinary = chinaCalendar({ missingYears: "weekends-only" });
      expect(workingDays("2027-01-01", "2027-01-31", ordinary).workingDays).toBe(21);
    });
  });

  describe("provisional years", () => {
    const provisional = chinaCalendar({ missingYears: "provisional" });

    it("marks every result that touches a provisional year", () => {
      const result = workingDays("2026-12-01", "2027-01-31", provisional);
      expect(result.provisional).toBe(true);
      expect(result.provisionalYears).toEqual([2027]);
      const split = splitByPeriod("1.2亿", {
        start: "2027-01-01",
        end: "2027-12-31",
        grain: "month",
        calendar: provisional,
      });
      expect(split.provisional).toBe(true);
      expect(split.provisionalYears).toEqual([2027]);
    });

    it("leaves official years unmarked", () => {
      expect(workingDays("2026-01-01", "2026-12-31", provisional)).toMatchObject({
        workingDays: 248,
        provisional: false,
        provisionalYears: [],
      });
    });

    it("takes late-December days from a provisional next year (元旦 2030 starts 2029-12-30)", () => {
      const days = listDays("2029-12-28", "2029-12-31", provisional);
      expect(days.provisionalYears).toEqual([2029, 2030]);
      expect(days.days.map((day) => day.kind)).toEqual([
        "workday",
        "make-up",
        "holiday",
        "holiday",
      ]);
    });

    it("gives 2027 its provisional holidays (元旦 Fri 2027-01-01 joins the weekend)", () => {
      const days = listDays("2027-01-01", "2027-01-04", provisional).days;
      expect(days.map((day) => day.working)).toEqual([false, false, false, true]);
    });

    it("takes late-December days from a provisional next year only when the range reaches them", () => {
      expect(listDays("2029-12-01", "2029-12-28", provisional).provisionalYears).toEqual([2029]);
      // The make-up day alone, then the days off alone, are enough to mark 2030.
      expect(listDays("2029-12-29", "2029-12-29", provisional)).toEqual({
        days: [
          { date: "2029-12-29", weekday: 6, working: true, kind: "make-up", name: "元旦补班" },
        ],
        provisional: true,
        provisionalYears: [2029, 2030],
      });
      const offOnly = listDays("2029-12-30", "2029-12-31", provisional);
      expect(offOnly.days.map((day) => [day.kind, day.name])).toEqual([
        ["holiday", "元旦"],
        ["holiday", "元旦"],
      ]);
      expect(offOnly.provisionalYears).toEqual([2029, 2030]);
    });
  });

  describe("user-supplied arrangements", () => {
    // 2027 filled in as a user would from a notice (dates invented for the test).
    const notice2027 = {
      year: 2027,
      source: "国办发明电〔2026〕N号",
      holidays: [
        { name: "元旦", days: ["2027-01-01/2027-01-03"] },
        { name: "春节", days: ["2027-02-05/2027-02-13"], workdays: ["2027-01-31", "2027-02-14"] },
      ],
      workdays: ["2027-09-26"],
    };

    it("adds a year, official (not provisional)", () => {
      const withNotice = chinaCalendar({ arrangements: [notice2027] });
      expect(withNotice.years).toContain(2027);
      const february = workingDays("2027-02-01", "2027-02-28", withNotice);
      expect(february.provisional).toBe(false);
      expect(february.workingDays).toBe(20 - 6 + 1);
      expect(listDays("2027-09-26", "2027-09-26", withNotice).days[0]).toMatchObject({
        kind: "make-up",
        name: "补班",
      });
    });

    it("replaces a shipped year (261 weekdays in 2026, minus 元旦)", () => {
      const replaced = chinaCalendar({
        arrangements: [{ year: 2026, holidays: [{ name: "元旦", days: ["2026-01-01"] }] }],
      });
      expect(workingDays("2026-01-01", "2026-12-31", replaced).workingDays).toBe(261 - 1);
    });

    it("marks an arrangement flagged provisional", () => {
      const flagged = chinaCalendar({ arrangements: [{ ...notice2027, provisional: true }] });
      expect(flagged.provisionalYears).toEqual([2027]);
      expect(workingDays("2027-01-01", "2027-01-31", flagged).provisional).toBe(true);
    });

    it("refuses two arrangements for one year", () => {
      const error = errorOf(() => chinaCalendar({ arrangements: [notice2027, notice2027] }));
      expect(error.code).toBe("INVALID_CALENDAR_DATA");
      expect(error.path).toEqual(["options", "arrangements", 1, "year"]);
      expect(error.details).toEqual({ reason: "year", year: 2027 });
      expect(error.message).toMatch(/Two arrangements are given for 2027; pass one per year\./);
    });

    it("refuses a malformed arrangement with the path to the bad value", () => {
      const error = errorOf(() =>
        chinaCalendar({
          arrangements: [
            { year: 2027, holidays: [{ name: "元旦", days: ["2027-01-01", "2027-02-30"] }] },
          ],
        }),
      );
      expect(error.code).toBe("INVALID_CALENDAR_DATA");
      expect(error.path).toEqual(["options", "arrangements", 0, "holidays", 0, "days", 1]);
    });

    it("refuses arrangements that disagree about a day (CALENDAR_CONFLICT)", () => {
      // 2023's shipped data has 2022-12-31 off; a 2022 notice making it a make-up day conflicts.
      const error = errorOf(() =>
        chinaCalendar({
          arrangements: [{ year: 2022, holidays: [], workdays: ["2022-12-31"] }],
        }),
      );
      expect(error.code).toBe("CALENDAR_CONFLICT");
      expect(error.path).toEqual(["CHINA_HOLIDAY_DATA", 2023 - 2004]);
      expect(error.details).toEqual({
        date: "2022-12-31",
        otherPath: ["options", "arrangements", 0],
      });
    });

    it("refuses arrangements that are not an array, and unknown missingYears", () => {
      const notArray = errorOf(() => chinaCalendar({ arrangements: {} as never }));
      expect([notArray.code, notArray.path, notArray.details]).toEqual([
        "INVALID_CALENDAR_DATA",
        ["options", "arrangements"],
        { reason: "shape" },
      ]);
      expect(notArray.message).toMatch(/arrangements must be an array, got an object\./);
      const missing = errorOf(() => chinaCalendar({ missingYears: "guess" as never }));
      expect([missing.code, missing.path]).toEqual([
        "INVALID_ARGUMENT",
        ["options", "missingYears"],
      ]);
      expect(missing.message).toMatch(
        /missingYears must be "error" or "provisional" or "weekends-only", got the string "guess"\./,
      );
    });

    it("says '(no source given)' for an arrangement without a source", () => {
      const replaced = chinaCalendar({
        arrangements: [{ year: 2026, holidays: [{ name: "元旦", days: ["2026-01-01"] }] }],
      });
      expect(replaced.sources?.at(-1)).toBe("2026: (no source given)");
      expect(chinaCalendar({ arrangements: [notice2027] }).sources?.at(-1)).toBe(
        "2027: 国办发明电〔2026〕N号",
      );
    });

    it("keeps the earlier year's name for a day off listed by two years' arrangements", () => {
      // 2023's shipped 元旦 run starts on 2022-12-31; a 2022 notice listing that day too wins.
      const both = chinaCalendar({
        arrangements: [{ year: 2022, holidays: [{ name: "跨年", days: ["2022-12-31"] }] }],
      });
      expect(
        both.holidays?.filter((day) => typeof day !== "string" && day.date === "2022-12-31"),
      ).toEqual([{ date: "2022-12-31", name: "跨年" }]);
    });

    it("sorts days from arrangements given out of order, naming top-level make-up days 补班", () => {
      const unordered = chinaCalendar({
        arrangements: [
          {
            year: 2027,
            holidays: [
              { name: "国庆节", days: ["2027-10-01/2027-10-03"] },
              { name: "元旦", days: ["2027-01-01"] },
            ],
            workdays: ["2027-09-26", "2027-01-03"],
          },
        ],
      });
      expect(unordered.holidays?.slice(-4)).toEqual([
        { date: "2027-01-01", name: "元旦" },
        { date: "2027-10-01", name: "国庆节" },
        { date: "2027-10-02", name: "国庆节" },
        { date: "2027-10-03", name: "国庆节" },
      ]);
      expect(unordered.workdays?.slice(-2)).toEqual([
        { date: "2027-01-03", name: "补班" },
        { date: "2027-09-26", name: "补班" },
      ]);
    });

    it("refuses a later year's make-up day that an earlier year has off, naming both arrangements", () => {
      const error = errorOf(() =>
        chinaCalendar({
          arrangements: [
            { year: 2026, holidays: [{ name: "岁末", days: ["2026-12-28"] }] },
            { year: 2027, holidays: [], workdays: ["2026-12-28"] },
          ],
        }),
      );
      expect([error.code, error.path]).toEqual([
        "CALENDAR_CONFLICT",
        ["options", "arrangements", 1],
      ]);
      expect(error.details).toEqual({
        date: "2026-12-28",
        otherPath: ["options", "arrangements", 0],
      });
      expect(error.message).toMatch(
        /2026-12-28 is a day off in one arrangement and a make-up working day in another\./,
      );
    });

    it("does not change the arrangements it is given", () => {
      const frozen = Object.freeze({
        ...notice2027,
        holidays: Object.freeze(notice2027.holidays.map((h) => Object.freeze({ ...h }))),
      });
      const before = JSON.stringify(frozen);
      chinaCalendar({ arrangements: Object.freeze([frozen]) });
      expect(JSON.stringify(frozen)).toBe(before);
    });
  });
});
