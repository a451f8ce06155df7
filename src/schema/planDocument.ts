import * as z from "zod/mini";
import { readPlanDocumentFields } from "../plan/internal.js";
import type { PlanDocument } from "../plan/types.js";
import { customSchema, keyedRecord } from "./_lib/custom.js";
import { problemIssue } from "./_lib/issues.js";
import { PART_KEY_RULE } from "./_lib/names.js";
import { shielded } from "./_lib/shield.js";
import { alertRuleSchema } from "./measure.js";
import { modelDefinitionSchema } from "./model.js";
import { nonNegativeNumericSchema, numericSchema } from "./numbers.js";
import { calendarSchema, holidayArrangementSchema, isoDateSchema } from "./time.js";

// The shape of a version-1 plan document, for its JSON Schema. Validation itself runs the core
// reader (readPlanDocument), so `validate` and the core accept the same documents and report the
// same problems; test/schema/planDocument.test.ts checks that this shape agrees with it.

const grainSchema = /* @__PURE__ */ shielded(() =>
  z.enum(["year", "quarter", "month", "dekad", "week", "day"]),
);
const splitSchema = /* @__PURE__ */ shielded(() => z.enum(["weights", "shares", "even"]));
const text = /* @__PURE__ */ shielded(() => z.string().check(z.minLength(1)));
const unitSchema = /* @__PURE__ */ shielded(() => z.union([numericSchema, z.enum(["万", "亿"])]));

/* @__NO_SIDE_EFFECTS__ */
function parts(value: z.core.$ZodType, min = 1): z.ZodMiniType {
  const record = keyedRecord(value, PART_KEY_RULE, {
    what: "parts",
    ...(min > 0 ? { minEntries: { count: min, message: "Give at least one part." } } : {}),
  });
  return record as unknown as z.ZodMiniType;
}

const periodShape = /* @__PURE__ */ shielded(() =>
  z.strictObject({
    start: isoDateSchema,
    end: isoDateSchema,
    grains: z.array(grainSchema).check(z.minLength(1)),
    basis: z.exactOptional(z.enum(["working-days", "calendar-days", "seasonality"])),
    seasonality: z.exactOptional(
      z.strictObject({
        monthly: z.array(nonNegativeNumericSchema).check(z.minLength(12), z.maxLength(12)),
      }),
    ),
    calendar: z.exactOptional(
      z.union([
        z.strictObject({
          china: z.strictObject({
            missingYears: z.exactOptional(z.enum(["error", "provisional", "weekends-only"])),
            arrangements: z.exactOptional(z.array(holidayArrangementSchema)),
          }),
        }),
        calendarSchema,
      ]),
    ),
  }),
);

const nodeFields = /* @__PURE__ */ shielded(() => ({
  id: z.exactOptional(z.string().check(z.regex(/^[^/]+$/))),
  name: text,
  weight: z.exactOptional(nonNegativeNumericSchema),
  share: z.exactOptional(nonNegativeNumericSchema),
  hold: z.exactOptional(numericSchema),
  min: z.exactOptional(numericSchema),
  max: z.exactOptional(numericSchema),
  adjust: z.exactOptional(numericSchema),
  split: z.exactOptional(splitSchema),
  remainder: z.exactOptional(text),
  unit: z.exactOptional(unitSchema),
  customers: z.exactOptional(parts(z.int().check(z.minimum(0)), 0)),
}));

const nodeShape: z.ZodMiniType = /* @__PURE__ */ shielded(() =>
  z.strictObject({
    ...nodeFields,
    get children(): z.ZodMiniExactOptional<z.ZodMiniArray<z.ZodMiniType>> {
      return z.exactOptional(z.array(nodeShape));
    },
  }),
);

const dimensionShape = /* @__PURE__ */ shielded(() =>
  z.union([
    z.strictObject({ shares: parts(nonNegativeNumericSchema), remainder: z.exactOptional(text) }),
    z.strictObject({ weights: parts(nonNegativeNumericSchema) }),
    z.strictObject({ amounts: parts(numericSchema) }),
  ]),
);

const cadenceShape = /* @__PURE__ */ shielded(() =>
  z.union([
    text,
    z.strictObject({
      every: z.string().check(z.regex(/^(?:[1-9]\d{0,2} +)?(?:working day|day|week|month)s?$/)),
      visits: z.exactOptional(z.int().check(z.minimum(1))),
    }),
  ]),
);

/** The document's shape as zod, for its JSON Schema. */
const planDocumentShape: z.ZodMiniType = /* @__PURE__ */ shielded(() =>
  z.strictObject({
    $schema: z.exactOptional(z.string()),
    version: z.literal(1),
    name: z.exactOptional(text),
    target: numericSchema,
    unit: z.exactOptional(unitSchema),
    period: periodShape,
    levels: z.exactOptional(
      z.array(
        z.strictObject({
          name: z.exactOptional(text),
          split: z.exactOptional(splitSchema),
          unit: z.exactOptional(unitSchema),
          remainder: z.exactOptional(text),
        }),
      ),
    ),
    organization: nodeShape,
    drivers: z.exactOptional(
      z.strictObject({
        model: modelDefinitionSchema,
        output: text,
        inputs: parts(numericSchema, 0),
        vary: z.exactOptional(z.array(text).check(z.minLength(1))),
      }),
    ),
    dimensions: z.exactOptional(parts(dimensionShape, 0)),
    path: z.exactOptional(
      z.array(
        z.strictObject({
          period: z.string().check(z.regex(/^\d{4}(?:-Q[1-4]|-(?:0[1-9]|1[0-2]))?$/)),
          target: z.exactOptional(numericSchema),
          actual: z.exactOptional(numericSchema),
        }),
      ),
    ),
    metrics: z.exactOptional(
      z.array(
        z.strictObject({
          name: text,
          current: numericSchema,
          target: numericSchema,
          direction: z.exactOptional(z.enum(["higher", "lower"])),
          statedGapRate: z.exactOptional(numericSchema),
          basis: z.exactOptional(z.enum(["target", "current"])),
        }),
      ),
    ),
    activity: z.exactOptional(
      z.strictObject({
        funnel: z.exactOptional(
          z
            .array(z.strictObject({ stage: text, per: z.exactOptional(numericSchema) }))
            .check(z.minLength(2)),
        ),
        valuePerWin: z.exactOptional(numericSchema),
        cadence: z.exactOptional(parts(cadenceShape)),
      }),
    ),
    rules: z.exactOptional(z.array(alertRuleSchema)),
    health: z.exactOptional(
      z.strictObject({ misses: z.int().check(z.minimum(1)), below: nonNegativeNumericSchema }),
    ),
    tracking: z.exactOptional(
      z.strictObject({ tolerance: z.exactOptional(nonNegativeNumericSchema) }),
    ),
  }),
);

/**
 * The plan document of `lintPlan` (version 1 of PLAN.md): `{ version: 1, target, period,
 * organization, … }`. It is checked by the core's own reader (`readPlanDocument`), so `validate`
 * accepts exactly the documents the core reads and lists every problem in `details.issues`, each
 * with its path and code (`UNKNOWN_FIELD` with the closest known name, `INVALID_NUMBER`,
 * `FORMULA_SYNTAX`…); the first gives the error's code and path. Its JSON Schema
 * (`toJsonSchema("planDocument")`) describes the shape for editors and other languages.
 *
 * @throws {TargetreeError} (through `validate`) the code of the first problem, with every problem
 *   in `details.issues`.
 *
 * @example
 * const { validate } = await import("targetree/schema");
 * const doc = { version: 1, target: "1.2亿", period: { start: "2024-01-01", end: "2024-12-31", grains: ["month"] }, organization: { name: "日事清" } };
 * validate("planDocument", doc).target //=> "1.2亿"
 * (() => { try { validate("planDocument", { ...doc, traget: 1 }) } catch (e) { return [e.code, e.path, e.details.issues.length] } })() //=> ["UNKNOWN_FIELD", ["traget"], 1]
 */
export const planDocumentSchema: z.ZodMiniType<PlanDocument> = /* @__PURE__ */ shielded(() =>
  customSchema<PlanDocument>(
    (value, report) => {
      const result = readPlanDocumentFields(value);
      for (const problem of result.all) {
        report(
          problemIssue({ message: problem.message, path: problem.path, code: problem.code }, value),
        );
      }
      return (result.document ?? value) as PlanDocument;
    },
    (convert) => convert(planDocumentShape),
  ),
);
