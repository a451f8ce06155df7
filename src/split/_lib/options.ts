import type { Decimal } from "../../_lib/decimal.js";
import type { ErrorPath } from "../../_lib/errors.js";
import { describeValue, TargetreeError } from "../../_lib/errors.js";
import type { Scaled } from "../../_lib/exact/index.js";
import { exactUnits, roundedUnits, showValue, toScaled } from "../../_lib/exact/index.js";
import { booleanOption } from "../../_lib/options.js";
import { roundingConstant } from "../../_lib/rounding.js";
import type { Numeric, RoundingMode } from "../../_lib/types.js";
import { toDecimal } from "../../numbers/toDecimal.js";

/** The unit every part is a whole multiple of, and how a total is rounded to it. */
export interface UnitSetup {
  readonly unit: Decimal;
  readonly scaled: Scaled;
  readonly rounding: RoundingMode;
  readonly roundTotal: boolean;
}

/** Checks that `options` is absent or a plain object and returns it as a record. */
export function readOptions(
  options: unknown,
  path: ErrorPath = ["options"],
): Record<string, unknown> {
  if (options === undefined) return {};
  if (typeof options !== "object" || options === null || Array.isArray(options)) {
    throw new TargetreeError(
      "INVALID_ARGUMENT",
      `options must be an object, got ${describeValue(options)}.`,
      { path },
    );
  }
  return options as Record<string, unknown>;
}

/** Reads an own option without touching inherited properties. */
export function option(options: Record<string, unknown>, name: string): unknown {
  return Object.hasOwn(options, name) ? options[name] : undefined;
}

/** An optional boolean option (the shared reader). */
export const readBoolean = booleanOption;

export function readChoice<T extends string>(
  value: unknown,
  choices: readonly T[],
  fallback: T,
  path: ErrorPath,
): T {
  if (value === undefined) return fallback;
  if (typeof value !== "string" || !(choices as readonly string[]).includes(value)) {
    throw new TargetreeError(
      "INVALID_ARGUMENT",
      `Expected one of ${choices.map((c) => JSON.stringify(c)).join(", ")}, got ${describeValue(value)}.`,
      { path },
    );
  }
  return value as T;
}

/**
 * Reads `unit` (default 0.01), `rounding` (default half-up) and `roundTotal`
 * (default false). `unit` may come from elsewhere (a tree level), with its own path.
 */
export function readUnitSetup(
  options: Record<string, unknown>,
  unitOverride?: { readonly value: unknown; readonly path: ErrorPath },
): UnitSetup {
  const rawUnit = unitOverride === undefined ? option(options, "unit") : unitOverride.value;
  const unitPath = unitOverride?.path ?? ["unit"];
  const unit = toDecimal((rawUnit ?? "0.01") as Numeric, unitPath);
  if (!unit.isPositive() || unit.isZero()) {
    throw new TargetreeError(
      "INVALID_ARGUMENT",
      `unit must be a positive step such as "0.01", 1 or "1万", got ${showValue(unit)}.`,
      { path: unitPath },
    );
  }
  const rawRounding = option(options, "rounding");
  roundingConstant(rawRounding as RoundingMode | undefined);
  return {
    unit,
    scaled: toScaled(unit),
    rounding: (rawRounding ?? "half-up") as RoundingMode,
    roundTotal: readBoolean(option(options, "roundTotal"), false, ["roundTotal"]),
  };
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
