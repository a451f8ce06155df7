// The work budget of one call: counted across every evaluation the call makes (every node, every
// rule, Shapley's 2^n coalitions, a solver's probes), refused before the work where the cost is
// known, and raised by the caller's `budget` option. No timing here: the error, its path, and that
// a larger budget lets a small case run with the same result.
import fc from "fast-check";
import {
  attribute,
  buildPlan,
  compileModel,
  DEFAULT_WORK_BUDGET,
  defineModel,
  evaluate,
  evaluateFormula,
  evaluateRules,
  explain,
  reconcile,
  sensitivity,
  solveFor,
  solveMultiplier,
  trackPlan,
} from "targetree";
import { describe, expect, it } from "vitest";
import { errorOf, expectCode } from "../_support/errors.js";

/** `count` terms `x{i}^{power}` summed: each term with a fractional power is a costly one. */
const powerSum = (count: number, power = "0.5", prefix = "a"): string =>
  Array.from({ length: count }, (_, i) => `${prefix}${i}^${power}`).join(" + ");

/** A model of `nodes` formulas, each a sum of `terms` costly powers of shared inputs. */
function wideModel(nodes: number, terms: number) {
  const formulas: Record<string, string> = {};
  for (let n = 0; n < nodes; n++) formulas[`n${n}`] = powerSum(terms, "y", "x");
  return defineModel(formulas);
}

const inputsOf = (model: { inputs: readonly string[] }, value: number | string) =>
  Object.fromEntries(model.inputs.map((name) => [name, value]));

describe("the work budget", () => {
  it("is about a second of work by default: 400,000 units", () => {
    expect(DEFAULT_WORK_BUDGET).toBe(400_000);
  });

  it("refuses Shapley over many changed inputs of a costly output before any evaluation, naming the method", () => {
    for (const count of [8, 11, 14]) {
      const model = defineModel({ out: powerSum(count) });
      const error = expectCode(
        () =>
          attribute(model, {
            output: "out",
            base: inputsOf(model, 2),
            actual: inputsOf(model, 3),
            method: "shapley",
            maxShapleyInputs: 16,
          }),
        "WORK_BUDGET_EXCEEDED",
        ["options", "method"],
      );
      expect(error.message).toContain(`Shapley over ${count} changed inputs needs`);
      expect(error.message).toContain("Pass { budget:");
      expect(error.message).toContain('method "lmdi"');
      expect(error.details).toMatchObject({ budget: DEFAULT_WORK_BUDGET, spent: 0 });
    }
  });

  it("lets Shapley run when the budget is raised, with the same result as a plain sum of the changes", () => {
    const model = defineModel({ out: powerSum(6) });
    const options = {
      output: "out",
      base: inputsOf(model, 4),
      actual: inputsOf(model, 9),
      method: "shapley",
    } as const;
    expectCode(() => attribute(model, { ...options, budget: 1000 }), "WORK_BUDGET_EXCEEDED");
    const result = attribute(model, { ...options, budget: 10_000_000 });
    // Each term moves from 2 to 3 on its own: every contribution is exactly 1.
    expect(result.contributions.map((entry) => entry.contribution.toString())).toEqual(
      Array(6).fill("1"),
    );
  });

  it("counts every node of a model in evaluate, and names the dearest formula", () => {
    for (const [nodes, terms] of [
      [75, 32],
      [40, 30],
      [400, 3],
    ] as const) {
      const model = wideModel(nodes, terms);
      const error = expectCode(
        () => evaluate(model, inputsOf(model, "1.5")),
        "WORK_BUDGET_EXCEEDED",
        ["formulas", "n0"],
      );
      expect(error.message).toContain(`its ${nodes} formulas cost`);
      expect(error.message).toContain(`${(nodes * terms).toLocaleString("en-US")} powers`);
    }
  });

  it("gives evaluate, explain and a compiled model the same answers under a raised budget", () => {
    const model = wideModel(3, 4);
    const inputs = inputsOf(model, "2.25");
    for (const run of [
      () => evaluate(model, inputs, { budget: 1 }),
      () => explain(model, inputs, "n0", { budget: 1 }),
      () => compileModel(model, { budget: 1 }).evaluate(inputs),
      () => compileModel(model, { budget: 1 }).output("n1")(inputs),
    ]) {
      expectCode(run, "WORK_BUDGET_EXCEEDED");
    }
    const values = evaluate(model, inputs, { budget: 1_000_000 });
    expect(
      compileModel(model, { budget: 1_000_000, outputs: model.order }).evaluate(inputs),
    ).toEqual(values);
    expect(explain(model, inputs, "n0", { budget: 1_000_000 }).value).toEqual(values.n0);
  });

  it("charges a compiled model's output only for the formulas it reads", () => {
    const model = defineModel({ cheap: "a + b", dear: powerSum(30) });
    const compiled = compileModel(model, { budget: 100 });
    expect(compiled.output("cheap")({ a: 1, b: 2 }).toString()).toBe("3");
    expectCode(() => compiled.output("dear")(inputsOf(model, 2)), "WORK_BUDGET_EXCEEDED", [
      "formulas",
      "dear",
    ]);
  });

  it("counts every rule of evaluateRules together, pointing at the dearest rule", () => {
    for (const count of [40, 60, 120]) {
      const rules = Array.from({ length: count }, (_, i) => ({
        id: `r${i}`,
        when: `${powerSum(30, "0.5", "f")} > ${i}`,
        recommend: "look",
      }));
      const facts = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`f${i}`, 2]));
      expectCode(() => evaluateRules(rules, facts), "WORK_BUDGET_EXCEEDED", ["rules", 0, "when"]);
      expect(evaluateRules(rules.slice(0, 2), facts, { budget: 100_000 })).toHaveLength(2);
    }
  });

  it("bounds one formula's evaluation too", () => {
    expectCode(
      () => evaluateFormula("a^0.5 + a^0.5", { a: 2 }, { budget: 100 }),
      "WORK_BUDGET_EXCEEDED",
      ["formula"],
    );
    expect(evaluateFormula("a^2 + 1", { a: 2 }, { budget: 100 }).toString()).toBe("5");
  });

  it("counts every evaluation of sensitivity, upfront, at vary", () => {
    for (const count of [24, 32]) {
      const model = defineModel({ out: powerSum(count) });
      expectCode(
        () => sensitivity(model, { output: "out", inputs: inputsOf(model, 2) }),
        "WORK_BUDGET_EXCEEDED",
        ["options", "vary"],
      );
    }
    const small = defineModel({ out: powerSum(3) });
    expect(
      sensitivity(small, { output: "out", inputs: inputsOf(small, 4), budget: 100_000 }).entries,
    ).toHaveLength(3);
  });

  it("stops a solver that runs past its budget, and solves with a larger one", () => {
    const model = defineModel({ y: "x^0.1 + x^0.1 + round(x, 2) * 0" });
    const options = { output: "y", target: 2_000_000, vary: "x", inputs: {} } as const;
    expectCode(() => solveFor(model, { ...options, budget: 5_000 }), "WORK_BUDGET_EXCEEDED", [
      "options",
      "vary",
    ]);
    const multiplier = defineModel({ y: "a^0.5 * b^0.5 + round(a, 1) * 0" });
    expectCode(
      () =>
        solveMultiplier(multiplier, {
          output: "y",
          target: 100,
          vary: ["a", "b"],
          inputs: { a: 4, b: 9 },
          budget: 2_000,
        }),
      "WORK_BUDGET_EXCEEDED",
      ["options", "vary"],
    );
    expect(
      solveMultiplier(multiplier, {
        output: "y",
        target: 12,
        vary: ["a", "b"],
        inputs: { a: 4, b: 9 },
        budget: 1_000_000,
      }).factor.toString(),
    ).toBe("2");
    expectCode(
      () =>
        reconcile(multiplier, {
          output: "y",
          target: 12,
          inputs: { a: 4, b: 9 },
          budget: 1_000,
        }),
      "WORK_BUDGET_EXCEEDED",
      ["options", "singles"],
    );
  });

  it("counts a plan's rules over every node and period of trackPlan together", () => {
    const plan = buildPlan({
      version: 1,
      target: "90万",
      unit: 1,
      period: {
        start: "2026-06-01",
        end: "2026-06-30",
        grains: ["week"],
        calendar: { weekend: [6, 7] },
      },
      organization: {
        name: "华东",
        children: [
          { name: "张伟", weight: 2 },
          { name: "李娜", weight: 1 },
        ],
      },
      rules: [
        {
          id: "dear",
          when: `${Array.from({ length: 9 }, (_, i) => `actual^0.${i + 1}`).join(" + ")} > 0`,
          recommend: "look",
        },
      ],
    } as never);
    const actuals = [{ node: "华东/张伟", date: "2026-06-03", actual: "25万" }];
    for (const budget of [5_000, 10_000, 20_000]) {
      expectCode(
        () => trackPlan(plan, actuals, { asOf: "2026-06-20", budget }),
        "WORK_BUDGET_EXCEEDED",
        ["plan", "rules", 0, "when"],
      );
    }
    const tracking = trackPlan(plan, actuals, { asOf: "2026-06-20", budget: 1_000_000 });
    expect(tracking.nodes[0]!.periods.all!.alerts.map((alert) => alert.id)).toEqual(["dear"]);
    expect(trackPlan(plan, actuals, { asOf: "2026-06-20" })).toEqual(tracking);
  });

  it("refuses a budget that is not a whole number of units from 1", () => {
    const model = defineModel({ y: "a + 1" });
    for (const budget of [0, -5, 1.5, Number.NaN, Number.POSITIVE_INFINITY, "1000", null]) {
      expectCode(() => evaluate(model, { a: 1 }, { budget } as never), "INVALID_ARGUMENT", [
        "options",
        "budget",
      ]);
    }
  });

  it("never changes a result when it is not exceeded", () => {
    const model = defineModel({ out: "(a * b + c) / 3 - min(a, c) + a^2" });
    const value = fc.integer({ min: -50, max: 50 });
    const inputs = fc.record({ a: value, b: value, c: value });
    fc.assert(
      fc.property(
        inputs,
        inputs,
        fc.integer({ min: 1_000, max: 10_000_000 }),
        (base, actual, budget) => {
          const options = { output: "out", base, actual, method: "shapley" } as const;
          expect(attribute(model, { ...options, budget })).toEqual(attribute(model, options));
          expect(evaluate(model, base, { budget })).toEqual(evaluate(model, base));
          expect(
            sensitivity(model, {
              output: "out",
              inputs: base,
              step: 2,
              stepKind: "absolute",
              budget,
            }),
          ).toEqual(
            sensitivity(model, { output: "out", inputs: base, step: 2, stepKind: "absolute" }),
          );
        },
      ),
      { numRuns: 40 },
    );
  });

  it("never changes a solver's answer when it is not exceeded", () => {
    const model = defineModel({ y: "max(x, 1) * 3 + round(x / 7, 2) + b" });
    const number = fc.integer({ min: -1_000, max: 1_000 });
    fc.assert(
      fc.property(
        number,
        number,
        fc.integer({ min: 100_000, max: 50_000_000 }),
        (target, b, budget) => {
          const options = { output: "y", target, vary: "x", inputs: { x: 2, b } } as const;
          const plain = (() => {
            try {
              return solveFor(model, options);
            } catch (error) {
              return (error as Error).message;
            }
          })();
          const budgeted = (() => {
            try {
              return solveFor(model, { ...options, budget });
            } catch (error) {
              return (error as Error).message;
            }
          })();
          expect(budgeted).toEqual(plain);
        },
      ),
      { numRuns: 30 },
    );
  });

  it("says, when it runs out midway, that more than the units spent are needed", () => {
    const model = defineModel({ y: "x^0.5 + round(x, 3) * 0" });
    const error = errorOf(() =>
      solveFor(model, { output: "y", target: "1e200", vary: "x", inputs: { x: 1 }, budget: 3_000 }),
    );
    expect(error.code).toBe("WORK_BUDGET_EXCEEDED");
    expect(error.message).toMatch(/after \d+ evaluations of "y".*more than [\d,]+ work units/);
  });
});
