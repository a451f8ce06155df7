import { chinaArrangement } from "targetree";
import { describe, expect, it } from "vitest";
import { thrown } from "./_helpers.js";

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
    const error = thrown(() => chinaArrangement(2027));
    expect(error.code).toBe("CALENDAR_YEAR_MISSING");
    expect(error.message).toContain("2020–2026");
    expect(error.message).toContain("arrangements");
    expect(error.message).toContain("provisional");
  });

  it("gives the provisional arrangement on request", () => {
    expect(chinaArrangement(2027, { missingYears: "provisional" }).provisional).toBe(true);
    expect(chinaArrangement(2026, { missingYears: "provisional" }).provisional).toBeUndefined();
  });

  it("refuses a bad year or option", () => {
    expect(thrown(() => chinaArrangement("2026" as never)).code).toBe("INVALID_ARGUMENT");
    expect(thrown(() => chinaArrangement(2026, { missingYears: "x" as never })).code).toBe(
      "INVALID_ARGUMENT",
    );
  });
});
