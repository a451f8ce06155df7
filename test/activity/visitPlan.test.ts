import fc from "fast-check";
import { chinaCalendar, STANDARD_VISIT_CADENCES, visitPlan } from "targetree";
import { describe, expect, it } from "vitest";
import { ZERO } from "../../src/_lib/decimal.js";
import { deepFreeze, expectCode } from "../_support/errors.js";
import { runs } from "../_support/runs.js";

const june = { start: "2026-06-01", end: "2026-06-30" } as const;

describe("visitPlan", () => {
  it("gives W12 on a plain calendar: A weekly, B every two weeks, C monthly", () => {
    const plan = visitPlan({ A: 20, B: 30, C: 50 }, june);
    expect(plan.workingDays).toBe(22);
    expect(plan.weeks).toBe(5);
    expect(plan.months).toBe(1);
    expect(
      plan.rows.map((row) => [
        row.key,
        row.periods,
        row.visitsPerCustomer.toString(),
        row.visits.toString(),
      ]),
    ).toEqual([
      ["A", 5, "5", "100"],
      ["B", 5, "3", "90"],
      ["C", 1, "1", "50"],
    ]);
    expect(plan.total.customers.toString()).toBe("100");
    expect(plan.total.visits.toString()).toBe("240");
    expect(plan.total.perWorkingDay!.toFixed(4)).toBe("10.9091");
  });

  it("gives W12 for October 2026 on the China calendar, skipping the holiday week", () => {
    const plan = visitPlan(
      { A: 20, B: 40, C: 80, key: 5 },
      {
        start: "2026-10-01",
        end: "2026-10-31",
        calendar: chinaCalendar(),
        cadences: { ...STANDARD_VISIT_CADENCES, key: { visits: 2, per: "week" } },
        people: 4,
      },
    );
    expect(plan.workingDays).toBe(18);
    expect(plan.weeks).toBe(4);
    expect(plan.rows.map((row) => [row.key, row.visits.toString()])).toEqual([
      ["A", "80"],
      ["B", "80"],
      ["C", "80"],
      ["key", "40"],
    ]);
    expect(plan.total.visits.toString()).toBe("280");
    expect(plan.total.perPerson!.toString()).toBe("70");
    expect(plan.total.perPersonPerWorkingDay!.toFixed(4)).toBe("3.8889");
    expect(plan.provisional).toBe(false);
  });

  it("names the provisional years its working days come from", () => {
    const calendar = chinaCalendar({ missingYears: "provisional" });
    const customers = { A: 1 };
    const plan = visitPlan(customers, { start: "2026-12-01", end: "2027-02-28", calendar });
    expect([plan.provisional, plan.provisionalYears]).toEqual([true, [2027]]);
    const official = visitPlan(customers, { start: "2026-06-01", end: "2026-06-30", calendar });
    expect([official.provisional, official.provisionalYears]).toEqual([false, []]);
  });

  it("counts a week the period's edge cuts, and skips a week with no working day", () => {
    const feb = visitPlan(
      { A: 1 },
      { start: "2026-02-01", end: "2026-02-28", calendar: chinaCalendar() },
    );
    expect(feb.workingDays).toBe(16);
    expect(feb.weeks).toBe(3);
    const edge = visitPlan({ A: 1 }, { start: "2026-06-05", end: "2026-06-08" });
    expect(edge.weeks).toBe(2);
    expect(edge.rows[0]!.visits.toString()).toBe("2");
  });

  it("accepts daily, Chinese names and custom cadences", () => {
    const plan = visitPlan(
      { a: 1, b: 1, c: 1, d: 1 },
      {
        ...june,
        cadences: {
          a: "daily",
          b: "每周",
          c: { visits: 3, every: 2, per: "month" },
          d: "Monthly" as never,
        },
      },
    );
    expect(plan.rows.map((row) => row.visits.toString())).toEqual(["22", "5", "3", "1"]);
    expect(plan.rows[2]!.cadence).toEqual({ visits: 3, every: 2, per: "month" });
  });

  it("refuses counts and cadences given as Maps, and reads __proto__ as an ordinary class", () => {
    const counts = expectCode(
      () => visitPlan(new Map([["A", 2]]) as never, june),
      "INVALID_ARGUMENT",
      ["counts"],
    );
    expect(counts.message).toMatch(/counts must be an object, got a Map/);
    expectCode(
      () => visitPlan({ A: 2 }, { ...june, cadences: new Map([["A", "weekly"]]) as never }),
      "INVALID_ARGUMENT",
      ["options", "cadences"],
    );
    const record = JSON.parse('{"__proto__": 3}') as Record<string, number>;
    expect(
      visitPlan(record, {
        ...june,
        cadences: JSON.parse('{"__proto__": "monthly"}'),
      }).total.visits.toString(),
    ).toBe("3");
  });

  it("does not mutate frozen input", () => {
    const counts = deepFreeze({ A: 1, B: 2 });
    const options = deepFreeze({
      ...june,
      cadences: { A: "weekly", B: { per: "week", every: 2 } } as const,
    });
    expect(visitPlan(counts, options).total.visits.toString()).toBe("11");
  });

  it("throws UNKNOWN_CADENCE for an unrecognised cadence or a class without one", () => {
    expectCode(
      () => visitPlan({ A: 1 }, { ...june, cadences: { A: "hourly" as never } }),
      "UNKNOWN_CADENCE",
      ["options", "cadences", "A"],
    );
    expectCode(
      () => visitPlan({ A: 1 }, { ...june, cadences: { A: { per: "year" } as never } }),
      "UNKNOWN_CADENCE",
      ["options", "cadences", "A"],
    );
    expectCode(() => visitPlan({ key: 1 }, june), "UNKNOWN_CADENCE", [
      "options",
      "cadences",
      "key",
    ]);
    expectCode(() => visitPlan({ toString: 1 } as never, june), "UNKNOWN_CADENCE", [
      "options",
      "cadences",
      "toString",
    ]);
  });

  it("rejects negative, fractional and non-numeric counts", () => {
    expectCode(() => visitPlan({ A: -1 }, june), "INVALID_ARGUMENT", ["counts", "A"]);
    expectCode(() => visitPlan({ A: 1.5 }, june), "NOT_A_WHOLE_NUMBER", ["counts", "A"]);
    expectCode(() => visitPlan({ A: Number.NaN }, june), "INVALID_NUMBER", ["counts", "A"]);
    expectCode(() => visitPlan({ A: "" }, june), "INVALID_NUMBER", ["counts", "A"]);
    expectCode(() => visitPlan({ A: null as never }, june), "INVALID_NUMBER", ["counts", "A"]);
  });

  it("rejects bad cadence numbers, people, and periods", () => {
    expectCode(
      () => visitPlan({ A: 1 }, { ...june, cadences: { A: { per: "week", every: 0 } } }),
      "INVALID_ARGUMENT",
      ["options", "cadences", "A", "every"],
    );
    expectCode(() => visitPlan({ A: 1 }, { ...june, people: -1 }), "INVALID_ARGUMENT", [
      "options",
      "people",
    ]);
    expectCode(
      () => visitPlan({ A: 1 }, { start: "2026-06-06", end: "2026-06-07" }),
      "NO_WORKING_DAYS",
    );
    expectCode(
      () => visitPlan({ A: 1 }, { start: "2026-06-30", end: "2026-06-01" }),
      "INVALID_RANGE",
    );
    expectCode(
      () =>
        visitPlan({ A: 1 }, { start: "2027-01-01", end: "2027-01-31", calendar: chinaCalendar() }),
      "CALENDAR_YEAR_MISSING",
    );
    expectCode(() => visitPlan({ A: 1 }, {} as never), "INVALID_ARGUMENT", ["options", "start"]);
  });

  it("refuses a count of visits past the supported magnitude with NUMBER_TOO_LARGE", () => {
    expectCode(
      () =>
        visitPlan(
          { A: "9e999" },
          { start: "2026-06-01", end: "2026-06-30", cadences: { A: "daily" } },
        ),
      "NUMBER_TOO_LARGE",
      ["counts", "A"],
    );
  });
});

describe("visitPlan periods, cadences and messages", () => {
  it("counts every calendar month that holds a working day", () => {
    const plan = visitPlan(
      { C: 3 },
      { start: "2026-05-25", end: "2026-06-05", cadences: { C: "monthly" } },
    );
    expect(plan.months).toBe(2);
    expect(plan.rows[0]!.visits.toString()).toBe("6");
  });

  it("counts a Monday–Friday week that spans two months as one week", () => {
    const plan = visitPlan({ A: 1 }, { start: "2026-06-29", end: "2026-07-03" });
    expect(plan.workingDays).toBe(5);
    expect(plan.weeks).toBe(1);
    expect(plan.months).toBe(2);
    expect(plan.rows[0]!.visits.toString()).toBe("1");
  });

  it("matches a named cadence with surrounding spaces and any letter case", () => {
    const plan = visitPlan({ A: 2 }, { ...june, cadences: { A: " Weekly " as never } });
    expect(plan.rows[0]!.cadence).toEqual({ visits: 1, every: 1, per: "week" });
    expect(plan.rows[0]!.visits.toString()).toBe("10");
  });

  it("accepts visits: 1 and every: 1 spelled out", () => {
    const plan = visitPlan(
      { A: 1 },
      { ...june, cadences: { A: { visits: 1, every: 1, per: "week" } } },
    );
    expect(plan.rows[0]!.visits.toString()).toBe("5");
  });

  it("refuses a fractional or non-numeric visits / every with the key and the value", () => {
    const fraction = expectCode(
      () => visitPlan({ A: 1 }, { ...june, cadences: { A: { every: 1.5, per: "week" } } }),
      "INVALID_ARGUMENT",
      ["options", "cadences", "A", "every"],
    );
    expect(fraction.message).toMatch(/every must be a whole number ≥ 1, got 1\.5/);
    expectCode(
      () =>
        visitPlan({ A: 1 }, { ...june, cadences: { A: { visits: "2" as never, per: "week" } } }),
      "INVALID_ARGUMENT",
      ["options", "cadences", "A", "visits"],
    );
    const zero = expectCode(
      () => visitPlan({ A: 1 }, { ...june, cadences: { A: { visits: 0, per: "week" } } }),
      "INVALID_ARGUMENT",
    );
    expect(zero.message).toMatch(/visits must be a whole number ≥ 1, got 0/);
  });

  it("explains an unknown cadence and a class without one", () => {
    const unknown = expectCode(
      () => visitPlan({ A: 1 }, { ...june, cadences: { A: "hourly" as never } }),
      "UNKNOWN_CADENCE",
    );
    expect(unknown.message).toMatch(/Unknown cadence .*hourly.*: use "daily", "weekly"/);
    const missing = expectCode(() => visitPlan({ key: 1 }, june), "UNKNOWN_CADENCE", [
      "options",
      "cadences",
      "key",
    ]);
    expect(missing.message).toMatch(/The class "key" has no cadence; add it to options\.cadences/);
  });

  it("refuses a misspelt option or custom-cadence field with UNKNOWN_OPTION", () => {
    const option = expectCode(
      () => visitPlan({ A: 1 }, { ...june, calender: {} } as never),
      "UNKNOWN_OPTION",
      ["options", "calender"],
    );
    expect(option.message).toMatch(/Did you mean "calendar"\?/);
    const cadence = expectCode(
      () => visitPlan({ A: 1 }, { ...june, cadences: { A: { visit: 2, per: "week" } as never } }),
      "UNKNOWN_OPTION",
      ["options", "cadences", "A", "visit"],
    );
    expect(cadence.message).toMatch(/Did you mean "visits"\?/);
  });

  it("needs counts and cadences as records", () => {
    const counts = expectCode(() => visitPlan(5 as never, june), "INVALID_ARGUMENT", ["counts"]);
    expect(counts.message).toMatch(/counts must be an object/);
    const cadences = expectCode(
      () => visitPlan({ A: 1 }, { ...june, cadences: 5 as never }),
      "INVALID_ARGUMENT",
      ["options", "cadences"],
    );
    expect(cadences.message).toMatch(/cadences must be an object/);
  });

  it("explains bad counts and a period without working days", () => {
    expect(expectCode(() => visitPlan({ A: -1 }, june), "INVALID_ARGUMENT").message).toMatch(
      /A customer count must not be negative/,
    );
    expect(expectCode(() => visitPlan({ A: 1.5 }, june), "NOT_A_WHOLE_NUMBER").message).toMatch(
      /A customer count must be a whole number/,
    );
    const weekend = expectCode(
      () => visitPlan({ A: 1 }, { start: "2026-06-06", end: "2026-06-07" }),
      "NO_WORKING_DAYS",
      ["options"],
    );
    expect(weekend.message).toMatch(/The plan period has no working days on this calendar/);
  });

  it("names the count that leaves the supported magnitude, at the class that crossed it", () => {
    const classVisits = expectCode(
      () => visitPlan({ A: "9e999" }, { ...june, cadences: { A: "daily" } }),
      "NUMBER_TOO_LARGE",
      ["counts", "A"],
    );
    expect(classVisits.message).toMatch(/A count of visits/);
    const customers = expectCode(
      () =>
        visitPlan(
          { A: "9e999", B: "9e999" },
          { ...june, cadences: { A: "monthly", B: "monthly" } },
        ),
      "NUMBER_TOO_LARGE",
      ["counts", "B"],
    );
    expect(customers.message).toMatch(/The count of customers/);
    const twice = { visits: 2, per: "month" } as const;
    const visits = expectCode(
      () => visitPlan({ A: "4e999", B: "4e999" }, { ...june, cadences: { A: twice, B: twice } }),
      "NUMBER_TOO_LARGE",
      ["counts", "B"],
    );
    expect(visits.message).toMatch(/The count of visits/);
  });
});

describe("properties", () => {
  it("total visits are the exact sum of the classes, and scale with the counts", () => {
    fc.assert(
      fc.property(
        fc.nat(1000),
        fc.nat(1000),
        fc.nat(1000),
        fc.integer({ min: 1, max: 28 }),
        fc.integer({ min: 0, max: 30 }),
        (a, b, c, startDay, length) => {
          const start = `2026-03-${String(startDay).padStart(2, "0")}`;
          const endDay = Math.min(31, startDay + length);
          const end = `2026-03-${String(endDay).padStart(2, "0")}`;
          let plan: ReturnType<typeof visitPlan>;
          try {
            plan = visitPlan({ A: a, B: b, C: c }, { start, end });
          } catch (error) {
            expect((error as { code: string }).code).toBe("NO_WORKING_DAYS");
            return;
          }
          const sum = plan.rows.reduce((total, row) => total.plus(row.visits), ZERO);
          expect(sum).toEqualDecimal(plan.total.visits);
          const [rowA, rowB, rowC] = plan.rows;
          expect(rowA!.visitsPerCustomer.toNumber()).toBe(plan.weeks);
          expect(rowB!.visitsPerCustomer.toNumber()).toBe(Math.ceil(plan.weeks / 2));
          expect(rowC!.visitsPerCustomer.toNumber()).toBe(1);
          expect(plan.weeks).toBeLessThanOrEqual(plan.workingDays);
        },
      ),
      { numRuns: runs(100) },
    );
  });
});
