// Compiled calendars: a calendar value checks its data and builds its day table once, when it is
// created, and every function reads that table instead of checking and walking the data again.
import fc from "fast-check";
import type { Calendar, IsoWeekday } from "targetree";
import {
  chinaCalendar,
  compileCalendar,
  listDays,
  splitByPeriod,
  timeProgress,
  workingDays,
} from "targetree";
import { describe, expect, it } from "vitest";
import { deepFreeze, errorOf, expectCode } from "../_support/errors.js";
import { runs } from "../_support/runs.js";

const day = (n: number) => new Date(Date.UTC(2020, 0, 1 + n)).toISOString().slice(0, 10);

/** What a call gives, or the code and path of what it throws: comparable across calendars. */
function outcome(run: () => unknown): string {
  try {
    return JSON.stringify(run());
  } catch (error) {
    const { code, path } = errorOf(() => {
      throw error;
    });
    return JSON.stringify({ code, path });
  }
}

/** Replaces Intl.DateTimeFormat with one that throws while `run` runs. */
function withoutIntl<T>(run: () => T): T {
  const original = Intl.DateTimeFormat;
  Intl.DateTimeFormat = function refuse() {
    throw new Error("Intl.DateTimeFormat was called");
  } as unknown as typeof Intl.DateTimeFormat;
  try {
    return run();
  } finally {
    Intl.DateTimeFormat = original;
  }
}

describe("chinaCalendar, compiled", () => {
  const provisional = chinaCalendar({ missingYears: "provisional" });

  it("is frozen data: JSON sees the notices' data only, and the copy gives the same answers", () => {
    expect(Object.isFrozen(provisional)).toBe(true);
    expect(Object.isFrozen(provisional.holidays)).toBe(true);
    expect(Object.isFrozen(provisional.holidays?.[0])).toBe(true);
    const copy = JSON.parse(JSON.stringify(provisional)) as Calendar;
    expect(copy.years).toEqual(chinaCalendar().years);
    expect(copy.provisionalYears).toEqual([]);
    expect(copy.missingYears).toBe("china-provisional");
    expect(Object.keys(provisional)).toEqual(Object.keys(copy));
    for (const year of [2026, 2027, 2031, 2032]) {
      const range = [`${year}-01-01`, `${year}-12-31`] as const;
      expect(outcome(() => workingDays(...range, provisional))).toBe(
        outcome(() => workingDays(...range, copy)),
      );
    }
  });

  it("computes its provisional years when it is created, never again on a call", () => {
    const year2027 = { start: "2027-01-01", end: "2027-12-31", grain: "month" } as const;
    // No Intl at all: the compiled calendar answers from its table...
    const split = withoutIntl(() => splitByPeriod("1.2亿", { ...year2027, calendar: provisional }));
    expect(split.provisionalYears).toEqual([2027]);
    expect(split.workingDays).toBe(248);
    // ...while the same data without the table computes 2027 on the call.
    const copy = JSON.parse(JSON.stringify(provisional)) as Calendar;
    expect(() =>
      withoutIntl(() => splitByPeriod("1.2亿", { ...year2027, calendar: copy })),
    ).toThrow("Intl.DateTimeFormat was called");
  });

  it("covers five years past its data by default, and provisionalThrough years on request", () => {
    const year = (y: number) => ({ start: `${y}-01-01`, end: `${y}-12-31` });
    withoutIntl(() => timeProgress("2031-06-30", { ...year(2031), calendar: provisional }));
    expect(() =>
      withoutIntl(() => timeProgress("2032-06-30", { ...year(2032), calendar: provisional })),
    ).toThrow("Intl.DateTimeFormat was called");
    const further = chinaCalendar({ missingYears: "provisional", provisionalThrough: 2035 });
    const progress = withoutIntl(() =>
      timeProgress("2035-06-30", { ...year(2035), calendar: further }),
    );
    // 元旦 2036 is a Tuesday, so 2036's break reaches back to 2035-12-30.
    expect(progress.provisionalYears).toEqual([2035, 2036]);
    // A year past the bound is still answered, computed on the call, with the same result.
    expect(timeProgress("2036-06-30", { ...year(2036), calendar: provisional })).toEqual(
      timeProgress("2036-06-30", { ...year(2036), calendar: further }),
    );
  });

  it("marks late-December days of a precomputed year's 元旦 as that year's, as a call would", () => {
    // 元旦 2030 is a Tuesday: its break starts on 2029-12-30, with a make-up Saturday before it.
    for (const calendar of [
      provisional,
      chinaCalendar({ missingYears: "provisional", provisionalThrough: 2029 }),
      chinaCalendar({ missingYears: "provisional", provisionalThrough: 2027 }),
    ]) {
      const copy = JSON.parse(JSON.stringify(calendar)) as Calendar;
      for (const [start, end] of [
        ["2029-12-28", "2029-12-31"],
        ["2029-12-01", "2029-12-28"],
        ["2029-12-29", "2029-12-29"],
      ] as const) {
        expect(outcome(() => listDays(start, end, calendar))).toBe(
          outcome(() => listDays(start, end, copy)),
        );
      }
    }
    expect(listDays("2029-12-28", "2029-12-31", provisional).provisionalYears).toEqual([
      2029, 2030,
    ]);
  });

  it("refuses a provisionalThrough it cannot use", () => {
    expectCode(() => chinaCalendar({ provisionalThrough: 2030 }), "INVALID_ARGUMENT", [
      "options",
      "provisionalThrough",
    ]);
    for (const bad of [2024, 2100, 2030.5, "2030", null]) {
      expectCode(
        () => chinaCalendar({ missingYears: "provisional", provisionalThrough: bad as never }),
        "INVALID_ARGUMENT",
        ["options", "provisionalThrough"],
      );
    }
  });

  it("refuses a misspelt option, naming the one meant", () => {
    for (const [key, meant] of [
      ["missingYear", "missingYears"],
      ["arrangement", "arrangements"],
      ["provisionalThru", "provisionalThrough"],
    ] as const) {
      const error = expectCode(() => chinaCalendar({ [key]: "x" } as never), "UNKNOWN_OPTION", [
        "options",
        key,
      ]);
      expect(error.message).toContain(`Did you mean "${meant}"?`);
    }
  });
});

describe("compileCalendar", () => {
  const company: Calendar = {
    name: "Acme",
    weekend: [7],
    holidays: ["2026-05-01", { date: "2026-05-04", name: "Founders' Day" }],
    workdays: [{ date: "2026-05-10", name: "Stocktake" }],
    years: [2026],
  };

  it("returns a frozen copy with the same data, and leaves the caller's calendar as it was", () => {
    const given = structuredClone(company);
    const compiled = compileCalendar(given);
    expect(compiled).not.toBe(given);
    expect(JSON.stringify(compiled)).toBe(JSON.stringify(company));
    expect(Object.isFrozen(compiled)).toBe(true);
    expect(Object.isFrozen(given)).toBe(false);
    expect(Object.isFrozen(given.holidays?.[1])).toBe(false);
    expect(compileCalendar(compiled)).toBe(compiled);
    expect(compileCalendar(deepFreeze(structuredClone(company)))).toEqual(compiled);
  });

  it("answers as the data does", () => {
    const compiled = compileCalendar(company);
    expect(workingDays("2026-04-27", "2026-05-10", compiled)).toEqual(
      workingDays("2026-04-27", "2026-05-10", company),
    );
    expect(listDays("2026-05-01", "2026-05-10", compiled)).toEqual(
      listDays("2026-05-01", "2026-05-10", company),
    );
    expect(errorOf(() => workingDays("2027-01-01", "2027-01-02", compiled)).code).toBe(
      "CALENDAR_YEAR_MISSING",
    );
  });

  it("ignores a table copied onto another object, and a spread keeps only the data", () => {
    const compiled = compileCalendar(company);
    // The forged object says Sunday is a working day; the table it carries would say otherwise.
    const forged: Record<string | symbol, unknown> = { ...compiled, weekend: [6] };
    for (const key of Object.getOwnPropertySymbols(compiled)) {
      Object.defineProperty(forged, key, Object.getOwnPropertyDescriptor(compiled, key)!);
    }
    expect(Object.getOwnPropertySymbols(forged)).toHaveLength(1);
    const week = ["2026-05-04", "2026-05-10"] as const;
    expect(workingDays(...week, forged as Calendar).workingDays).toBe(
      workingDays(...week, { ...company, weekend: [6] }).workingDays,
    );
    expect(workingDays(...week, { ...compiled }).workingDays).toBe(
      workingDays(...week, company).workingDays,
    );
  });

  it("checks the data once, as a call would: a misspelt field is UNKNOWN_OPTION", () => {
    const error = expectCode(
      () => compileCalendar({ holiday: ["2026-05-01"] } as never),
      "UNKNOWN_OPTION",
      ["calendar", "holiday"],
    );
    expect(error.message).toContain('Did you mean "holidays"?');
    expectCode(() => compileCalendar(new Map() as never), "INVALID_ARGUMENT", ["calendar"]);
    expectCode(
      () => compileCalendar({ holidays: ["2026-05-01"], workdays: ["2026-05-01"] }),
      "CALENDAR_CONFLICT",
      ["calendar", "workdays", 0],
    );
  });

  describe("properties", () => {
    const calendarArbitrary = fc.record({
      weekend: fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { maxLength: 3 }),
      holidays: fc.uniqueArray(fc.integer({ min: 0, max: 2200 }), { maxLength: 40 }),
      workdays: fc.uniqueArray(fc.integer({ min: 0, max: 2200 }), { maxLength: 20 }),
      years: fc.option(fc.constant([2020, 2021, 2022, 2023, 2024, 2025]), { nil: undefined }),
      missingYears: fc.constantFrom("error", "weekends-only"),
    });

    it("gives the same counts, days and progress as the uncompiled calendar on random ranges", () => {
      fc.assert(
        fc.property(
          calendarArbitrary,
          fc.integer({ min: -100, max: 2300 }),
          fc.integer({ min: 0, max: 500 }),
          fc.integer({ min: -20, max: 520 }),
          (shape, from, length, asOf) => {
            const holidays = shape.holidays.map(day);
            const data: Calendar = {
              weekend: shape.weekend as IsoWeekday[],
              holidays,
              workdays: shape.workdays.map(day).filter((date) => !holidays.includes(date)),
              missingYears: shape.missingYears,
              ...(shape.years === undefined ? {} : { years: shape.years }),
            };
            const compiled = compileCalendar(data);
            const [start, end] = [day(from), day(from + length)];
            expect(outcome(() => workingDays(start, end, compiled))).toBe(
              outcome(() => workingDays(start, end, data)),
            );
            expect(outcome(() => listDays(start, end, compiled))).toBe(
              outcome(() => listDays(start, end, data)),
            );
            const period = { start, end };
            expect(
              outcome(() => timeProgress(day(from + asOf), { ...period, calendar: compiled })),
            ).toBe(outcome(() => timeProgress(day(from + asOf), { ...period, calendar: data })));
          },
        ),
        { numRuns: runs(150) },
      );
    });

    it("gives chinaCalendar's answers from the table and from its JSON copy alike", () => {
      const compiled = chinaCalendar({ missingYears: "provisional", provisionalThrough: 2028 });
      const copy = JSON.parse(JSON.stringify(compiled)) as Calendar;
      fc.assert(
        fc.property(
          fc.integer({ min: 0, max: 4000 }),
          fc.integer({ min: 0, max: 400 }),
          (from, length) => {
            const [start, end] = [day(from), day(from + length)];
            expect(outcome(() => workingDays(start, end, compiled))).toBe(
              outcome(() => workingDays(start, end, copy)),
            );
            expect(outcome(() => timeProgress(end, { start, end, calendar: compiled }))).toBe(
              outcome(() => timeProgress(end, { start, end, calendar: copy })),
            );
            // Each day's kind and holiday name, read from the table or from the lists.
            const byDay = { start, end, grain: "day", spreadBy: "calendar-days" } as const;
            expect(outcome(() => splitByPeriod(100, { ...byDay, calendar: compiled }))).toBe(
              outcome(() => splitByPeriod(100, { ...byDay, calendar: copy })),
            );
          },
        ),
        { numRuns: runs(60) },
      );
    });
  });
});
