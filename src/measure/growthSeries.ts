import { readItems } from "../_lib/arrays.js";
import type { Decimal } from "../_lib/decimal.js";
import { describeValue, TargetreeError } from "../_lib/errors.js";
import { checkMagnitude } from "../_lib/magnitude.js";
import { isRecord } from "../_lib/records.js";
import type { Numeric } from "../_lib/types.js";
import { toDecimal } from "../numbers/toDecimal.js";
import { keyedEntries, readInteger, readSettings } from "./_lib/input.js";

/** Options of {@link growthSeries}. */
export interface GrowthSeriesOptions {
  /**
   * How many periods back to compare with. Default 1 (period over period, 环比); 12 on a
   * monthly series or 4 on a quarterly one gives year over year (同比).
   */
  readonly lag?: number;
}

/** One period's row in the result of {@link growthSeries}. */
export interface GrowthSeriesRow {
  /** The period's key in a record, or its index in an array. */
  readonly key: string | number;
  /** The period's value, exact. */
  readonly value: Decimal;
  /** The value `lag` periods earlier; `null` for the first `lag` periods. */
  readonly previous: Decimal | null;
  /** (value − previous) / |previous|; `null` when there is no earlier period or it is zero. */
  readonly growth: Decimal | null;
  /** Why `growth` is `null`; `null` when there is a growth rate. */
  readonly reason: string | null;
}

const OPTIONS: readonly string[] = ["lag"];

/**
 * Growth rates along a series, period over period (环比, `lag: 1`) or year over year
 * (同比, `lag: 12` for months). A row whose comparison period is missing or zero gets
 * `growth: null` with a `reason` instead of an error, so one bad month does not hide the rest.
 *
 * @param series - Values in period order: an array, or a record (own keys, in insertion
 *   order; note that JavaScript puts integer-like keys such as `"2024"` first in ascending
 *   order — use an array to be sure of the order). A `Map` is refused.
 * @param options - `lag`.
 * @returns One row per period, in order.
 * @throws {TargetreeError} `INVALID_NUMBER` for a value that is not a number;
 *   `UNKNOWN_OPTION` for an option other than `lag`; `INVALID_ARGUMENT` for a bad series or
 *   `lag`;
 *   `NUMBER_TOO_LARGE` when a result leaves the supported magnitude (|x| < 1e1000).
 *
 * @example
 * const rows = growthSeries({ Jan: 100, Feb: 120, Mar: 90 });
 * rows.map((row) => row.growth?.toString() ?? null) //=> [null, "0.2", "-0.25"]
 * growthSeries([100, 110, 121, 150, 132], { lag: 3 })[3]!.growth?.toString() //=> "0.5"
 */
export function growthSeries(
  series: readonly Numeric[] | Readonly<Record<string, Numeric>>,
  options: GrowthSeriesOptions = {},
): GrowthSeriesRow[] {
  const lag = readInteger(readSettings(options, OPTIONS), "lag", 1, 1, ["options"]);
  if (!Array.isArray(series) && !isRecord(series)) {
    throw new TargetreeError(
      "INVALID_ARGUMENT",
      `series must be an array or a record of values, got ${describeValue(series)}.`,
      { path: ["series"] },
    );
  }
  const entries: [string | number, unknown][] = Array.isArray(series)
    ? readItems(series, ["series"]).map((value, index) => [index, value])
    : keyedEntries(series, ["series"], "series");
  const values = entries.map(([key, value]) => toDecimal(value as Numeric, ["series", key]));
  return entries.map(([key], index) => {
    const value = values[index]!;
    const previous = index >= lag ? values[index - lag]! : null;
    if (previous === null) {
      return {
        key,
        value,
        previous,
        growth: null,
        reason: `No value ${lag} period${lag === 1 ? "" : "s"} earlier to compare with.`,
      };
    }
    if (previous.isZero()) {
      return {
        key,
        value,
        previous,
        growth: null,
        reason: "The comparison value is zero, so a growth rate is undefined.",
      };
    }
    return {
      key,
      value,
      previous,
      growth: checkMagnitude(
        value.minus(previous).div(previous.abs()),
        ["series", key],
        "The growth rate",
      ),
      reason: null,
    };
  });
}
