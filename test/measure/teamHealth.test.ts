import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { teamHealth } from "../../src/measure/teamHealth.js";
import { runs } from "../_support/runs.js";
import { deepFreeze, errorOf, expectCode } from "./_helpers.js";

describe("teamHealth", () => {
  it("puts a team that missed 3 months in a row in danger (W5)", () => {
    const months = [
      { actual: 120, target: 100 },
      { actual: 90, target: 100 },
      { actual: 95, target: 100 },
      { actual: 99, target: 100 },
    ];
    const result = teamHealth(months);
    expect(result.status).toBe("danger");
    expect(result.reasons).toEqual(["consecutive-misses"]);
    expect(result.missesInARow).toBe(3);
    expect(result.stageAchievement.toString()).toBe("1.01");
  });

  it("puts a team whose stage achievement is below 50% in danger (W5)", () => {
    const result = teamHealth([{ actual: "9万", target: "80万" }]);
    expect(result.status).toBe("danger");
    expect(result.reasons).toEqual(["low-achievement"]);
    expect(result.stageAchievement.toString()).toBe("0.1125");
  });

  it("is ok at exactly 50% and two misses in a row", () => {
    const result = teamHealth([
      { actual: 40, target: 100 },
      { actual: 60, target: 100 },
    ]);
    expect(result.stageAchievement.toString()).toBe("0.5");
    expect(result.status).toBe("ok");
    expect(result.reasons).toEqual([]);
  });

  it("counts only the trailing run by default, any run with streak: longest", () => {
    const months = [{ met: false }, { met: false }, { met: false }, { met: true }];
    expect(teamHealth(months, { stageAchievement: "90%" }).status).toBe("ok");
    expect(teamHealth(months, { stageAchievement: "90%", streak: "longest" }).reasons).toEqual([
      "consecutive-misses",
    ]);
  });

  it("takes its thresholds as options", () => {
    const months = [
      { actual: 70, target: 100 },
      { actual: 70, target: 100 },
    ];
    expect(teamHealth(months, { missesInARow: 2 }).reasons).toEqual(["consecutive-misses"]);
    expect(teamHealth(months, { minAchievement: "80%" }).reasons).toEqual(["low-achievement"]);
  });

  it("judges misses and stage achievement in the given direction (a cost over budget is a miss)", () => {
    const overBudget = [
      { actual: 450, target: 400 },
      { actual: 450, target: 400 },
      { actual: 450, target: 400 },
    ];
    const costs = teamHealth(overBudget, { direction: "lower" });
    expect(costs.reasons).toEqual(["consecutive-misses"]);
    expect(costs.missesInARow).toBe(3);
    expect(costs.stageAchievement.toFixed(4)).toBe("0.8889");
    const sales = teamHealth(overBudget);
    expect(sales.status).toBe("ok");
    expect(sales.missesInARow).toBe(0);
  });

  it("does not mutate frozen input", () => {
    const months = deepFreeze([{ actual: 1, target: 2 }]);
    expect(teamHealth(months).stageAchievement.toString()).toBe("0.5");
  });

  it("needs stageAchievement when periods carry no figures", () => {
    const error = expectCode(() => teamHealth([{ met: true }]), "INVALID_ARGUMENT", [
      "options",
      "stageAchievement",
    ]);
    expect(error.message).toMatch(
      /Periods given as \{ met \} carry no figures: pass options\.stageAchievement/,
    );
  });

  it("throws DIVISION_BY_ZERO for a zero summed target", () => {
    const error = expectCode(() => teamHealth([{ actual: 5, target: 0 }]), "DIVISION_BY_ZERO", [
      "periods",
    ]);
    expect(error.message).toMatch(
      /The target is zero, so achievement \(actual \/ target\) is undefined\. \(summed over the periods\)/,
    );
  });

  it("rejects bad options", () => {
    expectCode(() => teamHealth([], { missesInARow: 0 }), "INVALID_ARGUMENT", [
      "options",
      "missesInARow",
    ]);
    expectCode(() => teamHealth([], { stageAchievement: "" }), "INVALID_NUMBER", [
      "options",
      "stageAchievement",
    ]);
    expectCode(() => teamHealth([], { streak: "all" as never }), "INVALID_ARGUMENT", [
      "options",
      "streak",
    ]);
    expectCode(() => teamHealth([], { direction: "up" as never }), "INVALID_ARGUMENT", [
      "options",
      "direction",
    ]);
    expectCode(() => teamHealth([], { minAchievement: "" }), "INVALID_NUMBER", [
      "options",
      "minAchievement",
    ]);
    expect(errorOf(() => teamHealth([], { missesInARow: 0 })).message).toMatch(
      /missesInARow must be a whole number ≥ 1, got 0/,
    );
  });

  it("reports a bad period list under periods", () => {
    expectCode(() => teamHealth("x" as never), "INVALID_ARGUMENT", ["periods"]);
    expect(errorOf(() => teamHealth("x" as never)).message).toMatch(
      /periods must be an array of periods/,
    );
    expectCode(() => teamHealth([{ met: "no" } as never]), "INVALID_ARGUMENT", [
      "periods",
      0,
      "met",
    ]);
  });

  it("refuses a stage achievement past the supported magnitude with NUMBER_TOO_LARGE", () => {
    expectCode(() => teamHealth([{ actual: "1e999", target: "1e-999" }]), "NUMBER_TOO_LARGE", [
      "periods",
    ]);
  });
});

describe("properties", () => {
  it("is in danger exactly when one of the two W5 conditions holds", () => {
    fc.assert(
      fc.property(
        fc.array(fc.boolean(), { maxLength: 12 }),
        fc.integer({ min: 0, max: 100 }),
        (mets, percent) => {
          const result = teamHealth(
            mets.map((met) => ({ met })),
            { stageAchievement: `${percent}%` },
          );
          const trailing = mets.length - 1 - mets.lastIndexOf(true);
          expect(result.status === "danger").toBe(trailing >= 3 || percent < 50);
        },
      ),
      { numRuns: runs(200) },
    );
  });
});
