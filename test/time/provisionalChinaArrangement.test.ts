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
import { thrown } from "./_helpers.js";

const daysOff = (arrangement: HolidayArrangement) =>
  arrangement.holidays.flatMap((holiday) => holiday.days).sort();
const makeUps = (arrangement: HolidayArrangement) =>
  [
    ...arrangement.holidays.flatMap((holiday) => holiday.workdays ?? []),
    ...(arrangement.workdays ?? []),
  ].sort();

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
    expect(byName.get("元旦")?.days).toEqual(["2027-01-01", "2027-01-02", "2027-01-03"]);
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

  it("merges 中秋 into 国庆 when it falls in early October (2028: 8 days)", () => {
    const national = provisionalChinaArrangement(2028).holidays.find((h) =>
      h.name.startsWith("国庆"),
    );
    expect(national?.name).toBe("国庆节、中秋节");
    expect(national?.days).toHaveLength(8);
  });

  it("keeps every year 2025–2099 consistent: 13 statutory days off net of make-up days, no day both off and worked", () => {
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
    }
  });

  it("refuses years outside 2025–2099 with CALENDAR_YEAR_MISSING, and non-integers", () => {
    expect(thrown(() => provisionalChinaArrangement(2024)).code).toBe("CALENDAR_YEAR_MISSING");
    expect(thrown(() => provisionalChinaArrangement(2100)).code).toBe("CALENDAR_YEAR_MISSING");
    expect(thrown(() => provisionalChinaArrangement(2024)).path).toEqual(["year"]);
    for (const year of [-1, 0, 999, 10_000]) {
      const error = thrown(() => provisionalChinaArrangement(year));
      expect([error.code, error.path]).toEqual(["INVALID_ARGUMENT", ["year"]]);
    }
    expect(thrown(() => provisionalChinaArrangement(2027.5)).code).toBe("INVALID_ARGUMENT");
    expect(thrown(() => provisionalChinaArrangement("2027" as never)).code).toBe(
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

  it("computes 清明 as chinese-days does for every year 2000–2099", () => {
    for (let year = 2000; year <= 2099; year++) {
      expect(qingming(year), `${year}`).toBe(
        chineseDays.getSolarTermDate(year, 4, "pure_brightness"),
      );
    }
  });
});
