// Goal seek on one input: exact inversion, exact polynomial, else Brent; then whole-number rounding.
import type { Decimal } from "../../_lib/decimal.js";
import { shortName } from "../../formula/internal.js";
import { polynomialDegree } from "./degree.js";
import { dependenceTester, occurrences } from "./graph.js";
import { invert } from "./invert.js";
import { solvePolynomial } from "./polynomial.js";
import {
  boundsText,
  brief,
  type ExactAnswer,
  failure,
  type ScalarFailure,
  solveScalar,
  toleranceFor,
  tryEvaluate,
  withinBounds,
} from "./scalar.js";
import type { ModelView } from "./view.js";

export { DEFAULT_MAX_ITERATIONS } from "./scalar.js";

export interface SolveRequest {
  readonly output: string;
  readonly vary: string;
  readonly target: Decimal;
  /** Every input's value; `vary`'s entry (if any) is its current value. */
  readonly values: ReadonlyMap<string, Decimal>;
  /** Search bounds (the model's bounds, narrowed by the caller's). */
  readonly lower: Decimal | null;
  readonly upper: Decimal | null;
  /** Round to a whole number that reaches the target. */
  readonly wholeNumber: boolean;
  /** Absolute tolerance on the output; null = the default relative one. */
  readonly tolerance: Decimal | null;
  readonly maxIterations: number;
}

export interface SolveSuccess {
  readonly ok: true;
  readonly value: Decimal;
  readonly unrounded: Decimal;
  readonly rounded: boolean;
  readonly achieved: Decimal;
  readonly residual: Decimal;
  readonly method: "algebraic" | "numeric";
  readonly iterations: number;
  readonly evaluations: number;
  readonly alternatives: readonly Decimal[];
  readonly reason: string | null;
}

export type SolveOutcome = SolveSuccess | ScalarFailure;

/** The exact answer for output(vary) = target, when one of the exact methods applies. */
function exactAnswer(
  view: ModelView,
  request: SolveRequest,
  at: (x: Decimal) => Decimal,
): ExactAnswer {
  const { output, vary, target } = request;
  const count = occurrences(view.graph, output, vary);
  if (count === 0)
    return {
      kind: "no-solution",
      reason: `${shortName(output)} does not depend on ${shortName(vary)}`,
    };
  // Stryker disable next-line ArrayDeclaration: a safety net; vary's value is never read
  const constant = view.constantScope(output, request.values, new Set([vary]));
  if (count === 1) {
    const dependsOnVary = dependenceTester(view.graph, new Set([vary]));
    const inversion = invert(view.graph, output, vary, target, dependsOnVary, constant);
    if (inversion.kind !== "not-invertible") return inversion;
  }
  const degree = polynomialDegree(view.graph, output, new Set([vary]), constant);
  if (degree === 0)
    return {
      kind: "no-solution",
      reason: `${shortName(output)} does not depend on ${shortName(vary)}`,
    };
  if (degree !== 1 && degree !== 2) return { kind: "unknown" };
  const solution = solvePolynomial(at, degree, target);
  if (solution.kind === "constant") {
    return {
      kind: "no-solution",
      reason: `${shortName(output)} does not change with ${shortName(vary)}`,
    };
  }
  return solution;
}

/**
 * Solves output(vary = x) = target for x within [lower, upper]. Returns a failure with the reason
 * instead of throwing when there is no solution.
 */
export function solveInput(view: ModelView, request: SolveRequest): SolveOutcome {
  const { output, vary, target, lower, upper } = request;
  const current = request.values.get(vary) ?? null;
  let evaluations = 0;
  const at = (x: Decimal): Decimal => {
    evaluations++;
    const values = new Map(request.values);
    values.set(vary, x);
    return view.evaluateOutput(output, values);
  };
  const problem = {
    at,
    target,
    lower,
    upper,
    current,
    tolerance: request.tolerance,
    maxIterations: request.maxIterations,
    outputName: output,
    xName: vary,
  };
  const solved = solveScalar(problem, exactAnswer(view, request, at));
  if (!solved.ok) return solved;
  let value = solved.x;
  let achieved = at(value);
  let rounded = false;
  if (request.wholeNumber && !value.isInteger()) {
    const whole = wholeNumberThatReaches(value, solved.method === "numeric");
    if (whole === null) {
      return failure(
        `the solution ${brief(value)} is not a whole number, and no whole number next to it within ${boundsText(lower, upper)} reaches the target`,
      );
    }
    rounded = !whole.exact;
    value = whole.value;
    achieved = whole.achieved;
  }
  return {
    ok: true,
    value,
    unrounded: solved.x,
    rounded,
    achieved,
    residual: achieved.minus(target),
    method: solved.method,
    iterations: solved.iterations,
    evaluations,
    alternatives: solved.alternatives,
    reason: solved.reason,
  };

  /**
   * The whole number next to x whose output reaches the target: at or above it when the target lies
   * above the current output (or the current value is unknown), at or below it otherwise. A numeric
   * answer within tolerance of a whole number counts as that whole number.
   */
  function wholeNumberThatReaches(
    x: Decimal,
    numeric: boolean,
  ): { value: Decimal; achieved: Decimal; exact: boolean } | null {
    const currentOutput = current === null ? null : tryEvaluate(at, current);
    const atLeast = currentOutput === null || target.gte(currentOutput);
    const nearest = x.round();
    if (numeric && withinBounds(nearest, lower, upper)) {
      const y = tryEvaluate(at, nearest);
      if (y?.minus(target).abs().lte(toleranceFor(problem))) {
        return { value: nearest, achieved: y, exact: true };
      }
    }
    const options = [x.floor(), x.ceil()]
      .filter((n) => withinBounds(n, lower, upper))
      .map((n) => ({ value: n, achieved: tryEvaluate(at, n) }))
      .filter(
        (option): option is { value: Decimal; achieved: Decimal } =>
          option.achieved !== null &&
          (atLeast ? option.achieved.gte(target) : option.achieved.lte(target)),
      )
      .sort((a, b) => a.value.minus(x).abs().cmp(b.value.minus(x).abs()));
    const best = options[0];
    return best === undefined ? null : { ...best, exact: false };
  }
}
