// reconcile with a direction: a cost ceiling is met from below, and the gap, its rate and the
// achievement agree with gap() and achievement() on the same numbers.
import fc from "fast-check";
import { achievement, defineModel, gap, reconcile } from "targetree";
import { describe, expect, it } from "vitest";
import { Decimal } from "../../src/_lib/decimal.js";
import { expectCode } from "../_support/errors.js";
import { runs } from "../_support/runs.js";

const cost = defineModel({ cost: "visits * costPerVisit + fixed" });

describe("reconcile: direction", () => {
  it("defaults to higher is better and says so", () => {
    const audit = reconcile(cost, {
      output: "cost",
      target: 50_000,
      inputs: { visits: 400, costPerVisit: 100, fixed: 20_000 },
    });
    expect(audit.direction).toBe("higher");
    expect([audit.implied.toString(), audit.gap.toString(), audit.met]).toEqual([
      "60000",
      "-10000",
      true,
    ]);
  });

  it("treats a cost ceiling as lower is better: over the ceiling is a shortfall", () => {
    const audit = reconcile(cost, {
      output: "cost",
      target: 50_000,
      direction: "lower",
      inputs: { visits: 400, costPerVisit: 100, fixed: 20_000 },
    });
    expect(audit.direction).toBe("lower");
    expect(audit.implied.toString()).toBe("60000");
    expect(audit.gap.toString()).toBe("10000");
    expect(audit.gapRate?.toString()).toBe("0.2");
    expect(audit.achievement?.toFixed(6)).toBe("0.833333");
    expect(audit.met).toBe(false);
    // The ways to close it still aim at the target itself: 300 visits, or 75 a visit.
    const bySingle = Object.fromEntries(
      audit.singles.map((single) => [single.input, single.required?.toString()]),
    );
    expect(bySingle).toEqual({ visits: "300", costPerVisit: "75", fixed: "10000" });
  });

  it("counts a cost under its ceiling as met, and exactly on it too", () => {
    const under = reconcile(cost, {
      output: "cost",
      target: 50_000,
      direction: "lower",
      inputs: { visits: 200, costPerVisit: 100, fixed: 20_000 },
    });
    expect([under.gap.toString(), under.met, under.achievement?.toString()]).toEqual([
      "-10000",
      true,
      "1.25",
    ]);
    const on = reconcile(cost, {
      output: "cost",
      target: 50_000,
      direction: "lower",
      inputs: { visits: 300, costPerVisit: 100, fixed: 20_000 },
    });
    expect([on.gap.toString(), on.met]).toEqual(["0", true]);
  });

  it("gives a null achievement when a lower-is-better output is 0", () => {
    const audit = reconcile(defineModel({ y: "x" }), {
      output: "y",
      target: 10,
      direction: "lower",
      inputs: { x: 0 },
    });
    expect([audit.achievement, audit.met, audit.gap.toString()]).toEqual([null, true, "-10"]);
  });

  it("refuses an unknown direction", () => {
    const error = expectCode(
      () =>
        reconcile(cost, {
          output: "cost",
          target: 1,
          direction: "down" as never,
          inputs: { visits: 1, costPerVisit: 1, fixed: 0 },
        }),
      "INVALID_ARGUMENT",
      ["options", "direction"],
    );
    expect(error.message).toContain('direction must be "higher" or "lower", got the string "down"');
  });

  it("agrees with gap() and achievement() on every sign of target and implied value", () => {
    const value = fc
      .integer({ min: -1_000_000, max: 1_000_000 })
      .map((n) => new Decimal(n).div(100));
    fc.assert(
      fc.property(
        value,
        value,
        fc.constantFrom("higher" as const, "lower" as const),
        (target, implied, direction) => {
          const audit = reconcile(defineModel({ y: "x" }), {
            output: "y",
            target,
            direction,
            inputs: { x: implied },
            singles: ["x"],
          });
          const measured = gap({ actual: implied, target, direction });
          expect(audit.gap).toEqualDecimal(measured.gap);
          expect(audit.met).toBe(measured.met);
          expect(String(audit.gapRate)).toBe(String(measured.gapRate));
          // Both give null where the ratio is undefined.
          const rate = achievement({ actual: implied, target, direction }).achievement;
          expect(String(audit.achievement)).toBe(String(rate));
        },
      ),
      { numRuns: runs(200) },
    );
  });
});
