import { readBudget, requireWork, spend } from "../_lib/budget.js";
import { type Decimal, noNegativeZero, ZERO } from "../_lib/decimal.js";
import { describeValue, TargetreeError } from "../_lib/errors.js";
import { readOptions } from "../_lib/options.js";
import type { ChainLink, FormulaNode } from "../formula/ast.js";
import { formulaNames } from "../formula/formulaNames.js";
import { interpret, quote } from "../formula/internal.js";
import { printFormula } from "../formula/printFormula.js";
import { evaluationCost, evaluationDriver, modelCosts } from "./_lib/cost.js";
import { type EvaluateOptions, evaluateWithin } from "./evaluate.js";
import type { InputsOf, Model, ModelInputs, ModelValues, NodeName } from "./types.js";

/** One node of an explained tree; `Name` is the model's node names when they are known. */
export interface ExplainNode<Name extends string = string> {
  /** The model node's name. */
  readonly name: Name;
  /** The node's label, or null. */
  readonly label: string | null;
  /** The node's unit label (`"元"`, `"%"`), or null. */
  readonly unitLabel: string | null;
  /** Whether the node is an input or computed by a formula. */
  readonly kind: "input" | "formula";
  /** The formula in canonical text (formula nodes), or null for inputs. */
  readonly formula: string | null;
  /** The node's value at the given inputs, exact. */
  readonly value: Decimal;
  /**
   * The node's share of its parent: its signed contribution divided by the parent's value, where
   * the parent's formula is a sum of terms that each read this node alone (`a + b - c`,
   * `12 * monthly + bonus`); null otherwise (factors of a product, function arguments, a node that
   * also appears next to another name, a zero parent) and for the root.
   */
  readonly share: Decimal | null;
  /** True when this node was already expanded higher in the tree; its children are then omitted. */
  readonly repeated: boolean;
  /** The nodes its formula reads, in order of first appearance. */
  readonly children: readonly ExplainNode<Name>[];
}

/** A tree node while it is being built. */
interface Draft {
  name: string;
  share: Decimal | null;
  repeated: boolean;
  children: Draft[];
}

/** The top node of a tree: `root` when given, else the model's only root. */
export function chooseRoot(
  model: Model,
  root: string | undefined,
  path: readonly string[],
): string {
  if (root === undefined) {
    if (model.roots.length === 1) return model.roots[0]!;
    throw new TargetreeError(
      "INVALID_ARGUMENT",
      `The model has several top nodes (${model.roots.slice(0, 10).join(", ")}); say which one to explain.`,
      { path },
    );
  }
  if (typeof root !== "string") {
    throw new TargetreeError(
      "INVALID_ARGUMENT",
      `The root must be a node name (a string), got ${describeValue(root)}.`,
      { path },
    );
  }
  const name = root.normalize("NFC");
  if (!Object.hasOwn(model.nodes, name)) {
    throw new TargetreeError("UNKNOWN_NODE", `${quote(root)} is not a node of the model.`, {
      path,
    });
  }
  return name;
}

/** Each child's signed contribution to a sum-shaped formula, or null where it is not separable. */
function contributions(ast: FormulaNode, values: ModelValues): Map<string, Decimal | null> {
  // Stryker disable next-line StringLiteral: only op === "-" is tested
  const plus = "+" as const;
  const terms: ChainLink<"+" | "-">[] =
    ast.kind === "sum"
      ? [{ op: plus, operand: ast.first }, ...ast.rest]
      : [{ op: plus, operand: ast }];
  const result = new Map<string, Decimal | null>();
  for (const { op, operand } of terms) {
    const names = formulaNames(operand);
    if (names.length === 0) continue;
    if (names.length > 1) {
      for (const name of names) result.set(name, null);
      continue;
    }
    const name = names[0]!;
    if (result.get(name) === null) continue;
    const term = interpret(operand, {
      source: { name: undefined, text: undefined, path: [] },
      lookup: (node) => values[node.name]!,
    }) as Decimal;
    const signed = op === "-" ? term.negated() : term;
    result.set(name, (result.get(name) ?? ZERO).plus(signed));
  }
  return result;
}

/**
 * Explains a model's values as a tree: each node with its formula, value and share of its parent,
 * down to the inputs. A node read by several formulas is expanded once; later appearances are
 * marked `repeated`.
 *
 * @param model - A model from {@link defineModel}.
 * @param inputs - A value for every input, as for {@link evaluate}.
 * @param root - The top node; by default the model's only root.
 * @param options - `budget`: the most work units to spend (the evaluation and the shares).
 * @returns The tree.
 * @throws {TargetreeError} The errors of {@link evaluate}; `UNKNOWN_NODE` for an unknown root;
 *   `INVALID_ARGUMENT` when the model has several roots and none is named, or `root` is not a
 *   string; `UNKNOWN_OPTION` for an unknown option key.
 *
 * @example
 * const tree = explain(revenueModel(), { newCustomers: 600, conversion: "25%", newAov: 8000, returningCustomers: 1500, repurchase: "40%", returningAov: 6000 });
 * tree.value //=> new Decimal(4800000)
 * tree.children.map((child) => child.name) //=> ["newRevenue", "returningRevenue"]
 * tree.children.map((child) => child.share) //=> [new Decimal(0.25), new Decimal(0.75)]
 * tree.children[0].children.map((child) => child.share) //=> [null, null, null]
 */
export function explain<M extends Model, Inputs extends InputsOf<M, Inputs>>(
  model: M,
  inputs: Inputs,
  root?: NodeName<M>,
  options?: EvaluateOptions,
): ExplainNode<NodeName<M>> {
  const budget = readBudget(readOptions(options, ["budget"]), "explain");
  // The values, then the shares, which evaluate parts of the formulas once more.
  const costs = modelCosts(model);
  const cost = evaluationCost(costs);
  requireWork(budget, 2 * cost, () =>
    evaluationDriver(costs, "explain evaluates the model twice (the values, then the shares)"),
  );
  const values: ModelValues = evaluateWithin(budget, model, inputs as ModelInputs);
  const top = chooseRoot(model, root, ["root"]);
  spend(budget, cost, () => evaluationDriver(costs, ""), true);
  const expanded = new Set<string>();
  const draftRoot: Draft = { name: top, share: null, repeated: false, children: [] };
  // Iterative, so a model thousands of levels deep cannot overflow the stack.
  const pending: Draft[] = [draftRoot];
  while (pending.length > 0) {
    const draft = pending.pop()!;
    const node = model.nodes[draft.name]!;
    if (expanded.has(draft.name)) {
      draft.repeated = node.kind === "formula";
      continue;
    }
    expanded.add(draft.name);
    if (node.ast === null) continue;
    const parentValue = values[draft.name]!;
    const shares = contributions(node.ast, values);
    for (const dependency of node.dependencies) {
      const contribution = shares.get(dependency);
      draft.children.push({
        name: dependency,
        share:
          contribution === undefined || contribution === null || parentValue.isZero()
            ? null
            : noNegativeZero(contribution.div(parentValue)),
        repeated: false,
        children: [],
      });
    }
    for (let i = draft.children.length - 1; i >= 0; i--) pending.push(draft.children[i]!);
  }
  return freezeTree(model, values, draftRoot) as ExplainNode<NodeName<M>>;
}

function freezeTree(model: Model, values: ModelValues, draftRoot: Draft): ExplainNode {
  const made = new Map<Draft, ExplainNode>();
  // Post-order without recursion: children are frozen before their parent.
  const order: Draft[] = [];
  const stack: Draft[] = [draftRoot];
  while (stack.length > 0) {
    const draft = stack.pop()!;
    order.push(draft);
    for (const child of draft.children) stack.push(child);
  }
  for (let i = order.length - 1; i >= 0; i--) {
    const draft = order[i]!;
    const node = model.nodes[draft.name]!;
    made.set(
      draft,
      Object.freeze({
        name: draft.name,
        label: node.label,
        unitLabel: node.unitLabel,
        kind: node.kind,
        formula: node.ast === null ? null : printFormula(node.ast),
        value: values[draft.name]!,
        share: draft.share,
        repeated: draft.repeated,
        children: Object.freeze(
          draft.repeated ? [] : draft.children.map((child) => made.get(child)!),
        ),
      }),
    );
  }
  return made.get(draftRoot)!;
}
