import { type BurnUpPoint, burnUpChart } from "targetree";
import { describe, expect, it } from "vitest";
import { deepFreeze, expectCode } from "../_support/errors.js";
import { dataset, smallPlan, smallTracking } from "./_fixtures.js";

const points = (spec: unknown, series: string): [string, string][] =>
  dataset<BurnUpPoint>(spec, "points")
    .filter((point) => point.series === series)
    .map((point) => [point.date, point.exact]);

describe("burnUpChart", () => {
  it("steps the cumulative target and actual through the months, to the as-of day", () => {
    const tracking = smallTracking();
    const spec = burnUpChart(tracking, { node: "公司/华东" });
    const node = tracking.nodes.find((n) => n.node === "公司/华东")!;
    expect(points(spec, "target")).toEqual([
      ["2026-01-01", "0"],
      ["2026-01-31", node.periods["2026-01"]!.target],
      [
        "2026-02-28",
        String(Number(node.periods["2026-01"]!.target) + Number(node.periods["2026-02"]!.target)),
      ],
      ["2026-03-31", "800000"],
    ]);
    expect(points(spec, "actual")).toEqual([
      ["2026-01-01", "0"],
      ["2026-01-31", "230000"],
      ["2026-02-15", "290000"],
    ]);
    expect(points(spec, "actual").at(-1)![1]).toBe(node.periods.all!.actual);
  });

  it("draws the time-progress line, the projection and the required pace from the as-of day", () => {
    const tracking = smallTracking();
    const all = tracking.nodes[0]!.periods.all!;
    const spec = burnUpChart(tracking, { node: "公司" });
    expect(points(spec, "timeProgress").at(-1)).toEqual(["2026-03-31", "1200000"]);
    expect(points(spec, "projection")).toEqual([
      ["2026-02-15", all.actual],
      ["2026-03-31", all.projection],
    ]);
    expect(points(spec, "required")).toEqual([
      ["2026-02-15", all.actual],
      ["2026-03-31", "1200000"],
    ]);
  });

  it("finds a node by id or path, labels the lines, and leaves its input unchanged", () => {
    const tracking = deepFreeze(JSON.parse(JSON.stringify(smallTracking())));
    const byId = burnUpChart(tracking, { node: "E9", labels: { actual: "累计实际" } });
    expect(byId).toEqual(
      burnUpChart(tracking, { node: "公司/华南/王芳", labels: { actual: "累计实际" } }),
    );
    expect(dataset<BurnUpPoint>(byId, "points").find((p) => p.series === "actual")!.label).toBe(
      "累计实际",
    );
    expect(JSON.parse(JSON.stringify(byId))).toEqual(byId);
  });

  it("refuses an unknown node with the closest, a plan that is not tracked, and a grain the plan lacks", () => {
    const tracking = smallTracking();
    const error = expectCode(
      () => burnUpChart(tracking, { node: "公司/华冬" }),
      "UNKNOWN_PLAN_NODE",
      ["options", "node"],
    );
    expect(error.message).toMatch(/Did you mean "公司\/华东"\?/);
    expect(
      expectCode(() => burnUpChart(smallPlan(), { node: "公司" }), "INVALID_PLAN_RESULT", [
        "tracking",
      ]).message,
    ).toMatch(/track it first with trackPlan/);
    expectCode(() => burnUpChart(tracking, { node: "公司", grain: "week" }), "INVALID_ARGUMENT", [
      "options",
      "grain",
    ]);
    expectCode(
      () => burnUpChart(tracking, { node: "公司", labels: { actaul: "x" } as never }),
      "UNKNOWN_OPTION",
      ["options", "labels", "actaul"],
    );
  });
});
