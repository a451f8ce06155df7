import { parseHolidayArrangement } from "targetree";
import { describe, expect, it } from "vitest";
import { deepFreeze, thrown } from "./_helpers.js";

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
  const error = thrown(() => parseHolidayArrangement(input));
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

    it("echoes only a short excerpt of a long bad value", () => {
      const { message } = problem({
        year: 2027,
        holidays: [{ name: "元旦", days: ["x".repeat(5000)] }],
      });
      expect(message.length).toBeLessThan(300);
    });
  });
});
