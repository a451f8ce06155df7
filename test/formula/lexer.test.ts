// Tokenising (src/formula/_lib/lexer.ts) through parseFormula: number literals, names and the
// messages of lexical errors.

import { type FormulaNode, parseFormula } from "targetree";
import { describe, expect, it } from "vitest";
import { expectCode } from "../_support/errors.js";

const syntax = (text: string): string =>
  expectCode(() => parseFormula(text), "FORMULA_SYNTAX", []).message;

const numberOf = (text: string): { value: string; unit: string | undefined } => {
  const node = parseFormula(text) as FormulaNode & { value: { toString(): string }; unit?: string };
  expect(node.kind).toBe("number");
  return { value: node.value.toString(), unit: node.unit };
};

describe("number literals", () => {
  it("reads signed and unsigned exponents", () => {
    expect(numberOf("1e+5").value).toBe("100000");
    expect(numberOf("1e-2").value).toBe("0.01");
    expect(numberOf("2E3").value).toBe("2000");
  });

  it("refuses an exponent marker without digits", () => {
    expect(syntax("2e")).toMatch(
      /column 2, near "e": a number is directly followed by U\+0065; put an operator between them \(e\.g\. 2 \* x\)\./,
    );
    expect(syntax("2e+")).toMatch(/column 2, near "e\+": a number is directly followed by U\+0065/);
  });

  it("refuses a decimal point without digits after it", () => {
    expect(syntax("1. + 2")).toMatch(
      /column 3, near " \+ 2": a decimal point must be followed by digits\./,
    );
  });

  it("allows 元 after a number or a 万-style unit, not after % or ‰", () => {
    expect(numberOf("5元")).toEqual({ value: "5", unit: undefined });
    expect(numberOf("5万元")).toEqual({ value: "50000", unit: "万" });
    expect(syntax("5%元")).toMatch(/column 3, near "元": a number is directly followed by U\+5143/);
    expect(syntax("5‰元")).toMatch(/column 3, near "元": a number is directly followed by U\+5143/);
  });

  it("refuses a letter, a point or a % straight after a number", () => {
    expect(syntax("5x")).toMatch(/column 2, near "x": a number is directly followed by U\+0078/);
    expect(syntax("5万.5")).toMatch(
      /column 3, near "\.5": a number is directly followed by U\+002E/,
    );
    expect(syntax("5元%")).toMatch(/column 3, near "%": a number is directly followed by U\+0025/);
  });

  it("reports an invalid amount at the literal, in the formula's terms", () => {
    const error = expectCode(() => parseFormula("x + 1e99999"), "INVALID_NUMBER", []);
    expect(error.message).toMatch(
      /^INVALID_NUMBER: In formula at column 5, near "1e99999": the number literal is not valid: .*exponent must have one to four digits/,
    );
    expect(error.details).toMatchObject({ column: 5, offset: 4 });
  });

  it("reads long and united literals exactly", () => {
    expect(numberOf("1234567890123456789").value).toBe("1234567890123456789");
    expect(numberOf("123456789012345").value).toBe("123456789012345");
    expect(numberOf("1.5e3万")).toEqual({ value: "15000000", unit: "万" });
  });
});

describe("names", () => {
  it("normalises a name to NFC wherever its non-ASCII character is", () => {
    const nameOf = (text: string): string => (parseFormula(text) as { name: string }).name;
    expect(nameOf("\u212B")).toBe("\u00C5");
    expect(nameOf("a\u212B")).toBe("a\u00C5");
    expect(nameOf("e\u0301")).toBe("\u00E9");
    expect(nameOf("abc_1")).toBe("abc_1");
  });
});

describe("unexpected characters", () => {
  it("suggests && or and for a lone &", () => {
    expect(syntax("a & b")).toMatch(
      /column 3, near "& b": unexpected character U\+0026 \(write &&, or the word and\)\./,
    );
  });

  it("suggests || or or for a lone |", () => {
    expect(syntax("a | b")).toMatch(
      /unexpected character U\+007C \(write \|\|, or the word or\)\./,
    );
  });

  it("explains that % only follows a number", () => {
    expect(syntax("a % b")).toMatch(
      /unexpected character U\+0025 \(% only follows a number literal, as in 25%\)\./,
    );
  });

  it("gives no hint for other characters", () => {
    expect(syntax("a # b")).toMatch(/column 3, near "# b": unexpected character U\+0023\.$/);
  });

  it("reads lone operators after the two-character ones failed", () => {
    expect((parseFormula("a = b") as { op: string }).op).toBe("==");
    expect((parseFormula("a <> b") as { op: string }).op).toBe("!=");
    expect(parseFormula("!a").kind).toBe("not");
  });
});
