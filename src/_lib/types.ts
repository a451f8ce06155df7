import type { Decimal } from "./decimal.js";

/** Anything targetree accepts as a number: a finite JS number, a numeric string (`"1.2亿"`, `"25%"`, `"1,200.50"`) or a decimal.js `Decimal`. */
export type Numeric = number | string | Decimal;

/** A rounding mode, by name. `"half-up"` (四舍五入) is the default wherever a unit is asked for. */
export type RoundingMode = "half-up" | "half-even" | "half-down" | "up" | "down" | "ceil" | "floor";

/** Options shared by every function that rounds to a unit. */
export interface UnitOptions {
  /** The smallest step of a result: `"0.01"` (cents), `1`, `"1万"`, … Results are whole multiples of it. */
  readonly unit?: Numeric;
  /** How to round to the unit. Default `"half-up"`. */
  readonly rounding?: RoundingMode;
}
