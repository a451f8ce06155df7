import * as z from "zod/mini";
import { errorDefaults, PARSE_OPTIONS } from "./_lib/custom.js";
import { toTargetreeError } from "./_lib/issues.js";
import { resolveSchema } from "./_lib/resolve.js";
import { shielded } from "./_lib/shield.js";
import type { SchemaName, SchemaOutput } from "./schemas.js";

/**
 * Checks a JSON value against one of the library's schemas (by name, see `schemas`) or any zod
 * schema, and returns the checked value: a fresh copy, records keyed as given (`__proto__`
 * included, as an ordinary key of a null-prototype record). Problems throw one
 * `TargetreeError`, as the core does: the first problem gives the code, the message and the
 * path into the value; `details.issues` lists every problem `{ path, message, code }`.
 *
 * The code is the core's code where the check knows it (`NEGATIVE_WEIGHT`, `INVALID_DATE`,
 * `FORMULA_SYNTAX`…), else `INVALID_ARGUMENT` (`INVALID_CALENDAR_DATA` for a holiday
 * arrangement, `INVALID_TIERS` for bonus tiers).
 *
 * @param schema - A schema name such as `"modelDefinition"`, or a zod schema.
 * @param value - The value to check, e.g. `JSON.parse(body)`.
 * @returns The checked value.
 * @throws {TargetreeError} As described above; `INVALID_ARGUMENT` (path `["schema"]`) for an
 *   unknown schema name.
 *
 * @example
 * const { validate } = await import("targetree/schema");
 * validate("shares", JSON.parse('{"粮油": "40%", "日化": "30%"}')) //=> { 粮油: "40%", 日化: "30%" }
 * const failure = (() => { try { validate("cascadeTree", { children: [{ name: "华东", weigth: 3 }] }) } catch (e) { return e } })();
 * failure.code //=> "INVALID_ARGUMENT"
 * failure.path //=> ["children", 0, "weigth"]
 * failure.message //=> "INVALID_ARGUMENT: Unknown field \"weigth\" (check the spelling). (at children[0].weigth)"
 */
export function validate<N extends SchemaName>(schema: N, value: unknown): SchemaOutput<N>;
export function validate<S extends z.core.$ZodType>(schema: S, value: unknown): z.output<S>;
export function validate(schema: SchemaName | z.core.$ZodType, value: unknown): unknown {
  return shielded(() => {
    const resolved = resolveSchema(schema);
    const result = z.safeParse(resolved, value, PARSE_OPTIONS);
    if (result.success) return result.data;
    const defaults = errorDefaults(resolved);
    throw toTargetreeError(result.error.issues, defaults.code, defaults.details);
  });
}
