import * as z from "zod/mini";
import type { ErrorPath } from "../_lib/errors.js";
import { describeValue } from "../_lib/errors.js";
import { MAX_FORMULA_LENGTH } from "../_lib/limits.js";
import { own } from "../_lib/records.js";
import { defineModel } from "../model/defineModel.js";
import { checkModel } from "../model/internal.js";
import type { Model } from "../model/types.js";
import { toDecimal } from "../numbers/toDecimal.js";
import {
  addCheck,
  customSchema,
  isPlainRecord,
  keyedRecord,
  PARSE_OPTIONS,
  parseNested,
  reportProblem,
} from "./_lib/custom.js";
import type { IssuePath, Report } from "./_lib/issues.js";
import { bareMessage, runCore } from "./_lib/issues.js";
import { MODEL_NAME_RULE } from "./_lib/names.js";
import { shielded } from "./_lib/shield.js";
import type { JsonNumeric } from "./numbers.js";
import { numericSchema } from "./numbers.js";

/** What a model-definition document says about one input (the JSON form of `InputSpec`). */
export interface InputDefinition {
  /** A name people read, e.g. `"新客户数"`. */
  readonly label?: string;
  /** Shown after values: `"元"`, `"人"`, `"%"`. */
  readonly unitLabel?: string;
  /** Smallest allowed value (inclusive). */
  readonly min?: JsonNumeric;
  /** Largest allowed value (inclusive). */
  readonly max?: JsonNumeric;
  /** True for whole-number counts. */
  readonly wholeNumber?: boolean;
}

/** What a model-definition document says about one formula node (the JSON form of `NodeSpec`). */
export interface NodeDefinition {
  /** A name people read, e.g. `"营业收入"`. */
  readonly label?: string;
  /** Shown after values: `"元"`; `"%"` shows the value as a percentage. */
  readonly unitLabel?: string;
}

/** The options of `defineModel` as JSON: `inputs` and `nodes` metadata. */
export interface ModelOptionsDefinition {
  /** Metadata per input; its key order is the inputs' declaration order. */
  readonly inputs?: Readonly<Record<string, InputDefinition>>;
  /** Labels and unit labels per formula node. */
  readonly nodes?: Readonly<Record<string, NodeDefinition>>;
}

/**
 * A driver tree as a versioned JSON document: what `defineModel(formulas, { inputs, nodes })`
 * takes, plus `version: 1`. `modelToDefinition` writes one; `modelFromDefinition` reads one.
 */
export interface ModelDefinition extends ModelOptionsDefinition {
  /** The URL of the document's JSON Schema, for editors; ignored by the library. */
  readonly $schema?: string;
  /** The format version; this library reads and writes version 1. */
  readonly version: 1;
  /** Node name → formula. */
  readonly formulas: Readonly<Record<string, string>>;
}

/* @__NO_SIDE_EFFECTS__ */
function text(): z.ZodMiniExactOptional<z.ZodMiniString<string>> {
  return z.exactOptional(z.string());
}

/** A formula's text: a string within the length limit (the syntax is checked with the model). */
const formulaTextSchema = /* @__PURE__ */ shielded(() =>
  customSchema<string>(
    (value, report) => {
      if (typeof value !== "string") {
        reportProblem(
          report,
          { message: `A formula must be a string, got ${describeValue(value)}.` },
          value,
        );
      } else if (value.length > MAX_FORMULA_LENGTH) {
        reportProblem(
          report,
          {
            message: `The formula has ${value.length} characters; the limit is ${MAX_FORMULA_LENGTH}.`,
            code: "FORMULA_TOO_LONG",
          },
          value,
        );
      }
      return value as string;
    },
    () => ({ type: "string", maxLength: MAX_FORMULA_LENGTH }),
  ),
);

/**
 * Metadata of one input: `{ label?, unitLabel?, min?, max?, wholeNumber? }`, no other field,
 * `min ≤ max`.
 *
 * @throws {TargetreeError} (through `validate`) `INVALID_ARGUMENT` for an unknown field, a wrong
 *   type or `min > max`; `INVALID_NUMBER` for a bound that is not a number.
 *
 * @example
 * const { validate, inputSpecSchema } = await import("targetree/schema");
 * validate(inputSpecSchema, { label: "转化率", min: 0, max: "100%" }) //=> { label: "转化率", min: 0, max: "100%" }
 * (() => { try { validate(inputSpecSchema, { min: 1, max: 0 }) } catch (e) { return e.message } })() //=> "INVALID_ARGUMENT: min is greater than max."
 */
export const inputSpecSchema: z.ZodMiniType<InputDefinition> = /* @__PURE__ */ shielded(() =>
  addCheck(
    z.strictObject({
      label: text(),
      unitLabel: text(),
      min: z.exactOptional(numericSchema),
      max: z.exactOptional(numericSchema),
      wholeNumber: z.exactOptional(z.boolean()),
    }),
    (spec, report) => {
      const { min, max } = spec;
      if (min !== undefined && max !== undefined && toDecimal(min).gt(toDecimal(max))) {
        reportProblem(report, { message: "min is greater than max." }, spec);
      }
    },
  ),
);

/**
 * Metadata of one formula node: `{ label?, unitLabel? }`, no other field.
 *
 * @throws {TargetreeError} (through `validate`) `INVALID_ARGUMENT` for an unknown field or a
 *   wrong type.
 *
 * @example
 * const { validate, nodeSpecSchema } = await import("targetree/schema");
 * validate(nodeSpecSchema, { label: "营业收入", unitLabel: "元" }) //=> { label: "营业收入", unitLabel: "元" }
 */
export const nodeSpecSchema: z.ZodMiniType<NodeDefinition> = /* @__PURE__ */ shielded(() =>
  z.strictObject({
    label: text(),
    unitLabel: text(),
  }),
);

/**
 * The `formulas` of `defineModel`: node name → formula text, at least one. Names are checked
 * as `defineModel` checks them (identifiers in any script, NFC, no keyword, no invisible
 * character, no two equal after NFC); `__proto__` and `constructor` are ordinary names.
 *
 * @throws {TargetreeError} (through `validate`) `INVALID_ARGUMENT` for a bad name or an empty
 *   record; `INVALID_CHARACTER`; `DUPLICATE_NAME`; `FORMULA_TOO_LONG`.
 *
 * @example
 * const { validate, formulasSchema } = await import("targetree/schema");
 * validate(formulasSchema, { revenue: "customers * aov" }) //=> { revenue: "customers * aov" }
 * (() => { try { validate(formulasSchema, { "new customers": "a" }) } catch (e) { return e.path } })() //=> ["new customers"]
 */
export const formulasSchema: z.ZodMiniType<Readonly<Record<string, string>>> =
  /* @__PURE__ */ shielded(() =>
    keyedRecord(formulaTextSchema, MODEL_NAME_RULE, {
      what: "formula text by node name",
      minEntries: { count: 1, message: "A model needs at least one formula." },
    }),
  );

/**
 * The `options` of `defineModel` as JSON: `{ inputs?, nodes? }`, each keyed by model names.
 *
 * @throws {TargetreeError} (through `validate`) the codes of {@link inputSpecSchema},
 *   {@link nodeSpecSchema} and of the names in {@link formulasSchema}.
 *
 * @example
 * const { validate, defineModelOptionsSchema } = await import("targetree/schema");
 * validate(defineModelOptionsSchema, { inputs: { conversion: { max: 1 } } }).inputs //=> { conversion: { max: 1 } }
 */
export const defineModelOptionsSchema: z.ZodMiniType<ModelOptionsDefinition> =
  /* @__PURE__ */ shielded(() =>
    z.strictObject({
      inputs: z.exactOptional(
        keyedRecord(inputSpecSchema, MODEL_NAME_RULE, { what: "input metadata by input name" }),
      ),
      nodes: z.exactOptional(
        keyedRecord(nodeSpecSchema, MODEL_NAME_RULE, { what: "node metadata by node name" }),
      ),
    }),
  );

/** @internal Where a `defineModel` error about `options` sits in a document. */
export function documentPath(path: ErrorPath): IssuePath {
  return path[0] === "options" ? path.slice(1) : path;
}

/** @internal `defineModel`'s words for `options.inputs` / `options.nodes`, as a document says them. */
export function documentMessage(message: string): string {
  return message.replace(/\boptions\.(inputs|nodes)\b/g, "$1");
}

/** @internal Builds the model of a structurally valid document. */
export function defineFromDocument(document: ModelDefinition): Model {
  return defineModel(document.formulas, definitionOptions(document));
}

/** The `defineModel` options a document states. */
function definitionOptions(document: ModelOptionsDefinition): ModelOptionsDefinition {
  return {
    ...(document.inputs === undefined ? {} : { inputs: document.inputs }),
    ...(document.nodes === undefined ? {} : { nodes: document.nodes }),
  };
}

const versionSchema = /* @__PURE__ */ shielded(() =>
  z.literal(1, {
    error: (issue) =>
      issue.input === undefined
        ? 'A model definition needs "version": 1.'
        : `Unknown model definition version: got ${describeValue(issue.input)}; this version of targetree reads version 1.`,
  }),
);

/** The document's shape: fields, types and names, before the model itself is checked. */
const documentShapeSchema = /* @__PURE__ */ shielded(() =>
  z.strictObject({
    $schema: z.exactOptional(z.string()),
    version: versionSchema,
    formulas: formulasSchema,
    inputs: z.exactOptional(
      keyedRecord(inputSpecSchema, MODEL_NAME_RULE, { what: "input metadata by input name" }),
    ),
    nodes: z.exactOptional(
      keyedRecord(nodeSpecSchema, MODEL_NAME_RULE, { what: "node metadata by node name" }),
    ),
  }),
);

/**
 * The entries of a metadata record whose name and spec passed the shape check (a bad spec is kept
 * as `{}`, so its name still counts as described), for checking the model beside the shape.
 */
function usableMetadata(
  value: unknown,
  spec: z.core.$ZodType,
): Readonly<Record<string, object>> | undefined {
  if (!isPlainRecord(value)) return undefined;
  const usable: Record<string, object> = Object.create(null);
  const seen = new Set<string>();
  for (const key of Object.keys(value)) {
    const name = key.normalize("NFC");
    if (MODEL_NAME_RULE.check(key) !== null || seen.has(name)) continue;
    seen.add(name);
    const parsed = z.safeParse(spec, value[key], PARSE_OPTIONS);
    usable[key] = parsed.success ? (parsed.data as object) : {};
  }
  return usable;
}

/**
 * Checks the model a document describes and reports every problem `defineModel` finds, with the
 * path into the document: run beside the shape check, so a document with a misspelt field and a
 * cycle hears about both.
 */
function reportModelProblems(value: unknown, report: Report): void {
  if (!isPlainRecord(value) || !Object.hasOwn(value, "formulas")) return;
  const formulas = z.safeParse(formulasSchema, value.formulas, PARSE_OPTIONS);
  if (!formulas.success) return;
  const inputs = usableMetadata(own(value, "inputs"), inputSpecSchema);
  const nodes = usableMetadata(own(value, "nodes"), nodeSpecSchema);
  const check = runCore(
    () =>
      checkModel(formulas.data, {
        ...(inputs === undefined ? {} : { inputs }),
        ...(nodes === undefined ? {} : { nodes }),
      }),
    value,
    report,
    documentPath,
    documentMessage,
  );
  for (const problem of check?.problems ?? []) {
    reportProblem(
      report,
      {
        message: documentMessage(bareMessage(problem)),
        path: documentPath(problem.path),
        code: problem.code,
        details: problem.details,
      },
      value,
    );
  }
}

/**
 * A model-definition document, version 1:
 * `{ "version": 1, "formulas": {…}, "inputs"?: {…}, "nodes"?: {…}, "$schema"?: "…" }`.
 * Beyond the shape, the model is checked as `defineModel` checks it, so a document passes exactly
 * when `modelFromDefinition` accepts it: formula syntax, unknown functions, cycles,
 * self-references, metadata for names the formulas never use, and a formula name one edit away
 * from a described input (`LIKELY_TYPO`: `converson` beside a described `conversion`) are all
 * reported, with the path into the document (`["formulas", "revenue"]`,
 * `["inputs", "conversion", "max"]`) and the core's code. Every problem is listed in
 * `details.issues`, not only the first: the shape's and the model's alike.
 *
 * @throws {TargetreeError} (through `validate`) `INVALID_ARGUMENT` for the shape (path
 *   `["version"]` for an unknown version), and every code of `defineModel`.
 *
 * @example
 * const { validate, modelDefinitionSchema } = await import("targetree/schema");
 * validate(modelDefinitionSchema, { version: 1, formulas: { revenue: "customers * aov" } }).formulas //=> { revenue: "customers * aov" }
 * (() => { try { validate(modelDefinitionSchema, { version: 1, formulas: { revenue: "customers *" } }) } catch (e) { return [e.code, e.path] } })() //=> ["FORMULA_SYNTAX", ["formulas", "revenue"]]
 * const typo = { version: 1, formulas: { revenue: "customers * conversion * aov", lost: "customers * (1 - converson)" }, inputs: { conversion: { max: 1 } } };
 * (() => { try { validate(modelDefinitionSchema, typo) } catch (e) { return [e.code, e.path] } })() //=> ["LIKELY_TYPO", ["formulas", "lost"]]
 */
export const modelDefinitionSchema: z.ZodMiniType<ModelDefinition> = /* @__PURE__ */ shielded(() =>
  customSchema<ModelDefinition>(
    (value, report) => {
      const shape = parseNested(documentShapeSchema, value, [], report);
      reportModelProblems(value, report);
      return (shape.ok ? shape.value : value) as ModelDefinition;
    },
    (convert) => convert(documentShapeSchema),
  ),
);
