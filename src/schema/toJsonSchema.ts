import * as z from "zod/mini";
import { TargetreeError } from "../_lib/errors.js";
import type { Convert, JsonSchema } from "./_lib/custom.js";
import { JSON_SCHEMA } from "./_lib/custom.js";
import { resolveSchema } from "./_lib/resolve.js";
import { shielded } from "./_lib/shield.js";
import type { SchemaName } from "./schemas.js";

const DRAFT = "https://json-schema.org/draft/2020-12/schema";

/** A plain-JSON copy (no prototype tricks, nothing zod attached), without a nested `$schema`. */
function plain(json: unknown, keepSchemaKeyword: boolean): JsonSchema {
  const copy = JSON.parse(JSON.stringify(json)) as Record<string, unknown>;
  if (!keepSchemaKeyword) delete copy.$schema;
  return copy;
}

/** zod names shared definitions `__schema0`…; a tree's node reads better as `node`. */
function nameDefinitions(json: JsonSchema): JsonSchema {
  const defs = json.$defs as Record<string, unknown> | undefined;
  if (defs === undefined) return json;
  const generated = Object.keys(defs).filter((key) => /^__schema\d+$/.test(key));
  if (generated.length === 0) return json;
  const names = new Map(
    generated.map((key, i) => [key, generated.length === 1 ? "node" : `node${i + 1}`]),
  );
  const text = JSON.stringify(json).replace(/"#\/\$defs\/(__schema\d+)"/g, (whole, key: string) =>
    names.has(key) ? `"#/$defs/${names.get(key)}"` : whole,
  );
  const renamed = JSON.parse(text) as Record<string, unknown>;
  const renamedDefs: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(renamed.$defs as Record<string, unknown>)) {
    renamedDefs[names.get(key) ?? key] = value;
  }
  return { ...renamed, $defs: renamedDefs };
}

/**
 * The JSON Schema (draft 2020-12) of one of the library's schemas (by name, see `schemas`) or of
 * a zod schema built with them, as a fresh plain-JSON object: write it to a file and validate the
 * same documents from any language. The JSON Schema checks the shape (fields, types, required
 * fields, number and date formats, name patterns); the rules that need computation (a formula's
 * syntax, a model's cycles, dates inside the arrangement's year, share sums) are checked by
 * `validate` only. Use this function rather than `z.toJSONSchema`, which cannot describe the
 * library's records.
 *
 * @param schema - A schema name such as `"modelDefinition"`, or a zod schema.
 * @returns The JSON Schema, with `$schema` and (for a name) `title`.
 * @throws {TargetreeError} `INVALID_ARGUMENT` for an unknown schema name, or a zod schema that holds a
 *   type JSON cannot describe (a date, a bigint, a function).
 *
 * @example
 * const { toJsonSchema } = await import("targetree/schema");
 * const json = toJsonSchema("modelDefinition");
 * json.$schema //=> "https://json-schema.org/draft/2020-12/schema"
 * json.required //=> ["version", "formulas"]
 * json.properties.version //=> { type: "number", const: 1 }
 */
export function toJsonSchema(schema: SchemaName | z.core.$ZodType): JsonSchema {
  return shielded(() => {
    const resolved = resolveSchema(schema);
    const settings = {
      target: "draft-2020-12",
      io: "output",
      unrepresentable: (context: { readonly zodSchema: unknown }) => {
        const describe = (
          context.zodSchema as { [JSON_SCHEMA]?: (convert: Convert) => JsonSchema }
        )[JSON_SCHEMA];
        return typeof describe === "function" ? { ...describe(convert) } : "throw";
      },
    } as const;
    // zod throws a plain Error for a type JSON cannot hold (a Date, a bigint, a function…).
    const describe = (inner: z.core.$ZodType): unknown => {
      try {
        return z.toJSONSchema(inner, settings);
      } catch (error) {
        if (error instanceof TargetreeError) throw error;
        throw new TargetreeError(
          "INVALID_ARGUMENT",
          `This schema cannot be written as JSON Schema: ${error instanceof Error ? error.message : String(error)}.`,
          { path: [], cause: error },
        );
      }
    };
    const convert: Convert = (inner) => plain(describe(inner), false);
    const json = nameDefinitions(plain(describe(resolved), true));
    return typeof schema === "string" ? { $schema: DRAFT, title: schema, ...json } : json;
  });
}
