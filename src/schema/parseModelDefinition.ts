import { describeValue, TargetreeError } from "../_lib/errors.js";
import { isPlainRecord } from "./_lib/custom.js";
import { shielded } from "./_lib/shield.js";
import type { ModelDefinition } from "./model.js";
import { modelDefinitionSchema } from "./model.js";
import { validate } from "./validate.js";

/**
 * Reads a model-definition document (e.g. `JSON.parse` of a stored file or a request body) and
 * returns it checked, as a fresh copy. The version is checked first: a document of another
 * version is refused before anything else is read. Then the shape, the names and the model
 * itself (formula syntax, cycles, metadata), exactly as `modelFromDefinition` would build it.
 *
 * @param json - The parsed JSON.
 * @returns The checked document.
 * @throws {TargetreeError} `INVALID_ARGUMENT` with path `["version"]` for a missing or unknown
 *   version (`details.version`, `details.supported`); otherwise the errors of
 *   `validate("modelDefinition", json)`: `INVALID_ARGUMENT` for the shape, and every code of
 *   `defineModel` (`FORMULA_SYNTAX`, `CYCLE`, `UNKNOWN_NODE`…) with the path into the document.
 *
 * @example
 * const { parseModelDefinition } = await import("targetree/schema");
 * parseModelDefinition(JSON.parse('{"version": 1, "formulas": {"revenue": "customers * aov"}}')).formulas //=> { revenue: "customers * aov" }
 * (() => { try { parseModelDefinition({ version: 2, formulas: {} }) } catch (e) { return [e.code, e.path, e.message] } })()
 * //=> ["INVALID_ARGUMENT", ["version"], "INVALID_ARGUMENT: Unknown model definition version: got 2; this version of targetree reads version 1. (at version)"]
 */
export function parseModelDefinition(json: unknown): ModelDefinition {
  return shielded(() => {
    if (isPlainRecord(json)) {
      const version = Object.hasOwn(json, "version") ? json.version : undefined;
      if (version !== 1) {
        throw new TargetreeError(
          "INVALID_ARGUMENT",
          version === undefined
            ? 'A model definition needs "version": 1.'
            : `Unknown model definition version: got ${describeValue(version)}; this version of targetree reads version 1.`,
          {
            path: ["version"],
            details: { version: version === undefined ? null : version, supported: [1] },
          },
        );
      }
    }
    return validate(modelDefinitionSchema, json);
  });
}
