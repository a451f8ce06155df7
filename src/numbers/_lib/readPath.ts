import { type ErrorPath, TargetreeError } from "../../_lib/errors.js";
import { checkPath } from "../../_lib/options.js";
import { own } from "../../_lib/records.js";

/**
 * An optional error-path option (`options.path` of parseAmount and parseFormula): an array of
 * property names and integer indexes; absent gives `[]`. A bad one is `INVALID_ARGUMENT` at
 * `[...path, key]`.
 */
export function readPath(record: object, key: string, path: ErrorPath): ErrorPath {
  const value = own(record, key);
  if (value === undefined) return [];
  try {
    return checkPath(value);
  } catch {
    throw new TargetreeError(
      "INVALID_ARGUMENT",
      `${key} must be an array of property names and integer indexes, e.g. ["inputs", "price"].`,
      { path: [...path, key] },
    );
  }
}
