import fc from "fast-check";
import type { Decimal, Grain, PeriodNode, SplitByPeriodOptions } from "targetree";
import {
  chinaCalendar,
  splitByPeriod,
  splitByPeriodTree,
  splitManyByPeriod,
  toDecimal,
} from "targetree";
import { describe, expect, it } from "vitest";
import { deepFreeze, expectBareRecord, expectCode } from "../_support/errors.js";
import { runs } from "../_support/runs.js";

const china = chinaCalendar();
const year2026 = { start: "2026-01-01", end: "2026-12-31", calendar: china } as const;

/** A Decimal as an integer amount at `scale` decimal places (it must be one). */
const atScale = (value: Decimal, scale: number): bigint => {
  const scaled = value.times(toDecimal(10).pow(scale));
  expect(scaled.isInteger()).toBe(true);
  return BigInt(scaled.toFixed(0));
};

describe("splitManyByPeriod", () => {
  it("splits each rep's target over the months exactly as splitByPeriod does, periods once", () => {
    const reps = { 张三: "50万", 李四: "30万", 王五: "1234.56" };
    const result = splitManyByPeriod(reps, { ...year2026, grain: "month" });
    expect(result.periods.map((period) => period.key)).toEqual(
      splitByPeriod("50万", { ...year2026, grain: "month" }).periods.map((period) => period.key),
    );
    expect(Object.keys(result.values)).toEqual(["张三", "李四", "王五"]);
    expectBareRecord(result.values);
    expectBareRecord(result.totals);
    for (const [name, total] of Object.entries(reps)) {
      const one = splitByPeriod(total, { ...year2026, grain: "month" });
      expect(result.values[name]!.map(String)).toEqual(one.periods.map((p) => String(p.value)));
      expect(String((result.totals as Record<string, Decimal>)[name])).toBe(String(one.total));
    }
    expect(result).toMatchObject({ calendarDays: 365, workingDays: 248, grain: "month" });
    expect(result.periods[0]).not.toHaveProperty("value");
  });

  it("takes totals as an array, and gives integer minor units with their scale on request", () => {
    const result = splitManyByPeriod([100, 7], {
      start: "2026-06-01",
      end: "2026-06-30",
      grain: "dekad",
      unit: 1,
      as: "units",
    });
    expect(result.values).toEqual([
      [36, 32, 32],
      [3, 2, 2],
    ]);
    expect(result.totals).toEqual([100, 7]);
    expect(result.scale).toBe(0);
    const cents = splitManyByPeriod(["0.07"], { ...year2026, grain: "quarter", as: "bigint" });
    expect(cents.values).toEqual([[1n, 2n, 2n, 2n]]);
    expect(cents.scale).toBe(2);
  });

  it("names the total that is off the unit, and rounds it on request", () => {
    expectCode(
      () => splitManyByPeriod({ a: 1, b: "0.005" }, { ...year2026, grain: "month" }),
      "NOT_A_MULTIPLE_OF_UNIT",
      ["totals", "b"],
    );
    const rounded = splitManyByPeriod([1, "0.005"], {
      ...year2026,
      grain: "month",
      roundTotal: true,
    });
    expect(rounded.totals.map(String)).toEqual(["1", "0.01"]);
  });

  it("refuses empty totals, a Map, and a misspelt option", () => {
    expectCode(() => splitManyByPeriod([], { ...year2026, grain: "month" }), "INVALID_ARGUMENT", [
      "totals",
    ]);
    expectCode(
      () => splitManyByPeriod(new Map() as never, { ...year2026, grain: "month" }),
      "INVALID_ARGUMENT",
      ["totals"],
    );
    expectCode(
      () => splitManyByPeriod([1], { ...year2026, grain: "month", as: "cents" as never }),
      "INVALID_ARGUMENT",
      ["options", "as"],
    );
    expectCode(
      () => splitManyByPeriod([1], { ...year2026, grain: "month", calender: china } as never),
      "UNKNOWN_OPTION",
      ["options", "calender"],
    );
  });

  it("throws NO_WORKING_DAYS for a non-zero total over a range without working days", () => {
    const weekend = { start: "2026-06-06", end: "2026-06-07", grain: "day" } as const;
    expect(splitManyByPeriod([0], weekend).values).toEqual([[toDecimal(0), toDecimal(0)]]);
    expectCode(() => splitManyByPeriod([0, 1], weekend), "NO_WORKING_DAYS", [
      "options",
      "spreadBy",
    ]);
  });

  it("does not change frozen arguments", () => {
    const totals = deepFreeze({ a: "100", b: "200" });
    const options = deepFreeze({ ...year2026, grain: "quarter" as const, unit: 1 });
    expect(splitManyByPeriod(totals, options).values.a!.map(String)).toEqual([
      "24",
      "24",
      "27",
      "25",
    ]);
  });

  it("gives each total exactly what splitByPeriod gives it, in every form (property)", () => {
    const grains: readonly Grain[] = ["year", "quarter", "month", "dekad", "week", "day"];
    fc.assert(
      fc.property(
        fc.array(fc.bigInt({ min: -(10n ** 11n), max: 10n ** 11n }), {
          minLength: 1,
          maxLength: 5,
        }),
        fc.constantFrom(...grains),
        fc.integer({ min: 0, max: 300 }),
        fc.integer({ min: 0, max: 60 }),
        fc.constantFrom<"working-days" | "calendar-days">("working-days", "calendar-days"),
        fc.constantFrom<string | number>("0.01", 1, "0.05"),
        (cents, grain, startDay, length, spreadBy, unit) => {
          const start = new Date(Date.UTC(2026, 0, 1 + startDay)).toISOString().slice(0, 10);
          const end = new Date(Date.UTC(2026, 0, 1 + startDay + length)).toISOString().slice(0, 10);
          const options: SplitByPeriodOptions & { readonly as?: "decimal" } = {
            start,
            end,
            grain,
            // A short range may fall inside a holiday (春节 is 9 days): calendar days there.
            spreadBy: spreadBy === "working-days" && length < 10 ? "calendar-days" : spreadBy,
            calendar: china,
            unit,
            roundTotal: true,
          };
          const totals = cents.map((count) => `${count}e-2`);
          const many = splitManyByPeriod(totals, options);
          const numbers = splitManyByPeriod(totals, { ...options, as: "units" });
          const bigints = splitManyByPeriod(totals, { ...options, as: "bigint" });
          totals.forEach((total, index) => {
            const one = splitByPeriod(total, options);
            const oneUnits = splitByPeriod(total, { ...options, as: "bigint" });
            expect(many.values[index]!.map(String)).toEqual(
              one.periods.map((p) => String(p.value)),
            );
            expect(many.periods).toEqual(one.periods.map(({ value: _value, ...frame }) => frame));
            expect(bigints.values[index]).toEqual(oneUnits.periods.map((p) => p.value));
            expect(bigints.values[index]).toEqual(
              many.values[index]!.map((value) => atScale(value, bigints.scale)),
            );
            expect(numbers.values[index]!.map(BigInt)).toEqual(bigints.values[index]);
            expect(bigints.values[index]!.reduce((a, b) => a + b, 0n)).toBe(bigints.totals[index]);
            expect(oneUnits.total).toBe(bigints.totals[index]);
          });
        },
      ),
      { numRuns: runs(60) },
    );
  });
});

describe("splitByPeriodTree in integer units", () => {
  const flat = <V>(nodes: readonly PeriodNode<V>[]): V[] =>
    nodes.flatMap((node) => [node.value, ...flat(node.children)]);

  it("gives every level's values as the Decimal tree's, scaled, each level summing exactly (property)", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 10n), max: 10n ** 10n }),
        fc.constantFrom<readonly Grain[]>(
          ["quarter", "month"],
          ["month", "week"],
          ["month", "dekad", "day"],
        ),
        fc.constantFrom<string | number>("0.01", 1, "万"),
        (cents, grains, unit) => {
          const options = { ...year2026, grains, unit, roundTotal: true };
          const total = `${cents}e-2`;
          const decimals = splitByPeriodTree(total, options);
          const bigints = splitByPeriodTree(total, { ...options, as: "bigint" });
          const numbers = splitByPeriodTree(total, { ...options, as: "units" });
          expect(flat(decimals.periods).map((value) => atScale(value, bigints.scale))).toEqual(
            flat(bigints.periods),
          );
          expect(flat(numbers.periods).map(BigInt)).toEqual(flat(bigints.periods));
          expect(bigints.periods.reduce((sum, period) => sum + period.value, 0n)).toBe(
            bigints.total,
          );
          const sums = (node: PeriodNode<bigint>): void => {
            if (node.children.length === 0) return;
            expect(node.children.reduce((sum, child) => sum + child.value, 0n)).toBe(node.value);
            node.children.forEach(sums);
          };
          bigints.periods.forEach(sums);
        },
      ),
      { numRuns: runs(40) },
    );
  });

  it("bounds totals × periods × digits before making any part (SPLIT_TOO_LARGE)", () => {
    const century = { start: "1900-01-01", end: "1999-12-31", grain: "day" as const };
    for (const [count, total] of [
      [1000, "1e90"],
      [5000, "1e9"],
      [200, "1e80"],
    ] as const) {
      const totals = Array.from({ length: count }, () => total);
      const error = expectCode(() => splitManyByPeriod(totals, century), "SPLIT_TOO_LARGE", [
        "totals",
      ]);
      expect(error.message).toMatch(/totals × periods/);
    }
    // the same call in monthly periods is well within the bound
    const monthly = splitManyByPeriod(
      Array.from({ length: 1000 }, () => "1e9"),
      { ...century, grain: "month" },
    );
    expect(monthly.values).toHaveLength(1000);
  });
});
