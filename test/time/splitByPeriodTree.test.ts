import { addDays } from "date-fns";
import fc from "fast-check";
import type { Decimal, Grain, PeriodNode } from "targetree";
import { chinaCalendar, listDays, splitByPeriodTree, toDecimal } from "targetree";
import { describe, expect, it } from "vitest";
import { deepFreeze, errorOf } from "../_support/errors.js";
import { runs } from "../_support/runs.js";

const china = chinaCalendar();
const sum = (nodes: readonly { value: Decimal }[]) =>
  nodes.reduce((acc, node) => acc.plus(node.value), toDecimal(0));
const isoOf = (n: number) =>
  addDays(new Date(Date.UTC(2020, 0, 1)), n)
    .toISOString()
    .slice(0, 10);

/** Checks every level: children sum to the parent and cover its days exactly. */
function checkTree(nodes: readonly PeriodNode[]): void {
  for (const node of nodes) {
    if (node.children.length === 0) continue;
    expect(sum(node.children), node.key).toEqualDecimal(node.value);
    expect(node.children[0]?.start).toBe(node.start);
    expect(node.children.at(-1)?.end).toBe(node.end);
    expect(node.children.reduce((n, child) => n + child.calendarDays, 0)).toBe(node.calendarDays);
    expect(node.children.reduce((n, child) => n + child.workingDays, 0)).toBe(node.workingDays);
    checkTree(node.children);
  }
}

describe("splitByPeriodTree", () => {
  it("splits 1.2亿 into quarters, months and weeks of 2026, exact at every level", () => {
    const tree = splitByPeriodTree("1.2亿", {
      start: "2026-01-01",
      end: "2026-12-31",
      grains: ["quarter", "month", "week"],
      calendar: china,
    });
    expect(sum(tree.periods).toString()).toBe("120000000");
    checkTree(tree.periods);
    const february = tree.periods[0]?.children[1];
    expect(february?.key).toBe("2026-02");
    expect(
      february?.children.map((week) => [week.key, week.start, week.end, week.workingDays]),
    ).toEqual([
      ["2026-W05", "2026-02-01", "2026-02-01", 0],
      ["2026-W06", "2026-02-02", "2026-02-08", 5],
      ["2026-W07", "2026-02-09", "2026-02-15", 6],
      ["2026-W08", "2026-02-16", "2026-02-22", 0],
      ["2026-W09", "2026-02-23", "2026-02-28", 5],
    ]);
  });

  it("gives the same first level as splitByPeriod", () => {
    const tree = splitByPeriodTree("1.2亿", {
      start: "2026-01-01",
      end: "2026-12-31",
      grains: ["month", "dekad", "day"],
      calendar: china,
    });
    expect(tree.periods.map((month) => month.value.toString())[0]).toBe("10161290.32");
    checkTree(tree.periods);
    const days = tree.periods.flatMap((m) => m.children.flatMap((d) => d.children));
    expect(days).toHaveLength(365);
    expect(days.filter((day) => day.kind === "holiday").every((day) => day.value.isZero())).toBe(
      true,
    );
  });

  it("splits fiscal 4-4-5 months into weeks, the fiscal map counted from the root start", () => {
    const tree = splitByPeriodTree(5200, {
      start: "2026-01-05",
      end: "2027-01-03",
      grains: ["quarter", "month", "week"],
      spreadBy: "calendar-days",
      quarterPattern: "4-4-5",
      unit: 1,
    });
    expect(tree.periods[0]?.children.map((m) => [m.key, m.children.length])).toEqual([
      ["FY2026-P01", 4],
      ["FY2026-P02", 4],
      ["FY2026-P03", 5],
    ]);
    expect(
      tree.periods
        .flatMap((q) => q.children.flatMap((m) => m.children))
        .every((w) => w.value.eq(100)),
    ).toBe(true);
    // Later quarters' months keep counting from the root start; weeks keep plain labels.
    expect(tree.periods.map((q) => q.children.map((m) => m.key))).toEqual([
      ["FY2026-P01", "FY2026-P02", "FY2026-P03"],
      ["FY2026-P04", "FY2026-P05", "FY2026-P06"],
      ["FY2026-P07", "FY2026-P08", "FY2026-P09"],
      ["FY2026-P10", "FY2026-P11", "FY2026-P12"],
    ]);
    expect(tree.periods[1]?.children[2]?.label).toBe("财务月P6（5周）");
    expect(tree.periods[0]?.children[0]?.children[0]).toMatchObject({
      key: "2026-W02",
      label: "2026年第2周",
      children: [],
    });
    expect(tree.quarterPattern).toBe("4-4-5");
  });

  it("echoes the total, range, grains and spreadBy, with no quarterPattern unless given", () => {
    const tree = splitByPeriodTree("1.2亿", {
      start: "2026-01-01",
      end: "2026-12-31",
      grains: ["year", "quarter"],
      calendar: china,
    });
    expect(tree).toMatchObject({
      start: "2026-01-01",
      end: "2026-12-31",
      grains: ["year", "quarter"],
      spreadBy: "working-days",
      calendarDays: 365,
      workingDays: 248,
      provisional: false,
      provisionalYears: [],
    });
    expect(tree.total.toString()).toBe("120000000");
    expect(tree).not.toHaveProperty("quarterPattern");
    expect(tree.periods[0]?.children.every((quarter) => quarter.children.length === 0)).toBe(true);
    const byDays = splitByPeriodTree(1, {
      start: "2026-01-01",
      end: "2026-01-31",
      grains: ["month"],
      spreadBy: "calendar-days",
    });
    expect(byDays.spreadBy).toBe("calendar-days");
    expect(byDays.periods[0]?.children).toEqual([]);
  });

  it("applies per-period seasonality to the first level and working days below", () => {
    const tree = splitByPeriodTree(1000, {
      start: "2026-01-01",
      end: "2026-06-30",
      grains: ["quarter", "month"],
      calendar: china,
      seasonality: [3, 7],
    });
    expect(tree.periods.map((q) => q.value.toString())).toEqual(["300", "700"]);
    expect(tree.periods[0]?.children.map((m) => m.value.toString())).toEqual([
      "106.78",
      "81.36",
      "111.86",
    ]);
    const byCalendar = splitByPeriodTree(900, {
      start: "2026-01-01",
      end: "2026-03-31",
      grains: ["quarter", "month"],
      seasonality: [1],
      innerSpreadBy: "calendar-days",
      unit: 1,
    });
    expect(byCalendar.periods[0]?.children.map((m) => m.value.toNumber())).toEqual([310, 280, 310]);
  });

  it("applies monthly seasonality at every level", () => {
    const tree = splitByPeriodTree(1200, {
      start: "2026-01-01",
      end: "2026-12-31",
      grains: ["quarter", "month", "week"],
      calendar: china,
      seasonality: { monthly: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 4] },
      unit: 1,
    });
    expect(tree.periods[3]?.children.map((m) => m.value.toNumber())).toEqual([80, 80, 320]);
    checkTree(tree.periods);
  });

  it("says provisional on a provisional calendar", () => {
    const tree = splitByPeriodTree("1.2亿", {
      start: "2027-01-01",
      end: "2027-12-31",
      grains: ["month", "week"],
      calendar: chinaCalendar({ missingYears: "provisional" }),
    });
    expect(tree.provisional).toBe(true);
    expect(tree.provisionalYears).toEqual([2027]);
  });

  it("does not change frozen options", () => {
    const options = deepFreeze({
      start: "2026-01-01",
      end: "2026-03-31",
      grains: ["month", "week"] as Grain[],
      calendar: deepFreeze({ ...china }),
    });
    expect(sum(splitByPeriodTree(100, options).periods).toString()).toBe("100");
  });

  it("rounds a total off the unit when roundTotal asks, exact at every level", () => {
    const options = {
      start: "2026-01-01",
      end: "2026-03-31",
      grains: ["month", "week"] as Grain[],
      calendar: china,
      unit: 1,
    };
    const refused = errorOf(() => splitByPeriodTree("1000.5", options));
    expect([refused.code, refused.path]).toEqual(["NOT_A_MULTIPLE_OF_UNIT", ["total"]]);
    const tree = splitByPeriodTree("1000.5", { ...options, roundTotal: true, rounding: "down" });
    expect(tree.total.toString()).toBe("1000");
    expect(sum(tree.periods).toString()).toBe("1000");
    checkTree(tree.periods);
    for (const month of tree.periods) {
      expect(month.children.every((week) => week.value.isInteger())).toBe(true);
    }
  });

  describe("bad input", () => {
    it("refuses empty or unordered grains", () => {
      const base = { start: "2026-01-01", end: "2026-12-31" };
      expect(errorOf(() => splitByPeriodTree(1, { ...base, grains: [] })).path).toEqual([
        "options",
        "grains",
      ]);
      const notArray = errorOf(() => splitByPeriodTree(1, { ...base, grains: "month" as never }));
      expect([notArray.code, notArray.path]).toEqual(["INVALID_ARGUMENT", ["options", "grains"]]);
      expect(notArray.message).toMatch(
        /grains must be a non-empty array such as \["month", "week"\]\./,
      );
      const same = errorOf(() =>
        splitByPeriodTree(1, { ...base, grains: ["year", "month", "month"] }),
      );
      expect([same.code, same.path]).toEqual(["INVALID_ARGUMENT", ["options", "grains", 2]]);
      expect(same.message).toMatch(
        /Each level must be finer than the one before: "month" cannot sit under "month"\./,
      );
      expect(
        errorOf(() => splitByPeriodTree(1, { ...base, grains: ["week", "dekad"] })).path,
      ).toEqual(["options", "grains", 1]);
      expect(
        errorOf(() => splitByPeriodTree(1, { ...base, grains: ["month", "quarter"] })).path,
      ).toEqual(["options", "grains", 1]);
      expect(errorOf(() => splitByPeriodTree(1, { ...base, grains: ["dekad", "week"] })).code).toBe(
        "INVALID_ARGUMENT",
      );
      expect(
        errorOf(() => splitByPeriodTree(1, { ...base, grains: ["month", "hour" as never] })).path,
      ).toEqual(["options", "grains", 1]);
      const inner = errorOf(() =>
        splitByPeriodTree(1, { ...base, grains: ["month"], innerSpreadBy: "x" as never }),
      );
      expect([inner.code, inner.path]).toEqual(["INVALID_ARGUMENT", ["options", "innerSpreadBy"]]);
      expect(inner.message).toMatch(/innerSpreadBy must be "working-days" or "calendar-days"\./);
    });

    it("refuses a misspelt option, naming the one meant, and options under their old names", () => {
      const base = {
        start: "2026-01-01",
        end: "2026-06-30",
        grains: ["quarter", "month"],
      } as const;
      for (const [key, meant] of [
        ["grain", "grains"],
        ["innerSpreadby", "innerSpreadBy"],
        ["calender", "calendar"],
      ] as const) {
        const error = errorOf(() => splitByPeriodTree(1, { ...base, [key]: "x" } as never));
        expect([error.code, error.path], key).toEqual(["UNKNOWN_OPTION", ["options", key]]);
        expect(error.message).toContain(`Did you mean "${meant}"?`);
      }
      for (const [key, now] of [
        ["basis", "spreadBy"],
        ["innerBasis", "innerSpreadBy"],
      ] as const) {
        const error = errorOf(() =>
          splitByPeriodTree(1, { ...base, [key]: "calendar-days" } as never),
        );
        expect([error.code, error.path]).toEqual(["UNKNOWN_OPTION", ["options", key]]);
        expect(error.message).toContain(`it is now "${now}"`);
      }
    });

    it("refuses innerSpreadBy where it would have no effect", () => {
      const base = {
        start: "2026-01-01",
        end: "2026-12-31",
        grains: ["quarter", "month"] as const,
      };
      // Without seasonality every level uses the same spreadBy.
      const plain = errorOf(() =>
        splitByPeriodTree(1, { ...base, innerSpreadBy: "calendar-days" }),
      );
      expect(plain.code).toBe("INVALID_ARGUMENT");
      expect(plain.path).toEqual(["options", "innerSpreadBy"]);
      expect(plain.message).toMatch(/only applies when seasonality is given per period/);
      // Monthly seasonality applies at every level, so innerSpreadBy is refused there too.
      const monthly = { monthly: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2] };
      expect(
        errorOf(() =>
          splitByPeriodTree(1, { ...base, seasonality: monthly, innerSpreadBy: "working-days" }),
        ).path,
      ).toEqual(["options", "innerSpreadBy"]);
      // Per-period seasonality takes it.
      const tree = splitByPeriodTree(100, {
        ...base,
        seasonality: [1, 1, 1, 1],
        innerSpreadBy: "calendar-days",
      });
      expect(tree.periods.map((q) => q.value.toString())).toEqual(["25", "25", "25", "25"]);
    });

    it("refuses seasonality that does not match the first level", () => {
      expect(
        errorOf(() =>
          splitByPeriodTree(1, {
            start: "2026-01-01",
            end: "2026-12-31",
            grains: ["quarter", "month"],
            seasonality: [1, 2],
          }),
        ).code,
      ).toBe("SEASONALITY_MISMATCH");
    });
  });

  describe("properties", () => {
    it("is exact at every level and covers every day once", () => {
      const chains: Grain[][] = [
        ["year", "quarter", "month"],
        ["quarter", "month", "week"],
        ["month", "dekad", "day"],
        ["month", "week", "day"],
        ["year", "week"],
      ];
      fc.assert(
        fc.property(
          fc.integer({ min: 0, max: 2100 }),
          fc.integer({ min: 0, max: 420 }),
          fc.constantFrom(...chains),
          fc.bigInt({ min: 0n, max: 10n ** 12n }),
          (from, length, grains, cents) => {
            const start = isoOf(from);
            const end = isoOf(from + length);
            const total = toDecimal(cents.toString()).div(100);
            if (!total.isZero() && listDays(start, end, china).days.every((d) => !d.working))
              return;
            const tree = splitByPeriodTree(total, { start, end, grains, calendar: china });
            expect(sum(tree.periods)).toEqualDecimal(total);
            expect(tree.periods.reduce((n, p) => n + p.calendarDays, 0)).toBe(length + 1);
            checkTree(tree.periods);
          },
        ),
        { numRuns: runs(60) },
      );
    });
  });
});
