// Period labels of a plan's path: "2026" (a year), "2026-Q1" (a quarter), "2026-03" (a month),
// as ordinals so that a missing or repeated period is a gap or a tie between numbers.
import type { IsoDate } from "../../time/types.js";

export type LabelKind = "year" | "quarter" | "month";

export interface PeriodLabel {
  readonly kind: LabelKind;
  /** Consecutive periods of one kind have consecutive ordinals. */
  readonly ordinal: number;
}

/** The label's kind and ordinal, or null when it is not a year, quarter or month label. */
export function parsePeriodLabel(label: string): PeriodLabel | null {
  let match = /^(\d{4})$/.exec(label);
  if (match) return { kind: "year", ordinal: Number(match[1]) };
  match = /^(\d{4})-Q([1-4])$/.exec(label);
  if (match) return { kind: "quarter", ordinal: Number(match[1]) * 4 + Number(match[2]) - 1 };
  match = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(label);
  if (match) return { kind: "month", ordinal: Number(match[1]) * 12 + Number(match[2]) - 1 };
  return null;
}

/** The label of an ordinal of a kind. */
export function formatPeriodLabel(kind: LabelKind, ordinal: number): string {
  if (kind === "year") return String(ordinal);
  if (kind === "quarter") return `${Math.floor(ordinal / 4)}-Q${(ordinal % 4) + 1}`;
  return `${Math.floor(ordinal / 12)}-${String((ordinal % 12) + 1).padStart(2, "0")}`;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function lastDay(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]!;
}

/**
 * The label of the plan's own period in a path of `kind`, when the period is exactly one such
 * period (2024-01-01..2024-12-31 is "2024"); otherwise null.
 */
export function planLabel(kind: LabelKind, start: IsoDate, end: IsoDate): PeriodLabel | null {
  const [y1, m1, d1] = start.split("-").map(Number) as [number, number, number];
  const [y2, m2, d2] = end.split("-").map(Number) as [number, number, number];
  if (y1 !== y2 || d1 !== 1 || d2 !== lastDay(y2, m2)) return null;
  if (kind === "year") return m1 === 1 && m2 === 12 ? { kind, ordinal: y1 } : null;
  if (kind === "quarter") {
    const quarter = (m1 - 1) / 3;
    return Number.isInteger(quarter) && m2 === m1 + 2 ? { kind, ordinal: y1 * 4 + quarter } : null;
  }
  return m1 === m2 ? { kind, ordinal: y1 * 12 + m1 - 1 } : null;
}

/** The calendar years a range touches, ascending. */
export function yearsOf(start: IsoDate, end: IsoDate): number[] {
  const first = Number(start.slice(0, 4));
  const last = Number(end.slice(0, 4));
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}
