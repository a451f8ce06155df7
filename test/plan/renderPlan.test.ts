import { parse } from "csv-parse/sync";
import fc from "fast-check";
import type { Plan, PlanDocument, Tracking } from "targetree";
import { buildPlan, renderPlan, trackPlan } from "targetree";
import { describe, expect, it } from "vitest";
import { Decimal } from "../../src/_lib/decimal.js";
import { deepFreeze, expectCode } from "../_support/errors.js";

/** A small plan: 公司 → 华东 (weight 2, id E1) and 华南 (weight 1), by quarter and month. */
function smallPlan(overrides: Partial<PlanDocument> = {}): Plan {
  return buildPlan({
    version: 1,
    name: "2024 计划",
    target: "1200万",
    period: { start: "2024-01-01", end: "2024-12-31", grains: ["quarter", "month"] },
    organization: {
      name: "公司",
      children: [
        { id: "E1", name: "华东", weight: 2 },
        { name: "华南", weight: 1 },
      ],
    },
    ...overrides,
  } as PlanDocument);
}

const csvRows = (text: string): Record<string, string>[] =>
  parse(text, { columns: true, skip_empty_lines: true }) as Record<string, string>[];

/** Names that need CSV quoting or Markdown escaping, and plain ones. */
const NAMES = ["华东", "华南", "a,b", 'say "hi"', "x|y", "trail ", "北区", "Team 7"];

/** A random organisation of one or two levels below the top, with distinct sibling names. */
const organization = fc
  .array(
    fc.record({
      weight: fc.integer({ min: 1, max: 100 }),
      children: fc.array(fc.integer({ min: 1, max: 50 }), { maxLength: 3 }),
    }),
    { minLength: 1, maxLength: 4 },
  )
  .map((children) => ({
    name: "总部",
    children: children.map((child, i) => ({
      name: NAMES[i]!,
      weight: child.weight,
      ...(child.children.length === 0
        ? {}
        : {
            children: child.children.map((weight, j) => ({
              name: NAMES[(i + j + 1) % NAMES.length]!,
              weight,
            })),
          }),
    })),
  }));

const GRAIN_ORDER = ["quarter", "month", "dekad", "week"] as const;

const documents = fc
  .record({
    organization,
    first: fc.integer({ min: 1, max: 12 }),
    months: fc.integer({ min: 1, max: 12 }),
    grains: fc.subarray([...GRAIN_ORDER], { minLength: 1 }),
    target: fc.integer({ min: 0, max: 10_000_000 }),
    unit: fc.constantFrom("0.01", "1", "100"),
  })
  .map(({ organization: org, first, months, grains, target, unit }) => {
    const last = Math.min(12, first + months - 1);
    const end = new Date(Date.UTC(2024, last, 0)).toISOString().slice(0, 10);
    return {
      version: 1 as const,
      target: new Decimal(target).times(unit).toFixed(),
      unit,
      period: {
        start: `2024-${String(first).padStart(2, "0")}-01`,
        end,
        grains,
      },
      organization: org,
    } as PlanDocument;
  });

describe("renderPlan, CSV of a plan", () => {
  it("has PLAN.md's columns first and one row per node × period", () => {
    const plan = smallPlan();
    const text = renderPlan(plan, { format: "csv" });
    expect(text.split("\n")[0]).toBe(
      "node,name,level,period,start,end,working_days,target,grain,level_name,path,parent",
    );
    expect(csvRows(text)).toHaveLength(plan.nodes.length * plan.periods.length);
    expect(text.split("\n")[1]).toBe(
      "公司,公司,0,all,2024-01-01,2024-12-31,251,12000000.00,all,,公司,",
    );
    expect(text.endsWith("\n")).toBe(true);
  });

  it("writes amounts with the unit's decimals", () => {
    const cents = csvRows(renderPlan(smallPlan(), { format: "csv" }));
    expect(cents[0]!.target).toBe("12000000.00");
    const hundreds = csvRows(renderPlan(smallPlan({ unit: 100 }), { format: "csv" }));
    expect(hundreds[0]!.target).toBe("12000000");
    expect(hundreds.every((row) => /^\d+$/.test(row.target!))).toBe(true);
  });

  it("keeps the whole period and one grain with grain", () => {
    const plan = smallPlan();
    const rows = csvRows(renderPlan(plan, { format: "csv", grain: "quarter" }));
    expect(rows).toHaveLength(plan.nodes.length * 5);
    expect([...new Set(rows.map((row) => row.period))]).toEqual([
      "all",
      "2024-Q1",
      "2024-Q2",
      "2024-Q3",
      "2024-Q4",
    ]);
  });

  it("reads back through csv-parse as the plan's cells, whatever the names (property)", () => {
    fc.assert(
      fc.property(documents, (document) => {
        const plan = buildPlan(document);
        const rows = csvRows(renderPlan(plan, { format: "csv" }));
        const expected = plan.nodes.flatMap((node) =>
          plan.periods.map((period) => ({
            node: node.node,
            name: node.name,
            level: String(node.level),
            period: period.label,
            start: period.start,
            end: period.end,
            working_days: String(period.workingDays),
            target: node.targets[period.label],
            grain: period.grain,
            level_name: node.levelName ?? "",
            path: node.path,
            parent: node.parent ?? "",
          })),
        );
        expect(rows).toEqual(expected);
      }),
      { numRuns: 25 },
    );
  });
});

describe("renderPlan, Markdown of a plan", () => {
  it("shows each grain's table with amounts in 万, the share of the parent and working days", () => {
    const text = renderPlan(smallPlan());
    const lines = text.split("\n");
    expect(lines[0]).toBe("# 2024 计划");
    expect(lines).toContain("## Targets by quarter (万)");
    expect(lines).toContain("## Targets by month (万)");
    expect(lines).toContain(
      "| Node | Level | Share | Target | 2024-Q1 | 2024-Q2 | 2024-Q3 | 2024-Q4 |",
    );
    const east = lines.find((line) => line.startsWith("| · 华东 |"))!;
    expect(east).toMatch(/^\| · 华东 \| {2}\| 66\.7% \| 800\.00 \| /);
    expect(lines.filter((line) => line.startsWith("| Working days |"))).toHaveLength(2);
  });

  it("leaves a grain of many periods to its own table, and says so", () => {
    const plan = smallPlan({
      period: { start: "2024-01-01", end: "2024-12-31", grains: ["month", "week"] },
    } as Partial<PlanDocument>);
    const text = renderPlan(plan);
    expect(text).not.toContain("## Targets by week");
    expect(text).toContain('render with grain "week" (targetree build --grain week)');
    expect(renderPlan(plan, { grain: "week" })).toContain("## Targets by week (万)");
  });

  it("escapes a pipe in a name and keeps one table row per node (property)", () => {
    fc.assert(
      fc.property(documents, (document) => {
        const plan = buildPlan(document);
        const grain = plan.grains[0]!;
        const lines = renderPlan(plan, { grain }).split("\n");
        const start = lines.indexOf(`## Targets by ${grain} (万)`);
        const rows = lines.slice(start + 4, start + 4 + plan.nodes.length);
        expect(rows.map((line) => line.split(/(?<!\\)\|/).length)).toEqual(
          rows.map(() => plan.periods.filter((p) => p.grain === grain).length + 6),
        );
        expect(lines[start + 4 + plan.nodes.length]!.startsWith("| Working days |")).toBe(true);
      }),
      { numRuns: 25 },
    );
  });
});

/** The small plan with a rule, tracked with a few rows of actuals. */
function smallTracking(asOf = "2024-03-15"): Tracking {
  const plan = smallPlan({
    rules: [{ id: "behind", when: "achievement < timeProgress - 10%", recommend: "复盘本周拜访" }],
    tracking: { tolerance: "5%" },
  });
  return trackPlan(
    plan,
    [
      { node: "E1", date: "2024-01-05", actual: "150万", visits: 12 },
      { node: "公司/华南", date: "2024-02-20", actual: "10,000.5", visits: 3 },
    ],
    { asOf },
  );
}

describe("renderPlan, CSV of a tracking", () => {
  it("has PLAN.md's columns first, then the period and the actuals' columns", () => {
    const text = renderPlan(smallTracking(), { format: "csv" });
    expect(text.split("\n")[0]).toBe(
      "node,name,target,target_to_date,actual,achievement,time_progress,gap,projection,required_per_working_day,status,alerts," +
        "period,level,path,gap_rate,working_days,working_days_elapsed,working_days_remaining,misses_in_a_row,in_danger,visits",
    );
    const rows = csvRows(text);
    expect(rows.map((row) => [row.node, row.period])).toEqual([
      ["公司", "all"],
      ["E1", "all"],
      ["公司/华南", "all"],
    ]);
  });

  it("writes ratios as four-decimal fractions, alerts joined by ';', exact actuals", () => {
    const tracking = smallTracking();
    const rows = csvRows(renderPlan(tracking, { format: "csv" }));
    const south = rows[2]!;
    expect(south.actual).toBe("10000.50");
    expect(south.achievement).toMatch(/^0\.\d{4}$/);
    expect(south.time_progress).toBe(
      new Decimal(tracking.periods[0]!.timeProgress).toFixed(4, Decimal.ROUND_HALF_UP),
    );
    expect(south.alerts).toBe("behind");
    expect(south.visits).toBe("3");
    expect(rows[1]!.alerts).toBe("");
  });

  it("leaves a null figure empty", () => {
    // On the last day no working day is left, so nothing is required per working day.
    const rows = csvRows(renderPlan(smallTracking("2024-12-31"), { format: "csv" }));
    expect(rows.every((row) => row.required_per_working_day === "")).toBe(true);
  });

  it("adds a row per node × period of the grain", () => {
    const rows = csvRows(renderPlan(smallTracking(), { format: "csv", grain: "quarter" }));
    expect(rows).toHaveLength(3 * 5);
    expect(rows.slice(0, 5).map((row) => row.period)).toEqual([
      "all",
      "2024-Q1",
      "2024-Q2",
      "2024-Q3",
      "2024-Q4",
    ]);
  });

  it("reads back through csv-parse as the tracking's figures (property)", () => {
    fc.assert(
      fc.property(
        documents,
        fc.array(fc.tuple(fc.nat(), fc.nat({ max: 365 }), fc.integer({ min: 0, max: 10 ** 7 })), {
          maxLength: 20,
        }),
        fc.nat({ max: 365 }),
        (document, draws, asOfDraw) => {
          const plan = buildPlan(document);
          const leaves = plan.nodes.filter((node) => node.children.length === 0);
          const day = (draw: number) => {
            const first = Date.parse(`${plan.start}T00:00:00Z`);
            const span = (Date.parse(`${plan.end}T00:00:00Z`) - first) / 86_400_000 + 1;
            return new Date(first + (draw % span) * 86_400_000).toISOString().slice(0, 10);
          };
          const actuals = draws.map(([leaf, date, amount]) => ({
            node: leaves[leaf % leaves.length]!.node,
            date: day(date),
            actual: String(amount),
          }));
          const tracking = trackPlan(plan, actuals, { asOf: day(asOfDraw) });
          const rows = csvRows(renderPlan(tracking, { format: "csv" }));
          const fixed = (value: string | null, digits: number) =>
            value === null ? "" : new Decimal(value).toFixed(digits, Decimal.ROUND_HALF_UP);
          const decimals = Math.max(0, new Decimal(plan.unit).decimalPlaces());
          expect(rows).toHaveLength(tracking.nodes.length);
          tracking.nodes.forEach((node, i) => {
            const cell = node.periods.all!;
            expect(rows[i]).toMatchObject({
              node: node.node,
              name: node.name,
              target: fixed(cell.target, decimals),
              target_to_date: fixed(cell.targetToDate, decimals),
              actual: fixed(cell.actual, decimals),
              achievement: fixed(cell.achievement, 4),
              time_progress: fixed(cell.timeProgress, 4),
              gap: fixed(cell.gap, decimals),
              projection: fixed(cell.projection, decimals),
              required_per_working_day: fixed(cell.requiredPerWorkingDay, decimals),
              status: cell.status,
              alerts: cell.alerts.map((alert) => alert.id).join(";"),
            });
          });
        },
      ),
      { numRuns: 20 },
    );
  });
});

describe("renderPlan, Markdown of a tracking", () => {
  it("leads with the top node against time progress, then a table, the alerts and their advice", () => {
    const text = renderPlan(smallTracking());
    const lines = text.split("\n");
    expect(lines[0]).toBe("# 2024 计划: tracking as of 2024-03-15");
    expect(lines[2]).toMatch(
      /^公司: achievement \*\*\d+\.\d%\*\* against time progress \*\*\d+\.\d%\*\* \(\d+ of 251 working days\), (ahead|on-track|behind)\. Tolerance ±5\.0%; 2 actuals rows to date\.$/,
    );
    expect(lines).toContain("## The whole period, 2024-01-01 to 2024-12-31 (万)");
    expect(lines).toContain("- 公司/华南: **behind** (warning): 复盘本周拜访");
  });

  it("adds a table per period of the grain that has begun", () => {
    const text = renderPlan(smallTracking(), { grain: "quarter" });
    expect(text).toContain("## 2024-Q1, open (万)");
    expect(text).not.toContain("## 2024-Q2");
    expect(text).toContain("3 later periods of grain quarter have not begun.");
  });
});

describe("renderPlan of a tracking, purity", () => {
  it("never changes its argument", () => {
    const tracking = deepFreeze(smallTracking());
    for (const format of ["md", "csv", "json"] as const) {
      expect(renderPlan(tracking, { format })).toBe(renderPlan(tracking, { format }));
    }
    expect(JSON.parse(renderPlan(tracking, { format: "json" }))).toEqual(tracking);
  });
});

describe("renderPlan, JSON", () => {
  it("is the plan itself", () => {
    const plan = smallPlan();
    expect(JSON.parse(renderPlan(plan, { format: "json" }))).toEqual(plan);
  });
});

describe("renderPlan, purity", () => {
  it("never changes its argument and gives the same text twice", () => {
    const plan = deepFreeze(smallPlan());
    for (const format of ["md", "csv", "json"] as const) {
      expect(renderPlan(plan, { format })).toBe(renderPlan(plan, { format }));
    }
  });
});

describe("renderPlan, bad input", () => {
  it("refuses an unknown option, naming the closest", () => {
    const error = expectCode(
      () => renderPlan(smallPlan(), { fromat: "csv" } as never),
      "UNKNOWN_OPTION",
      ["options", "fromat"],
    );
    expect(error.message).toContain('Did you mean "format"?');
  });

  it("refuses a bad format and a grain the plan does not have", () => {
    expectCode(() => renderPlan(smallPlan(), { format: "xlsx" as never }), "INVALID_ARGUMENT", [
      "options",
      "format",
    ]);
    const error = expectCode(() => renderPlan(smallPlan(), { grain: "week" }), "INVALID_ARGUMENT", [
      "options",
      "grain",
    ]);
    expect(error.message).toContain('one of the plan\'s grains ("quarter", "month")');
  });

  it("refuses what is not a Plan or a Tracking, naming the field", () => {
    expectCode(() => renderPlan({} as never), "INVALID_ARGUMENT", ["planOrTracking", "kind"]);
    expectCode(() => renderPlan(new Map() as never), "INVALID_ARGUMENT", ["planOrTracking"]);
    const plan = smallPlan();
    const broken = { ...plan, nodes: [plan.nodes[0], { ...plan.nodes[1], name: 7 }] };
    expectCode(() => renderPlan(broken as never), "INVALID_ARGUMENT", [
      "planOrTracking",
      "nodes",
      1,
      "name",
    ]);
  });

  it("refuses an amount that is not a number, at its path", () => {
    const plan = smallPlan();
    const node = plan.nodes[1]!;
    const broken = {
      ...plan,
      nodes: [plan.nodes[0], { ...node, targets: { ...node.targets, "2024-Q1": "lots" } }],
    };
    expectCode(() => renderPlan(broken as never, { format: "csv" }), "INVALID_NUMBER", [
      "planOrTracking",
      "nodes",
      1,
      "targets",
      "2024-Q1",
    ]);
  });
});
