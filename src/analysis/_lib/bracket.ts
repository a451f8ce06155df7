// Finds an interval where g changes sign, searching outward from a start point within bounds.
import { Decimal } from "../../_lib/decimal.js";
import { MAX_EXPONENT } from "../../_lib/limits.js";

/** Doublings of the step in each direction before it grows faster: to start ± 2^200/64 · scale. */
const DOUBLINGS = 200;
/** Past the doublings, each step is this many times the last (about ten decades), up to the bounds or the magnitude limit. */
const FAST_GROWTH = /* @__PURE__ */ new Decimal(2).pow(32);
/** The farthest a walk goes without a bound: just inside the supported magnitude (|x| < 1e1000). */
// A pure call, so a bundle without the solver drops it (a template over an imported constant is not).
export const FARTHEST = /* @__PURE__ */ (() => new Decimal(`9e${MAX_EXPONENT - 1}`))();
/** Halvings of the distance when closing in on a point where the output is undefined. */
const APPROACH_STEPS = 60;
/** Undefined points closed in on, nearest the start first: bounds the work for formulas full of poles. */
const MAX_APPROACHES = 8;

export interface Bracket {
  readonly lower: Decimal;
  readonly upper: Decimal;
  readonly gLower: Decimal;
  readonly gUpper: Decimal;
}

export interface BracketSearch {
  /** A sign change nearest the start, or null. */
  readonly bracket: Bracket | null;
  /** Every point probed where g was defined, in probe order (for a NO_SOLUTION message). */
  readonly probes: readonly { readonly x: Decimal; readonly gx: Decimal }[];
  readonly evaluations: number;
  /** The smallest and the largest value probed, defined or not: the range really searched. */
  readonly searched: { readonly lowest: Decimal; readonly highest: Decimal };
}

interface Point {
  readonly x: Decimal;
  readonly gx: Decimal;
}

const crosses = (a: Decimal, b: Decimal): boolean =>
  a.isZero() || b.isZero() || a.isNegative() !== b.isNegative();

/**
 * Probes start, then start ± scale·2^k/64 for k = 0, 1, 2, … 200, then steps 2^32 times longer each
 * time, up to the bounds (which are probed themselves) or, without a bound, to ±9e999 (the
 * supported magnitude), alternating directions by distance, and returns the first adjacent pair
 * of defined points in one direction where g changes sign. `g` returns null where the output is undefined.
 * When that finds nothing, a root may still lie just before a point where g is undefined (a pole
 * such as 1/x at 0): it then closes in on each such point from its defined neighbour, halving the
 * distance each time, in probe order (at most MAX_APPROACHES of them).
 */
export function findBracket(
  g: (x: Decimal) => Decimal | null,
  start: Decimal,
  lowerBound: Decimal | null,
  upperBound: Decimal | null,
): BracketSearch {
  const scale = Decimal.max(start.abs(), 1);
  const probes: { x: Decimal; gx: Decimal }[] = [];
  let evaluations = 0;
  let lowest = start;
  let highest = start;
  const probe = (x: Decimal): Decimal | null => {
    evaluations++;
    if (x.lt(lowest)) lowest = x;
    if (x.gt(highest)) highest = x;
    const gx = g(x);
    if (gx !== null) probes.push({ x, gx });
    return gx;
  };
  const g0 = probe(start);
  if (g0?.isZero()) {
    return {
      bracket: { lower: start, upper: start, gLower: g0, gUpper: g0 },
      probes,
      evaluations,
      searched: { lowest, highest },
    };
  }
  const found = (a: Point, b: Point): BracketSearch => {
    const [low, high] = a.x.lt(b.x) ? [a, b] : [b, a];
    return {
      bracket: { lower: low.x, upper: high.x, gLower: low.gx, gUpper: high.gx },
      probes,
      evaluations,
      searched: { lowest, highest },
    };
  };
  // From a defined point toward an undefined one: from + (toward − from)·(1 − 2^−j), j = 1, 2, …
  const approach = (from: Point, toward: Decimal): BracketSearch | null => {
    let previous = from;
    let fraction = new Decimal(1);
    for (let j = 1; j <= APPROACH_STEPS; j++) {
      fraction = fraction.div(2);
      const x = toward.minus(toward.minus(from.x).times(fraction));
      if (x.eq(toward) || x.eq(previous.x)) break;
      const gx = probe(x);
      if (gx === null) continue;
      const point = { x, gx };
      if (crosses(previous.gx, gx)) return found(previous, point);
      previous = point;
    }
    return null;
  };
  interface Walk {
    readonly sign: 1 | -1;
    readonly bound: Decimal | null;
    /** The last defined point of this walk, or null after an undefined one. */
    last: Point | null;
    /** Where the last probe of this walk was, defined or not. */
    lastX: Decimal;
    done: boolean;
  }
  /** Each defined point next to an undefined one, with where the undefined one is. */
  const edges: { readonly from: Point; readonly toward: Decimal }[] = [];
  const first = g0 === null ? null : { x: start, gx: g0 };
  const walks: Walk[] = [
    { sign: 1, bound: upperBound, last: first, lastX: start, done: false },
    { sign: -1, bound: lowerBound, last: first, lastX: start, done: false },
  ];
  for (const walk of walks) {
    if (walk.bound?.eq(start)) walk.done = true;
  }
  let step = scale.div(64);
  for (let k = 0; ; k++) {
    if (k > 0) step = step.times(k <= DOUBLINGS ? 2 : FAST_GROWTH);
    for (const walk of walks) {
      if (walk.done) continue;
      let x = walk.sign === 1 ? start.plus(step) : start.minus(step);
      const end = walk.bound ?? (walk.sign === 1 ? FARTHEST : FARTHEST.negated());
      if (walk.sign === 1 ? x.gte(end) : x.lte(end)) {
        x = end;
        walk.done = true;
      }
      const gx = probe(x);
      const previousX = walk.lastX;
      walk.lastX = x;
      if (gx === null) {
        if (walk.last !== null) edges.push({ from: walk.last, toward: x });
        walk.last = null;
        continue;
      }
      if (gx.isZero()) {
        return {
          bracket: { lower: x, upper: x, gLower: gx, gUpper: gx },
          probes,
          evaluations,
          searched: { lowest, highest },
        };
      }
      const previous = walk.last;
      walk.last = { x, gx };
      if (previous === null) {
        edges.push({ from: walk.last, toward: previousX });
      } else if (crosses(previous.gx, gx)) {
        return found(previous, walk.last);
      }
    }
    if (walks.every((walk) => walk.done)) break;
  }
  for (const edge of edges.slice(0, MAX_APPROACHES)) {
    const near = approach(edge.from, edge.toward);
    if (near !== null) return near;
  }
  return { bracket: null, probes, evaluations, searched: { lowest, highest } };
}
