import type { Decimal } from "../_lib/decimal.js";
import type { Direction } from "../_lib/direction.js";
import { DIRECTIONS, shortfall } from "../_lib/direction.js";
import { checkMagnitude } from "../_lib/magnitude.js";
import type { Numeric } from "../_lib/types.js";
import { looksLikeRate, own, readChoice, requiredNumber, requireRecord } from "./_lib/input.js";

/** What a gap rate divides by: the target (default) or the current value (the baseline). */
export type GapBasis = "target" | "current";

/** `"rate"` for metrics that are themselves rates (conversion 8%): the gap is in percentage points. */
export type GapKind = "amount" | "rate";

/** The input of {@link gap}. */
export interface GapInput {
  /** Where the metric stands now (actual, or a baseline such as a 3-month average). */
  readonly current: Numeric;
  /** Where it should be. */
  readonly target: Numeric;
  /** Which way is better. Default `"higher"`. */
  readonly direction?: Direction;
  /** What the gap rate divides by. Default `"target"`. */
  readonly basis?: GapBasis;
  /**
   * `"rate"` labels the gap in percentage points (`gapUnit: "pp"`). Default: `"rate"` when
   * `current` or `target` is written as a percentage (`"8%"`), otherwise `"amount"`.
   */
  readonly kind?: GapKind;
}

/**
 * The result of {@link gap}: the shortfall, its rate on the chosen basis and on both bases, and
 * `met`.
 */
export interface GapResult {
  /**
   * The shortfall, in the metric's own unit: **positive = short of the target**, negative =
   * beyond it, zero = exactly on it. Higher is better: target − current; lower is better:
   * current − target.
   */
  readonly gap: Decimal;
  /** `"pp"` (percentage points) for rate metrics, `"amount"` otherwise. */
  readonly gapUnit: "amount" | "pp";
  /** The gap in percentage points (gap × 100) for rate metrics; `null` for amounts. */
  readonly points: Decimal | null;
  /** gap / |basis value| (a relative rate, 0.2 = 20%); `null` when the basis value is zero. */
  readonly rate: Decimal | null;
  /** Why `rate` is `null`; `null` when there is a rate. */
  readonly reason: string | null;
  /** The rate on each basis, side by side (`null` where that basis is zero). */
  readonly rates: {
    /** gap / |target|; `null` when the target is zero. */
    readonly target: Decimal | null;
    /** gap / |current|; `null` when the current value is zero. */
    readonly current: Decimal | null;
  };
  /** True when the current value reaches the target in the better direction (gap ≤ 0). */
  readonly met: boolean;
  /** The current value, exact (a percentage such as `"8%"` is read as 0.08). */
  readonly current: Decimal;
  /** The target, exact (a percentage such as `"12%"` is read as 0.12). */
  readonly target: Decimal;
  /** The basis `rate` divides by, as given or defaulted (`"target"`). */
  readonly basis: GapBasis;
  /** The value the rate divides by (the target or the current value). */
  readonly basisValue: Decimal;
  /** Which way is better, as given or defaulted (`"higher"`). */
  readonly direction: Direction;
  /** `"rate"` or `"amount"`, as given or detected from percentage inputs. */
  readonly kind: GapKind;
}

const BASES: readonly GapBasis[] = ["target", "current"];
const KINDS: readonly GapKind[] = ["amount", "rate"];

/**
 * The gap between where a metric is and its target (差距), with its rate on an explicit basis.
 *
 * Sign convention: the gap is a **shortfall** — positive while the target is not reached,
 * negative once it is beaten — whichever direction is better. The rate is gap / |basis|, so
 * it keeps the gap's sign. A zero basis gives `rate: null` and a `reason`, never Infinity
 * (achievement, whose only result is the ratio, throws instead).
 *
 * @param input - `current`, `target`, and optionally `direction`, `basis` and `kind`.
 * @returns The gap, its unit, the rate on the chosen basis and on both bases, and `met`.
 * @throws {TargetreeError} `INVALID_NUMBER` for NaN, `""`, `null` or other non-numbers;
 *   `INVALID_ARGUMENT` for a missing value or an unknown `direction`, `basis` or `kind`;
 *   `NUMBER_TOO_LARGE` when a result leaves the supported magnitude (|x| < 1e1000).
 *
 * @example
 * const sales = gap({ current: "80万", target: "100万" });
 * sales.gap.toString()  //=> "200000"
 * sales.rate?.toString() //=> "0.2"
 * const conversion = gap({ current: "8%", target: "12%", basis: "current" });
 * conversion.points?.toString() //=> "4"
 * conversion.gapUnit    //=> "pp"
 * conversion.rate?.toString() //=> "0.5"
 * gap({ current: 500, target: 400, direction: "lower" }).rate?.toString() //=> "0.25"
 */
export function gap(input: GapInput): GapResult {
  const record = requireRecord(input, [], "gap input");
  const current = requiredNumber(record, "current", []);
  const target = requiredNumber(record, "target", []);
  const direction = readChoice(record, "direction", DIRECTIONS, "higher", []);
  const basis = readChoice(record, "basis", BASES, "target", []);
  const detected: GapKind =
    looksLikeRate(own(record, "current")) || looksLikeRate(own(record, "target"))
      ? "rate"
      : "amount";
  const kind = readChoice(record, "kind", KINDS, detected, []);

  const difference = checkMagnitude(shortfall(current, target, direction), [], "The gap");
  const over = (value: Decimal, key: GapBasis): Decimal | null =>
    value.isZero() ? null : checkMagnitude(difference.div(value.abs()), [key], "The gap rate");
  const rates = { target: over(target, "target"), current: over(current, "current") };
  const rate = rates[basis];
  const basisValue = basis === "target" ? target : current;
  return {
    gap: difference,
    gapUnit: kind === "rate" ? "pp" : "amount",
    points: kind === "rate" ? checkMagnitude(difference.times(100), [], "The gap in points") : null,
    rate,
    reason:
      rate === null
        ? `The ${basis === "target" ? "target" : "current value"} is zero, so a gap rate on the ${basis} basis is undefined; read the gap itself or use the other basis.`
        : null,
    rates,
    met: difference.lte(0),
    current,
    target,
    basis,
    basisValue,
    direction,
    kind,
  };
}
