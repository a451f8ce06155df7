// Solving f(x) = target for one number x within bounds: exact candidates first, else Brent.
import { Decimal } from "../../_lib/decimal.js";
import { TargetreeError } from "../../_lib/errors.js";
import { exponentOf } from "../../_lib/exact/index.js";
import { MAX_EXPONENT } from "../../_lib/limits.js";
import { shortName } from "../../formula/internal.js";
import { FARTHEST, findBracket } from "./bracket.js";
import { brent } from "./brent.js";

/** Default relative tolerance of the numeric search: |output − target| ≤ 1e-30 · max(1, |target|). */
export const DEFAULT_RELATIVE_TOLERANCE = /* @__PURE__ */ new Decimal("1e-30");
/** The bracket counts as collapsed below 1e-60 · (1 + |x|): a jump, not a root. */
const X_RELATIVE_TOLERANCE = /* @__PURE__ */ new Decimal("1e-60");
export const DEFAULT_MAX_ITERATIONS = 500;

/** Codes that mean "the output is undefined at this value", not a caller error. */
const UNDEFINED_HERE: ReadonlySet<string> = /* @__PURE__ */ new Set([
  "DIVISION_BY_ZERO",
  "INVALID_OPERATION",
  "NUMBER_TOO_LARGE",
]);

/** What an exact method found: candidate solutions, a proof of none, "every value", or nothing. */
export type ExactAnswer =
  | { readonly kind: "solved"; readonly candidates: readonly Decimal[] }
  | { readonly kind: "no-solution"; readonly reason: string }
  | { readonly kind: "any"; readonly reason: string }
  | { readonly kind: "unknown" };

export interface ScalarProblem {
  /** The output for x; throws TargetreeError where undefined. */
  readonly at: (x: Decimal) => Decimal;
  readonly target: Decimal;
  readonly lower: Decimal | null;
  readonly upper: Decimal | null;
  /** The current x (search start, tie-break between roots), or null. */
  readonly current: Decimal | null;
  /** Absolute tolerance on the output; null = the default relative one. */
  readonly tolerance: Decimal | null;
  readonly maxIterations: number;
  /** Names for messages. */
  readonly outputName: string;
  readonly xName: string;
}

export interface ScalarSuccess {
  readonly ok: true;
  readonly x: Decimal;
  readonly method: "algebraic" | "numeric";
  readonly iterations: number;
  /** Other exact solutions within the bounds. */
  readonly alternatives: readonly Decimal[];
  readonly reason: string | null;
}

export interface ScalarFailure {
  readonly ok: false;
  readonly reason: string;
  /** The exact solution that lies outside the bounds, when there is one. */
  readonly outside: Decimal | null;
}

export const failure = (reason: string, outside: Decimal | null = null): ScalarFailure => ({
  ok: false,
  reason,
  outside,
});

/** A short rendering of a number for messages. */
export const brief = (value: Decimal): string =>
  Math.abs(exponentOf(value)) > 15
    ? value.toSignificantDigits(12).toExponential()
    : value.toSignificantDigits(12).toString();

export function withinBounds(
  value: Decimal,
  lower: Decimal | null,
  upper: Decimal | null,
): boolean {
  return (lower === null || value.gte(lower)) && (upper === null || value.lte(upper));
}

export function boundsText(lower: Decimal | null, upper: Decimal | null): string {
  return `[${lower === null ? "−∞" : brief(lower)}, ${upper === null ? "+∞" : brief(upper)}]`;
}

/** `value` moved into [lower, upper]. */
function clampTo(value: Decimal, lower: Decimal | null, upper: Decimal | null): Decimal {
  if (lower !== null && value.lt(lower)) return lower;
  if (upper !== null && value.gt(upper)) return upper;
  return value;
}

/** f(x), or null where the formulas are undefined (division by zero, …). */
export function tryEvaluate(at: (x: Decimal) => Decimal, x: Decimal): Decimal | null {
  try {
    return at(x);
  } catch (error) {
    if (error instanceof TargetreeError && UNDEFINED_HERE.has(error.code)) return null;
    throw error;
  }
}

/**
 * When every value reaches the target, the first of the current value, the bounds, 0 and 1 (those
 * inside the bounds) where the formulas are defined: `a / x` with a = 0 is 0 everywhere but at 0.
 */
function anyDefinedValue({ at, lower, upper, current }: ScalarProblem): Decimal {
  const candidates = [current, lower, upper, new Decimal(0), new Decimal(1)].filter(
    (x): x is Decimal =>
      x !== null && (lower === null || x.gte(lower)) && (upper === null || x.lte(upper)),
  );
  return candidates.find((x) => tryEvaluate(at, x) !== null) ?? candidates[0] ?? new Decimal(0);
}

/** The effective output tolerance. */
export function toleranceFor(problem: ScalarProblem): Decimal {
  return (
    problem.tolerance ?? DEFAULT_RELATIVE_TOLERANCE.times(Decimal.max(1, problem.target.abs()))
  );
}

class UndefinedInBracket extends Error {
  constructor(readonly x: Decimal) {
    // Stryker disable next-line StringLiteral: caught inside solveScalar, never shown
    super("undefined inside the bracket");
  }
}

/**
 * Solves at(x) = target: picks among exact candidates (within bounds, nearest the current value), or,
 * when the exact method knows nothing, searches a bracket outward from the current value and closes
 * it with Brent's method.
 */
export function solveScalar(
  problem: ScalarProblem,
  exact: ExactAnswer,
): ScalarSuccess | ScalarFailure {
  const { at, lower, upper, current } = problem;
  switch (exact.kind) {
    case "no-solution":
      return failure(exact.reason);
    case "any":
      return {
        ok: true,
        x: anyDefinedValue(problem),
        method: "algebraic",
        iterations: 0,
        alternatives: [],
        reason: `every value reaches the target: ${exact.reason}`,
      };
    case "solved":
      return pickExact(exact.candidates);
    case "unknown":
      return searchNumerically(problem);
  }

  function pickExact(candidates: readonly Decimal[]): ScalarSuccess | ScalarFailure {
    const inRange = candidates.filter(
      (x) => x.isFinite() && (x.isZero() || exponentOf(x) < MAX_EXPONENT),
    );
    if (inRange.length === 0) {
      return failure(`the solution is outside the supported magnitude (|x| < 1e${MAX_EXPONENT})`);
    }
    const usable = inRange.filter((x) => tryEvaluate(at, x) !== null);
    if (usable.length === 0) {
      return failure(
        `${shortName(problem.outputName)} is undefined at the solution ${brief(inRange[0]!)}`,
      );
    }
    const inside = usable.filter((x) => withinBounds(x, lower, upper));
    if (inside.length === 0) {
      const nearest = nearestTo(usable, current);
      const side =
        lower !== null && nearest.lt(lower)
          ? `below the lower bound ${brief(lower)}`
          : `above the upper bound ${brief(upper!)}`;
      return failure(`the exact solution ${brief(nearest)} is ${side}`, nearest);
    }
    const chosen = nearestTo(inside, current);
    return {
      ok: true,
      x: chosen,
      method: "algebraic",
      iterations: 0,
      alternatives: inside.filter((x) => x !== chosen),
      reason: null,
    };
  }
}

function searchNumerically(problem: ScalarProblem): ScalarSuccess | ScalarFailure {
  const { at, target, lower, upper, current, outputName, xName } = problem;
  // The output at each defined probe, kept as computed (not g + target, which would cancel).
  let lowOutput: Decimal | null = null;
  let highOutput: Decimal | null = null;
  const g = (x: Decimal): Decimal | null => {
    const y = tryEvaluate(at, x);
    if (y === null) return null;
    if (lowOutput === null || y.lt(lowOutput)) lowOutput = y;
    if (highOutput === null || y.gt(highOutput)) highOutput = y;
    return y.minus(target);
  };
  // From the current value (or the bound nearest it); without one, from a bound, or 0.
  const start =
    current === null ? (lower ?? upper ?? new Decimal(0)) : clampTo(current, lower, upper);
  const search = findBracket(g, start, lower, upper);
  if (search.bracket === null) {
    // The range really searched: the bounds, or as far as the supported magnitude without one.
    const { lowest, highest } = search.searched;
    const stated = boundsText(lower, upper);
    const edge = (value: Decimal, unbounded: boolean): string =>
      `${brief(value)}${unbounded && value.abs().gte(FARTHEST) ? " (the supported magnitude)" : ""}`;
    const range =
      stated === `[${brief(lowest)}, ${brief(highest)}]`
        ? ""
        : ` from ${edge(lowest, lower === null)} to ${edge(highest, upper === null)}`;
    if (lowOutput === null || highOutput === null) {
      return failure(
        `${shortName(outputName)} is undefined for every value of ${shortName(xName)} tried${range}`,
      );
    }
    return failure(
      `no value in ${stated} reaches the target: over the ${search.evaluations} values tried${range}, ${shortName(outputName)} stays between ${brief(lowOutput)} and ${brief(highOutput)}`,
    );
  }
  const { bracket } = search;
  let result: ReturnType<typeof brent>;
  try {
    result = brent(
      (x) => {
        const gx = g(x);
        if (gx === null) throw new UndefinedInBracket(x);
        return gx;
      },
      bracket.lower,
      bracket.upper,
      bracket.gLower,
      bracket.gUpper,
      {
        tolerance: toleranceFor(problem),
        xTolerance: X_RELATIVE_TOLERANCE,
        xRelative: X_RELATIVE_TOLERANCE,
        maxIterations: problem.maxIterations,
      },
    );
  } catch (error) {
    if (!(error instanceof UndefinedInBracket)) throw error;
    return failure(
      `${shortName(outputName)} is undefined at ${shortName(xName)} = ${brief(error.x)}, inside the interval where it crosses the target`,
    );
  }
  if (!result.converged) {
    return failure(
      result.iterations >= problem.maxIterations
        ? `the numeric search did not converge in ${problem.maxIterations} iterations`
        : `${shortName(outputName)} jumps over the target near ${shortName(xName)} = ${brief(result.x)} (a step or a break in the formula)`,
    );
  }
  return {
    ok: true,
    x: result.x,
    method: "numeric",
    iterations: result.iterations,
    alternatives: [],
    reason: null,
  };
}

/** The candidate nearest `reference`; without one, the smallest in magnitude, positive first. */
function nearestTo(candidates: readonly Decimal[], reference: Decimal | null): Decimal {
  const sorted = [...candidates].sort((a, b) => {
    const distance =
      reference === null
        ? a.abs().cmp(b.abs())
        : a.minus(reference).abs().cmp(b.minus(reference).abs());
    return distance !== 0 ? distance : b.cmp(a);
  });
  return sorted[0]!;
}
