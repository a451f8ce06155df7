// Exact decimals as scaled integers: value = mantissa × 10^-scale, with a BigInt mantissa.
import { Decimal } from "../decimal.js";
import type { RoundingMode } from "../types.js";
import { divideRounded } from "./divide.js";
import { decimalFromSafeInteger, digitsOf, exponentOf } from "./layout.js";

/** An exact decimal as an integer and a scale: value = mantissa × 10^-scale (scale may be negative). */
export interface Scaled {
  readonly mantissa: bigint;
  readonly scale: number;
}

const MAX_SAFE = 9_007_199_254_740_991n; // Number.MAX_SAFE_INTEGER, as a literal (no call at module scope)

/** 10^n as a bigint (n ≥ 0). */
export function pow10(n: number): bigint {
  return 10n ** BigInt(n);
}

/** The exact mantissa and scale of a finite Decimal, trailing zeros removed (zero is 0 × 10^0). */
export function toScaled(value: Decimal): Scaled {
  if (value.isZero()) return { mantissa: 0n, scale: 0 };
  const digits = digitsOf(value);
  const magnitude = BigInt(digits);
  return {
    mantissa: value.isNegative() ? -magnitude : magnitude,
    scale: digits.length - 1 - exponentOf(value),
  };
}

/** The Decimal `mantissa × 10^-scale`, every digit kept (no rounding to the precision). */
export function fromScaled(mantissa: bigint, scale: number): Decimal {
  if (mantissa <= MAX_SAFE && mantissa >= -MAX_SAFE) {
    return decimalFromSafeInteger(Number(mantissa), scale);
  }
  return new Decimal(`${mantissa}e${-scale}`);
}

/** The mantissas of several decimals at one common scale, the fewest decimal places (≥ 0) that hold them all. */
export function commonScale(values: readonly Decimal[]): {
  readonly mantissas: bigint[];
  readonly scale: number;
} {
  const scaled = values.map(toScaled);
  let scale = 0;
  for (const item of scaled) if (item.scale > scale) scale = item.scale;
  return { mantissas: scaled.map((item) => item.mantissa * pow10(scale - item.scale)), scale };
}

/** a − b, exactly (decimal.js's `minus` rounds to the precision). */
export function exactMinus(a: Decimal, b: Decimal): Decimal {
  const { mantissas, scale } = commonScale([a, b]);
  return fromScaled(mantissas[0]! - mantissas[1]!, scale);
}

/** value / unit as an exact fraction `[numerator, denominator]` with a positive denominator. */
function quotient(value: Scaled, unit: Scaled): readonly [bigint, bigint] {
  const shift = unit.scale - value.scale;
  return shift >= 0
    ? [value.mantissa * pow10(shift), unit.mantissa]
    : [value.mantissa, unit.mantissa * pow10(-shift)];
}

/** How many units (unit > 0) make `value`, or `null` when `value` is not a whole multiple of `unit`. */
export function exactUnits(value: Scaled, unit: Scaled): bigint | null {
  const [numerator, denominator] = quotient(value, unit);
  return numerator % denominator === 0n ? numerator / denominator : null;
}

/** How many units (unit > 0) make `value`, rounded with `mode` when it is not a whole multiple. */
export function roundedUnits(value: Scaled, unit: Scaled, mode: RoundingMode): bigint {
  const [numerator, denominator] = quotient(value, unit);
  return divideRounded(numerator, denominator, mode);
}

/** ⌈value / unit⌉: the fewest whole units at or above a lower bound. */
export function ceilUnits(value: Scaled, unit: Scaled): bigint {
  return roundedUnits(value, unit, "ceil");
}

/** ⌊value / unit⌋: the most whole units at or below an upper bound. */
export function floorUnits(value: Scaled, unit: Scaled): bigint {
  return roundedUnits(value, unit, "floor");
}

/** The Decimal `count × unit`. */
export function unitsToDecimal(count: bigint, unit: Scaled): Decimal {
  return fromScaled(count * unit.mantissa, unit.scale);
}

/** The Decimals `counts[i] × unit`; whole-unit counts from a split, as doubles or bigints. */
export function countsToDecimals(
  counts: Float64Array | readonly bigint[],
  unit: Scaled,
): Decimal[] {
  const values = new Array<Decimal>(counts.length);
  if (counts instanceof Float64Array) {
    const small = unit.mantissa <= 1_000_000n ? Number(unit.mantissa) : 0;
    for (let i = 0; i < counts.length; i++) {
      const mantissa = counts[i]! * small;
      values[i] =
        small !== 0 && Number.isSafeInteger(mantissa)
          ? decimalFromSafeInteger(mantissa, unit.scale)
          : unitsToDecimal(BigInt(counts[i]!), unit);
    }
  } else {
    for (let i = 0; i < counts.length; i++) values[i] = unitsToDecimal(counts[i]!, unit);
  }
  return values;
}
