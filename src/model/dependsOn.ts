import { describeValue, TargetreeError } from "../_lib/errors.js";
import { quote } from "../formula/internal.js";
import { internalsOf } from "./_lib/internals.js";
import type { Model, NodeName } from "./types.js";

/**
 * Whether one node reads another, directly or through other formulas.
 *
 * @param model - A model from {@link defineModel}.
 * @param node - The node whose formula is followed down.
 * @param other - The node looked for.
 * @returns True when `node`'s value depends on `other` (a node never depends on itself).
 * @throws {TargetreeError} `INVALID_ARGUMENT` when `model` is not a model from
 *   {@link defineModel}; `UNKNOWN_NODE` when either name is not in the model.
 *
 * @example
 * dependsOn(revenueModel(), "revenue", "conversion") //=> true
 * dependsOn(revenueModel(), "newRevenue", "repurchase") //=> false
 */
export function dependsOn<M extends Model>(
  model: M,
  node: NodeName<M>,
  other: NodeName<M>,
): boolean {
  internalsOf(model);
  const nodes: Model["nodes"] = model.nodes;
  const check = (name: string, role: string): string => {
    // Stryker disable next-line StringLiteral: any fallback that is no identifier is absent alike
    const normalised = typeof name === "string" ? name.normalize("NFC") : "";
    if (!Object.hasOwn(nodes, normalised)) {
      throw new TargetreeError(
        "UNKNOWN_NODE",
        `${typeof name === "string" ? quote(name) : describeValue(name)} is not a node of the model.`,
        {
          path: [role],
        },
      );
    }
    return normalised;
  };
  const start = check(node, "node");
  const target = check(other, "other");
  const seen = new Set<string>();
  const stack = [...nodes[start]!.dependencies];
  while (stack.length > 0) {
    const name = stack.pop()!;
    if (name === target) return true;
    if (seen.has(name)) continue;
    seen.add(name);
    stack.push(...nodes[name]!.dependencies);
  }
  return false;
}
