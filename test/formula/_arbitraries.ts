// Random formula trees for property tests, built with the public node builders.
import fc from "fast-check";
import {
  booleanNode,
  callNode,
  compareNode,
  type FormulaNode,
  type LiteralUnit,
  logicalNode,
  nameNode,
  notNode,
  numberNode,
  powerNode,
  productNode,
  sumNode,
  unaryNode,
} from "targetree";

/** Names from several scripts, prototype names and function names used as plain names. */
export const NAMES = [
  "a",
  "b",
  "x1",
  "_tmp",
  "revenue",
  "新客户数",
  "转化率",
  "客单价",
  "café",
  "Ωmega",
  "__proto__",
  "constructor",
  "toString",
  "valueOf",
  "min",
  "e5",
] as const;

const UNITS: readonly (LiteralUnit | undefined)[] = [
  undefined,
  undefined,
  "万",
  "亿",
  "千",
  "%",
  "‰",
  "万亿",
  "千万",
  "百万",
];

/** A non-negative decimal literal: an integer mantissa over a power of ten, with a unit. */
export const numberLiteral: fc.Arbitrary<FormulaNode> = fc
  .tuple(
    fc.bigInt({ min: 0n, max: 10n ** 20n }),
    fc.integer({ min: -12, max: 12 }),
    fc.constantFrom(...UNITS),
  )
  .map(([mantissa, exponent, unit]) => numberNode(`${mantissa}e${exponent}`, unit));

interface Trees {
  number: FormulaNode;
  condition: FormulaNode;
}

/** Well-typed random trees of every node kind. */
export const trees = fc.letrec<Trees>((tieAny) => {
  const tie = (key: keyof Trees) => tieAny(key) as fc.Arbitrary<FormulaNode>;
  return {
    number: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      numberLiteral,
      fc.constantFrom(...NAMES).map((name) => nameNode(name)),
      fc
        .tuple(fc.constantFrom("-" as const, "+" as const), tie("number"))
        .map(([op, operand]) => unaryNode(op, operand)),
      fc
        .tuple(
          tie("number"),
          fc.array(fc.tuple(fc.constantFrom("+" as const, "-" as const), tie("number")), {
            minLength: 1,
            maxLength: 3,
          }),
        )
        .map(([first, rest]) =>
          sumNode(
            first,
            rest.map(([op, operand]) => ({ op, operand })),
          ),
        ),
      fc
        .tuple(
          tie("number"),
          fc.array(fc.tuple(fc.constantFrom("*" as const, "/" as const), tie("number")), {
            minLength: 1,
            maxLength: 3,
          }),
        )
        .map(([first, rest]) =>
          productNode(
            first,
            rest.map(([op, operand]) => ({ op, operand })),
          ),
        ),
      fc.tuple(tie("number"), tie("number")).map(([base, exponent]) => powerNode(base, exponent)),
      fc
        .tuple(
          fc.constantFrom("min" as const, "max" as const),
          fc.array(tie("number"), { minLength: 1, maxLength: 3 }),
        )
        .map(([name, args]) => callNode(name, args)),
      fc
        .tuple(
          fc.constantFrom("abs" as const, "round" as const, "floor" as const, "ceil" as const),
          tie("number"),
        )
        .map(([name, arg]) => callNode(name, [arg])),
      fc
        .tuple(
          fc.constantFrom("round" as const, "floor" as const, "ceil" as const),
          tie("number"),
          tie("number"),
        )
        .map(([name, arg, digits]) => callNode(name, [arg, digits])),
      fc
        .tuple(tie("condition"), tie("number"), tie("number"))
        .map(([test, then, otherwise]) => callNode("if", [test, then, otherwise])),
    ),
    condition: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      fc.boolean().map((value) => booleanNode(value)),
      fc
        .tuple(
          fc.constantFrom("<", "<=", ">", ">=", "==", "!=" as const),
          tie("number"),
          tie("number"),
        )
        .map(([op, left, right]) => compareNode(op, left, right)),
      fc
        .tuple(fc.constantFrom("==" as const, "!=" as const), tie("condition"), tie("condition"))
        .map(([op, left, right]) => compareNode(op, left, right)),
      tie("condition").map((operand) => notNode(operand)),
      fc
        .tuple(
          fc.constantFrom("and" as const, "or" as const),
          fc.array(tie("condition"), { minLength: 2, maxLength: 3 }),
        )
        .map(([op, operands]) => logicalNode(op, operands)),
    ),
  };
});

/** Any well-typed tree, numeric or a condition. */
export const anyTree: fc.Arbitrary<FormulaNode> = fc.oneof(trees.number, trees.condition);
