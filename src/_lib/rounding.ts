import { Decimal as DecimalJs } from "decimal.js";
import type { ErrorPath } from "./errors.js";
import { TargetreeError } from "./errors.js";
import type { RoundingMode } from "./types.js";

// Built in a pure call, so a bundle that never reads a rounding mode drops it.
const MODES: ReadonlyMap<string, DecimalJs.Rounding> = /* @__PURE__ */ (() =>
  new Map<string, DecimalJs.Rounding>([
    ["half-up", DecimalJs.ROUND_HALF_UP],
    ["half-even", DecimalJs.ROUND_HALF_EVEN],
    ["half-down", DecimalJs.ROUND_HALF_DOWN],
    ["up", DecimalJs.ROUND_UP],
    ["down", DecimalJs.ROUND_DOWN],
    ["ceil", DecimalJs.ROUND_CEIL],
    ["floor", DecimalJs.ROUND_FLOOR],
  ]))();

/** decimal.js rounding constant for a named mode; `undefined` means the default, half-up. */
export function roundingConstant(
  mode: RoundingMode | undefined,
  path: ErrorPath = ["rounding"],
): DecimalJs.Rounding {
  if (mode === undefined) return DecimalJs.ROUND_HALF_UP;
  // Stryker disable next-line ConditionalExpression: the typeof only narrows the type
  const found = typeof mode === "string" ? MODES.get(mode) : undefined;
  if (found === undefined) {
    throw new TargetreeError(
      "INVALID_ARGUMENT",
      `Unknown rounding mode; use one of ${[...MODES.keys()].join(", ")}.`,
      { path },
    );
  }
  return found;
}
