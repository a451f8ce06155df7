import type { Decimal } from "../_lib/decimal.js";
import { ONE } from "../_lib/decimal.js";
import { describeValue, TargetreeError } from "../_lib/errors.js";
import { checkMagnitude } from "../_lib/magnitude.js";
import { readChoice, readOptions } from "../_lib/options.js";
import { roundingConstant } from "../_lib/rounding.js";
import type { Numeric, RoundingMode, UnitOptions } from "../_lib/types.js";
import { toDecimal } from "../numbers/toDecimal.js";
import { growthFactor, MAX_GROWTH_STEPS } from "./_lib/growth.js";
import { unitStep } from "./_lib/unit.js";

/** Options of {@link growthPath}: the method, and the unit and rounding of the values. */
export interface GrowthPathOptions extends UnitOptions {
  /** `"linear"` (default): the same increase each step; `"cagr"`: the same growth rate each step. */
  readonly method?: "linear" | "cagr";
}

/** The result of {@link growthPath}: the values along the path and the growth of each step. */
export interface GrowthPathResult {
  /** The method used, as given or defaulted (`"linear"`). */
  readonly method: "linear" | "cagr";
  /** `steps + 1` values: `values[0]` is the start, `values[steps]` the end. */
  readonly values: readonly Decimal[];
  /** Linear: the increase per step, `(end − start) / steps`; `null` for CAGR. */
  readonly increment: Decimal | null;
  /** CAGR: the growth rate per step, `(end / start)^(1 / steps) − 1`; `null` for linear. */
  readonly rate: Decimal | null;
  /**
   * Each step's growth over the value before it (`value[k] / value[k − 1] − 1`, from
   * the unrounded values), one per step; `null` where the value before is 0 or negative.
   */
  readonly growthRates: readonly (Decimal | null)[];
}

const OPTIONS = ["method", "unit", "rounding"] as const;

/**
 * A path from `start` to `end` in `steps` equal steps: linear (the same increase
 * each year, 8 → 11 → 14 → 17 → 20) or compound (CAGR: the same growth rate each
 * year, 8 → 10.06 → 12.65 → 15.91 → 20 at 25.74%).
 *
 * Rounding: the CAGR factor `(end / start)^(1 / steps)` is `exp(ln(end / start) / steps)`
 * at the library precision (64 significant digits, half-up; exact when the root is
 * short and exact); values are `start × factor^k` at the same precision, and the end
 * is `end` exactly. With `unit`, every value (start and end included) is then
 * rounded to a whole multiple of the unit with `rounding` (default half-up);
 * without it, values are returned unrounded.
 *
 * @param start - The first value (e.g. 2014's target).
 * @param end - The last value (e.g. 2018's goal).
 * @param steps - Number of steps, a whole number from 1 to 1,000 (values: steps + 1).
 * @param options - `method` (default `"linear"`), `unit` (`"0.01"`, `1`, `"万"` for 1万, …),
 *   `rounding`.
 * @returns The values, the increment or rate, and each step's growth.
 * @throws {TargetreeError} `INVALID_OPERATION` for CAGR from a zero or negative start or
 *   to a zero or negative end; `INVALID_NUMBER` for a non-number; `UNKNOWN_OPTION` for a
 *   misspelt option; `INVALID_ARGUMENT` for bad steps, options (not an object), method, unit
 *   or rounding; `NUMBER_TOO_LARGE`
 *   when an increment, rate or growth rate leaves the supported magnitude (|x| < 1e1000).
 *
 * @example
 * growthPath(8, 20, 4).values.map(String)                                       //=> ["8", "11", "14", "17", "20"]
 * growthPath(8, 20, 4, { method: "cagr", unit: "0.01" }).values.map(String)     //=> ["8", "10.06", "12.65", "15.91", "20"]
 * formatPercent(growthPath(8, 20, 4, { method: "cagr" }).rate)                  //=> "25.74%"
 */
export function growthPath(
  start: Numeric,
  end: Numeric,
  steps: number,
  options?: GrowthPathOptions,
): GrowthPathResult {
  const settings = readOptions(options, OPTIONS);
  const first = toDecimal(start, ["start"]);
  const last = toDecimal(end, ["end"]);
  if (
    typeof steps !== "number" ||
    !Number.isInteger(steps) ||
    steps < 1 ||
    steps > MAX_GROWTH_STEPS
  ) {
    throw new TargetreeError(
      "INVALID_ARGUMENT",
      `steps must be a whole number from 1 to ${MAX_GROWTH_STEPS}, got ${describeValue(steps)}.`,
      { path: ["steps"] },
    );
  }
  const method = readChoice(settings, "method", ["linear", "cagr"], "linear", ["options"]);
  const mode = roundingConstant(settings.rounding as RoundingMode | undefined, [
    "options",
    "rounding",
  ]);
  const unitPath = ["options", "unit"];
  const unit =
    settings.unit === undefined ? null : toDecimal(unitStep(settings.unit) as Numeric, unitPath);
  if (unit !== null && (unit.isNegative() || unit.isZero())) {
    throw new TargetreeError("INVALID_ARGUMENT", "unit must be positive.", { path: unitPath });
  }

  let exact: Decimal[];
  let increment: Decimal | null = null;
  let rate: Decimal | null = null;
  if (method === "linear") {
    const step = checkMagnitude(last.minus(first).dividedBy(steps), ["end"], "The increment");
    increment = step;
    exact = Array.from({ length: steps + 1 }, (_, k) =>
      k === steps ? last : first.plus(step.times(k)),
    );
  } else {
    if (first.isZero() || last.isZero() || last.isNegative()) {
      throw new TargetreeError(
        "INVALID_OPERATION",
        'A CAGR path needs a positive start and a positive end (a zero or negative value has no compound growth rate); use method "linear".',
        { path: first.isZero() || first.isNegative() ? ["start"] : ["end"] },
      );
    }
    const factor = growthFactor(first, last, toDecimal(steps), ["start"], ["end"]);
    rate = factor.minus(ONE);
    exact = Array.from({ length: steps + 1 }, (_, k) => {
      if (k === 0) return first;
      if (k === steps) return last;
      return first.times(factor.pow(k));
    });
  }
  const values =
    unit === null
      ? exact
      : exact.map((value) =>
          checkMagnitude(value.dividedBy(unit).toDecimalPlaces(0, mode).times(unit), unitPath),
        );
  const growthRates = exact.slice(1).map((value, index) => {
    const before = exact[index]!;
    return before.isZero() || before.isNegative()
      ? null
      : checkMagnitude(value.dividedBy(before).minus(ONE), ["end"], "A step's growth rate");
  });
  return { method, values, increment, rate, growthRates };
}
