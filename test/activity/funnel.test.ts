import fc from "fast-check";
import { chinaCalendar, funnel } from "targetree";
import { describe, expect, it } from "vitest";
import { deepFreeze, expectCode } from "../_support/errors.js";
import { runs } from "../_support/runs.js";

describe("funnel", () => {
  it("gives W3: 100 new customers at 5 visits a customer need 500 visits", () => {
    const plan = funnel(100, [{ name: "visits", perNext: 5 }], { outcomeName: "newCustomers" });
    expect(plan.activity.name).toBe("visits");
    expect(plan.activity.count.toString()).toBe("500");
    expect(plan.activity.conversion.toString()).toBe("0.2");
    expect(plan.outcome.name).toBe("newCustomers");
    expect(plan.outcome.count.toString()).toBe("100");
    expect(plan.rows.map((row) => row.name)).toEqual(["visits", "newCustomers"]);
    expect(plan.workingDays).toBeNull();
    expect(plan.activity.perWorkingDay).toBeNull();
  });

  it("takes conversion rates as '20%' and rounds each stage up from the next stage's rounded count", () => {
    const plan = funnel(100, [
      { name: "visits", conversion: "20%" },
      { name: "opportunities", conversion: "30%" },
    ]);
    expect(plan.rows.map((row) => [row.name, row.exact.toFixed(2), row.count.toString()])).toEqual([
      ["visits", "1670.00", "1670"],
      ["opportunities", "333.33", "334"],
      ["outcome", "100.00", "100"],
    ]);
  });

  it("keeps exact counts with wholeNumber: false", () => {
    const plan = funnel(100, [{ name: "opportunities", conversion: "30%" }], {
      wholeNumber: false,
    });
    expect(plan.activity.count.toFixed(4)).toBe("333.3333");
  });

  it("multiplies perNext exactly, even for thirds", () => {
    const plan = funnel(100, [
      { name: "calls", perNext: 3 },
      { name: "visits", conversion: "50%" },
    ]);
    expect(plan.rows.map((row) => row.count.toString())).toEqual(["600", "200", "100"]);
  });

  it("gives per person, per working day and per person per working day", () => {
    const plan = funnel(100, [{ name: "visits", perNext: 5 }], { people: 10, workingDays: 20 });
    expect(plan.activity.perPerson!.toString()).toBe("50");
    expect(plan.activity.perWorkingDay!.toString()).toBe("25");
    expect(plan.activity.perPersonPerWorkingDay!.toString()).toBe("2.5");
    expect(plan.people!.toString()).toBe("10");
  });

  it("counts working days from a start, an end and a calendar", () => {
    const plan = funnel(100, [{ name: "visits", perNext: 5 }], {
      people: 5,
      start: "2026-06-01",
      end: "2026-06-30",
    });
    expect(plan.workingDays).toBe(22);
    expect(plan.activity.perPersonPerWorkingDay!.toFixed(4)).toBe("4.5455");
    expect(plan.provisional).toBe(false);
  });

  it("does not mutate frozen input", () => {
    const stages = deepFreeze([{ name: "visits", perNext: 5 }]);
    const options = deepFreeze({ people: 2, workingDays: 5 });
    expect(funnel(10, stages, options).activity.count.toString()).toBe("50");
  });

  it("rejects bad stages", () => {
    expectCode(() => funnel(1, []), "INVALID_ARGUMENT", ["stages"]);
    expectCode(() => funnel(1, [{ name: "v" }]), "INVALID_ARGUMENT", ["stages", 0]);
    expectCode(
      () => funnel(1, [{ name: "v", perNext: 5, conversion: "20%" }]),
      "INVALID_ARGUMENT",
      ["stages", 0],
    );
    expectCode(() => funnel(1, [{ name: "", perNext: 5 }]), "INVALID_ARGUMENT", [
      "stages",
      0,
      "name",
    ]);
    expectCode(() => funnel(1, [{ name: "v", conversion: 0 }]), "INVALID_ARGUMENT", [
      "stages",
      0,
      "conversion",
    ]);
    expectCode(() => funnel(1, [{ name: "v", perNext: -5 }]), "INVALID_ARGUMENT", [
      "stages",
      0,
      "perNext",
    ]);
    expectCode(() => funnel(1, [{ name: "v", perNext: "" }]), "INVALID_NUMBER", [
      "stages",
      0,
      "perNext",
    ]);
  });

  it("rejects a negative outcome, bad people and bad periods", () => {
    expectCode(() => funnel(-1, [{ name: "v", perNext: 5 }]), "INVALID_ARGUMENT", ["outcome"]);
    expectCode(() => funnel(Number.NaN, [{ name: "v", perNext: 5 }]), "INVALID_NUMBER", [
      "outcome",
    ]);
    expectCode(() => funnel(1, [{ name: "v", perNext: 5 }], { people: 0 }), "INVALID_ARGUMENT", [
      "options",
      "people",
    ]);
    expectCode(
      () => funnel(1, [{ name: "v", perNext: 5 }], { workingDays: 0 }),
      "NO_WORKING_DAYS",
      ["options", "workingDays"],
    );
    expectCode(
      () => funnel(1, [{ name: "v", perNext: 5 }], { workingDays: 2.5 }),
      "INVALID_ARGUMENT",
      ["options", "workingDays"],
    );
    expectCode(
      () => funnel(1, [{ name: "v", perNext: 5 }], { start: "2026-06-06", end: "2026-06-07" }),
      "NO_WORKING_DAYS",
    );
    expectCode(
      () => funnel(1, [{ name: "v", perNext: 5 }], { start: "2026-06-06" }),
      "INVALID_ARGUMENT",
      ["options", "end"],
    );
    expectCode(
      () => funnel(1, [{ name: "v", perNext: 5 }], { start: "2026-6-6", end: "2026-06-07" }),
      "INVALID_DATE",
    );
    expectCode(
      () => funnel(1, [{ name: "v", perNext: 5 }], { wholeNumber: "yes" as never }),
      "INVALID_ARGUMENT",
      ["options", "wholeNumber"],
    );
  });

  it("refuses the old option roundUp and misspelt stage fields with UNKNOWN_OPTION", () => {
    const renamed = expectCode(
      () => funnel(1, [{ name: "v", perNext: 5 }], { roundUp: false } as never),
      "UNKNOWN_OPTION",
      ["options", "roundUp"],
    );
    expect(renamed.message).toMatch(/"wholeNumber"/);
    const typo = expectCode(
      () => funnel(1, [{ name: "v", perNext: 5 }], { wholeNumbers: false } as never),
      "UNKNOWN_OPTION",
      ["options", "wholeNumbers"],
    );
    expect(typo.message).toMatch(/Did you mean "wholeNumber"\?/);
    const stage = expectCode(
      () => funnel(1, [{ name: "v", pernext: 5 } as never]),
      "UNKNOWN_OPTION",
      ["stages", 0, "pernext"],
    );
    expect(stage.message).toMatch(/Did you mean "perNext"\?/);
    expectCode(
      () => funnel(1, [{ name: "v", perNext: 5 }], { calender: {} } as never),
      "UNKNOWN_OPTION",
      ["options", "calender"],
    );
  });

  it("refuses a stage count past the supported magnitude with NUMBER_TOO_LARGE", () => {
    expectCode(
      () => funnel("1e999", [{ name: "visits", conversion: "1e-999" }]),
      "NUMBER_TOO_LARGE",
      ["stages", 0],
    );
    expectCode(
      () => funnel("1e-999", [{ name: "visits", perNext: 1 }], { people: "1e999" }),
      "NUMBER_TOO_LARGE",
      ["options", "people"],
    );
  });
});

describe("funnel options and messages", () => {
  const visits = [{ name: "visits", perNext: 5 }];

  it("is not provisional when working days are given directly, or when no period is given", () => {
    expect(funnel(1, visits).provisional).toBe(false);
    const given = funnel(1, visits, { workingDays: 20 });
    expect(given.workingDays).toBe(20);
    expect(given.provisional).toBe(false);
  });

  it("names the provisional years its working days come from", () => {
    const calendar = chinaCalendar({ missingYears: "provisional" });
    const plan = funnel(1, visits, { start: "2027-01-01", end: "2027-01-31", calendar });
    expect([plan.provisional, plan.provisionalYears]).toEqual([true, [2027]]);
    const official = funnel(1, visits, { start: "2026-01-01", end: "2026-01-31", calendar });
    expect([official.provisional, official.provisionalYears]).toEqual([false, []]);
    expect(funnel(1, visits, { workingDays: 20 }).provisionalYears).toEqual([]);
    expect(funnel(1, visits).provisionalYears).toEqual([]);
  });

  it("refuses workingDays together with start, end or both", () => {
    for (const period of [
      { start: "2026-06-01" },
      { end: "2026-06-30" },
      { start: "2026-06-01", end: "2026-06-30" },
    ] as const) {
      const error = expectCode(
        () => funnel(1, visits, { workingDays: 20, ...period }),
        "INVALID_ARGUMENT",
        ["options", "workingDays"],
      );
      expect(error.message).toMatch(/either workingDays or start and end, not both/);
    }
  });

  it("explains bad working days and periods", () => {
    expect(
      expectCode(() => funnel(1, visits, { workingDays: 2.5 }), "INVALID_ARGUMENT").message,
    ).toMatch(/workingDays must be a whole number ≥ 0/);
    expect(
      expectCode(() => funnel(1, visits, { workingDays: 0 }), "NO_WORKING_DAYS").message,
    ).toMatch(/The period has no working days/);
    const weekend = expectCode(
      () => funnel(1, visits, { start: "2026-06-06", end: "2026-06-07" }),
      "NO_WORKING_DAYS",
      ["options"],
    );
    expect(weekend.message).toMatch(/from start to end has no working days on this calendar/);
    const noStart = expectCode(() => funnel(1, visits, { end: "2026-06-07" }), "INVALID_ARGUMENT", [
      "options",
      "start",
    ]);
    expect(noStart.message).toMatch(/Give both start and end of the period/);
  });

  it("explains bad people", () => {
    expectCode(() => funnel(1, visits, { people: "" }), "INVALID_NUMBER", ["options", "people"]);
    expect(expectCode(() => funnel(1, visits, { people: 0 }), "INVALID_ARGUMENT").message).toMatch(
      /people must be greater than zero/,
    );
  });

  it("explains a negative outcome and bad outcomeName / wholeNumber", () => {
    expect(expectCode(() => funnel(-1, visits), "INVALID_ARGUMENT").message).toMatch(
      /outcome must not be negative/,
    );
    const name = expectCode(
      () => funnel(1, visits, { outcomeName: 5 as never }),
      "INVALID_ARGUMENT",
      ["options", "outcomeName"],
    );
    expect(name.message).toMatch(/outcomeName must be a string/);
    expect(
      expectCode(() => funnel(1, visits, { wholeNumber: "yes" as never }), "INVALID_ARGUMENT")
        .message,
    ).toMatch(/wholeNumber must be true or false/);
  });

  it("explains bad stages", () => {
    expect(
      expectCode(() => funnel(1, null as never), "INVALID_ARGUMENT", ["stages"]).message,
    ).toMatch(/stages must be a non-empty array of \{ name, conversion \} or \{ name, perNext \}/);
    expect(
      expectCode(() => funnel(1, [null as never]), "INVALID_ARGUMENT", ["stages", 0]).message,
    ).toMatch(/stages\[0\] must be an object/);
    expectCode(() => funnel(1, [{ name: 5 as never, perNext: 5 }]), "INVALID_ARGUMENT", [
      "stages",
      0,
      "name",
    ]);
    expect(
      expectCode(() => funnel(1, [{ name: "", perNext: 5 }]), "INVALID_ARGUMENT").message,
    ).toMatch(/Every stage needs a non-empty name/);
    expect(
      expectCode(
        () => funnel(1, [{ name: "v", perNext: 5, conversion: "20%" }]),
        "INVALID_ARGUMENT",
      ).message,
    ).toMatch(/Stage "v" needs exactly one of conversion \("20%"\) or perNext/);
    expect(
      expectCode(() => funnel(1, [{ name: "v", conversion: 0 }]), "INVALID_ARGUMENT").message,
    ).toMatch(/conversion must be greater than zero: no amount of v reaches the next stage/);
  });

  it("refuses a perNext whose conversion (1 / perNext) leaves the supported magnitude", () => {
    expectCode(() => funnel(1, [{ name: "v", perNext: "1e-1000" }]), "NUMBER_TOO_LARGE", [
      "stages",
      0,
      "perNext",
    ]);
  });

  it("names the figure that leaves the supported magnitude", () => {
    const stage = expectCode(
      () => funnel("1e999", [{ name: "visits", conversion: "1e-999" }]),
      "NUMBER_TOO_LARGE",
    );
    expect(stage.message).toMatch(/The count of "visits"/);
    const perPerson = expectCode(
      () => funnel("1e-999", [{ name: "visits", perNext: 1 }], { people: "1e999" }),
      "NUMBER_TOO_LARGE",
    );
    expect(perPerson.message).toMatch(/A per-person figure/);
    const perDay = expectCode(
      () => funnel("1e-1000", [{ name: "visits", perNext: 1 }], { workingDays: 20 }),
      "NUMBER_TOO_LARGE",
      ["options"],
    );
    expect(perDay.message).toMatch(/A per-working-day figure/);
    // 1e-998 / 50 people is 2e-1000 and so is 1e-998 / 50 days; only both together underflow.
    const both = expectCode(
      () => funnel("1e-998", [{ name: "visits", perNext: 1 }], { people: 50, workingDays: 50 }),
      "NUMBER_TOO_LARGE",
      ["options"],
    );
    expect(both.message).toMatch(/A per-person, per-working-day figure/);
  });
});

describe("properties", () => {
  it("every rounded stage is enough for the stage after it", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000 }),
        fc.array(fc.integer({ min: 1, max: 100 }), { minLength: 1, maxLength: 4 }),
        (outcome, percents) => {
          const plan = funnel(
            outcome,
            percents.map((percent, index) => ({ name: `s${index}`, conversion: `${percent}%` })),
          );
          plan.rows.slice(0, -1).forEach((row, index) => {
            const next = plan.rows[index + 1]!;
            expect(row.count.isInteger()).toBe(true);
            expect(row.count.times(row.conversion).gte(next.count)).toBe(true);
            expect(row.count.minus(1).times(row.conversion).lt(next.count)).toBe(true);
          });
        },
      ),
      { numRuns: runs(200) },
    );
  });
});
