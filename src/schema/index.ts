/**
 * targetree/schema: zod schemas for every JSON document the library takes, `validate` with the
 * library's error model, JSON Schema export, and the versioned model-definition format.
 *
 * @packageDocumentation
 */
export type { Convert, JsonSchema } from "./_lib/custom.js";
export type { IssueSummary } from "./_lib/issues.js";
export { alertRuleSchema, alertRulesSchema } from "./measure.js";
export type {
  InputDefinition,
  ModelDefinition,
  ModelOptionsDefinition,
  NodeDefinition,
} from "./model.js";
export {
  defineModelOptionsSchema,
  formulasSchema,
  inputSpecSchema,
  modelDefinitionSchema,
  nodeSpecSchema,
} from "./model.js";
export { modelFromDefinition } from "./modelFromDefinition.js";
export { modelToDefinition } from "./modelToDefinition.js";
export type { JsonNumeric } from "./numbers.js";
export { nonNegativeNumericSchema, numericSchema } from "./numbers.js";
export { parseModelDefinition } from "./parseModelDefinition.js";
export { bonusTiersSchema, visitCadencesSchema } from "./plan.js";
export { planDocumentSchema } from "./planDocument.js";
export type { SchemaName, SchemaOutput } from "./schemas.js";
export { schemas } from "./schemas.js";
export type { ValueTreeNode } from "./split.js";
export { cascadeTreeSchema, sharesSchema, valueTreeSchema, weightsSchema } from "./split.js";
export { calendarSchema, holidayArrangementSchema, isoDateSchema } from "./time.js";
export { toJsonSchema } from "./toJsonSchema.js";
export { validate } from "./validate.js";
