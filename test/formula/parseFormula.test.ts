import fc from "fast-check";
import {
  evaluateFormula,
  formulasEqual,
  MAX_COSTLY_POWERS,
  MAX_FORMULA_LENGTH,
  MAX_NESTING_DEPTH,
  parseFormula,
  printFormula,
  TargetreeError,
} from "targetree";
import { describe, expect, it } from "vitest";
import { errorOf } from "../_support/errors.js";
import { runs } from "../_support/runs.js";
import { anyTree } from "./_arbitraries.js";

const canonical = (text: string): string => printFormula(parseFormula(text));

describe("parseFormula", () => {
  describe("precedence and associativity", () => {
    it.each([
      ["1 + 2 * 3", "1 + 2 * 3"],
      ["(1 + 2) * 3", "(1 + 2) * 3"],
      ["((a))", "a"],
      ["a - b - c", "a - b - c"],
      ["a - (b - c)", "a - (b - c)"],
      ["(a - b) - c", "a - b - c"],
      ["a / b / c", "a / b / c"],
      ["a / (b / c)", "a / (b / c)"],
      ["2 ^ 3 ^ 2", "2 ^ 3 ^ 2"],
      ["(2 ^ 3) ^ 2", "(2 ^ 3) ^ 2"],
      ["-2 ^ 2", "-2 ^ 2"],
      ["(-2) ^ 2", "(-2) ^ 2"],
      ["2 ^ -1", "2 ^ -1"],
      ["-a * b", "-a * b"],
      ["-(a * b)", "-(a * b)"],
      ["- -a", "--a"],
      ["-(+(-a))", "-+-a"],
      ["+a", "+a"],
      ["a < b + 1", "a < b + 1"],
      ["not a < b", "not a < b"],
      ["not (a and b)", "not (a and b)"],
      ["a and b or c", "a and b or c"],
      ["a and (b or c)", "a and (b or c)"],
      ["a or b and c", "a or b and c"],
      ["(a < b) == (c < d)", "(a < b) == (c < d)"],
      ["not not done", "not not done"],
    ])("reads %s as %s", (text, printed) => {
      expect(canonical(text)).toBe(printed);
    });

    it("makes chains n-ary: a 4-term sum is one node", () => {
      const tree = parseFormula("a + b - c + d");
      expect(tree.kind).toBe("sum");
      if (tree.kind === "sum") expect(tree.rest.map((link) => link.op)).toEqual(["+", "-", "+"]);
    });

    it("merges a parenthesised leading chain, which evaluates in the same order", () => {
      expect(formulasEqual(parseFormula("(a + b) + c"), parseFormula("a + b + c"))).toBe(true);
      expect(formulasEqual(parseFormula("(a * b) / c"), parseFormula("a * b / c"))).toBe(true);
      expect(formulasEqual(parseFormula("a + (b + c)"), parseFormula("a + b + c"))).toBe(false);
    });
  });

  describe("alternative spellings", () => {
    it.each([
      ["a × b ÷ c", "a * b / c"],
      ["a − b", "a - b"],
      ["a = b", "a == b"],
      ["a <> b", "a != b"],
      ["a ≠ b", "a != b"],
      ["a ≤ b", "a <= b"],
      ["a ≥ b", "a >= b"],
      ["a && b || !c", "a and b or not c"],
      ["a AND b Or NOT c", "a and b or not c"],
      ["TRUE or False", "true or false"],
      ["MAX(a, 1) + Round(b)", "max(a, 1) + round(b)"],
      ["（a + b）× 2", "(a + b) * 2"],
      ["max(a，b)", "max(a, b)"],
      ["a\u3000+\tb\n+ c", "a + b + c"],
    ])("accepts %s", (text, printed) => {
      expect(canonical(text)).toBe(printed);
    });
  });

  describe("number literals", () => {
    it.each([
      ["50万", "500000", "万"],
      ["1.2亿", "120000000", "亿"],
      ["3.5千", "3500", "千"],
      ["25%", "0.25", "%"],
      ["25％", "0.25", "%"],
      ["5‰", "0.005", "‰"],
      ["2万亿", "2000000000000", "万亿"],
      ["1千万", "10000000", "千万"],
      ["3百万", "3000000", "百万"],
      ["8000", "8000", undefined],
      [".5", "0.5", undefined],
      ["1.5e3", "1500", undefined],
      ["2E-2", "0.02", undefined],
      ["50万元", "500000", "万"],
      ["8000元", "8000", undefined],
    ])("reads %s as %s (unit %s)", (text, value, unit) => {
      const tree = parseFormula(text);
      expect(tree.kind).toBe("number");
      if (tree.kind === "number") {
        expect(tree.value.toString()).toBe(value);
        expect(tree.unit).toBe(unit);
      }
    });

    it("prints a literal with the unit it was written with", () => {
      expect(canonical("50万 + 1.2亿 * 25%")).toBe("50万 + 1.2亿 * 25%");
      expect(canonical("1.20亿")).toBe("1.2亿");
    });

    it("keeps more digits than the working precision in a literal", () => {
      const digits = "1234567890".repeat(8);
      const tree = parseFormula(digits);
      expect(tree.kind === "number" && tree.value.toFixed()).toBe(digits);
    });
  });

  describe("names", () => {
    it("reads Chinese names", () => {
      expect(canonical("新客户数 * 转化率 * 客单价")).toBe("新客户数 * 转化率 * 客单价");
    });

    it("normalises names to NFC (never NFKC)", () => {
      const tree = parseFormula("cafe\u0301 + ﬁ");
      expect(tree.kind === "sum" && tree.first.kind === "name" && tree.first.name).toBe(
        "caf\u00e9",
      );
      // NFKC would turn the ligature ﬁ into "fi"; NFC keeps it.
      expect(
        tree.kind === "sum" && tree.rest[0]!.operand.kind === "name" && tree.rest[0]!.operand.name,
      ).toBe("ﬁ");
    });

    it("treats prototype names and function names as ordinary names", () => {
      expect(canonical("__proto__ + constructor + toString + valueOf + min")).toBe(
        "__proto__ + constructor + toString + valueOf + min",
      );
    });

    it("reserves and, or, not, true, false in any case", () => {
      expect(errorOf(() => parseFormula("And + 1")).code).toBe("FORMULA_SYNTAX");
      expect(errorOf(() => parseFormula("true + 1")).code).toBe("TYPE_MISMATCH");
    });
  });

  it("returns frozen trees with positions", () => {
    const tree = parseFormula("a + b");
    expect(Object.isFrozen(tree)).toBe(true);
    expect(tree.span).toEqual({ start: 0, end: 5 });
    if (tree.kind === "sum") {
      expect(Object.isFrozen(tree.rest)).toBe(true);
      expect(tree.rest[0]!.operand.span).toEqual({ start: 4, end: 5 });
    }
  });

  describe("errors", () => {
    it.each([
      ["a +", 4],
      ["a + * b", 5],
      ["(a + b", 7],
      ["a + b)", 6],
      ["a b", 3],
      ["2x", 2],
      ["a < b < c", 7],
      ["1.2.3", 4],
      ["5.", 3],
      ["a $ b", 3],
      ["a & b", 3],
      ["max(a,)", 7],
      ["a.b", 2],
      ["-not a", 2],
    ])("gives FORMULA_SYNTAX for %s at column %i", (text, column) => {
      const error = errorOf(() => parseFormula(text, { name: "revenue" }));
      expect(error.code).toBe("FORMULA_SYNTAX");
      expect(error.details.column).toBe(column);
      expect(error.details.formula).toBe("revenue");
      expect(error.message).toContain('"revenue"');
      expect(error.message).toContain(`column ${column}`);
    });

    it("gives the line and column in a multi-line formula", () => {
      const error = errorOf(() => parseFormula("a +\n  b *"));
      expect(error.details).toMatchObject({ line: 2, column: 6 });
    });

    it("carries the caller's path", () => {
      const error = errorOf(() => parseFormula("a +", { path: ["rules", 3, "when"] }));
      expect(error.path).toEqual(["rules", 3, "when"]);
    });

    it("quotes only a short excerpt of the text", () => {
      const error = errorOf(() => parseFormula(`a + ${"x".repeat(5000)} $`));
      expect(error.message.length).toBeLessThan(300);
    });

    it("gives FORMULA_TOO_LONG past the length limit", () => {
      const error = errorOf(() => parseFormula("1".repeat(MAX_FORMULA_LENGTH + 1)));
      expect(error.code).toBe("FORMULA_TOO_LONG");
      expect(error.message.length).toBeLessThan(300);
    });

    it.each([
      ["parentheses", (n: number) => `${"(".repeat(n)}1${")".repeat(n)}`],
      ["unary minus", (n: number) => `${"-".repeat(n)}1`],
      ["not", (n: number) => `${"not ".repeat(n)}true`],
      ["calls", (n: number) => `${"abs(".repeat(n)}1${")".repeat(n)}`],
    ])("gives FORMULA_TOO_DEEP for %s past the depth limit", (_, build) => {
      expect(() => parseFormula(build(MAX_NESTING_DEPTH))).not.toThrow();
      expect(errorOf(() => parseFormula(build(MAX_NESTING_DEPTH + 1))).code).toBe(
        "FORMULA_TOO_DEEP",
      );
    });

    it("gives FORMULA_TOO_DEEP for a power tower past the depth limit", () => {
      // 2^2^…^2 nests to the right, so each exponent but the last is itself a power: the
      // parser refuses the tower past the depth limit, and the typecheck refuses it at the limit
      // for holding more than MAX_COSTLY_POWERS non-literal exponents.
      const tower = (n: number) => Array.from({ length: n + 1 }, () => "2").join("^");
      expect(errorOf(() => parseFormula(tower(MAX_NESTING_DEPTH + 1))).code).toBe(
        "FORMULA_TOO_DEEP",
      );
      expect(errorOf(() => parseFormula(tower(MAX_NESTING_DEPTH))).code).toBe("FORMULA_TOO_COSTLY");
      expect(() => parseFormula(tower(MAX_COSTLY_POWERS + 1))).not.toThrow();
      expect(errorOf(() => parseFormula(tower(MAX_COSTLY_POWERS + 2))).code).toBe(
        "FORMULA_TOO_COSTLY",
      );
    });

    it("parses, prints and evaluates the deepest allowed mix of constructs", () => {
      // Each level adds two counted levels (a call and a parenthesis) and six uncounted nodes.
      let text = "d";
      for (let level = 0; level < MAX_NESTING_DEPTH / 2; level++) {
        text = `d + e * if(a or b and c < (${text}), 1, 2) ^ 2`;
      }
      const tree = parseFormula(text);
      expect(formulasEqual(parseFormula(printFormula(tree)), tree)).toBe(true);
      const facts = { a: false, b: true, c: 0, d: 1, e: 1 };
      expect(evaluateFormula(tree, facts).toString()).toBe("2");
      expect(errorOf(() => parseFormula(`(${text})`)).code).toBe("FORMULA_TOO_DEEP");
    });

    it.each([
      ["\u202E", "U+202E"],
      ["\u2066", "U+2066"],
      ["\u200B", "U+200B"],
      ["\u200D", "U+200D"],
      ["\u200E", "U+200E"],
      ["\u061C", "U+061C"],
      ["\u2060", "U+2060"],
      ["\uFEFF", "U+FEFF"],
    ])("gives INVALID_CHARACTER for the invisible %s with its column", (char, label) => {
      const error = errorOf(() => parseFormula(`limit = 3${char} + x`));
      expect(error.code).toBe("INVALID_CHARACTER");
      expect(error.details.column).toBe(10);
      expect(error.message).toContain(label);
    });

    it("gives UNKNOWN_FUNCTION for a function off the whitelist", () => {
      const error = errorOf(() => parseFormula("x + sum(a, b)"));
      expect(error.code).toBe("UNKNOWN_FUNCTION");
      expect(error.details.column).toBe(5);
      expect(error.message).toMatch(/use one of min, max, abs, (\w+, )+if\b/);
    });

    it.each(["abs()", "abs(1, 2)", "round(1, 2, 3)", "if(true, 1)", "min()"])(
      "gives WRONG_ARITY for %s",
      (text) => {
        expect(errorOf(() => parseFormula(text)).code).toBe("WRONG_ARITY");
      },
    );

    it.each([
      ["1 + true", 5],
      ["not 5", 5],
      ["a and 1", 7],
      ["if(1, 2, 3)", 4],
      ["if(a, 1, true)", 10],
      ["(a < b) + 1", 2],
      ["1 == true", 6],
      ["-(a < b)", 3],
      ["max(a, b > 1)", 8],
    ])("gives TYPE_MISMATCH for %s at column %i", (text, column) => {
      const error = errorOf(() => parseFormula(text));
      expect(error.code).toBe("TYPE_MISMATCH");
      expect(error.details.column).toBe(column);
    });

    it("gives NUMBER_TOO_LARGE or INVALID_NUMBER for a literal out of range", () => {
      expect(errorOf(() => parseFormula("1e5000")).code).toBe("NUMBER_TOO_LARGE");
      expect(errorOf(() => parseFormula("1e12345")).code).toBe("INVALID_NUMBER");
      expect(errorOf(() => parseFormula("9e999万")).code).toBe("NUMBER_TOO_LARGE");
      expect(errorOf(() => parseFormula("1".repeat(120))).code).toBe("NUMBER_TOO_LARGE");
    });

    it("gives INVALID_ARGUMENT for text that is not a string, or bad options", () => {
      expect(errorOf(() => parseFormula(42 as unknown as string)).code).toBe("INVALID_ARGUMENT");
      expect(errorOf(() => parseFormula("a", null as never)).code).toBe("INVALID_ARGUMENT");
      expect(errorOf(() => parseFormula("a", { name: 5 as never })).code).toBe("INVALID_ARGUMENT");
      expect(errorOf(() => parseFormula("a", { path: "x" as never })).path).toEqual([
        "options",
        "path",
      ]);
      expect(errorOf(() => parseFormula("a", { name: 5 as never })).path).toEqual([
        "options",
        "name",
      ]);
    });

    it("gives UNKNOWN_OPTION for an option key it does not know, naming the closest", () => {
      const error = errorOf(() => parseFormula("a", { nmae: "revenue" } as never));
      expect(error.code).toBe("UNKNOWN_OPTION");
      expect(error.path).toEqual(["options", "nmae"]);
      expect(error.message).toMatch(/Did you mean "name"\?/);
      expect(parseFormula("a", { name: undefined, path: undefined } as never).kind).toBe("name");
    });

    it("still works after an error", () => {
      errorOf(() => parseFormula("(".repeat(100_000)));
      expect(canonical("a + b")).toBe("a + b");
    });
  });

  describe("properties", () => {
    it("parse → print → parse is the identity", () => {
      fc.assert(
        fc.property(anyTree, (tree) => {
          const printed = printFormula(tree);
          const reparsed = parseFormula(printed);
          expect(formulasEqual(reparsed, tree)).toBe(true);
          expect(printFormula(reparsed)).toBe(printed);
          expect(formulasEqual(parseFormula(printFormula(tree, { symbols: "math" })), tree)).toBe(
            true,
          );
        }),
        { numRuns: runs(300) },
      );
    });

    it("never throws anything but a TargetreeError on arbitrary text", () => {
      fc.assert(
        fc.property(
          fc.string({
            unit: fc.constantFrom(..."ab1.2万%+-*/^()<>=!&|, ×÷（），\u202Eé_".split("")),
            maxLength: 40,
          }),
          (text) => {
            try {
              parseFormula(text);
            } catch (error) {
              expect(error).toBeInstanceOf(TargetreeError);
            }
          },
        ),
        { numRuns: runs(300) },
      );
    });
  });
});
