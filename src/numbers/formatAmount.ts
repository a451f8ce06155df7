import { Decimal } from "../_lib/decimal.js";
import { readDigits } from "../_lib/digits.js";
import { readBoolean, readChoice, readOptions } from "../_lib/options.js";
import type { Numeric, RoundingMode } from "../_lib/types.js";
import { groupDecimal, NO_VALUE, readNumberStyle, roundForDisplay } from "./_lib/display.js";
import { toDecimal } from "./toDecimal.js";

/** How `formatAmount` scales a value: by 亿 or 万, in 元, plain, or by magnitude (`"auto"`). */
export type AmountScale = "auto" | "亿" | "万" | "元" | "none";

/** Options of {@link formatAmount}; an unknown key is `UNKNOWN_OPTION`, a bad value `INVALID_ARGUMENT`. */
export interface FormatAmountOptions {
  /**
   * The display scale. Default `"auto"`: 亿 from 1亿, 万 from 1万, plain below, chosen after
   * rounding (9999.995 shows as `1万`, not `10,000`). `"万"` and `"亿"` always use that scale;
   * `"元"` appends 元; `"none"` is plain.
   */
  readonly scale?: AmountScale;
  /** Most fraction digits shown after scaling. Default 2. Trailing zeros are dropped unless `fixed`. */
  readonly digits?: number;
  /** Always show exactly `digits` fraction digits. Default `false`. */
  readonly fixed?: boolean;
  /** Default `"half-up"` (四舍五入). */
  readonly rounding?: RoundingMode;
  /** A BCP 47 locale for digit grouping. Default `"zh-CN"`. */
  readonly locale?: string;
}

const OPTIONS: readonly (keyof FormatAmountOptions)[] = [
  "scale",
  "digits",
  "fixed",
  "rounding",
  "locale",
];
const SCALES: readonly AmountScale[] = ["auto", "亿", "万", "元", "none"];

/** The magnitudes `"auto"` chooses from, smallest first, with their powers of ten. */
const LADDER: readonly { readonly suffix: "" | "万" | "亿"; readonly power: number }[] = [
  { suffix: "", power: 0 },
  { suffix: "万", power: 4 },
  { suffix: "亿", power: 8 },
];

const TEN_THOUSAND = /* @__PURE__ */ new Decimal(10_000);

/**
 * Checks a `digits` option value on its own: a whole number from 0 to 20, else `INVALID_ARGUMENT`
 * at `["options", "digits"]`. For renderTree; prefer `readDigits` on the options record.
 */
export function checkDigits(digits: unknown, fallback: number): number {
  return readDigits({ digits }, "digits", fallback, ["options"]);
}

/**
 * Formats an amount for people: `480万`, `1.2亿`, `909,090.91`. With the default `scale: "auto"`
 * the scale is chosen after rounding, so a value never shows as `10,000万` when it is `1亿`.
 *
 * @param value - The amount; `null` (a value given as `null` plus a reason) shows as `"—"`.
 * @param options - `scale`, `digits`, `fixed`, `rounding` and `locale`.
 * @returns The formatted text.
 * @throws {TargetreeError} `INVALID_NUMBER` for a bad value; `UNKNOWN_OPTION` for an unknown
 *   option key; `INVALID_ARGUMENT` for a bad option value (path `["options", key]`).
 *
 * @example
 * formatAmount(4_800_000)                    //=> "480万"
 * formatAmount("1.2亿")                       //=> "1.2亿"
 * formatAmount("99999999.995")               //=> "1亿"
 * formatAmount(909090.909, { scale: "元" })  //=> "909,090.91元"
 * formatAmount(120_000_000, { scale: "万" }) //=> "12,000万"
 * formatAmount(null)                         //=> "—"
 */
export function formatAmount(value: Numeric | null, options?: FormatAmountOptions): string {
  const settings = readOptions(options, OPTIONS);
  const scale = readChoice(settings, "scale", SCALES, "auto", ["options"]);
  const digits = readDigits(settings, "digits", 2, ["options"]);
  const fixed = readBoolean(settings, "fixed", false, ["options"]);
  const style = readNumberStyle(settings, ["options"]);
  if (value === null) return NO_VALUE;
  const amount = toDecimal(value, ["value"]);
  let step: (typeof LADDER)[number];
  if (scale === "auto") {
    const magnitude = amount.abs();
    let level = magnitude.gte(1e8) ? 2 : magnitude.gte(1e4) ? 1 : 0;
    // Chosen after rounding: 9999.995 rounds to 10,000.00, which is shown as 1万.
    while (
      level < 2 &&
      roundForDisplay(shift(amount, LADDER[level]!.power), digits, style).abs().gte(TEN_THOUSAND)
    ) {
      level++;
    }
    step = LADDER[level]!;
  } else {
    step = scale === "亿" ? LADDER[2]! : scale === "万" ? LADDER[1]! : LADDER[0]!;
  }
  const text = groupDecimal(shift(amount, step.power), digits, fixed, style);
  return `${text}${step.suffix === "" && scale === "元" ? "元" : step.suffix}`;
}

/** `value` divided by 10^power, exactly. */
function shift(value: Decimal, power: number): Decimal {
  return power === 0 ? value : value.times(new Decimal(10).pow(-power));
}
