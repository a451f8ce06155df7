import fc from "fast-check";
import { teamHealth } from "targetree";
import { describe, expect, it } from "vitest";
import { deepFreeze, errorOf, expectCode } from "../_support/errors.js";
import { runs } from "../_support/runs.js";

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
    expect(result.causes).toEqual(["consecutive-misses"]);
    expect(result.missesInARow).toBe(3);
    expect(result.stageAchievement?.toString()).toBe("1.01");
  });

  it("puts a team whose stage achievement is below 50% in danger (W5)", () => {
    const result = teamHealth([{ actual: "9万", target: "80万" }]);
    expect(result.status).toBe("danger");
    expect(result.causes).toEqual(["low-achievement"]);
    expect(result.stageAchievement?.toString()).toBe("0.1125");
  });

  it("is ok at exactly 50% and two misses in a row", () => {
    const result = teamHealth([
      { actual: 40, target: 100 },
      { actual: 60, target: 100 },
    ]);
    expect(result.stageAchievement?.toString()).toBe("0.5");
    expect(result.status).toBe("ok");
    expect(result.causes).toEqual([]);
  });

  it("counts only the trailing run by default, any run with streak: longest", () => {
    const months = [{ met: false }, { met: false }, { met: false }, { met: true }];
    expect(teamHealth(months, { stageAchievement: "90%" }).status).toBe("ok");
    expect(teamHealth(months, { stageAchievement: "90%", streak: "longest" }).causes).toEqual([
      "consecutive-misses",
    ]);
  });

  it("takes its thresholds as options", () => {
    const months = [
      { actual: 70, target: 100 },
      { actual: 70, target: 100 },
    ];
    expect(teamHealth(months, { misses: 2 }).causes).toEqual(["consecutive-misses"]);
    expect(teamHealth(months, { stageBelow: "80%" }).causes).toEqual(["low-achievement"]);
  });

  it("puts a team 3 periods in a row under 50% in danger in one call: { misses: 3, below: '50%' }", () => {
    const months = [
      { actual: 90, target: 100 },
      { actual: 45, target: 100 },
      { actual: 30, target: 100 },
      { actual: 49, target: 100 },
    ];
    const result = teamHealth(months, { misses: 3, below: "50%", stageBelow: 0 });
    expect(result.causes).toEqual(["consecutive-misses"]);
    expect(result.missesInARow).toBe(3);
    // 50% exactly is not under 50%, so the run stops there.
    const recovered = teamHealth([...months, { actual: 50, target: 100 }], {
      misses: 3,
      below: "50%",
      stageBelow: 0,
    });
    expect([recovered.status, recovered.missesInARow]).toEqual(["ok", 0]);
    const under40 = teamHealth(months, { below: "40%", stageBelow: 0, streak: "longest" });
    expect(under40.missesInARow).toBe(1);
  });

  it("judges misses and stage achievement in the given direction (a cost over budget is a miss)", () => {
    const overBudget = [
      { actual: 450, target: 400 },
      { actual: 450, target: 400 },
      { actual: 450, target: 400 },
    ];
    const costs = teamHealth(overBudget, { direction: "lower" });
    expect(costs.causes).toEqual(["consecutive-misses"]);
    expect(costs.missesInARow).toBe(3);
    expect(costs.stageAchievement?.toFixed(4)).toBe("0.8889");
    const sales = teamHealth(overBudget);
    expect(sales.status).toBe("ok");
    expect(sales.missesInARow).toBe(0);
  });

  it("does not mutate frozen input", () => {
    const months = deepFreeze([{ actual: 1, target: 2 }]);
    expect(teamHealth(months).stageAchievement?.toString()).toBe("0.5");
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

  it("gives a null stage achievement and a reason for a zero summed target, and no danger from it", () => {
    const result = teamHealth([{ actual: 5, target: 0 }]);
    expect(result.stageAchievement).toBeNull();
    expect(result.reason).toBe(
      "The target is zero, so achievement (actual / target) is undefined. (summed over the periods)",
    );
    expect(result.status).toBe("ok");
    expect(teamHealth([]).stageAchievement).toBeNull();
    expect(teamHealth([{ actual: 5, target: 10 }]).reason).toBeNull();
  });

  it("rejects bad options", () => {
    expectCode(() => teamHealth([], { misses: 0 }), "INVALID_ARGUMENT", ["options", "misses"]);
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
    expectCode(() => teamHealth([], { stageBelow: "" }), "INVALID_NUMBER", [
      "options",
      "stageBelow",
    ]);
    expectCode(() => teamHealth([], { below: "-50%" }), "INVALID_ARGUMENT", ["options", "below"]);
    expect(errorOf(() => teamHealth([], { misses: 0 })).message).toMatch(
      /misses must be a whole number ≥ 1, got 0/,
    );
  });

  it("refuses misspelt and renamed options with UNKNOWN_OPTION and the closest name", () => {
    const renamed = expectCode(
      () => teamHealth([], { missesInARow: 3 } as never),
      "UNKNOWN_OPTION",
      ["options", "missesInARow"],
    );
    expect(renamed.message).toMatch(/Known options: "direction", "misses", "below"/);
    const typo = expectCode(() => teamHealth([], { bellow: "50%" } as never), "UNKNOWN_OPTION", [
      "options",
      "bellow",
    ]);
    expect(typo.message).toMatch(/Did you mean "below"\?/);
    expectCode(() => teamHealth([], { minAchievement: "50%" } as never), "UNKNOWN_OPTION", [
      "options",
      "minAchievement",
    ]);
  });

  it("with below, refuses periods given as { met }", () => {
    expectCode(
      () => teamHealth([{ met: false }], { below: "50%", stageAchievement: "40%" }),
      "INVALID_ARGUMENT",
      ["periods", 0],
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

  it("its run under a threshold agrees with a naive loop over the achievements", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 150 }), { maxLength: 12 }),
        fc.integer({ min: 0, max: 120 }),
        fc.integer({ min: 1, max: 4 }),
        (percents, below, misses) => {
          let trailing = 0;
          for (const percent of percents) trailing = percent < below ? trailing + 1 : 0;
          const result = teamHealth(
            percents.map((percent) => ({ actual: percent, target: 100 })),
            { misses, below: `${below}%`, stageBelow: 0 },
          );
          expect(result.missesInARow).toBe(trailing);
          expect(result.causes.includes("consecutive-misses")).toBe(trailing >= misses);
        },
      ),
      { numRuns: runs(200) },
    );
  });
});
