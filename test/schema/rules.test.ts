import fc from "fast-check";
import { compileRules, evaluateRules, tieredBonus, visitPlan } from "targetree";
import { alertRuleSchema, validate } from "targetree/schema";
import { describe, expect, it } from "vitest";
import { errorOf } from "../_support/errors.js";
import { runs } from "../_support/runs.js";

/** The W3 alert rules. */
const W3_RULES = [
  { id: "low-visits", when: "dailyVisits < 3", recommend: "通知区域经理" },
  { id: "stuck-opportunity", when: "stuckDays > 7", recommend: "升级至总监", severity: "danger" },
  { id: "no-progress", when: "hoursSinceProgress > 48", recommend: "推送跟进话术" },
];

describe("alertRulesSchema", () => {
  it("accepts the W3 rules, and evaluateRules runs what it returns", () => {
    const rules = validate("alertRules", W3_RULES);
    expect(rules).toEqual(W3_RULES);
    const fired = evaluateRules(rules, { dailyVisits: 2, stuckDays: 9, hoursSinceProgress: 1 });
    expect(fired.map((rule) => rule.id)).toEqual(["low-visits", "stuck-opportunity"]);
  });

  it("refuses each kind of bad rule list with the code of compileRules and the path", () => {
    const cases: [unknown, string, (string | number)[]][] = [
      [{}, "INVALID_ARGUMENT", []],
      [[{ id: "a", when: "x < 1" }], "INVALID_ARGUMENT", [0, "recommend"]],
      [[{ id: " ", when: "x < 1", recommend: "r" }], "INVALID_ARGUMENT", [0, "id"]],
      [
        [{ id: "a", when: "x < 1", recommend: "r", severity: "high" }],
        "INVALID_ARGUMENT",
        [0, "severity"],
      ],
      [[{ id: "a", when: "x < 1", recommend: "r", note: "" }], "INVALID_ARGUMENT", [0, "note"]],
      [
        [
          { id: "a", when: "x < 1", recommend: "r" },
          { id: "a", when: "y < 1", recommend: "r" },
        ],
        "DUPLICATE_KEY",
        [1, "id"],
      ],
      [[{ id: "a", when: "x <", recommend: "r" }], "FORMULA_SYNTAX", [0, "when"]],
      [[{ id: "a", when: "x + 1", recommend: "r" }], "TYPE_MISMATCH", [0, "when"]],
      [[{ id: "a", when: "eval(x) > 1", recommend: "r" }], "UNKNOWN_FUNCTION", [0, "when"]],
    ];
    for (const [rules, code, path] of cases) {
      const error = errorOf(() => validate("alertRules", rules));
      expect([error.code, error.path], JSON.stringify(rules)).toEqual([code, path]);
    }
  });

  it("takes each severity", () => {
    const rules = ["info", "warning", "danger"].map((severity, i) => ({
      id: `r${i}`,
      when: "x < 1",
      recommend: "r",
      severity,
    }));
    expect(validate("alertRules", rules)).toEqual(rules);
  });

  it("names each field that is missing, blank or not text", () => {
    const error = errorOf(() => validate("alertRules", [{ id: " ", when: 5 }]));
    expect(error.details.issues).toEqual([
      { path: [0, "id"], message: "id must be a non-empty string.", code: null },
      { path: [0, "when"], message: "when must be a non-empty string.", code: null },
      { path: [0, "recommend"], message: "recommend must be a non-empty string.", code: null },
    ]);
    expect(errorOf(() => validate("alertRules", {})).message).toBe(
      "INVALID_ARGUMENT: Expected an array, got an object.",
    );
  });

  it("checks one rule's shape with alertRuleSchema", () => {
    expect(validate(alertRuleSchema, W3_RULES[1])).toEqual(W3_RULES[1]);
  });

  describe("properties", () => {
    it("a list passes exactly when compileRules accepts it", () => {
      const rule = fc.record({
        id: fc.constantFrom("a", "b", "c"),
        when: fc.constantFrom("x < 3", "x >", "y + 1", "x < 3 and not z", "min(x) > 1"),
        recommend: fc.constantFrom("r", ""),
      });
      fc.assert(
        fc.property(fc.array(rule, { maxLength: 3 }), (rules) => {
          const passes = (fn: () => unknown) => {
            try {
              fn();
              return true;
            } catch {
              return false;
            }
          };
          expect(passes(() => validate("alertRules", rules))).toBe(
            passes(() => compileRules(rules)),
          );
        }),
        { numRuns: runs(200) },
      );
    });
  });
});

describe("bonusTiersSchema", () => {
  it("accepts the W8 tiers (10万 of A → 1万; 200 a referral)", () => {
    const tiers = validate("bonusTiers", [{ from: "10万", fixed: "1万" }]);
    expect(tieredBonus("10万", tiers).bonus.toString()).toBe("10000");
    expect(tieredBonus(5, validate("bonusTiers", [{ from: 0, rate: 200 }])).bonus.toString()).toBe(
      "1000",
    );
  });

  it("refuses bad tiers with INVALID_TIERS and the path", () => {
    const cases: [unknown, string, (string | number)[]][] = [
      [[], "INVALID_TIERS", []],
      [[{ rate: "3%" }], "INVALID_TIERS", [0, "from"]],
      [[{ from: 0 }], "INVALID_TIERS", [0]],
      [[{ from: 0, rate: "-1%" }], "INVALID_TIERS", [0, "rate"]],
      [
        [
          { from: "10万", rate: 1 },
          { from: "10万", rate: 2 },
        ],
        "INVALID_TIERS",
        [1, "from"],
      ],
      [[{ from: "x", rate: 1 }], "INVALID_NUMBER", [0, "from"]],
    ];
    for (const [tiers, code, path] of cases) {
      const error = errorOf(() => validate("bonusTiers", tiers));
      expect([error.code, error.path], JSON.stringify(tiers)).toEqual([code, path]);
    }
  });
});

describe("bonusTiersSchema messages", () => {
  it("accepts a fixed amount of zero and a tier from below zero", () => {
    const tiers = [
      { from: -5, rate: "1%" },
      { from: 0, fixed: 0 },
    ];
    expect(validate("bonusTiers", tiers)).toEqual(tiers);
  });

  it("says what is wrong with the tiers", () => {
    const cases: [unknown, string][] = [
      [[], "INVALID_TIERS: tiers must be a non-empty array of { from, rate?, fixed? }."],
      [
        [{ from: 0, fixed: -1 }],
        "INVALID_TIERS: A tier's rate and fixed amount must not be negative. (at [0].fixed)",
      ],
      [
        [{ from: 0 }],
        "INVALID_TIERS: tiers[0] pays nothing: give a rate or a fixed amount. (at [0])",
      ],
      [
        [
          { from: 5, rate: 1 },
          { from: 5, rate: 1 },
        ],
        "INVALID_TIERS: tiers[1] starts where tiers[0] starts: tiers overlap. (at [1].from)",
      ],
    ];
    for (const [tiers, message] of cases) {
      expect(errorOf(() => validate("bonusTiers", tiers)).message).toBe(message);
    }
  });
});

describe("visitCadencesSchema", () => {
  it("accepts the W12 cadences and a custom plan, and visitPlan takes them", () => {
    const cadences = validate("visitCadences", {
      A: "weekly",
      B: "Biweekly",
      C: "每月",
      key: { visits: 2, per: "week" },
    });
    const plan = visitPlan(
      { A: 20, B: 30, C: 50, key: 5 },
      { start: "2026-06-01", end: "2026-06-30", cadences },
    );
    expect(plan.rows.map((row) => row.visits.toString())).toEqual(["100", "90", "50", "50"]);
  });

  it("accepts every named cadence, in any letter case and with spaces around it", () => {
    const names = [
      "daily",
      "weekly",
      "biweekly",
      "fortnightly",
      "monthly",
      "每天",
      "每周",
      "每两周",
      "每月",
    ];
    const cadences = Object.fromEntries(names.map((name) => [name, ` ${name.toUpperCase()} `]));
    const checked = validate("visitCadences", cadences);
    expect(checked).toEqual(cadences);
    const plan = visitPlan(Object.fromEntries(names.map((name) => [name, 1])), {
      start: "2026-06-01",
      end: "2026-06-30",
      cadences: checked,
    });
    expect(plan.rows).toHaveLength(names.length);
  });

  it("accepts every period and whole numbers from 1 to the largest safe integer", () => {
    const cadences = {
      A: { per: "workingDay" },
      B: { visits: 1, every: 1, per: "week" },
      C: { visits: Number.MAX_SAFE_INTEGER, per: "month" },
    };
    expect(validate("visitCadences", cadences)).toEqual(cadences);
  });

  it("says what is wrong with a cadence", () => {
    const cases: [unknown, string][] = [
      [
        { A: null },
        'UNKNOWN_CADENCE: Unknown cadence null: use "daily", "weekly", "biweekly", "monthly" (or 每天, 每周, 每两周, 每月), or { visits, every, per: "workingDay" | "week" | "month" }. (at A)',
      ],
      [
        { A: { per: "year" } },
        'UNKNOWN_CADENCE: per must be "workingDay", "week" or "month", got the string "year". (at A.per)',
      ],
      [
        { A: { visits: 0, per: "week" } },
        "INVALID_ARGUMENT: visits must be a whole number ≥ 1, got 0. (at A.visits)",
      ],
      [
        { A: { every: 2 ** 53, per: "week" } },
        "INVALID_ARGUMENT: every must be a whole number ≥ 1, got 9007199254740992. (at A.every)",
      ],
      [
        { A: { visits: "2", per: "week" } },
        'INVALID_ARGUMENT: visits must be a whole number ≥ 1, got the string "2". (at A.visits)',
      ],
      [
        { A: { per: "week", times: 2 } },
        'INVALID_ARGUMENT: Unknown field "times" (check the spelling). (at A.times)',
      ],
      [
        ["weekly"],
        "INVALID_ARGUMENT: Expected an object of cadences by customer class, got an array.",
      ],
    ];
    for (const [cadences, message] of cases) {
      expect(errorOf(() => validate("visitCadences", cadences)).message).toBe(message);
    }
    expect(errorOf(() => validate("visitCadences", { "A\u200B": "weekly" })).code).toBe(
      "INVALID_CHARACTER",
    );
  });

  it("refuses unknown cadences and bad custom plans", () => {
    const cases: [unknown, string, (string | number)[]][] = [
      [{ A: "hourly" }, "UNKNOWN_CADENCE", ["A"]],
      [{ A: 7 }, "UNKNOWN_CADENCE", ["A"]],
      [{ A: { per: "year" } }, "UNKNOWN_CADENCE", ["A", "per"]],
      [{ A: { visits: 0, per: "week" } }, "INVALID_ARGUMENT", ["A", "visits"]],
      [{ A: { every: 1.5, per: "month" } }, "INVALID_ARGUMENT", ["A", "every"]],
      [["weekly"], "INVALID_ARGUMENT", []],
    ];
    for (const [cadences, code, path] of cases) {
      const error = errorOf(() => validate("visitCadences", cadences));
      expect([error.code, error.path], JSON.stringify(cadences)).toEqual([code, path]);
    }
  });
});
