import { addDays, differenceInCalendarDays, getISOWeek, getISOWeekYear } from "date-fns";
import fc from "fast-check";
import type { Decimal, Grain, SplitByPeriodOptions } from "targetree";
import { chinaCalendar, listDays, splitByPeriod, toDecimal } from "targetree";
import { describe, expect, it } from "vitest";
import { deepFreeze, errorOf } from "../_support/errors.js";
import { runs } from "../_support/runs.js";

const china = chinaCalendar();
const year2026 = { start: "2026-01-01", end: "2026-12-31", calendar: china } as const;
const strings = (values: readonly { value: Decimal }[]) => values.map((p) => p.value.toString());
const sum = (values: readonly { value: Decimal }[]) =>
  values.reduce((acc, p) => acc.plus(p.value), toDecimal(0));
const isoOf = (n: number) =>
  addDays(new Date(Date.UTC(2020, 0, 1)), n)
    .toISOString()
    .slice(0, 10);

describe("splitByPeriod", () => {
  describe("W11: 1.2亿 over 2026 on the China calendar, working days only", () => {
    it("splits into quarters by 59, 61, 66, 62 working days", () => {
      const result = splitByPeriod("1.2亿", { ...year2026, grain: "quarter" });
      expect(result.periods.map((p) => [p.key, p.label, p.workingDays])).toEqual([
        ["2026-Q1", "2026年Q1", 59],
        ["2026-Q2", "2026年Q2", 61],
        ["2026-Q3", "2026年Q3", 66],
        ["2026-Q4", "2026年Q4", 62],
      ]);
      expect(strings(result.periods)).toEqual([
        "28548387.1",
        "29516129.03",
        "31935483.87",
        "30000000",
      ]);
      expect(result).toMatchObject({
        calendarDays: 365,
        workingDays: 248,
        spreadBy: "working-days",
      });
      expect(sum(result.periods).toString()).toBe("120000000");
    });

    it("splits into months: 1.2亿 × 21/248 for January", () => {
      const months = splitByPeriod("1.2亿", { ...year2026, grain: "month" }).periods;
      expect(months[0]).toMatchObject({
        key: "2026-01",
        label: "2026年1月",
        start: "2026-01-01",
        end: "2026-01-31",
        calendarDays: 31,
        workingDays: 21,
      });
      expect(months[0]?.value.toString()).toBe("10161290.32");
      expect(months[0]?.share.toFixed(6)).toBe("0.084677");
      expect(sum(months).toString()).toBe("120000000");
    });

    it("gives rest days and holidays nothing and make-up days a full share (day grain)", () => {
      const days = splitByPeriod("1.2亿", { ...year2026, grain: "day" }).periods;
      expect(days).toHaveLength(365);
      const byDate = new Map(days.map((day) => [day.key, day]));
      expect(byDate.get("2026-02-17")).toMatchObject({
        kind: "holiday",
        name: "春节",
        workingDays: 0,
      });
      expect(byDate.get("2026-02-17")?.value.toString()).toBe("0");
      expect(byDate.get("2026-02-21")?.value.toString()).toBe("0");
      expect(byDate.get("2026-02-14")).toMatchObject({ kind: "make-up", name: "春节补班" });
      expect(byDate.get("2026-02-14")?.value.gt(0)).toBe(true);
      expect(byDate.get("2026-06-01")).toMatchObject({ label: "2026-06-01 周一", kind: "workday" });
      expect(days.filter((day) => day.value.gt(0))).toHaveLength(248);
      expect(sum(days).toString()).toBe("120000000");
    });

    it("splits February into 上旬/中旬/下旬 around the Spring Festival", () => {
      const thirds = splitByPeriod("774万", {
        start: "2026-02-01",
        end: "2026-02-28",
        grain: "dekad",
        calendar: china,
      }).periods;
      expect(thirds.map((p) => [p.key, p.label, p.start, p.end, p.workingDays])).toEqual([
        ["2026-02-上旬", "2026年2月上旬", "2026-02-01", "2026-02-10", 7],
        ["2026-02-中旬", "2026年2月中旬", "2026-02-11", "2026-02-20", 4],
        ["2026-02-下旬", "2026年2月下旬", "2026-02-21", "2026-02-28", 5],
      ]);
      expect(strings(thirds)).toEqual(["3386250", "1935000", "2418750"]);
    });

    it("cuts ISO weeks at the range's edges, keyed by ISO week-year", () => {
      const weeks = splitByPeriod("1.2亿", { ...year2026, grain: "week" }).periods;
      expect(weeks).toHaveLength(53);
      expect(weeks[0]).toMatchObject({
        key: "2026-W01",
        start: "2026-01-01",
        end: "2026-01-04",
        calendarDays: 4,
      });
      expect(weeks[1]).toMatchObject({
        key: "2026-W02",
        start: "2026-01-05",
        end: "2026-01-11",
        calendarDays: 7,
      });
      expect(weeks.at(-1)).toMatchObject({
        key: "2026-W53",
        start: "2026-12-28",
        end: "2026-12-31",
      });
      const week8 = weeks.find((week) => week.key === "2026-W08");
      expect(week8?.workingDays).toBe(0);
      expect(week8?.value.toString()).toBe("0");
    });

    it("keys every week by its ISO week-year and number, over many years", () => {
      const weeks = splitByPeriod(0, {
        start: "2019-12-25",
        end: "2032-01-10",
        grain: "week",
      }).periods;
      for (const week of weeks) {
        const lastDay = new Date(`${week.end}T12:00:00`);
        const expected = `${getISOWeekYear(lastDay)}-W${String(getISOWeek(lastDay)).padStart(2, "0")}`;
        expect(week.key).toBe(expected);
      }
      expect(weeks.map((week) => week.key)).toContain("2020-W53");
      expect(weeks.map((week) => week.key)).toContain("2026-W53");
    });

    it("splits a single year into one period", () => {
      const result = splitByPeriod("1.2亿", { ...year2026, grain: "year" });
      expect(result.periods.map((p) => [p.key, p.label, p.value.toString()])).toEqual([
        ["2026", "2026年", "120000000"],
      ]);
    });
  });

  describe("the result", () => {
    it("echoes the total, range, grain and spreadBy, and has no quarterPattern unless given", () => {
      const result = splitByPeriod("1.2亿", { ...year2026, grain: "quarter" });
      expect(result).toMatchObject({
        start: "2026-01-01",
        end: "2026-12-31",
        grain: "quarter",
        spreadBy: "working-days",
        calendarDays: 365,
        workingDays: 248,
        provisional: false,
        provisionalYears: [],
      });
      expect(result.total.toString()).toBe("120000000");
      expect(result).not.toHaveProperty("quarterPattern");
      expect(
        splitByPeriod(1, { ...year2026, grain: "month", spreadBy: "calendar-days" }).spreadBy,
      ).toBe("calendar-days");
      const fiscal = splitByPeriod(1, { ...year2026, grain: "month", quarterPattern: "5-4-4" });
      expect(fiscal.quarterPattern).toBe("5-4-4");
    });

    it("gives kind and name only at the day grain, and a name only to named days", () => {
      const months = splitByPeriod(100, { ...year2026, grain: "month" }).periods;
      expect(Object.keys(months[0]!)).toEqual([
        "key",
        "label",
        "start",
        "end",
        "calendarDays",
        "workingDays",
        "share",
        "value",
      ]);
      const days = splitByPeriod(100, { ...year2026, grain: "day" }).periods;
      const workday = days.find((day) => day.key === "2026-06-01")!;
      expect(Object.keys(workday)).toEqual([...Object.keys(months[0]!), "kind"]);
      expect(days.find((day) => day.key === "2026-06-06")).toMatchObject({ kind: "weekend" });
      expect(days.find((day) => day.key === "2026-06-06")).not.toHaveProperty("name");
      expect(days.find((day) => day.key === "2026-01-01")).toMatchObject({
        kind: "holiday",
        name: "元旦",
      });
    });

    it("labels days with their weekday, weeks with their number", () => {
      const days = splitByPeriod(7, {
        start: "2026-06-01",
        end: "2026-06-07",
        grain: "day",
        spreadBy: "calendar-days",
      }).periods;
      expect(days.map((day) => day.label)).toEqual([
        "2026-06-01 周一",
        "2026-06-02 周二",
        "2026-06-03 周三",
        "2026-06-04 周四",
        "2026-06-05 周五",
        "2026-06-06 周六",
        "2026-06-07 周日",
      ]);
      const weeks = splitByPeriod(1, { ...year2026, grain: "week" }).periods;
      expect([weeks[0]?.label, weeks[9]?.label, weeks.at(-1)?.label]).toEqual([
        "2026年第1周",
        "2026年第10周",
        "2026年第53周",
      ]);
      expect(weeks[9]?.key).toBe("2026-W10");
    });

    it("shares nothing out of a zero total over days without work", () => {
      const result = splitByPeriod(0, {
        start: "2026-02-16",
        end: "2026-02-17",
        grain: "day",
        calendar: china,
      });
      expect(result.periods.map((p) => p.share.toString())).toEqual(["0", "0"]);
    });

    it("passes the rounding mode on, refusing an unknown one", () => {
      const options = { start: "2026-06-01", end: "2026-06-03", grain: "day" } as const;
      expect(strings(splitByPeriod(10, { ...options, unit: 1, rounding: "down" }).periods)).toEqual(
        ["4", "3", "3"],
      );
      const error = errorOf(() => splitByPeriod(10, { ...options, rounding: "nearest" as never }));
      expect([error.code, error.path]).toEqual(["INVALID_ARGUMENT", ["options", "rounding"]]);
    });

    it("rounds a total off the unit only when roundTotal asks, by the rounding mode", () => {
      const options = { start: "2026-06-01", end: "2026-06-03", grain: "day", unit: 1 } as const;
      const refused = errorOf(() => splitByPeriod("10.5", options));
      expect([refused.code, refused.path]).toEqual(["NOT_A_MULTIPLE_OF_UNIT", ["total"]]);
      expect(refused.message).toMatch(/pass a finer unit, or roundTotal: true/);
      const halfUp = splitByPeriod("10.5", { ...options, roundTotal: true });
      expect([halfUp.total.toString(), ...strings(halfUp.periods)]).toEqual(["11", "4", "4", "3"]);
      const halfEven = splitByPeriod("10.5", {
        ...options,
        roundTotal: true,
        rounding: "half-even",
      });
      expect([halfEven.total.toString(), ...strings(halfEven.periods)]).toEqual([
        "10",
        "4",
        "3",
        "3",
      ]);
      const floor = splitByPeriod("-10.2", { ...options, roundTotal: true, rounding: "floor" });
      expect([floor.total.toString(), ...strings(floor.periods)]).toEqual([
        "-11",
        "-4",
        "-4",
        "-3",
      ]);
      expect(splitByPeriod(10, { ...options, roundTotal: true }).total.toString()).toBe("10");
      const notBoolean = errorOf(() =>
        splitByPeriod(10, { ...options, roundTotal: "yes" as never }),
      );
      expect([notBoolean.code, notBoolean.path]).toEqual([
        "INVALID_ARGUMENT",
        ["options", "roundTotal"],
      ]);
    });
  });

  describe("bases", () => {
    it("splits by calendar days", () => {
      const result = splitByPeriod(365, {
        ...year2026,
        grain: "month",
        spreadBy: "calendar-days",
        unit: 1,
      });
      expect(result.periods.map((p) => p.value.toNumber())).toEqual([
        31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31,
      ]);
    });

    it("defaults to Monday–Friday without a calendar", () => {
      const result = splitByPeriod(100, { start: "2026-06-01", end: "2026-06-14", grain: "week" });
      expect(strings(result.periods)).toEqual(["50", "50"]);
    });

    it("splits by seasonality weights given per period", () => {
      const byArray = splitByPeriod(1000, {
        ...year2026,
        grain: "quarter",
        seasonality: [1, 2, 3, 4],
      });
      expect(byArray.spreadBy).toBe("seasonality");
      expect(strings(byArray.periods)).toEqual(["100", "200", "300", "400"]);
      const byKey = splitByPeriod(1000, {
        ...year2026,
        grain: "quarter",
        spreadBy: "seasonality",
        seasonality: { "2026-Q4": 4, "2026-Q1": 1, "2026-Q2": 2, "2026-Q3": 3 },
      });
      expect(strings(byKey.periods)).toEqual(["100", "200", "300", "400"]);
    });

    it("derives seasonality from last year's monthly actuals", () => {
      const lastYear = [820, 610, 900, 880, 950, 1000, 1100, 1050, 980, 900, 1200, 1500];
      const months = splitByPeriod("1.2亿", {
        ...year2026,
        grain: "month",
        seasonality: { monthly: lastYear },
      }).periods;
      const total = lastYear.reduce((a, b) => a + b, 0);
      months.forEach((month, index) => {
        const exact = toDecimal(120_000_000).times(lastYear[index]!).dividedBy(total);
        expect(month.value.minus(exact).abs().lte("0.01")).toBe(true);
      });
      expect(sum(months).toString()).toBe("120000000");
    });

    it("spreads monthly seasonality over working days at finer grains", () => {
      const lastYear = [1, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1];
      const days = splitByPeriod(1300, {
        start: "2026-02-01",
        end: "2026-03-31",
        grain: "day",
        calendar: china,
        seasonality: { monthly: lastYear },
        unit: "0.0001",
      }).periods;
      // February: weight 2 over 16 working days; March: weight 1 over 22.
      const perFebDay = days.find((d) => d.key === "2026-02-02")!.value;
      const perMarDay = days.find((d) => d.key === "2026-03-02")!.value;
      expect(perFebDay.dividedBy(perMarDay).toDecimalPlaces(3)).toEqualDecimal(
        toDecimal(2).div(16).div(toDecimal(1).div(22)).toDecimalPlaces(3),
      );
      expect(days.find((d) => d.key === "2026-02-17")!.value.toString()).toBe("0");
    });

    it("counts a partial month's share of its month's weight", () => {
      // 2026-01-16 … 2026-01-31 holds 11 of January's 21 working days, so January
      // weighs 11/21 against February's 16/16: 2100 × (11/21) / (11/21 + 1) = 721.875.
      const result = splitByPeriod(2100, {
        start: "2026-01-16",
        end: "2026-02-28",
        grain: "month",
        calendar: china,
        seasonality: { monthly: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1] },
        unit: 1,
      });
      expect(result.periods.map((p) => p.workingDays)).toEqual([11, 16]);
      expect(strings(result.periods)).toEqual(["722", "1378"]);
    });

    it("gives whole months of equal figures exactly equal shares, whatever their day counts", () => {
      for (const within of ["working-days", "calendar-days"] as const) {
        const result = splitByPeriod(100, {
          start: "2026-01-01",
          end: "2026-02-28",
          grain: "month",
          calendar: china,
          seasonality: { monthly: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1], within },
        });
        expect(
          result.periods.map((p) => p.share.toString()),
          within,
        ).toEqual(["0.5", "0.5"]);
        expect(strings(result.periods)).toEqual(["50", "50"]);
      }
    });

    it("cuts monthly seasonality at both ends of the range, by working or calendar days", () => {
      const options = {
        start: "2026-01-16",
        end: "2026-02-10",
        grain: "month",
        calendar: china,
      } as const;
      const monthly = [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1];
      // Working days: 11 of January's 21 against 7 of February's 16, i.e. 176 : 147.
      const working = splitByPeriod(100, { ...options, seasonality: { monthly } }).periods;
      expect(working.map((p) => [p.start, p.end, p.calendarDays, p.workingDays])).toEqual([
        ["2026-01-16", "2026-01-31", 16, 11],
        ["2026-02-01", "2026-02-10", 10, 7],
      ]);
      expect(working[0]?.share).toEqualDecimal(toDecimal(176).div(323));
      // Calendar days: 16 of 31 against 10 of 28, i.e. 224 : 155.
      const calendar = splitByPeriod(100, {
        ...options,
        seasonality: { monthly, within: "calendar-days" },
      }).periods;
      expect(calendar[0]?.share).toEqualDecimal(toDecimal(224).div(379));
    });

    it("lets a month without working days carry a zero figure, and refuses any other", () => {
      // Every day is a rest day except one make-up Monday in January.
      const options = {
        start: "2026-01-01",
        end: "2026-02-28",
        grain: "month",
        calendar: { weekend: [1, 2, 3, 4, 5, 6, 7], workdays: ["2026-01-05"] },
      } as const;
      const zero = splitByPeriod(1, {
        ...options,
        seasonality: { monthly: [1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1] },
      }).periods;
      expect(zero.map((p) => [p.key, p.value.toString(), p.share.toString()])).toEqual([
        ["2026-01", "1", "1"],
        ["2026-02", "0", "0"],
      ]);
      const error = errorOf(() =>
        splitByPeriod(1, {
          ...options,
          seasonality: { monthly: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1] },
        }),
      );
      expect([error.code, error.path]).toEqual([
        "SEASONALITY_MISMATCH",
        ["options", "seasonality", "monthly", 1],
      ]);
      expect(error.message).toMatch(
        /Month 2026-2 has a seasonality weight but no working days to carry it\./,
      );
    });

    it("reads seasonality by own keys only: names on Object.prototype change nothing", () => {
      const prototype = Object.prototype as Record<string, unknown>;
      const options = { ...year2026, grain: "quarter" } as const;
      const record = { "2026-Q1": 1, "2026-Q2": 2, "2026-Q3": 3, "2026-Q4": 4 };
      prototype.monthly = [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1];
      try {
        expect(strings(splitByPeriod(1000, { ...options, seasonality: record }).periods)).toEqual([
          "100",
          "200",
          "300",
          "400",
        ]);
      } finally {
        delete prototype.monthly;
      }
      prototype["2026-Q1"] = 1;
      try {
        const { "2026-Q1": _, ...withoutQ1 } = record;
        const error = errorOf(() => splitByPeriod(1000, { ...options, seasonality: withoutQ1 }));
        expect(error.details).toEqual({ missing: ["2026-Q1"], extra: [] });
      } finally {
        delete prototype["2026-Q1"];
      }
      const monthly = { monthly: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1] };
      const clean = strings(splitByPeriod(1000, { ...options, seasonality: monthly }).periods);
      prototype.within = "calendar-days";
      try {
        expect(strings(splitByPeriod(1000, { ...options, seasonality: monthly }).periods)).toEqual(
          clean,
        );
      } finally {
        delete prototype.within;
      }
    });
  });

  describe("4-4-5 fiscal quarters", () => {
    const fiscal = (quarterPattern: "4-4-5" | "4-5-4" | "5-4-4", grain: Grain = "month") =>
      splitByPeriod(364, {
        start: "2026-01-05",
        end: "2027-01-03",
        grain,
        spreadBy: "calendar-days",
        quarterPattern,
        unit: 1,
      });

    it("makes months of 4, 4 and 5 weeks counted from the start", () => {
      const months = fiscal("4-4-5").periods;
      expect(months.map((p) => p.calendarDays / 7)).toEqual([4, 4, 5, 4, 4, 5, 4, 4, 5, 4, 4, 5]);
      expect(months[0]).toMatchObject({
        key: "FY2026-P01",
        label: "财务月P1（4周）",
        start: "2026-01-05",
        end: "2026-02-01",
      });
      expect(months.map((p) => p.value.toNumber())).toEqual([
        28, 28, 35, 28, 28, 35, 28, 28, 35, 28, 28, 35,
      ]);
    });

    it("supports 4-5-4 and 5-4-4", () => {
      expect(
        fiscal("4-5-4")
          .periods.slice(0, 3)
          .map((p) => p.calendarDays / 7),
      ).toEqual([4, 5, 4]);
      expect(
        fiscal("5-4-4")
          .periods.slice(0, 3)
          .map((p) => p.calendarDays / 7),
      ).toEqual([5, 4, 4]);
    });

    it("makes 13-week quarters", () => {
      const quarters = fiscal("4-4-5", "quarter").periods;
      expect(quarters.map((p) => [p.key, p.label, p.calendarDays])).toEqual([
        ["FY2026-Q1", "财务Q1（13周）", 91],
        ["FY2026-Q2", "财务Q2（13周）", 91],
        ["FY2026-Q3", "财务Q3（13周）", 91],
        ["FY2026-Q4", "财务Q4（13周）", 91],
      ]);
    });

    it("labels a short fiscal period in weeks and days", () => {
      const short = (end: string, grain: Grain) =>
        splitByPeriod(1, { start: "2026-01-05", end, grain, quarterPattern: "4-4-5" }).periods.map(
          (p) => p.label,
        );
      expect(short("2026-01-07", "month")).toEqual(["财务月P1（3天）"]);
      expect(short("2026-01-14", "quarter")).toEqual(["财务Q1（1周+3天）"]);
      expect(short("2026-01-11", "month")).toEqual(["财务月P1（1周）"]);
    });

    it("puts a calendar year's extra day, or a 53rd week, into the twelfth month", () => {
      const calendarYear = splitByPeriod(365, {
        start: "2026-01-01",
        end: "2026-12-31",
        grain: "month",
        spreadBy: "calendar-days",
        quarterPattern: "4-4-5",
        unit: 1,
      }).periods;
      expect(calendarYear).toHaveLength(12);
      expect(calendarYear.at(-1)).toMatchObject({
        calendarDays: 36,
        label: "财务月P12（5周+1天）",
      });
      const week53 = splitByPeriod(371, {
        start: "2026-01-05",
        end: "2027-01-10",
        grain: "month",
        spreadBy: "calendar-days",
        quarterPattern: "4-4-5",
      }).periods;
      expect(week53.at(-1)?.calendarDays).toBe(42);
    });

    it("refuses more than one fiscal year, and grains other than quarter and month", () => {
      expect(
        errorOf(() =>
          splitByPeriod(1, {
            start: "2026-01-01",
            end: "2027-01-07",
            grain: "month",
            quarterPattern: "4-4-5",
          }),
        ).code,
      ).toBe("INVALID_RANGE");
      expect(
        errorOf(() =>
          splitByPeriod(1, {
            start: "2026-01-01",
            end: "2026-12-31",
            grain: "week",
            quarterPattern: "4-4-5",
          }),
        ).code,
      ).toBe("INVALID_ARGUMENT");
      const pattern = errorOf(() =>
        splitByPeriod(1, {
          start: "2026-01-01",
          end: "2026-12-31",
          grain: "month",
          quarterPattern: "4-4-4" as never,
        }),
      );
      expect([pattern.code, pattern.path]).toEqual([
        "INVALID_ARGUMENT",
        ["options", "quarterPattern"],
      ]);
      expect(pattern.message).toMatch(
        /quarterPattern must be one of 4-4-5, 4-5-4, 5-4-4, got the string "4-4-4"\./,
      );
      const week = errorOf(() =>
        splitByPeriod(1, { ...year2026, grain: "week", quarterPattern: "4-4-5" }),
      );
      expect(week.path).toEqual(["options", "quarterPattern"]);
      expect(week.message).toMatch(/use it with grain quarter or month\./);
      const long = errorOf(() =>
        splitByPeriod(1, {
          ...year2026,
          end: "2027-01-07",
          grain: "month",
          quarterPattern: "4-5-4",
        }),
      );
      expect(long.path).toEqual(["options", "end"]);
      expect(long.message).toMatch(
        /A 4-5-4 split covers one fiscal year \(at most 371 days, 53 weeks\); split each fiscal year separately\./,
      );
    });
  });

  it("says provisional: true on a provisional calendar, listing the years", () => {
    const result = splitByPeriod("1.2亿", {
      start: "2027-01-01",
      end: "2027-12-31",
      grain: "quarter",
      calendar: chinaCalendar({ missingYears: "provisional" }),
    });
    expect(result.provisional).toBe(true);
    expect(result.provisionalYears).toEqual([2027]);
    expect(sum(result.periods).toString()).toBe("120000000");
  });

  it("splits a zero total over a range with no working days", () => {
    const result = splitByPeriod(0, {
      start: "2026-02-16",
      end: "2026-02-22",
      grain: "day",
      calendar: china,
    });
    expect(strings(result.periods)).toEqual(["0", "0", "0", "0", "0", "0", "0"]);
  });

  it("does not change frozen options", () => {
    const options = deepFreeze({
      ...year2026,
      calendar: deepFreeze({ ...china }),
      grain: "quarter" as const,
      seasonality: [1, 2, 3, 4],
    });
    expect(strings(splitByPeriod(1000, options).periods)).toEqual(["100", "200", "300", "400"]);
  });

  describe("bad input", () => {
    const base: SplitByPeriodOptions = { ...year2026, grain: "month" };

    it("end before start: INVALID_RANGE", () => {
      expect(
        errorOf(() => splitByPeriod(1, { ...base, start: "2026-12-31", end: "2026-01-01" })).code,
      ).toBe("INVALID_RANGE");
    });

    it("an invalid date string: INVALID_DATE with the path", () => {
      for (const bad of ["2026-02-30", "2026-6-1", ""]) {
        const error = errorOf(() => splitByPeriod(1, { ...base, end: bad }));
        expect([error.code, error.path]).toEqual(["INVALID_DATE", ["options", "end"]]);
      }
    });

    it("a calendar with a day both holiday and make-up day: CALENDAR_CONFLICT", () => {
      expect(
        errorOf(() =>
          splitByPeriod(1, {
            ...base,
            calendar: { holidays: ["2026-05-09"], workdays: ["2026-05-09"] },
          }),
        ).code,
      ).toBe("CALENDAR_CONFLICT");
    });

    it("a year without calendar data: CALENDAR_YEAR_MISSING", () => {
      expect(
        errorOf(() => splitByPeriod(1, { ...base, start: "2027-01-01", end: "2027-12-31" })).code,
      ).toBe("CALENDAR_YEAR_MISSING");
    });

    it("seasonality that does not match the periods: SEASONALITY_MISMATCH", () => {
      const cases: [unknown, (string | number)[]][] = [
        [
          [1, 2, 3],
          ["options", "seasonality"],
        ],
        [{ "2026-01": 1 }, ["options", "seasonality"]],
        [
          Object.fromEntries(
            [...Array(12)]
              .map((_, i) => [`2026-${String(i + 1).padStart(2, "0")}`, 1])
              .concat([["2027-01", 1]]),
          ),
          ["options", "seasonality", "2027-01"],
        ],
        [{ monthly: [1, 2, 3] }, ["options", "seasonality", "monthly"]],
        [
          [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
          ["options", "seasonality"],
        ],
      ];
      for (const [seasonality, path] of cases) {
        const error = errorOf(() =>
          splitByPeriod(1, { ...base, seasonality: seasonality as never }),
        );
        expect([error.code, error.path]).toEqual(["SEASONALITY_MISMATCH", path]);
      }
      expect(errorOf(() => splitByPeriod(1, { ...base, spreadBy: "seasonality" })).code).toBe(
        "SEASONALITY_MISMATCH",
      );
      const message = errorOf(() => splitByPeriod(1, { ...base, seasonality: [1, 2] })).message;
      expect(message).toContain("12 periods");
    });

    it("says how seasonality fails to match, naming the periods", () => {
      const months = errorOf(() => splitByPeriod(1, { ...base, seasonality: [1, 2] }));
      expect(months.message).toContain(
        "The split has 12 periods (2026-01, 2026-02 … 2026-12) but 2 seasonality weights; give one weight per period, in order, or a record by period key.",
      );
      expect(months.details).toEqual({ expected: 12, got: 2 });
      const quarters = errorOf(() =>
        splitByPeriod(1, { ...base, grain: "quarter", seasonality: [1, 2, 3, 4, 5] }),
      );
      expect(quarters.message).toContain(
        "The split has 4 periods (2026-Q1, 2026-Q2, 2026-Q3, 2026-Q4) but 5 seasonality weights",
      );
      const missing = errorOf(() =>
        splitByPeriod(1, { ...base, grain: "quarter", seasonality: { "2026-Q1": 1 } }),
      );
      expect(missing.path).toEqual(["options", "seasonality"]);
      expect(missing.details).toEqual({ missing: ["2026-Q2", "2026-Q3", "2026-Q4"], extra: [] });
      expect(missing.message).toContain(
        'Seasonality keys do not match the periods (2026-Q1, 2026-Q2, 2026-Q3, 2026-Q4): no weight for "2026-Q2", "2026-Q3", "2026-Q4". ',
      );
      const extra = errorOf(() =>
        splitByPeriod(1, {
          ...base,
          grain: "quarter",
          seasonality: {
            "2026-Q1": 1,
            "2026-Q2": 1,
            "2026-Q3": 1,
            "2026-Q4": 1,
            "2027-Q1": 2,
            x: 3,
          },
        }),
      );
      expect(extra.path).toEqual(["options", "seasonality", "2027-Q1"]);
      expect(extra.details).toEqual({ missing: [], extra: ["2027-Q1", "x"] });
      expect(extra.message).toContain(': weights for unknown periods "2027-Q1", "x". ');
      const both = errorOf(() =>
        splitByPeriod(1, { ...base, grain: "quarter", seasonality: { "2026-Q1": 1, x: 3 } }),
      );
      expect(both.message).toContain(
        'no weight for "2026-Q2", "2026-Q3", "2026-Q4"; weights for unknown periods "x". ',
      );
      const monthly = errorOf(() =>
        splitByPeriod(1, { ...base, seasonality: { monthly: [1, 2, 3] } }),
      );
      expect(monthly.details).toEqual({ expected: 12, got: 3 });
      expect(monthly.message).toMatch(
        /Monthly seasonality needs 12 figures \(January to December\), got 3\./,
      );
      const zero = errorOf(() => splitByPeriod(1, { ...base, seasonality: Array(12).fill(0) }));
      expect(zero.message).toMatch(
        /Every period's seasonality weight is zero, so the total cannot be spread\./,
      );
    });

    it("refuses seasonality that is not an array, record or { monthly }, and a bad within", () => {
      for (const [seasonality, got] of [
        [5, "5"],
        [null, "null"],
        ["1,2,3", 'the string "1,2,3"'],
      ] as const) {
        const error = errorOf(() =>
          splitByPeriod(1, { ...base, seasonality: seasonality as never }),
        );
        expect([error.code, error.path]).toEqual([
          "SEASONALITY_MISMATCH",
          ["options", "seasonality"],
        ]);
        expect(error.message).toContain(
          `seasonality must be an array, a record or { monthly }, got ${got}.`,
        );
      }
      const within = errorOf(() =>
        splitByPeriod(1, {
          ...base,
          seasonality: { monthly: Array(12).fill(1), within: "days" as never },
        }),
      );
      expect([within.code, within.path]).toEqual([
        "INVALID_ARGUMENT",
        ["options", "seasonality", "within"],
      ]);
      expect(within.message).toMatch(/within must be "working-days" or "calendar-days", got/);
    });

    it("a negative seasonality weight: NEGATIVE_WEIGHT with the path", () => {
      const error = errorOf(() =>
        splitByPeriod(1, { ...base, grain: "quarter", seasonality: [1, -1, 1, 1] }),
      );
      expect([error.code, error.path]).toEqual(["NEGATIVE_WEIGHT", ["options", "seasonality", 1]]);
      expect(error.message).toMatch(/A seasonality weight is negative\./);
      expect(
        errorOf(() => splitByPeriod(1, { ...base, grain: "quarter", seasonality: [1, "x", 1, 1] }))
          .path,
      ).toEqual(["options", "seasonality", 1]);
    });

    it("a working-day split of a non-zero total with no working days: NO_WORKING_DAYS", () => {
      const error = errorOf(() =>
        splitByPeriod(100, {
          start: "2026-02-16",
          end: "2026-02-22",
          grain: "day",
          calendar: china,
        }),
      );
      expect([error.code, error.path]).toEqual(["NO_WORKING_DAYS", ["options", "spreadBy"]]);
      expect(error.message).toMatch(
        /2026-02-16 – 2026-02-22 has no working days, so a working-day split of a non-zero total is undefined; use spreadBy: "calendar-days"/,
      );
    });

    it("bad grain, spreadBy, total and options", () => {
      expect(
        errorOf(() => splitByPeriod(1, { ...base, grain: "fortnight" as never })).path,
      ).toEqual(["options", "grain"]);
      expect(errorOf(() => splitByPeriod(1, { ...base, spreadBy: "hours" as never })).path).toEqual(
        ["options", "spreadBy"],
      );
      expect(
        errorOf(() => splitByPeriod(1, { ...base, spreadBy: "calendar-days", seasonality: [1] }))
          .code,
      ).toBe("INVALID_ARGUMENT");
      expect(
        errorOf(() => splitByPeriod(1, { ...base, grain: "fortnight" as never })).message,
      ).toMatch(
        /grain must be one of year, quarter, month, dekad, week, day, got the string "fortnight"\./,
      );
      expect(
        errorOf(() => splitByPeriod(1, { ...base, spreadBy: "hours" as never })).message,
      ).toMatch(
        /spreadBy must be one of calendar-days, working-days, seasonality, got the string "hours"\./,
      );
      const both = errorOf(() =>
        splitByPeriod(1, { ...base, spreadBy: "calendar-days", seasonality: [1] }),
      );
      expect(both.path).toEqual(["options", "spreadBy"]);
      expect(both.message).toMatch(
        /seasonality is given but spreadBy is "calendar-days"; drop one of them\./,
      );
      const none = errorOf(() => splitByPeriod(1, { ...base, spreadBy: "seasonality" }));
      expect(none.path).toEqual(["options", "seasonality"]);
      expect(none.message).toMatch(/spreadBy "seasonality" needs seasonality weights/);
      const total = errorOf(() => splitByPeriod("abc", base));
      expect([total.code, total.path]).toEqual(["INVALID_NUMBER", ["total"]]);
      expect(errorOf(() => splitByPeriod("0.001", base)).code).toBe("NOT_A_MULTIPLE_OF_UNIT");
      expect(errorOf(() => splitByPeriod(1, null as never)).code).toBe("INVALID_ARGUMENT");
    });

    it("refuses a misspelt option, naming the one meant, and an option under its old name", () => {
      const misspelt = errorOf(() =>
        splitByPeriod(1, { ...base, calendar: undefined, calender: china } as never),
      );
      expect([misspelt.code, misspelt.path]).toEqual(["UNKNOWN_OPTION", ["options", "calender"]]);
      expect(misspelt.message).toContain('Did you mean "calendar"?');
      for (const [key, meant] of [
        ["grian", "grain"],
        ["spreadby", "spreadBy"],
        ["seasonaltiy", "seasonality"],
        ["quaterPattern", "quarterPattern"],
        ["units", "unit"],
        ["roundig", "rounding"],
        ["roundTotals", "roundTotal"],
        ["star", "start"],
      ] as const) {
        const error = errorOf(() => splitByPeriod(1, { ...base, [key]: "x" } as never));
        expect([error.code, error.path], key).toEqual(["UNKNOWN_OPTION", ["options", key]]);
        expect(error.message).toContain(`Did you mean "${meant}"?`);
      }
      const renamed = errorOf(() => splitByPeriod(1, { ...base, basis: "calendar-days" } as never));
      expect([renamed.code, renamed.path]).toEqual(["UNKNOWN_OPTION", ["options", "basis"]]);
      expect(renamed.message).toContain('Unknown option "basis": it is now "spreadBy".');
      const monthly = errorOf(() =>
        splitByPeriod(1, {
          ...base,
          seasonality: { monthly: Array(12).fill(1), whithin: "x" } as never,
        }),
      );
      expect([monthly.code, monthly.path]).toEqual([
        "UNKNOWN_OPTION",
        ["options", "seasonality", "whithin"],
      ]);
    });

    it("refuses seasonality given as a Map, saying to pass a plain object", () => {
      const error = errorOf(() =>
        splitByPeriod(1, { ...base, seasonality: new Map([["2026-01", 1]]) as never }),
      );
      expect([error.code, error.path]).toEqual([
        "SEASONALITY_MISMATCH",
        ["options", "seasonality"],
      ]);
      expect(error.message).toContain("got a Map (pass a plain object");
    });

    it('takes unit "万" and "亿" as a step of one 万 and one 亿, as "1万" and "1亿"', () => {
      const values = (unit: string, total = "1.2亿") =>
        splitByPeriod(total, { ...year2026, grain: "quarter", unit }).periods.map((p) =>
          p.value.toString(),
        );
      expect(values("万")).toEqual(values("1万"));
      expect(values("万")).toEqual(["28550000", "29520000", "31930000", "30000000"]);
      expect(values("亿", "12亿")).toEqual(values("1亿", "12亿"));
    });
  });

  describe("properties", () => {
    const grains: Grain[] = ["year", "quarter", "month", "dekad", "week", "day"];
    const arbitrary = fc.record({
      from: fc.integer({ min: 0, max: 2100 }),
      length: fc.integer({ min: 0, max: 420 }),
      grain: fc.constantFrom(...grains),
      spreadBy: fc.constantFrom("working-days" as const, "calendar-days" as const),
      cents: fc.bigInt({ min: 0n, max: 10n ** 14n }),
    });

    it("covers every day of the range by exactly one period, in order", () => {
      fc.assert(
        fc.property(arbitrary, ({ from, length, grain, spreadBy }) => {
          const start = isoOf(from);
          const end = isoOf(from + length);
          // A zero total splits even over a range without working days.
          const { periods } = splitByPeriod(0, {
            start,
            end,
            grain,
            spreadBy,
            calendar: china,
          });
          expect(periods[0]?.start).toBe(start);
          expect(periods.at(-1)?.end).toBe(end);
          periods.forEach((period, index) => {
            const span = differenceInCalendarDays(new Date(period.end), new Date(period.start)) + 1;
            expect(period.calendarDays).toBe(span);
            const next = periods[index + 1];
            if (next) {
              expect(differenceInCalendarDays(new Date(next.start), new Date(period.end))).toBe(1);
            }
          });
          expect(periods.reduce((n, p) => n + p.calendarDays, 0)).toBe(length + 1);
          expect(new Set(periods.map((p) => p.key)).size).toBe(periods.length);
        }),
        { numRuns: runs(100) },
      );
    });

    it("sums exactly to the total, each value a multiple of the unit", () => {
      fc.assert(
        fc.property(arbitrary, ({ from, length, grain, spreadBy, cents }) => {
          const total = toDecimal(cents.toString()).div(100);
          const start = isoOf(from);
          const end = isoOf(from + length);
          const noWorkingDays =
            spreadBy === "working-days" &&
            listDays(start, end, china).days.every((d) => !d.working);
          if (noWorkingDays && !total.isZero()) return;
          const { periods } = splitByPeriod(total, {
            start,
            end,
            grain,
            spreadBy,
            calendar: china,
          });
          expect(sum(periods)).toEqualDecimal(total);
          for (const period of periods) {
            expect(period.value.times(100).isInteger()).toBe(true);
            expect(period.value.isNegative()).toBe(false);
            if (spreadBy === "working-days" && period.workingDays === 0)
              expect(period.value).toEqualDecimal(0);
          }
        }),
        { numRuns: runs(100) },
      );
    });

    it("with roundTotal, sums exactly to the total rounded to the unit by the mode", () => {
      const modes = ["half-up", "half-even", "down", "ceil", "floor"] as const;
      // decimal.js's rounding constants, as an independent oracle.
      const decimals: Record<(typeof modes)[number], 1 | 2 | 3 | 4 | 6> = {
        "half-up": 4,
        "half-even": 6,
        down: 1,
        ceil: 2,
        floor: 3,
      };
      fc.assert(
        fc.property(
          arbitrary,
          fc.bigInt({ min: -(10n ** 16n), max: 10n ** 16n }),
          fc.constantFrom(...modes),
          ({ from, length, grain }, micros, rounding) => {
            const total = toDecimal(micros.toString()).div(10_000);
            const result = splitByPeriod(total, {
              start: isoOf(from),
              end: isoOf(from + length),
              grain,
              spreadBy: "calendar-days",
              unit: "0.01",
              roundTotal: true,
              rounding,
            });
            expect(result.total).toEqualDecimal(total.toDecimalPlaces(2, decimals[rounding]));
            expect(sum(result.periods)).toEqualDecimal(result.total);
            for (const period of result.periods) {
              expect(period.value.times(100).isInteger()).toBe(true);
            }
          },
        ),
        { numRuns: runs(100) },
      );
    });

    it("counts working days per period as a day-by-day count does", () => {
      fc.assert(
        fc.property(arbitrary, ({ from, length, grain }) => {
          const start = isoOf(from);
          const end = isoOf(from + length);
          const { periods, workingDays } = splitByPeriod(0, { start, end, grain, calendar: china });
          const days = listDays(start, end, china).days;
          for (const period of periods) {
            const count = days.filter(
              (d) => d.date >= period.start && d.date <= period.end && d.working,
            ).length;
            expect(period.workingDays).toBe(count);
          }
          expect(workingDays).toBe(days.filter((d) => d.working).length);
        }),
        { numRuns: runs(100) },
      );
    });
  });
});
