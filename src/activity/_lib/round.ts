// Rounds to a caller's unit (`"0.01"`, `1`, `"1万"`, or a bare `"万"` / `"亿"`) with a named
// rounding mode.
import type { Decimal } from "../../_lib/decimal.js";
import type { ErrorPath } from "../../_lib/errors.js";
import { TargetreeError } from "../../_lib/errors.js";
import { checkMagnitude } from "../../_lib/magnitude.js";
import { own } from "../../_lib/records.js";
import { roundingConstant } from "../../_lib/rounding.js";
import type { Numeric, RoundingMode } from "../../_lib/types.js";
import { toDecimal } from "../../numbers/toDecimal.js";

/** A bare Chinese unit means one of it: `"万"` is 1万. */
const BARE_UNITS: ReadonlyMap<string, string> = /* @__PURE__ */ new Map([
  ["万", "1万"],
  ["亿", "1亿"],
]);

/**
 * Applies `options.unit` / `options.rounding` when a unit is given; otherwise returns the value.
 * Either way the result must stay within the supported magnitude (`NUMBER_TOO_LARGE` at `path`).
 */
export function roundToUnit(
  value: Decimal,
  options: object,
  path: ErrorPath,
  // Stryker disable next-line StringLiteral: its one caller without `what` rounds 0, which never fails
  what = "The result",
): Decimal {
  const rawUnit = own(options, "unit");
  const mode = roundingConstant(own(options, "rounding") as RoundingMode | undefined, [
    "options",
    "rounding",
  ]);
  if (rawUnit === undefined) return checkMagnitude(value, path, what);
  const bare = typeof rawUnit === "string" ? BARE_UNITS.get(rawUnit.trim()) : undefined;
  const unit = toDecimal((bare ?? rawUnit) as Numeric, ["options", "unit"]);
  if (!unit.gt(0)) {
    throw new TargetreeError("INVALID_ARGUMENT", "unit must be greater than zero.", {
      path: ["options", "unit"],
    });
  }
  return checkMagnitude(value.div(unit).toDecimalPlaces(0, mode).times(unit), path, what);
}
