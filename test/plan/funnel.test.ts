import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { funnel } from "../../src/plan/funnel.js";
import { runs } from "../_support/runs.js";
import { deepFreeze, expectCode } from "../measure/_helpers.js";

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

  it("keeps exact counts with roundUp: false", () => {
    const plan = funnel(100, [{ name: "opportunities", conversion: "30%" }], { roundUp: false });
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
      () => funnel(1, [{ name: "v", perNext: 5 }], { roundUp: "yes" as never }),
      "INVALID_ARGUMENT",
      ["options", "roundUp"],
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
