// Recursive descent over the precedence levels (or < and < not < comparison < additive <
// multiplicative < unary < ^). Chains are collected in loops, never by recursion, so a formula of
// 200,000 terms parses in linear time; recursion happens only where the nesting depth counter
// (parentheses, calls, unary operators, exponents) is checked first.
import { MAX_NESTING_DEPTH } from "../../_lib/limits.js";
import { own } from "../../_lib/records.js";
import type {
  ChainLink,
  CompareOperator,
  FormulaNode,
  LiteralUnit,
  ProductOperator,
  Span,
  SumOperator,
} from "../ast.js";
import { quote } from "./characters.js";
import { arityProblem, functionEntry, functionNames, lookupFunction } from "./functions.js";
import { createLexer, type Token, type TokenType } from "./lexer.js";
import {
  makeBoolean,
  makeCall,
  makeChain,
  makeCompare,
  makeLogical,
  makeName,
  makeNot,
  makeNumber,
  makePower,
  makeUnary,
} from "./make.js";
import { type FormulaSource, formulaError } from "./source.js";

const COMPARISONS: ReadonlySet<TokenType> = /* @__PURE__ */ new Set<TokenType>([
  "<",
  "<=",
  ">",
  ">=",
  "==",
  "!=",
]);

const describe = (token: Token): string => {
  switch (token.type) {
    case "end":
      return "the end of the formula";
    case "number":
      return "a number";
    case "name":
      return "a name";
    default:
      return `"${token.type}"`;
  }
};

/** Parses a whole formula text into a tree. Errors are TargetreeErrors located in `source`. */
export function parseTokens(text: string, source: FormulaSource): FormulaNode {
  const lexer = createLexer(text, source);
  let token = lexer.next();
  let depth = 0;

  const advance = (): Token => {
    const current = token;
    token = lexer.next();
    return current;
  };
  const span = (start: number, end: number): Span => Object.freeze({ start, end });
  // Every node the parser builds has a span.
  const endOf = (node: FormulaNode): number => node.span!.end;
  const startOf = (node: FormulaNode): number => node.span!.start;

  const enter = (at: Token): void => {
    depth++;
    if (depth > MAX_NESTING_DEPTH) {
      throw formulaError(
        "FORMULA_TOO_DEEP",
        `the formula nests deeper than ${MAX_NESTING_DEPTH} levels (parentheses, calls, unary operators and exponents all count).`,
        source,
        span(at.start, at.end),
      );
    }
  };

  const syntax = (message: string, at: Token = token): never => {
    throw formulaError("FORMULA_SYNTAX", message, source, span(at.start, at.end));
  };

  const parseOr = (): FormulaNode => {
    const first = parseAnd();
    // Stryker disable next-line ConditionalExpression: a shortcut; makeLogical returns a lone operand as is
    if (token.type !== "or") return first;
    const operands = [first];
    while (token.type === "or") {
      advance();
      operands.push(parseAnd());
    }
    return makeLogical("or", operands, span(startOf(first), endOf(operands.at(-1)!)));
  };

  const parseAnd = (): FormulaNode => {
    const first = parseNot();
    // Stryker disable next-line ConditionalExpression: a shortcut; makeLogical returns a lone operand as is
    if (token.type !== "and") return first;
    const operands = [first];
    while (token.type === "and") {
      advance();
      operands.push(parseNot());
    }
    return makeLogical("and", operands, span(startOf(first), endOf(operands.at(-1)!)));
  };

  const parseNot = (): FormulaNode => {
    if (token.type !== "not") return parseComparison();
    const operator = advance();
    enter(operator);
    const operand = parseNot();
    depth--;
    return makeNot(operand, span(operator.start, endOf(operand)));
  };

  const parseComparison = (): FormulaNode => {
    const left = parseAdditive();
    if (!COMPARISONS.has(token.type)) return left;
    const operator = advance();
    const right = parseAdditive();
    if (COMPARISONS.has(token.type)) {
      syntax("comparisons do not chain; write a < b and b < c.");
    }
    return makeCompare(
      operator.type as CompareOperator,
      left,
      right,
      span(startOf(left), endOf(right)),
    );
  };

  const parseAdditive = (): FormulaNode => {
    const first = parseMultiplicative();
    if (token.type !== "+" && token.type !== "-") return first;
    const rest: ChainLink<SumOperator>[] = [];
    while (token.type === "+" || token.type === "-") {
      const op = advance().type as SumOperator;
      rest.push(Object.freeze({ op, operand: parseMultiplicative() }));
    }
    return makeChain("sum", first, rest, span(startOf(first), endOf(rest.at(-1)!.operand)));
  };

  const parseMultiplicative = (): FormulaNode => {
    const first = parseUnary();
    if (token.type !== "*" && token.type !== "/") return first;
    const rest: ChainLink<ProductOperator>[] = [];
    while (token.type === "*" || token.type === "/") {
      const op = advance().type as ProductOperator;
      rest.push(Object.freeze({ op, operand: parseUnary() }));
    }
    return makeChain("product", first, rest, span(startOf(first), endOf(rest.at(-1)!.operand)));
  };

  const parseUnary = (): FormulaNode => {
    if (token.type !== "-" && token.type !== "+") return parsePower();
    const operator = advance();
    enter(operator);
    const operand = parseUnary();
    depth--;
    return makeUnary(operator.type as "-" | "+", operand, span(operator.start, endOf(operand)));
  };

  const parsePower = (): FormulaNode => {
    const base = parsePrimary();
    if (token.type !== "^") return base;
    const operator = advance();
    enter(operator);
    const exponent = parseUnary();
    depth--;
    return makePower(base, exponent, span(startOf(base), endOf(exponent)));
  };

  const parsePrimary = (): FormulaNode => {
    const current = token;
    switch (current.type) {
      case "number":
        advance();
        return makeNumber(
          current.value!,
          own(current, "unit") as LiteralUnit | undefined,
          span(current.start, current.end),
        );
      case "true":
      case "false":
        advance();
        return makeBoolean(current.type === "true", span(current.start, current.end));
      case "name":
        advance();
        if (token.type === "(") return parseCall(current);
        return makeName(current.name!, span(current.start, current.end));
      case "(": {
        advance();
        enter(current);
        const inner = parseOr();
        depth--;
        if (token.type !== ")") {
          syntax(
            `expected ")" to close the "(" at column ${current.start + 1}, found ${describe(token)}.`,
          );
        }
        advance();
        return inner;
      }
      case "not":
        return syntax('"not" starts a condition; put it in parentheses here, e.g. (not a).');
      case "end":
        return syntax("the formula ends where a value is expected.");
      default:
        return syntax(`expected a value (a number, a name or "("), found ${describe(current)}.`);
    }
  };

  const parseCall = (nameToken: Token): FormulaNode => {
    const name = lookupFunction(nameToken.name!);
    const where = span(nameToken.start, nameToken.end);
    if (name === undefined) {
      throw formulaError(
        "UNKNOWN_FUNCTION",
        `${quote(nameToken.name!)} is not a function; use one of ${functionNames().join(", ")}.`,
        source,
        where,
      );
    }
    const open = advance();
    enter(open);
    const args: FormulaNode[] = [];
    if (token.type !== ")") {
      for (;;) {
        args.push(parseOr());
        if (token.type !== ",") break;
        advance();
      }
    }
    depth--;
    if (token.type !== ")") {
      syntax(`expected "," or ")" in the call of ${name}, found ${describe(token)}.`);
    }
    const close = advance();
    const problem = arityProblem(functionEntry(name)!, args.length);
    if (problem !== null) {
      throw formulaError("WRONG_ARITY", problem, source, where);
    }
    return makeCall(name, args, span(nameToken.start, close.end));
  };

  const tree = parseOr();
  if (token.type !== "end") {
    if (token.type === ")") syntax('this ")" has no matching "(".');
    syntax(`expected an operator, found ${describe(token)}.`);
  }
  return tree;
}
