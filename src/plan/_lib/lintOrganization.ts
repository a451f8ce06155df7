// The organisation: holds that exceed their parent or leave a rest nobody takes, bounds that cannot
// all hold, shares that leave a rest unnamed or pass 100%, an even split that ignores the
// children's weights, and amounts off the rounding unit. Amounts below the top node are the exact
// pro-rata values (bounds applied), not yet rounded to the unit: lint judges the plan's figures,
// buildPlan rounds them.
import type { Decimal } from "../../_lib/decimal.js";
import { Decimal as DecimalClass, ONE, ZERO } from "../../_lib/decimal.js";
import type { ErrorPath } from "../../_lib/errors.js";
import type { Numeric } from "../../_lib/types.js";
import { toDecimal } from "../../numbers/toDecimal.js";
import type { Finding, FixOption, PlanDocumentNode, PlanEdit, PlanLevel } from "../types.js";
import { amount, finding, fixOption, percent, plain } from "./finding.js";
import { freeName } from "./lintDimensions.js";
import { remainderOf, ruleOf } from "./readOrganization.js";
import { isMultiple, roundToUnit, unitOf } from "./units.js";

interface Context {
  readonly levels: readonly PlanLevel[];
  readonly unit: Numeric | undefined;
  readonly findings: Finding[];
}

export function lintOrganization(
  root: PlanDocumentNode,
  target: Decimal,
  levels: readonly PlanLevel[],
  unit: Numeric | undefined,
): Finding[] {
  const context: Context = { levels, unit, findings: [] };
  const rootUnit = childUnit(root, 0, context);
  if (!isMultiple(target, rootUnit)) {
    const rounded = roundToUnit(target, rootUnit);
    context.findings.push(
      finding(
        "NOT_A_MULTIPLE_OF_UNIT",
        ["target"],
        `The target ${amount(target)} is not a whole multiple of the unit ${amount(rootUnit)} the top node splits in.`,
        { target: plain(target), unit: plain(rootUnit) },
        [
          fixOption("round-target", `Round the target to ${amount(rounded)}.`, [
            { op: "replace", path: ["target"], value: plain(rounded) },
          ]),
        ],
      ),
    );
  }
  walk(root, target, 0, ["organization"], context);
  return context.findings;
}

function dec(value: Numeric | undefined): Decimal | undefined {
  return value === undefined ? undefined : toDecimal(value);
}

/** The unit a node's children are rounded to: its own, its level's, the document's. */
function childUnit(node: PlanDocumentNode, depth: number, context: Context): Decimal {
  return unitOf(node.unit ?? context.levels[depth]?.unit ?? context.unit);
}

function walk(
  node: PlanDocumentNode,
  value: Decimal,
  depth: number,
  path: ErrorPath,
  context: Context,
): void {
  const children = node.children ?? [];
  if (children.length === 0) return;
  const childrenPath: ErrorPath = [...path, "children"];
  const { rule, from } = ruleOf(node, children, context.levels, depth);
  const unit = childUnit(node, depth, context);
  const findings = context.findings;
  const name = JSON.stringify(node.name);

  if (rule === "even") evenSplit(node, children, depth, path, from, context);

  const holds = children.map((child) => dec(child.hold));
  const adjusts = children.map((child) => dec(child.adjust) ?? ZERO);
  const held = holds.reduce<Decimal>((sum, hold) => sum.plus(hold ?? ZERO), ZERO);
  const adjusted = adjusts.reduce((sum, adjust) => sum.plus(adjust), ZERO);
  holds.forEach((hold, i) => {
    if (hold === undefined || isMultiple(hold, unit)) return;
    const rounded = roundToUnit(hold, unit);
    findings.push(
      finding(
        "NOT_A_MULTIPLE_OF_UNIT",
        [...childrenPath, i, "hold"],
        `The hold ${amount(hold)} of ${JSON.stringify(children[i]!.name)} is not a whole multiple of the unit ${amount(unit)} ${name} splits in.`,
        { hold: plain(hold), unit: plain(unit) },
        [
          fixOption("round-hold", `Round the hold to ${amount(rounded)}.`, [
            { op: "replace", path: [...childrenPath, i, "hold"], value: plain(rounded) },
          ]),
        ],
      ),
    );
  });

  const positive = !value.isNegative() || value.isZero();
  const taken = held.plus(adjusted);
  if (positive ? taken.gt(value) : taken.lt(value)) {
    findings.push(
      finding(
        "HOLDS_EXCEED",
        childrenPath,
        `Under ${name} the holds${adjusted.isZero() ? "" : " and adjustments"} add up to ${amount(taken)}, beyond its ${amount(value)}: the other children would get ${amount(value.minus(taken))}.`,
        {
          parent: plain(value),
          held: plain(held),
          adjusted: plain(adjusted),
          excess: plain(taken.minus(value)),
        },
      ),
    );
  }

  // Weights of the free children; under shares, the remainder (named or not) takes the rest.
  const remainderName = remainderOf(node, context.levels, depth);
  const isRemainder = (child: PlanDocumentNode): boolean =>
    child.share === undefined &&
    remainderName !== undefined &&
    child.name.normalize("NFC") === remainderName.normalize("NFC");
  const free = children.map((_, i) => (holds[i] === undefined ? i : -1)).filter((i) => i >= 0);
  let restShare = ZERO;
  if (rule === "shares")
    restShare = sharesCheck(
      node,
      children,
      free,
      isRemainder,
      value.minus(taken),
      unit,
      depth,
      path,
      context,
    );
  const weights = children.map((child, i) => {
    if (holds[i] !== undefined) return ZERO;
    if (rule === "even") return ONE;
    if (rule === "weights") return dec(child.weight) ?? ZERO;
    return isRemainder(child) ? restShare : (dec(child.share) ?? ZERO);
  });
  // Under shares a rest no child takes goes to a remainder part that cascade adds.
  const virtualRest = rule === "shares" && restShare.gt(0) && !children.some(isRemainder);

  if (
    free.length === 0 &&
    !virtualRest &&
    !value.minus(taken).isZero() &&
    (positive ? taken.lt(value) : taken.gt(value))
  ) {
    const last = children.length - 1;
    const fixed = holds[last]!.plus(value.minus(taken));
    findings.push(
      finding(
        "HOLDS_LEAVE_REST",
        childrenPath,
        `Every child of ${name} is held, and the holds leave ${amount(value.minus(taken))} of its ${amount(value)} that no child takes.`,
        { parent: plain(value), held: plain(held), rest: plain(value.minus(taken)) },
        [
          fixOption(
            "raise-last-hold",
            `Hold ${JSON.stringify(children[last]!.name)} at ${amount(fixed)} instead, so the holds add up to ${amount(value)}.`,
            [{ op: "replace", path: [...childrenPath, last, "hold"], value: plain(fixed) }],
          ),
        ],
      ),
    );
  }

  const { lower, upper } = bounds(children, holds, adjusts, positive, path, context);
  const base = value.minus(taken);
  const sumOf = (list: readonly (Decimal | null)[]): Decimal | null =>
    free.reduce<Decimal | null>(
      (sum, i) => (sum === null || list[i] === null ? null : sum.plus(list[i]!)),
      ZERO,
    );
  const lowest = sumOf(lower);
  const highest = virtualRest ? null : sumOf(upper);
  const tooLow = lowest?.gt(base) === true;
  const tooHigh = highest?.lt(base) === true;
  if (free.length > 0 && (tooLow || tooHigh)) {
    findings.push(
      finding(
        "BOUNDS_INFEASIBLE",
        childrenPath,
        tooLow
          ? `The minimums under ${name} add up to ${amount(lowest!)}, more than the ${amount(base)} left to split.`
          : `The maximums under ${name} add up to ${amount(highest!)}, less than the ${amount(base)} left to split.`,
        {
          rest: plain(base),
          minSum: lowest === null ? null : plain(lowest),
          maxSum: highest === null ? null : plain(highest),
        },
      ),
    );
  }

  const values = spread(base, free, weights, lower, upper, virtualRest);
  children.forEach((child, i) => {
    const amountOf = holds[i] ?? values.get(i)!.plus(adjusts[i]!);
    walk(child, amountOf, depth + 1, [...childrenPath, i], context);
  });
}

/** Bounds on each free child's share of the rest (adjustments moved out, as cascade does). */
function bounds(
  children: readonly PlanDocumentNode[],
  holds: readonly (Decimal | undefined)[],
  adjusts: readonly Decimal[],
  positive: boolean,
  path: ErrorPath,
  context: Context,
): { lower: (Decimal | null)[]; upper: (Decimal | null)[] } {
  const lower: (Decimal | null)[] = [];
  const upper: (Decimal | null)[] = [];
  children.forEach((child, i) => {
    const min = dec(child.min);
    const max = dec(child.max);
    const at: ErrorPath = [...path, "children", i];
    if (min !== undefined && max !== undefined && min.gt(max)) {
      context.findings.push(
        finding(
          "BOUNDS_INFEASIBLE",
          [...at, "min"],
          `${JSON.stringify(child.name)} has min ${amount(min)} above its max ${amount(max)}.`,
          { min: plain(min), max: plain(max) },
        ),
      );
    }
    const hold = holds[i];
    if (
      hold !== undefined &&
      ((min !== undefined && hold.lt(min)) || (max !== undefined && hold.gt(max)))
    ) {
      context.findings.push(
        finding(
          "BOUNDS_INFEASIBLE",
          [...at, "hold"],
          `${JSON.stringify(child.name)} is held at ${amount(hold)}, outside its bounds ${min === undefined ? "" : `min ${amount(min)}`}${min !== undefined && max !== undefined ? ", " : ""}${max === undefined ? "" : `max ${amount(max)}`}.`,
          {
            hold: plain(hold),
            min: min === undefined ? null : plain(min),
            max: max === undefined ? null : plain(max),
          },
        ),
      );
    }
    const adjust = adjusts[i]!;
    // Bounds apply to final values; a split never gives a part the opposite sign of its parent.
    const low = positive ? DecimalClass.max(min ?? ZERO, ZERO) : (min ?? null);
    const high = positive ? (max ?? null) : DecimalClass.min(max ?? ZERO, ZERO);
    lower.push(low === null ? null : low.minus(adjust));
    upper.push(high === null ? null : high.minus(adjust));
  });
  return { lower, upper };
}

/** Pro rata over the free children, clipped to their bounds (the clipped amount goes to the others). */
function spread(
  base: Decimal,
  free: readonly number[],
  weights: readonly Decimal[],
  lower: readonly (Decimal | null)[],
  upper: readonly (Decimal | null)[],
  virtualRest: boolean,
): Map<number, Decimal> {
  const values = new Map<number, Decimal>();
  let active = [...free];
  let left = base;
  // A remainder part cascade adds takes its share of the rest, outside the children.
  const restWeight = virtualRest
    ? ONE.minus(free.reduce((sum, i) => sum.plus(weights[i]!), ZERO))
    : ZERO;
  for (let round = 0; round <= free.length; round++) {
    const total = active.reduce((sum, i) => sum.plus(weights[i]!), restWeight);
    const clipped: number[] = [];
    for (const i of active) {
      const share = total.isZero() ? left.div(active.length) : left.times(weights[i]!).div(total);
      const low = lower[i];
      const high = upper[i];
      if (low !== null && low !== undefined && share.lt(low)) {
        values.set(i, low);
        clipped.push(i);
      } else if (high !== null && high !== undefined && share.gt(high)) {
        values.set(i, high);
        clipped.push(i);
      } else values.set(i, share);
    }
    if (clipped.length === 0) break;
    for (const i of clipped) left = left.minus(values.get(i)!);
    active = active.filter((i) => !clipped.includes(i));
    if (active.length === 0) break;
  }
  return values;
}

/** SHARES_EXCEED and SHARES_INCOMPLETE for a node that splits by shares; returns the rest share. */
function sharesCheck(
  node: PlanDocumentNode,
  children: readonly PlanDocumentNode[],
  free: readonly number[],
  isRemainder: (child: PlanDocumentNode) => boolean,
  rest: Decimal,
  unit: Decimal,
  depth: number,
  path: ErrorPath,
  context: Context,
): Decimal {
  const shared = free.filter((i) => !isRemainder(children[i]!));
  const total = shared.reduce((sum, i) => sum.plus(dec(children[i]!.share) ?? ZERO), ZERO);
  const name = JSON.stringify(node.name);
  if (total.gt(ONE)) {
    const edits: PlanEdit[] = [
      {
        op: node.split === undefined ? "add" : "replace",
        path: [...path, "split"],
        value: "weights",
      },
      ...shared.flatMap((i): PlanEdit[] => [
        { op: "remove", path: [...path, "children", i, "share"] },
        {
          op: "add",
          path: [...path, "children", i, "weight"],
          value: plain(dec(children[i]!.share)!),
        },
      ]),
    ];
    context.findings.push(
      finding(
        "SHARES_EXCEED",
        [...path, "children"],
        `The shares of ${name}'s children add up to ${percent(total)}, more than 100%.`,
        { total: plain(total), excess: plain(total.minus(ONE)) },
        [
          fixOption(
            "use-as-weights",
            `Split ${name} by weights, reading each share as a weight.`,
            edits,
          ),
        ],
      ),
    );
    return ZERO;
  }
  const restShare = ONE.minus(total);
  const named = remainderOf(node, context.levels, depth) !== undefined;
  if (restShare.gt(0) && !named) {
    const part = freeName(children.map((child) => child.name));
    const restAmount = roundToUnit(rest.times(restShare), unit);
    const options: FixOption[] = [
      fixOption(
        "name-remainder",
        `Name the remainder ${JSON.stringify(part)}: it takes ${percent(restShare)}, about ${amount(restAmount)}.`,
        [{ op: "add", path: [...path, "remainder"], value: part }],
        { part, share: plain(restShare), amount: plain(restAmount) },
      ),
    ];
    context.findings.push(
      finding(
        "SHARES_INCOMPLETE",
        [...path, "children"],
        `The shares of ${name}'s children add up to ${percent(total)}; the other ${percent(restShare)} (about ${amount(restAmount)}) goes to no named child.`,
        { total: plain(total), rest: plain(restShare), amount: plain(restAmount) },
        options,
      ),
    );
  }
  return restShare;
}

/** EVEN_SPLIT_IGNORES_WEIGHTS: an even split over children whose weights (or shares) differ. */
function evenSplit(
  node: PlanDocumentNode,
  children: readonly PlanDocumentNode[],
  depth: number,
  path: ErrorPath,
  from: "node" | "level" | "inferred",
  context: Context,
): void {
  const key = children.some((child) => child.weight !== undefined) ? "weight" : "share";
  const given = children.filter((child) => child[key] !== undefined && child.hold === undefined);
  const distinct = new Set(given.map((child) => toDecimal(child[key]!).toFixed()));
  if (given.length < 2 || distinct.size < 2) return;
  const rulePath: ErrorPath = from === "level" ? ["levels", depth, "split"] : [...path, "split"];
  context.findings.push(
    finding(
      "EVEN_SPLIT_IGNORES_WEIGHTS",
      rulePath,
      `${JSON.stringify(node.name)} splits evenly, but its children carry different ${key}s (${given.map((child) => `${child.name} ${plain(toDecimal(child[key]!))}`).join(", ")}): the ${key}s are ignored.`,
      {
        [`${key}s`]: Object.fromEntries(
          given.map((child) => [child.name, plain(toDecimal(child[key]!))]),
        ),
      },
      [
        fixOption(
          key === "weight" ? "split-by-weights" : "split-by-shares",
          `Split ${JSON.stringify(node.name)} by ${key}s.`,
          [
            {
              op: node.split === undefined ? "add" : "replace",
              path: [...path, "split"],
              value: `${key}s`,
            },
          ],
        ),
      ],
    ),
  );
}
