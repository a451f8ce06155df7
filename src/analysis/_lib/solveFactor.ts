// Goal seek on one common factor k applied to several inputs (each becomes k × its value).
import { Decimal, ONE } from "../../_lib/decimal.js";
import { nameList, shortName } from "../../formula/internal.js";
import { polynomialDegree } from "./degree.js";
import { occurrences } from "./graph.js";
import { solvePolynomial } from "./polynomial.js";
import {
  type ExactAnswer,
  failure,
  type ScalarFailure,
  solveScalar,
  tryEvaluate,
  withinBounds,
} from "./scalar.js";
import type { ModelView } from "./view.js";

export interface FactorRequest {
  readonly output: string;
  readonly vary: readonly string[];
  readonly target: Decimal;
  /** Every input's value (the varied ones are scaled). */
  readonly values: ReadonlyMap<string, Decimal>;
  /** Caller bounds on the factor itself (null = none). */
  readonly lower: Decimal | null;
  readonly upper: Decimal | null;
  /** Round scaled whole-number inputs so the output reaches the target. */
  readonly wholeNumber: boolean;
  readonly tolerance: Decimal | null;
  readonly maxIterations: number;
}

export interface FactorSuccess {
  readonly ok: true;
  readonly factor: Decimal;
  /** The varied inputs' new values, in `vary` order (whole-number inputs rounded when asked). */
  readonly scaled: ReadonlyMap<string, Decimal>;
  readonly rounded: boolean;
  readonly achieved: Decimal;
  readonly residual: Decimal;
  readonly method: "algebraic" | "numeric";
  /** The output's degree in the factor (1 = linear), or null when it is not a polynomial. */
  readonly degree: number | null;
  readonly iterations: number;
  readonly evaluations: number;
  readonly alternatives: readonly Decimal[];
  readonly reason: string | null;
}

export type FactorOutcome = FactorSuccess | ScalarFailure;

/** The factor range that keeps every scaled input within its declared bounds. */
function factorBounds(
  view: ModelView,
  request: FactorRequest,
): { lower: Decimal | null; upper: Decimal | null } {
  let lower = request.lower;
  let upper = request.upper;
  const raise = (bound: Decimal) => {
    lower = lower === null ? bound : Decimal.max(lower, bound);
  };
  const cap = (bound: Decimal) => {
    upper = upper === null ? bound : Decimal.min(upper, bound);
  };
  for (const name of request.vary) {
    const value = request.values.get(name)!;
    if (value.isZero()) continue;
    const { min, max } = view.bounds(name);
    if (value.isPositive()) {
      if (min !== null) raise(min.div(value));
      if (max !== null) cap(max.div(value));
    } else {
      if (max !== null) raise(max.div(value));
      if (min !== null) cap(min.div(value));
    }
  }
  return { lower, upper };
}

/** Solves output(k × each varied input) = target for k. */
export function solveFactor(view: ModelView, request: FactorRequest): FactorOutcome {
  const { output, vary, target } = request;
  let evaluations = 0;
  const scaledValues = (k: Decimal): Map<string, Decimal> => {
    const values = new Map(request.values);
    for (const name of vary) values.set(name, request.values.get(name)!.times(k));
    return values;
  };
  const at = (k: Decimal): Decimal => {
    evaluations++;
    return view.evaluateOutput(output, scaledValues(k));
  };
  const { lower, upper } = factorBounds(view, request);
  if (lower !== null && upper !== null && lower.gt(upper)) {
    return failure(
      "the inputs' bounds leave no common factor that keeps every one of them in range",
    );
  }
  const varied = new Set(vary);
  let degree: number | null = null;
  let exact: ExactAnswer;
  if (vary.every((name) => occurrences(view.graph, output, name) === 0)) {
    exact = {
      kind: "no-solution",
      reason: `${shortName(output)} does not depend on ${nameList(vary)}`,
    };
  } else if (vary.every((name) => request.values.get(name)!.isZero())) {
    exact = {
      kind: "no-solution",
      reason: `${nameList(vary, " and ")} ${vary.length > 1 ? "are all" : "is"} 0, so scaling changes nothing`,
    };
  } else {
    const constant = view.constantScope(output, request.values, varied);
    const found = polynomialDegree(view.graph, output, varied, constant);
    degree = Number.isFinite(found) ? found : null;
    if (found === 0) {
      exact = {
        kind: "no-solution",
        reason: `${shortName(output)} does not depend on ${nameList(vary)}`,
      };
    } else if (found === 1 || found === 2) {
      const solution = solvePolynomial(at, found, target);
      exact =
        solution.kind === "constant"
          ? { kind: "no-solution", reason: `${shortName(output)} does not change with the factor` }
          : solution;
    } else exact = { kind: "unknown" };
  }
  const solved = solveScalar(
    {
      at,
      target,
      lower,
      upper,
      current: ONE,
      tolerance: request.tolerance,
      maxIterations: request.maxIterations,
      outputName: output,
      xName: "the factor",
    },
    exact,
  );
  if (!solved.ok) return solved;
  let scaled = new Map(vary.map((name) => [name, request.values.get(name)!.times(solved.x)]));
  let achieved = at(solved.x);
  let rounded = false;
  const whole = vary.filter(
    (name) => view.bounds(name).wholeNumber && !scaled.get(name)!.isInteger(),
  );
  if (request.wholeNumber && whole.length > 0) {
    const currentOutput = tryEvaluate(at, ONE);
    const atLeast = currentOutput === null || target.gte(currentOutput);
    const attempt = (direction: "ceil" | "floor") => {
      const values = new Map(scaled);
      for (const name of whole) values.set(name, values.get(name)![direction]());
      if (
        !vary.every((name) =>
          withinBounds(values.get(name)!, view.bounds(name).min, view.bounds(name).max),
        )
      ) {
        return null;
      }
      const all = new Map(request.values);
      for (const [name, value] of values) all.set(name, value);
      evaluations++;
      const y = tryEvaluate((_) => view.evaluateOutput(output, all), ONE);
      if (y === null || !(atLeast ? y.gte(target) : y.lte(target))) return null;
      return { values, achieved: y };
    };
    const best = atLeast
      ? (attempt("ceil") ?? attempt("floor"))
      : (attempt("floor") ?? attempt("ceil"));
    if (best === null) {
      return failure(
        `the factor ${solved.x.toString()} gives ${nameList(whole)} a fraction, and rounding them to whole numbers does not reach the target`,
      );
    }
    scaled = best.values;
    achieved = best.achieved;
    rounded = true;
  }
  return {
    ok: true,
    factor: solved.x,
    scaled,
    rounded,
    achieved,
    residual: achieved.minus(target),
    method: solved.method,
    degree,
    iterations: solved.iterations,
    evaluations,
    alternatives: solved.alternatives,
    reason: solved.reason,
  };
}
