import type { Decimal } from "../_lib/decimal.js";
import { TargetreeError } from "../_lib/errors.js";
import type { Numeric, UnitOptions } from "../_lib/types.js";
import { readFields, readSettings, requiredNumber } from "./_lib/input.js";
import { roundToUnit } from "./_lib/round.js";

/** The input of {@link breakEvenRevenue}. */
export interface BreakEvenRevenueInput {
  /** Costs that do not move with revenue in the period (rent, salaries…). */
  readonly fixedCosts: Numeric;
  /** Gross margin as a share of revenue (`"55%"` or `0.55`), above 0 and at most 100%. */
  readonly grossMargin: Numeric;
}

/** `unit` and `rounding`. Without a unit the result is exact to 64 significant digits. */
export type BreakEvenRevenueOptions = UnitOptions;

const FIELDS: readonly string[] = ["fixedCosts", "grossMargin"];
const OPTIONS: readonly string[] = ["unit", "rounding"];

/**
 * Break-even revenue (盈亏平衡收入): the revenue whose gross profit covers the fixed costs,
 * fixedCosts / grossMargin. The result is not rounded unless a `unit` is given; then it is
 * rounded half-up by default (`rounding: "ceil"` never falls short of break-even).
 *
 * @param input - `fixedCosts` and `grossMargin`.
 * @param options - `unit` (e.g. `"0.01"`, `"万"`) and `rounding`.
 * @returns The break-even revenue.
 * @throws {TargetreeError} `NO_SOLUTION` for a gross margin ≤ 0 (no revenue breaks even);
 *   `INVALID_ARGUMENT` for a margin above 100%, negative fixed costs, a missing value or a
 *   bad unit; `UNKNOWN_OPTION` for an input field or option not listed above; `INVALID_NUMBER` for NaN, `""`, `null`…;
 *   `NUMBER_TOO_LARGE` when a result leaves the supported magnitude (|x| < 1e1000).
 *
 * @example
 * const margin = { fixedCosts: "50万", grossMargin: "55%" };
 * breakEvenRevenue(margin, { unit: "0.01" }).toString() //=> "909090.91"
 * breakEvenRevenue({ fixedCosts: 300, grossMargin: 0.6 }).toString() //=> "500"
 * breakEvenRevenue(margin, { unit: "万", rounding: "ceil" }).toString() //=> "910000"
 */
export function breakEvenRevenue(
  input: BreakEvenRevenueInput,
  options: BreakEvenRevenueOptions = {},
): Decimal {
  const record = readFields(input, FIELDS, [], "breakEvenRevenue input");
  const fixedCosts = requiredNumber(record, "fixedCosts", []);
  const grossMargin = requiredNumber(record, "grossMargin", []);
  const settings = readSettings(options, OPTIONS);
  if (fixedCosts.lt(0)) {
    throw new TargetreeError("INVALID_ARGUMENT", "fixedCosts must not be negative.", {
      path: ["fixedCosts"],
    });
  }
  if (grossMargin.lte(0)) {
    throw new TargetreeError(
      "NO_SOLUTION",
      "With a gross margin of zero or less, no revenue covers the fixed costs.",
      { path: ["grossMargin"] },
    );
  }
  if (grossMargin.gt(1)) {
    throw new TargetreeError(
      "INVALID_ARGUMENT",
      'grossMargin is a share of revenue and cannot exceed 100% (write "55%" or 0.55).',
      { path: ["grossMargin"] },
    );
  }
  return roundToUnit(
    fixedCosts.div(grossMargin),
    settings,
    ["grossMargin"],
    "The break-even revenue",
  );
}
