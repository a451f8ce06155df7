import { Decimal, ONE } from "../../_lib/decimal.js";
import type { ErrorPath } from "../../_lib/errors.js";
import { describeValue, TargetreeError } from "../../_lib/errors.js";
import { showValue } from "../../_lib/exact/index.js";
import { normaliseKey } from "./parts.js";

/** Shares completed to 100%: the caller's shares, then the remainder part if one is needed. */
export interface CompletedShares {
  readonly keys: readonly string[];
  readonly shares: readonly Decimal[];
  /** True when a remainder part was appended. */
  readonly remainderAdded: boolean;
}

/** Reads the remainder part's name: a non-empty string, default `"other"`. */
export function readRemainderName(value: unknown, path: ErrorPath): string {
  if (value === undefined) return "other";
  if (typeof value !== "string" || value.trim() === "") {
    throw new TargetreeError(
      "INVALID_ARGUMENT",
      `The remainder part needs a name (a non-empty string), got ${describeValue(value)}.`,
      { path },
    );
  }
  normaliseKey(value, path);
  return value;
}

/**
 * Checks shares (each ≥ 0, together ≤ 100%) and appends the remainder part when
 * they come to less than 100% (or always, when asked).
 */
export function completeShares(
  keys: readonly string[],
  shares: readonly Decimal[],
  remainder: string,
  alwaysIncludeRemainder: boolean,
  paths: {
    share(position: number): ErrorPath;
    readonly remainder: ErrorPath;
    readonly all: ErrorPath;
  },
): CompletedShares {
  let sum = new Decimal(0);
  shares.forEach((share, position) => {
    if (share.isNegative() && !share.isZero()) {
      throw new TargetreeError(
        "NEGATIVE_WEIGHT",
        `Shares must be zero or positive, got ${showValue(share)}.`,
        { path: paths.share(position) },
      );
    }
    sum = sum.plus(share);
  });
  if (sum.gt(ONE)) {
    throw new TargetreeError(
      "SHARES_EXCEED_TOTAL",
      `The shares add up to ${showValue(sum.times(100))}%, more than 100%. Shares are fractions of the total: write 40% as "40%" or 0.4.`,
      { path: paths.all, details: { sum: sum.toFixed() } },
    );
  }
  const rest = ONE.minus(sum);
  if (rest.isZero() && !alwaysIncludeRemainder) {
    return { keys, shares, remainderAdded: false };
  }
  const normal = normaliseKey(remainder, paths.remainder);
  if (keys.some((key) => key.normalize("NFC") === normal)) {
    throw new TargetreeError(
      "DUPLICATE_KEY",
      `The remainder part ${JSON.stringify(remainder)} (${showValue(rest.times(100))}% of the total) has the same name as one of the shares; choose another name with the remainder option.`,
      { path: paths.remainder },
    );
  }
  return { keys: [...keys, remainder], shares: [...shares, rest], remainderAdded: true };
}
