import { Decimal as DecimalJs } from "decimal.js";
import fc from "fast-check";
import {
  booleanNode,
  callNode,
  type Decimal,
  evaluateFormula,
  type FormulaNode,
  nameNode,
  numberNode,
  parseFormula,
  printFormula,
  productNode,
  sumNode,
  unaryNode,
} from "targetree";
import { describe, expect, it } from "vitest";
import { errorOf } from "../_support/errors.js";
import { runs } from "../_support/runs.js";

const value = (text: string, facts: Record<string, unknown> = {}): string => {
  const result = evaluateFormula(text, facts as never);
  return typeof result === "boolean" ? String(result) : result.toString();
};

describe("evaluateFormula", () => {
  describe("arithmetic", () => {
    it.each([
      ["0.1 + 0.2", "0.3"],
      ["1 + 2 * 3", "7"],
      ["(1 + 2) * 3", "9"],
      ["10 - 4 - 3", "3"],
      ["2 ^ 3 ^ 2", "512"],
      ["-2 ^ 2", "-4"],
      ["(-2) ^ 2", "4"],
      ["(-2) ^ 3", "-8"],
      ["2 ^ -2", "0.25"],
      ["4 ^ 0.5", "2"],
      ["0 ^ 0", "1"],
      ["0 ^ 3", "0"],
      ["1 / 4 * 4", "1"],
      ["1 / 3 * 3", `0.${"9".repeat(64)}`],
      ["50万 + 1.2亿", "120500000"],
      ["25% * 8000", "2000"],
      ["5‰ * 1000", "5"],
      ["600 * 25% * 8000 + 1500 * 40% * 6000", "4800000"],
      ["+5 - -5", "10"],
    ])("%s = %s", (text, expected) => {
      expect(value(text)).toBe(expected);
    });

    it("never gives a negative zero", () => {
      expect((evaluateFormula("-5 * 0", {}) as Decimal).toFixed()).toBe("0");
      expect((evaluateFormula("-(0)", {}) as Decimal).toFixed()).toBe("0");
      expect((evaluateFormula("round(-0.4)", {}) as Decimal).toFixed()).toBe("0");
    });

    it("divides to 64 significant digits", () => {
      expect(value("2 / 3")).toBe(`0.${"6".repeat(63)}7`);
    });
  });

  describe("functions", () => {
    it.each([
      ["min(3, 1, 2)", "1"],
      ["max(3, 1, 2)", "3"],
      ["max(7)", "7"],
      ["abs(-3.5)", "3.5"],
      ["round(2.5)", "3"],
      ["round(-2.5)", "-3"],
      ["round(1234.5678, 2)", "1234.57"],
      ["round(12345, -2)", "12300"],
      ["round(0.125, 2)", "0.13"],
      ["floor(2.7)", "2"],
      ["floor(-2.1)", "-3"],
      ["floor(2.789, 1)", "2.7"],
      ["ceil(2.1)", "3"],
      ["ceil(-2.7)", "-2"],
      ["ceil(12301, -2)", "12400"],
      ["if(1 < 2, 10, 20)", "10"],
      ["if(1 > 2, 10, 20)", "20"],
    ])("%s = %s", (text, expected) => {
      expect(value(text)).toBe(expected);
    });

    it("evaluates only the branch if takes", () => {
      expect(value("if(x == 0, 0, 1 / x)", { x: 0 })).toBe("0");
    });

    it("short-circuits and / or", () => {
      expect(value("x == 0 or 1 / x > 1", { x: 0 })).toBe("true");
      expect(value("x != 0 and 1 / x > 1", { x: 0 })).toBe("false");
    });
  });

  describe("conditions (alert rules)", () => {
    it("evaluates the W3 alert rules", () => {
      expect(evaluateFormula("dailyVisits < 3", { dailyVisits: 2 })).toBe(true);
      expect(evaluateFormula("dailyVisits < 3", { dailyVisits: 3 })).toBe(false);
      expect(
        evaluateFormula("stuckDays > 7 and not escalated", { stuckDays: 9, escalated: false }),
      ).toBe(true);
      expect(
        evaluateFormula("stuckDays > 7 and not escalated", { stuckDays: 9, escalated: true }),
      ).toBe(false);
      expect(evaluateFormula("hoursWithoutProgress > 48", { hoursWithoutProgress: "50" })).toBe(
        true,
      );
    });

    it.each([
      ["1 < 2", true],
      ["2 <= 2", true],
      ["3 > 2", true],
      ["2 >= 3", false],
      ["2 == 2.0", true],
      ["2 != 2", false],
      ["true == true", true],
      ["true != false", true],
      ["(1 < 2) == (2 < 1)", false],
      ["not true or true and false", false],
    ])("%s is %s", (text, expected) => {
      expect(evaluateFormula(text, {})).toBe(expected);
    });
  });

  describe("facts", () => {
    it("takes numbers, numeric strings, Decimals and booleans", () => {
      expect(value("a + b + c", { a: 1, b: "50万", c: new DecimalJs("0.5") })).toBe("500001.5");
      expect(value("ok", { ok: true })).toBe("true");
    });

    it("reads facts keyed in another Unicode normal form", () => {
      expect(value("café * 2", { "cafe\u0301": 3 })).toBe("6");
    });

    it("does not mutate frozen facts or trees", () => {
      const facts = Object.freeze({ a: 1, b: 2 });
      const tree = parseFormula("a + b");
      expect(evaluateFormula(tree, facts).toString()).toBe("3");
      expect(facts).toEqual({ a: 1, b: 2 });
    });

    it("evaluates a parsed tree many times", () => {
      const tree = parseFormula("x * 2");
      expect([1, 2, 3].map((x) => evaluateFormula(tree, { x }).toString())).toEqual([
        "2",
        "4",
        "6",
      ]);
    });
  });

  describe("errors", () => {
    it("gives UNKNOWN_FACT for a name not among the facts", () => {
      const error = errorOf(() =>
        evaluateFormula("dailyVisits < 3", { visits: 1 }, { name: "rule1" }),
      );
      expect(error.code).toBe("UNKNOWN_FACT");
      expect(error.path).toEqual(["facts", "dailyVisits"]);
      expect(error.details).toMatchObject({ formula: "rule1", column: 1 });
    });

    it("gives INVALID_NUMBER for a bad fact value", () => {
      for (const bad of [Number.NaN, "abc", null, {}, 10n]) {
        const error = errorOf(() => evaluateFormula("x + 1", { x: bad as never }));
        expect(error.code).toBe("INVALID_NUMBER");
        expect(error.path).toEqual(["facts", "x"]);
      }
    });

    it("gives TYPE_MISMATCH when a fact's type does not fit", () => {
      expect(errorOf(() => evaluateFormula("x + 1", { x: true })).code).toBe("TYPE_MISMATCH");
      expect(errorOf(() => evaluateFormula("x and true", { x: 1 })).code).toBe("TYPE_MISMATCH");
      expect(errorOf(() => evaluateFormula("x == y", { x: 1, y: true })).code).toBe(
        "TYPE_MISMATCH",
      );
      expect(errorOf(() => evaluateFormula("x < y", { x: false, y: true })).code).toBe(
        "TYPE_MISMATCH",
      );
      expect(errorOf(() => evaluateFormula("if(x, 1, 2)", { x: 1 })).code).toBe("TYPE_MISMATCH");
    });

    it("gives TYPE_MISMATCH at the path of the fact whose type does not fit, with the column", () => {
      const cases: [string, Record<string, number | boolean>, string][] = [
        ["a * b", { a: true, b: 1 }, "a"],
        ["a * b", { a: 1, b: false }, "b"],
        ["x and true", { x: 1 }, "x"],
        ["not x", { x: 2 }, "x"],
        ["if(x, 1, 2)", { x: 1 }, "x"],
        ["x == y", { x: 1, y: true }, "y"],
        ["x < 3", { x: true }, "x"],
        ["3 < x", { x: true }, "x"],
      ];
      for (const [text, facts, culprit] of cases) {
        const error = errorOf(() => evaluateFormula(text, facts, { name: "rule" }));
        expect(error.code).toBe("TYPE_MISMATCH");
        expect(error.path).toEqual(["facts", culprit]);
        expect(error.details).toMatchObject({ formula: "rule" });
        expect(error.details.column).toBeTypeOf("number");
      }
      // The caller's own key, even when it is in another Unicode normal form than the formula.
      const decomposed = "cafe\u0301";
      const error = errorOf(() => evaluateFormula("café + 1", { [decomposed]: true }));
      expect(error.path).toEqual(["facts", decomposed]);
    });

    it("gives DIVISION_BY_ZERO with the column of the divisor", () => {
      const error = errorOf(() =>
        evaluateFormula("a / (b - 2)", { a: 1, b: 2 }, { name: "ratio" }),
      );
      expect(error.code).toBe("DIVISION_BY_ZERO");
      expect(error.details).toMatchObject({ formula: "ratio", column: 6 });
      expect(errorOf(() => evaluateFormula("0 ^ -1", {})).code).toBe("DIVISION_BY_ZERO");
    });

    it("gives INVALID_OPERATION for a negative base to a fractional power", () => {
      expect(errorOf(() => evaluateFormula("(-8) ^ (1 / 3)", {})).code).toBe("INVALID_OPERATION");
    });

    it("gives NUMBER_TOO_LARGE past the magnitude limits, never Infinity", () => {
      expect(errorOf(() => evaluateFormula("10 ^ 1001", {})).code).toBe("NUMBER_TOO_LARGE");
      expect(errorOf(() => evaluateFormula("10 ^ 999 * 10", {})).code).toBe("NUMBER_TOO_LARGE");
      expect(errorOf(() => evaluateFormula("(10 ^ -999) / 100", {})).code).toBe("NUMBER_TOO_LARGE");
      expect(errorOf(() => evaluateFormula("2 ^ 999.5 ^ 2", {})).code).toBe("NUMBER_TOO_LARGE");
      expect(value("10 ^ 999").length).toBeGreaterThan(3);
    });

    it("gives INVALID_ARGUMENT for round digits that are not whole or too large", () => {
      expect(errorOf(() => evaluateFormula("round(1.5, 0.5)", {})).code).toBe("INVALID_ARGUMENT");
      expect(errorOf(() => evaluateFormula("round(1.5, 5000)", {})).code).toBe("INVALID_ARGUMENT");
    });

    it("gives INVALID_ARGUMENT when facts are not an object", () => {
      expect(errorOf(() => evaluateFormula("1", null as never)).code).toBe("INVALID_ARGUMENT");
      expect(errorOf(() => evaluateFormula("1", [] as never)).code).toBe("INVALID_ARGUMENT");
    });

    it("gives INVALID_ARGUMENT for a tree that is not a formula", () => {
      expect(errorOf(() => evaluateFormula({ kind: "eval" } as never, {})).code).toBe(
        "INVALID_ARGUMENT",
      );
      const badSpan = { kind: "name", name: "x", span: { start: Number.NaN, end: 1 } };
      expect(errorOf(() => evaluateFormula(badSpan as never, { x: 1 })).code).toBe(
        "INVALID_ARGUMENT",
      );
    });

    it("gives INVALID_ARGUMENT for options that are not an object", () => {
      for (const bad of [null, "abc", 5, true, []]) {
        expect(errorOf(() => evaluateFormula("1", {}, bad as never)).code).toBe("INVALID_ARGUMENT");
      }
      expect(errorOf(() => evaluateFormula("1", {}, { name: 5 as never })).path).toEqual([
        "options",
        "name",
      ]);
    });

    it("gives UNKNOWN_OPTION for an option key it does not know, path included", () => {
      const typo = errorOf(() => evaluateFormula("1", {}, { nam: "rule" } as never));
      expect(typo.code).toBe("UNKNOWN_OPTION");
      expect(typo.path).toEqual(["options", "nam"]);
      expect(typo.message).toMatch(/Did you mean "name"\?/);
      // Errors of evaluateFormula are located in the facts, so it takes no path option.
      const path = errorOf(() => evaluateFormula("1", {}, { path: ["x"] } as never));
      expect(path.code).toBe("UNKNOWN_OPTION");
    });

    it("checks a built tree on every call, and a parsed tree gives the same result every time", () => {
      const built = sumNode(nameNode("x"), [{ op: "+", operand: booleanNode(true) }]);
      expect(errorOf(() => evaluateFormula(built, { x: 1 })).code).toBe("TYPE_MISMATCH");
      expect(errorOf(() => evaluateFormula(built, { x: 1 })).code).toBe("TYPE_MISMATCH");
      const parsed = parseFormula("x * 2 > 3");
      expect(evaluateFormula(parsed, { x: 2 })).toBe(true);
      expect(evaluateFormula(parsed, { x: 1 })).toBe(false);
      expect(errorOf(() => evaluateFormula(parsed, { x: true })).path).toEqual(["facts", "x"]);
    });

    it("gives the parse errors for bad text", () => {
      expect(errorOf(() => evaluateFormula("1 +", {})).code).toBe("FORMULA_SYNTAX");
    });
  });

  describe("properties", () => {
    // The reference: decimal.js itself, configured as the library documents (64 digits, half-up).
    const Reference = DecimalJs.clone({ precision: 64, rounding: DecimalJs.ROUND_HALF_UP });
    type Pair = { node: FormulaNode; reference: () => DecimalJs };
    const leaf = fc
      .tuple(fc.integer({ min: 0, max: 10 ** 9 }), fc.integer({ min: 0, max: 6 }))
      .map(([mantissa, scale]): Pair => {
        const text = `${mantissa}e-${scale}`;
        return { node: numberNode(text), reference: () => new Reference(text) };
      });
    const { pair } = fc.letrec<{ pair: Pair }>((tie) => ({
      pair: fc.oneof(
        { depthSize: "small" },
        leaf,
        tie("pair").map(
          ({ node, reference }): Pair => ({
            node: unaryNode("-", node),
            reference: () => reference().negated(),
          }),
        ),
        fc
          .tuple(
            tie("pair"),
            fc.array(fc.tuple(fc.constantFrom("+", "-", "*", "/"), tie("pair")), {
              minLength: 1,
              maxLength: 3,
            }),
          )
          .map(([first, rest]): Pair => {
            // Build the same left-to-right chain both ways, grouping + - and * / as the parser does.
            let node = first.node;
            let reference = first.reference;
            for (const [op, next] of rest) {
              const previous = reference;
              const left = node;
              if (op === "+" || op === "-") {
                node = sumNode(left, [{ op, operand: next.node }]);
                reference = () =>
                  op === "+"
                    ? previous().plus(next.reference())
                    : previous().minus(next.reference());
              } else {
                node = productNode(left, [{ op, operand: next.node }]);
                reference = () => {
                  const divisor = next.reference();
                  // decimal.js would give ±Infinity, which min/max could then hide.
                  if (op === "/" && divisor.isZero()) throw new RangeError("division by zero");
                  return op === "*" ? previous().times(divisor) : previous().div(divisor);
                };
              }
            }
            return { node, reference };
          }),
        fc
          .tuple(
            fc.constantFrom("min", "max") as fc.Arbitrary<"min" | "max">,
            tie("pair"),
            tie("pair"),
          )
          .map(
            ([name, a, b]): Pair => ({
              node: callNode(name, [a.node, b.node]),
              reference: () =>
                name === "min"
                  ? Reference.min(a.reference(), b.reference())
                  : Reference.max(a.reference(), b.reference()),
            }),
          ),
      ),
    }));

    it("random trees give exactly what direct decimal.js arithmetic gives", () => {
      fc.assert(
        fc.property(pair, ({ node, reference }) => {
          let expected: string;
          try {
            const exact = new Reference(reference());
            expected = exact.isZero() ? "0" : exact.toFixed();
          } catch {
            // A division by zero somewhere: the library gives an error, never Infinity.
            expect(errorOf(() => evaluateFormula(node, {})).code).toBe("DIVISION_BY_ZERO");
            return;
          }
          const actual = evaluateFormula(node, {}) as Decimal;
          expect(actual.toFixed()).toBe(expected);
          // And the printed formula evaluates to the same value.
          expect((evaluateFormula(printFormula(node), {}) as Decimal).toFixed()).toBe(expected);
        }),
        { numRuns: runs(300) },
      );
    });

    it("names evaluate to their facts", () => {
      fc.assert(
        fc.property(fc.integer(), fc.integer(), (a, b) => {
          const node = sumNode(nameNode("a"), [{ op: "-", operand: nameNode("b") }]);
          expect((evaluateFormula(node, { a, b }) as Decimal).toString()).toBe(String(a - b));
        }),
        { numRuns: runs(100) },
      );
    });
  });
});
