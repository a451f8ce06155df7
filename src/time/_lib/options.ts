// Reading the options of the time functions through the one options reader: own keys only, and
// an unknown key is UNKNOWN_OPTION with the nearest known one.
import { describeValue, TargetreeError } from "../../_lib/errors.js";
import { readOptions } from "../../_lib/options.js";
import { isRecord } from "../../_lib/records.js";

/**
 * A time function's required options (`{ start, end, … }`) as a null-prototype copy of their own
 * properties; anything but a plain object is `INVALID_ARGUMENT` at `options`, and a key not in
 * `known` is `UNKNOWN_OPTION` at `["options", key]`. A key in `renamed` (an option's name before
 * the 1.0 vocabulary) is refused with its new name, since edit distance cannot find it.
 */
export function requiredOptions(
  options: unknown,
  known: readonly string[],
  renamed: Readonly<Record<string, string>> = {},
): Readonly<Record<string, unknown>> {
  if (!isRecord(options)) {
    throw new TargetreeError(
      "INVALID_ARGUMENT",
      `Pass the options { start, end, … } as an object, got ${describeValue(options)}.`,
      { path: ["options"] },
    );
  }
  return readOptions(options, known, ["options"], renamed);
}
