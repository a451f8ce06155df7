// The size bound of a split. A part's cost grows with the digits of the amount counted in units
// (1 at unit 1e-500 is a 501-digit count), so a small call — a count of parts and a fine unit —
// could ask for gigabytes. Parts × digits is bounded before any part is made.
import type { Decimal } from "../../_lib/decimal.js";
import { type ErrorPath, TargetreeError } from "../../_lib/errors.js";
import { exponentOf } from "../../_lib/exact/index.js";
import { MAX_SPLIT_DIGITS, MAX_SPLIT_PARTS } from "../../_lib/limits.js";

/** Decimal digits of a count of units (at least 1). */
export function unitDigits(units: bigint): number {
  return (units < 0n ? -units : units).toString().length;
}

/** Decimal digits of `amount` counted in `unit`, from the exponents (exact to one digit). */
export function amountDigits(amount: Decimal, unit: Decimal): number {
  if (amount.isZero()) return 1;
  return Math.max(1, exponentOf(amount) - exponentOf(unit) + 1);
}

/** What a size error names: where the parts come from, and the unit. */
export interface SplitSize {
  /** How many parts the split makes (cells, periods × levels…). */
  readonly parts: number;
  /** Digits of the amount counted in units. */
  readonly digits: number;
  /** The unit, for the message. */
  readonly unit: Decimal;
  /** Where the parts come from in the caller's input (`["keysOrCount"]`, `["weights"]`). */
  readonly path: ErrorPath;
  /** The parts in the message: `"parts"`, `"cells"`, `"periods"`. Default `"parts"`. */
  readonly noun?: string;
}

/**
 * Throws `SPLIT_TOO_LARGE` when `parts × digits` passes MAX_SPLIT_DIGITS, saying how many parts
 * this unit allows and what else to do.
 */
export function checkSplitSize(size: SplitSize): void {
  const { parts, digits } = size;
  if (parts * digits <= MAX_SPLIT_DIGITS) return;
  const noun = size.noun ?? "parts";
  const allowed = Math.min(MAX_SPLIT_PARTS, Math.floor(MAX_SPLIT_DIGITS / digits));
  const english = (n: number) => n.toLocaleString("en");
  throw new TargetreeError(
    "SPLIT_TOO_LARGE",
    `${english(parts)} ${noun} of up to ${english(digits)} digits each (the amount counted in units of ${size.unit.toString()}) is more than one split works through (${english(MAX_SPLIT_DIGITS)} digits in all). ` +
      `Split into at most ${english(allowed)} ${noun} at this unit, use a coarser unit, or split in stages (first into groups, then each group).`,
    {
      path: size.path,
      details: { parts, digits, limit: MAX_SPLIT_DIGITS, allowed },
    },
  );
}
