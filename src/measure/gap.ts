import type { Decimal } from "../_lib/decimal.js";
import type { Direction } from "../_lib/direction.js";
import { DIRECTIONS, shortfall } from "../_lib/direction.js";
import { checkMagnitude } from "../_lib/magnitude.js";
import { readBoolean, readChoice } from "../_lib/options.js";
import { own } from "../_lib/records.js";
import type { Numeric } from "../_lib/types.js";
import { looksLikeRate, readFields, requiredNumber } from "./_lib/input.js";

/** What a gap rate divides by: the target (default) or the actual value (the baseline). */
export type GapBasis = "target" | "actual";

/** `"rate"` for metrics that are themselves rates (conversion 8%): the gap is in percentage points. */
export type GapKind = "amount" | "rate";

/** The input of {@link gap}. */
export interface GapInput {
  /** Where the metric stands now (the actual result, or a baseline such as a 3-month average). */
  readonly actual: Numeric;
  /** Where it should be. */
  readonly target: Numeric;
  /** Which way is better. Default `"higher"`. */
  readonly direction?: Direction;
  /** What the gap rate divides by. Default `"target"`. */
  readonly basis?: GapBasis;
  /**
   * `"rate"` labels the gap in percentage points (`gapUnit: "pp"`). Default: `"rate"` when
   * `actual` or `target` is written as a percentage (`"8%"`), otherwise `"amount"`.
   */
  readonly kind?: GapKind;
  /**
   * Also give the gap rate on both bases side by side (`gapRates`). Default `false`: only the
   * rate on `basis` is computed, so a million rows do not pay for a second 64-digit division.
   */
  readonly bothBases?: boolean;
}

/**
 * The result of {@link gap}: the shortfall, its rate on the chosen basis (and on both bases with
 * `bothBases: true`), and `met`.
 */
export interface GapResult {
  /**
   * The shortfall, in the metric's own unit: **positive = short of the target**, negative =
   * beyond it, zero = exactly on it. Higher is better: target − actual; lower is better:
   * actual − target.
   */
  readonly gap: Decimal;
  /** `"pp"` (percentage points) for rate metrics, `"amount"` otherwise. */
  readonly gapUnit: "amount" | "pp";
  /** The gap in percentage points (gap × 100) for rate metrics; `null` for amounts. */
  readonly points: Decimal | null;
  /** gap / |basis value| (a relative rate, 0.2 = 20%); `null` when the basis value is zero. */
  readonly gapRate: Decimal | null;
  /** Why `gapRate` is `null`; `null` when there is a gap rate. */
  readonly reason: string | null;
  /**
   * Only with `bothBases: true`: the gap rate on each basis, side by side (`null` where that basis
   * is zero).
   */
  readonly gapRates?: {
    /** gap / |target|; `null` when the target is zero. */
    readonly target: Decimal | null;
    /** gap / |actual|; `null` when the actual value is zero. */
    readonly actual: Decimal | null;
  };
  /** True when the actual value reaches the target in the better direction (gap ≤ 0). */
  readonly met: boolean;
  /** The actual value, exact (a percentage such as `"8%"` is read as 0.08). */
  readonly actual: Decimal;
  /** The target, exact (a percentage such as `"12%"` is read as 0.12). */
  readonly target: Decimal;
  /** The basis `gapRate` divides by, as given or defaulted (`"target"`). */
  readonly basis: GapBasis;
  /** The value the gap rate divides by (the target or the actual value). */
  readonly basisValue: Decimal;
  /** Which way is better, as given or defaulted (`"higher"`). */
  readonly direction: Direction;
  /** `"rate"` or `"amount"`, as given or detected from percentage inputs. */
  readonly kind: GapKind;
}

const FIELDS: readonly string[] = ["actual", "target", "direction", "basis", "kind", "bothBases"];
const BASES: readonly GapBasis[] = ["target", "actual"];
const KINDS: readonly GapKind[] = ["amount", "rate"];

/**
 * The gap between where a metric is and its target (差距), with its gap rate on an explicit basis.
 *
 * Sign convention: the gap is a **shortfall** — positive while the target is not reached,
 * negative once it is beaten — whichever direction is better. The gap rate is gap / |basis|, so
 * it keeps the gap's sign. A zero basis is a data condition, not an error: `gapRate` is `null`
 * and `reason` says why, never Infinity.
 *
 * @param input - `actual`, `target`, and optionally `direction`, `basis`, `kind` and `bothBases`;
 *   any other field is refused.
 * @returns The gap, its unit, the gap rate on the chosen basis (on both bases too with
 *   `bothBases: true`), and `met`.
 * @throws {TargetreeError} `INVALID_NUMBER` for NaN, `""`, `null` or other non-numbers;
 *   `UNKNOWN_OPTION` for a field that is not one of the above (`directon`), naming the closest;
 *   `INVALID_ARGUMENT` for a missing value or an unknown `direction`, `basis` or `kind`;
 *   `NUMBER_TOO_LARGE` when a result leaves the supported magnitude (|x| < 1e1000).
 *
 * @example
 * const sales = gap({ actual: "80万", target: "100万" });
 * sales.gap.toString()  //=> "200000"
 * sales.gapRate?.toString() //=> "0.2"
 * const conversion = gap({ actual: "8%", target: "12%", basis: "actual" });
 * conversion.points?.toString() //=> "4"
 * conversion.gapUnit    //=> "pp"
 * conversion.gapRate?.toString() //=> "0.5"
 * gap({ actual: 500, target: 400, direction: "lower" }).gapRate?.toString() //=> "0.25"
 * gap({ actual: 5, target: 0 }).gapRate //=> null
 * const both = gap({ actual: 80, target: 100, bothBases: true }).gapRates!;
 * [both.target?.toString(), both.actual?.toString()] //=> ["0.2", "0.25"]
 */
export function gap(input: GapInput & { readonly bothBases: true }): GapResult & {
  /** The gap rate on both bases, given because `bothBases` is `true`. */
  readonly gapRates: NonNullable<GapResult["gapRates"]>;
};
export function gap(input: GapInput): GapResult;
export function gap(input: GapInput): GapResult {
  const record = readFields(input, FIELDS, [], "gap input");
  const actual = requiredNumber(record, "actual", []);
  const target = requiredNumber(record, "target", []);
  const direction = readChoice(record, "direction", DIRECTIONS, "higher", []);
  const basis = readChoice(record, "basis", BASES, "target", []);
  const detected: GapKind =
    looksLikeRate(own(record, "actual")) || looksLikeRate(own(record, "target"))
      ? "rate"
      : "amount";
  const kind = readChoice(record, "kind", KINDS, detected, []);
  const bothBases = readBoolean(record, "bothBases", false, []);

  const difference = checkMagnitude(shortfall(actual, target, direction), [], "The gap");
  const over = (value: Decimal, key: GapBasis): Decimal | null =>
    value.isZero() ? null : checkMagnitude(difference.div(value.abs()), [key], "The gap rate");
  const gapRate = over(basis === "target" ? target : actual, basis);
  const gapRates = bothBases
    ? basis === "target"
      ? { target: gapRate, actual: over(actual, "actual") }
      : { target: over(target, "target"), actual: gapRate }
    : null;
  return {
    gap: difference,
    gapUnit: kind === "rate" ? "pp" : "amount",
    points: kind === "rate" ? checkMagnitude(difference.times(100), [], "The gap in points") : null,
    gapRate,
    reason:
      gapRate === null
        ? `The ${basis} is zero, so a gap rate on the ${basis} basis is undefined; read the gap itself or use the other basis.`
        : null,
    ...(gapRates === null ? {} : { gapRates }),
    met: difference.lte(0),
    actual,
    target,
    basis,
    basisValue: basis === "target" ? target : actual,
    direction,
    kind,
  };
}
