import { type AchievementHeatmapCell, achievementHeatmapChart } from "targetree";
import { describe, expect, it } from "vitest";
import { deepFreeze, expectCode } from "../_support/errors.js";
import { dataset, smallPlan, smallTracking } from "./_fixtures.js";

/** The drawn indent: a dot and a no-break space per level. */
const indent = (level: number): string => "·\u00a0".repeat(level);
const cells = (spec: unknown) => dataset<AchievementHeatmapCell>(spec, "cells");

describe("achievementHeatmapChart", () => {
  it("has one cell per node and month, in the plan's order, future months empty", () => {
    const tracking = smallTracking();
    const drawn = cells(achievementHeatmapChart(tracking));
    expect(drawn).toHaveLength(tracking.nodes.length * 3);
    expect([...new Set(drawn.map((cell) => cell.row))]).toEqual([
      "公司",
      `${indent(1)}华东`,
      `${indent(2)}张伟`,
      `${indent(2)}李娜`,
      `${indent(1)}华南`,
      `${indent(2)}王芳`,
    ]);
    const march = drawn.filter((cell) => cell.period === "2026-03");
    expect(march.every((cell) => cell.achievement === null && cell.text === "")).toBe(true);
    const zhang = drawn.find(
      (cell) => cell.node === "公司/华东/张伟" && cell.period === "2026-01",
    )!;
    const tracked = tracking.nodes.find((node) => node.node === "公司/华东/张伟")!.periods[
      "2026-01"
    ]!;
    expect(zhang.achievement).toBe(Number(tracked.achievement));
  });

  it("keeps to a depth, and reads the JSON of a tracking without changing it", () => {
    const tracking = deepFreeze(JSON.parse(JSON.stringify(smallTracking())));
    expect(cells(achievementHeatmapChart(tracking, { depth: 1 }))).toHaveLength(9);
    expect(cells(achievementHeatmapChart(tracking, { depth: 0, grain: "month" }))).toHaveLength(3);
  });

  it("shows the path of a name that repeats", () => {
    const tracking = JSON.parse(JSON.stringify(smallTracking()));
    tracking.nodes[5].name = "张伟";
    const rows = new Set(cells(achievementHeatmapChart(tracking)).map((cell) => cell.row));
    expect(rows.has(`${indent(2)}公司/华东/张伟`)).toBe(true);
  });

  it("refuses a plan, a bad grain or depth, and unknown options", () => {
    expectCode(() => achievementHeatmapChart(smallPlan()), "INVALID_PLAN_RESULT", ["tracking"]);
    expectCode(
      () => achievementHeatmapChart(smallTracking(), { grain: "mont" }),
      "INVALID_ARGUMENT",
      ["options", "grain"],
    );
    expectCode(() => achievementHeatmapChart(smallTracking(), { depth: -1 }), "INVALID_ARGUMENT", [
      "options",
      "depth",
    ]);
    expectCode(
      () => achievementHeatmapChart(smallTracking(), { dept: 1 } as never),
      "UNKNOWN_OPTION",
    );
  });
});
