import { readItems } from "../_lib/arrays.js";
import type { Decimal } from "../_lib/decimal.js";
import { ZERO } from "../_lib/decimal.js";
import { describeValue, TargetreeError } from "../_lib/errors.js";
import { checkMagnitude } from "../_lib/magnitude.js";
import { readChoice } from "../_lib/options.js";
import type { Numeric, UnitOptions } from "../_lib/types.js";
import { toDecimal } from "../numbers/toDecimal.js";
import { optionalNumber, readFields, readSettings } from "./_lib/input.js";
import { roundToUnit } from "./_lib/round.js";

/** A bonus tier: from `from` (inclusive) up to the next tier's `from`. */
export interface BonusTier {
  /** Where the tier starts, inclusive: an amount of exactly `from` reaches it. */
  readonly from: Numeric;
  /** Share (or per-unit amount) paid on the tier's base: `"10%"`, `0.03`, or `200` per referral. */
  readonly rate?: Numeric;
  /** A flat amount paid when the tier is reached. */
  readonly fixed?: Numeric;
}

/** How tiers pay: on the whole amount at the highest tier reached, or slice by slice. */
export type BonusMode = "threshold" | "progressive";

/** Options of {@link tieredBonus}: how tiers pay, and `unit` / `rounding` for the total. */
export interface TieredBonusOptions extends UnitOptions {
  /**
   * `"threshold"` (default, 达标奖): the highest tier reached pays its `fixed` plus `rate` × the
   * whole amount. `"progressive"` (累进): every tier reached pays its `fixed` once plus `rate` ×
   * the slice of the amount that falls inside it, like tax brackets.
   */
  readonly mode?: BonusMode;
}

/** What one tier paid. */
export interface BonusLine {
  /** Index of the tier in the caller's list. */
  readonly tier: number;
  /** The tier's start, exact. */
  readonly from: Decimal;
  /** The next tier's start; `null` for the top tier. */
  readonly to: Decimal | null;
  /** What the rate applied to: the whole amount (threshold) or the slice in the tier. */
  readonly base: Decimal;
  /** The tier's rate (0 when the tier gave none). */
  readonly rate: Decimal;
  /** The tier's flat amount (0 when the tier gave none). */
  readonly fixed: Decimal;
  /** fixed + rate × base, before rounding. */
  readonly bonus: Decimal;
}

/** The result of {@link tieredBonus}. */
export interface TieredBonusResult {
  /** The bonus, rounded to `unit` if one was given. */
  readonly bonus: Decimal;
  /** Index of the highest tier reached; `null` when the amount is below every tier. */
  readonly tier: number | null;
  /** The tiers that paid, lowest first. */
  readonly lines: readonly BonusLine[];
}

const OPTIONS: readonly string[] = ["mode", "unit", "rounding"];
const MODES: readonly BonusMode[] = ["threshold", "progressive"];
const TIER_FIELDS: readonly string[] = ["from", "rate", "fixed"];

interface Tier {
  readonly from: Decimal;
  readonly rate: Decimal;
  readonly fixed: Decimal;
}

/**
 * A bonus or commission from tiers (阶梯奖金). Tiers start at `from` (inclusive), sorted
 * strictly ascending; an amount below the first tier earns nothing.
 *
 * @param amount - What the bonus is measured on: sales, or a count such as referrals.
 * @param tiers - At least one tier, `from` strictly ascending, each with a `rate`, a `fixed`
 *   amount or both (neither negative).
 * @param options - `mode`, and `unit` / `rounding` for the total.
 * @returns The bonus, the highest tier reached, and what each tier paid.
 * @throws {TargetreeError} `INVALID_TIERS` for an empty list, unsorted or overlapping
 *   (repeated) starts, or a tier with no (or a negative) `rate` and `fixed`; `INVALID_NUMBER`
 *   for a value that is not a number; `UNKNOWN_OPTION` for an option other than `mode`, `unit`,
 *   `rounding`, or a tier field other than `from`, `rate`, `fixed`; `INVALID_ARGUMENT` for bad
 *   options;
 *   `NUMBER_TOO_LARGE` when a result leaves the supported magnitude (|x| < 1e1000).
 *
 * @example
 * tieredBonus("10万", [{ from: "10万", fixed: "1万" }]).bonus.toString() //=> "10000"
 * tieredBonus(5, [{ from: 0, rate: 200 }]).bonus.toString()            //=> "1000"
 * const tiers = [{ from: "5万", rate: "3%" }, { from: "10万", rate: "5%" }];
 * tieredBonus("12万", tiers).bonus.toString()                            //=> "6000"
 * tieredBonus("12万", tiers, { mode: "progressive" }).bonus.toString()   //=> "2500"
 */
export function tieredBonus(
  amount: Numeric,
  tiers: readonly BonusTier[],
  options: TieredBonusOptions = {},
): TieredBonusResult {
  const value = toDecimal(amount, ["amount"]);
  const settings = readSettings(options, OPTIONS);
  const mode = readChoice(settings, "mode", MODES, "threshold", ["options"]);
  const list = readTiers(tiers);

  let reached = -1;
  list.forEach((tier, index) => {
    if (value.gte(tier.from)) reached = index;
  });
  if (reached < 0) {
    // Stryker disable next-line StringLiteral: rounding 0 never fails, so the path is never shown
    return { bonus: roundToUnit(ZERO, settings, ["amount"]), tier: null, lines: [] };
  }
  const upper = (index: number): Decimal | null => list[index + 1]?.from ?? null;
  const lines: BonusLine[] = [];
  if (mode === "threshold") {
    const tier = list[reached]!;
    lines.push(line(reached, tier, upper(reached), value));
  } else {
    for (let index = 0; index <= reached; index++) {
      const tier = list[index]!;
      const to = upper(index);
      const top = to === null || value.lt(to) ? value : to;
      lines.push(line(index, tier, to, top.minus(tier.from)));
    }
  }
  const total = lines.reduce((sum, item) => sum.plus(item.bonus), ZERO);
  return { bonus: roundToUnit(total, settings, ["amount"], "The bonus"), tier: reached, lines };
}

function line(index: number, tier: Tier, to: Decimal | null, base: Decimal): BonusLine {
  const path = ["tiers", index];
  const checkedBase = checkMagnitude(base, path, "A tier's base");
  return {
    tier: index,
    from: tier.from,
    to,
    base: checkedBase,
    rate: tier.rate,
    fixed: tier.fixed,
    bonus: checkMagnitude(tier.fixed.plus(tier.rate.times(checkedBase)), path, "A tier's bonus"),
  };
}

function readTiers(tiers: unknown): Tier[] {
  if (!Array.isArray(tiers) || tiers.length === 0) {
    throw new TargetreeError(
      "INVALID_TIERS",
      `tiers must be a non-empty array of { from, rate?, fixed? }, got ${describeValue(tiers)}.`,
      { path: ["tiers"] },
    );
  }
  const list: Tier[] = [];
  readItems(tiers as readonly unknown[], ["tiers"]).forEach((item: unknown, index) => {
    const path = ["tiers", index];
    const record = readFields(item, TIER_FIELDS, path, `tiers[${index}]`);
    const from = optionalNumber(record, "from", path);
    if (from === undefined) {
      throw new TargetreeError("INVALID_TIERS", `tiers[${index}] needs a from value.`, {
        path: [...path, "from"],
      });
    }
    const rate = optionalNumber(record, "rate", path);
    const fixed = optionalNumber(record, "fixed", path);
    if (rate === undefined && fixed === undefined) {
      throw new TargetreeError(
        "INVALID_TIERS",
        `tiers[${index}] pays nothing: give a rate or a fixed amount.`,
        {
          path,
        },
      );
    }
    for (const [key, figure] of [
      ["rate", rate],
      ["fixed", fixed],
    ] as const) {
      if (figure?.lt(0)) {
        throw new TargetreeError("INVALID_TIERS", `tiers[${index}].${key} must not be negative.`, {
          path: [...path, key],
        });
      }
    }
    const previous = list[index - 1];
    if (previous !== undefined && !from.gt(previous.from)) {
      throw new TargetreeError(
        "INVALID_TIERS",
        from.eq(previous.from)
          ? `tiers[${index}] starts where tiers[${index - 1}] starts: tiers overlap.`
          : `tiers must be sorted by from, ascending; tiers[${index}] starts below tiers[${index - 1}].`,
        { path: [...path, "from"] },
      );
    }
    list.push({ from, rate: rate ?? ZERO, fixed: fixed ?? ZERO });
  });
  return list;
}
