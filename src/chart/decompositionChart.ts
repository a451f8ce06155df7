import { describeValue, TargetreeError } from "../_lib/errors.js";
import { own } from "../_lib/records.js";
import { formatAmount } from "../numbers/formatAmount.js";
import { formatPercent } from "../numbers/formatPercent.js";
import { toDecimal } from "../numbers/toDecimal.js";
import type { PlanNode, TrackingCell, TrackingNode } from "../plan/types.js";
import { readChartOptions } from "./_lib/options.js";
import { expectPlan, expectTracking } from "./_lib/planResult.js";
import { numberOf, plainText } from "./_lib/read.js";
import { achievementColor, frame, textWidth, toNumber } from "./_lib/spec.js";
import { type Rect, squarify } from "./_lib/treemap.js";
import type { ChartOptions, VegaLiteSpec } from "./types.js";

/** Options of {@link decompositionChart}: the tracking that colours it, and how deep it goes. */
export interface DecompositionChartOptions extends ChartOptions {
  /** The plan tracked with `trackPlan`: colours each node by its achievement (完成率). */
  readonly tracking?: unknown;
  /** The deepest level drawn (0 is the top node); deeper nodes are folded into it. Default: all. */
  readonly depth?: number;
}

/** One rectangle of a decomposition treemap, as the spec's data holds it (dataset `nodes`). */
export interface DecompositionCell {
  /** The node's address (id or path). */
  readonly node: string;
  /** The node's name. */
  readonly name: string;
  /** The node's path. */
  readonly path: string;
  /** Depth: 0 for the top node. */
  readonly level: number;
  /** True for a rectangle drawn filled (a leaf, or a node at the deepest level drawn). */
  readonly leaf: boolean;
  /** The top-level branch the node belongs to (its ancestor at level 1; the top node's own name at 0). */
  readonly branch: string;
  /** The node's target for the whole period, as a number (the rectangle's area is in proportion). */
  readonly target: number;
  /** The exact target, as a decimal string. */
  readonly exact: string;
  /** The rectangle's left edge, in pixels from the chart's left. */
  readonly x0: number;
  /** The rectangle's top edge, in pixels from the chart's top. */
  readonly y0: number;
  /** The rectangle's right edge. */
  readonly x1: number;
  /** The rectangle's bottom edge. */
  readonly y1: number;
  /** The node's achievement to date (with `tracking`), a ratio; null without tracking or target. */
  readonly achievement: number | null;
  /** The label drawn in the rectangle: name, target and (with tracking) achievement; empty when it does not fit. */
  readonly label: readonly string[];
}

const KEYS = ["tracking", "depth"] as const;

/**
 * The decomposition of a plan as a treemap, as a Vega-Lite spec: the plan's rectangle cut into
 * one rectangle per node, each with an area in proportion to its target (squarified, so the
 * pieces stay close to square, and each level tiles its parent exactly), nested down the
 * organisation. With `tracking`, each node is coloured by its achievement to date (red to green,
 * yellow at the time progress); without it, by its top-level branch. The data (dataset `nodes`)
 * keeps the rectangles and the exact targets.
 *
 * @param plan - The result of {@link buildPlan} (or its JSON).
 * @param options - `tracking`, `depth`, and the common `title`, `width`, `height`, `scale`,
 *   `digits`.
 * @returns A Vega-Lite v6 spec (plain JSON data) to render with vega-embed.
 * @throws {TargetreeError} `INVALID_PLAN_RESULT` when `plan` is not a plan or `tracking` not a
 *   tracking of it; `INVALID_ARGUMENT` for a bad `depth` or another bad option value;
 *   `UNKNOWN_OPTION` for an unknown option.
 *
 * @example
 * const plan = buildPlan({
 *   version: 1, target: "100万", unit: 1,
 *   period: { start: "2026-01-01", end: "2026-03-31", grains: ["month"], calendar: { weekend: [6, 7] } },
 *   organization: { name: "公司", children: [{ name: "华东", weight: 3 }, { name: "华南", weight: 1 }] },
 * });
 * const spec = decompositionChart(plan, { width: 400, height: 200 });
 * spec.datasets.nodes.filter((cell) => cell.leaf).map((cell) => [cell.name, cell.x1 - cell.x0, cell.y1 - cell.y0]) //=> [["华东", 300, 200], ["华南", 100, 200]]
 */
export function decompositionChart(
  plan: unknown,
  options?: DecompositionChartOptions,
): VegaLiteSpec {
  const common = readChartOptions(options, KEYS, { width: 640, height: 400 });
  const read = expectPlan(plan, ["plan"]);
  const tracked = own(common.settings, "tracking");
  const tracking = tracked === undefined ? null : expectTracking(tracked, ["options", "tracking"]);
  const deepest = read.nodes.reduce((max, node) => Math.max(max, node.level), 0);
  const depth = readDepth(own(common.settings, "depth"), deepest);
  const byAddress = new Map(read.nodes.map((node) => [node.node, node]));
  const trackedBy = new Map((tracking?.nodes ?? []).map((node) => [node.node, node]));
  const cells: DecompositionCell[] = [];
  const show = (amount: string): string =>
    formatAmount(amount, { scale: common.scale, digits: common.digits });

  const place = (node: PlanNode, rect: Rect, branch: string): void => {
    const index = read.nodes.indexOf(node);
    const target = toDecimal(node.target, ["plan", "nodes", index, "target"]);
    const children = node.level < depth ? node.children.map((child) => childOf(child, index)) : [];
    const cell = achievementOf(node, index);
    const width = rect.x1 - rect.x0;
    const height = rect.y1 - rect.y0;
    const amount = show(node.target);
    const fits = height >= 30 && width >= 8 + Math.max(textWidth(node.name), textWidth(amount));
    cells.push({
      node: node.node,
      name: node.name,
      path: node.path,
      level: node.level,
      leaf: children.length === 0,
      branch,
      target: toNumber(target, ["plan", "nodes", index, "target"]),
      exact: plainText(target),
      ...rect,
      achievement: cell,
      label:
        children.length === 0 && fits
          ? [
              node.name,
              amount,
              ...(cell === null || height < 44 ? [] : [formatPercent(cell, { digits: 1 })]),
            ]
          : [],
    });
    if (children.length === 0) return;
    const weights = children.map((child) =>
      Math.max(0, numberOf(child.target, ["plan", "nodes", read.nodes.indexOf(child), "target"])),
    );
    const rects = squarify(weights, rect);
    children.forEach((child, k) => {
      place(child, rects[k]!, node.level === 0 ? child.name : branch);
    });
  };

  const childOf = (address: string, parent: number): PlanNode => {
    const child = byAddress.get(address);
    if (child === undefined) {
      throw new TargetreeError(
        "INVALID_PLAN_RESULT",
        `The plan's node ${JSON.stringify(read.nodes[parent]!.node)} has a child ${JSON.stringify(address)} that is not among its nodes; build it again.`,
        { path: ["plan", "nodes", parent, "children"] },
      );
    }
    return child;
  };

  const achievementOf = (node: PlanNode, index: number): number | null => {
    if (tracking === null) return null;
    const trackedNode = trackedBy.get(node.node) as TrackingNode | undefined;
    const all = trackedNode?.periods.all as TrackingCell | undefined;
    if (all === undefined) {
      throw new TargetreeError(
        "INVALID_PLAN_RESULT",
        `The tracking has no node ${JSON.stringify(node.node)} of the plan; track this plan with trackPlan(plan, actuals, { asOf }).`,
        { path: ["options", "tracking", "nodes"], details: { node: node.node, index } },
      );
    }
    return all.achievement === null
      ? null
      : numberOf(all.achievement, [
          "options",
          "tracking",
          "nodes",
          index,
          "periods",
          "all",
          "achievement",
        ]);
  };

  place(read.nodes[0]!, { x0: 0, y0: 0, x1: common.width, y1: common.height }, read.nodes[0]!.name);
  const progress = tracking?.periods.find((period) => period.label === "all")?.timeProgress;
  const timeProgress =
    progress === undefined
      ? null
      : numberOf(progress, ["options", "tracking", "periods", 0, "timeProgress"]);
  const position = (field: string) => ({ field, type: "quantitative", scale: null, axis: null });
  const subtitle =
    tracking === null
      ? `${show(read.target)} over ${read.nodes.length} nodes, ${read.start} – ${read.end}`
      : `as of ${tracking.asOf}: achievement by node; time progress ${formatPercent(timeProgress ?? 0, { digits: 1 })}`;
  return {
    ...frame(
      common.title ?? `${read.name ?? read.nodes[0]!.name}: decomposition`,
      subtitle,
      common.width,
      common.height,
    ),
    datasets: { nodes: cells },
    data: { name: "nodes" },
    encoding: { x: position("x0"), y: position("y0"), x2: { field: "x1" }, y2: { field: "y1" } },
    layer: [
      {
        name: "cells",
        transform: [{ filter: "datum.leaf" }],
        mark: { type: "rect", stroke: "white", strokeWidth: 1, tooltip: true },
        encoding: {
          color:
            tracking === null
              ? {
                  field: "branch",
                  type: "nominal",
                  title: null,
                  scale: { scheme: "tableau20" },
                  legend: { orient: "right" },
                }
              : achievementColor(timeProgress),
          tooltip: [
            { field: "path", type: "nominal", title: "node" },
            { field: "exact", type: "nominal", title: "target" },
            ...(tracking === null
              ? []
              : [
                  {
                    field: "achievement",
                    type: "quantitative",
                    title: "achievement",
                    format: ".1%",
                  },
                ]),
          ],
        },
      },
      {
        name: "outlines",
        transform: [{ filter: "!datum.leaf && datum.level > 0" }],
        mark: { type: "rect", fill: null, stroke: "white" },
        encoding: {
          strokeWidth: {
            field: "level",
            type: "quantitative",
            scale: { domain: [1, Math.max(2, depth)], range: [4, 2] },
            legend: null,
          },
        },
      },
      {
        name: "labels",
        transform: [{ filter: "datum.label.length > 0" }],
        mark: {
          type: "text",
          align: "left",
          baseline: "top",
          dx: 4,
          dy: 4,
          fontSize: 11,
          color: "#1a1a1a",
        },
        encoding: {
          text: { field: "label" },
          x: position("x0"),
          y: position("y0"),
          x2: null,
          y2: null,
        },
      },
    ],
  };
}

function readDepth(value: unknown, deepest: number): number {
  if (value === undefined) return deepest;
  if (typeof value !== "number" || !Number.isInteger(value) || value < 0) {
    throw new TargetreeError(
      "INVALID_ARGUMENT",
      `depth must be a whole number ≥ 0 (0 draws the top node alone), got ${describeValue(value)}.`,
      { path: ["options", "depth"] },
    );
  }
  return Math.min(value, deepest);
}
