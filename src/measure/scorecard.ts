import { readItems } from "../_lib/arrays.js";
import type { Decimal } from "../_lib/decimal.js";
import { ZERO } from "../_lib/decimal.js";
import type { Direction } from "../_lib/direction.js";
import {
  achievementRatio,
  DIRECTIONS,
  shortfall,
  zeroAchievementReason,
} from "../_lib/direction.js";
import type { ErrorPath } from "../_lib/errors.js";
import { describeValue, TargetreeError } from "../_lib/errors.js";
import { checkMagnitude } from "../_lib/magnitude.js";
import { readChoice } from "../_lib/options.js";
import { own } from "../_lib/records.js";
import type { Numeric } from "../_lib/types.js";
import { readSettings, requiredNumber, requireRecord } from "./_lib/input.js";

/** One input row: its dimension values (region, salesperson, product…) and its figures. */
export interface ScorecardInputRow {
  /** The row's target. */
  readonly target: Numeric;
  /** The row's actual result, in the same unit as `target`. */
  readonly actual: Numeric;
  readonly [field: string]: Numeric | undefined;
}

/** What siblings are ranked by. */
export type ScorecardRankBy = "achievement" | "gapRate" | "actual";

/** Options of {@link scorecard}. */
export interface ScorecardOptions {
  /** Which way is better. Default `"higher"`. */
  readonly direction?: Direction;
  /**
   * What ranks siblings. Default `"achievement"` (best first). `"gapRate"` ranks the smallest
   * shortfall rate first; `"actual"` the largest actual first (smallest when lower is better).
   */
  readonly rankBy?: ScorecardRankBy;
  /** The root row's key. Default `"total"`. */
  readonly totalKey?: string;
}

/** One row of the scorecard: a group at some level of the hierarchy, or the total. */
export interface ScorecardNode {
  /** The dimension value (`"华东"`), or `totalKey` for the root. */
  readonly key: string;
  /** The dimension this row groups by (`"region"`); `null` for the root. */
  readonly level: string | null;
  /** Dimension values from the root down to this row (empty for the root). */
  readonly path: readonly string[];
  /** 0 for the root, 1 for the first level… */
  readonly depth: number;
  /** Input rows summed into this row. */
  readonly count: number;
  /** Sum of the targets below, exact. */
  readonly target: Decimal;
  /** Sum of the actuals below, exact. */
  readonly actual: Decimal;
  /** Shortfall, as in `gap()`: positive = short of target. */
  readonly gap: Decimal;
  /** gap / |target|; `null` when the target is zero. */
  readonly gapRate: Decimal | null;
  /** Achievement of the summed figures (not an average of the children's rates). */
  readonly achievement: Decimal | null;
  /** Why `achievement` or `gapRate` is `null`; `null` otherwise. */
  readonly reason: string | null;
  /** True when `actual` reaches `target` in the better direction (gap ≤ 0). */
  readonly met: boolean;
  /**
   * Rank among siblings, 1 = best; `null` for the root. Ties share a rank and the next rank
   * skips (1, 2, 2, 4); rows whose ranking figure is `null` come last, sharing one rank.
   */
  readonly rank: number | null;
  /**
   * The groups of the next level below this row, in order of first appearance in the input; empty
   * at the last level.
   */
  readonly children: readonly ScorecardNode[];
}

/** The result of {@link scorecard}: the total row as a tree, and every row flattened. */
export interface ScorecardResult {
  /** The root: the grand total, with the first level as its children. */
  readonly total: ScorecardNode;
  /** Every row, depth first (the total, then each group followed by its children). */
  readonly rows: readonly ScorecardNode[];
}

interface Group {
  readonly key: string;
  readonly path: string[];
  target: Decimal;
  actual: Decimal;
  count: number;
  readonly children: Map<string, Group>;
}

const RANK_BY: readonly ScorecardRankBy[] = ["achievement", "gapRate", "actual"];
const OPTIONS: readonly string[] = ["direction", "rankBy", "totalKey"];

/**
 * A completion scorecard (完成率看板) rolled up through a hierarchy of dimensions, e.g. region →
 * salesperson → product. Every row gives target, actual, gap, gap rate, achievement and its
 * rank among its siblings. Rolled-up targets and actuals are exact decimal sums of the rows
 * below, so every level adds up to the total exactly. Input rows with the same path are summed.
 *
 * @param rows - Input rows with a string (or number) value for every level and `target`,
 *   `actual` figures; rows are data, so other fields are allowed and ignored.
 * @param levels - The dimension fields, top level first (`["region", "salesperson"]`).
 * @param options - `direction`, `rankBy`, `totalKey`.
 * @returns The total row (a tree through `children`) and all rows depth first.
 * @throws {TargetreeError} `INVALID_NUMBER` for a figure that is not a number;
 *   `UNKNOWN_OPTION` for an option other than `direction`, `rankBy`, `totalKey`;
 *   `INVALID_ARGUMENT` for a missing dimension value, an empty or repeated `levels`, or bad
 *   options; `NUMBER_TOO_LARGE` when a sum, gap or ratio leaves the supported magnitude
 *   (|x| < 1e1000).
 *
 * @example
 * const card = scorecard(
 *   [
 *     { region: "华东", rep: "王", target: "50万", actual: "45万" },
 *     { region: "华东", rep: "李", target: "30万", actual: "33万" },
 *     { region: "华南", rep: "张", target: "20万", actual: "10万" },
 *   ],
 *   ["region", "rep"],
 * );
 * card.total.actual.toString()      //=> "880000"
 * card.total.achievement?.toString() //=> "0.88"
 * card.rows.map((row) => `${row.key}#${row.rank ?? "-"}`) //=> ["total#-", "华东#1", "王#2", "李#1", "华南#2", "张#1"]
 */
export function scorecard(
  rows: readonly ScorecardInputRow[],
  levels: readonly string[],
  options: ScorecardOptions = {},
): ScorecardResult {
  const record = readSettings(options, OPTIONS);
  const direction = readChoice(record, "direction", DIRECTIONS, "higher", ["options"]);
  const rankBy = readChoice(record, "rankBy", RANK_BY, "achievement", ["options"]);
  const totalKey = own(record, "totalKey") ?? "total";
  if (typeof totalKey !== "string") {
    throw new TargetreeError("INVALID_ARGUMENT", "totalKey must be a string.", {
      path: ["options", "totalKey"],
    });
  }
  checkLevels(levels);
  if (!Array.isArray(rows)) {
    throw new TargetreeError("INVALID_ARGUMENT", "rows must be an array.", { path: ["rows"] });
  }

  const root = newGroup(totalKey, []);
  readItems(rows as readonly unknown[], ["rows"]).forEach((row: unknown, index) => {
    const path = ["rows", index];
    const input = requireRecord(row, path, `rows[${index}]`);
    const target = requiredNumber(input, "target", path);
    const actual = requiredNumber(input, "actual", path);
    let group = root;
    add(group, target, actual, path);
    for (const level of levels) {
      const key = dimensionValue(own(input, level), [...path, level]);
      let child = group.children.get(key);
      if (child === undefined) {
        child = newGroup(key, [...group.path, key]);
        group.children.set(key, child);
      }
      group = child;
      add(group, target, actual, path);
    }
  });

  const measured = new Map<Group, Figures>();
  const figuresOf = (group: Group): Figures => {
    let figures = measured.get(group);
    // Stryker disable next-line ConditionalExpression: a cache of a pure function
    if (figures === undefined) {
      figures = measureGroup(group, direction);
      measured.set(group, figures);
    }
    return figures;
  };
  const flat: ScorecardNode[] = [];
  const build = (group: Group, depth: number, rank: number | null): ScorecardNode => {
    const node: ScorecardNode & { children: ScorecardNode[] } = {
      key: group.key,
      level: depth === 0 ? null : levels[depth - 1]!,
      path: group.path,
      depth,
      count: group.count,
      ...figuresOf(group),
      rank,
      children: [],
    };
    flat.push(node);
    const children = [...group.children.values()];
    const ranks = rankSiblings(children.map(figuresOf), rankBy, direction);
    children.forEach((child, index) => {
      node.children.push(build(child, depth + 1, ranks[index]!));
    });
    return node;
  };
  const total = build(root, 0, null);
  return { total, rows: flat };
}

function checkLevels(levels: unknown): asserts levels is readonly string[] {
  if (!Array.isArray(levels) || readItems(levels, ["levels"], 1000).length === 0) {
    throw new TargetreeError(
      "INVALID_ARGUMENT",
      'levels must be a non-empty array of field names, e.g. ["region", "salesperson"].',
      { path: ["levels"] },
    );
  }
  const seen = new Set<string>();
  levels.forEach((level: unknown, index) => {
    if (typeof level !== "string" || level === "" || level === "target" || level === "actual") {
      throw new TargetreeError(
        "INVALID_ARGUMENT",
        `levels[${index}] must name a dimension field other than target and actual.`,
        { path: ["levels", index] },
      );
    }
    if (seen.has(level)) {
      throw new TargetreeError("INVALID_ARGUMENT", `The level ${JSON.stringify(level)} repeats.`, {
        path: ["levels", index],
      });
    }
    seen.add(level);
  });
}

function dimensionValue(value: unknown, path: (string | number)[]): string {
  if (typeof value === "string" && value !== "") return value;
  // Stryker disable next-line ConditionalExpression: the typeof only narrows the type
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  throw new TargetreeError(
    "INVALID_ARGUMENT",
    `Every row needs a non-empty string value for each level, got ${describeValue(value)}.`,
    { path },
  );
}

function newGroup(key: string, path: string[]): Group {
  return { key, path, target: ZERO, actual: ZERO, count: 0, children: new Map() };
}

function add(group: Group, target: Decimal, actual: Decimal, path: ErrorPath): void {
  group.target = checkMagnitude(group.target.plus(target), [...path, "target"], "A summed target");
  group.actual = checkMagnitude(group.actual.plus(actual), [...path, "actual"], "A summed actual");
  group.count++;
}

interface Figures {
  readonly target: Decimal;
  readonly actual: Decimal;
  readonly gap: Decimal;
  readonly gapRate: Decimal | null;
  readonly achievement: Decimal | null;
  readonly reason: string | null;
  readonly met: boolean;
}

function measureGroup(group: Group, direction: Direction): Figures {
  const { target, actual } = group;
  const path = ["rows"];
  const difference = checkMagnitude(shortfall(actual, target, direction), path, "A gap");
  const gapRate = target.isZero()
    ? null
    : checkMagnitude(difference.div(target.abs()), path, "A gap rate");
  const ratio = achievementRatio(actual, target, direction, path);
  const reasons: string[] = [];
  if (ratio === null) reasons.push(zeroAchievementReason(direction));
  if (gapRate === null) reasons.push("The target is zero, so the gap rate is undefined.");
  return {
    target,
    actual,
    gap: difference,
    gapRate,
    achievement: ratio,
    reason: reasons.length > 0 ? reasons.join(" ") : null,
    met: difference.lte(0),
  };
}

/** Competition ranking (1, 2, 2, 4), best first; rows without a ranking figure share the last rank. */
function rankSiblings(
  figures: readonly Figures[],
  rankBy: ScorecardRankBy,
  direction: Direction,
): number[] {
  // A score where larger is better, or null when the figure is undefined.
  const scores = figures.map((item): Decimal | null => {
    if (rankBy === "achievement") return item.achievement;
    if (rankBy === "gapRate") return item.gapRate === null ? null : item.gapRate.neg();
    return direction === "higher" ? item.actual : item.actual.neg();
  });
  const order = scores
    .map((score, index) => ({ score, index }))
    .filter((item): item is { score: Decimal; index: number } => item.score !== null)
    .sort((a, b) => b.score.cmp(a.score)); // stable: ties stay in index order
  const ranks = scores.map(() => order.length + 1);
  order.forEach((item, position) => {
    const previous = order[position - 1];
    ranks[item.index] = previous?.score.eq(item.score) ? ranks[previous.index]! : position + 1;
  });
  return ranks;
}
