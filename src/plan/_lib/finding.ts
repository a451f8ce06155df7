// Building findings: severities by code, decimals as exact strings, amounts in words.
import type { Decimal } from "../../_lib/decimal.js";
import type { ErrorPath } from "../../_lib/errors.js";
import { formatPercent } from "../../numbers/formatPercent.js";
import type {
  Figures,
  Finding,
  FindingCode,
  FindingSeverity,
  FixOption,
  PlanEdit,
} from "../types.js";

/** The severity of each code, as PLAN.md's table gives it. */
export const SEVERITY: Readonly<Record<FindingCode, FindingSeverity>> = {
  DRIVERS_DISAGREE: "error",
  DRIVERS_INVALID: "error",
  SHARES_INCOMPLETE: "warning",
  SHARES_EXCEED: "error",
  AMOUNTS_MISMATCH: "error",
  HOLDS_EXCEED: "error",
  HOLDS_LEAVE_REST: "error",
  BOUNDS_INFEASIBLE: "error",
  NOT_A_MULTIPLE_OF_UNIT: "error",
  EVEN_SPLIT_IGNORES_WEIGHTS: "warning",
  DUPLICATE_PERIOD: "error",
  MISSING_PERIOD: "warning",
  PATH_MISMATCH: "error",
  GROWTH_REQUIRED: "info",
  MIXED_GAP_BASES: "warning",
  STATED_RATE_MISMATCH: "warning",
  PROVISIONAL_CALENDAR: "warning",
  CALENDAR_YEAR_MISSING: "error",
  UNKNOWN_FIELD: "error",
};

export function finding(
  code: FindingCode,
  path: ErrorPath,
  message: string,
  figures: Figures,
  fix: readonly FixOption[] = [],
): Finding {
  return { code, severity: SEVERITY[code], path: [...path], message, figures, fix };
}

export function fixOption(
  action: string,
  message: string,
  edits: readonly PlanEdit[],
  figures: Figures = {},
): FixOption {
  return { action, message, edits, figures };
}

/** A decimal as exact plain text: no exponent, never "-0". */
export function plain(value: Decimal): string {
  return value.isZero() ? "0" : value.toFixed();
}

/** A ratio for figures: at most 6 decimals (a rate is read, not summed). */
export function ratio(value: Decimal): string {
  return plain(value.toDecimalPlaces(6));
}

/** A ratio for messages: `96%`, `33.33%`. */
export function percent(value: Decimal): string {
  return formatPercent(value);
}

/** An amount for messages, exact: `1.2亿`, `480万`, `3,600万`, `58,200`, `0.5`. */
export function amount(value: Decimal): string {
  const size = value.abs();
  for (const [scale, suffix] of [
    [1e8, "亿"],
    [1e4, "万"],
  ] as const) {
    const scaled = value.div(scale);
    if (size.gte(scale) && scaled.decimalPlaces() <= 4) return `${group(scaled)}${suffix}`;
  }
  return group(value);
}

function group(value: Decimal): string {
  const text = plain(value);
  const [whole, fraction] = text.split(".") as [string, string | undefined];
  const sign = whole.startsWith("-") ? "-" : "";
  const digits = sign === "" ? whole : whole.slice(1);
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${sign}${grouped}${fraction === undefined ? "" : `.${fraction}`}`;
}
