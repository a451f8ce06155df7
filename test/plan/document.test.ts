import fc from "fast-check";
import type { PlanProblem } from "targetree";
import { readPlanDocument, TargetreeError } from "targetree";
import { describe, expect, it } from "vitest";
import { Decimal } from "../../src/_lib/decimal.js";
import { deepFreeze, errorOf, expectCode } from "../_support/errors.js";
import { runs } from "../_support/runs.js";
import { example, minimal } from "./_plans.js";

type Doc = Record<string, unknown>;

/** The problems readPlanDocument lists for `doc`, as [path, code]. */
function problemsOf(doc: unknown): [readonly (string | number)[], string][] {
  const error = expectCode(() => readPlanDocument(doc), "INVALID_PLAN");
  return (error.details.problems as PlanProblem[]).map((problem) => [problem.path, problem.code]);
}

const withPeriod = (period: Doc): Doc => ({
  ...minimal(),
  period: { ...(minimal().period as Doc), ...period },
});

describe("readPlanDocument", () => {
  it("returns the example documents as they are, as fresh copies", () => {
    for (const name of ["rishiqing-2024.json", "rishiqing-2024-fixed.json", "retail-2027.json"]) {
      const doc = example(name);
      const read = readPlanDocument(doc);
      expect(read, name).toEqual(doc);
      expect(read).not.toBe(doc);
      expect(read.organization).not.toBe(doc.organization);
    }
  });

  it("lists every problem at once, each with its path and code", () => {
    const doc = {
      version: 1,
      target: "1.2e",
      period: { start: "2024-02-30", end: "2024-12-31", grains: ["month", "quarter"] },
      organization: {
        name: "公司",
        children: [
          { name: "华东", weight: "-1" },
          { name: "华东", weight: 1, mni: 0 },
        ],
      },
      drivers: {
        model: { version: 1, formulas: { revenue: "customers * (aov" } },
        output: "revenue",
        inputs: {},
      },
      rules: [{ id: "behind", when: "achievement <", recommend: "复盘" }],
    };
    expect(problemsOf(doc)).toEqual([
      [["target"], "INVALID_NUMBER"],
      [["period", "start"], "INVALID_DATE"],
      [["period", "grains", 1], "INVALID_ARGUMENT"],
      [["organization", "children", 0, "weight"], "NEGATIVE_WEIGHT"],
      [["organization", "children", 1, "mni"], "UNKNOWN_FIELD"],
      [["organization", "children", 1, "name"], "DUPLICATE_KEY"],
      [["drivers", "model", "formulas", "revenue"], "FORMULA_SYNTAX"],
      [["rules", 0, "when"], "FORMULA_SYNTAX"],
    ]);
  });

  it("puts every problem in the message, and the first one's path on the error", () => {
    const error = errorOf(() => readPlanDocument({ ...minimal(), target: null, unit: 0 }));
    expect(error.path).toEqual(["target"]);
    expect(error.message).toMatch(
      /^INVALID_PLAN: The plan document has 2 problems: target: .*\| unit: /,
    );
  });

  it("suggests the closest known field, and PLAN.md's word for the library's", () => {
    const doc = {
      ...minimal(),
      taget: "1亿",
      metrics: [{ name: "转化率", actual: "8%", target: "12%" }],
    };
    const error = expectCode(() => readPlanDocument(doc), "INVALID_PLAN");
    const messages = (error.details.problems as PlanProblem[]).map((p) => p.message);
    expect(messages[0]).toContain(
      'Unknown field "taget" in the plan document. Did you mean "target"?',
    );
    expect(messages[1]).toContain(
      'Unknown field "actual" in metrics[0]. The plan document calls it "current" (PLAN.md\'s word).',
    );
    expect(messages[2]).toBe("Missing: current (the measured value).");
  });

  it("refuses what is not a version-1 document: JSON text that does not parse, another version", () => {
    expect(problemsOf("{ not json")).toEqual([[[], "INVALID_ARGUMENT"]]);
    expect(problemsOf({ ...minimal(), version: 2 })).toEqual([[["version"], "INVALID_ARGUMENT"]]);
    expect(problemsOf({ ...minimal(), version: undefined })).toEqual([
      [["version"], "INVALID_ARGUMENT"],
    ]);
    for (const value of [null, [], 42, true])
      expect(problemsOf(value)).toEqual([[[], "INVALID_ARGUMENT"]]);
  });

  it("refuses a Map where a record is expected, saying how to pass it", () => {
    const error = expectCode(
      () => readPlanDocument({ ...minimal(), dimensions: new Map([["a", { weights: { x: 1 } }]]) }),
      "INVALID_PLAN",
    );
    expect(error.message).toContain("a Map (pass a plain object");
  });

  it("keeps a caller's Decimals as they are, in amounts and in the model's bounds", () => {
    const target = new Decimal("1.2e8");
    const min = new Decimal(0);
    const doc = {
      ...minimal(),
      target,
      drivers: {
        model: {
          version: 1,
          formulas: { revenue: "customers * aov" },
          inputs: { customers: { min } },
        },
        output: "revenue",
        inputs: { customers: new Decimal(15000), aov: 8000 },
      },
    };
    const read = readPlanDocument(doc);
    expect(read.target).toBe(target);
    expect(read.drivers!.model.inputs!.customers!.min).toBe(min);
  });

  it("reads JSON text", () => {
    expect(readPlanDocument(JSON.stringify(minimal()))).toEqual(minimal());
  });

  it("accepts every Numeric form for amounts, and 万 / 亿 as the unit", () => {
    const doc = {
      ...minimal(),
      target: "1.2亿",
      unit: "万",
      organization: {
        name: "公司",
        children: [
          { name: "a", weight: "8,000", max: "5000万" },
          { name: "b", weight: 2, min: 0, hold: 3.5e7 },
        ],
      },
    };
    expect(readPlanDocument(doc)).toEqual(doc);
  });

  it("checks the period: date order, grains coarse to fine, seasonality with its spread", () => {
    expect(problemsOf(withPeriod({ start: "2024-12-31", end: "2024-01-01" }))).toEqual([
      [["period", "end"], "INVALID_RANGE"],
    ]);
    expect(problemsOf(withPeriod({ grains: [] }))).toEqual([
      [["period", "grains"], "INVALID_ARGUMENT"],
    ]);
    expect(problemsOf(withPeriod({ grains: ["month", "month"] }))).toEqual([
      [["period", "grains", 1], "INVALID_ARGUMENT"],
    ]);
    expect(problemsOf(withPeriod({ basis: "seasonality" }))).toEqual([
      [["period", "seasonality"], "INVALID_ARGUMENT"],
    ]);
    expect(problemsOf(withPeriod({ seasonality: { monthly: [1] } }))).toEqual([
      [["period", "seasonality"], "INVALID_ARGUMENT"],
    ]);
    expect(
      problemsOf(withPeriod({ basis: "seasonality", seasonality: { monthly: [1, 2] } })),
    ).toEqual([[["period", "seasonality", "monthly"], "SEASONALITY_MISMATCH"]]);
    const monthly = [8, 6, 9, 9, 9, 8, 8, 8, 9, 8, 9, 9];
    const seasonal = withPeriod({ basis: "seasonality", seasonality: { monthly } });
    expect(readPlanDocument(seasonal)).toEqual(seasonal);
  });

  it("checks the calendar: the china form and its arrangements, or an explicit calendar", () => {
    expect(problemsOf(withPeriod({ calendar: { china: { missingYears: "provisonal" } } }))).toEqual(
      [[["period", "calendar", "china", "missingYears"], "INVALID_ARGUMENT"]],
    );
    const badArrangement = { china: { arrangements: [{ year: 2027, holidays: "none" }] } };
    expect(problemsOf(withPeriod({ calendar: badArrangement }))[0]![0].slice(0, 5)).toEqual([
      "period",
      "calendar",
      "china",
      "arrangements",
      0,
    ]);
    const conflict = { holidays: ["2024-10-01"], workdays: [{ date: "2024-10-01", name: "x" }] };
    expect(problemsOf(withPeriod({ calendar: conflict }))).toEqual([
      [["period", "calendar", "workdays", 0], "CALENDAR_CONFLICT"],
    ]);
    expect(problemsOf(withPeriod({ calendar: { weekend: [6, 6, 8] } }))).toEqual([
      [["period", "calendar", "weekend", 1], "INVALID_ARGUMENT"],
      [["period", "calendar", "weekend", 2], "INVALID_ARGUMENT"],
    ]);
  });

  describe("the organisation", () => {
    const org = (organization: unknown, extra: Doc = {}): Doc => ({
      ...minimal(),
      organization,
      ...extra,
    });

    it("refuses a weight, share or hold on the top node", () => {
      expect(problemsOf(org({ name: "公司", weight: 1, hold: 5 }))).toEqual([
        [["organization", "weight"], "INVALID_ARGUMENT"],
        [["organization", "hold"], "INVALID_ARGUMENT"],
      ]);
    });

    it("needs unique ids without '/', and an id for a name with '/'", () => {
      const tree = {
        name: "公司",
        children: [
          { id: "x", name: "a", weight: 1 },
          { id: "x", name: "b", weight: 1 },
          { id: "y/z", name: "c", weight: 1 },
          { name: "d/e", weight: 1 },
        ],
      };
      expect(problemsOf(org(tree))).toEqual([
        [["organization", "children", 1, "id"], "DUPLICATE_KEY"],
        [["organization", "children", 2, "id"], "INVALID_ARGUMENT"],
        [["organization", "children", 3, "name"], "INVALID_ARGUMENT"],
      ]);
    });

    it("says what each split rule needs: a weight, or a share (or the remainder's name)", () => {
      const tree = {
        name: "公司",
        children: [
          { name: "a", share: "50%" },
          { name: "b" },
          { name: "其他" },
          { name: "held", hold: 10 },
        ],
      };
      expect(problemsOf(org(tree))).toEqual([
        [["organization", "children", 1, "share"], "INVALID_ARGUMENT"],
        [["organization", "children", 2, "share"], "INVALID_ARGUMENT"],
      ]);
      expect(
        readPlanDocument(
          org({
            ...tree,
            remainder: "其他",
            children: tree.children.filter((c) => c.name !== "b"),
          }),
        ).organization.remainder,
      ).toBe("其他");
      const levels = [{ name: "大区", split: "weights" }];
      expect(problemsOf(org({ name: "公司", children: [{ name: "a" }] }, { levels }))).toEqual([
        [["organization", "children", 0, "weight"], "INVALID_ARGUMENT"],
      ]);
    });

    it("keeps customers on leaves only, as whole numbers", () => {
      const tree = {
        name: "公司",
        customers: { A: 1 },
        children: [{ name: "a", weight: 1, customers: { A: 12, B: 1.5 } }],
      };
      expect(problemsOf(org(tree))).toEqual([
        [["organization", "customers"], "INVALID_ARGUMENT"],
        [["organization", "children", 0, "customers", "B"], "INVALID_ARGUMENT"],
      ]);
    });

    it("refuses a tree deeper than 256 levels without overflowing the stack", () => {
      let node: Doc = { name: "leaf" };
      for (let i = 0; i < 300; i++) node = { name: `n${i}`, children: [node] };
      expect(problemsOf(org(node))[0]![1]).toBe("INVALID_ARGUMENT");
    });
  });

  describe("the drivers", () => {
    const drivers = (patch: Doc): Doc => ({
      ...minimal(),
      drivers: {
        model: {
          version: 1,
          formulas: { revenue: "customers * aov" },
          inputs: { customers: { min: 0 } },
        },
        output: "revenue",
        inputs: { customers: 100, aov: 8000 },
        ...patch,
      },
    });

    it("checks the output, the inputs and vary against the model, with suggestions", () => {
      const error = expectCode(
        () =>
          readPlanDocument(
            drivers({ output: "revenu", inputs: { customer: 100, aov: 8000 }, vary: ["aovv"] }),
          ),
        "INVALID_PLAN",
      );
      const problems = error.details.problems as PlanProblem[];
      expect(problems.map((p) => [p.path, p.code])).toEqual([
        [["drivers", "output"], "UNKNOWN_NODE"],
        [["drivers", "inputs", "customer"], "UNKNOWN_NODE"],
        [["drivers", "inputs"], "MISSING_INPUT"],
        [["drivers", "vary", 0], "UNKNOWN_NODE"],
      ]);
      expect(problems[0]!.message).toContain('Did you mean "revenue"?');
      expect(problems[1]!.message).toContain('Did you mean "customers"?');
    });

    it("gives the model's own errors with paths into the document", () => {
      const cyclic = { version: 1, formulas: { a: "b + 1", b: "a * 2" } };
      expect(problemsOf(drivers({ model: cyclic, output: "a", inputs: {} }))).toEqual([
        [["drivers", "model", "formulas", "a"], "CYCLE"],
      ]);
      const bounds = { version: 1, formulas: { revenue: "x" }, inputs: { x: { min: "abc" } } };
      expect(problemsOf(drivers({ model: bounds, inputs: { x: 1 } }))[0]![0]).toEqual([
        "drivers",
        "model",
        "inputs",
        "x",
        "min",
      ]);
    });
  });

  it("checks dimensions: one kind of parts, a remainder only with shares and not a part's name", () => {
    const doc = {
      ...minimal(),
      dimensions: {
        a: { shares: { x: "40%" }, weights: { x: 1 } },
        b: { weights: { x: 1 }, remainder: "其他" },
        c: { shares: { 其他: "40%" }, remainder: "其他" },
        d: { amounts: {} },
        e: { shares: { x: "-5%" } },
      },
    };
    expect(problemsOf(doc)).toEqual([
      [["dimensions", "a"], "INVALID_ARGUMENT"],
      [["dimensions", "b", "remainder"], "INVALID_ARGUMENT"],
      [["dimensions", "c", "remainder"], "DUPLICATE_KEY"],
      [["dimensions", "d", "amounts"], "INVALID_ARGUMENT"],
      [["dimensions", "e", "shares", "x"], "NEGATIVE_WEIGHT"],
    ]);
  });

  it("keeps __proto__ as an ordinary part name, polluting nothing", () => {
    const doc = JSON.parse(
      '{"version":1,"target":1,"period":{"start":"2024-01-01","end":"2024-12-31","grains":["month"]},"organization":{"name":"x"},"dimensions":{"d":{"weights":{"__proto__":2,"b":1}}}}',
    );
    const read = readPlanDocument(doc);
    const weights = (read.dimensions!.d as { weights: Record<string, unknown> }).weights;
    expect(Object.keys(weights)).toEqual(["__proto__", "b"]);
    expect(Object.getPrototypeOf(weights)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).b).toBeUndefined();
  });

  it("checks the path, metrics, activity, rules, health and tracking", () => {
    const doc = {
      ...minimal(),
      path: [{ period: "2024" }, { period: "2024-Q1", target: 1 }, { period: "FY24", target: 1 }],
      metrics: [{ name: "x", current: 1, target: 2, direction: "up" }],
      activity: {
        funnel: [
          { stage: "拜访", per: 0 },
          { stage: "新客户", per: 2 },
        ],
        cadence: { A: { every: "fortnight" }, B: "hourly" },
      },
      rules: [
        { id: "a", when: "x < 1", recommend: "r", severity: "high" },
        { id: "a", when: "x < 2", recommend: "r" },
      ],
      health: { misses: 0, below: "50%" },
      tracking: { tolerance: "-5%" },
    };
    expect(problemsOf(doc)).toEqual([
      [["path", 0], "INVALID_ARGUMENT"],
      [["path", 1, "period"], "INVALID_ARGUMENT"],
      [["path", 2, "period"], "INVALID_ARGUMENT"],
      [["metrics", 0, "direction"], "INVALID_ARGUMENT"],
      [["activity", "funnel", 0, "per"], "INVALID_ARGUMENT"],
      [["activity", "funnel", 1, "per"], "INVALID_ARGUMENT"],
      [["activity", "cadence", "A", "every"], "UNKNOWN_CADENCE"],
      [["activity", "cadence", "B"], "UNKNOWN_CADENCE"],
      [["rules", 0, "severity"], "INVALID_ARGUMENT"],
      [["rules", 1, "id"], "DUPLICATE_KEY"],
      [["health", "misses"], "INVALID_ARGUMENT"],
      [["tracking", "tolerance"], "INVALID_ARGUMENT"],
    ]);
  });

  it("never mutates the document (frozen input)", () => {
    const doc = deepFreeze(example("rishiqing-2024-fixed.json"));
    expect(readPlanDocument(doc)).toEqual(doc);
  });

  it("property: reading its own output again gives the same document", () => {
    const docs = ["rishiqing-2024.json", "rishiqing-2024-fixed.json", "retail-2027.json"].map(
      example,
    );
    fc.assert(
      fc.property(fc.constantFrom(...docs), (doc) => {
        const once = readPlanDocument(doc);
        expect(readPlanDocument(JSON.parse(JSON.stringify(once)))).toEqual(once);
      }),
      { numRuns: runs(10) },
    );
  });

  it("property: any JSON value at any field gives the document back or INVALID_PLAN, nothing else", () => {
    const base = example("rishiqing-2024-fixed.json");
    const fields: (string | number)[][] = [];
    const walk = (value: unknown, path: (string | number)[]) => {
      if (path.length > 0) fields.push(path);
      if (typeof value === "object" && value !== null && path.length < 6) {
        for (const [key, inner] of Object.entries(value)) {
          walk(inner, [...path, Array.isArray(value) ? Number(key) : key]);
        }
      }
    };
    walk(base, []);
    fc.assert(
      fc.property(fc.constantFrom(...fields), fc.jsonValue(), (path, value) => {
        const doc = structuredClone(base);
        let parent = doc as Record<string | number, unknown>;
        for (const key of path.slice(0, -1))
          parent = parent[key] as Record<string | number, unknown>;
        parent[path.at(-1)!] = value;
        try {
          readPlanDocument(doc);
        } catch (error) {
          expect(error).toBeInstanceOf(TargetreeError);
          expect((error as TargetreeError).code).toBe("INVALID_PLAN");
          expect((error as TargetreeError).details.problems).not.toHaveLength(0);
        }
      }),
      { numRuns: runs(300) },
    );
  });
});
