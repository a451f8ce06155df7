import fc from "fast-check";
import { compileRules, evaluateRules, TargetreeError } from "targetree";
import { afterEach, describe, expect, it, vi } from "vitest";
import { deepFreeze, errorOf, expectBareRecord, expectCode } from "../_support/errors.js";
import { runs } from "../_support/runs.js";

const w3Rules = [
  {
    id: "low-visits",
    when: "dailyVisits < 3",
    recommend: "通知区域经理 notify the regional manager",
  },
  {
    id: "stuck-opportunity",
    when: "stuckDays > 7",
    recommend: "升级至总监 escalate to the director",
    severity: "danger" as const,
  },
  {
    id: "no-progress",
    when: "hoursSinceProgress > 48",
    recommend: "推送跟进话术 push the follow-up script",
    severity: "info" as const,
  },
];

describe("evaluateRules", () => {
  it("fires the W3 rules whose conditions hold, with the facts that fired them", () => {
    const fired = evaluateRules(w3Rules, { dailyVisits: 2, stuckDays: 9, hoursSinceProgress: 12 });
    expect(fired.map((alert) => [alert.id, alert.severity])).toEqual([
      ["low-visits", "warning"],
      ["stuck-opportunity", "danger"],
    ]);
    expect(fired[0]!.recommend).toBe("通知区域经理 notify the regional manager");
    expect(fired[0]!.when).toBe("dailyVisits < 3");
    expect(Object.keys(fired[0]!.facts)).toEqual(["dailyVisits"]);
    expect(fired[0]!.facts.dailyVisits!.toString()).toBe("2");
    expect(fired[1]!.facts.stuckDays!.toString()).toBe("9");
  });

  it("fires nothing when every condition is false", () => {
    expect(
      evaluateRules(w3Rules, { dailyVisits: 3, stuckDays: 7, hoursSinceProgress: 48 }),
    ).toEqual([]);
  });

  it("evaluates the W5 health rule with or, percentages and booleans", () => {
    const rules = [
      {
        id: "danger",
        when: "missesInARow >= 3 or stageAchievement < 50%",
        recommend: "复盘并调整目标",
        severity: "danger" as const,
      },
      { id: "flag", when: "not reviewed and missesInARow > 0", recommend: "安排复盘" },
    ];
    const fired = evaluateRules(rules, {
      missesInARow: 1,
      stageAchievement: "45%",
      reviewed: false,
    });
    expect(fired.map((alert) => alert.id)).toEqual(["danger", "flag"]);
    expect(fired[0]!.facts.stageAchievement!.toString()).toBe("0.45");
    expect(fired[1]!.facts.reviewed).toBe(false);
    expect(
      evaluateRules(rules, { missesInARow: 0, stageAchievement: 0.5, reviewed: true }),
    ).toEqual([]);
  });

  it("runs compiled rules against many rows with the same results", () => {
    const compiled = compileRules(w3Rules);
    const rows = [
      { dailyVisits: 1, stuckDays: 0, hoursSinceProgress: 50 },
      { dailyVisits: 5, stuckDays: 8, hoursSinceProgress: 0 },
    ];
    for (const facts of rows) {
      expect(evaluateRules(compiled, facts)).toEqual(evaluateRules(w3Rules, facts));
    }
    expect(compiled.rules.map((rule) => rule.facts)).toEqual([
      ["dailyVisits"],
      ["stuckDays"],
      ["hoursSinceProgress"],
    ]);
  });

  it("refuses compiled rules that compileRules did not make with INVALID_ARGUMENT", () => {
    const compiled = compileRules(w3Rules);
    const facts = { dailyVisits: 1, stuckDays: 0, hoursSinceProgress: 50 };
    expectCode(
      () => evaluateRules({ kind: "compiled-rules" } as never, facts),
      "INVALID_ARGUMENT",
      ["rules", "rules"],
    );
    const forged = (rule: unknown) => ({ kind: "compiled-rules", rules: [rule] }) as never;
    for (const rule of [
      null,
      {},
      { ...compiled.rules[0]!, facts: "dailyVisits" },
      { ...compiled.rules[0]!, severity: "loud" },
      { ...compiled.rules[0]!, index: -1 },
    ]) {
      expectCode(() => evaluateRules(forged(rule), facts), "INVALID_ARGUMENT", [
        "rules",
        "rules",
        0,
      ]);
    }
    const condition = { kind: "number" };
    errorOf(() => evaluateRules(forged({ ...compiled.rules[0]!, condition }), facts));
  });

  it("refuses each malformed field of a compiled rule, and a record that is neither list nor compiled", () => {
    const compiled = compileRules(w3Rules);
    const facts = { dailyVisits: 1, stuckDays: 0, hoursSinceProgress: 50 };
    const forged = (rule: unknown) => ({ kind: "compiled-rules", rules: [rule] }) as never;
    const good = compiled.rules[0]!;
    for (const rule of [
      { ...good, id: 5 },
      { ...good, when: 5 },
      { ...good, recommend: 5 },
      { ...good, facts: [5] },
      { ...good, facts: ["dailyVisits", 5] },
    ]) {
      const error = expectCode(() => evaluateRules(forged(rule), facts), "INVALID_ARGUMENT", [
        "rules",
        "rules",
        0,
      ]);
      expect(error.message).toMatch(
        /A compiled rule is malformed; pass the result of compileRules unchanged/,
      );
    }
    const noList = errorOf(() => evaluateRules({ kind: "compiled-rules" } as never, facts));
    expect(noList.message).toMatch(/Compiled rules need their rules list/);
    const neither = expectCode(() => evaluateRules({} as never, facts), "INVALID_ARGUMENT", [
      "rules",
    ]);
    expect(neither.message).toMatch(
      /rules must be an array of \{ id, when, recommend \}, got an object/,
    );
  });

  it("reads names such as __proto__ and 中文 as ordinary facts", () => {
    const rules = [{ id: "proto", when: "__proto__ > 1 and 日拜访量 < 3", recommend: "x" }];
    const facts = JSON.parse('{"__proto__": 2, "日拜访量": 1}') as Record<string, number>;
    expect(evaluateRules(rules, facts).map((alert) => alert.id)).toEqual(["proto"]);
    expectBareRecord(evaluateRules(rules, facts)[0]!.facts);
  });

  it("matches fact names after NFC normalisation and refuses two that collide", () => {
    const rules = [{ id: "accent", when: "café > 1", recommend: "x" }];
    const decomposed = "cafe\u0301";
    expect(evaluateRules(rules, { [decomposed]: 2 })).toHaveLength(1);
    const error = expectCode(
      () => evaluateRules(rules, { [decomposed]: 2, café: 3 }),
      "DUPLICATE_NAME",
      ["facts", "café"],
    );
    expect(error.message).toMatch(
      /The facts "cafe\u0301" and "café" are the same name after Unicode normalisation/,
    );
  });

  it("refuses facts given as a Map by name: records are plain objects", () => {
    const error = expectCode(
      () =>
        evaluateRules([{ id: "r", when: "x > 1", recommend: "r" }], new Map([["x", 2]]) as never),
      "INVALID_ARGUMENT",
      ["facts"],
    );
    expect(error.message).toMatch(/facts must be a record of named values, got a Map/);
  });

  it("refuses a misspelt rule field with UNKNOWN_OPTION and the closest name", () => {
    const error = expectCode(
      () => compileRules([{ id: "a", when: "x > 1", recommand: "y" } as never]),
      "UNKNOWN_OPTION",
      ["rules", 0, "recommand"],
    );
    expect(error.message).toMatch(/Did you mean "recommend"\?/);
    expectCode(
      () =>
        evaluateRules([{ id: "a", when: "x > 1", recommend: "y", severty: "info" } as never], {}),
      "UNKNOWN_OPTION",
      ["rules", 0, "severty"],
    );
  });

  it("keeps facts open: a fact no rule reads is fine", () => {
    expect(evaluateRules([w3Rules[0]!], { dailyVisits: 5, anythingElse: 1 })).toEqual([]);
  });

  it("treats a fact set to undefined as not given", () => {
    const error = expectCode(
      () => evaluateRules([w3Rules[0]!], { dailyVisits: undefined } as never),
      "UNKNOWN_FACT",
      ["rules", 0, "when"],
    );
    expect(error.details).toEqual({ ruleId: "low-visits", fact: "dailyVisits" });
  });

  it("answers a name only from the fact of that name, even one called undefined", () => {
    const rules = [{ id: "r", when: "stuckDays > 7", recommend: "x" }];
    expectCode(() => evaluateRules(rules, { undefined: 9 }), "UNKNOWN_FACT");
    const own = [{ id: "u", when: "undefined > 7", recommend: "x" }];
    expect(evaluateRules(own, { undefined: 9 })[0]!.facts.undefined!.toString()).toBe("9");
  });

  it("reads each fact once per call, however many rules use it, and never reads unused facts", () => {
    let reads = 0;
    const facts = {
      get dailyVisits() {
        reads++;
        return 2;
      },
      get unused(): number {
        throw new Error("an unused fact was read");
      },
    };
    const rules = [
      { id: "a", when: "dailyVisits < 3", recommend: "x" },
      { id: "b", when: "dailyVisits < 5", recommend: "y" },
    ];
    expect(evaluateRules(rules, facts).map((alert) => alert.id)).toEqual(["a", "b"]);
    expect(reads).toBe(1);
  });

  it("throws UNKNOWN_FACT with the rule id and path for a fact that was not given", () => {
    const error = expectCode(
      () => evaluateRules(w3Rules, { dailyVisits: 5, stuckDays: 1 }),
      "UNKNOWN_FACT",
      ["rules", 2, "when"],
    );
    expect(error.details).toMatchObject({ ruleId: "no-progress", fact: "hoursSinceProgress" });
    expect(error.message).toMatch(/no-progress/);
  });

  it("never reads facts inherited from Object.prototype", () => {
    const facts = Object.create({ dailyVisits: 1 }) as Record<string, number>;
    expectCode(() => evaluateRules([w3Rules[0]!], facts), "UNKNOWN_FACT");
    expectCode(
      () => evaluateRules([{ id: "t", when: "toString > 1", recommend: "x" }], {}),
      "UNKNOWN_FACT",
    );
  });

  it("throws TYPE_MISMATCH for a condition that is a number", () => {
    expectCode(
      () =>
        evaluateRules([{ id: "n", when: "dailyVisits + 1", recommend: "x" }], { dailyVisits: 1 }),
      "TYPE_MISMATCH",
      ["rules", 0, "when"],
    );
    expectCode(
      () => evaluateRules([{ id: "n", when: "dailyVisits", recommend: "x" }], { dailyVisits: 1 }),
      "TYPE_MISMATCH",
      ["rules", 0, "when"],
    );
    expectCode(
      () => evaluateRules([{ id: "n", when: "flag < 3", recommend: "x" }], { flag: true }),
      "TYPE_MISMATCH",
    );
  });

  it("refuses at compile time a condition that is plainly arithmetic, naming the rule", () => {
    for (const when of ["3", "-x", "x + 1", "x * 2", "x ^ 2", "min(x, 1)", "round(x)"]) {
      const error = expectCode(
        () => compileRules([{ id: "n", when, recommend: "x" }]),
        "TYPE_MISMATCH",
        ["rules", 0, "when"],
      );
      expect(error.message).toMatch(
        /Rule "n": the condition is a number, not true\/false; compare it/,
      );
      expect(error.details).toEqual({ ruleId: "n" });
    }
  });

  it("compiles if() and bare names, and checks at evaluation that they give true/false", () => {
    const choose = [{ id: "c", when: "if(x > 1, y > 2, z < 1)", recommend: "r" }];
    expect(compileRules(choose).rules[0]!.facts).toEqual(["x", "y", "z"]);
    expect(evaluateRules(choose, { x: 2, y: 3, z: 5 }).map((alert) => alert.id)).toEqual(["c"]);
    expect(evaluateRules(choose, { x: 0, y: 3, z: 5 })).toEqual([]);
    const flag = [{ id: "f", when: "escalated", recommend: "r" }];
    expect(evaluateRules(flag, { escalated: true })).toHaveLength(1);
    const error = expectCode(
      () => evaluateRules([{ id: "n", when: "if(x > 1, 1, 0)", recommend: "r" }], { x: 2 }),
      "TYPE_MISMATCH",
      ["rules", 0, "when"],
    );
    expect(error.message).toMatch(/Rule "n": the condition gives a number, not true\/false/);
    expect(error.details).toEqual({ ruleId: "n" });
  });

  it("throws the formula errors at the rule's condition", () => {
    const error = expectCode(
      () => compileRules([{ id: "bad", when: "dailyVisits <", recommend: "x" }]),
      "FORMULA_SYNTAX",
      ["rules", 0, "when"],
    );
    expect(error.message).toMatch(/bad/);
    expectCode(
      () => compileRules([{ id: "f", when: "eval(1) > 0", recommend: "x" }]),
      "UNKNOWN_FUNCTION",
    );
    expectCode(
      () => evaluateRules([{ id: "z", when: "a / b > 1", recommend: "x" }], { a: 1, b: 0 }),
      "DIVISION_BY_ZERO",
    );
  });

  it("rejects bad facts and bad rules", () => {
    expectCode(
      () =>
        evaluateRules(w3Rules, { dailyVisits: Number.NaN, stuckDays: 1, hoursSinceProgress: 1 }),
      "INVALID_NUMBER",
      ["facts", "dailyVisits"],
    );
    expectCode(
      () => evaluateRules(w3Rules, { dailyVisits: "", stuckDays: 1, hoursSinceProgress: 1 }),
      "INVALID_NUMBER",
      ["facts", "dailyVisits"],
    );
    expectCode(
      () =>
        evaluateRules(w3Rules, { dailyVisits: null as never, stuckDays: 1, hoursSinceProgress: 1 }),
      "INVALID_NUMBER",
      ["facts", "dailyVisits"],
    );
    const noFacts = expectCode(() => evaluateRules(w3Rules, null as never), "INVALID_ARGUMENT", [
      "facts",
    ]);
    expect(noFacts.message).toMatch(/facts must be a record of named values, got null/);
    expectCode(
      () => compileRules([{ id: "a", when: "x > 1", recommend: "" }]),
      "INVALID_ARGUMENT",
      ["rules", 0, "recommend"],
    );
    expectCode(
      () => compileRules([{ id: "a", when: "x > 1", recommend: "r", severity: "fatal" as never }]),
      "INVALID_ARGUMENT",
      ["rules", 0, "severity"],
    );
    expectCode(
      () =>
        compileRules([
          { id: "a", when: "x > 1", recommend: "r" },
          { id: "a", when: "y > 1", recommend: "r" },
        ]),
      "DUPLICATE_KEY",
      ["rules", 1, "id"],
    );
    expectCode(() => compileRules("x > 1" as never), "INVALID_ARGUMENT", ["rules"]);
  });

  it("says what is wrong with a rule, and where", () => {
    const message = (run: () => unknown) => errorOf(run).message;
    expect(message(() => compileRules("x > 1" as never))).toMatch(
      /rules must be an array of \{ id, when, recommend \}, got the string "x > 1"/,
    );
    const notAnObject = expectCode(
      () => compileRules([{ id: "a", when: "x > 1", recommend: "r" }, null as never]),
      "INVALID_ARGUMENT",
      ["rules", 1],
    );
    expect(notAnObject.message).toMatch(/rules\[1\] must be an object, got null/);
    const blank = expectCode(
      () => compileRules([{ id: "  ", when: "x > 1", recommend: "r" }]),
      "INVALID_ARGUMENT",
      ["rules", 0, "id"],
    );
    expect(blank.message).toMatch(
      /rules\[0\]\.id must be a non-empty string, got the string " {2}"/,
    );
    expect(message(() => compileRules([{ id: "a", when: 3 as never, recommend: "r" }]))).toMatch(
      /rules\[0\]\.when must be a non-empty string, got 3/,
    );
    expect(
      message(() =>
        compileRules([
          { id: "a", when: "x > 1", recommend: "r" },
          { id: "a", when: "y > 1", recommend: "r" },
        ]),
      ),
    ).toMatch(/Two rules have the id "a"/);
    expect(
      message(() =>
        compileRules([{ id: "a", when: "x > 1", recommend: "r", severity: "fatal" as never }]),
      ),
    ).toMatch(/severity must be "info", "warning" or "danger", got the string "fatal"/);
  });

  it("does not mutate frozen rules or facts", () => {
    const rules = deepFreeze(w3Rules.map((rule) => ({ ...rule })));
    const facts = deepFreeze({ dailyVisits: 1, stuckDays: 1, hoursSinceProgress: 1 });
    expect(evaluateRules(rules, facts)).toHaveLength(1);
    expect(rules).toEqual(w3Rules);
  });
});

describe("properties", () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("never executes anything but the formula language, for any condition text", () => {
    const evalSpy = vi.spyOn(globalThis, "eval");
    const functionSpy = vi.spyOn(globalThis, "Function");
    const hostile = fc.constantFrom(
      "constructor.constructor('return process')()",
      "__proto__.polluted = 1",
      "toString()",
      "process.exit(1)",
      "x > 1; require('fs')",
      "`\u0024{x}`",
      "this.x > 1",
      "globalThis > 0",
      "x[0] > 1",
      "a => a",
      "1 > 0 || (() => 1)()",
      "dailyVisits < 3 /* */",
      `${"(".repeat(300)}1${")".repeat(300)}`,
      `${"-".repeat(5000)}1 > 0`,
      "dailyVisits\u202E < 3",
      "x\u200B > 1",
    );
    const noise = fc.string({
      maxLength: 40,
      unit: fc.constantFrom(..."abx01<>=!()+-*/^ .,%万'\"[]{};:`$\\&|~?#@".split("")),
    });
    const token = fc.constantFrom(
      "x",
      "y",
      "1",
      "3",
      "50%",
      "<",
      ">=",
      "==",
      "and",
      "or",
      "not",
      "(",
      ")",
      "+",
      "*",
      "/",
      "true",
      "min(",
      ",",
    );
    const soup = fc.array(token, { maxLength: 12 }).map((parts) => parts.join(" "));
    fc.assert(
      fc.property(fc.oneof(hostile, noise, soup), (when) => {
        try {
          const fired = evaluateRules([{ id: "r", when, recommend: "x" }], {
            x: 1,
            y: 0,
            dailyVisits: 2,
          });
          expect(Array.isArray(fired)).toBe(true);
        } catch (error) {
          expect(error).toBeInstanceOf(TargetreeError);
        }
      }),
      { numRuns: runs(300) },
    );
    expect(evalSpy).not.toHaveBeenCalled();
    expect(functionSpy).not.toHaveBeenCalled();
    expect(Object.prototype).not.toHaveProperty("polluted");
  });

  it("has spies that would notice eval or new Function (sanity check)", () => {
    const functionSpy = vi.spyOn(globalThis, "Function");
    const evalSpy = vi.spyOn(globalThis, "eval");
    new Function("return 1");
    // biome-ignore lint/security/noGlobalEval: proves the spy would notice a call
    globalThis.eval("1");
    expect(functionSpy).toHaveBeenCalled();
    expect(evalSpy).toHaveBeenCalled();
  });

  it("fires exactly when the comparison holds", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1000, max: 1000 }),
        fc.integer({ min: -1000, max: 1000 }),
        (visits, limit) => {
          const fired = evaluateRules([{ id: "r", when: `dailyVisits < limit`, recommend: "x" }], {
            dailyVisits: visits,
            limit,
          });
          expect(fired.length === 1).toBe(visits < limit);
        },
      ),
      { numRuns: runs(200) },
    );
  });
});
