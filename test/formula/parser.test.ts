// Parsing (src/formula/_lib/parser.ts): spans of chains and the messages of syntax errors.

import { parseFormula } from "targetree";
import { describe, expect, it } from "vitest";
import { expectCode } from "../_support/errors.js";

const syntax = (text: string): string =>
  expectCode(() => parseFormula(text), "FORMULA_SYNTAX", []).message;

describe("spans", () => {
  it("spans a logical chain from its first to its last operand", () => {
    expect(parseFormula("a or b or c").span).toEqual({ start: 0, end: 11 });
    expect(parseFormula("a and b and c").span).toEqual({ start: 0, end: 13 });
  });

  it("ends a chain's span at its last operand, not at the token after it", () => {
    expect(parseFormula("(a or b )").span).toEqual({ start: 1, end: 7 });
    expect(parseFormula("(a and b )").span).toEqual({ start: 1, end: 8 });
    expect(parseFormula("(a + b )").span).toEqual({ start: 1, end: 6 });
  });
});

describe("nesting", () => {
  it("counts a not only while its operand is parsed", () => {
    const text = Array.from({ length: 300 }, (_, i) => `not a${i}`).join(" and ");
    expect(parseFormula(text).kind).toBe("logical");
  });

  it("says how deep a formula may nest", () => {
    const error = expectCode(
      () => parseFormula(`${"(".repeat(257)}a${")".repeat(257)}`),
      "FORMULA_TOO_DEEP",
      [],
    );
    expect(error.message).toMatch(
      /column 257, near "\(a\)+…": the formula nests deeper than 256 levels \(parentheses, calls, unary operators and exponents all count\)\./,
    );
  });
});

describe("syntax errors", () => {
  it("refuses chained comparisons", () => {
    expect(syntax("a < b < c")).toMatch(
      /column 7, near "< c": comparisons do not chain; write a < b and b < c\./,
    );
  });

  it("names what it found instead of a closing parenthesis", () => {
    expect(syntax("x + (a")).toMatch(
      /expected "\)" to close the "\(" at column 5, found the end of the formula\./,
    );
    expect(syntax("(a b)")).toMatch(/expected "\)" to close the "\(" at column 1, found a name\./);
    expect(syntax("(a 1)")).toMatch(/found a number\./);
    expect(syntax("(a ,)")).toMatch(/found ","\./);
  });

  it("explains a not in the middle of arithmetic", () => {
    expect(syntax("a + not b")).toMatch(
      /column 5, near "not b": "not" starts a condition; put it in parentheses here, e\.g\. \(not a\)\./,
    );
  });

  it("explains a formula that ends too early", () => {
    expect(syntax("a +")).toMatch(/at the end: the formula ends where a value is expected\./);
  });

  it("names the token where a value was expected", () => {
    expect(syntax("a + *")).toMatch(/expected a value \(a number, a name or "\("\), found "\*"\./);
    expect(syntax("a + )")).toMatch(/found "\)"\./);
  });

  it("names what it found inside a call", () => {
    expect(syntax("max(a b)")).toMatch(
      /column 7, near "b\)": expected "," or "\)" in the call of max, found a name\./,
    );
    expect(syntax("max(a")).toMatch(
      /expected "," or "\)" in the call of max, found the end of the formula\./,
    );
  });

  it("checks a call's arity at its name", () => {
    const error = expectCode(() => parseFormula("1 + abs(1, 2)"), "WRONG_ARITY", []);
    expect(error.message).toMatch(
      /column 5, near "abs\(1, 2\)": abs\(x\) takes 1 argument, got 2\./,
    );
  });

  it("explains a closing parenthesis without an opening one", () => {
    expect(syntax("a)")).toMatch(/column 2, near "\)": this "\)" has no matching "\("\./);
  });

  it("names what follows a complete formula", () => {
    expect(syntax("a b")).toMatch(/column 3, near "b": expected an operator, found a name\./);
    expect(syntax("a 1")).toMatch(/expected an operator, found a number\./);
    expect(syntax("a true")).toMatch(/expected an operator, found "true"\./);
  });
});
