import { getISOWeek } from "date-fns/getISOWeek";
import { getISOWeekYear } from "date-fns/getISOWeekYear";
import type { DayRow } from "./dayTable.js";

/** How finely a range is cut. */
export type Grain = "year" | "quarter" | "month" | "dekad" | "week" | "day";

/** 4-4-5 style fiscal quarters: the weeks of each fiscal month in a 13-week quarter. */
export type QuarterPattern = "4-4-5" | "4-5-4" | "5-4-4";

export const GRAINS: readonly Grain[] = ["year", "quarter", "month", "dekad", "week", "day"];
export const QUARTER_PATTERNS: readonly QuarterPattern[] = ["4-4-5", "4-5-4", "5-4-4"];

/** How deep each grain sits, for checking that nested grains get finer. */
export const GRAIN_RANK: Readonly<Record<Grain, number>> = {
  year: 0,
  quarter: 1,
  month: 2,
  dekad: 3,
  week: 3,
  day: 4,
};

/** Longest range a fiscal (4-4-5) split takes: one fiscal year of up to 53 weeks. */
export const MAX_FISCAL_DAYS = 371;

const WEEKDAY_NAMES = ["", "周一", "周二", "周三", "周四", "周五", "周六", "周日"];
const DEKADS = ["上旬", "中旬", "下旬"] as const;

/** Consecutive days that form one period. */
export interface DayGroup {
  readonly key: string;
  readonly label: string;
  readonly days: readonly DayRow[];
}

/** Fiscal quarter (0–3) and month (0–11) of each day, by its index from the range start. */
export interface FiscalMap {
  readonly fiscalYear: number;
  readonly quarterOf: readonly number[];
  readonly monthOf: readonly number[];
}

/**
 * Lays 7-day weeks from the range's first day and groups them 4-4-5 (or 4-5-4,
 * 5-4-4) into fiscal months, 13 weeks to a quarter. Days after the 52nd week (the
 * one or two extra days of a calendar year, or a 53rd week) join the twelfth
 * month; a shorter range simply ends early.
 */
export function fiscalMap(days: readonly DayRow[], pattern: QuarterPattern): FiscalMap {
  const [first, second] = pattern.split("-").map(Number) as [number, number, number];
  const quarterOf: number[] = [];
  const monthOf: number[] = [];
  days.forEach((_, index) => {
    const week = Math.min(Math.floor(index / 7), 51);
    const quarter = Math.floor(week / 13);
    const inQuarter = week - quarter * 13;
    const month = inQuarter < first ? 0 : inQuarter < first + second ? 1 : 2;
    quarterOf.push(quarter);
    monthOf.push(quarter * 3 + month);
  });
  return { fiscalYear: days[0]?.year ?? 0, quarterOf, monthOf };
}

function weeksLabel(dayCount: number): string {
  const weeks = Math.floor(dayCount / 7);
  const extra = dayCount - weeks * 7;
  if (weeks === 0) return `${extra}天`;
  return extra === 0 ? `${weeks}周` : `${weeks}周+${extra}天`;
}

function weekKey(weekYear: number, week: number): { key: string; label: string } {
  return {
    key: `${weekYear}-W${String(week).padStart(2, "0")}`,
    label: `${weekYear}年第${week}周`,
  };
}

/** The key and label of a day's period at a calendar grain. */
function calendarKey(day: DayRow, grain: Grain): { key: string; label: string } {
  const mm = String(day.month).padStart(2, "0");
  switch (grain) {
    case "year":
      return { key: `${day.year}`, label: `${day.year}年` };
    case "quarter": {
      const quarter = Math.ceil(day.month / 3);
      return { key: `${day.year}-Q${quarter}`, label: `${day.year}年Q${quarter}` };
    }
    case "month":
      return { key: `${day.year}-${mm}`, label: `${day.year}年${day.month}月` };
    case "dekad": {
      const third = DEKADS[day.day <= 10 ? 0 : day.day <= 20 ? 1 : 2];
      return { key: `${day.year}-${mm}-${third}`, label: `${day.year}年${day.month}月${third}` };
    }
    case "week":
      return weekKey(getISOWeekYear(day.date), getISOWeek(day.date));
    case "day":
      return { key: day.iso, label: `${day.iso} ${WEEKDAY_NAMES[day.weekday]}` };
  }
}

/**
 * Cuts consecutive days into periods of a grain. `offset` is the index of
 * `days[0]` from the start of the range the fiscal map was built for.
 */
export function groupDays(
  days: readonly DayRow[],
  grain: Grain,
  fiscal: FiscalMap | null,
  offset = 0,
): DayGroup[] {
  const groups: { key: string; label: string; days: DayRow[] }[] = [];
  let current: { key: string; label: string; days: DayRow[] } | undefined;
  let week: { weekYear: number; week: number } | undefined;
  days.forEach((day, index) => {
    let id: { key: string; label: string };
    if (grain === "week" && current !== undefined && day.weekday !== 1) {
      // An ISO week changes only on Mondays: skip the costly week-number lookup.
      current.days.push(day);
      return;
    }
    if (grain === "week") {
      // Week 1 starts on the Monday from 29 December to 4 January; other Mondays add one.
      const newYearZone = (day.month === 12 && day.day >= 29) || (day.month === 1 && day.day <= 4);
      week =
        week === undefined || newYearZone
          ? { weekYear: getISOWeekYear(day.date), week: getISOWeek(day.date) }
          : { weekYear: week.weekYear, week: week.week + 1 };
      id = weekKey(week.weekYear, week.week);
    } else if (fiscal && grain === "quarter") {
      const quarter = fiscal.quarterOf[offset + index]! + 1;
      id = { key: `FY${fiscal.fiscalYear}-Q${quarter}`, label: `财务Q${quarter}` };
    } else if (fiscal && grain === "month") {
      const month = fiscal.monthOf[offset + index]! + 1;
      id = {
        key: `FY${fiscal.fiscalYear}-P${String(month).padStart(2, "0")}`,
        label: `财务月P${month}`,
      };
    } else {
      id = calendarKey(day, grain);
    }
    if (current === undefined || current.key !== id.key) {
      current = { key: id.key, label: id.label, days: [] };
      groups.push(current);
    }
    current.days.push(day);
  });
  if (fiscal && (grain === "quarter" || grain === "month")) {
    for (const group of groups) group.label = `${group.label}（${weeksLabel(group.days.length)}）`;
  }
  return groups;
}
