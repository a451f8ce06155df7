import fc from "fast-check";
import type { Plan } from "targetree";
import { allocate, buildPlan, lintPlan, TargetreeError } from "targetree";
import { describe, expect, it } from "vitest";
import { deepFreeze, expectCode } from "../_support/errors.js";
import { runs } from "../_support/runs.js";
import { cents, exactnessProblems, offShareCells, periodsOf, planDocument } from "./_built.js";
import { example, minimal } from "./_plans.js";

const fixed = () => buildPlan(example("rishiqing-2024-fixed.json"));

function build(overrides: Record<string, unknown>): Plan {
  return buildPlan({ ...minimal(), ...overrides });
}

describe("buildPlan", () => {
  describe("the fixed 日事清 plan", () => {
    const plan = fixed();

    it("builds with every sum exact: every node, every grain, both ways", () => {
      expect(exactnessProblems(plan)).toEqual([]);
      expect(plan.target).toBe("120000000.00");
      expect(plan.nodes).toHaveLength(37);
      expect(plan.periods.map((period) => period.label)).toEqual([
        "all",
        "2024-Q1",
        "2024-Q2",
        "2024-Q3",
        "2024-Q4",
        ...Array.from({ length: 12 }, (_, m) => `2024-${String(m + 1).padStart(2, "0")}`),
      ]);
    });

    it("keeps each cell within one unit of its exact share", () => {
      expect(offShareCells(plan, 1n)).toEqual([]);
    });

    it("splits the top target over the months by largest remainder on working days", () => {
      const months = periodsOf(plan, "month");
      const split = allocate(
        "1.2亿",
        months.map((month) => month.workingDays),
        { unit: "0.01" },
      );
      expect(months.map((month) => plan.nodes[0]!.targets[month.label])).toEqual(
        split.map((value) => value.toFixed(2)),
      );
      expect(plan.periods[0]!.workingDays).toBe(251);
    });

    it("follows the cascade: shares to 事业部, weights below, the hold and the minimum kept", () => {
      const target = (node: string) => plan.nodes.find((n) => n.node === node)!.target;
      expect(target("日事清/企业客户事业部")).toBe("60000000.00");
      expect(target("日事清/渠道事业部")).toBe("36000000.00");
      const held = plan.nodes.find((node) => node.name === "林峰")!;
      expect([held.target, held.hold]).toEqual(["6000000.00", "6000000.00"]);
      const bounded = plan.nodes.find((node) => node.name === "刘洋")!;
      expect(bounded.min).toBe("3000000");
      expect(cents(bounded.target)).toBeGreaterThanOrEqual(300000000n);
    });

    it("addresses a node by its id, else by its path, and names its level", () => {
      const zhang = plan.nodes.find((node) => node.name === "张伟")!;
      expect([zhang.node, zhang.id, zhang.path]).toEqual([
        "E001",
        "E001",
        "日事清/企业客户事业部/华东大区/张伟",
      ]);
      expect([zhang.level, zhang.levelName, zhang.parent]).toEqual([
        3,
        "个人",
        "日事清/企业客户事业部/华东大区",
      ]);
      expect(plan.nodes[0]).toMatchObject({
        node: "日事清",
        level: 0,
        levelName: null,
        parent: null,
      });
    });

    it("works out each person's activity: wins, the funnel and the cadence's visits per working day", () => {
      const zhang = plan.nodes.find((node) => node.node === "E001")!;
      const wins = Math.ceil(Number(zhang.target) / 8000);
      expect(zhang.activity).toMatchObject({
        workingDays: 251,
        wins: String(wins),
        funnel: [
          { stage: "拜访", count: String(wins * 5) },
          { stage: "新客户", count: String(wins) },
        ],
      });
      // 12 A-class weekly (53 ISO weeks touch 2024), 30 B every two weeks (27), 55 C monthly (12).
      expect(zhang.activity!.cadenceVisits).toBe(String(12 * 53 + 30 * 27 + 55 * 12));
      // 2106 visits over 251 working days is 8.39…, rounded up so the quota is enough.
      expect(zhang.activity!.cadenceVisitsPerWorkingDay).toBe("8.40");
      expect(plan.nodes[0]!.activity).toBeUndefined();
    });

    it("audits the drivers and splits each dimension to the target", () => {
      expect(plan.drivers).toMatchObject({ output: "销售额", implied: "120000000", gap: "0" });
      expect(plan.drivers!.values.新客收入).toBe("30000000");
      for (const name of Object.keys(plan.dimensions)) {
        const parts = Object.values(plan.dimensions[name]!.parts);
        expect(
          parts.reduce((sum, part) => sum + cents(part), 0n),
          name,
        ).toBe(cents(plan.target));
      }
      expect(plan.dimensions.产品线).toEqual({
        kind: "shares",
        parts: { 粮油: "48000000.00", 日化: "36000000.00", 其他: "36000000.00" },
      });
      expect(plan.dimensions.四大战场!.kind).toBe("amounts");
    });

    it("carries what tracking needs: rules, health, tolerance, calendar, activity", () => {
      expect(plan.rules.map((rule) => rule.id)).toEqual(["behind", "far-behind"]);
      expect(plan.health).toEqual({ misses: 3, below: "50%" });
      expect(plan.tolerance).toBe("0.05");
      expect(plan.calendar).toEqual({ china: {} });
      expect([plan.provisional, plan.provisionalYears]).toEqual([false, []]);
    });

    it("is plain data: JSON gives it back unchanged", () => {
      expect(JSON.parse(JSON.stringify(plan))).toEqual(plan);
    });
  });

  it("builds the retail 2027 plan on provisional working days, naming the year", () => {
    const plan = buildPlan(example("retail-2027.json"));
    expect([plan.provisional, plan.provisionalYears]).toEqual([true, [2027]]);
    expect(exactnessProblems(plan)).toEqual([]);
    expect(offShareCells(plan, 100n)).toEqual([]);
    expect(plan.nodes.filter((node) => node.children.length === 0)).toHaveLength(20);
  });

  it("labels the periods as PLAN.md does, at every grain", () => {
    const plan = build({
      target: 2500,
      unit: 1,
      period: {
        start: "2027-02-26",
        end: "2027-03-11",
        grains: ["year", "quarter", "month", "dekad", "week", "day"],
        calendar: { weekend: [6, 7] },
      },
    });
    expect(plan.periods.slice(0, 12).map((period) => period.label)).toEqual([
      "all",
      "2027",
      "2027-Q1",
      "2027-02",
      "2027-03",
      "2027-02-下旬",
      "2027-03-上旬",
      "2027-03-中旬",
      "2027-W08",
      "2027-W09",
      "2027-03-上旬:2027-W10",
      "2027-03-中旬:2027-W10",
    ]);
    expect(plan.periods.slice(12).map((period) => period.label)).toEqual([
      "2027-02-26",
      "2027-02-27",
      "2027-02-28",
      ...Array.from({ length: 11 }, (_, d) => `2027-03-${String(d + 1).padStart(2, "0")}`),
    ]);
    expect(plan.periods.find((p) => p.label === "2027-03-中旬:2027-W10")).toEqual({
      label: "2027-03-中旬:2027-W10",
      grain: "week",
      start: "2027-03-11",
      end: "2027-03-11",
      calendarDays: 1,
      workingDays: 1,
      parent: "2027-03-中旬",
    });
    expect(exactnessProblems(plan)).toEqual([]);
  });

  it("labels a week that crosses a month with both, coarser first", () => {
    const plan = build({
      target: 1700,
      unit: 1,
      period: {
        start: "2027-03-22",
        end: "2027-04-11",
        grains: ["month", "week"],
        calendar: { weekend: [6, 7] },
      },
    });
    expect(
      periodsOf(plan, "week").map((week) => `${week.label} ${week.start}…${week.end}`),
    ).toEqual([
      "2027-W12 2027-03-22…2027-03-28",
      "2027-03:2027-W13 2027-03-29…2027-03-31",
      "2027-04:2027-W13 2027-04-01…2027-04-04",
      "2027-W14 2027-04-05…2027-04-11",
    ]);
  });

  it("spreads by calendar days or by monthly seasonality when the document says so", () => {
    const calendarDays = build({
      target: 366,
      unit: 1,
      period: { start: "2024-01-01", end: "2024-12-31", grains: ["month"], basis: "calendar-days" },
    });
    expect(calendarDays.nodes[0]!.targets["2024-02"]).toBe("29");
    const seasonal = build({
      target: 1200,
      unit: 1,
      period: {
        start: "2024-01-01",
        end: "2024-12-31",
        grains: ["quarter"],
        basis: "seasonality",
        seasonality: { monthly: [1, 1, 1, 0, 0, 0, 1, 1, 1, 0, 0, 0] },
      },
    });
    expect(periodsOf(seasonal, "quarter").map((q) => seasonal.nodes[0]!.targets[q.label])).toEqual([
      "600",
      "0",
      "600",
      "0",
    ]);
    expect(seasonal.basis).toBe("seasonality");
  });

  it("refuses a document with lint errors, the findings in the error", () => {
    const doc = example("rishiqing-2024.json");
    const error = expectCode(() => buildPlan(doc), "PLAN_HAS_ERRORS");
    const errors = lintPlan(doc).filter((finding) => finding.severity === "error");
    expect(error.details.findings).toEqual(errors);
    expect(error.path).toEqual(errors[0]!.path);
    expect(error.message).toContain("DRIVERS_DISAGREE");
  });

  it("refuses a document it cannot read, listing every problem", () => {
    const error = expectCode(() => build({ target: "1.2e" }), "INVALID_PLAN", ["target"]);
    expect(error.details.problems).toHaveLength(1);
  });

  it("refuses a working-day plan of a period without working days", () => {
    expectCode(
      () =>
        build({
          period: {
            start: "2024-06-01",
            end: "2024-06-02",
            grains: ["day"],
            calendar: { weekend: [6, 7] },
          },
        }),
      "NO_WORKING_DAYS",
      ["period", "basis"],
    );
  });

  it("reads the document as JSON text, and changes nothing it is given", () => {
    const doc = deepFreeze(example("rishiqing-2024-fixed.json"));
    expect(buildPlan(JSON.stringify(doc))).toEqual(buildPlan(doc));
  });

  describe("properties", () => {
    it("is exact both ways at every level and grain, each cell within one unit of its share", () => {
      fc.assert(
        fc.property(planDocument, (doc) => {
          let plan: Plan;
          try {
            plan = buildPlan(doc);
          } catch (error) {
            // A working-day spread over days that are all weekend days is refused, rightly.
            if (error instanceof TargetreeError && error.code === "NO_WORKING_DAYS") return;
            throw error;
          }
          expect(exactnessProblems(plan)).toEqual([]);
          const unit = cents(plan.unit);
          expect(offShareCells(plan, unit)).toEqual([]);
          expect(JSON.parse(JSON.stringify(plan))).toEqual(plan);
        }),
        { numRuns: runs(60) },
      );
    });
  });
});
