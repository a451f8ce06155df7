import type { ErrorPath } from "../../_lib/errors.js";
import { TargetreeError } from "../../_lib/errors.js";
import type { HolidayArrangement, IsoDate } from "../types.js";
import type { LunarReader } from "./chineseCalendar.js";
import {
  dragonBoatFestival,
  lunarReader,
  midAutumnFestival,
  qingming,
  springFestival,
} from "./chineseCalendar.js";
import { formatIsoDate, shiftDays, utcDay } from "./isoDate.js";
import type { UtcDate } from "./utcDate.js";

/** First year the 2024 rules (除夕 and 5月2日 statutory) apply to. */
export const PROVISIONAL_FIRST_YEAR = 2025;
/** Last year the 清明 formula's 21st-century constant covers. */
export const PROVISIONAL_LAST_YEAR = 2099;

/** How far from a holiday a make-up working day may be placed. */
const MAKE_UP_REACH = 21;

interface Block {
  readonly name: string;
  /** The days off, consecutive and ascending. */
  days: UtcDate[];
  /** Statutory days in the block: each earns one weekday off. */
  readonly statutory: number;
  workdays: UtcDate[];
}

/** ISO weekday (1 = Monday … 7 = Sunday) of a midnight-UTC date. */
const getISODay = (date: UtcDate): number => ((date.getUTCDay() + 6) % 7) + 1;

const isWeekend = (date: UtcDate): boolean => getISODay(date) >= 6;

function run(start: UtcDate, length: number): UtcDate[] {
  return Array.from({ length }, (_, offset) => shiftDays(start, offset));
}

/**
 * A one-day festival (元旦, 清明, 端午, 中秋) made a 3-day break by joining a
 * weekend, with a make-up day where a weekday bridges the gap, as in the notices
 * since 2020: Mon → Sat–Mon; Tue → Sun–Tue; Wed → that day only; Thu → Thu–Sat;
 * Fri → Fri–Sun; Sat → Sat–Mon; Sun → Sat–Mon.
 */
function threeDayBreak(name: string, iso: IsoDate): Block {
  const day = parse(iso);
  const startOffset = [0, -2, -2, 0, 0, 0, 0, -1][getISODay(day)]!;
  const length = getISODay(day) === 3 ? 1 : 3;
  return { name, days: run(shiftDays(day, startOffset), length), statutory: 1, workdays: [] };
}

function parse(iso: IsoDate): UtcDate {
  return utcDay(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10)));
}

/**
 * Builds a provisional China holiday arrangement for a year without a notice,
 * from the principles published with the 2025 notice and the lunar calendar of
 * `Intl` (`reader`: one reader serves many years, as building one costs about a millisecond).
 * See `provisionalChinaArrangement` for the rules.
 */
export function buildProvisionalChina(
  year: number,
  path: ErrorPath = ["year"],
  reader?: LunarReader,
): HolidayArrangement {
  if (!Number.isInteger(year) || year < PROVISIONAL_FIRST_YEAR || year > PROVISIONAL_LAST_YEAR) {
    throw new TargetreeError(
      "CALENDAR_YEAR_MISSING",
      `A provisional China calendar can be computed for ${PROVISIONAL_FIRST_YEAR}–${PROVISIONAL_LAST_YEAR} only (the current rules took effect in 2025), not for ${String(year)}. Pass that year's arrangement as data.`,
      { path, details: { year } },
    );
  }
  const lunar = reader ?? lunarReader();
  const blocks: Block[] = [];

  blocks.push(threeDayBreak("元旦", `${year}-01-01`));

  // 春节: 8 days from 除夕 (the eve of lunar 1/1); 除夕 and 初一–初三 are statutory.
  const eve = shiftDays(parse(springFestival(lunar, year)), -1);
  blocks.push({ name: "春节", days: run(eve, 8), statutory: 4, workdays: [] });

  blocks.push(threeDayBreak("清明节", qingming(year)));

  // 劳动节: 5 days with 5月1日 and 5月2日 statutory; from the Saturday before when 5月1日 is a Sunday or Monday.
  const mayDay = utcDay(year, 5, 1);
  const mayShift = [0, -2, 0, 0, 0, 0, 0, -1][getISODay(mayDay)]!;
  blocks.push({
    name: "劳动节",
    days: run(shiftDays(mayDay, mayShift), 5),
    statutory: 2,
    workdays: [],
  });

  blocks.push(threeDayBreak("端午节", dragonBoatFestival(lunar, year)));

  // 中秋 within 09-28…10-08 merges with 国庆 into 8 days; otherwise 国庆 is 10-01…10-07.
  const midAutumn = midAutumnFestival(lunar, year);
  const nationalDay = utcDay(year, 10, 1);
  if (midAutumn >= `${year}-09-28` && midAutumn <= `${year}-10-08`) {
    const start = midAutumn < `${year}-10-01` ? parse(midAutumn) : nationalDay;
    blocks.push({ name: "国庆节、中秋节", days: run(start, 8), statutory: 4, workdays: [] });
  } else {
    blocks.push(threeDayBreak("中秋节", midAutumn));
    blocks.push({ name: "国庆节", days: run(nationalDay, 7), statutory: 3, workdays: [] });
  }

  placeMakeUpDays(blocks, year);

  return {
    year,
    source: `provisional: computed by targetree from the 2025 holiday principles (no ${year} notice yet)`,
    provisional: true,
    holidays: blocks.map((block) => {
      const days = block.days.map(formatIsoDate);
      return block.workdays.length > 0
        ? { name: block.name, days, workdays: block.workdays.map(formatIsoDate) }
        : { name: block.name, days };
    }),
  };
}

/**
 * Places each block's make-up working days (modelled on the 2025 and 2026
 * notices): a block needs one per weekday off beyond its statutory days; one goes
 * on the nearest free weekend day before it and one on the nearest after (a
 * single one on the nearer of the two, the earlier on a tie); a make-up day is
 * never left as a lone working day between days off; weekend days between a
 * make-up day and the block join the block.
 */
function placeMakeUpDays(blocks: Block[], year: number): void {
  const daysOff = new Set<IsoDate>();
  for (const block of blocks) for (const day of block.days) daysOff.add(formatIsoDate(day));
  const makeUps = new Set<IsoDate>();
  const first = `${year - 1}-12-25`;
  const last = `${year}-12-31`;
  const working = (date: UtcDate): boolean => {
    const iso = formatIsoDate(date);
    return makeUps.has(iso) || (!isWeekend(date) && !daysOff.has(iso));
  };
  const candidate = (date: UtcDate): boolean => {
    const iso = formatIsoDate(date);
    return (
      iso >= first &&
      iso <= last &&
      isWeekend(date) &&
      !daysOff.has(iso) &&
      !makeUps.has(iso) &&
      (working(shiftDays(date, -1)) || working(shiftDays(date, 1)))
    );
  };
  const nearest = (
    from: UtcDate,
    direction: 1 | -1,
  ): { date: UtcDate; distance: number } | null => {
    for (let distance = 1; distance <= MAKE_UP_REACH; distance++) {
      const date = shiftDays(from, direction * distance);
      if (candidate(date)) return { date, distance };
    }
    return null;
  };

  for (const block of blocks) {
    let needed = block.days.filter((day) => !isWeekend(day)).length - block.statutory;
    let side: 1 | -1 = -1;
    while (needed > 0) {
      const before = nearest(block.days[0]!, -1);
      const after = nearest(block.days[block.days.length - 1]!, 1);
      let pick: { date: UtcDate; distance: number } | null;
      if (needed === 1 && block.workdays.length === 0) {
        pick = before && (!after || before.distance <= after.distance) ? before : after;
      } else {
        pick = (side === -1 ? before : after) ?? (side === -1 ? after : before);
        side = side === -1 ? 1 : -1;
      }
      if (!pick) break;
      makeUps.add(formatIsoDate(pick.date));
      block.workdays.push(pick.date);
      needed--;
    }
    block.workdays.sort((a, b) => a.getTime() - b.getTime());
    joinWeekendGaps(block, daysOff);
  }
}

/** Weekend days left between a make-up day and the block are part of the break. */
function joinWeekendGaps(block: Block, daysOff: Set<IsoDate>): void {
  for (const makeUp of block.workdays) {
    const firstDay = block.days[0]!;
    const lastDay = block.days[block.days.length - 1]!;
    if (makeUp < firstDay) {
      const gap: UtcDate[] = [];
      for (let day = shiftDays(makeUp, 1); day < firstDay; day = shiftDays(day, 1)) gap.push(day);
      if (gap.length > 0 && gap.every(isWeekend)) {
        block.days = [...gap, ...block.days];
        for (const day of gap) daysOff.add(formatIsoDate(day));
      }
    } else {
      const gap: UtcDate[] = [];
      for (let day = shiftDays(lastDay, 1); day < makeUp; day = shiftDays(day, 1)) gap.push(day);
      if (gap.length > 0 && gap.every(isWeekend)) {
        block.days = [...block.days, ...gap];
        for (const day of gap) daysOff.add(formatIsoDate(day));
      }
    }
  }
}
