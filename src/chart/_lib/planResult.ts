// Reading a Plan or a Tracking for a chart: the kind and the lists a chart needs, checked lightly
// (the charts draw what the plan layer computed; they do not re-check its sums), and a node found
// by its address (id or path).
import { closest } from "../../_lib/closest.js";
import { describeValue, type ErrorPath, TargetreeError } from "../../_lib/errors.js";
import { isRecord, own } from "../../_lib/records.js";
import type { Plan, PlanNode, Tracking, TrackingNode } from "../../plan/types.js";

const WHAT = {
  "targetree-plan": "a plan made by buildPlan",
  "targetree-tracking": "a tracking made by trackPlan",
} as const;

/** `value` as a Plan, or `INVALID_PLAN_RESULT` saying to pass buildPlan's result. */
export function expectPlan(value: unknown, path: ErrorPath): Plan {
  return expectResult(value, "targetree-plan", path) as unknown as Plan;
}

/** `value` as a Tracking, or `INVALID_PLAN_RESULT` saying to pass trackPlan's result. */
export function expectTracking(value: unknown, path: ErrorPath): Tracking {
  return expectResult(value, "targetree-tracking", path) as unknown as Tracking;
}

function expectResult(
  value: unknown,
  kind: keyof typeof WHAT,
  path: ErrorPath,
): Readonly<Record<string, unknown>> {
  const hint =
    isRecord(value) && own(value, "kind") === "targetree-plan" && kind !== "targetree-plan"
      ? " (this is a plan: track it first with trackPlan(plan, actuals, { asOf }))"
      : "";
  if (!isRecord(value) || own(value, "kind") !== kind || own(value, "version") !== 1) {
    throw new TargetreeError(
      "INVALID_PLAN_RESULT",
      `Expected ${WHAT[kind]} (kind ${JSON.stringify(kind)}, version 1), got ${describeValue(value)}${hint}.`,
      { path },
    );
  }
  for (const key of ["nodes", "periods"]) {
    const list = own(value, key);
    if (!Array.isArray(list) || list.length === 0 || !list.every(isRecord)) {
      throw new TargetreeError(
        "INVALID_PLAN_RESULT",
        `Expected ${WHAT[kind]}: its ${key} is not a list of records; make it again.`,
        { path: [...path, key] },
      );
    }
  }
  return value;
}

/** The node named `name` (its address or its path), or `UNKNOWN_PLAN_NODE` with the closest. */
export function findNode<N extends PlanNode | TrackingNode>(
  nodes: readonly N[],
  name: unknown,
  path: ErrorPath,
): N {
  if (typeof name === "string") {
    const wanted = name.normalize("NFC");
    const found = nodes.find((node) => node.node === wanted || node.path === wanted);
    if (found !== undefined) return found;
  }
  const known = nodes.map((node) => node.node);
  const suggestion =
    typeof name === "string" && name.length <= 200 ? closest(name, known) : undefined;
  throw new TargetreeError(
    "UNKNOWN_PLAN_NODE",
    `The plan has no node ${describeValue(name)}; name a node by its id or its path (such as ${JSON.stringify(nodes[0]?.path ?? "")}).${suggestion === undefined ? "" : ` Did you mean ${JSON.stringify(suggestion)}?`}`,
    { path, ...(suggestion === undefined ? {} : { details: { suggestion } }) },
  );
}

/** The grain a chart shows: the option when it is one of the plan's grains, else the default. */
export function chooseGrain(
  grains: readonly string[],
  given: unknown,
  fallback: string,
  path: ErrorPath,
): string {
  if (given === undefined) return fallback;
  if (typeof given === "string" && grains.includes(given)) return given;
  const suggestion = typeof given === "string" ? closest(given, grains) : undefined;
  throw new TargetreeError(
    "INVALID_ARGUMENT",
    `grain must be one of the plan's grains (${grains.map((grain) => JSON.stringify(grain)).join(", ")}), got ${describeValue(given)}.${suggestion === undefined ? "" : ` Did you mean ${JSON.stringify(suggestion)}?`}`,
    { path },
  );
}
