// The function table: every function of the formula language is one entry, read by the parser, the
// type checker and both evaluators. These tests hold the table to that, and each function to its
// meaning in the interpreter (evaluateFormula) and in a compiled model alike.
import { Decimal } from "decimal.js";
import fc from "fast-check";
import {
  callNode,
  compileModel,
  defineModel,
  evaluate,
  evaluateFormula,
  nameNode,
  parseFormula,
  printFormula,
} from "targetree";
import { describe, expect, it } from "vitest";
import {
  type ArgumentTypes,
  arityProblem,
  functionEntry,
  functionNames,
  lookupFunction,
} from "../../src/formula/_lib/functions.js";
import { expectCode } from "../_support/errors.js";
import { runs } from "../_support/runs.js";

type Inputs = Readonly<Record<string, string | number>>;

/** A numeric formula's value from evaluateFormula, evaluate and compileModel; all three must agree. */
function valueEverywhere(formula: string, inputs: Inputs): string {
  const interpreted = evaluateFormula(formula, inputs);
  const model = defineModel({ out: formula });
  const needed = Object.fromEntries(model.inputs.map((name) => [name, inputs[name]!]));
  const evaluated = evaluate(model, needed).out!;
  const compiled = compileModel(model).output("out")(needed);
  expect(String(interpreted)).toBe(evaluated.toString());
  expect(compiled).toEqualDecimal(evaluated);
  return evaluated.toString();
}

/** A decimal with up to 12 digits, of either sign, as a string. */
const decimalText = fc
  .tuple(fc.integer({ min: -999_999_999, max: 999_999_999 }), fc.integer({ min: 0, max: 3 }))
  .map(([units, places]) => new Decimal(units).div(10 ** places).toFixed());

describe("the formula function table", () => {
  it("has a type rule that looks at every argument of every call it allows", () => {
    for (const name of functionNames()) {
      const entry = functionEntry(name)!;
      const highest = Math.min(entry.maxArgs, entry.minArgs + 3);
      for (let count = entry.minArgs; count <= highest; count++) {
        const seen = new Set<number>();
        const types: ArgumentTypes = {
          name,
          count,
          expect: (index) => {
            seen.add(index);
          },
          same: (first, second) => {
            seen.add(first).add(second);
            return "number";
          },
        };
        entry.type(types);
        expect([...seen].sort(), `${name} with ${count} arguments`).toEqual(
          Array.from({ length: count }, (_, index) => index),
        );
      }
    }
  });

  it("names every function when a formula calls one that is not in it", () => {
    const error = expectCode(() => parseFormula("median(a, b)"), "UNKNOWN_FUNCTION");
    for (const name of functionNames()) expect(error.message).toContain(name);
    const built = expectCode(
      () => callNode("median" as never, [nameNode("a")]),
      "UNKNOWN_FUNCTION",
    );
    expect(built.message).toContain(`use one of ${functionNames().join(", ")}.`);
  });

  it("finds a function by its own name in any letter case, and nothing inherited", () => {
    expect(lookupFunction("MAX")).toBe("max");
    expect(lookupFunction("Round")).toBe("round");
    for (const name of ["constructor", "__proto__", "toString", "hasOwnProperty", "valueOf"]) {
      expect(lookupFunction(name)).toBeUndefined();
      expect(functionEntry(name)).toBeUndefined();
    }
    // The builders take the exact spelling only.
    expect(functionEntry("MAX")).toBeUndefined();
  });

  it("states the arity it expects when a call has the wrong number of arguments", () => {
    expect(arityProblem(functionEntry("abs")!, 2)).toBe("abs(x) takes 1 argument, got 2.");
    expect(arityProblem(functionEntry("round")!, 3)).toBe(
      "round(x, digits?) takes 1 to 2 arguments, got 3.",
    );
    expect(arityProblem(functionEntry("min")!, 0)).toBe(
      "min(x, …) takes at least 1 argument, got 0.",
    );
    expect(arityProblem(functionEntry("if")!, 2)).toBe(
      "if(condition, then, else) takes 3 arguments, got 2.",
    );
    expect(arityProblem(functionEntry("round")!, 2)).toBeNull();
    expectCode(() => parseFormula("abs(1, 2)"), "WRONG_ARITY");
    expectCode(() => printFormula(callNode("abs", [])), "WRONG_ARITY");
  });

  it("prints every function call as written and parses it back to the same tree", () => {
    for (const name of functionNames()) {
      const entry = functionEntry(name)!;
      const args = Array.from({ length: entry.minArgs }, (_, index) =>
        name === "if" && index === 0 ? "a > b" : `x${index}`,
      );
      const text = `${name}(${args.join(", ")})`;
      expect(printFormula(parseFormula(text))).toBe(text);
    }
  });
});

describe("each function, interpreted and compiled", () => {
  it.each([
    ["min(x, y, 3)", { x: 5, y: 2 }, "2"],
    ["max(x, y, 3)", { x: 5, y: 2 }, "5"],
    ["min(x)", { x: -4 }, "-4"],
    ["abs(x - y)", { x: 2, y: 5 }, "3"],
    ["abs(x)", { x: "1.5" }, "1.5"],
    ["round(x, 2)", { x: "2.345" }, "2.35"],
    ["round(x)", { x: "-2.5" }, "-3"],
    ["round(x, -2)", { x: 1250 }, "1300"],
    ["floor(x, 1)", { x: "-1.01" }, "-1.1"],
    ["floor(x)", { x: "2.9" }, "2"],
    ["ceil(x, 1)", { x: "1.01" }, "1.1"],
    ["ceil(x, -3)", { x: 1001 }, "2000"],
    ["if(x > y, x, y)", { x: 2, y: 5 }, "5"],
    ["if(if(x > y, x > 1, y > 9), 1, 2)", { x: 2, y: 5 }, "2"],
    ["if(if(x > y, x > 1, y > 9), 1, 2)", { x: 5, y: 2 }, "1"],
  ] as const)("%s with %j is %s", (formula, inputs, expected) => {
    expect(valueEverywhere(formula, inputs)).toBe(expected);
  });

  it("gives the same value in both evaluators for any arguments", () => {
    const formulas = [
      "min(x, y)",
      "max(x, y, 0)",
      "abs(x)",
      "round(x, 1)",
      "floor(x / 7, 2)",
      "ceil(x * y, -1)",
      "if(x < y, x, y * 2)",
    ];
    fc.assert(
      fc.property(fc.constantFrom(...formulas), decimalText, decimalText, (formula, x, y) => {
        valueEverywhere(formula, { x, y });
      }),
      { numRuns: runs(300) },
    );
  });

  it("evaluates only the branch if takes, in both evaluators", () => {
    expect(valueEverywhere("if(y == 0, 0, x / y)", { x: 1, y: 0 })).toBe("0");
    expect(valueEverywhere("if(y != 0, x / y, 0)", { x: 1, y: 0 })).toBe("0");
  });

  it("reports a bad digits argument at the call in both evaluators", () => {
    expectCode(() => evaluateFormula("round(x, 0.5)", { x: 1 }), "INVALID_ARGUMENT");
    const model = defineModel({ out: "round(x, d)" });
    expectCode(() => compileModel(model).output("out")({ x: 1, d: "0.5" }), "INVALID_ARGUMENT");
  });

  it("reports a condition given where a number is needed at the fact it came from", () => {
    expectCode(() => evaluateFormula("abs(flag)", { flag: true }), "TYPE_MISMATCH", [
      "facts",
      "flag",
    ]);
    expectCode(() => evaluateFormula("if(x, 1, 2)", { x: 1 }), "TYPE_MISMATCH", ["facts", "x"]);
  });
});

describe("sqrt", () => {
  it("is exact where the root is exact", () => {
    expect(valueEverywhere("sqrt(x)", { x: "2.25" })).toBe("1.5");
    expect(valueEverywhere("sqrt(x)", { x: "1e-8" })).toBe("0.0001");
    expect(valueEverywhere("sqrt(x)", { x: "1.44亿" })).toBe("12000");
    expect(valueEverywhere("sqrt(x)", { x: 0 })).toBe("0");
    expect(valueEverywhere("SQRT(x) * sqrt(x)", { x: 49 })).toBe("49");
  });

  it("keeps 64 significant digits where the root is not exact", () => {
    expect(valueEverywhere("sqrt(x)", { x: 2 })).toBe(
      "1.414213562373095048801688724209698078569671875376948073176679738",
    );
    const root = evaluateFormula("sqrt(1 / 3)", {}) as Decimal;
    expect(root.precision()).toBe(64);
  });

  it("gives back |x| exactly from the square of any decimal x", () => {
    fc.assert(
      fc.property(decimalText, (x) => {
        expect(valueEverywhere("sqrt(x * x)", { x })).toBe(new Decimal(x).abs().toFixed());
      }),
      { numRuns: runs(200) },
    );
  });

  it("refuses a negative argument with INVALID_OPERATION, in both evaluators", () => {
    const error = expectCode(
      () => evaluateFormula("sqrt(x)", { x: "-0.01" }, { name: "spread" }),
      "INVALID_OPERATION",
    );
    expect(error.message).toMatch(/sqrt of a negative number has no real value/);
    expect(error.details).toMatchObject({ formula: "spread", column: 1 });
    const model = defineModel({ out: "sqrt(x - 1)" });
    expectCode(() => compileModel(model).output("out")({ x: 0 }), "INVALID_OPERATION");
    expectCode(() => evaluate(model, { x: 0 }), "INVALID_OPERATION");
  });

  it("takes exactly one number", () => {
    expectCode(() => parseFormula("sqrt()"), "WRONG_ARITY");
    expectCode(() => parseFormula("sqrt(4, 2)"), "WRONG_ARITY");
    expectCode(() => parseFormula("sqrt(a > b)"), "TYPE_MISMATCH");
    expect(printFormula(callNode("sqrt", [nameNode("x")]))).toBe("sqrt(x)");
  });
});
