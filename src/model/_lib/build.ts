// Assembling a checked definition into the frozen model and its compiled internals.
import type { Decimal } from "../../_lib/decimal.js";
import type { FormulaNode } from "../../formula/ast.js";
import type { FormulaSource } from "../../formula/internal.js";
import type { Model, ModelNode } from "../types.js";
import { compileNumber } from "./compile.js";
import { formulaCosts } from "./cost.js";
import { makeRule } from "./inputs.js";
import { brandModel, type InputRule, type ModelInternals } from "./internals.js";

/** What `options.inputs` / `options.nodes` said about one node, checked. */
export interface Metadata {
  readonly label: string | null;
  readonly unitLabel: string | null;
  readonly min: Decimal | null;
  readonly max: Decimal | null;
  readonly wholeNumber: boolean;
}

export interface Parts {
  readonly trees: ReadonlyMap<string, FormulaNode>;
  readonly texts: ReadonlyMap<string, string>;
  readonly sources: ReadonlyMap<string, FormulaSource>;
  readonly dependencies: ReadonlyMap<string, readonly string[]>;
  readonly metadata: ReadonlyMap<string, Metadata>;
}

/** Assembles the frozen model and its compiled internals. */
export function buildModel(
  inputs: readonly string[],
  sorted: readonly string[],
  parts: Parts,
): Model {
  const order = [...inputs, ...sorted];
  const slotOf = new Map(order.map((name, slot) => [name, slot]));
  const dependents = new Map<string, string[]>(order.map((name) => [name, []]));
  for (const name of sorted) {
    for (const dependency of parts.dependencies.get(name)!) dependents.get(dependency)!.push(name);
  }
  const nodes: Record<string, ModelNode> = Object.create(null);
  for (const name of order) {
    const isInput = !parts.trees.has(name);
    const meta = parts.metadata.get(name);
    nodes[name] = Object.freeze({
      name,
      kind: isInput ? "input" : "formula",
      formula: parts.texts.get(name) ?? null,
      ast: parts.trees.get(name) ?? null,
      dependencies: isInput ? Object.freeze([]) : parts.dependencies.get(name)!,
      dependents: Object.freeze(dependents.get(name)!),
      label: meta?.label ?? null,
      unitLabel: meta?.unitLabel ?? null,
      min: meta?.min ?? null,
      max: meta?.max ?? null,
      wholeNumber: meta?.wholeNumber ?? false,
    } satisfies ModelNode);
  }
  const rules: InputRule[] = inputs.map((name) => {
    const meta = parts.metadata.get(name)!;
    return Object.freeze(makeRule(name, meta.min, meta.max, meta.wholeNumber));
  });
  const internals: ModelInternals = Object.freeze({
    names: Object.freeze(order),
    slotOf,
    inputCount: inputs.length,
    rules: Object.freeze(rules),
    steps: Object.freeze(
      sorted.map((name) => compileNumber(parts.trees.get(name)!, slotOf, parts.sources.get(name)!)),
    ),
    sources: Object.freeze(sorted.map((name) => parts.sources.get(name)!)),
    costs: formulaCosts(sorted.map((name) => parts.trees.get(name)!)),
    reads: Object.freeze(
      sorted.map((name) =>
        Object.freeze(parts.dependencies.get(name)!.map((dependency) => slotOf.get(dependency)!)),
      ),
    ),
  });
  const dependedOn = new Set(sorted.flatMap((name) => parts.dependencies.get(name)!));
  const model = {
    nodes: Object.freeze(nodes),
    order: Object.freeze(order),
    inputs: Object.freeze([...inputs]),
    outputs: Object.freeze([...sorted]),
    roots: Object.freeze(sorted.filter((name) => !dependedOn.has(name))),
  };
  brandModel(model, internals);
  return Object.freeze(model);
}
