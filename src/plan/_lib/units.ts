// The rounding step of a plan: the document's `unit` (default 0.01), a level's, a node's.
import { Decimal } from "../../_lib/decimal.js";
import type { Numeric } from "../../_lib/types.js";
import { unitValue } from "./reader.js";

const CENT = /* @__PURE__ */ new Decimal("0.01");

/** The step a checked `unit` stands for; absent gives 0.01. */
export function unitOf(unit: Numeric | undefined): Decimal {
  return unit === undefined ? CENT : (unitValue(unit) ?? CENT);
}

/** `value` rounded half-up to a whole multiple of `unit`. */
export function roundToUnit(value: Decimal, unit: Decimal): Decimal {
  return value.div(unit).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).times(unit);
}

/** True when `value` is a whole multiple of `unit`. */
export function isMultiple(value: Decimal, unit: Decimal): boolean {
  return value.mod(unit).isZero();
}
