import type { Decimal } from "../_lib/decimal.js";
import { describeValue, TargetreeError } from "../_lib/errors.js";
import { countsToDecimals } from "../_lib/exact/index.js";
import { readBoolean, readOptions } from "../_lib/options.js";
import { own } from "../_lib/records.js";
import type { Numeric, UnitOptions } from "../_lib/types.js";
import { toDecimal } from "../numbers/toDecimal.js";
import { spreadUnits } from "./_lib/engine.js";
import { readTotal, readUnitSetup, unitKeysAnd } from "./_lib/options.js";
import { isPartsRecord, readParts } from "./_lib/parts.js";
import { rootNames, shapeLike } from "./_lib/run.js";
import { completeShares, readRemainderName } from "./_lib/shares.js";
import { readWeights } from "./_lib/weights.js";

/** Options of {@link splitByShares}; `R` is the remainder part's name. */
export interface SplitBySharesOptions<R extends string = string> extends UnitOptions {
  /** Name of the part that takes what the shares leave when they come to less than 100%. Default `"other"`. */
  readonly remainder?: R;
  /**
   * Include the remainder part even when the shares come to exactly 100% (it is then
   * zero), so every result has the same keys. Default `false`: no empty part.
   */
  readonly alwaysIncludeRemainder?: boolean;
  /** Round a total that is not a whole multiple of `unit` first. Default `false` (it throws). */
  readonly roundTotal?: boolean;
}

/**
 * The parts by key, in the shares' order, then the remainder part `R` if there is one (always,
 * with `alwaysIncludeRemainder: true`). Typed by the shares' keys `K`.
 */
export type SplitBySharesResult<K extends string = string, R extends string = string> = Record<
  K,
  Decimal
> &
  (string extends R ? Record<string, Decimal> : Partial<Record<R, Decimal>>);

const SPLIT_BY_SHARES_KEYS = /* @__PURE__ */ unitKeysAnd("remainder", "alwaysIncludeRemainder");

/**
 * Splits a total by shares written as `"40%"` or `0.4`. When the shares come to
 * less than 100%, the rest goes to an explicit remainder part (default `"other"`),
 * so "粮油 40%, 日化 30%, …" never loses the 30% behind the "…". Parts are whole
 * multiples of `unit` (default 0.01) and sum to the total exactly (largest remainder).
 *
 * @param total - The amount to split.
 * @param shares - A record of shares, each ≥ 0, together at most 100%.
 * @param options - `remainder`, `alwaysIncludeRemainder`, `unit`, `rounding`, `roundTotal`.
 * @returns A null-prototype record of parts, typed by the shares' keys and the remainder's name.
 * @throws {TargetreeError} `SHARES_EXCEED_TOTAL` when the shares exceed 100%;
 *   `NEGATIVE_WEIGHT` for a negative share; `INVALID_NUMBER`; `DUPLICATE_KEY` when the
 *   remainder's name is taken or keys clash after NFC; `NOT_A_MULTIPLE_OF_UNIT`;
 *   `UNKNOWN_OPTION` for an option key it does not define; `INVALID_ARGUMENT` for empty shares or
 *   bad options; `SPLIT_TOO_LARGE` as for `allocate`.
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
export function splitByShares<
  const W extends Readonly<Record<string, Numeric>>,
  const R extends string = "other",
>(
  total: Numeric,
  shares: W,
  options: SplitBySharesOptions<R> & { readonly alwaysIncludeRemainder: true },
): Record<NoInfer<(keyof W & string) | R>, Decimal>;
export function splitByShares<
  const W extends Readonly<Record<string, Numeric>>,
  const R extends string = "other",
>(
  total: Numeric,
  shares: W,
  options?: SplitBySharesOptions<R>,
): SplitBySharesResult<NoInfer<keyof W & string>, NoInfer<R>>;
export function splitByShares(
  total: Numeric,
  shares: Readonly<Record<string, Numeric>>,
  options?: SplitBySharesOptions,
): SplitBySharesResult {
  const raw = readOptions(options, SPLIT_BY_SHARES_KEYS, ["options"]);
  const setup = readUnitSetup(raw, ["options"]);
  const remainder = readRemainderName(own(raw, "remainder"), ["options", "remainder"]);
  const always = readBoolean(raw, "alwaysIncludeRemainder", false, ["options"]);
  const amount = readTotal(total, setup);
  if (!isPartsRecord(shares)) {
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
    remainder: ["options", "remainder"],
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
