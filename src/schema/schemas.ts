import type * as z from "zod/mini";
import { alertRulesSchema } from "./measure.js";
import { defineModelOptionsSchema, formulasSchema, modelDefinitionSchema } from "./model.js";
import { numericSchema } from "./numbers.js";
import { bonusTiersSchema, visitCadencesSchema } from "./plan.js";
import { planDocumentSchema } from "./planDocument.js";
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
 * | `planDocument` | `{ version: 1, target, period, organization, … }` | `lintPlan`, `readPlanDocument` |
 * | `numeric` | a number or numeric string | everywhere |
 * | `isoDate` | `"YYYY-MM-DD"` | every time function |
 *
 * @example
 * const { schemas } = await import("targetree/schema");
 * Object.keys(schemas).includes("modelDefinition") //=> true
 */
export const schemas = /* @__PURE__ */ Object.freeze({
  /** A versioned model document (`{ version: 1, formulas, … }`), for `modelFromDefinition`. */
  modelDefinition: modelDefinitionSchema,
  /** Node name → formula text, the first argument of `defineModel`. */
  formulas: formulasSchema,
  /** `{ inputs?, nodes? }` metadata, the options of `defineModel`. */
  defineModelOptions: defineModelOptionsSchema,
  /** An array or record of numbers ≥ 0, for `allocate`. */
  weights: weightsSchema,
  /** A record of shares adding up to at most 100%, for `splitByShares`. */
  shares: sharesSchema,
  /** A hierarchy with weights, shares and holds, for `cascade`. */
  cascadeTree: cascadeTreeSchema,
  /** A hierarchy with values (a `cascade` result fits), for `breakback`. */
  valueTree: valueTreeSchema,
  /** A working-day calendar, for every time function. */
  calendar: calendarSchema,
  /** One year's holiday notice, for `chinaCalendar` and `parseHolidayArrangement`. */
  holidayArrangement: holidayArrangementSchema,
  /** `[{ id, when, recommend, severity? }]`, for `compileRules` and `evaluateRules`. */
  alertRules: alertRulesSchema,
  /** `[{ from, rate?, fixed? }]`, for `tieredBonus`. */
  bonusTiers: bonusTiersSchema,
  /** Customer class → visit cadence, for `visitPlan`. */
  visitCadences: visitCadencesSchema,
  /** A plan document (version 1), for `lintPlan` and `readPlanDocument`. */
  planDocument: planDocumentSchema,
  /** A number or a numeric string (`"1.2亿"`, `"25%"`). */
  numeric: numericSchema,
  /** A calendar date, `"YYYY-MM-DD"`. */
  isoDate: isoDateSchema,
});

/** The name of a document schema in {@link schemas}. */
export type SchemaName = keyof typeof schemas;

/** What `validate(name, value)` returns for a schema name. */
export type SchemaOutput<N extends SchemaName> = z.output<(typeof schemas)[N]>;
