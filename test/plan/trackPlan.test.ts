import fc from "fast-check";
import type { ActualRow, Plan, Tracking } from "targetree";
import { buildPlan, compileCalendar, TargetreeError, timeProgress, trackPlan } from "targetree";
import { describe, expect, it } from "vitest";
import { Decimal } from "../../src/_lib/decimal.js";
import { divideRounded } from "../../src/_lib/exact/index.js";
import { divideHalfUp } from "../../src/plan/_lib/int.js";
import { deepFreeze, errorOf, expectCode } from "../_support/errors.js";
import { runs } from "../_support/runs.js";
import { planDocument } from "./_built.js";
import { example } from "./_plans.js";

/** 90万 in June 2026 (Monday–Friday), by weeks: 张伟 twice 李娜's weight. */
function june(extra: Record<string, unknown> = {}): Plan {
  return buildPlan({
    version: 1,
    target: "90万",
    unit: 1,
    period: {
      start: "2026-06-01",
      end: "2026-06-30",
      grains: ["week"],
      calendar: { weekend: [6, 7] },
    },
    organization: {
      name: "华东",
      children: [
        { name: "张伟", id: "E1", weight: 2 },
        { name: "李娜", weight: 1 },
      ],
    },
    tracking: { tolerance: "5%" },
    ...extra,
  });
}

const ROWS: ActualRow[] = [
  { node: "E1", date: "2026-06-03", actual: "25万", visits: 12 },
  { node: "华东/李娜", date: "2026-06-05", actual: 50000, visits: "3" },
];

const cellOf = (tracking: Tracking, node: string, period: string) =>
  tracking.nodes.find((n) => n.node === node)!.periods[period]!;

describe("trackPlan", () => {
  it("gives PLAN.md's figures for a node and the whole period", () => {
    const plan = june();
    const tracking = trackPlan(plan, ROWS, { asOf: "2026-06-10" });
    const top = plan.nodes[0]!.targets;
    // 22 working days in June; 8 of them elapsed by Wednesday 10 June (the as-of day counts).
    expect(tracking.periods[0]).toMatchObject({
      label: "all",
      state: "open",
      workingDays: 22,
      workingDaysElapsed: 8,
      workingDaysRemaining: 14,
      timeProgress: "0.363636",
    });
    const all = cellOf(tracking, "华东", "all");
    const toDate = Number(top["2026-W23"]) + Math.round((Number(top["2026-W24"]) * 3) / 5);
    expect(all).toEqual({
      target: "900000",
      targetToDate: String(toDate),
      actual: "300000",
      achievement: "0.333333",
      gap: "600000",
      gapBasis: "target",
      gapRate: "0.666667",
      timeProgress: "0.363636",
      projection: "825000",
      requiredPerWorkingDay: "42857",
      status: "on-track",
      alerts: [],
      columns: { visits: "15" },
    });
  });

  it("judges status against time progress with the document's tolerance", () => {
    const tracking = trackPlan(june(), ROWS, { asOf: "2026-06-10" });
    // 张伟: 25万 of 60万 (41.7%) against 36.4% ± 5%: ahead; 李娜: 5万 of 30万 (16.7%): behind.
    expect(cellOf(tracking, "E1", "all").status).toBe("ahead");
    expect(cellOf(tracking, "华东/李娜", "all").status).toBe("behind");
    const strict = trackPlan(june({ tracking: { tolerance: "0" } }), ROWS, { asOf: "2026-06-10" });
    expect(cellOf(strict, "华东", "all").status).toBe("behind");
  });

  it("says why a figure is null: no working day left, none elapsed yet, a zero target", () => {
    const tracking = trackPlan(june(), ROWS, { asOf: "2026-06-10" });
    const closed = cellOf(tracking, "华东", "2026-W23");
    expect(closed.requiredPerWorkingDay).toBeNull();
    expect(closed.reasons).toEqual({
      requiredPerWorkingDay: "No working day is left in the period.",
    });
    expect(closed.targetToDate).toBe(closed.target);
    const future = cellOf(tracking, "华东", "2026-W26");
    expect(future).toMatchObject({
      targetToDate: "0",
      actual: "0",
      achievement: "0",
      projection: null,
      status: "on-track",
    });
    expect(future.reasons?.projection).toContain("not begun");
    const early = trackPlan(june(), [], { asOf: "2026-05-31" });
    expect(early.periods[0]).toMatchObject({ state: "future", timeProgress: "0" });
  });

  it("fires the document's rules over the figures and the actuals' columns", () => {
    const plan = june({
      rules: [
        { id: "behind", when: "achievement < timeProgress - 10%", recommend: "复盘本周拜访" },
        { id: "few-visits", when: "visits < 5", recommend: "加拜访", severity: "info" },
      ],
    });
    const tracking = trackPlan(plan, ROWS, { asOf: "2026-06-10" });
    expect(cellOf(tracking, "华东/李娜", "all").alerts).toEqual([
      { id: "behind", severity: "warning", recommend: "复盘本周拜访" },
      { id: "few-visits", severity: "info", recommend: "加拜访" },
    ]);
    expect(cellOf(tracking, "E1", "all").alerts).toEqual([]);
    // Rules see only the periods that have begun.
    expect(cellOf(tracking, "华东/李娜", "2026-W26").alerts).toEqual([]);
    const typo = june({ rules: [{ id: "x", when: "achievment < 1", recommend: "—" }] });
    const error = expectCode(() => trackPlan(typo, ROWS, { asOf: "2026-06-10" }), "UNKNOWN_FACT", [
      "plan",
      "rules",
      0,
      "when",
    ]);
    expect(error.message).toContain('Did you mean "achievement"?');
  });

  it("counts the closed periods missed in a row, against health.below", () => {
    const plan = june({ health: { misses: 2, below: "50%" } });
    const rows: ActualRow[] = [
      { node: "E1", date: "2026-06-02", actual: 1000 },
      { node: "E1", date: "2026-06-09", actual: 1000 },
      { node: "华东/李娜", date: "2026-06-02", actual: "30万" },
    ];
    const tracking = trackPlan(plan, rows, { asOf: "2026-06-14" });
    const health = (node: string) => tracking.nodes.find((n) => n.node === node)!.health;
    expect(health("E1")).toEqual({ grain: "week", missesInARow: 2, inDanger: true });
    expect(health("华东/李娜")).toEqual({ grain: "week", missesInARow: 1, inDanger: false });
  });

  it("takes period rows, and leaves out (and counts) rows after the as-of day", () => {
    const plan = june();
    const rows: ActualRow[] = [
      { node: "E1", period: "2026-W23", actual: 7000 },
      { node: "E1", date: "2026-06-20", actual: 100 },
      { node: "E1", period: "2026-W27", actual: 100 },
    ];
    const tracking = trackPlan(plan, rows, { asOf: "2026-06-10" });
    expect([tracking.rows, tracking.ignoredAfterAsOf]).toEqual([1, 2]);
    expect(cellOf(tracking, "E1", "2026-W23").actual).toBe("7000");
    expect(cellOf(tracking, "华东", "all").actual).toBe("7000");
    expectCode(() => trackPlan(plan, rows, { asOf: "2026-06-10", strict: true }), "AFTER_AS_OF", [
      "actuals",
      1,
      "date",
    ]);
  });

  it("names the row of every bad row: unknown node, date outside the plan, bad amount", () => {
    const plan = june();
    const unknown = expectCode(
      () =>
        trackPlan(plan, [ROWS[0]!, { node: "华东/李拿", date: "2026-06-02", actual: 1 }], {
          asOf: "2026-06-10",
        }),
      "UNKNOWN_PLAN_NODE",
      ["actuals", 1, "node"],
    );
    expect(unknown.message).toContain('Did you mean "华东/李娜"?');
    expectCode(
      () =>
        trackPlan(plan, [{ node: "E1", date: "2026-07-01", actual: 1 }], { asOf: "2026-06-10" }),
      "OUTSIDE_PLAN",
      ["actuals", 0, "date"],
    );
    expectCode(
      () =>
        trackPlan(plan, [{ node: "E1", date: "2026-06-31", actual: 1 }], { asOf: "2026-06-10" }),
      "INVALID_DATE",
      ["actuals", 0, "date"],
    );
    expectCode(
      () => trackPlan(plan, [{ node: "E1", period: "2026-07", actual: 1 }], { asOf: "2026-06-10" }),
      "OUTSIDE_PLAN",
      ["actuals", 0, "period"],
    );
    expectCode(
      () =>
        trackPlan(plan, [{ node: "E1", date: "2026-06-02", actual: "1.2e" }], {
          asOf: "2026-06-10",
        }),
      "INVALID_NUMBER",
      ["actuals", 0, "actual"],
    );
    expectCode(
      () =>
        trackPlan(plan, [{ node: "E1", date: "2026-06-02", actual: "" }], { asOf: "2026-06-10" }),
      "INVALID_NUMBER",
      ["actuals", 0, "actual"],
    );
    expectCode(
      () =>
        trackPlan(plan, [{ node: "华东", date: "2026-06-02", actual: 1 }], { asOf: "2026-06-10" }),
      "INVALID_ARGUMENT",
      ["actuals", 0, "node"],
    );
    expectCode(
      () => trackPlan(plan, [{ node: "E1", actual: 1 } as ActualRow], { asOf: "2026-06-10" }),
      "INVALID_ARGUMENT",
      ["actuals", 0, "date"],
    );
  });

  it("refuses a misspelt option, a missing as-of day, and a value that is not a built plan", () => {
    const plan = june();
    const error = expectCode(
      () => trackPlan(plan, [], { asOf: "2026-06-10", stict: true } as never),
      "UNKNOWN_OPTION",
      ["options", "stict"],
    );
    expect(error.message).toContain('Did you mean "strict"?');
    expectCode(() => trackPlan(plan, [], {} as never), "INVALID_DATE", ["options", "asOf"]);
    expectCode(() => trackPlan({} as Plan, [], { asOf: "2026-06-10" }), "INVALID_PLAN_RESULT", [
      "plan",
    ]);
    const tampered = JSON.parse(JSON.stringify(plan)) as {
      nodes: { targets: Record<string, string> }[];
    };
    tampered.nodes[1]!.targets["2026-W23"] = "1";
    expect(
      errorOf(() => trackPlan(tampered as unknown as Plan, [], { asOf: "2026-06-10" })).code,
    ).toBe("INVALID_PLAN_RESULT");
  });

  it("reads a plan back from JSON, and changes nothing it is given", () => {
    const plan = deepFreeze(june());
    const rows = deepFreeze(ROWS.map((row) => ({ ...row })));
    const tracking = trackPlan(plan, rows, { asOf: "2026-06-10" });
    expect(
      trackPlan(JSON.parse(JSON.stringify(plan)) as Plan, rows, { asOf: "2026-06-10" }),
    ).toEqual(tracking);
    expect(JSON.parse(JSON.stringify(tracking))).toEqual(tracking);
  });

  it("tracks the fixed 日事清 plan as of mid-year, the top node being every person's sum", () => {
    const plan = buildPlan(example("rishiqing-2024-fixed.json"));
    const people = plan.nodes.filter((node) => node.children.length === 0);
    const rows = people.map((person, i) => ({
      node: person.node,
      date: "2024-03-15",
      actual: 1000 * (i + 1),
    }));
    const tracking = trackPlan(plan, rows, { asOf: "2024-06-30" });
    const total = (people.length * (people.length + 1) * 1000) / 2;
    expect(cellOf(tracking, "日事清", "all").actual).toBe(`${total}.00`);
    expect(cellOf(tracking, "日事清", "2024-Q1").actual).toBe(`${total}.00`);
    expect(tracking.periods.find((p) => p.label === "2024-Q2")!.state).toBe("closed");
  });

  describe("properties", () => {
    const scenario = planDocument.chain((doc) =>
      fc.record({
        doc: fc.constant(doc),
        asOfOffset: fc.integer({ min: -5, max: 210 }),
        rows: fc.array(
          fc.record({
            leaf: fc.nat(),
            day: fc.integer({ min: 0, max: 200 }),
            amount: fc.oneof(
              fc.integer({ min: -10_000, max: 1_000_000 }),
              fc
                .integer({ min: 0, max: 99_999 })
                .map((n) => `${Math.floor(n / 100)}.${String(n % 100).padStart(2, "0")}`),
            ),
          }),
          { maxLength: 30 },
        ),
      }),
    );

    it("rolls up exactly: a parent's actual and target to date are its children's sums, in every period", () => {
      fc.assert(
        fc.property(scenario, ({ doc, asOfOffset, rows }) => {
          let plan: Plan;
          try {
            plan = buildPlan(doc);
          } catch (error) {
            if (error instanceof TargetreeError && error.code === "NO_WORKING_DAYS") return;
            throw error;
          }
          const leaves = plan.nodes.filter((node) => node.children.length === 0);
          const start = Date.parse(`${plan.start}T00:00:00Z`);
          const days = (Date.parse(`${plan.end}T00:00:00Z`) - start) / 86_400_000;
          const dayOf = (offset: number) =>
            new Date(start + offset * 86_400_000).toISOString().slice(0, 10);
          const asOf = dayOf(asOfOffset);
          const actuals: ActualRow[] = rows.map((row) => ({
            node: leaves[row.leaf % leaves.length]!.node,
            date: dayOf(row.day % (days + 1)),
            actual: row.amount,
          }));
          const tracking = trackPlan(plan, actuals, { asOf });
          const byNode = new Map(tracking.nodes.map((node) => [node.node, node]));
          const hundredths = (text: string) => new Decimal(text).times(100);
          for (const node of tracking.nodes) {
            for (const period of tracking.periods) {
              const cell = node.periods[period.label]!;
              if (node.children.length > 0) {
                for (const field of ["actual", "targetToDate", "target"] as const) {
                  const sum = node.children.reduce(
                    (total, child) => total.plus(byNode.get(child)!.periods[period.label]![field]),
                    new Decimal(0),
                  );
                  expect(sum.eq(cell[field]), `${node.node} ${period.label} ${field}`).toBe(true);
                }
              }
              if (period.state === "closed") expect(cell.targetToDate).toBe(cell.target);
              if (period.state === "future")
                expect(hundredths(cell.targetToDate).isZero()).toBe(true);
            }
          }
          const expected = actuals
            .filter((row) => (row.date as string) <= asOf)
            .reduce((total, row) => total.plus(row.actual), new Decimal(0));
          expect(expected.eq(tracking.nodes[0]!.periods.all!.actual)).toBe(true);
          expect(tracking.ignoredAfterAsOf).toBe(
            actuals.filter((row) => (row.date as string) > asOf).length,
          );
          // Each period's time progress is timeProgress's, rounded to 6 decimals.
          const calendar = compileCalendar({ weekend: [6, 7] });
          for (const period of tracking.periods.slice(0, 3)) {
            if (period.workingDays === 0) continue;
            const progress = timeProgress(asOf, { start: period.start, end: period.end, calendar });
            expect(period.workingDaysElapsed).toBe(progress.workingDaysElapsed);
            expect(
              new Decimal(period.timeProgress).eq(
                progress.timeProgress.toDecimalPlaces(6, Decimal.ROUND_HALF_UP),
              ),
            ).toBe(true);
          }
        }),
        { numRuns: runs(40) },
      );
    });

    it("rounds half away from zero like the exact core, in numbers and BigInts alike", () => {
      const int = fc.oneof(
        fc.integer({ min: -1000, max: 1000 }),
        fc
          .bigInt({ min: -(2n ** 60n), max: 2n ** 60n })
          .map((n) => (n >= -(2n ** 53n) + 1n && n <= 2n ** 53n - 1n ? Number(n) : n)),
      );
      fc.assert(
        fc.property(int, int, (numerator, denominator) => {
          fc.pre(denominator !== 0 && denominator !== 0n);
          const expected = divideRounded(BigInt(numerator), BigInt(denominator), "half-up");
          expect(BigInt(divideHalfUp(numerator, denominator))).toBe(expected);
        }),
        { numRuns: runs(500) },
      );
    });
  });
});
