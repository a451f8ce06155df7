import { readBudget } from "../_lib/budget.js";
import { type Decimal, noNegativeZero } from "../_lib/decimal.js";
import { TargetreeError } from "../_lib/errors.js";
import { readBoolean } from "../_lib/options.js";
import { own } from "../_lib/records.js";
import type { Numeric } from "../_lib/types.js";
import { nameList, shortName } from "../formula/internal.js";
import { internalsOf } from "../model/internal.js";
import type { InputName, InputsOf, Model, ModelInputs, NodeName } from "../model/types.js";
import { modelView } from "./_lib/modelView.js";
import {
  checkRange,
  countOption,
  inputNames,
  inputValues,
  nodeName,
  optionalNumber,
  readAnalysisOptions,
  requiredNumber,
  toleranceOption,
  toRecord,
} from "./_lib/options.js";
import { DEFAULT_MAX_ITERATIONS } from "./_lib/scalar.js";
import { solveFactor } from "./_lib/solveFactor.js";

const OPTION_KEYS = [
  "output",
  "target",
  "vary",
  "inputs",
  "min",
  "max",
  "tolerance",
  "maxIterations",
  "wholeNumber",
  "budget",
] as const;

/** Options of {@link solveMultiplier}; typed by the model's names when they are known. */
export interface SolveMultiplierOptions<M extends Model = Model, Inputs = ModelInputs> {
  /** The node whose value must equal `target`. */
  readonly output: NodeName<M>;
  /** The value `output` must reach. */
  readonly target: Numeric;
  /** The inputs scaled together by one common factor (at least one). */
  readonly vary: readonly InputName<M>[];
  /** Every input's value. */
  readonly inputs: Inputs;
  /** Smallest factor to consider (the inputs' own bounds also limit it). */
  readonly min?: Numeric;
  /** Largest factor to consider (the inputs' own bounds also limit it). */
  readonly max?: Numeric;
  /** Numeric search only: stop when |output − target| ≤ tolerance. Default 1e-30 × max(1, |target|). */
  readonly tolerance?: Numeric;
  /** Numeric search only: most Brent iterations, 1 to 10,000. Default 500. */
  readonly maxIterations?: number;
  /**
   * Round scaled whole-number inputs (declared `wholeNumber`) so the output reaches the target: up
   * when the target is above the output at the given inputs, down when below. Default `true`.
   */
  readonly wholeNumber?: boolean;
  /**
   * Most work units the call may spend over all its model evaluations (default
   * `DEFAULT_WORK_BUDGET`, about a second); past it, `WORK_BUDGET_EXCEEDED` names what drives the
   * cost. Raise it to allow a dearer call.
   */
  readonly budget?: number;
}

/**
 * The result of {@link solveMultiplier}: the common factor, the scaled inputs, and how the factor
 * was found.
 */
export interface SolveMultiplierResult {
  /** The solved node's name (NFC-normalised). */
  readonly output: string;
  /** The scaled inputs' names, in the caller's order (NFC-normalised). */
  readonly vary: readonly string[];
  /** The target, exact. */
  readonly target: Decimal;
  /** The common factor k (×25 is 25). */
  readonly factor: Decimal;
  /** Each varied input's new value (k × actual, rounded for whole-number inputs), by name. */
  readonly values: Readonly<Record<string, Decimal>>;
  /** Each varied input's value in `inputs` (the actual value today), by name. */
  readonly actual: Readonly<Record<string, Decimal>>;
  /** True when some new value was rounded to a whole number. */
  readonly rounded: boolean;
  /** The output with the new values. */
  readonly achieved: Decimal;
  /** `achieved − target`. */
  readonly residual: Decimal;
  /** `"algebraic"` when the output is linear or quadratic in k (solved exactly), else `"numeric"`. */
  readonly method: "algebraic" | "numeric";
  /** The output's degree as a polynomial in k (1 = linear), or null when it is not a polynomial. */
  readonly degree: number | null;
  /** Brent iterations (0 for the algebraic method). */
  readonly iterations: number;
  /** Model evaluations made. */
  readonly evaluations: number;
  /** Other exact factors within the bounds (a quadratic can have two). */
  readonly alternatives: readonly Decimal[];
  /** Why the answer is special (e.g. every factor reaches the target), or null. */
  readonly reason: string | null;
}

/**
 * Goal seek on one common factor: the k such that multiplying every input in `vary` by k makes
 * `output` equal `target` ("×25 on both customer counts").
 *
 * The output's degree in k is found from the formulas: when it is 1 (each term carries k once, as
 * in `k·a·b + k·c·d`), k = (target − f(0)) / (f(1) − f(0)) exactly; when it is 2, the real roots
 * of the parabola through f(−1), f(0), f(1) (the one nearest 1 is returned); otherwise a bracketed
 * Brent search from k = 1, as in {@link solveFor}. The factor range is limited so every scaled input
 * stays within its declared bounds, and by `options.min`/`max`.
 *
 * @param model - A model from {@link defineModel}.
 * @param options - `output`, `target`, `vary` (input names), `inputs`, and optional `min`, `max`,
 *   `tolerance`, `maxIterations`, `wholeNumber`. Error paths start at `["options", …]`.
 * @returns The factor, the new input values, the achieved output and the method.
 * @throws {TargetreeError} `UNKNOWN_NODE` for an unknown output or varied input; `INVALID_ARGUMENT`
 *   for an empty or repeated `vary` list, a formula node in it, or a malformed option;
 *   `UNKNOWN_OPTION` for an unknown option (naming the nearest known one);
 *   `INVALID_NUMBER` for a non-numeric target; `MISSING_INPUT`, `OUT_OF_BOUNDS`,
 *   `NOT_A_WHOLE_NUMBER` for the inputs; `NO_SOLUTION` when the output does not depend on the
 *   varied inputs, they are all 0, or no factor within the bounds reaches the target; the
 *   formulas' own errors (`DIVISION_BY_ZERO`, …) when the other inputs make them undefined.
 *   `WORK_BUDGET_EXCEEDED` when the call needs more work than `budget` (path: what drives it).
 *
 * @example
 * const model = defineModel({ revenue: "newCustomers * conversion * newAov + returningCustomers * repurchase * returningAov" });
 * const inputs = { newCustomers: 600, conversion: "25%", newAov: 8000, returningCustomers: 1500, repurchase: "40%", returningAov: 6000 };
 * const answer = solveMultiplier(model, { output: "revenue", target: "1.2亿", vary: ["newCustomers", "returningCustomers"], inputs });
 * answer.factor.toString() //=> "25"
 * answer.values.newCustomers.toString() //=> "15000"
 * answer.values.returningCustomers.toString() //=> "37500"
 */
export function solveMultiplier<M extends Model, Inputs extends InputsOf<M, Inputs>>(
  model: M,
  options: SolveMultiplierOptions<M, Inputs>,
): SolveMultiplierResult {
  internalsOf(model);
  const settings = readAnalysisOptions(options, OPTION_KEYS, "solveMultiplier");
  const view = modelView(model, {
    budget: readBudget(settings, "solveMultiplier"),
    path: ["options", "vary"],
    advice: ", or narrow the search with min and max",
  });
  const output = nodeName(model, own(settings, "output"), ["options", "output"]);
  const vary = inputNames(model, own(settings, "vary"), ["options", "vary"]);
  const target = requiredNumber(own(settings, "target"), ["options", "target"]);
  const values = inputValues(model, own(settings, "inputs"), ["options", "inputs"]);
  const lower = optionalNumber(own(settings, "min"), ["options", "min"]);
  const upper = optionalNumber(own(settings, "max"), ["options", "max"]);
  checkRange(lower, upper);
  const tolerance = toleranceOption(settings);
  const outcome = solveFactor(view, {
    output,
    vary,
    target,
    values,
    lower,
    upper,
    wholeNumber: readBoolean(settings, "wholeNumber", true, ["options"]),
    tolerance,
    maxIterations: countOption(
      own(settings, "maxIterations"),
      ["options", "maxIterations"],
      DEFAULT_MAX_ITERATIONS,
      10_000,
    ),
  });
  if (!outcome.ok) {
    throw new TargetreeError(
      "NO_SOLUTION",
      `No common factor on ${nameList(vary)} makes ${shortName(output)} equal ${target.toString()}: ${outcome.reason}.`,
      {
        path: ["options", "vary"],
        details: { reason: outcome.reason, outside: outcome.outside?.toString() ?? null },
      },
    );
  }
  return {
    output,
    vary,
    target,
    factor: noNegativeZero(outcome.factor),
    values: toRecord([...outcome.scaled].map(([name, value]) => [name, noNegativeZero(value)])),
    actual: toRecord(vary.map((name) => [name, values.get(name)!] as const)),
    rounded: outcome.rounded,
    achieved: outcome.achieved,
    residual: outcome.residual,
    method: outcome.method,
    degree: outcome.degree,
    iterations: outcome.iterations,
    evaluations: outcome.evaluations,
    alternatives: outcome.alternatives.map(noNegativeZero),
    reason: outcome.reason,
  };
}
