import {
  binaryNode,
  booleanNode,
  callNode,
  compareNode,
  type FormulaNode,
  formulaNames,
  formulasEqual,
  logicalNode,
  nameNode,
  notNode,
  numberNode,
  parseFormula,
  powerNode,
  printFormula,
  productNode,
  sumNode,
  unaryNode,
} from "targetree";
import { describe, expect, it } from "vitest";
import { errorOf, expectCode } from "../_support/errors.js";
import { scaled } from "../_support/runs.js";

const a = nameNode("a");
const b = nameNode("b");
const c = nameNode("c");

describe("node builders", () => {
  it("build the same trees the parser builds", () => {
    const cases: [FormulaNode, string][] = [
      [numberNode(500000, "万"), "50万"],
      [numberNode("0.25", "%"), "25%"],
      [booleanNode(false), "false"],
      [nameNode("新客户数"), "新客户数"],
      [unaryNode("-", a), "-a"],
      [notNode(compareNode("<", a, b)), "not a < b"],
      [
        sumNode(a, [
          { op: "+", operand: b },
          { op: "-", operand: c },
        ]),
        "a + b - c",
      ],
      [productNode(a, [{ op: "/", operand: b }]), "a / b"],
      [powerNode(a, numberNode(2)), "a ^ 2"],
      [logicalNode("or", [a, b, c]), "a or b or c"],
      [callNode("round", [a, numberNode(2)]), "round(a, 2)"],
      [binaryNode("-", binaryNode("-", a, b), c), "a - b - c"],
      [binaryNode("-", a, binaryNode("-", b, c)), "a - (b - c)"],
      [binaryNode("and", binaryNode("and", a, b), c), "a and b and c"],
      [binaryNode(">=", a, b), "a >= b"],
      [binaryNode("^", a, b), "a ^ b"],
    ];
    for (const [node, text] of cases) {
      expect(formulasEqual(node, parseFormula(text))).toBe(true);
      expect(Object.isFrozen(node)).toBe(true);
    }
  });

  it("return a lone operand unchanged for an empty chain", () => {
    expect(sumNode(a, [])).toBe(a);
    expect(productNode(a, [])).toBe(a);
    expect(logicalNode("and", [a])).toBe(a);
  });

  it("normalise names to NFC", () => {
    expect(nameNode("cafe\u0301").name).toBe("caf\u00e9");
  });

  it("keep a given span", () => {
    expect(nameNode("a", { start: 3, end: 4 }).span).toEqual({ start: 3, end: 4 });
  });

  it("keep a frozen copy of a span, so changing the caller's object later changes nothing", () => {
    const span = { start: 0, end: 1 };
    const node = numberNode(5, undefined, span);
    span.start = 7;
    expect(node.span).toEqual({ start: 0, end: 1 });
    expect(Object.isFrozen(node.span)).toBe(true);
    expect(booleanNode(true, { start: 2, end: 2 }).span).toEqual({ start: 2, end: 2 });
  });

  it("do not mutate frozen arguments", () => {
    const rest = Object.freeze([Object.freeze({ op: "+" as const, operand: b })]);
    const args = Object.freeze([a, b]);
    expect(printFormula(sumNode(a, rest))).toBe("a + b");
    expect(printFormula(callNode("max", args))).toBe("max(a, b)");
  });

  describe("errors", () => {
    it("refuse a negative literal or an unknown unit (INVALID_ARGUMENT)", () => {
      expect(errorOf(() => numberNode(-5)).code).toBe("INVALID_ARGUMENT");
      expect(errorOf(() => numberNode(5, "兆" as never)).code).toBe("INVALID_ARGUMENT");
    });

    it("refuse a span that is not whole numbers 0 ≤ start ≤ end (INVALID_ARGUMENT)", () => {
      const builders: ((span: never) => unknown)[] = [
        (span) => numberNode(5, undefined, span),
        (span) => booleanNode(true, span),
        (span) => nameNode("a", span),
        (span) => unaryNode("-", a, span),
        (span) => notNode(a, span),
        (span) => sumNode(a, [{ op: "+", operand: b }], span),
        (span) => productNode(a, [{ op: "*", operand: b }], span),
        (span) => powerNode(a, b, span),
        (span) => compareNode("<", a, b, span),
        (span) => logicalNode("and", [a, b], span),
        (span) => callNode("max", [a, b], span),
      ];
      const bad = [
        Number.NaN,
        null,
        "abc",
        [],
        { start: Number.NaN, end: 1 },
        { start: -1, end: 1 },
        { start: 0.5, end: 1 },
        { start: "0", end: 1 },
        { start: 0 },
        { start: 0, end: Number.POSITIVE_INFINITY },
        { start: 3, end: 2 },
      ];
      for (const build of builders) {
        for (const span of bad) {
          expect(errorOf(() => build(span as never)).code).toBe("INVALID_ARGUMENT");
        }
        expect(() => build(undefined as never)).not.toThrow();
      }
      expect(errorOf(() => nameNode("a", { start: -1, end: 1 })).path).toEqual(["span", "start"]);
    });

    it("refuse a boolean node of anything but true or false (INVALID_ARGUMENT)", () => {
      for (const bad of [Number.NaN, "true", "false", 0, 1, null, undefined, {}, []]) {
        expect(errorOf(() => booleanNode(bad as never)).code).toBe("INVALID_ARGUMENT");
      }
    });

    it("refuse a chain whose rest is not an array (INVALID_ARGUMENT)", () => {
      for (const bad of [Number.NaN, "abc", null, undefined, {}, true]) {
        expect(errorOf(() => sumNode(a, bad as never)).code).toBe("INVALID_ARGUMENT");
        expect(errorOf(() => productNode(a, bad as never)).code).toBe("INVALID_ARGUMENT");
      }
    });

    it("refuse a bad number (INVALID_NUMBER)", () => {
      expect(errorOf(() => numberNode(Number.NaN)).code).toBe("INVALID_NUMBER");
    });

    it("refuse names that are not identifiers or are keywords (INVALID_ARGUMENT)", () => {
      for (const bad of ["", "1a", "a b", "and", "TRUE", "a-b", 5 as never]) {
        expect(errorOf(() => nameNode(bad)).code).toBe("INVALID_ARGUMENT");
      }
    });

    it("refuse unknown operators and non-node operands (INVALID_ARGUMENT)", () => {
      expect(errorOf(() => unaryNode("*" as never, a)).code).toBe("INVALID_ARGUMENT");
      expect(errorOf(() => sumNode(a, [{ op: "*" as never, operand: b }])).code).toBe(
        "INVALID_ARGUMENT",
      );
      expect(errorOf(() => productNode(a, [{ op: "+" as never, operand: b }])).code).toBe(
        "INVALID_ARGUMENT",
      );
      expect(errorOf(() => compareNode("=<" as never, a, b)).code).toBe("INVALID_ARGUMENT");
      expect(errorOf(() => logicalNode("xor" as never, [a, b])).code).toBe("INVALID_ARGUMENT");
      expect(errorOf(() => logicalNode("and", [])).code).toBe("INVALID_ARGUMENT");
      expect(errorOf(() => notNode("a" as never)).code).toBe("INVALID_ARGUMENT");
      expect(errorOf(() => powerNode(a, null as never)).code).toBe("INVALID_ARGUMENT");
      expect(errorOf(() => binaryNode("%" as never, a, b)).code).toBe("INVALID_ARGUMENT");
      expect(errorOf(() => callNode("max", "a" as never)).code).toBe("INVALID_ARGUMENT");
    });

    it("refuse a function off the whitelist (UNKNOWN_FUNCTION)", () => {
      expect(errorOf(() => callNode("eval" as never, [a])).code).toBe("UNKNOWN_FUNCTION");
      expect(errorOf(() => callNode("constructor" as never, [a])).code).toBe("UNKNOWN_FUNCTION");
    });

    it("leave arity to the printer and evaluator (WRONG_ARITY)", () => {
      const bad = callNode("abs", [a, b]);
      expect(errorOf(() => printFormula(bad)).code).toBe("WRONG_ARITY");
    });
  });
});

describe("formulasEqual", () => {
  it("ignores positions and literal spelling, not structure", () => {
    expect(formulasEqual(parseFormula("a+b"), parseFormula("  a + b "))).toBe(true);
    expect(formulasEqual(parseFormula("0.50"), parseFormula("0.5"))).toBe(true);
    expect(formulasEqual(parseFormula("50万"), parseFormula("500000"))).toBe(false);
    expect(formulasEqual(parseFormula("a + b"), parseFormula("b + a"))).toBe(false);
    expect(formulasEqual(parseFormula("a < b"), parseFormula("a <= b"))).toBe(false);
    expect(formulasEqual(parseFormula("max(a, b)"), parseFormula("max(a, b, c)"))).toBe(false);
    expect(formulasEqual(parseFormula("not a"), parseFormula("not a"))).toBe(true);
  });

  it("refuses arguments that are not formula trees (INVALID_ARGUMENT)", () => {
    const tree = parseFormula("1");
    const bad = [
      Number.NaN,
      null,
      undefined,
      "abc",
      {},
      [],
      true,
      { kind: "number" },
      { kind: "number", value: 1 },
      { kind: "name", name: "a", span: { start: Number.NaN, end: 0 } },
      { kind: "sum", first: a, rest: "b" },
      unaryNode("-", { kind: "nope" } as never),
    ];
    for (const value of bad) {
      expect(errorOf(() => formulasEqual(value as never, tree)).path).toEqual(["a"]);
      expect(errorOf(() => formulasEqual(tree, value as never)).path).toEqual(["b"]);
      expect(errorOf(() => formulasEqual(value as never, tree)).code).toBe("INVALID_ARGUMENT");
    }
  });

  it("refuses trees deeper than any formula nests (FORMULA_TOO_DEEP)", () => {
    let deep: FormulaNode = a;
    let other: FormulaNode = a;
    for (let i = 0; i < 5000; i++) {
      deep = unaryNode("-", deep);
      other = unaryNode("-", other);
    }
    expect(errorOf(() => formulasEqual(deep, other)).code).toBe("FORMULA_TOO_DEEP");
  });
});

describe("formulaNames", () => {
  it("lists each name once in order of first appearance, without function names", () => {
    expect(formulaNames("b * a + max(a, c) - if(d > 0, e, b)")).toEqual(["b", "a", "c", "d", "e"]);
    expect(formulaNames(parseFormula("1 + 2"))).toEqual([]);
  });

  it("gives the parse errors for bad text, and checks built trees", () => {
    expect(errorOf(() => formulaNames("a +")).code).toBe("FORMULA_SYNTAX");
    expect(errorOf(() => formulaNames({ kind: "nope" } as never)).code).toBe("INVALID_ARGUMENT");
  });
});

describe("printFormula", () => {
  it("prints math symbols on request", () => {
    expect(
      printFormula(parseFormula("a * b / c <= d and e >= f or g != h"), { symbols: "math" }),
    ).toBe("a × b ÷ c ≤ d and e ≥ f or g ≠ h");
  });

  it("prints the fewest parentheses that keep the shape", () => {
    expect(printFormula(parseFormula("((a * b)) + ((c / (d * e)))"))).toBe("a * b + c / (d * e)");
    expect(printFormula(parseFormula("(a + b) ^ (c + d)"))).toBe("(a + b) ^ (c + d)");
    expect(printFormula(parseFormula("-(a ^ b)"))).toBe("-a ^ b");
    expect(printFormula(parseFormula("(not a) == b"))).toBe("(not a) == b");
  });

  it("prints a chain of unary operators without parentheses, so it parses back", () => {
    expect(printFormula(parseFormula("-(-(+(-x)))"))).toBe("--+-x");
    expect(printFormula(unaryNode("-", unaryNode("-", numberNode(1))))).toBe("--1");
    expect(printFormula(parseFormula("a - -b * --c"))).toBe("a - -b * --c");
    const long = parseFormula(`${"-".repeat(256)}1`);
    const printed = printFormula(long);
    expect(printed).toBe(`${"-".repeat(256)}1`);
    expect(formulasEqual(parseFormula(printed), long)).toBe(true);
  });

  it("refuses options that are not an object, and symbols other than ascii or math (INVALID_ARGUMENT)", () => {
    const tree = parseFormula("a * b");
    for (const bad of [null, Number.NaN, "abc", true, []]) {
      expect(errorOf(() => printFormula(tree, bad as never)).code).toBe("INVALID_ARGUMENT");
    }
    for (const bad of ["abc", "MATH", Number.NaN, null, {}, [], true]) {
      const error = errorOf(() => printFormula(tree, { symbols: bad as never }));
      expect(error.code).toBe("INVALID_ARGUMENT");
      expect(error.path).toEqual(["options", "symbols"]);
    }
    expect(printFormula(tree, { symbols: undefined } as never)).toBe("a * b");
  });

  it("refuses an unknown option key, naming the closest known key (UNKNOWN_OPTION)", () => {
    const tree = parseFormula("a * b");
    const error = expectCode(
      () => printFormula(tree, { symbol: "math" } as never),
      "UNKNOWN_OPTION",
      ["options", "symbol"],
    );
    expect(error.message).toMatch(/Did you mean "symbols"\?/);
    expectCode(() => printFormula(tree, { other: 1 } as never), "UNKNOWN_OPTION", [
      "options",
      "other",
    ]);
  });

  it("reads options by own keys only", () => {
    const inherited = Object.create({ symbols: "math" }) as { symbols?: "math" };
    expect(printFormula(parseFormula("a * b"), inherited)).toBe("a * b");
    expect(printFormula(parseFormula("a * b"), Object.freeze({ symbols: "math" }))).toBe("a × b");
  });

  it("prints a built tree that is deeper than any formula only with an error (FORMULA_TOO_DEEP)", () => {
    let deep: FormulaNode = a;
    for (let i = 0; i < 5000; i++) deep = unaryNode("-", deep);
    expect(errorOf(() => printFormula(deep)).code).toBe("FORMULA_TOO_DEEP");
  });

  it("refuses something that is not a tree (INVALID_ARGUMENT)", () => {
    expect(errorOf(() => printFormula({ kind: "number" } as never)).code).toBe("INVALID_ARGUMENT");
    expect(errorOf(() => printFormula(null as never)).code).toBe("INVALID_ARGUMENT");
  });

  it("refuses an ill-typed built tree (TYPE_MISMATCH)", () => {
    expect(
      errorOf(() => printFormula(sumNode(a, [{ op: "+", operand: booleanNode(true) }]))).code,
    ).toBe("TYPE_MISMATCH");
  });

  it("prints a 200,000-term formula from its one flat node", () => {
    const terms = scaled(200_000);
    const tree = parseFormula(Array.from({ length: terms }, () => "1").join("+"));
    expect(printFormula(tree).length).toBe(terms * 4 - 3);
  });
});
