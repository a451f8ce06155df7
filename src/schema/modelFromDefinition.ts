import type { Model } from "../model/types.js";
import { shielded } from "./_lib/shield.js";
import type { ModelDefinition } from "./model.js";
import { defineFromDocument } from "./model.js";
import { parseModelDefinition } from "./parseModelDefinition.js";

/**
 * Builds a model from a model-definition document with `defineModel`. The document is checked
 * first (as `parseModelDefinition` checks it), so any error has the path into the document:
 * `["formulas", "revenue"]`, `["inputs", "conversion", "max"]`, `["version"]`.
 *
 * Round trip: `modelFromDefinition(JSON.parse(JSON.stringify(modelToDefinition(model))))` is a
 * model with the same nodes, formulas, metadata, input order and values.
 *
 * @param definition - The document (parsed JSON is fine: it is checked).
 * @returns The model.
 * @throws {TargetreeError} The errors of `parseModelDefinition`.
 *
 * @example
 * const { modelFromDefinition } = await import("targetree/schema");
 * const model = modelFromDefinition({ version: 1, formulas: { revenue: "customers * conversion * aov" }, inputs: { conversion: { max: 1 } } });
 * model.inputs //=> ["conversion", "customers", "aov"]
 * evaluate(model, { customers: 600, conversion: "25%", aov: 8000 }).revenue //=> new Decimal(1200000)
 */
export function modelFromDefinition(definition: ModelDefinition): Model {
  return shielded(() => defineFromDocument(parseModelDefinition(definition)));
}
