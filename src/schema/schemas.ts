import type * as z from "zod/mini";
import { alertRulesSchema } from "./measure.js";
import { defineModelOptionsSchema, formulasSchema, modelDefinitionSchema } from "./model.js";
import { numericSchema } from "./numbers.js";
import { bonusTiersSchema, visitCadencesSchema } from "./plan.js";
import { cascadeTreeSchema, sharesSchema, valueTreeSchema, weightsSchema } from "./split.js";
import { calendarSchema, holidayArrangementSchema, isoDateSchema } from "./time.js";

/**
 * Every JSON document the library takes, by name: the schema `validate(name, value)` uses and
 * `toJsonSchema(name)` describes.
 *
 * | name | what | taken by |
 * |---|---|---|
 * | `modelDefinition` | `{ version: 1, formulas, inputs?, nodes? }` | `modelFromDefinition` |
 * | `formulas` | node name → formula | `defineModel` |
 * | `defineModelOptions` | `{ inputs?, nodes? }` | `defineModel` |
 * | `weights` | array or record of numbers ≥ 0 | `allocate` |
 * | `shares` | record of shares, at most 100% | `splitByShares` |
 * | `cascadeTree` | hierarchy with weights, shares, holds | `cascade` |
 * | `valueTree` | hierarchy with values | `breakback` |
 * | `calendar` | working-day calendar | every time function |
 * | `holidayArrangement` | one year's holiday notice | `chinaCalendar`, `parseHolidayArrangement` |
 * | `alertRules` | `[{ id, when, recommend, severity? }]` | `compileRules`, `evaluateRules` |
 * | `bonusTiers` | `[{ from, rate?, fixed? }]` | `tieredBonus` |
 * | `visitCadences` | class → cadence | `visitPlan` |
 * | `numeric` | a number or numeric string | everywhere |
 * | `isoDate` | `"YYYY-MM-DD"` | every time function |
 *
 * @example
 * const { schemas } = await import("targetree/schema");
 * Object.keys(schemas).includes("modelDefinition") //=> true
 */
export const schemas = /* @__PURE__ */ Object.freeze({
  modelDefinition: modelDefinitionSchema,
  formulas: formulasSchema,
  defineModelOptions: defineModelOptionsSchema,
  weights: weightsSchema,
  shares: sharesSchema,
  cascadeTree: cascadeTreeSchema,
  valueTree: valueTreeSchema,
  calendar: calendarSchema,
  holidayArrangement: holidayArrangementSchema,
  alertRules: alertRulesSchema,
  bonusTiers: bonusTiersSchema,
  visitCadences: visitCadencesSchema,
  numeric: numericSchema,
  isoDate: isoDateSchema,
});

/** The name of a document schema in {@link schemas}. */
export type SchemaName = keyof typeof schemas;

/** What `validate(name, value)` returns for a schema name. */
export type SchemaOutput<N extends SchemaName> = z.output<(typeof schemas)[N]>;
