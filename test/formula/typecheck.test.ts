// Type checking and tree-shape checking of parsed and built formulas (src/formula/_lib/typecheck.ts),
// through the public entry points: parseFormula, printFormula and formulasEqual.

import {
  booleanNode,
  callNode,
  type FormulaNode,
  formulasEqual,
  nameNode,
  numberNode,
  parseFormula,
  printFormula,
  unaryNode,
} from "targetree";
import { describe, expect, it } from "vitest";
import { errorOf, expectCode } from "../_support/errors.js";

const a = nameNode("a");
const one = numberNode(1);
const yes = booleanNode(true);
/** A hand-made (not builder-checked) node, as a caller might pass one in. */
const raw = (node: Record<string, unknown>): FormulaNode => node as unknown as FormulaNode;

/** The deepest tree any formula can have: 8 × (256 + 1) levels. */
const MAX_TREE_DEPTH = 2056;
const unaryTower = (levels: number): FormulaNode => {
  let node: FormulaNode = a;
  for (let i = 1; i < levels; i++) node = unaryNode("-", node);
  return node;
};

const mismatch = (text: string): string =>
  expectCode(() => parseFormula(text), "TYPE_MISMATCH", []).message;

describe("type mismatches name the operand and both types", () => {
  it.each([
    ["not 1", /the operand of "not" must be a condition \(true\/false\), but this is a number\./],
    ["-true", /the operand of unary - must be a number, but this is a condition \(true\/false\)\./],
    ["+true", /the operand of unary \+ must be a number/],
    ["true * 2", /each operand of \* must be a number, but this is a condition/],
    ["2 - true", /each operand of - must be a number, but this is a condition/],
    ["true ^ 2", /the base of \^ must be a number/],
    ["2 ^ true", /the exponent of \^ must be a number/],
    ["true < 1", /the left side of < must be a number, but this is a condition/],
    ["1 >= true", /the right side of >= must be a number, but this is a condition/],
    [
      "1 == true",
      /the two sides of == must both be numbers or both be conditions; this is a condition \(true\/false\), the other a number\./,
    ],
    [
      "true != 1",
      /the two sides of != must both be numbers or both be conditions; this is a number, the other a condition/,
    ],
    [
      "1 and true",
      /each operand of "and" must be a condition \(true\/false\), but this is a number\./,
    ],
    ["true or 2", /each operand of "or" must be a condition/],
    [
      "if(1, 2, 3)",
      /the condition of if must be a condition \(true\/false\), but this is a number/,
    ],
    ["if(true, 2, false)", /the two branches of if must both be numbers or both be conditions/],
    ["round(1, true)", /argument 2 of round must be a number, but this is a condition/],
    ["max(1, 2, true)", /argument 3 of max must be a number/],
  ])("%s", (text, message) => {
    expect(mismatch(text)).toMatch(message);
  });

  it("locates the mismatch at the offending operand", () => {
    expect(mismatch("1 + 2 * true")).toMatch(/In formula at column 9, near "true": /);
  });

  it("takes an if's type from whichever branch is known", () => {
    // One branch is a name (unknown type in a free formula), the other decides the if's type.
    expect(mismatch("if(c, x, 1) and true")).toMatch(/each operand of "and" must be a condition/);
    expect(mismatch("if(c, 1, x) and true")).toMatch(/each operand of "and" must be a condition/);
    expect(mismatch("not if(c, x, 1)")).toMatch(/the operand of "not"/);
    expect(printFormula(parseFormula("if(c, x, y) and true"))).toBe("if(c, x, y) and true");
    expect(printFormula(parseFormula("if(c, x, true) and true"))).toBe("if(c, x, true) and true");
  });

  it("accepts comparisons of two numbers and equality of two conditions", () => {
    expect(printFormula(parseFormula("1 < 2"))).toBe("1 < 2");
    expect(printFormula(parseFormula("true == false"))).toBe("true == false");
    expect(printFormula(parseFormula("(1 < 2) != true"))).toBe("(1 < 2) != true");
  });
});

describe("costly powers", () => {
  const powers = (exponent: string, count: number): string =>
    Array.from({ length: count }, () => `a ^ ${exponent}`).join(" + ");

  it("does not count whole-number literal exponents, signed or not", () => {
    expect(() => parseFormula(powers("2", 40))).not.toThrow();
    expect(() => parseFormula(powers("-3", 40))).not.toThrow();
    expect(() => parseFormula(powers("+4", 40))).not.toThrow();
  });

  it("counts exponents with a unit, even when their value is whole", () => {
    expect(() => parseFormula(powers("100%", 32))).not.toThrow();
    const error = expectCode(() => parseFormula(powers("100%", 33)), "FORMULA_TOO_COSTLY", []);
    expect(error.message).toMatch(
      /more than 32 powers whose exponent is not a whole-number literal/,
    );
  });

  it("counts name and fractional exponents", () => {
    expectCode(() => parseFormula(powers("b", 33)), "FORMULA_TOO_COSTLY");
    expectCode(() => parseFormula(powers("0.5", 33)), "FORMULA_TOO_COSTLY");
  });
});

describe("depth of built trees", () => {
  it("prints a tree exactly MAX_TREE_DEPTH deep and refuses one level more", () => {
    expect(printFormula(unaryTower(MAX_TREE_DEPTH))).toBe(`${"-".repeat(MAX_TREE_DEPTH - 1)}a`);
    const error = expectCode(
      () => printFormula(unaryTower(MAX_TREE_DEPTH + 1)),
      "FORMULA_TOO_DEEP",
      ["node"],
    );
    expect(error.message).toMatch(/the formula tree is deeper than 2056 levels\./);
  });

  it("compares trees exactly MAX_TREE_DEPTH deep and refuses one level more", () => {
    expect(formulasEqual(unaryTower(MAX_TREE_DEPTH), unaryTower(MAX_TREE_DEPTH))).toBe(true);
    const error = expectCode(
      () => formulasEqual(a, unaryTower(MAX_TREE_DEPTH + 1)),
      "FORMULA_TOO_DEEP",
      ["b"],
    );
    expect(error.message).toMatch(/A formula tree is deeper than 2056 levels\./);
    expectCode(() => formulasEqual(unaryTower(MAX_TREE_DEPTH + 1), a), "FORMULA_TOO_DEEP", ["a"]);
  });
});

describe("malformed built trees", () => {
  const decimal = (numberNode(5) as unknown as { value: unknown }).value;
  const cases: [string, FormulaNode, RegExp][] = [
    ["null", null as unknown as FormulaNode, /it is not an object/],
    ["an unknown kind", raw({ kind: "bogus" }), /its kind is not one of the formula language/],
    ["a span that is null", raw({ kind: "boolean", value: true, span: null }), /a span needs/],
    [
      "a fractional span start",
      raw({ kind: "boolean", value: true, span: { start: 0.5, end: 2 } }),
      /a span needs/,
    ],
    [
      "a fractional span end",
      raw({ kind: "boolean", value: true, span: { start: 0, end: 1.5 } }),
      /a span needs/,
    ],
    [
      "a negative span start",
      raw({ kind: "boolean", value: true, span: { start: -1, end: 0 } }),
      /a span needs/,
    ],
    [
      "a span ending before it starts",
      raw({ kind: "boolean", value: true, span: { start: 2, end: 1 } }),
      /0 ≤ start ≤ end/,
    ],
    [
      "a number that is not a Decimal",
      raw({ kind: "number", value: 5 }),
      /a number node needs a Decimal value and a known unit/,
    ],
    [
      "an unknown unit",
      raw({ kind: "number", value: decimal, unit: "kg" }),
      /a number node needs a Decimal value and a known unit/,
    ],
    [
      "a boolean that is a string",
      raw({ kind: "boolean", value: "yes" }),
      /a boolean node needs a boolean value/,
    ],
    ["a name that is a number", raw({ kind: "name", name: 5 }), /a name node needs a string name/],
    ["a unary *", raw({ kind: "unary", op: "*", operand: one }), /bad unary node/],
    ["a unary without operand", raw({ kind: "unary", op: "-", operand: 1 }), /bad unary node/],
    ["a not without operand", raw({ kind: "not", operand: true }), /bad not node/],
    ["a sum whose first is not a node", raw({ kind: "sum", first: 1, rest: [] }), /bad sum node/],
    [
      "a sum whose rest is not an array",
      raw({ kind: "sum", first: one, rest: {} }),
      /bad sum node/,
    ],
    [
      "a sum with a * link",
      raw({ kind: "sum", first: one, rest: [{ op: "*", operand: one }] }),
      /bad sum node/,
    ],
    ["a sum with a null link", raw({ kind: "sum", first: one, rest: [null] }), /bad sum node/],
    [
      "a sum with one good and one bad link",
      raw({
        kind: "sum",
        first: one,
        rest: [
          { op: "+", operand: one },
          { op: "-", operand: 2 },
        ],
      }),
      /bad sum node/,
    ],
    [
      "a product with a + link",
      raw({ kind: "product", first: one, rest: [{ op: "+", operand: one }] }),
      /bad product node/,
    ],
    ["a power without base", raw({ kind: "power", base: 2, exponent: one }), /bad power node/],
    ["a power without exponent", raw({ kind: "power", base: one, exponent: 2 }), /bad power node/],
    [
      "a comparison =~",
      raw({ kind: "compare", op: "=~", left: one, right: one }),
      /bad comparison/,
    ],
    [
      "a comparison without left",
      raw({ kind: "compare", op: "<", left: 1, right: one }),
      /bad comparison/,
    ],
    [
      "a comparison without right",
      raw({ kind: "compare", op: "<", left: one, right: 1 }),
      /bad comparison/,
    ],
    [
      "a logical xor",
      raw({ kind: "logical", op: "xor", operands: [yes, yes] }),
      /bad logical node/,
    ],
    [
      "a logical without operand list",
      raw({ kind: "logical", op: "and", operands: {} }),
      /bad logical node/,
    ],
    [
      "a logical with a non-node operand",
      raw({ kind: "logical", op: "or", operands: [yes, true] }),
      /bad logical node/,
    ],
    ["a call with a non-string name", raw({ kind: "call", name: 5, args: [one] }), /bad call node/],
    ["a call without argument list", raw({ kind: "call", name: "abs", args: {} }), /bad call node/],
    [
      "a call with a non-node argument",
      raw({ kind: "call", name: "max", args: [one, 2] }),
      /bad call node/,
    ],
  ];

  it.each(cases)("refuses %s when printing (INVALID_ARGUMENT)", (_, node, why) => {
    const error = expectCode(() => printFormula(node), "INVALID_ARGUMENT", ["node"]);
    expect(error.message).toMatch(why);
    expect(error.message).toMatch(
      /Not a formula node \(.*\); build trees with parseFormula or the node builders\./,
    );
  });

  it.each(cases)("refuses %s when comparing (INVALID_ARGUMENT)", (_, node, why) => {
    const error = expectCode(() => formulasEqual(a, node), "INVALID_ARGUMENT", ["b"]);
    expect(error.message).toMatch(why);
  });

  it("accepts spans that start at 0 or are empty", () => {
    expect(printFormula(raw({ kind: "boolean", value: true, span: { start: 0, end: 0 } }))).toBe(
      "true",
    );
    expect(printFormula(raw({ kind: "boolean", value: true, span: { start: 3, end: 3 } }))).toBe(
      "true",
    );
  });

  it("refuses a malformed node at any depth when comparing", () => {
    const bad = raw({ kind: "bogus" });
    const wrappers: [string, FormulaNode][] = [
      ["unary", raw({ kind: "unary", op: "-", operand: bad })],
      ["not", raw({ kind: "not", operand: bad })],
      ["sum first", raw({ kind: "sum", first: bad, rest: [{ op: "+", operand: one }] })],
      ["sum rest", raw({ kind: "sum", first: one, rest: [{ op: "+", operand: bad }] })],
      ["product rest", raw({ kind: "product", first: one, rest: [{ op: "/", operand: bad }] })],
      ["power base", raw({ kind: "power", base: bad, exponent: one })],
      ["power exponent", raw({ kind: "power", base: one, exponent: bad })],
      ["compare left", raw({ kind: "compare", op: "<", left: bad, right: one })],
      ["compare right", raw({ kind: "compare", op: "<", left: one, right: bad })],
      ["logical", raw({ kind: "logical", op: "and", operands: [yes, bad] })],
      ["call", raw({ kind: "call", name: "max", args: [one, bad] })],
    ];
    for (const [where, tree] of wrappers) {
      const error = errorOf(() => formulasEqual(tree, tree));
      expect([where, error.code, error.path]).toEqual([where, "INVALID_ARGUMENT", ["a"]]);
      expect(error.message).toMatch(/its kind is not one of the formula language/);
    }
  });

  it("refuses an unknown function in a hand-made call (UNKNOWN_FUNCTION)", () => {
    const error = expectCode(
      () => printFormula(raw({ kind: "call", name: "eval", args: [one] })),
      "UNKNOWN_FUNCTION",
      ["node"],
    );
    expect(error.message).toMatch(/unknown function\./);
  });

  it("checks the arity of a built call (WRONG_ARITY)", () => {
    const error = expectCode(() => printFormula(callNode("abs", [one, one])), "WRONG_ARITY", [
      "node",
    ]);
    expect(error.message).toMatch(/abs\(x\) takes 1 argument, got 2\./);
  });

  it("names + for a hand-made sum with no links", () => {
    const error = expectCode(
      () => printFormula(raw({ kind: "sum", first: yes, rest: [] })),
      "TYPE_MISMATCH",
      ["node"],
    );
    expect(error.message).toMatch(/each operand of \+ must be a number/);
  });
});
