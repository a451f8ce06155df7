// The lexer: one linear pass, tokens on demand. Operators have ASCII, math and full-width spellings;
// each token carries its canonical type, so the parser never sees the alternatives.
import { Decimal } from "../../_lib/decimal.js";
import { TargetreeError } from "../../_lib/errors.js";
import { parseAmount } from "../../numbers/parseAmount.js";
import type { LiteralUnit } from "../ast.js";
import {
  codePointLabel,
  identifierPartLength,
  identifierStartLength,
  isKeyword,
  isSpace,
} from "./characters.js";
import { type FormulaSource, formulaError } from "./source.js";
import { SUFFIXES } from "./units.js";

export type TokenType =
  | "number"
  | "name"
  | "true"
  | "false"
  | "and"
  | "or"
  | "not"
  | "+"
  | "-"
  | "*"
  | "/"
  | "^"
  | "("
  | ")"
  | ","
  | "<"
  | "<="
  | ">"
  | ">="
  | "=="
  | "!="
  | "end";

export interface Token {
  readonly type: TokenType;
  readonly start: number;
  readonly end: number;
  /** NFC name for `name` tokens. */
  readonly name?: string;
  readonly value?: Decimal;
  readonly unit?: LiteralUnit;
}

const SINGLE: ReadonlyMap<string, TokenType> = /* @__PURE__ */ new Map<string, TokenType>([
  ["+", "+"],
  ["-", "-"],
  ["\u2212", "-"],
  ["*", "*"],
  ["×", "*"],
  ["/", "/"],
  ["÷", "/"],
  ["^", "^"],
  ["(", "("],
  ["（", "("],
  [")", ")"],
  ["）", ")"],
  [",", ","],
  ["，", ","],
  ["≤", "<="],
  ["≥", ">="],
  ["≠", "!="],
]);

/** Two-character operators, tried before the single ones. */
const DOUBLE: ReadonlyMap<string, TokenType> = /* @__PURE__ */ new Map<string, TokenType>([
  ["<=", "<="],
  [">=", ">="],
  ["==", "=="],
  ["!=", "!="],
  ["<>", "!="],
  ["&&", "and"],
  ["||", "or"],
]);

/** Operators that are also valid alone after the two-character ones failed. */
const LONE: ReadonlyMap<string, TokenType> = /* @__PURE__ */ new Map<string, TokenType>([
  ["<", "<"],
  [">", ">"],
  ["=", "=="],
  ["!", "not"],
]);

const isDigit = (code: number): boolean => code >= 48 && code <= 57;

export interface Lexer {
  /** Returns the next token and advances. */
  next(): Token;
}

export function createLexer(text: string, source: FormulaSource): Lexer {
  let at = 0;
  // Stryker disable next-line ArithmeticOperator: formulaError reads only the start
  const fail = (message: string, start: number, end = start + 1): never => {
    throw formulaError("FORMULA_SYNTAX", message, source, { start, end });
  };

  const scanNumber = (start: number): Token => {
    let i = start;
    while (isDigit(text.charCodeAt(i))) i++;
    if (text.charCodeAt(i) === 46 /* . */) {
      i++;
      if (!isDigit(text.charCodeAt(i))) fail("a decimal point must be followed by digits.", i);
      while (isDigit(text.charCodeAt(i))) i++;
    }
    const e = text.charCodeAt(i);
    if (e === 101 || e === 69) {
      const sign = text.charCodeAt(i + 1);
      const digitAt = sign === 43 || sign === 45 ? i + 2 : i + 1;
      if (isDigit(text.charCodeAt(digitAt))) {
        i = digitAt;
        while (isDigit(text.charCodeAt(i))) i++;
      }
    }
    let unit: LiteralUnit | undefined;
    for (const [suffix, canonical] of SUFFIXES) {
      if (text.startsWith(suffix, i)) {
        unit = canonical;
        i += suffix.length;
        break;
      }
    }
    if (unit !== "%" && unit !== "‰" && text[i] === "元") i++;
    if (
      identifierPartLength(text, i) > 0 ||
      text.charCodeAt(i) === 46 ||
      text.charCodeAt(i) === 37 // a % after 元
    ) {
      fail(
        `a number is directly followed by ${codePointLabel(text, i)}; put an operator between them (e.g. 2 * x).`,
        i,
      );
    }
    const literal = text.slice(start, i);
    let value: Decimal;
    // Fast path for short whole numbers; everything else follows parseAmount's rules.
    // Stryker disable next-line ConditionalExpression,EqualityOperator,ArithmeticOperator,Regex,BlockStatement: a fast path; parseAmount gives the same Decimal
    if (unit === undefined && i - start <= 15 && /^\d+$/.test(literal)) {
      return { type: "number", start, end: i, value: new Decimal(Number(literal)) };
    }
    try {
      value = parseAmount(literal);
    } catch (error) {
      if (!(error instanceof TargetreeError)) throw error;
      throw formulaError(error.code, `the number literal is not valid: ${error.message}`, source, {
        start,
        end: i,
      });
    }
    return unit === undefined
      ? { type: "number", start, end: i, value }
      : { type: "number", start, end: i, value, unit };
  };

  const scanName = (start: number, firstLength: number): Token => {
    let i = start + firstLength;
    let ascii = text.charCodeAt(start) < 128;
    for (;;) {
      const length = identifierPartLength(text, i);
      if (length === 0) break;
      if (text.charCodeAt(i) >= 128) ascii = false;
      i += length;
    }
    const raw = text.slice(start, i);
    if (isKeyword(raw)) {
      return { type: raw.toLowerCase() as TokenType, start, end: i };
    }
    return { type: "name", start, end: i, name: ascii ? raw : raw.normalize("NFC") };
  };

  return {
    next(): Token {
      // Past the end, charCodeAt is NaN, which is no space.
      while (isSpace(text.charCodeAt(at))) at++;
      const start = at;
      if (start >= text.length) return { type: "end", start, end: start };
      const code = text.charCodeAt(start);
      if (isDigit(code) || (code === 46 && isDigit(text.charCodeAt(start + 1)))) {
        const token = scanNumber(start);
        at = token.end;
        return token;
      }
      const nameLength = identifierStartLength(text, start);
      if (nameLength > 0) {
        const token = scanName(start, nameLength);
        at = token.end;
        return token;
      }
      const double = DOUBLE.get(text.slice(start, start + 2));
      if (double !== undefined) {
        at = start + 2;
        return { type: double, start, end: at };
      }
      const char = text[start]!;
      const single = SINGLE.get(char) ?? LONE.get(char);
      if (single !== undefined) {
        at = start + 1;
        return { type: single, start, end: at };
      }
      const hint =
        char === "&" || char === "|"
          ? ` (write ${char}${char}, or the word ${char === "&" ? "and" : "or"})`
          : char === "%"
            ? " (% only follows a number literal, as in 25%)"
            : "";
      return fail(`unexpected character ${codePointLabel(text, start)}${hint}.`, start);
    },
  };
}
