// Argument checking of the node builders (src/formula/ast.ts): codes, paths and messages.

import {
  binaryNode,
  booleanNode,
  callNode,
  compareNode,
  type FormulaNode,
  logicalNode,
  nameNode,
  notNode,
  numberNode,
  powerNode,
  printFormula,
  productNode,
  sumNode,
  unaryNode,
} from "targetree";
import { describe, expect, it } from "vitest";
import { expectCode } from "../_support/errors.js";

const a = nameNode("a");
const b = nameNode("b");
const notANode = {} as unknown as FormulaNode;

const invalid = (run: () => unknown, path: readonly (string | number)[] = []): string =>
  expectCode(run, "INVALID_ARGUMENT", path).message;

describe("spans", () => {
  it("refuses a span that is not an object, at path span", () => {
    expect(invalid(() => booleanNode(true, 5 as never), ["span"])).toMatch(
      /A span must be \{ start, end \} or left out, got 5\./,
    );
    expect(invalid(() => booleanNode(true, null as never), ["span"])).toMatch(/got null\./);
    expect(invalid(() => booleanNode(true, [0, 1] as never), ["span"])).toMatch(/got an array\./);
  });

  it("refuses a bad start or end at its own path", () => {
    expect(invalid(() => nameNode("a", { start: -1, end: 2 }), ["span", "start"])).toMatch(
      /A span's start must be a whole number ≥ 0 \(a UTF-16 offset\), got -1\./,
    );
    expect(invalid(() => nameNode("a", { start: 0, end: 1.5 }), ["span", "end"])).toMatch(
      /A span's end must be a whole number ≥ 0 \(a UTF-16 offset\), got 1\.5\./,
    );
  });

  it("refuses a start after the end, and accepts an empty span", () => {
    expect(invalid(() => nameNode("a", { start: 3, end: 2 }), ["span"])).toMatch(
      /A span's start must not be after its end\./,
    );
    expect(nameNode("a", { start: 2, end: 2 }).span).toEqual({ start: 2, end: 2 });
  });
});

describe("literal and name builders", () => {
  it("refuses a negative number literal", () => {
    expect(invalid(() => numberNode(-1))).toMatch(
      /A number literal is never negative; wrap it in unaryNode\("-", …\)\./,
    );
  });

  it("refuses an unknown unit and lists the known ones", () => {
    expect(invalid(() => numberNode(1, "kg" as never))).toMatch(
      /Unknown literal unit; use one of 万亿 千万 百万 亿 万 千 % ‰\./,
    );
  });

  it("refuses a non-boolean boolean at path value", () => {
    expect(invalid(() => booleanNode("true" as never), ["value"])).toMatch(
      /A boolean node needs true or false, got the string "true"\./,
    );
  });

  it("refuses a non-identifier or keyword name", () => {
    for (const name of ["1a", "and", "", 5 as never]) {
      expect(invalid(() => nameNode(name))).toMatch(
        /A name must be an identifier \(letters, digits, _; not starting with a digit\) and not a keyword\./,
      );
    }
  });
});

describe("operator builders", () => {
  it("refuses an unknown unary operator and a non-node operand", () => {
    expect(invalid(() => unaryNode("*" as never, a))).toMatch(/A unary operator is "-" or "\+"\./);
    expect(invalid(() => unaryNode("-", notANode))).toMatch(/The operand must be a formula node\./);
    expect(invalid(() => unaryNode("-", { kind: 5 } as never))).toMatch(
      /The operand must be a formula node/,
    );
    expect(invalid(() => notNode(null as never))).toMatch(/The operand must be a formula node\./);
  });

  it("refuses a chain whose rest is not an array, at path rest", () => {
    expect(invalid(() => sumNode(a, {} as never), ["rest"])).toMatch(
      /The rest of a chain must be an array of \{ op, operand \} links, got an object\./,
    );
  });

  it("names the operator or operand that is wrong in a chain", () => {
    expect(invalid(() => sumNode(notANode, []))).toMatch(
      /The first operand must be a formula node\./,
    );
    expect(invalid(() => productNode(notANode, []))).toMatch(
      /The first operand must be a formula node\./,
    );
    expect(
      invalid(() =>
        sumNode(a, [
          { op: "+", operand: b },
          { op: "*" as never, operand: b },
        ]),
      ),
    ).toMatch(/Operator 2 must be one of \+ -\./);
    expect(invalid(() => productNode(a, [{ op: "+" as never, operand: b }]))).toMatch(
      /Operator 1 must be one of \* \/\./,
    );
    expect(invalid(() => sumNode(a, [null as never]))).toMatch(/Operator 1 must be one of \+ -\./);
    expect(
      invalid(() =>
        productNode(a, [
          { op: "*", operand: b },
          { op: "/", operand: notANode },
        ]),
      ),
    ).toMatch(/Operand 3 must be a formula node\./);
  });

  it("names the side of a power or comparison that is not a node", () => {
    expect(invalid(() => powerNode(notANode, a))).toMatch(/The base must be a formula node\./);
    expect(invalid(() => powerNode(a, notANode))).toMatch(/The exponent must be a formula node\./);
    expect(invalid(() => compareNode("=~" as never, a, b))).toMatch(
      /Unknown comparison operator\./,
    );
    expect(invalid(() => compareNode("<", notANode, b))).toMatch(
      /The left operand must be a formula node\./,
    );
    expect(invalid(() => compareNode("<", a, notANode))).toMatch(
      /The right operand must be a formula node\./,
    );
  });

  it("checks a logical chain's operator and operands", () => {
    expect(invalid(() => logicalNode("xor" as never, [a, b]))).toMatch(
      /A logical operator is "and" or "or"\./,
    );
    expect(invalid(() => logicalNode("and", []))).toMatch(
      /A logical chain needs at least one operand\./,
    );
    expect(invalid(() => logicalNode("and", "ab" as never))).toMatch(/at least one operand/);
    expect(invalid(() => logicalNode("or", [a, notANode]))).toMatch(
      /Operand 2 must be a formula node\./,
    );
  });

  it("checks a call's function and arguments", () => {
    const error = expectCode(() => callNode("eval" as never, [a]), "UNKNOWN_FUNCTION", []);
    expect(error.message).toMatch(/Unknown function; use one of min, max, abs, (\w+, )+if\b/);
    expect(invalid(() => callNode("max", {} as never))).toMatch(
      /The arguments must be an array of formula nodes\./,
    );
    expect(invalid(() => callNode("max", [a, notANode]))).toMatch(
      /Argument 2 must be a formula node\./,
    );
  });
});

describe("binaryNode", () => {
  it.each([
    ["+", "a + b"],
    ["-", "a - b"],
    ["*", "a * b"],
    ["/", "a / b"],
    ["^", "a ^ b"],
    ["and", "a and b"],
    ["or", "a or b"],
    ["<", "a < b"],
    ["<=", "a <= b"],
    [">", "a > b"],
    [">=", "a >= b"],
    ["==", "a == b"],
    ["!=", "a != b"],
  ] as const)("builds %s", (op, printed) => {
    expect(printFormula(binaryNode(op, a, b))).toBe(printed);
  });

  it("builds the node kind of its operator", () => {
    expect(binaryNode("/", a, b).kind).toBe("product");
    expect(binaryNode("-", a, b).kind).toBe("sum");
    expect(binaryNode("or", a, b).kind).toBe("logical");
    expect(binaryNode("^", a, b).kind).toBe("power");
    expect(binaryNode("!=", a, b).kind).toBe("compare");
  });

  it("refuses an unknown operator", () => {
    expect(invalid(() => binaryNode("%" as never, a, b))).toMatch(/Unknown comparison operator\./);
  });
});
