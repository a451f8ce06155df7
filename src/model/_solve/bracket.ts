// Finds an interval where g changes sign, searching outward from a start point within bounds.
import { Decimal } from "../../_lib/decimal.js";

/** Doublings of the step in each direction: the search reaches start ± 2^MAX_DOUBLINGS/64 · scale. */
const MAX_DOUBLINGS = 200;

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
}

const crosses = (a: Decimal, b: Decimal): boolean =>
  a.isZero() || b.isZero() || a.isNegative() !== b.isNegative();

/**
 * Probes start, then start ± scale·2^k/64 for k = 0, 1, 2, … up to the bounds (which are probed
 * themselves), alternating directions by distance, and returns the first adjacent pair of defined
 * points in one direction where g changes sign. `g` returns null where the output is undefined.
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
  const probe = (x: Decimal): Decimal | null => {
    evaluations++;
    const gx = g(x);
    if (gx !== null) probes.push({ x, gx });
    return gx;
  };
  const g0 = probe(start);
  if (g0?.isZero()) {
    return { bracket: { lower: start, upper: start, gLower: g0, gUpper: g0 }, probes, evaluations };
  }
  interface Walk {
    readonly sign: 1 | -1;
    readonly bound: Decimal | null;
    last: { x: Decimal; gx: Decimal } | null;
    done: boolean;
  }
  const walks: Walk[] = [
    { sign: 1, bound: upperBound, last: g0 === null ? null : { x: start, gx: g0 }, done: false },
    { sign: -1, bound: lowerBound, last: g0 === null ? null : { x: start, gx: g0 }, done: false },
  ];
  for (const walk of walks) {
    if (walk.bound?.eq(start)) walk.done = true;
  }
  for (let k = 0; k <= MAX_DOUBLINGS; k++) {
    const step = scale.times(new Decimal(2).pow(k)).div(64);
    for (const walk of walks) {
      if (walk.done) continue;
      let x = walk.sign === 1 ? start.plus(step) : start.minus(step);
      if (walk.bound !== null && (walk.sign === 1 ? x.gte(walk.bound) : x.lte(walk.bound))) {
        x = walk.bound;
        walk.done = true;
      }
      const gx = probe(x);
      if (gx === null) {
        walk.last = null;
        continue;
      }
      if (gx.isZero()) {
        return { bracket: { lower: x, upper: x, gLower: gx, gUpper: gx }, probes, evaluations };
      }
      const previous = walk.last;
      walk.last = { x, gx };
      if (previous !== null && crosses(previous.gx, gx)) {
        const [low, high] = walk.sign === 1 ? [previous, walk.last] : [walk.last, previous];
        return {
          bracket: { lower: low.x, upper: high.x, gLower: low.gx, gUpper: high.gx },
          probes,
          evaluations,
        };
      }
    }
    if (walks.every((walk) => walk.done)) break;
  }
  return { bracket: null, probes, evaluations };
}
