import type * as z from "zod/mini";
import { excerpt, TargetreeError } from "../../_lib/errors.js";
import type { SchemaName } from "../schemas.js";
import { schemas } from "../schemas.js";

/** A schema given by name (own keys of `schemas` only) or as a zod schema. */
export function resolveSchema(schema: SchemaName | z.core.$ZodType): z.core.$ZodType {
  if (typeof schema === "string") {
    if (Object.hasOwn(schemas, schema)) return schemas[schema];
    throw new TargetreeError(
      "INVALID_ARGUMENT",
      `Unknown schema ${excerpt(schema)}; the schemas are ${Object.keys(schemas).join(", ")}.`,
      { path: ["schema"] },
    );
  }
  const internals =
    typeof schema === "object" && schema !== null
      ? (schema as { _zod?: { run?: unknown } })._zod
      : undefined;
  if (typeof internals?.run !== "function") {
    throw new TargetreeError(
      "INVALID_ARGUMENT",
      "schema must be a schema name (see schemas) or a zod schema.",
      { path: ["schema"] },
    );
  }
  return schema;
}
