// Dependency questions about a model's formulas: which inputs an output reads, how often a name occurs.

import type { FormulaNode } from "../../formula/ast.js";
import { childrenOf } from "../../formula/internal.js";

/** The formulas of a model by node name, and its inputs in declaration order. */
export interface FormulaGraph {
  readonly formulas: ReadonlyMap<string, FormulaNode>;
  readonly inputs: readonly string[];
  /** Formula nodes in topological order: every node after the nodes it reads. */
  readonly order: readonly string[];
}

export { childrenOf };

/** Names referenced anywhere in one formula. */
export function namesIn(node: FormulaNode, into: Set<string> = new Set()): Set<string> {
  if (node.kind === "name") into.add(node.name);
  for (const child of childrenOf(node)) namesIn(child, into);
  return into;
}

/** The formula nodes `node` reads directly or indirectly, itself included, in topological order. */
export function formulaNodesUnder(graph: FormulaGraph, node: string): string[] {
  const seen = new Set<string>();
  const stack = [node];
  while (stack.length > 0) {
    const name = stack.pop()!;
    if (seen.has(name)) continue;
    seen.add(name);
    const formula = graph.formulas.get(name);
    if (formula !== undefined) for (const ref of namesIn(formula)) stack.push(ref);
  }
  return graph.order.filter((name) => seen.has(name));
}

/** Every input the node reads, directly or through other formulas, in declaration order. */
export function inputsOf(graph: FormulaGraph, node: string): string[] {
  const seen = new Set<string>();
  const reached = new Set<string>();
  const stack = [node];
  while (stack.length > 0) {
    const name = stack.pop()!;
    if (seen.has(name)) continue;
    seen.add(name);
    const formula = graph.formulas.get(name);
    if (formula === undefined) reached.add(name);
    else for (const ref of namesIn(formula)) stack.push(ref);
  }
  return graph.inputs.filter((input) => reached.has(input));
}

/**
 * How many times `vary` occurs in each formula node with every formula node expanded in place,
 * saturated at 2 (0 = absent, 1 = once, 2 = more than once). Computed in topological order, so a long
 * chain of nodes never deepens the stack.
 */
function occurrenceCounts(graph: FormulaGraph, vary: string): ReadonlyMap<string, 0 | 1 | 2> {
  const counts = new Map<string, 0 | 1 | 2>();
  const ofAst = (node: FormulaNode): 0 | 1 | 2 => {
    if (node.kind === "name") return node.name === vary ? 1 : (counts.get(node.name) ?? 0);
    let total = 0;
    for (const child of childrenOf(node)) {
      total += ofAst(child);
      if (total >= 2) return 2;
    }
    return total as 0 | 1;
  };
  for (const name of graph.order) counts.set(name, ofAst(graph.formulas.get(name)!));
  return counts;
}

/** How many times `vary` occurs in `output` (see {@link occurrenceCounts}). */
export function occurrences(graph: FormulaGraph, output: string, vary: string): 0 | 1 | 2 {
  if (output === vary) return 1;
  return occurrenceCounts(graph, vary).get(output) ?? 0;
}

/** The formula nodes that read any of `varied`, directly or through other formulas. */
export function dependentNodes(graph: FormulaGraph, varied: ReadonlySet<string>): Set<string> {
  const dependent = new Set<string>();
  for (const name of graph.order) {
    for (const ref of namesIn(graph.formulas.get(name)!)) {
      if (varied.has(ref) || dependent.has(ref)) {
        dependent.add(name);
        break;
      }
    }
  }
  return dependent;
}

/** Whether an AST reads any of `varied`, directly or through formula nodes. */
export function dependenceTester(
  graph: FormulaGraph,
  varied: ReadonlySet<string>,
): (node: FormulaNode) => boolean {
  const dependent = dependentNodes(graph, varied);
  const ofAst = (node: FormulaNode): boolean =>
    node.kind === "name"
      ? varied.has(node.name) || dependent.has(node.name)
      : childrenOf(node).some(ofAst);
  return ofAst;
}
