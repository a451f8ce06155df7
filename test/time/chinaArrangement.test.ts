import { chinaArrangement } from "targetree";
import { describe, expect, it } from "vitest";
import { errorOf } from "../_support/errors.js";

describe("chinaArrangement", () => {
  it("returns a shipped year with runs expanded", () => {
    const arrangement = chinaArrangement(2025);
    expect(arrangement.year).toBe(2025);
    expect(arrangement.source).toBe("国办发明电〔2024〕12号");
    expect(arrangement.published).toBe("2024-11-12");
    expect(arrangement.holidays.at(-1)).toEqual({
      name: "国庆节、中秋节",
      days: [
        "2025-10-01",
        "2025-10-02",
        "2025-10-03",
        "2025-10-04",
        "2025-10-05",
        "2025-10-06",
        "2025-10-07",
        "2025-10-08",
      ],
      workdays: ["2025-09-28", "2025-10-11"],
    });
  });

  it("returns a fresh copy each call", () => {
    const first = chinaArrangement(2026);
    (first.holidays as unknown as unknown[]).length = 0;
    expect(chinaArrangement(2026).holidays).toHaveLength(7);
  });

  it("gives CALENDAR_YEAR_MISSING for a year without a notice, naming covered years and both ways", () => {
    const error = errorOf(() => chinaArrangement(2027));
    expect(error.code).toBe("CALENDAR_YEAR_MISSING");
    expect(error.message).toContain("2004–2026");
    expect(error.message).toContain("arrangements");
    expect(error.message).toContain("provisional");
    expect(error.path).toEqual(["year"]);
    expect(error.details).toEqual({
      year: 2027,
      coveredYears: Array.from({ length: 2026 - 2004 + 1 }, (_, index) => 2004 + index),
    });
    expect(error.message).toContain(
      "No official China holiday arrangement for 2027 is shipped; the data covers 2004–2026.",
    );
    expect(error.message).toContain('chinaArrangement(2027, { missingYears: "provisional" })');
  });

  it('takes missingYears: "error" explicitly, as the default', () => {
    expect(chinaArrangement(2026, { missingYears: "error" }).year).toBe(2026);
    expect(errorOf(() => chinaArrangement(2027, { missingYears: "error" })).code).toBe(
      "CALENDAR_YEAR_MISSING",
    );
  });

  it("accepts the years 1000 and 9999 (and has no data for them)", () => {
    for (const year of [1000, 9999]) {
      expect(errorOf(() => chinaArrangement(year)).code).toBe("CALENDAR_YEAR_MISSING");
    }
  });

  it("gives the provisional arrangement on request", () => {
    expect(chinaArrangement(2027, { missingYears: "provisional" }).provisional).toBe(true);
    expect(chinaArrangement(2026, { missingYears: "provisional" }).provisional).toBeUndefined();
  });

  it("refuses a bad year or option", () => {
    expect(errorOf(() => chinaArrangement("2026" as never)).code).toBe("INVALID_ARGUMENT");
    const option = errorOf(() => chinaArrangement(2026, { missingYears: "x" as never }));
    expect([option.code, option.path]).toEqual(["INVALID_ARGUMENT", ["options", "missingYears"]]);
    expect(option.message).toMatch(
      /missingYears must be "error" or "provisional", got the string "x"\./,
    );
    const misspelt = errorOf(() => chinaArrangement(2026, { missingYear: "error" } as never));
    expect([misspelt.code, misspelt.path]).toEqual(["UNKNOWN_OPTION", ["options", "missingYear"]]);
    expect(misspelt.message).toContain('Did you mean "missingYears"?');
  });

  it("refuses a year that is not a whole number from 1000 to 9999, with its path", () => {
    for (const year of [-1, 0, 999, 10_000, 2026.5, Number.NaN]) {
      const error = errorOf(() => chinaArrangement(year));
      expect([error.code, error.path]).toEqual(["INVALID_ARGUMENT", ["year"]]);
    }
    expect(errorOf(() => chinaArrangement(1999)).path).toEqual(["year"]);
    expect(errorOf(() => chinaArrangement(999)).message).toMatch(
      /Expected a year from 1000 to 9999 such as 2026, got 999\./,
    );
  });

  it("refuses options that are not an object, null included, with INVALID_ARGUMENT", () => {
    for (const options of [null, "abc", Number.NaN, true, [], 1]) {
      const error = errorOf(() => chinaArrangement(2026, options as never));
      expect([error.code, error.path]).toEqual(["INVALID_ARGUMENT", ["options"]]);
    }
    expect(chinaArrangement(2026, undefined).year).toBe(2026);
  });

  it("reads options by own keys only: a missingYears on Object.prototype is ignored", () => {
    const prototype = Object.prototype as Record<string, unknown>;
    prototype.missingYears = "provisional";
    try {
      expect(errorOf(() => chinaArrangement(2027)).code).toBe("CALENDAR_YEAR_MISSING");
    } finally {
      delete prototype.missingYears;
    }
  });
});
