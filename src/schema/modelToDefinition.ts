import type { Decimal } from "../_lib/decimal.js";
import { describeValue, TargetreeError } from "../_lib/errors.js";
import { internalsOf } from "../model/internal.js";
import type { Model, ModelNode } from "../model/types.js";
import { shielded } from "./_lib/shield.js";
import type { InputDefinition, ModelDefinition, NodeDefinition } from "./model.js";
import type { JsonNumeric } from "./numbers.js";

/** A bound as JSON: a number when the number says exactly the same, else the exact string. */
function jsonNumber(value: Decimal): JsonNumeric {
  const text = value.toString();
  const number = Number(text);
  return Number.isFinite(number) && String(number) === text ? number : text;
}

function inputDefinition(node: ModelNode): InputDefinition {
  return {
    ...(node.label === null ? {} : { label: node.label }),
    ...(node.unitLabel === null ? {} : { unitLabel: node.unitLabel }),
    ...(node.min === null ? {} : { min: jsonNumber(node.min) }),
    ...(node.max === null ? {} : { max: jsonNumber(node.max) }),
    ...(node.wholeNumber ? { wholeNumber: true } : {}),
  };
}

/** A model made by defineModel: its own brand (so not `Object.create(model)`), and its fields. */
function isModel(value: unknown): value is Model {
  if (typeof value !== "object" || value === null) return false;
  try {
    internalsOf(value);
  } catch {
    return false;
  }
  const { nodes, inputs, outputs } = value as Partial<Model>;
  return (
    typeof nodes === "object" &&
    nodes !== null &&
    Array.isArray(inputs) &&
    Array.isArray(outputs) &&
    [...inputs, ...outputs].every((name) => typeof name === "string" && Object.hasOwn(nodes, name))
  );
}

/**
 * Writes a model as a version-1 model-definition document, plain JSON that
 * `modelFromDefinition` reads back into the same model: `formulas` in the model's order (each
 * after the nodes it reads), `inputs` listing every input in declaration order (so the order
 * survives) with its label, unit label, bounds and `wholeNumber` flag, and `nodes` with the
 * labels and unit labels of formula nodes (left out when there are none). A bound is a JSON number when that
 * number is exactly the bound, else its exact decimal string (`"0.1234567890123456789"`).
 * Records are null-prototype, so a node named `__proto__` is an ordinary key.
 *
 * This function does not use zod.
 *
 * @param model - A model from `defineModel` (or `revenueModel`).
 * @returns The document; `JSON.stringify` it to store it.
 * @throws {TargetreeError} `INVALID_ARGUMENT` when `model` is not a model.
 *
 * @example
 * const { modelToDefinition } = await import("targetree/schema");
 * const model = defineModel({ revenue: "customers * aov" }, { inputs: { customers: { wholeNumber: true, min: 0 } } });
 * JSON.stringify(modelToDefinition(model))
 * //=> '{"version":1,"formulas":{"revenue":"customers * aov"},"inputs":{"customers":{"min":0,"wholeNumber":true},"aov":{}}}'
 */
export function modelToDefinition(model: Model): ModelDefinition {
  return shielded(() => {
    if (!isModel(model)) {
      throw new TargetreeError(
        "INVALID_ARGUMENT",
        `Expected a model from defineModel, got ${describeValue(model)}.`,
        { path: ["model"] },
      );
    }
    const formulas: Record<string, string> = Object.create(null);
    const inputs: Record<string, InputDefinition> = Object.create(null);
    const nodes: Record<string, NodeDefinition> = Object.create(null);
    let described = false;
    for (const name of model.outputs) {
      const node = model.nodes[name]!;
      formulas[name] = node.formula!;
      if (node.label !== null || node.unitLabel !== null) {
        described = true;
        nodes[name] = {
          ...(node.label === null ? {} : { label: node.label }),
          ...(node.unitLabel === null ? {} : { unitLabel: node.unitLabel }),
        };
      }
    }
    for (const name of model.inputs) inputs[name] = inputDefinition(model.nodes[name]!);
    return { version: 1, formulas, inputs, ...(described ? { nodes } : {}) };
  });
}
