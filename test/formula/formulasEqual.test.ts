// formulasEqual (src/formula/formulasEqual.ts): every field of every node kind takes part.

import {
  callNode,
  compareNode,
  type FormulaNode,
  formulasEqual,
  nameNode,
  numberNode,
  parseFormula,
} from "targetree";
import { describe, expect, it } from "vitest";

const p = (text: string): FormulaNode => parseFormula(text);

describe("formulasEqual", () => {
  it("is true for a tree and itself", () => {
    for (const text of ["1", "a", "true", "-a", "a + b * c", "if(a, b, c) > 1 and not d"]) {
      const tree = p(text);
      expect(formulasEqual(tree, tree)).toBe(true);
    }
  });

  it.each([
    ["a + b * c ^ 2", "a+b*c^2"],
    ["-a", "- a"],
    ["not a", "not(a)"],
    ["a < b", "(a) < (b)"],
    ["a and b or c", "(a and b) or c"],
    ["max(a, 1)", "MAX(a,1)"],
    ["0.50", "0.5"],
    ["true", "true"],
  ])("%s equals %s", (left, right) => {
    expect(formulasEqual(p(left), p(right))).toBe(true);
  });

  it.each([
    // A different kind on the right, for every kind on the left.
    ["1", "true"],
    ["true", "1"],
    ["true", "a"],
    ["a", "1"],
    ["-a", "not a"],
    ["not a", "-a"],
    ["a + b", "a * b"],
    ["a * b", "a + b"],
    ["a ^ b", "a * b"],
    ["a < b", "a + b"],
    ["a and b", "a + b"],
    ["max(a, b)", "a + b"],
    // The same kind, one field different.
    ["1", "2"],
    ["1万", "10000"],
    ["true", "false"],
    ["a", "b"],
    ["-a", "+a"],
    ["-a", "-b"],
    ["not a", "not b"],
    ["a + b", "c + b"],
    ["a + b", "a + b + c"],
    ["a + b", "a - b"],
    ["a + b + c", "a - b + c"],
    ["a + b + c", "a + b + d"],
    ["a * b", "a * c"],
    ["a ^ b", "c ^ b"],
    ["a ^ b", "a ^ c"],
    ["a < b", "a > b"],
    ["a < b", "c < b"],
    ["a < b", "a < c"],
    ["a and b", "a or b"],
    ["a and b", "a and b and c"],
    ["a and b and c", "a and d and c"],
    ["a and b and c", "a and b and d"],
    ["max(a, b)", "min(a, b)"],
    ["max(a, b)", "max(a, b, c)"],
    ["max(a, b, c)", "max(a, d, c)"],
    ["max(a, b, c)", "max(a, b, d)"],
  ])("%s differs from %s", (left, right) => {
    expect(formulasEqual(p(left), p(right))).toBe(false);
    expect(formulasEqual(p(right), p(left))).toBe(false);
  });

  it("compares built and parsed trees alike, ignoring spans", () => {
    expect(formulasEqual(compareNode("<", nameNode("a"), numberNode(2)), p("a < 2"))).toBe(true);
    expect(formulasEqual(callNode("abs", [nameNode("x")]), p("abs(x)"))).toBe(true);
  });
});
