// Reading the options of the time functions: own keys only, so a name planted on Object.prototype
// never changes a result.
import { describeValue, TargetreeError } from "../../_lib/errors.js";
import { ownOptions } from "../../_lib/options.js";

/**
 * A time function's required options (`{ start, end, … }`) as a null-prototype copy of their own
 * properties; anything but a plain object is `INVALID_ARGUMENT` at `options`.
 */
export function requiredOptions(options: unknown): Readonly<Record<string, unknown>> {
  if (typeof options !== "object" || options === null || Array.isArray(options)) {
    throw new TargetreeError(
      "INVALID_ARGUMENT",
      `Pass the options { start, end, … } as an object, got ${describeValue(options)}.`,
      { path: ["options"] },
    );
  }
  return ownOptions(options, ["options"]);
}
