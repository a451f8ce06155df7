import fc from "fast-check";
import {
  chinaCalendar,
  paceGap,
  projectRunRate,
  requiredRunRate,
  type TargetreeError,
  timeProgress,
} from "targetree";
import { describe, expect, it } from "vitest";
import { Decimal } from "../../src/_lib/decimal.js";
import { deepFreeze, expectCode } from "../_support/errors.js";
import { runs } from "../_support/runs.js";

const june = { start: "2026-06-01", end: "2026-06-30", calendar: chinaCalendar() } as const;

describe("projectRunRate", () => {
  it("projects actual / elapsed working days × total working days on the China calendar", () => {
    const pace = projectRunRate({ actual: "40万", asOf: "2026-06-12", ...june });
    expect([pace.workingDaysElapsed, pace.workingDaysRemaining, pace.workingDays]).toEqual([
      10, 11, 21,
    ]);
    expect(pace.perWorkingDay!.toString()).toBe("40000");
    expect(pace.forecast!.toString()).toBe("840000");
    expect(pace.reason).toBeNull();
    expect(pace.status).toBe("during");
  });

  it("counts the as-of day as elapsed by default, as timeProgress does", () => {
    const end = projectRunRate({ actual: 90, asOf: "2026-06-02", ...june });
    const start = projectRunRate({
      actual: 90,
      asOf: "2026-06-02",
      ...june,
      asOfCounts: "remaining",
    });
    expect(end.workingDaysElapsed).toBe(2);
    expect(start.workingDaysElapsed).toBe(1);
    expect(start.forecast!.toString()).toBe("1890");
  });

  it('accepts asOfCounts: "elapsed" spelled out, the same as the default', () => {
    const spelled = projectRunRate({
      actual: 90,
      asOf: "2026-06-02",
      ...june,
      asOfCounts: "elapsed",
    });
    expect(spelled.workingDaysElapsed).toBe(2);
    expect(spelled.forecast!.toString()).toBe("945");
  });

  it("forecasts exactly the actual once the period is over, whatever its digits", () => {
    const actual = "1234567890123456789012345678901234567890123456789012345678901234567";
    const after = projectRunRate({ actual, asOf: "2026-07-03", ...june });
    expect(after.workingDaysElapsed).toBe(after.workingDays);
    expect(after.forecast!).toEqualDecimal(actual);
  });

  it("does not move on a holiday: 端午 06-19 adds no working day", () => {
    const thursday = projectRunRate({ actual: 100, asOf: "2026-06-18", ...june });
    const holiday = projectRunRate({ actual: 100, asOf: "2026-06-19", ...june });
    expect(holiday.workingDaysElapsed).toBe(thursday.workingDaysElapsed);
    expect(holiday.forecast!).toEqualDecimal(thursday.forecast!);
  });

  it("gives a null forecast with a reason before the first working day, and the actual after the end", () => {
    const before = projectRunRate({ actual: 0, asOf: "2026-05-31", ...june });
    expect(before.forecast).toBeNull();
    expect(before.reason).toMatch(/No working day/);
    expect(before.status).toBe("before");
    const after = projectRunRate({ actual: 123, asOf: "2026-07-03", ...june });
    expect(after.forecast!.toString()).toBe("123");
  });

  it("does not mutate frozen input", () => {
    const input = deepFreeze({
      actual: 10,
      asOf: "2026-06-05",
      start: "2026-06-01",
      end: "2026-06-30",
    });
    expect(projectRunRate(input).forecast!.toString()).toBe("44");
  });

  it("rejects bad input", () => {
    expectCode(
      () => projectRunRate({ actual: Number.NaN, asOf: "2026-06-05", ...june }),
      "INVALID_NUMBER",
      ["actual"],
    );
    expectCode(() => projectRunRate({ asOf: "2026-06-05", ...june } as never), "INVALID_ARGUMENT", [
      "actual",
    ]);
    const notAnObject = expectCode(() => projectRunRate(null as never), "INVALID_ARGUMENT", []);
    expect(notAnObject.message).toMatch(/projectRunRate input must be an object, got null/);
    expectCode(() => projectRunRate({ actual: 1, asOf: "June 5", ...june }), "INVALID_DATE");
    expectCode(
      () =>
        projectRunRate({ actual: 1, asOf: "2026-06-05", start: "2026-06-06", end: "2026-06-07" }),
      "NO_WORKING_DAYS",
    );
    expectCode(
      () => projectRunRate({ actual: 1, asOf: "2026-06-05", ...june, asOfCounts: "now" as never }),
      "INVALID_ARGUMENT",
      ["asOfCounts"],
    );
    expectCode(
      () =>
        projectRunRate({
          actual: 1,
          asOf: "2027-06-05",
          start: "2027-06-01",
          end: "2027-06-30",
          calendar: chinaCalendar(),
        }),
      "CALENDAR_YEAR_MISSING",
    );
  });
});

describe("provisional calendar years", () => {
  it("names the provisional years a pace result rests on, and none on official data", () => {
    const provisional = chinaCalendar({ missingYears: "provisional" });
    const period = { start: "2026-12-01", end: "2027-01-31", calendar: provisional } as const;
    const project = projectRunRate({ actual: 100, asOf: "2026-12-15", ...period });
    expect([project.provisional, project.provisionalYears]).toEqual([true, [2027]]);
    const required = requiredRunRate({ target: 300, actual: 100, asOf: "2026-12-15", ...period });
    expect([required.provisional, required.provisionalYears]).toEqual([true, [2027]]);
    const gap = paceGap({ target: 300, actual: 100, asOf: "2026-12-15", ...period });
    expect([gap.provisional, gap.provisionalYears]).toEqual([true, [2027]]);
    const official = projectRunRate({ actual: 100, asOf: "2026-06-12", ...june });
    expect([official.provisional, official.provisionalYears]).toEqual([false, []]);
  });
});

describe("requiredRunRate", () => {
  it("divides what is left by the working days left", () => {
    const pace = requiredRunRate({ target: "100万", actual: "40万", asOf: "2026-06-12", ...june });
    expect(pace.remaining.toString()).toBe("600000");
    expect(pace.workingDaysRemaining).toBe(11);
    expect(pace.perWorkingDay!.toFixed(2)).toBe("54545.45");
    expect(pace.actualPerWorkingDay!.toString()).toBe("40000");
    expect(pace.reached).toBe(false);
  });

  it("needs nothing more once the target is reached", () => {
    const pace = requiredRunRate({ target: 100, actual: 120, asOf: "2026-06-12", ...june });
    expect(pace.perWorkingDay!.toString()).toBe("0");
    expect(pace.remaining.toString()).toBe("-20");
    expect(pace.reached).toBe(true);
  });

  it("gives null with a reason when no working day is left, never Infinity", () => {
    const pace = requiredRunRate({ target: 100, actual: 50, asOf: "2026-06-30", ...june });
    expect(pace.workingDaysRemaining).toBe(0);
    expect(pace.perWorkingDay).toBeNull();
    expect(pace.reason).toMatch(/No working day/);
    const before = requiredRunRate({ target: 100, actual: 0, asOf: "2026-05-20", ...june });
    expect(before.actualPerWorkingDay).toBeNull();
    expect(before.perWorkingDay!).toEqualDecimal(new Decimal(100).div(21));
  });

  it("does not mutate frozen input", () => {
    const input = deepFreeze({
      target: 10,
      actual: 0,
      asOf: "2026-06-01",
      start: "2026-06-01",
      end: "2026-06-05",
    });
    expect(requiredRunRate(input).perWorkingDay!.toString()).toBe("2.5");
  });

  it("rejects bad input", () => {
    expectCode(
      () => requiredRunRate({ target: "", actual: 1, asOf: "2026-06-05", ...june }),
      "INVALID_NUMBER",
      ["target"],
    );
    expectCode(
      () => requiredRunRate({ target: 1, actual: null as never, asOf: "2026-06-05", ...june }),
      "INVALID_NUMBER",
      ["actual"],
    );
    expectCode(
      () =>
        requiredRunRate({
          target: 1,
          actual: 1,
          asOf: "2026-06-05",
          start: "2026-06-30",
          end: "2026-06-01",
        }),
      "INVALID_RANGE",
    );
    const notAnObject = expectCode(() => requiredRunRate(null as never), "INVALID_ARGUMENT", []);
    expect(notAnObject.message).toMatch(/requiredRunRate input must be an object, got null/);
  });
});

describe("paceGap", () => {
  it("gives achievement − time progress (进度差), negative when behind", () => {
    const result = paceGap({ actual: "40万", target: "100万", asOf: "2026-06-12", ...june });
    expect(result.achievement!.toString()).toBe("0.4");
    expect(result.timeProgress.toFixed(4)).toBe("0.4762");
    expect(result.paceGap!.toFixed(4)).toBe("-0.0762");
    expect(result.pace).toBe("behind");
  });

  it("says ahead and on pace", () => {
    const ahead = paceGap({ actual: 60, target: 100, asOf: "2026-06-12", ...june });
    expect(ahead.pace).toBe("ahead");
    const onPace = paceGap({ actual: 10, target: 21, asOf: "2026-06-12", ...june });
    expect(onPace.paceGap!).toEqualDecimal(0);
    expect(onPace.pace).toBe("on-pace");
  });

  it("uses the direction's achievement, and null with a reason for a zero target", () => {
    const costs = paceGap({
      actual: 50,
      target: 40,
      direction: "lower",
      asOf: "2026-06-30",
      ...june,
    });
    expect(costs.achievement!.toString()).toBe("0.8");
    expect(costs.paceGap!.toString()).toBe("-0.2");
    const zero = paceGap({ actual: 5, target: 0, asOf: "2026-06-12", ...june });
    expect(zero.paceGap).toBeNull();
    expect(zero.pace).toBeNull();
    expect(zero.reason).toMatch(/target is zero/);
    const nothingSpent = paceGap({
      actual: 0,
      target: 40,
      direction: "lower",
      asOf: "2026-06-12",
      ...june,
    });
    expect(nothingSpent.achievement).toBeNull();
    expect(nothingSpent.reason).toBe(
      "The actual is zero, so achievement for a lower-is-better metric (target / actual) is undefined.",
    );
  });

  it("does not mutate frozen input", () => {
    const input = deepFreeze({
      actual: 5,
      target: 10,
      asOf: "2026-06-05",
      start: "2026-06-01",
      end: "2026-06-10",
    });
    expect(paceGap(input).paceGap!.toString()).toBe("-0.125");
  });

  it("rejects bad input", () => {
    expectCode(
      () => paceGap({ actual: 1, target: Number.POSITIVE_INFINITY, asOf: "2026-06-05", ...june }),
      "INVALID_NUMBER",
      ["target"],
    );
    expectCode(
      () =>
        paceGap({ actual: 1, target: 2, asOf: "2026-06-05", ...june, direction: "up" as never }),
      "INVALID_ARGUMENT",
      ["direction"],
    );
    expectCode(
      () => paceGap({ target: 2, asOf: "2026-06-05", ...june } as never),
      "INVALID_ARGUMENT",
      ["actual"],
    );
    const notAnObject = expectCode(() => paceGap(null as never), "INVALID_ARGUMENT", []);
    expect(notAnObject.message).toMatch(/paceGap input must be an object, got null/);
  });

  it("refuses figures past the supported magnitude with NUMBER_TOO_LARGE (and the run rates too)", () => {
    const june = { asOf: "2026-06-12", start: "2026-06-01", end: "2026-06-30" };
    expectCode(() => paceGap({ ...june, actual: "1e999", target: "1e-999" }), "NUMBER_TOO_LARGE", [
      "target",
    ]);
    const costs = expectCode(
      () => paceGap({ ...june, actual: "1e-999", target: "1e999", direction: "lower" }),
      "NUMBER_TOO_LARGE",
      ["actual"],
    );
    expect(costs.message).toMatch(/The achievement is outside the supported magnitude/);
    const perDay = expectCode(
      () => projectRunRate({ ...june, actual: "1e-1000" }),
      "NUMBER_TOO_LARGE",
      ["actual"],
    );
    expect(perDay.message).toMatch(/The pace per working day is outside the supported magnitude/);
    const forecast = expectCode(
      () => projectRunRate({ ...june, actual: "9e999" }),
      "NUMBER_TOO_LARGE",
      ["actual"],
    );
    expect(forecast.message).toMatch(/The forecast is outside the supported magnitude/);
    const remaining = expectCode(
      () => requiredRunRate({ ...june, target: "9e999", actual: "-9e999" }),
      "NUMBER_TOO_LARGE",
      ["target"],
    );
    expect(remaining.message).toMatch(/The remaining amount is outside the supported magnitude/);
    const current = expectCode(
      () => requiredRunRate({ ...june, target: 0, actual: "1e-1000" }),
      "NUMBER_TOO_LARGE",
      ["actual"],
    );
    expect(current.message).toMatch(/The pace so far is outside the supported magnitude/);
    const required = expectCode(
      () => requiredRunRate({ ...june, target: "1e-1000", actual: 0 }),
      "NUMBER_TOO_LARGE",
      ["target"],
    );
    expect(required.message).toMatch(/The required pace is outside the supported magnitude/);
  });
});

const dayOfJune = fc
  .integer({ min: 1, max: 30 })
  .map((day) => `2026-06-${String(day).padStart(2, "0")}`);

describe("properties", () => {
  it("the run-rate forecast reaches the target exactly when the pace gap is not negative", () => {
    fc.assert(
      fc.property(
        dayOfJune,
        fc.integer({ min: 1, max: 1e7 }),
        fc.integer({ min: 0, max: 1e7 }),
        (asOf, target, actual) => {
          const run = projectRunRate({ actual, asOf, ...june });
          const gap = paceGap({ actual, target, asOf, ...june });
          fc.pre(run.forecast !== null);
          expect(run.forecast!.gte(target)).toBe(gap.paceGap!.gte(0));
        },
      ),
      { numRuns: runs(150) },
    );
  });

  it("keeping the required pace reaches the target exactly", () => {
    fc.assert(
      fc.property(
        dayOfJune,
        fc.integer({ min: 0, max: 1e7 }),
        fc.integer({ min: 0, max: 1e7 }),
        (asOf, target, actual) => {
          const pace = requiredRunRate({ target, actual, asOf, ...june });
          const progress = timeProgress(asOf, june);
          expect(pace.workingDaysRemaining).toBe(progress.workingDaysRemaining);
          if (pace.perWorkingDay === null) {
            expect(pace.workingDaysRemaining).toBe(0);
            return;
          }
          const end = pace.perWorkingDay.times(pace.workingDaysRemaining).plus(actual);
          if (pace.reached) expect(new Decimal(actual).gte(target)).toBe(true);
          else expect(end.minus(target).abs().lt("1e-50")).toBe(true);
        },
      ),
      { numRuns: runs(150) },
    );
  });
});

describe("the period as working-day counts", () => {
  it("gives the same answers from counts as from the dates they come from", () => {
    const dated = { asOf: "2026-06-12", ...june };
    const counts = { workingDays: 21, workingDaysElapsed: 10 };
    const fromDates = projectRunRate({ actual: "40万", ...dated });
    const fromCounts = projectRunRate({ actual: "40万", ...counts });
    expect(fromCounts.forecast!.toString()).toBe("840000");
    expect(fromCounts).toMatchObject({
      workingDays: 21,
      workingDaysElapsed: 10,
      workingDaysRemaining: 11,
      status: null,
      provisional: false,
      provisionalYears: [],
    });
    expect(fromCounts.timeProgress).toEqualDecimal(fromDates.timeProgress);
    const required = requiredRunRate({ target: "100万", actual: "40万", ...counts });
    expect(required.perWorkingDay!.toFixed(2)).toBe("54545.45");
    expect(required.actualPerWorkingDay!.toString()).toBe("40000");
    const gap = paceGap({ actual: "40万", target: "100万", ...counts });
    expect(gap.paceGap!.toFixed(4)).toBe("-0.0762");
  });

  it("refuses dates and counts together, bad counts, and a period without working days", () => {
    const both = expectCode(
      () =>
        projectRunRate({
          actual: 1,
          workingDays: 21,
          workingDaysElapsed: 10,
          asOf: "2026-06-12",
        } as never),
      "INVALID_ARGUMENT",
      ["asOf"],
    );
    expect(both.message).toMatch(/either as dates .* or as working-day counts/);
    expectCode(() => projectRunRate({ actual: 1, workingDays: 21 } as never), "INVALID_ARGUMENT", [
      "workingDaysElapsed",
    ]);
    for (const bad of [-1, 1.5, "10", null, Number.NaN]) {
      expectCode(
        () => projectRunRate({ actual: 1, workingDays: 21, workingDaysElapsed: bad } as never),
        "INVALID_ARGUMENT",
        ["workingDaysElapsed"],
      );
    }
    const over = expectCode(
      () => requiredRunRate({ target: 1, actual: 0, workingDays: 5, workingDaysElapsed: 6 }),
      "INVALID_ARGUMENT",
      ["workingDaysElapsed"],
    );
    expect(over.message).toMatch(/cannot exceed workingDays/);
    expectCode(
      () => paceGap({ actual: 1, target: 2, workingDays: 0, workingDaysElapsed: 0 }),
      "NO_WORKING_DAYS",
      ["workingDays"],
    );
  });
});

describe("strict input records", () => {
  it("refuses a misspelt field of every pace function, naming the one meant", () => {
    const dated = { asOf: "2026-06-12", ...june };
    for (const [run, key, meant] of [
      [
        () => projectRunRate({ actual: 1, ...dated, calender: june.calendar } as never),
        "calender",
        "calendar",
      ],
      [() => projectRunRate({ actaul: 1, ...dated } as never), "actaul", "actual"],
      [
        () => requiredRunRate({ actual: 1, target: 2, ...dated, asofCounts: "elapsed" } as never),
        "asofCounts",
        "asOfCounts",
      ],
      [() => requiredRunRate({ actual: 1, targte: 2, ...dated } as never), "targte", "target"],
      [
        () => paceGap({ actual: 1, target: 2, ...dated, directon: "lower" } as never),
        "directon",
        "direction",
      ],
      [
        () => paceGap({ actual: 1, target: 2, workingDay: 21, workingDaysElapsed: 1 } as never),
        "workingDay",
        "workingDays",
      ],
    ] as const) {
      const error = expectCode(run, "UNKNOWN_OPTION", [key]);
      expect(error.message).toContain(`Did you mean "${meant}"?`);
    }
  });

  it("points a calendar's errors at the calendar field", () => {
    expectCode(
      () =>
        projectRunRate({
          actual: 1,
          asOf: "2026-06-12",
          start: "2026-06-01",
          end: "2026-06-30",
          calendar: { holiday: [] } as never,
        }),
      "UNKNOWN_OPTION",
      ["calendar", "holiday"],
    );
    expectCode(
      () =>
        paceGap({
          actual: 1,
          target: 2,
          asOf: "2026-06-12",
          start: "2026-06-31",
          end: "2026-07-30",
        }),
      "INVALID_DATE",
      ["start"],
    );
  });
});

describe("compiled calendars in pace questions", () => {
  it("answers as the same calendar given as plain data does, on random periods", () => {
    const compiled = chinaCalendar({ missingYears: "provisional" });
    const plain = JSON.parse(JSON.stringify(compiled));
    const day = (n: number) => new Date(Date.UTC(2020, 0, 1 + n)).toISOString().slice(0, 10);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 4400 }),
        fc.integer({ min: 0, max: 400 }),
        fc.integer({ min: -10, max: 420 }),
        (from, length, offset) => {
          const period = { start: day(from), end: day(from + length), asOf: day(from + offset) };
          const outcome = (calendar: unknown) => {
            try {
              const input = { target: 1000, actual: 300, ...period, calendar: calendar as never };
              return JSON.stringify(requiredRunRate(input));
            } catch (error) {
              return JSON.stringify([
                (error as TargetreeError).code,
                (error as TargetreeError).path,
              ]);
            }
          };
          expect(outcome(compiled)).toBe(outcome(plain));
        },
      ),
      { numRuns: runs(100) },
    );
  });
});
