// The organisation cascade of a plan: the document's tree through `cascade` (weights, shares,
// even splits, holds, bounds, adjustments, per-level units), flattened in preorder with each
// node's address (its id, else its path), its target in whole units and what it holds.
import type { Decimal } from "../../_lib/decimal.js";
import type { ErrorPath } from "../../_lib/errors.js";
import { TargetreeError } from "../../_lib/errors.js";
import { own } from "../../_lib/records.js";
import type { CascadeLevel, CascadeNode } from "../../split/cascade.js";
import { cascade } from "../../split/cascade.js";
import type { TreeNode } from "../../split/index.js";
import type { PlanDocument, PlanDocumentNode, PlanLevel } from "../types.js";
import type { PlanUnit } from "./amounts.js";
import { toUnits, unitsText } from "./amounts.js";

/** One node of the plan's organisation, flattened. */
export interface OrgNode {
  /** Its address: the id, else the path. */
  readonly node: string;
  readonly id: string | null;
  readonly name: string;
  /** Names from the top node down, joined by `/`. */
  readonly path: string;
  readonly level: number;
  readonly levelName: string | null;
  /** Index of the parent in the list; -1 for the top node. */
  readonly parent: number;
  /** Indexes of the children in the list. */
  readonly children: number[];
  /** The node's target in whole units. */
  readonly units: bigint;
  readonly hold?: string;
  readonly min?: string;
  readonly max?: string;
  readonly customers?: Readonly<Record<string, number>>;
  /** Where the node is in the document (its parent's `children` for a remainder cascade added). */
  readonly docPath: ErrorPath;
}

/** Splits the target down the organisation and flattens it (the top node first, then preorder). */
export function cascadeOrganization(
  document: PlanDocument,
  target: Decimal,
  unit: PlanUnit,
): OrgNode[] {
  const levels = document.levels ?? [];
  const tree = cascade(target, toCascadeNode(document.organization), {
    unit: unit.value,
    levels: levels.map(toCascadeLevel),
  });
  const nodes: OrgNode[] = [];
  const visit = (
    result: TreeNode,
    source: PlanDocumentNode | undefined,
    parent: number,
    path: string,
    docPath: ErrorPath,
  ): void => {
    const index = nodes.length;
    const level = parent < 0 ? 0 : nodes[parent]!.level + 1;
    const id = source?.id ?? null;
    // Own reads of the cascade's result, into a null-prototype node: a field left out reads as
    // undefined later even when a name is planted on Object.prototype.
    const hold = own(result, "hold") as Decimal | undefined;
    const min = own(result, "min") as Decimal | undefined;
    const max = own(result, "max") as Decimal | undefined;
    const customers = source === undefined ? undefined : own(source, "customers");
    const node: OrgNode = Object.assign(Object.create(null) as object, {
      node: id ?? path,
      id,
      name: result.name,
      path,
      level,
      levelName: level === 0 ? null : (levels[level - 1]?.name ?? null),
      parent,
      children: [],
      units: toUnits(result.value, unit, docPath),
      ...(hold === undefined
        ? {}
        : { hold: unitsText(toUnits(hold, unit, [...docPath, "hold"]), unit) }),
      ...(min === undefined ? {} : { min: min.toFixed() }),
      ...(max === undefined ? {} : { max: max.toFixed() }),
      ...(customers === undefined
        ? {}
        : { customers: { ...(customers as NonNullable<OrgNode["customers"]>) } }),
      docPath,
    });
    nodes.push(node);
    if (parent >= 0) nodes[parent]!.children.push(index);
    const sources = source?.children ?? [];
    const places = new Map(sources.map((candidate, at) => [candidate.name, at]));
    result.children.forEach((child) => {
      const at = places.get(child.name) ?? -1;
      visit(
        child,
        at < 0 ? undefined : sources[at],
        index,
        `${path}/${child.name}`,
        at < 0 ? [...docPath, "children"] : [...docPath, "children", at],
      );
    });
  };
  visit(tree, document.organization, -1, tree.name, ["organization"]);
  checkUniqueAddresses(nodes);
  return nodes;
}

function toCascadeNode(node: PlanDocumentNode): CascadeNode {
  const { id: _id, customers: _customers, children, ...fields } = node;
  return children === undefined ? fields : { ...fields, children: children.map(toCascadeNode) };
}

function toCascadeLevel(level: PlanLevel): CascadeLevel {
  const { name: _name, ...rule } = level;
  return rule;
}

/** An id that equals another node's path would make an address ambiguous. */
function checkUniqueAddresses(nodes: readonly OrgNode[]): void {
  const seen = new Map<string, string>();
  for (const node of nodes) {
    const earlier = seen.get(node.node);
    if (earlier !== undefined) {
      throw new TargetreeError(
        "DUPLICATE_KEY",
        `Two nodes have the address ${JSON.stringify(node.node)} (${earlier} and ${node.path}); give one of them another id.`,
        { path: ["organization"] },
      );
    }
    seen.set(node.node, node.path);
  }
}
