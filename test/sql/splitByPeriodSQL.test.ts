// splitByPeriodSQL and calendarTableSQL on the real engines against splitByPeriod and listDays:
// the China calendar's working days and 调休 come through unchanged, and every period part equals
// the library's, on small tables, random ones (fast-check) and a million parts.
import fc from "fast-check";
import {
  calendarTableSQL,
  chinaCalendar,
  listDays,
  splitByPeriod,
  splitByPeriodSQL,
} from "targetree";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type Engine,
  type EngineName,
  openDuckDB,
  openPostgres,
  queryError,
} from "../_support/engines.js";
import { expectCode } from "../_support/errors.js";
import { POSTGRES_URL, warnPostgresSkipped } from "../_support/postgres.js";
import { runs } from "../_support/runs.js";
import { decimalType, makeTable, ordered } from "./_tables.js";

warnPostgresSkipped("test/sql/splitByPeriodSQL.test.ts");

const ENGINES: readonly EngineName[] = ["duckdb", "postgres"];
const skipped = (name: EngineName): boolean => name === "postgres" && POSTGRES_URL === undefined;
const open = async (name: EngineName): Promise<Engine> =>
  name === "duckdb" ? openDuckDB() : ((await openPostgres()) as Engine);

const china = chinaCalendar();

describe("splitByPeriodSQL writes SQL", () => {
  const base = {
    dialect: "duckdb",
    from: "targets",
    total: "total",
    start: "2026-01-01",
    end: "2026-12-31",
    grain: "month",
  } as const;

  it("checks the period options as splitByPeriod does", () => {
    expectCode(
      () => splitByPeriodSQL({ ...base, grain: "fortnight" as "month" }),
      "INVALID_ARGUMENT",
      ["options", "grain"],
    );
    expectCode(() => splitByPeriodSQL({ ...base, end: "2025-12-31" }), "INVALID_RANGE");
    expectCode(() => splitByPeriodSQL({ ...base, start: "2026-02-30" }), "INVALID_DATE");
    expectCode(() => splitByPeriodSQL({ ...base, calender: china } as never), "UNKNOWN_OPTION", [
      "options",
      "calender",
    ]);
    expectCode(() => splitByPeriodSQL({ ...base, roundTotal: true } as never), "UNKNOWN_OPTION", [
      "options",
      "roundTotal",
    ]);
  });
});

describe.each(ENGINES)("calendarTableSQL and splitByPeriodSQL on %s", (name) => {
  let engine: Engine;
  beforeAll(async () => {
    if (!skipped(name)) engine = await open(name);
  });
  afterAll(async () => {
    await engine?.close();
  });

  it.skipIf(skipped(name))("gives listDays' days, holidays and 调休 as a table", async () => {
    const sql = calendarTableSQL("2026-01-01", "2026-12-31", china);
    const got = await engine.rows(
      `SELECT CAST("date" AS VARCHAR), CAST(weekday AS VARCHAR), CAST(working AS VARCHAR), kind, name FROM (${sql}) AS c ORDER BY "date"`,
    );
    const days = listDays("2026-01-01", "2026-12-31", china).days;
    expect(got.length).toBe(365);
    expect(got.map((row) => [row[0], Number(row[1]), row[2] === "true", row[3], row[4]])).toEqual(
      days.map((day) => [day.date, day.weekday, day.working, day.kind, day.name ?? null]),
    );
  });

  it.skipIf(skipped(name))(
    "splits each row's total over the months of 2026 by China working days",
    async () => {
      await makeTable(
        engine,
        "targets",
        [
          ["store", "VARCHAR"],
          ["total", decimalType(engine, 2)],
        ],
        [
          ["上海", "1200000.00"],
          ["北京", "-7.01"],
          ["广州", "0.00"],
        ],
      );
      const sql = splitByPeriodSQL({
        dialect: name,
        from: "targets",
        total: "total",
        start: "2026-01-01",
        end: "2026-12-31",
        grain: "month",
        calendar: china,
      });
      const got = await engine.rows(
        ordered(
          sql,
          ["store", "period", "period_label", "period_start", "working_days", "value"],
          ["store", "period"],
        ),
      );
      const expected = ["上海", "北京", "广州"].flatMap((store, i) =>
        splitByPeriod(["1200000", "-7.01", "0"][i]!, {
          start: "2026-01-01",
          end: "2026-12-31",
          grain: "month",
          calendar: china,
        }).periods.map((period) => [
          store,
          period.key,
          period.label,
          period.start,
          String(period.workingDays),
          period.value.toFixed(2),
        ]),
      );
      expect([...got].sort()).toEqual([...expected].sort());
    },
  );

  it.skipIf(skipped(name))(
    "fails a non-zero total over a range without working days with NO_WORKING_DAYS",
    async () => {
      await makeTable(engine, "weekend", [["total", "INTEGER"]], [[0], [5]]);
      const sql = splitByPeriodSQL({
        dialect: name,
        from: "weekend",
        total: "total",
        start: "2026-10-01",
        end: "2026-10-03",
        grain: "day",
        calendar: china,
        unit: 1,
      });
      expect(await queryError(engine, sql)).toContain("targetree NO_WORKING_DAYS:");
    },
  );
});

describe("splitByPeriodSQL against splitByPeriod on random ranges (fast-check)", () => {
  const engines: Engine[] = [];
  beforeAll(async () => {
    engines.push(await openDuckDB());
    const postgres = await openPostgres();
    if (postgres !== undefined) engines.push(postgres);
  });
  afterAll(async () => {
    for (const engine of engines) await engine.close();
  });

  it("gives splitByPeriod's parts in every engine, for every grain and spread", async () => {
    const day = fc.integer({ min: 0, max: 364 });
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: -1_000_000, max: 1_000_000 }), { minLength: 1, maxLength: 3 }),
        day,
        fc.integer({ min: 0, max: 120 }),
        fc.constantFrom("year", "quarter", "month", "dekad", "week", "day"),
        fc.constantFrom("working-days", "calendar-days"),
        async (cents, first, length, grain, spreadBy) => {
          const iso = (offset: number) =>
            new Date(Date.UTC(2025, 0, 1 + offset)).toISOString().slice(0, 10);
          const start = iso(first);
          const end = iso(first + length);
          const totals = cents.map((c) => (c / 100).toFixed(2));
          const options = { start, end, grain, spreadBy, calendar: china } as const;
          const hasWork = splitByPeriod(0, options).workingDays > 0;
          const expected = totals.flatMap((total, row) =>
            Number(total) === 0 || spreadBy === "calendar-days" || hasWork
              ? splitByPeriod(total, options).periods.map((p) => [
                  String(row),
                  p.key,
                  p.value.toFixed(2),
                ])
              : [],
          );
          for (const engine of engines) {
            await makeTable(
              engine,
              "random_totals",
              [
                ["row", "INTEGER"],
                ["total", decimalType(engine, 2)],
              ],
              totals.map((total, row) => [row, total]),
            );
            const sql = splitByPeriodSQL({
              ...options,
              dialect: engine.name,
              from: "random_totals",
              total: "total",
            });
            if (expected.length < totals.length) {
              // A non-zero total over a range without working days: the library throws too.
              expect(await queryError(engine, sql)).toContain("targetree NO_WORKING_DAYS:");
              continue;
            }
            const got = await engine.rows(
              ordered(sql, ["row", "period", "value"], ["row", "period_start"]),
            );
            expect(got, engine.name).toEqual(expected);
          }
        },
      ),
      { numRuns: runs(30) },
    );
  }, 120_000);
});

/** 2,740 stores × 365 days of 2026: 1,000,100 period parts. */
const STORES = 2740;

function storesSQL(name: EngineName): string {
  const rows = name === "duckdb" ? "range(2740) AS r(i)" : "generate_series(0, 2739) AS i";
  const i = name === "duckdb" ? "i" : "CAST(i AS BIGINT)";
  const cents = `CASE WHEN ${i} % 7 = 3 THEN -1 ELSE 1 END * ((${i} * 1000003 + 11) % 100000000)`;
  const money =
    name === "duckdb"
      ? `CAST(${cents} AS DECIMAL(18, 0)) * CAST('0.01' AS DECIMAL(3, 2))`
      : `(${cents}) * 0.01`;
  return `SELECT ${i} AS store, ${money} AS total FROM ${rows}`;
}

function libraryDays(): string[] {
  const out: string[] = [];
  for (let i = 0; i < STORES; i++) {
    const magnitude = (i * 1000003 + 11) % 100000000;
    const cents = i % 7 === 3 ? -magnitude : magnitude;
    const total = `${cents < 0 ? "-" : ""}${Math.floor(Math.abs(cents) / 100)}.${String(Math.abs(cents) % 100).padStart(2, "0")}`;
    const split = splitByPeriod(total, {
      start: "2026-01-01",
      end: "2026-12-31",
      grain: "day",
      calendar: china,
    });
    for (const period of split.periods) out.push(period.value.toFixed(2));
  }
  return out;
}

describe.each(ENGINES)("splitByPeriodSQL on a million period parts in %s", (name) => {
  it.skipIf(skipped(name))(
    "gives every one of the million day parts exactly as splitByPeriod does",
    async () => {
      const engine = await open(name);
      try {
        await engine.run(engine.createTable("stores", storesSQL(name)));
        const sql = splitByPeriodSQL({
          dialect: name,
          from: "stores",
          total: "total",
          start: "2026-01-01",
          end: "2026-12-31",
          grain: "day",
          calendar: china,
        });
        const [got] = await engine.columns(ordered(sql, ["value"], ["store", "period_start"]));
        const expected = libraryDays();
        expect(got!.length).toBe(STORES * 365);
        const first = got!.findIndex((value, index) => value !== expected[index]);
        expect(first, `part ${first}: ${got![first]} ≠ ${expected[first]}`).toBe(-1);
      } finally {
        await engine.close();
      }
    },
    300_000,
  );
});
