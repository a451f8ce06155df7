import type { Decimal } from "../_lib/decimal.js";
import { describeValue, TargetreeError } from "../_lib/errors.js";
import { countsToDecimals } from "../_lib/exact/index.js";
import type { Numeric, UnitOptions } from "../_lib/types.js";
import { toDecimal } from "../numbers/toDecimal.js";
import { spreadUnits } from "./_lib/engine.js";
import { option, readBoolean, readOptions, readTotal, readUnitSetup } from "./_lib/options.js";
import { isRecord, readParts } from "./_lib/parts.js";
import { rootNames, shapeLike } from "./_lib/run.js";
import { completeShares, readRemainderName } from "./_lib/shares.js";
import { readWeights } from "./_lib/weights.js";

export interface SplitBySharesOptions extends UnitOptions {
  /** Name of the part that takes what the shares leave when they come to less than 100%. Default `"other"`. */
  readonly remainder?: string;
  /**
   * Include the remainder part even when the shares come to exactly 100% (it is then
   * zero), so every result has the same keys. Default `false`: no empty part.
   */
  readonly alwaysIncludeRemainder?: boolean;
  /** Round a total that is not a whole multiple of `unit` first. Default `false` (it throws). */
  readonly roundTotal?: boolean;
}

/** The parts by key, in the shares' order, then the remainder part if there is one. */
export type SplitBySharesResult = Record<string, Decimal>;

/**
 * Splits a total by shares written as `"40%"` or `0.4`. When the shares come to
 * less than 100%, the rest goes to an explicit remainder part (default `"other"`),
 * so "粮油 40%, 日化 30%, …" never loses the 30% behind the "…". Parts are whole
 * multiples of `unit` (default 0.01) and sum to the total exactly (largest remainder).
 *
 * @param total - The amount to split.
 * @param shares - A record of shares, each ≥ 0, together at most 100%.
 * @param options - `remainder`, `alwaysIncludeRemainder`, `unit`, `rounding`, `roundTotal`.
 * @returns A null-prototype record of parts.
 * @throws {TargetreeError} `SHARES_EXCEED_TOTAL` when the shares exceed 100%;
 *   `NEGATIVE_WEIGHT` for a negative share; `INVALID_NUMBER`; `DUPLICATE_KEY` when the
 *   remainder's name is taken or keys clash after NFC; `NOT_A_MULTIPLE_OF_UNIT`;
 *   `INVALID_ARGUMENT` for empty shares or bad options.
 *
 * @example
 * const byProduct = splitByShares("1.2亿", { 粮油: "40%", 日化: "30%" }, { remainder: "其他" });
 * Object.keys(byProduct)
 * //=> ["粮油", "日化", "其他"]
 * String(byProduct.其他)
 * //=> "36000000"
 * String(splitByShares(100, { a: 0.5, b: "50%" }).b)
 * //=> "50"
 */
export function splitByShares(
  total: Numeric,
  shares: Readonly<Record<string, Numeric>>,
  options?: SplitBySharesOptions,
): SplitBySharesResult {
  const raw = readOptions(options);
  const setup = readUnitSetup(raw);
  const remainder = readRemainderName(option(raw, "remainder"), ["remainder"]);
  const always = readBoolean(option(raw, "alwaysIncludeRemainder"), false, [
    "alwaysIncludeRemainder",
  ]);
  const amount = readTotal(total, setup);
  if (!isRecord(shares)) {
    throw new TargetreeError(
      "INVALID_ARGUMENT",
      `shares must be a record such as { 粮油: "40%" }, got ${describeValue(shares)}.`,
      { path: ["shares"] },
    );
  }
  const given = readParts(shares, ["shares"], "shares");
  const values = given.values.map((value, i) =>
    toDecimal(value as Numeric, ["shares", given.keys![i]!]),
  );
  const completed = completeShares(given.keys!, values, remainder, always, {
    share: (i) => ["shares", given.keys![i]!],
    remainder: ["remainder"],
    all: ["shares"],
  });
  const parts = { ...given, keys: completed.keys, values: completed.shares };
  const { counts } = spreadUnits({
    units: amount.units,
    weights: readWeights(parts),
    holds: null,
    lower: null,
    upper: null,
    onZeroWeights: "even",
    unit: setup.scaled,
    names: rootNames(parts),
  });
  return shapeLike(parts, countsToDecimals(counts, setup.scaled)) as SplitBySharesResult;
}
