// The one reader of a `digits` option: how many fraction digits a display shows (formatAmount,
// formatPercent, toPlain, renderTree).
import { describeValue, type ErrorPath, TargetreeError } from "./errors.js";
import { own } from "./records.js";

/** Most fraction digits a display may ask for. */
export const MAX_DISPLAY_DIGITS = 20;

/**
 * An optional whole number of fraction digits from 0 to 20; absent gives the fallback, anything
 * else is `INVALID_ARGUMENT` at `[...path, key]`.
 */
export function readDigits(record: object, key: string, fallback: number, path: ErrorPath): number {
  const value = own(record, key);
  if (value === undefined) return fallback;
  if (
    typeof value !== "number" ||
    !Number.isInteger(value) ||
    value < 0 ||
    value > MAX_DISPLAY_DIGITS
  ) {
    throw new TargetreeError(
      "INVALID_ARGUMENT",
      `${key} must be a whole number from 0 to ${MAX_DISPLAY_DIGITS}, got ${describeValue(value)}.`,
      { path: [...path, key] },
    );
  }
  return value;
}
