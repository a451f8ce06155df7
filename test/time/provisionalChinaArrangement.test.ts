import chineseDays from "chinese-days";
import type { HolidayArrangement } from "targetree";
import { chinaArrangement, provisionalChinaArrangement } from "targetree";
import { describe, expect, it } from "vitest";
import {
  dragonBoatFestival,
  lunarReader,
  midAutumnFestival,
  qingming,
  springFestival,
} from "../../src/time/_lib/chineseCalendar.js";
import { utcDay } from "../../src/time/_lib/isoDate.js";
import { errorOf } from "../_support/errors.js";

const daysOff = (arrangement: HolidayArrangement) =>
  arrangement.holidays.flatMap((holiday) => holiday.days).sort();
const makeUps = (arrangement: HolidayArrangement) =>
  [
    ...arrangement.holidays.flatMap((holiday) => holiday.workdays ?? []),
    ...(arrangement.workdays ?? []),
  ].sort();

const shift = (day: string, by: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + by * 86_400_000).toISOString().slice(0, 10);
const isWeekendDay = (day: string) => [0, 6].includes(new Date(`${day}T00:00:00Z`).getUTCDay());

/**
 * The make-up rules, restated: every make-up day is a distinct weekend day next to a working day
 * (never a lone working day between days off), within 21 days of its break; with two, one falls
 * before the break and one after; weekend days between a make-up day and its break join the break.
 */
function checkMakeUpRules(arrangement: HolidayArrangement, off: Set<string>, work: string[]): void {
  const year = arrangement.year;
  const makeUp = new Set(work);
  expect(makeUp.size, `${year} make-up days listed twice`).toBe(work.length);
  const working = (day: string) => makeUp.has(day) || (!isWeekendDay(day) && !off.has(day));
  for (const holiday of arrangement.holidays) {
    const days = holiday.days;
    const at = `${year} ${holiday.name}`;
    days.slice(1).forEach((day, index) => {
      expect(day, at).toBe(shift(days[index]!, 1));
    });
    const first = days[0]!;
    const last = days.at(-1)!;
    const workdays = holiday.workdays ?? [];
    if (workdays.length === 2) expect(workdays[0]! < first && workdays[1]! > last, at).toBe(true);
    for (const day of workdays) {
      expect(isWeekendDay(day), `${at} ${day}`).toBe(true);
      expect(working(shift(day, -1)) || working(shift(day, 1)), `${at} ${day} alone`).toBe(true);
      const between: string[] = [];
      const [from, to] = day < first ? [day, first] : [last, day];
      for (let d = shift(from, 1); d < to; d = shift(d, 1)) between.push(d);
      expect(between.length, `${at} ${day} too far`).toBeLessThan(21);
      expect(between.length === 0 || !between.every(isWeekendDay), `${at} ${day} gap`).toBe(true);
    }
  }
}

describe("provisionalChinaArrangement", () => {
  for (const year of [2025, 2026]) {
    it(`reproduces the official ${year} notice exactly (every day off, every make-up day)`, () => {
      const computed = provisionalChinaArrangement(year);
      const official = chinaArrangement(year);
      // 2024 notice style: 元旦 2025 "1月1日" only; the data lists days off as stated.
      expect(daysOff(computed)).toEqual(daysOff(official));
      expect(makeUps(computed)).toEqual(makeUps(official));
      expect(computed.holidays.map((holiday) => holiday.name)).toEqual(
        official.holidays.map((holiday) => holiday.name),
      );
    });
  }

  it("says it is provisional and where it comes from", () => {
    const arrangement = provisionalChinaArrangement(2027);
    expect(arrangement.provisional).toBe(true);
    expect(arrangement.source).toMatch(/^provisional/);
  });

  it("plans 2027 by the rules (春节 from 除夕 2027-02-05, Wednesday festivals one day)", () => {
    const arrangement = provisionalChinaArrangement(2027);
    const byName = new Map(arrangement.holidays.map((holiday) => [holiday.name, holiday]));
    // A break that needs no make-up day has no workdays field.
    expect(byName.get("元旦")).toStrictEqual({
      name: "元旦",
      days: ["2027-01-01", "2027-01-02", "2027-01-03"],
    });
    expect(byName.get("春节")?.days[0]).toBe("2027-02-05");
    expect(byName.get("春节")?.days).toHaveLength(9);
    expect(byName.get("春节")?.workdays).toEqual(["2027-01-31", "2027-02-14"]);
    expect(byName.get("清明节")?.days).toEqual(["2027-04-03", "2027-04-04", "2027-04-05"]);
    expect(byName.get("劳动节")?.days).toEqual([
      "2027-05-01",
      "2027-05-02",
      "2027-05-03",
      "2027-05-04",
      "2027-05-05",
    ]);
    expect(byName.get("端午节")?.days).toEqual(["2027-06-09"]);
    expect(byName.get("中秋节")?.days).toEqual(["2027-09-15"]);
    expect(byName.get("国庆节")?.workdays).toEqual(["2027-09-26", "2027-10-09"]);
  });

  it("runs 春节 8 days from 除夕, plus the weekend days left between it and a make-up day, as 2026's notice does", () => {
    const reader = lunarReader();
    const spring = (arrangement: HolidayArrangement) =>
      arrangement.holidays.find((holiday) => holiday.name === "春节")!;
    // The notices: 2025 runs exactly 8 days from 除夕 (01-28); 2026 runs 9, from the Sunday
    // before 除夕 (02-16), because the make-up Saturday 02-14 leaves 02-15 between.
    expect(spring(chinaArrangement(2025)).days).toHaveLength(8);
    expect(spring(chinaArrangement(2026)).days[0]).toBe("2026-02-15");
    expect(spring(chinaArrangement(2026)).days).toHaveLength(9);
    // 2027 the same way: 除夕 Friday 02-05, 8 days to Friday 02-12; a Saturday make-up day would
    // stand alone between days off, so the make-up day is Sunday 02-14 and Saturday 02-13 joins.
    expect(spring(provisionalChinaArrangement(2027))).toEqual({
      name: "春节",
      days: [
        "2027-02-05",
        "2027-02-06",
        "2027-02-07",
        "2027-02-08",
        "2027-02-09",
        "2027-02-10",
        "2027-02-11",
        "2027-02-12",
        "2027-02-13",
      ],
      workdays: ["2027-01-31", "2027-02-14"],
    });
    for (let year = 2025; year <= 2099; year++) {
      const { days, workdays = [] } = spring(provisionalChinaArrangement(year));
      const eve = shift(springFestival(reader, year), -1);
      const core = Array.from({ length: 8 }, (_, offset) => shift(eve, offset));
      expect(
        core.filter((date) => !days.includes(date)),
        `${year}: the 8 days from 除夕`,
      ).toEqual([]);
      for (const extra of days.filter((date) => !core.includes(date))) {
        const between = workdays.some(
          (makeUp) => (makeUp < extra && extra < core[0]!) || (core[7]! < extra && extra < makeUp),
        );
        expect(isWeekendDay(extra) && between, `${year}: ${extra}`).toBe(true);
      }
    }
  });

  it("merges 中秋 into 国庆 when it falls in early October (2028: 8 days)", () => {
    const national = provisionalChinaArrangement(2028).holidays.find((h) =>
      h.name.startsWith("国庆"),
    );
    expect(national?.name).toBe("国庆节、中秋节");
    expect(national?.days).toHaveLength(8);
    expect(national?.days[0]).toBe("2028-10-01");
  });

  it("merges 中秋 on 09-28 (2042: from 中秋 on), not on 09-27 (2034: separate)", () => {
    const merged = provisionalChinaArrangement(2042).holidays.at(-1);
    expect(merged).toEqual({
      name: "国庆节、中秋节",
      days: [
        "2042-09-28",
        "2042-09-29",
        "2042-09-30",
        "2042-10-01",
        "2042-10-02",
        "2042-10-03",
        "2042-10-04",
        "2042-10-05",
      ],
      workdays: ["2042-09-27"],
    });
    const separate = provisionalChinaArrangement(2034).holidays.slice(-2);
    expect(separate.map((holiday) => [holiday.name, holiday.days.length])).toEqual([
      ["中秋节", 1],
      ["国庆节", 7],
    ]);
    expect(separate[0]?.days).toEqual(["2034-09-27"]);
    expect(separate[1]?.workdays).toEqual(["2034-09-30", "2034-10-08"]);
  });

  it("starts 元旦 in the year before when 1 January is a Tuesday (2030), with a make-up Saturday", () => {
    expect(provisionalChinaArrangement(2030).holidays[0]).toEqual({
      name: "元旦",
      days: ["2029-12-30", "2029-12-31", "2030-01-01"],
      workdays: ["2029-12-29"],
    });
  });

  it("keeps every year 2025–2099 consistent: 13 statutory days off net of make-up days, no day both off and worked, make-up days placed by the rules", () => {
    for (let year = 2025; year <= 2099; year++) {
      const arrangement = provisionalChinaArrangement(year);
      const off = new Set(daysOff(arrangement));
      const work = makeUps(arrangement);
      expect(off.size, `${year} duplicates`).toBe(daysOff(arrangement).length);
      expect(
        work.filter((day) => off.has(day)),
        `${year}`,
      ).toEqual([]);
      const weekdayOff = [...off].filter((day) => {
        const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
        return weekday !== 0 && weekday !== 6;
      }).length;
      // 13 statutory days (元旦 1, 春节 4, 清明 1, 劳动 2, 端午 1, 中秋 1, 国庆 3): each
      // is a weekday off, made good if it falls on a weekend, or bought with a make-up day.
      expect(weekdayOff - work.length, `${year}`).toBe(13);
      checkMakeUpRules(arrangement, off, work);
    }
  });

  it("refuses years outside 2025–2099 with CALENDAR_YEAR_MISSING, and non-integers", () => {
    expect(errorOf(() => provisionalChinaArrangement(2024)).code).toBe("CALENDAR_YEAR_MISSING");
    expect(errorOf(() => provisionalChinaArrangement(2100)).code).toBe("CALENDAR_YEAR_MISSING");
    expect(errorOf(() => provisionalChinaArrangement(2024)).path).toEqual(["year"]);
    const outside = errorOf(() => provisionalChinaArrangement(2100));
    expect(outside.details).toEqual({ year: 2100 });
    expect(outside.message).toMatch(
      /A provisional China calendar can be computed for 2025–2099 only \(the current rules took effect in 2025\), not for 2100\./,
    );
    for (const year of [-1, 0, 999, 10_000]) {
      const error = errorOf(() => provisionalChinaArrangement(year));
      expect([error.code, error.path]).toEqual(["INVALID_ARGUMENT", ["year"]]);
    }
    expect(errorOf(() => provisionalChinaArrangement(2027.5)).code).toBe("INVALID_ARGUMENT");
    expect(errorOf(() => provisionalChinaArrangement("2027" as never)).code).toBe(
      "INVALID_ARGUMENT",
    );
  });

  it("gives Intl no inherited options: names planted on Object.prototype change nothing", () => {
    const clean = JSON.stringify(provisionalChinaArrangement(2028));
    const prototype = Object.prototype as Record<string, unknown>;
    for (const [name, value] of [
      ["calendar", "gregory"],
      ["numberingSystem", "hanidec"],
      ["timeZone", "Asia/Tokyo"],
    ] as const) {
      prototype[name] = value;
      try {
        expect(JSON.stringify(provisionalChinaArrangement(2028)), name).toBe(clean);
      } finally {
        delete prototype[name];
      }
    }
  });

  it("returns a fresh object each call", () => {
    const first = provisionalChinaArrangement(2027);
    (first.holidays as unknown as unknown[]).length = 0;
    expect(provisionalChinaArrangement(2027).holidays.length).toBeGreaterThan(0);
  });
});

describe("lunar and solar dates behind the provisional calendar", () => {
  const reader = lunarReader();

  it("matches chinese-days for 春节, 端午 and 中秋 in every year 2000–2099", () => {
    const wrong: string[] = [];
    for (let year = 2000; year <= 2099; year++) {
      const dates: [string, number, number][] = [
        [springFestival(reader, year), 1, 1],
        [dragonBoatFestival(reader, year), 5, 5],
        [midAutumnFestival(reader, year), 8, 15],
      ];
      for (const [date, month, day] of dates) {
        const lunar = chineseDays.getLunarDate(date);
        if (lunar.lunarMon !== month || lunar.lunarDay !== day || lunar.isLeap) {
          wrong.push(`${year}: ${date}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it("corrects ICU's 春节 for 2027 and 2030", () => {
    expect(springFestival(reader, 2027)).toBe("2027-02-06");
    expect(springFestival(reader, 2030)).toBe("2030-02-03");
  });

  it("scans exactly `span` days from `from` for a lunar date, and says when it finds none", () => {
    // 2026-02-17 is 春节 (lunar 1/1).
    expect(reader.find(2026, 1, 1, utcDay(2026, 2, 17), 1)).toBe("2026-02-17");
    expect(reader.find(2026, 1, 1, utcDay(2026, 2, 10), 8)).toBe("2026-02-17");
    for (const [from, span] of [
      [utcDay(2026, 2, 17), 0],
      [utcDay(2026, 2, 10), 7],
    ] as const) {
      const error = errorOf(() => reader.find(2026, 1, 1, from, span));
      expect(error.code).toBe("CALENDAR_YEAR_MISSING");
      expect(error.message).toMatch(
        /The runtime's Chinese calendar gave no lunar 1\/1 for 2026; pass the year's arrangement as data instead\./,
      );
    }
    // Lunar year, month and day must all match: no lunar month 13, and 1/1 of 2025 is not 2026's.
    expect(errorOf(() => reader.find(2026, 13, 1, utcDay(2026, 1, 1), 60)).code).toBe(
      "CALENDAR_YEAR_MISSING",
    );
    expect(errorOf(() => reader.find(2025, 1, 1, utcDay(2026, 2, 10), 10)).code).toBe(
      "CALENDAR_YEAR_MISSING",
    );
  });

  it("refuses to compute a provisional year on a runtime without the Chinese calendar", () => {
    const original = Intl.DateTimeFormat;
    class NoChinese extends original {
      override resolvedOptions() {
        return { ...super.resolvedOptions(), calendar: "gregory" };
      }
    }
    Intl.DateTimeFormat = NoChinese as typeof Intl.DateTimeFormat;
    try {
      const error = errorOf(() => provisionalChinaArrangement(2027));
      expect(error.code).toBe("CALENDAR_YEAR_MISSING");
      expect(error.message).toMatch(/This JavaScript runtime has no Chinese calendar in Intl/);
    } finally {
      Intl.DateTimeFormat = original;
    }
    expect(provisionalChinaArrangement(2027).provisional).toBe(true);
  });

  it("computes 清明 as chinese-days does for every year 2000–2099", () => {
    for (let year = 2000; year <= 2099; year++) {
      expect(qingming(year), `${year}`).toBe(
        chineseDays.getSolarTermDate(year, 4, "pure_brightness"),
      );
    }
  });
});
