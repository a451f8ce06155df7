import fc from "fast-check";
import type { Finding, FindingCode } from "targetree";
import { lintPlan } from "targetree";
import { describe, expect, it } from "vitest";
import { Decimal } from "../../src/_lib/decimal.js";
import { SEVERITY } from "../../src/plan/_lib/finding.js";
import { rateMatches, statedDecimals } from "../../src/plan/_lib/lintMetrics.js";
import { deepFreeze, expectCode } from "../_support/errors.js";
import { runs } from "../_support/runs.js";
import { applyEdits, example, minimal } from "./_plans.js";

type Doc = Record<string, unknown>;

const codes = (findings: readonly Finding[]): FindingCode[] => findings.map((f) => f.code);
const only = (findings: readonly Finding[], code: FindingCode): Finding => {
  const found = findings.filter((f) => f.code === code);
  expect(found, code).toHaveLength(1);
  return found[0]!;
};
const withOrg = (organization: unknown, extra: Doc = {}): Doc => ({
  ...minimal(),
  organization,
  ...extra,
});

/** W1's revenue tree with its stated inputs. */
function w1Drivers(): Doc {
  return {
    model: {
      version: 1,
      formulas: {
        revenue:
          "newCustomers * conversion * newAov + returningCustomers * repurchase * returningAov",
      },
      inputs: { conversion: { min: 0, max: 1 }, repurchase: { min: 0, max: 1 } },
    },
    output: "revenue",
    inputs: {
      newCustomers: 600,
      conversion: "25%",
      newAov: 8000,
      returningCustomers: 1500,
      repurchase: "40%",
      returningAov: 6000,
    },
    vary: ["newCustomers", "returningCustomers"],
  };
}

describe("lintPlan", () => {
  it("finds nothing in a minimal document", () => {
    expect(lintPlan(minimal())).toEqual([]);
  });

  it("gives every finding the severity of PLAN.md's table", () => {
    expect(SEVERITY).toMatchObject({
      DRIVERS_DISAGREE: "error",
      SHARES_INCOMPLETE: "warning",
      SHARES_EXCEED: "error",
      AMOUNTS_MISMATCH: "error",
      HOLDS_EXCEED: "error",
      BOUNDS_INFEASIBLE: "error",
      EVEN_SPLIT_IGNORES_WEIGHTS: "warning",
      DUPLICATE_PERIOD: "error",
      MISSING_PERIOD: "warning",
      PATH_MISMATCH: "error",
      GROWTH_REQUIRED: "info",
      MIXED_GAP_BASES: "warning",
      STATED_RATE_MISMATCH: "warning",
      PROVISIONAL_CALENDAR: "warning",
      CALENDAR_YEAR_MISSING: "error",
      UNKNOWN_FIELD: "error",
    });
  });

  describe("DRIVERS_DISAGREE", () => {
    const doc = { ...minimal(), target: "1.2亿", drivers: w1Drivers() };
    const finding = only(lintPlan(doc), "DRIVERS_DISAGREE");

    it("gives W1's implied 480万, the gap and the gap rate against 1.2亿", () => {
      expect(finding.path).toEqual(["drivers"]);
      expect(finding.figures).toMatchObject({
        implied: "4800000",
        gap: "115200000",
        gapRate: "0.96",
        target: "120000000",
      });
    });

    it("offers each driver solved alone (58,200 new customers) and the common multiplier ×25", () => {
      const solved = finding.fix.filter((option) => option.action === "solve-driver");
      expect(solved[0]!.figures).toEqual({
        driver: "newCustomers",
        value: "58200",
        method: "algebraic",
      });
      expect(solved.map((option) => option.figures.driver)).toEqual([
        "newCustomers",
        "newAov",
        "returningCustomers",
        "returningAov",
      ]);
      const scale = finding.fix.find((option) => option.action === "scale-drivers")!;
      expect(scale.figures.factor).toBe("25");
      expect(scale.edits).toEqual([
        { op: "replace", path: ["drivers", "inputs", "newCustomers"], value: "15000" },
        { op: "replace", path: ["drivers", "inputs", "returningCustomers"], value: "37500" },
      ]);
    });

    it("reports the rates that cannot reach the target alone, with the reason", () => {
      const singles = finding.figures.singles as { driver: string; feasible: boolean }[];
      expect(singles.filter((single) => !single.feasible).map((s) => s.driver)).toEqual([
        "conversion",
        "repurchase",
      ]);
    });

    it("is resolved by every fix it offers", () => {
      for (const option of finding.fix) {
        expect(codes(lintPlan(applyEdits(doc, option.edits))), option.action).toEqual([]);
      }
    });

    it("compares the implied value rounded to the unit: a cent's fraction is no disagreement", () => {
      const drivers = {
        model: { version: 1, formulas: { revenue: "units * price" } },
        output: "revenue",
        inputs: { units: 3, price: "333333.333333" },
      };
      expect(lintPlan({ ...minimal(), drivers })).toEqual([]);
    });
  });

  it("DRIVERS_INVALID: a stated driver outside its declared bounds", () => {
    const drivers = w1Drivers();
    (drivers.inputs as Doc).conversion = "125%";
    const finding = only(lintPlan({ ...minimal(), drivers }), "DRIVERS_INVALID");
    expect(finding.path).toEqual(["drivers", "inputs", "conversion"]);
    expect(finding.figures.error).toBe("OUT_OF_BOUNDS");
  });

  describe("SHARES_INCOMPLETE", () => {
    it("names the remainder part and its amount (W4 product lines: 其他 3,600万)", () => {
      const doc = {
        ...minimal(),
        target: "1.2亿",
        dimensions: { 产品线: { shares: { 粮油: "40%", 日化: "30%" } } },
      };
      const finding = only(lintPlan(doc), "SHARES_INCOMPLETE");
      expect(finding.path).toEqual(["dimensions", "产品线", "shares"]);
      expect(finding.figures).toEqual({
        total: "0.7",
        rest: "0.3",
        amounts: { 粮油: "48000000", 日化: "36000000" },
        remainder: { part: "其他", share: "0.3", amount: "36000000" },
      });
      expect(finding.fix[0]!.edits).toEqual([
        { op: "add", path: ["dimensions", "产品线", "remainder"], value: "其他" },
      ]);
    });

    it("picks a remainder name no part has", () => {
      const doc = { ...minimal(), dimensions: { d: { shares: { 其他: "40%" } } } };
      expect(only(lintPlan(doc), "SHARES_INCOMPLETE").fix[0]!.figures.part).toBe("其他2");
    });

    it("is not reported when the remainder is named or the shares reach 100%", () => {
      const doc = {
        ...minimal(),
        dimensions: {
          a: { shares: { x: "40%" }, remainder: "其他" },
          b: { shares: { x: "40%", y: "60%" } },
        },
      };
      expect(lintPlan(doc)).toEqual([]);
    });

    it("finds a node of the organisation whose shares leave a rest no child takes", () => {
      const doc = withOrg({
        name: "公司",
        children: [
          { name: "华东", share: "50%" },
          { name: "华南", share: "30%" },
        ],
      });
      const finding = only(lintPlan(doc), "SHARES_INCOMPLETE");
      expect(finding.path).toEqual(["organization", "children"]);
      expect(finding.figures).toEqual({ total: "0.8", rest: "0.2", amount: "200000" });
      expect(lintPlan(applyEdits(doc, finding.fix[0]!.edits))).toEqual([]);
    });

    it("property: the remainder's amount and the listed amounts add up to the target exactly", () => {
      fc.assert(
        fc.property(
          fc.integer({ min: 1, max: 10_000_000_000 }),
          fc.array(fc.integer({ min: 0, max: 2499 }), { minLength: 1, maxLength: 4 }),
          (cents, basisPoints) => {
            const target = new Decimal(cents).div(100);
            const shares = Object.fromEntries(
              basisPoints.map((bp, i) => [`p${i}`, new Decimal(bp).div(10_000).toString()]),
            );
            const doc = { ...minimal(), target: target.toString(), dimensions: { d: { shares } } };
            const finding = lintPlan(doc).find((f) => f.code === "SHARES_INCOMPLETE");
            const rest = basisPoints.reduce((a, b) => a + b, 0) < 10_000;
            expect(finding !== undefined).toBe(rest);
            if (finding === undefined) return;
            const listed = Object.values(finding.figures.amounts as Record<string, string>);
            const remainder = (finding.figures.remainder as { amount: string }).amount;
            const sum = [...listed, remainder].reduce((a, b) => a.plus(b), new Decimal(0));
            expect(sum.toString()).toBe(target.toString());
          },
        ),
        { numRuns: runs(200) },
      );
    });
  });

  describe("SHARES_EXCEED", () => {
    it("finds shares above 100% and offers to read them as weights", () => {
      const doc = { ...minimal(), dimensions: { 区域: { shares: { 华东: "60%", 华南: "50%" } } } };
      const finding = only(lintPlan(doc), "SHARES_EXCEED");
      expect(finding.figures).toEqual({ total: "1.1", excess: "0.1" });
      expect(codes(lintPlan(applyEdits(doc, finding.fix[0]!.edits)))).toEqual([]);
    });

    it("finds children of the organisation whose shares pass 100%", () => {
      const doc = withOrg({
        name: "公司",
        children: [
          { name: "a", share: "70%" },
          { name: "b", share: "70%" },
        ],
      });
      const finding = only(lintPlan(doc), "SHARES_EXCEED");
      expect(finding.path).toEqual(["organization", "children"]);
      expect(codes(lintPlan(applyEdits(doc, finding.fix[0]!.edits)))).toEqual([]);
    });
  });

  describe("AMOUNTS_MISMATCH", () => {
    const doc = {
      ...minimal(),
      target: "1.2亿",
      dimensions: {
        四大战场: {
          amounts: { 新客开发: "5000万", 老客回款: "2000万", 新行业: "2000万", 新产品: "1000万" },
        },
      },
    };
    const finding = only(lintPlan(doc), "AMOUNTS_MISMATCH");

    it("finds W2's four battlefields adding to 1亿 against 1.2亿", () => {
      expect(finding.path).toEqual(["dimensions", "四大战场", "amounts"]);
      expect(finding.figures).toEqual({
        total: "100000000",
        target: "120000000",
        difference: "20000000",
      });
    });

    it("offers the amounts scaled to the target, or the rest as a part, each resolving it", () => {
      expect(finding.fix.map((option) => option.action)).toEqual([
        "scale-amounts",
        "add-remainder",
      ]);
      expect(finding.fix[0]!.figures.amounts).toEqual({
        新客开发: "60000000",
        老客回款: "24000000",
        新行业: "24000000",
        新产品: "12000000",
      });
      for (const option of finding.fix) {
        expect(lintPlan(applyEdits(doc, option.edits)), option.action).toEqual([]);
      }
    });

    it("property: the scaled amounts always add up to the target", () => {
      fc.assert(
        fc.property(
          fc.integer({ min: 0, max: 1_000_000_000 }),
          fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 6 }),
          (cents, amounts) => {
            fc.pre(amounts.some((a) => a > 0));
            const target = new Decimal(cents).div(100).toString();
            const parts = Object.fromEntries(amounts.map((a, i) => [`p${i}`, a]));
            const plan = { ...minimal(), target, dimensions: { d: { amounts: parts } } };
            const found = lintPlan(plan).filter((f) => f.code === "AMOUNTS_MISMATCH");
            const sum = amounts.reduce((a, b) => a + b, 0);
            expect(found.length).toBe(new Decimal(sum).eq(target) ? 0 : 1);
            for (const option of found[0]?.fix ?? []) {
              expect(lintPlan(applyEdits(plan, option.edits))).toEqual([]);
            }
          },
        ),
        { numRuns: runs(150) },
      );
    });
  });

  it("HOLDS_EXCEED: held children beyond their parent", () => {
    const doc = withOrg({
      name: "公司",
      children: [
        { name: "a", hold: "80万" },
        { name: "b", hold: "30万" },
        { name: "c", weight: 1 },
      ],
    });
    const finding = only(lintPlan(doc), "HOLDS_EXCEED");
    expect(finding.path).toEqual(["organization", "children"]);
    expect(finding.figures).toEqual({
      parent: "1000000",
      held: "1100000",
      adjusted: "0",
      excess: "100000",
    });
  });

  it("HOLDS_EXCEED: a hold beyond its parent deep in the tree, with the parent's pro-rata amount", () => {
    const doc = withOrg({
      name: "公司",
      children: [
        {
          name: "华东",
          weight: 1,
          children: [
            { name: "张三", hold: "60万" },
            { name: "李四", weight: 1 },
          ],
        },
        { name: "华南", weight: 1 },
      ],
    });
    const finding = only(lintPlan(doc), "HOLDS_EXCEED");
    expect(finding.path).toEqual(["organization", "children", 0, "children"]);
    expect(finding.figures.parent).toBe("500000");
  });

  it("HOLDS_LEAVE_REST: every child held, and a rest no child takes", () => {
    const doc = withOrg({
      name: "公司",
      split: "weights",
      children: [
        { name: "a", hold: "40万" },
        { name: "b", hold: "40万" },
      ],
    });
    const finding = only(lintPlan(doc), "HOLDS_LEAVE_REST");
    expect(finding.figures.rest).toBe("200000");
    expect(lintPlan(applyEdits(doc, finding.fix[0]!.edits))).toEqual([]);
  });

  describe("BOUNDS_INFEASIBLE", () => {
    it("finds minimums that add up to more than the parent", () => {
      const doc = withOrg({
        name: "公司",
        children: [
          { name: "a", weight: 1, min: "60万" },
          { name: "b", weight: 1, min: "60万" },
        ],
      });
      const finding = only(lintPlan(doc), "BOUNDS_INFEASIBLE");
      expect(finding.figures).toEqual({ rest: "1000000", minSum: "1200000", maxSum: null });
    });

    it("finds maximums that add up to less than the parent", () => {
      const doc = withOrg({
        name: "公司",
        children: [
          { name: "a", weight: 1, max: "40万" },
          { name: "b", weight: 1, max: "40万" },
        ],
      });
      expect(only(lintPlan(doc), "BOUNDS_INFEASIBLE").figures.maxSum).toBe("800000");
    });

    it("finds a min above its max, and a hold outside its bounds", () => {
      const doc = withOrg({
        name: "公司",
        children: [
          { name: "a", weight: 1, min: "30万", max: "20万" },
          { name: "b", hold: "10万", min: "20万" },
          { name: "c", weight: 1 },
        ],
      });
      expect(
        lintPlan(doc)
          .filter((f) => f.code === "BOUNDS_INFEASIBLE")
          .map((f) => f.path),
      ).toEqual([
        ["organization", "children", 0, "min"],
        ["organization", "children", 1, "hold"],
      ]);
    });

    it("passes bounds that clip and redistribute", () => {
      const doc = withOrg({
        name: "公司",
        children: [
          { name: "a", weight: 1, max: "20万" },
          { name: "b", weight: 1 },
          { name: "c", weight: 1, min: "50万" },
        ],
      });
      expect(lintPlan(doc)).toEqual([]);
    });
  });

  it("NOT_A_MULTIPLE_OF_UNIT: a target or a hold off the rounding unit", () => {
    const doc = withOrg(
      {
        name: "公司",
        children: [
          { name: "a", hold: "10.5" },
          { name: "b", weight: 1 },
        ],
      },
      { target: "100.005", unit: "0.01" },
    );
    const unit = withOrg(
      {
        name: "公司",
        children: [
          { name: "a", hold: "10.5" },
          { name: "b", weight: 1 },
        ],
      },
      { target: "1万", unit: 1 },
    );
    expect(only(lintPlan(doc), "NOT_A_MULTIPLE_OF_UNIT").path).toEqual(["target"]);
    expect(only(lintPlan(unit), "NOT_A_MULTIPLE_OF_UNIT").path).toEqual([
      "organization",
      "children",
      0,
      "hold",
    ]);
  });

  describe("EVEN_SPLIT_IGNORES_WEIGHTS", () => {
    it("finds an even split over children with differing weights (分猪肉)", () => {
      const doc = withOrg({
        name: "校区",
        split: "even",
        children: [
          { name: "甲", weight: 3 },
          { name: "乙", weight: 1 },
        ],
      });
      const finding = only(lintPlan(doc), "EVEN_SPLIT_IGNORES_WEIGHTS");
      expect(finding.path).toEqual(["organization", "split"]);
      expect(finding.figures).toEqual({ weights: { 甲: "3", 乙: "1" } });
      expect(lintPlan(applyEdits(doc, finding.fix[0]!.edits))).toEqual([]);
    });

    it("points at the level when the level asks for the even split", () => {
      const doc = withOrg(
        {
          name: "校区",
          children: [
            { name: "甲", weight: 3 },
            { name: "乙", weight: 1 },
          ],
        },
        { levels: [{ name: "销售", split: "even" }] },
      );
      expect(only(lintPlan(doc), "EVEN_SPLIT_IGNORES_WEIGHTS").path).toEqual([
        "levels",
        0,
        "split",
      ]);
    });

    it("is quiet when the weights are equal", () => {
      const doc = withOrg({
        name: "校区",
        split: "even",
        children: [
          { name: "甲", weight: 2 },
          { name: "乙", weight: 2 },
        ],
      });
      expect(lintPlan(doc)).toEqual([]);
    });
  });

  describe("the path", () => {
    it("DUPLICATE_PERIOD and MISSING_PERIOD: W10's path listing 2016 twice", () => {
      const doc = {
        ...minimal(),
        path: [
          { period: "2014", target: "8亿" },
          { period: "2015", target: "11亿" },
          { period: "2016", target: "14亿" },
          { period: "2016", target: "17亿" },
          { period: "2018", target: "20亿" },
        ],
      };
      const findings = lintPlan(doc);
      expect(codes(findings)).toEqual(["DUPLICATE_PERIOD", "MISSING_PERIOD"]);
      expect(findings[0]!.path).toEqual(["path", 3, "period"]);
      expect(findings[0]!.fix[0]!.figures).toEqual({ period: "2017" });
      expect(findings[1]!.figures).toEqual({ missing: ["2017"] });
      expect(lintPlan(applyEdits(doc, findings[0]!.fix[0]!.edits))).toEqual([]);
    });

    it("MISSING_PERIOD for quarters and months too", () => {
      const quarters = [
        { period: "2023-Q4", target: 1 },
        { period: "2024-Q2", target: 1 },
      ];
      const months = [
        { period: "2023-12", target: 1 },
        { period: "2024-02", target: 1 },
      ];
      expect(only(lintPlan({ ...minimal(), path: quarters }), "MISSING_PERIOD").figures).toEqual({
        missing: ["2024-Q1"],
      });
      expect(only(lintPlan({ ...minimal(), path: months }), "MISSING_PERIOD").figures).toEqual({
        missing: ["2024-01"],
      });
    });

    it("PATH_MISMATCH: the entry for the plan's own year states another target", () => {
      const doc = { ...minimal(), path: [{ period: "2024", target: "90万" }] };
      const finding = only(lintPlan(doc), "PATH_MISMATCH");
      expect(finding.path).toEqual(["path", 0, "target"]);
      expect(finding.figures).toEqual({ period: "2024", path: "900000", target: "1000000" });
      for (const option of finding.fix) expect(lintPlan(applyEdits(doc, option.edits))).toEqual([]);
    });

    it("GROWTH_REQUIRED: W10's 2014 needs 14.29% over the 2013 actual of 7亿", () => {
      const doc = {
        ...minimal(),
        target: "8亿",
        period: { start: "2014-01-01", end: "2014-12-31", grains: ["month"] },
        path: [
          { period: "2013", actual: "7亿" },
          { period: "2014", target: "8亿" },
        ],
      };
      const finding = only(lintPlan(doc), "GROWTH_REQUIRED");
      expect(finding.severity).toBe("info");
      expect(finding.figures).toMatchObject({
        from: "2013",
        to: "2014",
        rate: "0.142857",
        periods: 1,
      });
      expect(finding.message).toContain("14.29%");
    });

    it("GROWTH_REQUIRED over several years gives the rate per year (W10's CAGR 25.74%)", () => {
      const doc = {
        ...minimal(),
        target: "20亿",
        period: { start: "2018-01-01", end: "2018-12-31", grains: ["month"] },
        path: [{ period: "2014", actual: "8亿" }],
      };
      const finding = only(lintPlan(doc), "GROWTH_REQUIRED");
      expect(finding.figures).toMatchObject({ rate: "1.5", periods: 4, perPeriod: "0.257433" });
    });

    it("GROWTH_REQUIRED over a zero actual is null plus a reason", () => {
      const doc = { ...minimal(), path: [{ period: "2023", actual: 0 }] };
      expect(only(lintPlan(doc), "GROWTH_REQUIRED").figures).toMatchObject({
        rate: null,
        reason: "The last actual is zero.",
      });
    });
  });

  describe("the metrics' gap rates (W7)", () => {
    const w7 = [
      { name: "销售额", current: "80万", target: "100万", statedGapRate: "20%" },
      { name: "转化率", current: "8%", target: "12%", statedGapRate: "50%" },
      { name: "复购率", current: "15%", target: "20%", statedGapRate: "33%" },
      { name: "获客成本", current: 500, target: 400, direction: "lower", statedGapRate: "25%" },
    ];

    it("MIXED_GAP_BASES: W7's table divides by the target for two rows and by the current value for two", () => {
      const finding = only(lintPlan({ ...minimal(), metrics: w7 }), "MIXED_GAP_BASES");
      expect(finding.path).toEqual(["metrics"]);
      expect(finding.figures.metrics).toEqual([
        { name: "销售额", stated: "0.2", basis: "target", target: "0.2", current: "0.25" },
        { name: "转化率", stated: "0.5", basis: "current", target: "0.333333", current: "0.5" },
        { name: "复购率", stated: "0.33", basis: "current", target: "0.25", current: "0.333333" },
        { name: "获客成本", stated: "0.25", basis: "target", target: "0.25", current: "0.2" },
      ]);
      for (const option of finding.fix) {
        expect(lintPlan(applyEdits({ ...minimal(), metrics: w7 }, option.edits))).toEqual([]);
      }
    });

    it("STATED_RATE_MISMATCH: a stated rate that matches neither basis", () => {
      const metrics = [{ name: "转化率", current: "8%", target: "12%", statedGapRate: "40%" }];
      const finding = only(lintPlan({ ...minimal(), metrics }), "STATED_RATE_MISMATCH");
      expect(finding.path).toEqual(["metrics", 0, "statedGapRate"]);
      expect(finding.figures).toEqual({
        name: "转化率",
        stated: "0.4",
        target: "0.333333",
        current: "0.5",
      });
    });

    it("STATED_RATE_MISMATCH: a stated rate that does not match its declared basis", () => {
      const metrics = [
        { name: "转化率", current: "8%", target: "12%", statedGapRate: "50%", basis: "target" },
      ];
      expect(codes(lintPlan({ ...minimal(), metrics }))).toEqual(["STATED_RATE_MISMATCH"]);
    });

    it("a zero basis has no rate, and never matches", () => {
      const metrics = [{ name: "x", current: 0, target: 10, statedGapRate: "100%" }];
      expect(codes(lintPlan({ ...minimal(), metrics }))).toEqual([]);
      const zero = [{ name: "x", current: 5, target: 0, statedGapRate: "50%" }];
      expect(codes(lintPlan({ ...minimal(), metrics: zero }))).toEqual(["STATED_RATE_MISMATCH"]);
    });

    it("reads the stated rate's decimals as written: 33% has 2, 33.3% has 3, 0.50 has 2", () => {
      expect(["33%", "33.3%", "5‰", "0.50", 0.5].map(statedDecimals)).toEqual([2, 3, 3, 2, 1]);
      expect(rateMatches("33%", new Decimal(1).div(3))).toBe(true);
      expect(rateMatches("33.3%", new Decimal(1).div(3))).toBe(true);
      expect(rateMatches("33.4%", new Decimal(1).div(3))).toBe(false);
    });

    it("property: a rate rounded to any number of percent decimals matches its rate", () => {
      fc.assert(
        fc.property(
          fc.integer({ min: 1, max: 10_000_000 }),
          fc.integer({ min: 1, max: 10_000_000 }),
          fc.integer({ min: 0, max: 4 }),
          (gap, basis, digits) => {
            const rate = new Decimal(gap).div(basis);
            const stated = `${rate.times(100).toDecimalPlaces(digits, Decimal.ROUND_HALF_UP).toFixed(digits)}%`;
            expect(rateMatches(stated, rate)).toBe(true);
          },
        ),
        { numRuns: runs(300) },
      );
    });
  });

  describe("the calendar", () => {
    it("PROVISIONAL_CALENDAR: 2027 with provisional days asked for", () => {
      const doc = {
        ...minimal(),
        period: {
          start: "2027-01-01",
          end: "2027-12-31",
          grains: ["month"],
          calendar: { china: { missingYears: "provisional" } },
        },
      };
      const finding = only(lintPlan(doc), "PROVISIONAL_CALENDAR");
      expect(finding.path).toEqual(["period", "calendar"]);
      expect(finding.figures).toEqual({ years: [2027] });
    });

    it("CALENDAR_YEAR_MISSING: 2027 on the default calendar, fixed by asking for provisional days", () => {
      const doc = {
        ...minimal(),
        period: { start: "2026-07-01", end: "2027-06-30", grains: ["month"] },
      };
      const finding = only(lintPlan(doc), "CALENDAR_YEAR_MISSING");
      expect(finding.path).toEqual(["period"]);
      expect(finding.figures).toEqual({ years: [2027], covered: [2004, 2026] });
      const fixed = applyEdits(doc, finding.fix[0]!.edits);
      expect(codes(lintPlan(fixed))).toEqual(["PROVISIONAL_CALENDAR"]);
    });

    it("CALENDAR_YEAR_MISSING even with provisional days, for a year they cannot be computed for", () => {
      const doc = {
        ...minimal(),
        period: {
          start: "2003-01-01",
          end: "2003-12-31",
          grains: ["month"],
          calendar: { china: { missingYears: "provisional" } },
        },
      };
      expect(only(lintPlan(doc), "CALENDAR_YEAR_MISSING").fix).toEqual([]);
    });

    it("checks an explicit calendar's years too, and trusts one without years", () => {
      const period = (calendar: unknown) => ({
        ...minimal(),
        period: { start: "2024-01-01", end: "2024-12-31", grains: ["month"], calendar },
      });
      expect(codes(lintPlan(period({ weekend: [6, 7], years: [2023] })))).toEqual([
        "CALENDAR_YEAR_MISSING",
      ]);
      expect(codes(lintPlan(period({ weekend: [7] })))).toEqual([]);
    });
  });

  describe("UNKNOWN_FIELD", () => {
    it("reports a misspelt field with the closest known name, and renames it as a fix", () => {
      const doc = withOrg({
        name: "公司",
        children: [
          { name: "a", weight: 1, holds: "10万" },
          { name: "b", weight: 1 },
        ],
      });
      const finding = only(lintPlan(doc), "UNKNOWN_FIELD");
      expect(finding.path).toEqual(["organization", "children", 0, "holds"]);
      expect(finding.figures).toEqual({ field: "holds", suggestion: "hold" });
      expect(finding.fix[0]!.edits).toEqual([
        {
          op: "move",
          from: ["organization", "children", 0, "holds"],
          path: ["organization", "children", 0, "hold"],
        },
      ]);
      expect(lintPlan(applyEdits(doc, finding.fix[0]!.edits))).toEqual([]);
    });

    it("throws when the misspelt field leaves the document unreadable, naming both problems", () => {
      const doc = withOrg({
        name: "公司",
        split: "weights",
        children: [
          { name: "a", weigth: 1 },
          { name: "b", weight: 1 },
        ],
      });
      const error = expectCode(() => lintPlan(doc), "INVALID_PLAN");
      expect(error.details.problems).toEqual([
        {
          path: ["organization", "children", 0, "weigth"],
          code: "UNKNOWN_FIELD",
          message: expect.stringContaining('Did you mean "weight"?'),
        },
        {
          path: ["organization", "children", 0, "weight"],
          code: "INVALID_ARGUMENT",
          message: expect.stringContaining("has no weight"),
        },
      ]);
    });

    it("points the library's word at the document's: period.spreadBy is basis", () => {
      const doc = minimal();
      const finding = only(
        lintPlan({ ...doc, period: { ...(doc.period as Doc), spreadBy: "working-days" } }),
        "UNKNOWN_FIELD",
      );
      expect(finding.figures).toEqual({ field: "spreadBy", suggestion: "basis" });
      expect(finding.message).toContain('The plan document calls it "basis"');
    });

    it("comes first, before the other findings", () => {
      const doc = {
        ...minimal(),
        dimensions: { d: { shares: { x: "40%" } } },
        tracking: { tolerence: "5%" },
      };
      expect(codes(lintPlan(doc))).toEqual(["UNKNOWN_FIELD", "SHARES_INCOMPLETE"]);
    });
  });

  describe("the 日事清 plan (examples/plans/rishiqing-2024.json)", () => {
    const findings = lintPlan(example("rishiqing-2024.json"));

    it("lints to exactly its known contradictions, plus the growth its target needs", () => {
      expect(findings.map((f) => [f.code, f.severity, f.path])).toEqual([
        ["DRIVERS_DISAGREE", "error", ["drivers"]],
        ["SHARES_INCOMPLETE", "warning", ["dimensions", "产品线", "shares"]],
        ["SHARES_INCOMPLETE", "warning", ["dimensions", "区域", "shares"]],
        ["SHARES_INCOMPLETE", "warning", ["dimensions", "客户类型", "shares"]],
        ["AMOUNTS_MISMATCH", "error", ["dimensions", "四大战场", "amounts"]],
        ["DUPLICATE_PERIOD", "error", ["path", 4, "period"]],
        ["MISSING_PERIOD", "warning", ["path"]],
        ["GROWTH_REQUIRED", "info", ["target"]],
      ]);
    });

    it("gives W1's 480万 against 1.2亿 and W4's remainders (30%, 40%, 20%)", () => {
      expect(findings[0]!.figures).toMatchObject({
        implied: "4800000",
        gap: "115200000",
        gapRate: "0.96",
      });
      expect(findings.slice(1, 4).map((f) => f.figures.remainder)).toEqual([
        { part: "其他", share: "0.3", amount: "36000000" },
        { part: "其他", share: "0.4", amount: "48000000" },
        { part: "其他", share: "0.2", amount: "24000000" },
      ]);
      expect(findings[4]!.figures).toMatchObject({ total: "100000000", target: "120000000" });
    });

    it("is the fixed plan after the scale-drivers, name-remainder, scale-amounts and relabel fixes", () => {
      const pick = (finding: Finding, action: string) =>
        finding.fix.find((option) => option.action === action)!.edits;
      const edits = [
        ...pick(findings[0]!, "scale-drivers"),
        ...findings.slice(1, 4).flatMap((f) => pick(f, "name-remainder")),
        ...pick(findings[4]!, "scale-amounts"),
        ...pick(findings[5]!, "relabel-period"),
      ];
      const fixed = applyEdits(example("rishiqing-2024.json"), edits);
      expect(codes(lintPlan(fixed))).toEqual(["GROWTH_REQUIRED"]);
    });
  });

  it("finds no error or warning in the fixed 日事清 plan", () => {
    expect(codes(lintPlan(example("rishiqing-2024-fixed.json")))).toEqual(["GROWTH_REQUIRED"]);
  });

  it("gives PROVISIONAL_CALENDAR for the retailer's 2027 plan", () => {
    expect(codes(lintPlan(example("retail-2027.json")))).toEqual([
      "PROVISIONAL_CALENDAR",
      "GROWTH_REQUIRED",
    ]);
  });

  it("reads the document as JSON text too", () => {
    const text = JSON.stringify({ ...minimal(), dimensions: { d: { shares: { x: "40%" } } } });
    expect(codes(lintPlan(text))).toEqual(["SHARES_INCOMPLETE"]);
  });

  it("throws INVALID_PLAN, with every problem, for a document it cannot read", () => {
    const error = expectCode(
      () => lintPlan({ version: 2, target: "abc", period: {}, organisation: {} }),
      "INVALID_PLAN",
    );
    expect((error.details.problems as { path: unknown }[]).map((p) => p.path)).toEqual([
      ["organisation"],
      ["version"],
      ["target"],
      ["period", "start"],
      ["period", "end"],
      ["period", "grains"],
      ["organization"],
    ]);
  });

  it("returns plain data: JSON round trip gives the same findings, no Decimal inside", () => {
    const findings = lintPlan(example("rishiqing-2024.json"));
    expect(JSON.parse(JSON.stringify(findings))).toEqual(findings);
  });

  it("never mutates the document (frozen input)", () => {
    const doc = deepFreeze(example("rishiqing-2024.json"));
    const before = JSON.stringify(doc);
    lintPlan(doc);
    expect(JSON.stringify(doc)).toBe(before);
  });
});
