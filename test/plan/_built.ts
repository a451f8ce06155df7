// Helpers for the tests of built plans: exactness checks over every node, period and grain, and
// random plan documents (organisations and periods) for the properties.

import fc from "fast-check";
import type { Plan, PlanPeriod } from "targetree";

/** A plan amount as an integer number of hundredths (the tests' plans use units ≥ 0.01). */
export const cents = (text: string): bigint => {
  const [whole, fraction = ""] = text.split(".");
  return BigInt(`${whole}${fraction.padEnd(2, "0").slice(0, 2)}`);
};

/** The periods of one grain, in order. */
export function periodsOf(plan: Plan, grain: PlanPeriod["grain"]): PlanPeriod[] {
  return plan.periods.filter((period) => period.grain === grain);
}

/**
 * Every way the plan must be exact, as messages (empty when it is): each node's periods of every
 * grain sum to its target; its children sum to it in every period; each period's sub-periods sum
 * to it.
 */
export function exactnessProblems(plan: Plan): string[] {
  const problems: string[] = [];
  const byNode = new Map(plan.nodes.map((node) => [node.node, node]));
  const grains = [...new Set(plan.periods.map((period) => period.grain))].filter(
    (g) => g !== "all",
  );
  for (const node of plan.nodes) {
    const value = (label: string) => cents(node.targets[label]!);
    if (value("all") !== cents(node.target)) problems.push(`${node.node}: all ≠ target`);
    for (const grain of grains) {
      const sum = periodsOf(plan, grain).reduce((total, period) => total + value(period.label), 0n);
      if (sum !== cents(node.target)) problems.push(`${node.node}: ${grain}s sum to ${sum}`);
    }
    for (const period of plan.periods) {
      if (period.parent === null) continue;
      const siblings = plan.periods.filter((other) => other.parent === period.parent);
      if (siblings[0] !== period) continue;
      const sum = siblings.reduce((total, other) => total + value(other.label), 0n);
      if (sum !== value(period.parent)) problems.push(`${node.node}: ${period.parent}'s parts`);
    }
    if (node.children.length === 0) continue;
    for (const period of plan.periods) {
      const sum = node.children.reduce(
        (total, child) => total + cents(byNode.get(child)!.targets[period.label]!),
        0n,
      );
      if (sum !== value(period.label)) problems.push(`${node.node}: children in ${period.label}`);
    }
  }
  return problems;
}

/**
 * Cells more than one unit (in hundredths) away from their exact share, child's target × parent's
 * period value ÷ parent's target, at the finest grain (every cell must be its floor or ceiling).
 */
export function offShareCells(plan: Plan, unitCents: bigint): string[] {
  const byNode = new Map(plan.nodes.map((node) => [node.node, node]));
  const finest = periodsOf(plan, plan.grains[plan.grains.length - 1]!);
  const off: string[] = [];
  for (const parent of plan.nodes) {
    const total = cents(parent.target);
    if (parent.children.length < 2 || total === 0n) continue;
    for (const childName of parent.children) {
      const child = byNode.get(childName)!;
      for (const period of finest) {
        const exactTimesTotal = cents(child.target) * cents(parent.targets[period.label]!);
        const cell = cents(child.targets[period.label]!);
        // |cell − exact| < unit  ⇔  |cell·total − exact·total| < unit·total
        const distance = cell * total - exactTimesTotal;
        if ((distance < 0n ? -distance : distance) >= unitCents * total) {
          off.push(`${child.node} ${period.label}`);
        }
      }
    }
  }
  return off;
}

interface Shape {
  readonly weight: number;
  readonly children: readonly Shape[];
}

const shape: fc.Arbitrary<Shape> = fc.letrec<{ node: Shape }>((tie) => ({
  node: fc.record({
    weight: fc.integer({ min: 0, max: 50 }),
    children: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      fc.constant([]),
      fc.array(tie("node"), { minLength: 1, maxLength: 4 }),
    ),
  }),
})).node;

function organization(root: Shape): Record<string, unknown> {
  const node = (value: Shape, name: string): Record<string, unknown> => ({
    name,
    weight: value.weight,
    ...(value.children.length === 0
      ? {}
      : { children: value.children.map((child, i) => node(child, `${name}.${i + 1}`)) }),
  });
  const top = node(root, "公司");
  delete top.weight;
  return top;
}

const GRAIN_SETS = [
  ["month"],
  ["quarter", "month"],
  ["month", "week"],
  ["quarter", "month", "dekad"],
  ["month", "week", "day"],
  ["year", "quarter"],
  ["week"],
  ["day"],
] as const;

const isoDay = (day: number): string =>
  new Date(Date.UTC(2024, 0, 1 + day)).toISOString().slice(0, 10);

/** A random plan document: an organisation by weights, a period in 2024–2026, some grains. */
export const planDocument: fc.Arbitrary<Record<string, unknown>> = fc
  .record({
    root: shape,
    target: fc.integer({ min: 0, max: 5_000_000 }),
    unit: fc.constantFrom("0.01", "1", "100"),
    start: fc.integer({ min: 0, max: 900 }),
    length: fc.integer({ min: 0, max: 200 }),
    grains: fc.constantFrom(...GRAIN_SETS),
    basis: fc.constantFrom("working-days", "calendar-days"),
  })
  .map(({ root, target, unit, start, length, grains, basis }) => ({
    version: 1,
    target: unit === "100" ? target * 100 : target,
    unit,
    period: {
      start: isoDay(start),
      end: isoDay(start + length),
      grains: [...grains],
      basis,
      calendar: { weekend: [6, 7] },
    },
    organization: organization(root),
  }));
