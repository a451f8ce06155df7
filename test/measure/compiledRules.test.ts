import fc from "fast-check";
import type { CompiledRules, FiredRule, RuleFacts } from "targetree";
import { compileRules, evaluateRules } from "targetree";
import { describe, expect, it } from "vitest";
import { thrownError } from "../_support/errors.js";
import { runs } from "../_support/runs.js";

/** The same compiled rules as a plain copy: no closures, so evaluateRules interprets them. */
const interpreted = (compiled: CompiledRules): CompiledRules => ({
  kind: "compiled-rules",
  rules: compiled.rules.map((rule) => ({ ...rule })),
});

/** What a call did, comparable: the fired rules as text, or the error's code, path and message. */
function outcome(run: () => FiredRule[]): unknown {
  const error = thrownError(() => run());
  if (error !== undefined) return { code: error.code, path: error.path, message: error.message };
  return run().map((rule) => ({
    id: rule.id,
    severity: rule.severity,
    facts: Object.entries(rule.facts).map(([name, value]) => [name, String(value)]),
  }));
}

const names = ["a", "b", "已达成", "c"] as const;
const number: fc.Arbitrary<string> = fc.letrec<{ number: string }>((tie) => ({
  number: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.constantFrom(...names),
    fc.constantFrom("0", "3", "2.5", "50%", "1万"),
    fc
      .tuple(tie("number"), fc.constantFrom("+", "-", "*", "/"), tie("number"))
      .map(([left, op, right]) => `(${left} ${op} ${right})`),
    tie("number").map((inner) => `-${inner}`),
    fc
      .tuple(fc.constantFrom("min", "max"), tie("number"), tie("number"))
      .map(([fn, x, y]) => `${fn}(${x}, ${y})`),
    tie("number").map((inner) => `abs(${inner})`),
  ),
})).number;
const condition: fc.Arbitrary<string> = fc.letrec<{ condition: string }>((tie) => ({
  condition: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc
      .tuple(number, fc.constantFrom("<", "<=", ">", ">=", "==", "!="), number)
      .map(([left, op, right]) => `${left} ${op} ${right}`),
    // A fact that may be true/false, compared or used as a condition.
    fc.constantFrom(...names).map((name) => `${name} == true`),
    fc.constantFrom(...names).map((name) => `not ${name}`),
    fc
      .tuple(tie("condition"), fc.constantFrom("and", "or"), tie("condition"))
      .map(([left, op, right]) => `(${left}) ${op} (${right})`),
    fc
      .tuple(tie("condition"), tie("condition"), tie("condition"))
      .map(([test, yes, no]) => `if(${test}, ${yes}, ${no})`),
  ),
})).condition;
const factValue = fc.oneof(
  fc.integer({ min: -5, max: 5 }),
  fc.constantFrom(0, 0.5, "12%", "3万", true, false),
  fc.constantFrom<unknown>("abc", null, Number.NaN),
);

describe("compiled rules", () => {
  it("are closures made once: the compiled object keeps them out of sight", () => {
    const compiled = compileRules([{ id: "low", when: "dailyVisits < 3", recommend: "x" }]);
    expect(Object.keys(compiled)).toEqual(["kind", "rules"]);
    expect(JSON.parse(JSON.stringify(compiled)).kind).toBe("compiled-rules");
    expect(Object.isFrozen(compiled)).toBe(true);
  });

  it("read facts named in any Unicode form, as the interpreter does", () => {
    const compiled = compileRules([{ id: "cafe", when: "café > 1", recommend: "x" }]);
    const decomposed = "cafe\u0301";
    expect(evaluateRules(compiled, { [decomposed]: 2 }).map((rule) => rule.id)).toEqual(["cafe"]);
    expect(thrownError(() => evaluateRules(compiled, { café: 2, [decomposed]: 2 }))?.code).toBe(
      "DUPLICATE_NAME",
    );
  });

  it("give the interpreter's results and errors on every condition and facts (property)", () => {
    fc.assert(
      fc.property(
        fc.array(condition, { minLength: 1, maxLength: 4 }),
        fc.dictionary(fc.constantFrom(...names), factValue, { minKeys: 3 }),
        (conditions, given) => {
          // Some values are deliberately not facts (null, NaN, "abc"): both paths must refuse them alike.
          const facts = given as RuleFacts;
          const compiled = compileRules(
            conditions.map((when, index) => ({ id: `r${index}`, when, recommend: "do" })),
          );
          expect(outcome(() => evaluateRules(compiled, facts))).toEqual(
            outcome(() => evaluateRules(interpreted(compiled), facts)),
          );
        },
      ),
      { numRuns: runs(400) },
    );
  });
});
