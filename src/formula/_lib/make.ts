// Unchecked node constructors: the parser (whose input is already validated) and the public
// builders (after validating) both make nodes here, so every tree has one shape.
import type { Decimal } from "../../_lib/decimal.js";
import type {
  BooleanNode,
  CallNode,
  ChainLink,
  CompareNode,
  CompareOperator,
  FormulaNode,
  FunctionName,
  LiteralUnit,
  LogicalOperator,
  NameNode,
  NotNode,
  NumberNode,
  PowerNode,
  ProductOperator,
  Span,
  SumOperator,
  UnaryNode,
} from "../ast.js";

const frozenSpan = (span: Span): Span =>
  Object.isFrozen(span) ? span : Object.freeze({ start: span.start, end: span.end });

export function makeNumber(value: Decimal, unit: LiteralUnit | undefined, span?: Span): NumberNode {
  if (unit === undefined) {
    return Object.freeze(
      span === undefined
        ? { kind: "number", value }
        : { kind: "number", value, span: frozenSpan(span) },
    );
  }
  return Object.freeze(
    span === undefined
      ? { kind: "number", value, unit }
      : { kind: "number", value, unit, span: frozenSpan(span) },
  );
}

export function makeBoolean(value: boolean, span?: Span): BooleanNode {
  return Object.freeze(
    span === undefined
      ? { kind: "boolean", value }
      : { kind: "boolean", value, span: frozenSpan(span) },
  );
}

export function makeName(name: string, span?: Span): NameNode {
  return Object.freeze(
    span === undefined ? { kind: "name", name } : { kind: "name", name, span: frozenSpan(span) },
  );
}

export function makeUnary(op: "-" | "+", operand: FormulaNode, span?: Span): UnaryNode {
  return Object.freeze(
    span === undefined
      ? { kind: "unary", op, operand }
      : { kind: "unary", op, operand, span: frozenSpan(span) },
  );
}

export function makeNot(operand: FormulaNode, span?: Span): NotNode {
  return Object.freeze(
    span === undefined
      ? { kind: "not", operand }
      : { kind: "not", operand, span: frozenSpan(span) },
  );
}

/** Links must be frozen; a chain given as `first` is merged (same left-to-right evaluation). */
export function makeChain(
  kind: "sum" | "product",
  first: FormulaNode,
  rest: readonly ChainLink<SumOperator>[] | readonly ChainLink<ProductOperator>[],
  span?: Span,
): FormulaNode {
  if (rest.length === 0) return first;
  let head = first;
  let links: readonly ChainLink<string>[] = rest;
  if (first.kind === kind) {
    head = first.first;
    links = [...first.rest, ...rest];
  }
  const node = { kind, first: head, rest: Object.freeze(links) };
  return Object.freeze(
    span === undefined ? node : { ...node, span: frozenSpan(span) },
  ) as FormulaNode;
}

export function makePower(base: FormulaNode, exponent: FormulaNode, span?: Span): PowerNode {
  return Object.freeze(
    span === undefined
      ? { kind: "power", base, exponent }
      : { kind: "power", base, exponent, span: frozenSpan(span) },
  );
}

export function makeCompare(
  op: CompareOperator,
  left: FormulaNode,
  right: FormulaNode,
  span?: Span,
): CompareNode {
  return Object.freeze(
    span === undefined
      ? { kind: "compare", op, left, right }
      : { kind: "compare", op, left, right, span: frozenSpan(span) },
  );
}

/** A first operand that is the same chain is merged. */
export function makeLogical(
  op: LogicalOperator,
  operands: readonly FormulaNode[],
  span?: Span,
): FormulaNode {
  const [head, ...tail] = operands;
  if (head === undefined || tail.length === 0) return head as FormulaNode;
  const merged =
    head.kind === "logical" && head.op === op ? [...head.operands, ...tail] : [...operands];
  const frozen = Object.freeze(merged);
  return Object.freeze(
    span === undefined
      ? { kind: "logical", op, operands: frozen }
      : { kind: "logical", op, operands: frozen, span: frozenSpan(span) },
  );
}

export function makeCall(name: FunctionName, args: readonly FormulaNode[], span?: Span): CallNode {
  const frozen = Object.freeze([...args]);
  return Object.freeze(
    span === undefined
      ? { kind: "call", name, args: frozen }
      : { kind: "call", name, args: frozen, span: frozenSpan(span) },
  );
}
