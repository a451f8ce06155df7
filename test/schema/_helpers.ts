// Helpers for the schema tests: a small JSON Schema checker for the keywords targetree's JSON
// Schemas use (no validator dependency).

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Schema = { readonly [keyword: string]: unknown };

const typeOf = (value: unknown): string => {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  return typeof value;
};

const matchesType = (value: unknown, type: string): boolean => {
  const actual = typeOf(value);
  return actual === type || (type === "number" && actual === "integer");
};

const KNOWN = new Set([
  "$schema",
  "$defs",
  "$ref",
  "title",
  "type",
  "properties",
  "required",
  "additionalProperties",
  "propertyNames",
  "minProperties",
  "items",
  "minItems",
  "maxItems",
  "uniqueItems",
  "anyOf",
  "not",
  "enum",
  "const",
  "pattern",
  "format",
  "minLength",
  "maxLength",
  "minimum",
  "maximum",
  "exclusiveMinimum",
]);

/** The keywords of a JSON Schema tree that this checker does not know (should be none). */
export function unknownKeywords(schema: unknown, found = new Set<string>()): Set<string> {
  if (typeof schema !== "object" || schema === null) return found;
  if (Array.isArray(schema)) {
    for (const item of schema) unknownKeywords(item, found);
    return found;
  }
  for (const [key, value] of Object.entries(schema)) {
    if (!KNOWN.has(key)) found.add(key);
    if (key === "properties" || key === "$defs") {
      for (const inner of Object.values(value as object)) unknownKeywords(inner, found);
    } else if (typeof value === "object" && key !== "enum" && key !== "const" && key !== "required")
      unknownKeywords(value, found);
  }
  return found;
}

/**
 * True when `value` is valid against `schema` (draft 2020-12, the keywords above; `format`
 * is an annotation, as validators treat it by default).
 */
export function jsonSchemaAccepts(schema: Schema, value: Json, root: Schema = schema): boolean {
  const check = (inner: unknown, item: Json): boolean =>
    jsonSchemaAccepts(inner as Schema, item, root);
  if (typeof schema.$ref === "string") {
    const ref = schema.$ref;
    const target =
      ref === "#" ? root : (root.$defs as Record<string, Schema>)[ref.replace("#/$defs/", "")];
    if (target === undefined || !check(target, value)) return false;
  }
  if (schema.not !== undefined && check(schema.not, value)) return false;
  if (Array.isArray(schema.anyOf) && !schema.anyOf.some((option) => check(option, value)))
    return false;
  if (schema.type !== undefined) {
    const types = Array.isArray(schema.type) ? schema.type : [schema.type];
    if (!types.some((type) => matchesType(value, type as string))) return false;
  }
  if (Array.isArray(schema.enum) && !schema.enum.some((option) => option === value)) return false;
  if ("const" in schema && schema.const !== value) return false;
  if (typeof value === "string") {
    const length = [...value].length;
    if (typeof schema.minLength === "number" && length < schema.minLength) return false;
    if (typeof schema.maxLength === "number" && length > schema.maxLength) return false;
    if (typeof schema.pattern === "string" && !new RegExp(schema.pattern, "u").test(value))
      return false;
  }
  if (typeof value === "number") {
    if (typeof schema.minimum === "number" && value < schema.minimum) return false;
    if (typeof schema.maximum === "number" && value > schema.maximum) return false;
    if (typeof schema.exclusiveMinimum === "number" && value <= schema.exclusiveMinimum)
      return false;
  }
  if (Array.isArray(value)) {
    if (typeof schema.minItems === "number" && value.length < schema.minItems) return false;
    if (typeof schema.maxItems === "number" && value.length > schema.maxItems) return false;
    if (schema.uniqueItems === true) {
      const seen = value.map((item) => JSON.stringify(item));
      if (new Set(seen).size !== seen.length) return false;
    }
    if (schema.items !== undefined && !value.every((item) => check(schema.items, item)))
      return false;
  }
  if (typeof value === "object" && value !== null && !Array.isArray(value)) {
    const keys = Object.keys(value);
    const properties = (schema.properties ?? {}) as Record<string, Schema>;
    if (typeof schema.minProperties === "number" && keys.length < schema.minProperties)
      return false;
    if (Array.isArray(schema.required) && !schema.required.every((key) => keys.includes(key)))
      return false;
    for (const key of keys) {
      if (schema.propertyNames !== undefined && !check(schema.propertyNames, key)) return false;
      const item = value[key]!;
      if (Object.hasOwn(properties, key)) {
        if (!check(properties[key], item)) return false;
      } else if (schema.additionalProperties === false) return false;
      else if (
        typeof schema.additionalProperties === "object" &&
        !check(schema.additionalProperties, item)
      )
        return false;
    }
  }
  return true;
}
