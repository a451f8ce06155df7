// The formula AST: a discriminated union on `kind`, plain frozen objects, and builder functions.
//
// Chains of `+ -`, of `* /` and of `and` / `or` are n-ary nodes (`sum`, `product`, `logical`), so a
// 200,000-term sum is one node with 200,000 operands, not a tree 200,000 levels deep: every walker can
// recurse safely, because the depth of a tree is bounded by MAX_NESTING_DEPTH.
import { readItems } from "../_lib/arrays.js";
import { type Decimal, ZERO } from "../_lib/decimal.js";
import { describeValue, TargetreeError } from "../_lib/errors.js";
import type { Numeric } from "../_lib/types.js";
import { toDecimal } from "../numbers/toDecimal.js";
import { isIdentifier, isKeyword } from "./_lib/characters.js";
import { type FunctionName, functionEntry, functionNames } from "./_lib/functions.js";
import { checkLiteral } from "./_lib/literal.js";
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
} from "./_lib/make.js";
import { UNIT_POWERS } from "./_lib/units.js";

/**
 * Where a node sits in its formula text: UTF-16 offsets (whole numbers, 0 ≤ start ≤ end), `end`
 * exclusive. Absent on built nodes unless the builder is given one.
 */
export interface Span {
  /** Offset of the node's first UTF-16 code unit. */
  readonly start: number;
  /** Offset just past the node's last UTF-16 code unit (exclusive). */
  readonly end: number;
}

/** A unit suffix of a number literal, in its canonical spelling: `50万`, `1.2亿`, `25%`, `5‰`. */
export type LiteralUnit = "万亿" | "千万" | "百万" | "亿" | "万" | "千" | "%" | "‰";

/** Arithmetic operators of a `sum` chain. */
export type SumOperator = "+" | "-";
/** Arithmetic operators of a `product` chain. */
export type ProductOperator = "*" | "/";
/** Comparison operators, in their canonical spelling. */
export type CompareOperator = "<" | "<=" | ">" | ">=" | "==" | "!=";
/** Logical chain operators. */
export type LogicalOperator = "and" | "or";
/** Every binary operator {@link binaryNode} accepts. */
export type BinaryOperator =
  | SumOperator
  | ProductOperator
  | "^"
  | CompareOperator
  | LogicalOperator;
export type { FunctionName };

/** A non-negative decimal literal, with the unit suffix it was written with (`50万` keeps `万`). */
export interface NumberNode {
  /** Discriminant: `"number"`. */
  readonly kind: "number";
  /** The literal's value (`50万` → 500000). Never negative: `-5` is a `unary` node over `5`. */
  readonly value: Decimal;
  /** The suffix the literal was written with, used when printing; absent for a plain number. */
  readonly unit?: LiteralUnit;
  /** Where the node sits in the formula text; absent on built nodes unless given. */
  readonly span?: Span;
}

/** `true` or `false`. */
export interface BooleanNode {
  /** Discriminant: `"boolean"`. */
  readonly kind: "boolean";
  /** The literal's value. */
  readonly value: boolean;
  /** Where the node sits in the formula text; absent on built nodes unless given. */
  readonly span?: Span;
}

/** A reference to an input, a fact or another model node. `name` is NFC-normalised. */
export interface NameNode {
  /** Discriminant: `"name"`. */
  readonly kind: "name";
  /** The referenced name, NFC-normalised. */
  readonly name: string;
  /** Where the node sits in the formula text; absent on built nodes unless given. */
  readonly span?: Span;
}

/** Unary minus or plus: `-x`, `+x`. Binds tighter than `*` and looser than `^` (`-2^2` is −4). */
export interface UnaryNode {
  /** Discriminant: `"unary"`. */
  readonly kind: "unary";
  /** `"-"` negates the operand; `"+"` leaves it unchanged. */
  readonly op: "-" | "+";
  /** The numeric operand. */
  readonly operand: FormulaNode;
  /** Where the node sits in the formula text; absent on built nodes unless given. */
  readonly span?: Span;
}

/** Logical negation: `not x` (also written `!x`). */
export interface NotNode {
  /** Discriminant: `"not"`. */
  readonly kind: "not";
  /** The condition being negated. */
  readonly operand: FormulaNode;
  /** Where the node sits in the formula text; absent on built nodes unless given. */
  readonly span?: Span;
}

/** One operand after the first in a `sum` or `product` chain. */
export interface ChainLink<Op extends string> {
  /** The operator applied between the running result and `operand`. */
  readonly op: Op;
  /** The operand to the right of `op`. */
  readonly operand: FormulaNode;
}

/** `first ± rest[0] ± rest[1] …`, evaluated left to right. `first` is never itself a `sum`. */
export interface SumNode {
  /** Discriminant: `"sum"`. */
  readonly kind: "sum";
  /** The leftmost operand. */
  readonly first: FormulaNode;
  /** The following operands, each with its `+` or `-`; at least one. */
  readonly rest: readonly ChainLink<SumOperator>[];
  /** Where the node sits in the formula text; absent on built nodes unless given. */
  readonly span?: Span;
}

/** `first ×÷ rest[0] ×÷ rest[1] …`, evaluated left to right. `first` is never itself a `product`. */
export interface ProductNode {
  /** Discriminant: `"product"`. */
  readonly kind: "product";
  /** The leftmost operand. */
  readonly first: FormulaNode;
  /** The following operands, each with its `*` or `/`; at least one. */
  readonly rest: readonly ChainLink<ProductOperator>[];
  /** Where the node sits in the formula text; absent on built nodes unless given. */
  readonly span?: Span;
}

/** `base ^ exponent`, right-associative: `a ^ b ^ c` is `a ^ (b ^ c)`. */
export interface PowerNode {
  /** Discriminant: `"power"`. */
  readonly kind: "power";
  /** The base. */
  readonly base: FormulaNode;
  /** The exponent. */
  readonly exponent: FormulaNode;
  /** Where the node sits in the formula text; absent on built nodes unless given. */
  readonly span?: Span;
}

/** A comparison; comparisons do not chain (`a < b < c` is a syntax error). */
export interface CompareNode {
  /** Discriminant: `"compare"`. */
  readonly kind: "compare";
  /** The operator in canonical spelling (`≤`, `=` and `<>` are parsed as `<=`, `==` and `!=`). */
  readonly op: CompareOperator;
  /** The left operand (numeric). */
  readonly left: FormulaNode;
  /** The right operand (numeric). */
  readonly right: FormulaNode;
  /** Where the node sits in the formula text; absent on built nodes unless given. */
  readonly span?: Span;
}

/** `a and b and …` or `a or b or …`, short-circuit, left to right. The first operand is never the same chain. */
export interface LogicalNode {
  /** Discriminant: `"logical"`. */
  readonly kind: "logical";
  /** `"and"` or `"or"` (`&&` and `||` are parsed to these). */
  readonly op: LogicalOperator;
  /** The conditions, in evaluation order; at least two. */
  readonly operands: readonly FormulaNode[];
  /** Where the node sits in the formula text; absent on built nodes unless given. */
  readonly span?: Span;
}

/** A call of a whitelisted function: `min(a, b)`, `round(x, 2)`, `if(c, a, b)`. */
export interface CallNode {
  /** Discriminant: `"call"`. */
  readonly kind: "call";
  /** The whitelisted function called. */
  readonly name: FunctionName;
  /** The arguments, in order; the arity is checked when the tree is printed or evaluated. */
  readonly args: readonly FormulaNode[];
  /** Where the node sits in the formula text; absent on built nodes unless given. */
  readonly span?: Span;
}

/** A parsed formula. Switch on `kind`; every variant is a frozen plain object. */
export type FormulaNode =
  | NumberNode
  | BooleanNode
  | NameNode
  | UnaryNode
  | NotNode
  | SumNode
  | ProductNode
  | PowerNode
  | CompareNode
  | LogicalNode
  | CallNode;

const invalid = (message: string): TargetreeError =>
  new TargetreeError("INVALID_ARGUMENT", message);

/**
 * A builder's `span`: absent, or `{ start, end }` with whole numbers 0 ≤ start ≤ end. Returns a
 * frozen copy, so a span object the caller changes later cannot change the node.
 */
const checkSpan = (span: unknown): Span | undefined => {
  if (span === undefined) return undefined;
  if (typeof span !== "object" || span === null || Array.isArray(span)) {
    throw new TargetreeError(
      "INVALID_ARGUMENT",
      `A span must be { start, end } or left out, got ${describeValue(span)}.`,
      { path: ["span"] },
    );
  }
  const { start, end } = span as { start?: unknown; end?: unknown };
  for (const [key, value] of [
    ["start", start],
    ["end", end],
  ] as const) {
    if (!Number.isSafeInteger(value) || (value as number) < 0) {
      throw new TargetreeError(
        "INVALID_ARGUMENT",
        `A span's ${key} must be a whole number ≥ 0 (a UTF-16 offset), got ${describeValue(value)}.`,
        { path: ["span", key] },
      );
    }
  }
  if ((start as number) > (end as number)) {
    throw new TargetreeError("INVALID_ARGUMENT", "A span's start must not be after its end.", {
      path: ["span"],
    });
  }
  return Object.freeze({ start: start as number, end: end as number });
};

const checkNode = (node: unknown, role: string): void => {
  if (
    typeof node !== "object" ||
    node === null ||
    typeof (node as { kind?: unknown }).kind !== "string"
  ) {
    throw invalid(`${role} must be a formula node.`);
  }
};

/**
 * Builds a number literal.
 *
 * @param value - A non-negative number (write `unaryNode("-", numberNode(5))` for −5).
 * @param unit - The suffix to print it with: `numberNode("50万", "万")` prints as `50万`.
 * @param span - Position in a source text, if any.
 * @returns A frozen `number` node.
 * @throws {TargetreeError} `INVALID_NUMBER` for a bad value; `NUMBER_TOO_LARGE` past 1e1000 or
 *   100 significant digits; `INVALID_ARGUMENT` for a negative value, an unknown unit or a bad span.
 *
 * @example
 * printFormula(numberNode("1.2亿", "亿")) //=> "1.2亿"
 * printFormula(numberNode(0.25, "%")) //=> "25%"
 */
export function numberNode(value: Numeric, unit?: LiteralUnit, span?: Span): NumberNode {
  const decimal = toDecimal(value, ["value"]);
  if (decimal.isNegative() && !decimal.isZero()) {
    throw invalid('A number literal is never negative; wrap it in unaryNode("-", …).');
  }
  if (unit !== undefined && !Object.hasOwn(UNIT_POWERS, unit)) {
    throw invalid(`Unknown literal unit; use one of ${Object.keys(UNIT_POWERS).join(" ")}.`);
  }
  // −0 is 0 here; the digit limit is the one every literal obeys.
  const literal = checkLiteral(decimal.isZero() ? ZERO : decimal, ["value"]);
  return makeNumber(literal, unit, checkSpan(span));
}

/**
 * Builds `true` or `false`.
 *
 * @param value - The boolean.
 * @param span - Position in a source text, if any.
 * @returns A frozen `boolean` node.
 * @throws {TargetreeError} `INVALID_ARGUMENT` when `value` is not a boolean or `span` is bad.
 *
 * @example
 * printFormula(booleanNode(true)) //=> "true"
 */
export function booleanNode(value: boolean, span?: Span): BooleanNode {
  if (typeof value !== "boolean") {
    throw new TargetreeError(
      "INVALID_ARGUMENT",
      `A boolean node needs true or false, got ${describeValue(value)}.`,
      { path: ["value"] },
    );
  }
  return makeBoolean(value, checkSpan(span));
}

/**
 * Builds a name reference. The name is NFC-normalised.
 *
 * @param name - An identifier: Unicode letters, digits and `_`, not starting with a digit, not a keyword.
 * @param span - Position in a source text, if any.
 * @returns A frozen `name` node.
 * @throws {TargetreeError} `INVALID_ARGUMENT` when `name` is not an identifier or is a keyword,
 *   or for a bad span.
 *
 * @example
 * printFormula(nameNode("新客户数")) //=> "新客户数"
 */
export function nameNode(name: string, span?: Span): NameNode {
  // Stryker disable next-line StringLiteral: any fallback that is no identifier is refused alike
  const normalised = typeof name === "string" ? name.normalize("NFC") : "";
  if (!isIdentifier(normalised) || isKeyword(normalised)) {
    throw invalid(
      "A name must be an identifier (letters, digits, _; not starting with a digit) and not a keyword.",
    );
  }
  return makeName(normalised, checkSpan(span));
}

/**
 * Builds unary minus or plus.
 *
 * @param op - `"-"` or `"+"`.
 * @param operand - The operand.
 * @param span - Position in a source text, if any.
 * @returns A frozen `unary` node.
 * @throws {TargetreeError} `INVALID_ARGUMENT` for an unknown operator, a non-node operand or a
 *   bad span.
 *
 * @example
 * printFormula(unaryNode("-", powerNode(numberNode(2), numberNode(2)))) //=> "-2 ^ 2"
 */
export function unaryNode(op: "-" | "+", operand: FormulaNode, span?: Span): UnaryNode {
  if (op !== "-" && op !== "+") throw invalid('A unary operator is "-" or "+".');
  checkNode(operand, "The operand");
  return makeUnary(op, operand, checkSpan(span));
}

/**
 * Builds `not operand`.
 *
 * @param operand - A condition.
 * @param span - Position in a source text, if any.
 * @returns A frozen `not` node.
 * @throws {TargetreeError} `INVALID_ARGUMENT` for a non-node operand or a bad span.
 *
 * @example
 * printFormula(notNode(nameNode("escalated"))) //=> "not escalated"
 */
export function notNode(operand: FormulaNode, span?: Span): NotNode {
  checkNode(operand, "The operand");
  return makeNot(operand, checkSpan(span));
}

const checkLinks = (
  links: readonly ChainLink<string>[],
  ops: readonly string[],
): ChainLink<string>[] => {
  if (!Array.isArray(links)) {
    throw new TargetreeError(
      "INVALID_ARGUMENT",
      `The rest of a chain must be an array of { op, operand } links, got ${describeValue(links)}.`,
      { path: ["rest"] },
    );
  }
  return readItems(links, ["rest"]).map((link, index) => {
    if (typeof link !== "object" || link === null || !ops.includes(link.op)) {
      throw invalid(`Operator ${index + 1} must be one of ${ops.join(" ")}.`);
    }
    checkNode(link.operand, `Operand ${index + 2}`);
    return Object.freeze({ op: link.op, operand: link.operand });
  });
};

/**
 * Builds a `+ -` chain. A `sum` given as `first` is merged into the chain, which evaluates in
 * the same left-to-right order, so built and parsed trees have one shape.
 *
 * @param first - The first operand.
 * @param rest - The other operands with their operators; empty returns `first`.
 * @param span - Position in a source text, if any.
 * @returns A frozen `sum` node (or `first` when `rest` is empty).
 * @throws {TargetreeError} `INVALID_ARGUMENT` when `rest` is not an array of `{ op, operand }`
 *   links with `+` or `-`, for a non-node operand or a bad span.
 *
 * @example
 * printFormula(sumNode(nameNode("a"), [{ op: "-", operand: nameNode("b") }])) //=> "a - b"
 */
export function sumNode(
  first: FormulaNode,
  rest: readonly ChainLink<SumOperator>[],
  span?: Span,
): FormulaNode {
  checkNode(first, "The first operand");
  const links = checkLinks(rest, ["+", "-"]) as ChainLink<SumOperator>[];
  return makeChain("sum", first, links, checkSpan(span));
}

/**
 * Builds a `* /` chain, merging a `product` given as `first` (same evaluation order).
 *
 * @param first - The first operand.
 * @param rest - The other operands with their operators; empty returns `first`.
 * @param span - Position in a source text, if any.
 * @returns A frozen `product` node (or `first` when `rest` is empty).
 * @throws {TargetreeError} `INVALID_ARGUMENT` when `rest` is not an array of `{ op, operand }`
 *   links with `*` or `/`, for a non-node operand or a bad span.
 *
 * @example
 * printFormula(productNode(nameNode("a"), [{ op: "/", operand: nameNode("b") }])) //=> "a / b"
 */
export function productNode(
  first: FormulaNode,
  rest: readonly ChainLink<ProductOperator>[],
  span?: Span,
): FormulaNode {
  checkNode(first, "The first operand");
  const links = checkLinks(rest, ["*", "/"]) as ChainLink<ProductOperator>[];
  return makeChain("product", first, links, checkSpan(span));
}

/**
 * Builds `base ^ exponent`.
 *
 * @param base - The base.
 * @param exponent - The exponent.
 * @param span - Position in a source text, if any.
 * @returns A frozen `power` node.
 * @throws {TargetreeError} `INVALID_ARGUMENT` for a non-node operand or a bad span.
 *
 * @example
 * printFormula(powerNode(nameNode("a"), numberNode(2))) //=> "a ^ 2"
 */
export function powerNode(base: FormulaNode, exponent: FormulaNode, span?: Span): PowerNode {
  checkNode(base, "The base");
  checkNode(exponent, "The exponent");
  return makePower(base, exponent, checkSpan(span));
}

const COMPARE_OPERATORS: readonly string[] = ["<", "<=", ">", ">=", "==", "!="];

/**
 * Builds a comparison.
 *
 * @param op - `<`, `<=`, `>`, `>=`, `==` or `!=`.
 * @param left - Left operand.
 * @param right - Right operand.
 * @param span - Position in a source text, if any.
 * @returns A frozen `compare` node.
 * @throws {TargetreeError} `INVALID_ARGUMENT` for an unknown operator, a non-node operand or a
 *   bad span.
 *
 * @example
 * printFormula(compareNode("<", nameNode("dailyVisits"), numberNode(3))) //=> "dailyVisits < 3"
 */
export function compareNode(
  op: CompareOperator,
  left: FormulaNode,
  right: FormulaNode,
  span?: Span,
): CompareNode {
  if (!COMPARE_OPERATORS.includes(op)) throw invalid("Unknown comparison operator.");
  checkNode(left, "The left operand");
  checkNode(right, "The right operand");
  return makeCompare(op, left, right, checkSpan(span));
}

/**
 * Builds an `and` / `or` chain, merging a first operand that is the same chain.
 *
 * @param op - `"and"` or `"or"`.
 * @param operands - Conditions (one alone is returned unchanged).
 * @param span - Position in a source text, if any.
 * @returns A frozen `logical` node.
 * @throws {TargetreeError} `INVALID_ARGUMENT` for no operands, an unknown operator, a non-node
 *   operand or a bad span.
 *
 * @example
 * printFormula(logicalNode("and", [nameNode("a"), nameNode("b")])) //=> "a and b"
 */
export function logicalNode(
  op: LogicalOperator,
  operands: readonly FormulaNode[],
  span?: Span,
): FormulaNode {
  if (op !== "and" && op !== "or") throw invalid('A logical operator is "and" or "or".');
  const list = Array.isArray(operands) ? readItems(operands, ["operands"]) : [];
  if (list.length === 0) throw invalid("A logical chain needs at least one operand.");
  list.forEach((operand, index) => {
    checkNode(operand, `Operand ${index + 1}`);
  });
  return makeLogical(op, list, checkSpan(span));
}

/**
 * Builds a call of a whitelisted function. The arity is checked when the tree is printed or
 * evaluated, as for parsed formulas.
 *
 * @param name - A whitelisted function (`min`, `max`, `round`, `if`, … as in the README), in
 *   lower case.
 * @param args - The arguments.
 * @param span - Position in a source text, if any.
 * @returns A frozen `call` node.
 * @throws {TargetreeError} `UNKNOWN_FUNCTION` for a name off the whitelist; `INVALID_ARGUMENT`
 *   when `args` is not an array of nodes, or for a bad span.
 *
 * @example
 * printFormula(callNode("max", [nameNode("a"), numberNode(0)])) //=> "max(a, 0)"
 */
export function callNode(name: FunctionName, args: readonly FormulaNode[], span?: Span): CallNode {
  if (typeof name !== "string" || functionEntry(name) === undefined) {
    throw new TargetreeError(
      "UNKNOWN_FUNCTION",
      `Unknown function; use one of ${functionNames().join(", ")}.`,
    );
  }
  if (!Array.isArray(args)) throw invalid("The arguments must be an array of formula nodes.");
  const list = readItems(args, ["args"]);
  list.forEach((arg, index) => {
    checkNode(arg, `Argument ${index + 1}`);
  });
  return makeCall(name, list, checkSpan(span));
}

/**
 * Builds any binary operation, choosing the node kind and flattening chains as the parser does.
 *
 * @param op - An arithmetic, comparison or logical operator.
 * @param left - Left operand.
 * @param right - Right operand.
 * @returns A frozen node.
 * @throws {TargetreeError} `INVALID_ARGUMENT` for an unknown operator or a non-node operand.
 *
 * @example
 * printFormula(binaryNode("*", binaryNode("+", nameNode("a"), nameNode("b")), nameNode("c"))) //=> "(a + b) * c"
 */
export function binaryNode(op: BinaryOperator, left: FormulaNode, right: FormulaNode): FormulaNode {
  switch (op) {
    case "+":
    case "-":
      return sumNode(left, [{ op, operand: right }]);
    case "*":
    case "/":
      return productNode(left, [{ op, operand: right }]);
    case "^":
      return powerNode(left, right);
    case "and":
    case "or":
      return logicalNode(op, [left, right]);
    default:
      return compareNode(op, left, right);
  }
}
