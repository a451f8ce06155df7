// Hand-built formula trees: a shared subtree or a cycle is refused before any work grows, a tree
// past the node limit is refused, and every literal's value is checked, each with its path.
import { Decimal as DecimalJs } from "decimal.js";
import fc from "fast-check";
import {
  binaryNode,
  type Decimal,
  evaluateFormula,
  type FormulaNode,
  formulaNames,
  formulasEqual,
  MAX_FORMULA_NODES,
  nameNode,
  numberNode,
  parseFormula,
  printFormula,
  unaryNode,
} from "targetree";
import { describe, expect, it } from "vitest";
import { errorOf, expectCode, thrownError } from "../_support/errors.js";
import { runs } from "../_support/runs.js";
import { trees } from "./_arbitraries.js";

type Step = string | number;

/** Every entry that takes a caller's tree, with the path its tree starts at. */
const ENTRIES: readonly (readonly [string, (tree: FormulaNode) => unknown, Step])[] = [
  ["evaluateFormula", (tree) => evaluateFormula(tree, {}), "formula"],
  ["printFormula", (tree) => printFormula(tree), "node"],
  ["formulaNames", (tree) => formulaNames(tree), "formula"],
  ["formulasEqual (first)", (tree) => formulasEqual(tree, parseFormula("1")), "a"],
  ["formulasEqual (second)", (tree) => formulasEqual(parseFormula("1"), tree), "b"],
];

/** A frozen object that claims to be a node, for shapes the builders would not make. */
const raw = (fields: Record<string, unknown>): FormulaNode =>
  Object.freeze(fields) as unknown as FormulaNode;

/** Each child of a node with the steps to it, in reading order. */
function childrenWithSteps(node: FormulaNode): [Step[], FormulaNode][] {
  switch (node.kind) {
    case "unary":
    case "not":
      return [[["operand"], node.operand]];
    case "sum":
    case "product":
      return [
        [["first"], node.first],
        ...node.rest.map((link, i): [Step[], FormulaNode] => [
          ["rest", i, "operand"],
          link.operand,
        ]),
      ];
    case "power":
      return [
        [["base"], node.base],
        [["exponent"], node.exponent],
      ];
    case "compare":
      return [
        [["left"], node.left],
        [["right"], node.right],
      ];
    case "logical":
      return node.operands.map((operand, i): [Step[], FormulaNode] => [["operands", i], operand]);
    case "call":
      return node.args.map((arg, i): [Step[], FormulaNode] => [["args", i], arg]);
    default:
      return [];
  }
}

/** Every node below the root that has children, with its steps from the root. */
function innerNodes(root: FormulaNode, at: Step[] = []): [Step[], FormulaNode][] {
  return childrenWithSteps(root).flatMap(([steps, child]) => {
    const path = [...at, ...steps];
    const below = innerNodes(child, path);
    return childrenWithSteps(child).length > 0 ? [[path, child], ...below] : below;
  });
}

/** `node` wrapped in `depth` unary minus nodes, with the steps down to it. */
function wrapped(node: FormulaNode, depth: number): [FormulaNode, Step[]] {
  let tree = node;
  for (let i = 0; i < depth; i++) tree = unaryNode("-", tree);
  return [tree, Array.from({ length: depth }, () => "operand")];
}

describe("shared subtrees in hand-built formula trees", () => {
  it("refuses a tree that doubles itself, at every depth, in every entry (SHARED_NODE)", () => {
    for (const op of ["*", "+", "-", "/", "^"] as const) {
      // Two levels of a chain merge into one chain (x * x * (x * x)); from three on, a level repeats.
      for (const levels of [3, 4, 10, 24, 60]) {
        let tree: FormulaNode = nameNode("x");
        for (let i = 0; i < levels; i++) tree = binaryNode(op, tree, tree);
        for (const [entry, run, root] of ENTRIES) {
          const error = errorOf(() => run(tree));
          expect([entry, op, levels, error.code, error.path[0]]).toEqual([
            entry,
            op,
            levels,
            "SHARED_NODE",
            root,
          ]);
          expect(error.details.cycle).toBe(false);
          expect(error.message).toMatch(
            /reaches one subtree twice, (under .+, )?at .+ and again at .+/,
          );
        }
      }
    }
  });

  it("accepts a leaf used in several places, and evaluates it in each", () => {
    const x = nameNode("x");
    const two = numberNode(2);
    const tree = binaryNode("+", binaryNode("*", x, x), binaryNode("*", two, x));
    expect(evaluateFormula(tree, { x: 3 }).toString()).toBe("15");
    expect(printFormula(tree)).toBe("x * x + 2 * x");
    expect(formulaNames(tree)).toEqual(["x"]);
    expect(formulasEqual(tree, parseFormula("x*x + 2*x"))).toBe(true);
  });

  it("names both places of a diamond, wherever the shared subtree sits (SHARED_NODE)", () => {
    fc.assert(
      fc.property(
        trees.number.filter((tree) => innerNodes(tree).length > 0),
        fc.nat(),
        fc.nat({ max: 5 }),
        (tree, pick, depth) => {
          const inner = innerNodes(tree);
          const [firstSteps, shared] = inner[pick % inner.length]!;
          const [second, secondSteps] = wrapped(shared, depth);
          const diamond = raw({ kind: "sum", first: tree, rest: [{ op: "+", operand: second }] });
          for (const [, run, root] of ENTRIES) {
            const error = expectCode(() => run(diamond), "SHARED_NODE", [
              root,
              "rest",
              0,
              "operand",
              ...secondSteps,
            ]);
            expect(error.details.first).toEqual([root, "first", ...firstSteps]);
          }
        },
      ),
      { numRuns: runs(150) },
    );
  });

  it("refuses a subtree shared between the two sides of a comparison and of a call", () => {
    const shared = binaryNode("+", nameNode("a"), nameNode("b"));
    const compare = binaryNode("<", shared, shared);
    expectCode(() => evaluateFormula(compare, { a: 1, b: 2 }), "SHARED_NODE", ["formula", "right"]);
    const call = raw({ kind: "call", name: "max", args: [numberNode(1), shared, shared] });
    const error = expectCode(() => printFormula(call), "SHARED_NODE", ["node", "args", 2]);
    expect(error.details.first).toEqual(["node", "args", 1]);
  });

  it("refuses a tree that contains itself, at any depth (SHARED_NODE, a cycle)", () => {
    for (const depth of [0, 1, 5, 300]) {
      const top: { kind: string; op: string; operand: unknown } = {
        kind: "unary",
        op: "-",
        operand: null,
      };
      const [below, steps] = wrapped(top as unknown as FormulaNode, depth);
      top.operand = below;
      for (const [, run, root] of ENTRIES) {
        const error = expectCode(() => run(top as unknown as FormulaNode), "SHARED_NODE", [
          root,
          "operand",
          ...steps,
        ]);
        expect(error.details).toEqual({ first: [root], cycle: true });
        expect(error.message).toMatch(/contains itself/);
      }
    }
  });
});

describe("the node limit of hand-built formula trees", () => {
  it("refuses a tree past MAX_FORMULA_NODES places, counting a shared leaf at each (TOO_MANY_NODES)", () => {
    const x = nameNode("x");
    const link = Object.freeze({ op: "+", operand: x });
    // The sum, its first operand and its links: MAX_FORMULA_NODES + 1 places.
    const over = raw({ kind: "sum", first: x, rest: new Array(MAX_FORMULA_NODES - 1).fill(link) });
    const error = expectCode(() => formulaNames(over), "TOO_MANY_NODES", [
      "formula",
      "rest",
      MAX_FORMULA_NODES - 2,
      "operand",
    ]);
    expect(error.details.limit).toBe(MAX_FORMULA_NODES);
    const at = raw({ kind: "sum", first: x, rest: new Array(MAX_FORMULA_NODES - 2).fill(link) });
    expect(formulaNames(at)).toEqual(["x"]);
  });

  it("accepts every parsed formula: a parse never has more nodes than characters", () => {
    const text = Array.from({ length: 20_000 }, (_, i) => `x${i % 7}`).join("+");
    expect(formulaNames(parseFormula(text))).toHaveLength(7);
  });
});

describe("the values inside hand-built number nodes", () => {
  const D = DecimalJs.clone();
  const number = (value: unknown): FormulaNode => raw({ kind: "number", value });
  const bad: readonly (readonly [string, unknown, string])[] = [
    ["NaN", new D(Number.NaN), "INVALID_NUMBER"],
    ["Infinity", new D(Number.POSITIVE_INFINITY), "INVALID_NUMBER"],
    ["-Infinity", new D(Number.NEGATIVE_INFINITY), "INVALID_NUMBER"],
    ["1e+5000", new D("1e5000"), "NUMBER_TOO_LARGE"],
    ["1e-5000", new D("1e-5000"), "NUMBER_TOO_LARGE"],
    ["101 significant digits", new D(`1${"1".repeat(100)}`), "NUMBER_TOO_LARGE"],
    ["−0", new D("-0"), "INVALID_ARGUMENT"],
    ["a negative value", new D(-5), "INVALID_ARGUMENT"],
  ];

  it.each(bad)("refuses %s with the path to the value, in every entry", (_, value, code) => {
    for (const depth of [0, 1, 4]) {
      const [tree, steps] = wrapped(number(value), depth);
      for (const [, run, root] of ENTRIES) {
        expectCode(() => run(tree), code, [root, ...steps, "value"]);
      }
    }
  });

  it("never lets 0 × Infinity reach the arithmetic (INVALID_NUMBER, not a TypeError)", () => {
    const tree = binaryNode("*", numberNode(0), number(new D(Number.POSITIVE_INFINITY)));
    expectCode(() => evaluateFormula(tree, {}), "INVALID_NUMBER", [
      "formula",
      "rest",
      0,
      "operand",
      "value",
    ]);
  });

  it("accepts a value from any decimal.js clone within the limits", () => {
    const tree = binaryNode("+", number(new D("0.1")), number(new D(`1e${999}`)));
    const result = evaluateFormula(tree, {}) as Decimal;
    expect(result.isFinite()).toBe(true);
    expect(evaluateFormula(number(new D(0)), {}).toString()).toBe("0");
  });

  it("gives numberNode the same digit limit: at most 100 significant digits", () => {
    expectCode(() => numberNode(new D(`1${"1".repeat(100)}`)), "NUMBER_TOO_LARGE", ["value"]);
    expect(numberNode(new D(`1${"1".repeat(99)}`)).value.sd()).toBe(100);
    expect(Object.is(numberNode(-0).value.toNumber(), 0)).toBe(true);
  });

  it("returns no NaN, no infinity and no −0 from a hand-built tree of valid literals", () => {
    fc.assert(
      fc.property(trees.number, (tree) => {
        const facts = Object.fromEntries(formulaNames(tree).map((name) => [name, -1]));
        // Division by zero, a magnitude past the limits…: typed errors (thrownError rethrows others).
        if (thrownError(() => evaluateFormula(tree, facts)) !== undefined) return;
        const value = evaluateFormula(tree, facts) as Decimal;
        expect(value.isFinite()).toBe(true);
        expect(value.isZero() && value.isNegative()).toBe(false);
      }),
      { numRuns: runs(200) },
    );
  });
});
