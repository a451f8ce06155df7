import fc from "fast-check";
import type { Plan, PlanNode } from "targetree";
import { buildPlan, replan, TargetreeError } from "targetree";
import { describe, expect, it } from "vitest";
import { deepFreeze, expectCode } from "../_support/errors.js";
import { runs } from "../_support/runs.js";
import { cents, exactnessProblems, planDocument } from "./_built.js";
import { example } from "./_plans.js";

/** The labels of the periods that end before `from` (closed for a replan from that day). */
const closedLabels = (plan: Plan, from: string): string[] =>
  plan.periods.filter((period) => period.end < from).map((period) => period.label);

/** The nodes of `node`'s subtree, and its ancestors. */
function affected(plan: Plan, node: string): Set<string> {
  const byNode = new Map(plan.nodes.map((n) => [n.node, n]));
  const out = new Set<string>();
  const down = (name: string): void => {
    out.add(name);
    for (const child of byNode.get(name)!.children) down(child);
  };
  down(node);
  for (let at = byNode.get(node)!.parent; at !== null; at = byNode.get(at)!.parent) out.add(at);
  return out;
}

/** Held nodes and everything under them, but for `changed` (a changed held node moves, and its subtree). */
function heldNodes(plan: Plan, changed: string): Set<string> {
  const byNode = new Map(plan.nodes.map((n) => [n.node, n]));
  const out = new Set<string>();
  const down = (name: string): void => {
    out.add(name);
    for (const child of byNode.get(name)!.children) down(child);
  };
  for (const node of plan.nodes) {
    if (node.hold !== undefined && node.node !== changed) down(node.node);
  }
  return out;
}

/** Every cell that differs between two plans, as "node period before→after". */
function changes(before: Plan, after: Plan): string[] {
  const out: string[] = [];
  before.nodes.forEach((node, i) => {
    for (const period of before.periods) {
      const a = node.targets[period.label]!;
      const b = after.nodes[i]!.targets[period.label]!;
      if (a !== b) out.push(`${node.node} ${period.label} ${a}→${b}`);
    }
  });
  return out;
}

/** The invariants of a replan of `node` from `from`. */
function checkReplan(before: Plan, after: Plan, node: string, from: string): void {
  expect(exactnessProblems(after)).toEqual([]);
  const closed = closedLabels(before, from);
  const moved = affected(before, node);
  const held = heldNodes(before, node);
  before.nodes.forEach((old, i) => {
    const next = after.nodes[i]!;
    for (const label of closed)
      expect(next.targets[label], `${old.node} ${label}`).toBe(old.targets[label]);
    if (!moved.has(old.node) || held.has(old.node)) {
      expect(next.targets, old.node).toEqual(old.targets);
    }
  });
}

describe("replan", () => {
  const plan = deepFreeze(buildPlan(example("rishiqing-2024-fixed.json")));
  const region = "日事清/企业客户事业部/华东大区";

  it("moves a region by 500万 from July: the first half kept, the second re-spread, ancestors following", () => {
    const { plan: next, diff } = replan(plan, { node: region, by: "500万", from: "2024-07-01" });
    checkReplan(plan, next, region, "2024-07-01");
    const target = (p: Plan, node: string) => cents(p.nodes.find((n) => n.node === node)!.target);
    expect(target(next, region) - target(plan, region)).toBe(500000000n);
    expect(target(next, "日事清/企业客户事业部") - target(plan, "日事清/企业客户事业部")).toBe(
      500000000n,
    );
    expect(next.target).toBe("125000000.00");
    expect(
      diff.map((entry) => `${entry.node} ${entry.period} ${entry.before}→${entry.after}`),
    ).toEqual(changes(plan, next));
    expect(diff.some((entry) => entry.period === "2024-03")).toBe(false);
    // The people of the region share the change pro rata to their second-half targets.
    const people = plan.nodes.filter((n) => n.parent === region);
    const added = people.map((p) => target(next, p.node) - target(plan, p.node));
    expect(added.reduce((a, b) => a + b, 0n)).toBe(500000000n);
    expect(added[0]! > added[3]!).toBe(true);
  });

  it("keeps a held person's every period while the rest of the 事业部 re-spreads", () => {
    const unit = "日事清/新业务事业部";
    const { plan: next } = replan(plan, { node: unit, to: "3000万", from: "2024-10-01" });
    checkReplan(plan, next, unit, "2024-10-01");
    const held = (p: Plan) => p.nodes.find((n) => n.name === "林峰")!;
    expect(held(next).targets).toEqual(held(plan).targets);
    expect(next.nodes.find((n) => n.node === unit)!.target).toBe("30000000.00");
  });

  it("holds a held node at its new target when that node itself is changed", () => {
    const person = plan.nodes.find((n) => n.name === "林峰")!.node;
    const { plan: next } = replan(plan, { node: person, by: "-100万", from: "2024-07-01" });
    const after = next.nodes.find((n) => n.node === person)!;
    expect([after.target, after.hold]).toEqual(["5000000.00", "5000000.00"]);
    checkReplan(plan, next, person, "2024-07-01");
  });

  it("takes the day after the as-of day as from, and works the activity out again", () => {
    const person = "E001";
    const viaAsOf = replan(plan, { node: person, by: "80万" }, { asOf: "2024-06-30" });
    expect(viaAsOf).toEqual(replan(plan, { node: person, by: "80万", from: "2024-07-01" }));
    const after = viaAsOf.plan.nodes.find((n) => n.node === person)!;
    expect(after.activity!.wins).toBe(String(Math.ceil(Number(after.target) / 8000)));
  });

  it("changes nothing for a change of zero", () => {
    const { plan: next, diff } = replan(plan, { node: region, by: 0, from: "2024-07-01" });
    expect(diff).toEqual([]);
    expect(next).toEqual(plan);
  });

  it("reads a plan back from JSON", () => {
    const change = { node: region, by: "500万", from: "2024-07-01" };
    expect(replan(JSON.parse(JSON.stringify(plan)) as Plan, change)).toEqual(replan(plan, change));
  });

  it("refuses what cannot be done, saying why", () => {
    expectCode(
      () => replan(plan, { node: "日事清/企业客户/华东", by: 1, from: "2024-07-01" }),
      "UNKNOWN_PLAN_NODE",
      ["change", "node"],
    );
    expectCode(() => replan(plan, { node: region, from: "2024-07-01" }), "INVALID_ARGUMENT", [
      "change",
      "to",
    ]);
    expectCode(
      () => replan(plan, { node: region, to: 1, by: 1, from: "2024-07-01" }),
      "INVALID_ARGUMENT",
      ["change", "by"],
    );
    expectCode(() => replan(plan, { node: region, by: 1 }), "INVALID_ARGUMENT", ["change", "from"]);
    expectCode(
      () => replan(plan, { node: region, by: "0.001", from: "2024-07-01" }),
      "NOT_A_MULTIPLE_OF_UNIT",
      ["change", "by"],
    );
    expectCode(
      () => replan(plan, { node: region, to: 0, from: "2024-07-01" }),
      "HOLDS_EXCEED_TOTAL",
      ["change", "to"],
    );
    expectCode(
      () => replan(plan, { node: region, by: 1, from: "2025-01-01" }),
      "INVALID_ARGUMENT",
      ["change", "from"],
    );
    expectCode(
      () => replan(plan, { node: region, by: 1, form: "2024-07-01" } as never),
      "UNKNOWN_OPTION",
      ["change", "form"],
    );
    // A node under a held one cannot move alone.
    const heldRegion = JSON.parse(JSON.stringify(plan)) as { nodes: PlanNode[] };
    (heldRegion.nodes.find((n) => n.node === region) as { hold?: string }).hold =
      heldRegion.nodes.find((n) => n.node === region)!.target;
    expectCode(
      () => replan(heldRegion as unknown as Plan, { node: "E001", by: 1, from: "2024-07-01" }),
      "INVALID_ARGUMENT",
      ["change", "node"],
    );
  });

  describe("properties", () => {
    it("keeps closed periods and holds, moves nothing outside the subtree and its ancestors, stays exact", () => {
      fc.assert(
        fc.property(
          planDocument,
          fc.nat(),
          fc.nat(),
          fc.integer({ min: -2_000_000, max: 2_000_000 }),
          fc.integer({ min: 0, max: 200 }),
          (doc, pick, holdPick, by, fromOffset) => {
            let built: Plan;
            try {
              built = buildPlan(doc);
            } catch (error) {
              if (error instanceof TargetreeError && error.code === "NO_WORKING_DAYS") return;
              throw error;
            }
            // Hold one node (not the top) at its target, as a document hold would.
            const copy = JSON.parse(JSON.stringify(built)) as { nodes: PlanNode[] } & Plan;
            if (copy.nodes.length > 1) {
              const held = copy.nodes[1 + (holdPick % (copy.nodes.length - 1))]! as {
                hold?: string;
                target: string;
              };
              held.hold = held.target;
            }
            const node = copy.nodes[pick % copy.nodes.length]!.node;
            const start = Date.parse(`${copy.start}T00:00:00Z`);
            const from = new Date(start + fromOffset * 86_400_000).toISOString().slice(0, 10);
            const amount = copy.unit === "100" ? by * 100 : by;
            let result: ReturnType<typeof replan>;
            try {
              result = replan(copy, { node, by: amount, from });
            } catch (error) {
              if (
                error instanceof TargetreeError &&
                ["HOLDS_EXCEED_TOTAL", "NO_FREE_PARTS", "INVALID_ARGUMENT"].includes(error.code)
              ) {
                return;
              }
              throw error;
            }
            checkReplan(copy, result.plan, node, from);
            expect(
              cents(result.plan.nodes.find((n) => n.node === node)!.target) -
                cents(copy.nodes.find((n) => n.node === node)!.target),
            ).toBe(BigInt(amount) * 100n);
            expect(result.diff.map((e) => `${e.node} ${e.period} ${e.before}→${e.after}`)).toEqual(
              changes(copy, result.plan),
            );
          },
        ),
        { numRuns: runs(60) },
      );
    });
  });
});
