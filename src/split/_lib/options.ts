// The split area's readers for what every split shares: the unit setup (unit, rounding,
// roundTotal), the total and values that must be whole multiples of the unit. Options objects
// themselves are read by the one options reader, src/_lib/options.ts.

import type { Decimal } from "../../_lib/decimal.js";
import type { ErrorPath } from "../../_lib/errors.js";
import { TargetreeError } from "../../_lib/errors.js";
import type { Scaled } from "../../_lib/exact/index.js";
import { exactUnits, roundedUnits, showValue, toScaled } from "../../_lib/exact/index.js";
import { readBoolean, readChoice } from "../../_lib/options.js";
import { own } from "../../_lib/records.js";
import type { Numeric, RoundingMode } from "../../_lib/types.js";
import { toDecimal } from "../../numbers/toDecimal.js";

/** The unit every part is a whole multiple of, and how a total is rounded to it. */
export interface UnitSetup {
  readonly unit: Decimal;
  readonly scaled: Scaled;
  readonly rounding: RoundingMode;
  readonly roundTotal: boolean;
}

/** The option keys every split reads through {@link readUnitSetup}. */
export const UNIT_KEYS = ["unit", "rounding", "roundTotal"] as const;

/**
 * {@link UNIT_KEYS} and then `keys`: a split's option keys. A call (marked pure where it is used)
 * rather than a spread, so a bundle that never uses the split drops the list.
 */
export function unitKeysAnd<const K extends string>(
  ...keys: K[]
): readonly (K | (typeof UNIT_KEYS)[number])[] {
  return [...UNIT_KEYS, ...keys];
}

/** The rounding modes, by name (see `RoundingMode`). */
const ROUNDING_MODES: readonly RoundingMode[] = [
  "half-up",
  "half-even",
  "half-down",
  "up",
  "down",
  "ceil",
  "floor",
];

/** Chinese magnitude words that stand alone as a unit: `"万"` means 1万 (10,000). */
export const UNIT_WORDS = ["万亿", "千万", "百万", "亿", "万", "千"] as const;

/**
 * Reads a rounding step: a positive amount (`"0.01"`, `1`, `"1万"`), or a bare magnitude word
 * (`"万"`, `"亿"`), which means one of it.
 */
export function readUnit(raw: unknown, path: ErrorPath): Decimal {
  const word = (UNIT_WORDS as readonly unknown[]).includes(raw);
  const unit = toDecimal((word ? `1${raw as string}` : (raw ?? "0.01")) as Numeric, path);
  if (!unit.isPositive() || unit.isZero()) {
    throw new TargetreeError(
      "INVALID_ARGUMENT",
      `unit must be a positive step such as "0.01", 1, "万" or "1亿", got ${showValue(unit)}.`,
      { path },
    );
  }
  return unit;
}

/**
 * Reads `unit` (default 0.01), `rounding` (default half-up) and `roundTotal` (default false) from
 * a record already checked by `readOptions`; `path` is the record's path (`["options"]`).
 */
export function readUnitSetup(
  options: Readonly<Record<string, unknown>>,
  path: ErrorPath = [],
): UnitSetup {
  const unit = readUnit(own(options, "unit"), [...path, "unit"]);
  return {
    unit,
    scaled: toScaled(unit),
    rounding: readChoice(options, "rounding", ROUNDING_MODES, "half-up", path),
    roundTotal: readBoolean(options, "roundTotal", false, path),
  };
}

/** The same setup in another unit (a tree level's or a node's own), read at `path`. */
export function withUnit(setup: UnitSetup, raw: unknown, path: ErrorPath): UnitSetup {
  const unit = readUnit(raw, path);
  return { ...setup, unit, scaled: toScaled(unit) };
}

/** A caller's total as a Decimal and as a whole number of units (rounded first only on request). */
export function readTotal(
  total: unknown,
  setup: UnitSetup,
  path: ErrorPath = ["total"],
): { readonly value: Decimal; readonly units: bigint } {
  const value = toDecimal(total as Numeric, path);
  const scaled = toScaled(value);
  const units = exactUnits(scaled, setup.scaled);
  if (units !== null) return { value, units };
  if (setup.roundTotal) return { value, units: roundedUnits(scaled, setup.scaled, setup.rounding) };
  throw new TargetreeError(
    "NOT_A_MULTIPLE_OF_UNIT",
    `The amount ${showValue(value)} is not a whole multiple of the unit ${showValue(setup.unit)}; ` +
      `pass a finer unit, or roundTotal: true to round it to the unit first.`,
    { path, details: { value: value.toFixed(), unit: setup.unit.toFixed() } },
  );
}

/** A value that must be a whole multiple of the unit (a hold), in units. */
export function readMultiple(
  value: unknown,
  setup: UnitSetup,
  path: ErrorPath,
  what: string,
): bigint {
  const decimal = toDecimal(value as Numeric, path);
  const units = exactUnits(toScaled(decimal), setup.scaled);
  if (units === null) {
    throw new TargetreeError(
      "NOT_A_MULTIPLE_OF_UNIT",
      `The ${what} ${showValue(decimal)} is not a whole multiple of the unit ${showValue(setup.unit)}.`,
      { path, details: { value: decimal.toFixed(), unit: setup.unit.toFixed() } },
    );
  }
  return units;
}

/** True for a single number, numeric string or Decimal (as opposed to a record or array of them). */
export function isSingleNumeric(value: unknown): boolean {
  if (typeof value === "number" || typeof value === "string") return true;
  return (
    typeof value === "object" &&
    value !== null &&
    Object.prototype.toString.call(value) === "[object Decimal]"
  );
}
