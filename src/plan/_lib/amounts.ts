// A plan's amounts as whole units of its rounding unit (bigints), and back to the plain decimal
// strings a Plan holds ("12000000.00" in a unit of 0.01, "12000000" in a unit of 100).
import type { Decimal } from "../../_lib/decimal.js";
import type { ErrorPath } from "../../_lib/errors.js";
import { describeValue, TargetreeError } from "../../_lib/errors.js";
import type { Scaled } from "../../_lib/exact/index.js";
import { exactUnits, pow10, toScaled } from "../../_lib/exact/index.js";
import type { Numeric } from "../../_lib/types.js";
import { toDecimal } from "../../numbers/toDecimal.js";
import { unitOf } from "./units.js";

/** The rounding unit of a plan: its exact value, and how many decimals its amounts are written with. */
export interface PlanUnit {
  readonly value: Decimal;
  readonly scaled: Scaled;
  /** Decimals of every amount: the unit's own (2 for 0.01, 0 for 100). */
  readonly decimals: number;
}

/** The plan's unit from the document's `unit` (default 0.01; `"万"` is 1万). */
export function planUnit(unit: Numeric | undefined): PlanUnit {
  const value = unitOf(unit);
  const scaled = toScaled(value);
  return { value, scaled, decimals: Math.max(0, scaled.scale) };
}

/** `units` × the unit, written with the unit's decimals: 1200n in 0.01 → "12.00". */
export function unitsText(units: bigint, unit: PlanUnit): string {
  const { mantissa, scale } = unit.scaled;
  const value = units * mantissa;
  if (scale <= 0) return (value * pow10(-scale)).toString();
  return fixedText(value, scale);
}

/** `value` × 10^-scale written with `scale` decimals: (-5n, 2) → "-0.05". */
export function fixedText(value: bigint, scale: number): string {
  if (scale === 0) return value.toString();
  const negative = value < 0n;
  const digits = (negative ? -value : value).toString().padStart(scale + 1, "0");
  const cut = digits.length - scale;
  return `${negative ? "-" : ""}${digits.slice(0, cut)}.${digits.slice(cut)}`;
}

/** How many units make `value`; a value off the unit throws `NOT_A_MULTIPLE_OF_UNIT` at `path`. */
export function toUnits(value: Decimal, unit: PlanUnit, path: ErrorPath): bigint {
  const units = exactUnits(toScaled(value), unit.scaled);
  if (units === null) {
    throw new TargetreeError(
      "NOT_A_MULTIPLE_OF_UNIT",
      `${value.toFixed()} is not a whole multiple of the plan's unit ${unit.value.toFixed()}; give every unit in the document as a multiple of the plan's unit.`,
      { path },
    );
  }
  return units;
}

/** A plan amount read back (a string of a Plan, or any Numeric) as units; a bad one is `INVALID_PLAN_RESULT`. */
export function readUnits(value: unknown, unit: PlanUnit, path: ErrorPath): bigint {
  let decimal: Decimal;
  try {
    decimal = toDecimal(value as Numeric, path);
  } catch (error) {
    if (!(error instanceof TargetreeError)) throw error;
    throw new TargetreeError(
      "INVALID_PLAN_RESULT",
      `Expected an amount such as "1200.00", got ${describeValue(value)}; build the plan again.`,
      { path },
    );
  }
  const units = exactUnits(toScaled(decimal), unit.scaled);
  if (units === null) {
    throw new TargetreeError(
      "INVALID_PLAN_RESULT",
      `${decimal.toFixed()} is not a whole multiple of the plan's unit ${unit.value.toFixed()}; build the plan again.`,
      { path },
    );
  }
  return units;
}
