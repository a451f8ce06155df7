import { readBudget } from "../_lib/budget.js";
import { type Decimal, noNegativeZero } from "../_lib/decimal.js";
import { TargetreeError } from "../_lib/errors.js";
import { readBoolean } from "../_lib/options.js";
import { own } from "../_lib/records.js";
import type { Numeric } from "../_lib/types.js";
import { shortName } from "../formula/internal.js";
import { internalsOf } from "../model/internal.js";
import type { InputName, Model, ModelInputs, NodeName, SomeInputsOf } from "../model/types.js";
import { modelView } from "./_lib/modelView.js";
import {
  checkRange,
  countOption,
  inputName,
  inputValues,
  nodeName,
  optionalNumber,
  readAnalysisOptions,
  requiredNumber,
  tighter,
  toleranceOption,
} from "./_lib/options.js";
import { DEFAULT_MAX_ITERATIONS, type SolveSuccess, solveInput } from "./_lib/solveInput.js";

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

/** Options of {@link solveFor}; typed by the model's names when they are known. */
export interface SolveForOptions<M extends Model = Model, Inputs = ModelInputs> {
  /** The node whose value must equal `target`. */
  readonly output: NodeName<M>;
  /** The value `output` must reach: `"1.2亿"`, `120000000`, … */
  readonly target: Numeric;
  /** The one input to change. Every other input keeps its value from `inputs`. */
  readonly vary: InputName<M>;
  /** Every input's value. `vary`'s own value may be left out; when given it is the starting point. */
  readonly inputs: Inputs;
  /** Narrows the search to values ≥ min (the model's own `min` still applies). */
  readonly min?: Numeric;
  /** Narrows the search to values ≤ max (the model's own `max` still applies). */
  readonly max?: Numeric;
  /**
   * Numeric search only: stop when |output − target| ≤ tolerance.
   * Default 1e-30 × max(1, |target|).
   */
  readonly tolerance?: Numeric;
  /** Numeric search only: most Brent iterations, 1 to 10,000. Default 500. */
  readonly maxIterations?: number;
  /**
   * Round the answer to a whole number that reaches the target. Default: the input's `wholeNumber`
   * declaration (counts of customers, visits).
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
 * The result of {@link solveFor}: the input value that reaches the target, and how it was found.
 */
export interface SolveForResult {
  /** The solved node's name (NFC-normalised). */
  readonly output: string;
  /** The varied input's name (NFC-normalised). */
  readonly vary: string;
  /** The target, exact. */
  readonly target: Decimal;
  /** The value of `vary` to use: the solution, rounded to a whole number for whole-number inputs. */
  readonly value: Decimal;
  /** The solution before rounding (equal to `value` when nothing was rounded). */
  readonly unrounded: Decimal;
  /** True when `value` was rounded to a whole number (so `achieved` passes the target a little). */
  readonly rounded: boolean;
  /** `vary`'s value in `inputs` (the actual value today), or null when it was not given. */
  readonly actual: Decimal | null;
  /** `value − actual`, or null when `actual` is null. */
  readonly change: Decimal | null;
  /** The output at `value` (every other input unchanged). */
  readonly achieved: Decimal;
  /** `achieved − target`: 0 on an exact algebraic answer, within `tolerance` on a numeric one (unless rounded). */
  readonly residual: Decimal;
  /** `"algebraic"`: inverted exactly; `"numeric"`: bracketed Brent search. */
  readonly method: "algebraic" | "numeric";
  /** Brent iterations (0 for the algebraic method). */
  readonly iterations: number;
  /** Model evaluations made. */
  readonly evaluations: number;
  /** Other exact solutions within the bounds (an even power or a quadratic has two). */
  readonly alternatives: readonly Decimal[];
  /** Why the answer is special (e.g. every value reaches the target), or null. */
  readonly reason: string | null;
}

/**
 * Goal seek: the value of one input that makes `output` equal `target`, every other input fixed.
 *
 * The method, in order of preference:
 * 1. **Algebraic, exact.** When `vary` occurs once in `output`'s formula (formula nodes expanded),
 *    the path from `output` down to it is undone step by step: `+ −` subtract the other terms,
 *    `× ÷` divide or multiply by the other factors (`vary` may be a numerator or a divisor),
 *    unary minus negates, `x ^ c` takes the real root (both roots for an even `c`; the one nearest
 *    the current value is returned, the other in `alternatives`), `c ^ x` takes a logarithm.
 *    When `vary` occurs several times but the output is a polynomial of degree 1 or 2 in it
 *    (`a·x + b·x`), the line or parabola is solved exactly too. The answer is exact whenever it is
 *    a decimal of at most 64 significant digits (58,200 is); a quotient such as 1/3 is correctly
 *    rounded at the 64th digit, and `residual` shows the tiny difference.
 * 2. **Numeric.** Otherwise (`min`, `max`, `round`, `if`, …) a bracket is searched outward from
 *    the current value (steps doubling from 1/64 of max(1, |current|) 200 times, then growing
 *    2^32-fold), all the way to the bounds, or without a bound to ±9e999 (the supported
 *    magnitude), and Brent's method closes it until |output − target| ≤ `tolerance`. A failure
 *    names the range really searched and the outputs seen there.
 *
 * Bounds are the input's declared `min`/`max`, narrowed by `options.min`/`max`. A target that no
 * value within them reaches (including one whose exact solution lies outside them) is
 * `NO_SOLUTION`, with the reason and, when known, the out-of-bounds solution in `details.outside`.
 *
 * Whole-number inputs are rounded toward the side that **reaches** the target: up when the target
 * is above the current output (the usual "how many customers do we need"), down when it is below;
 * `rounded` says so and `achieved` is the output at the rounded value.
 *
 * @param model - A model from {@link defineModel}.
 * @param options - `output`, `target`, `vary`, `inputs`, and optional `min`, `max`, `tolerance`,
 *   `maxIterations`, `wholeNumber`, `budget`. Error paths start at `["options", …]`.
 * @returns The answer with the method, the residual and the achieved output.
 * @throws {TargetreeError} `UNKNOWN_NODE` for an unknown `output` or `vary`; `INVALID_ARGUMENT`
 *   when `vary` is a formula node or an option is malformed; `UNKNOWN_OPTION` for an unknown option
 *   (naming the nearest known one); `INVALID_NUMBER` for a non-numeric
 *   target or input; `MISSING_INPUT`, `OUT_OF_BOUNDS`, `NOT_A_WHOLE_NUMBER` for the inputs;
 *   `NO_SOLUTION` when `output` does not depend on `vary` or no value within the bounds reaches
 *   the target; the formulas' own errors (`DIVISION_BY_ZERO`, …) when the other inputs make
 *   them undefined; `WORK_BUDGET_EXCEEDED` when the search needs more work than `budget`.
 *
 * @example
 * const model = defineModel({ revenue: "newCustomers * conversion * newAov + returningCustomers * repurchase * returningAov" });
 * const inputs = { newCustomers: 600, conversion: "25%", newAov: 8000, returningCustomers: 1500, repurchase: "40%", returningAov: 6000 };
 * const answer = solveFor(model, { output: "revenue", target: "1.2亿", vary: "newCustomers", inputs });
 * answer.value.toString() //=> "58200"
 * answer.method //=> "algebraic"
 * answer.residual.toString() //=> "0"
 */
export function solveFor<M extends Model, Inputs extends SomeInputsOf<M, Inputs>>(
  model: M,
  options: SolveForOptions<M, Inputs>,
): SolveForResult {
  internalsOf(model);
  const settings = readAnalysisOptions(options, OPTION_KEYS, "solveFor");
  const view = modelView(model, {
    budget: readBudget(settings, "solveFor"),
    path: ["options", "vary"],
    advice: ", or narrow the search with min and max",
  });
  const output = nodeName(model, own(settings, "output"), ["options", "output"]);
  const varyOption = own(settings, "vary");
  if (Array.isArray(varyOption)) {
    throw new TargetreeError(
      "INVALID_ARGUMENT",
      "solveFor varies one input; use solveMultiplier to scale several inputs by one factor.",
      { path: ["options", "vary"] },
    );
  }
  const vary = inputName(model, varyOption, ["options", "vary"]);
  const target = requiredNumber(own(settings, "target"), ["options", "target"]);
  const values = inputValues(
    model,
    own(settings, "inputs"),
    ["options", "inputs"],
    new Set([vary]),
  );
  const bounds = view.bounds(vary);
  const lower = tighter(
    bounds.min,
    optionalNumber(own(settings, "min"), ["options", "min"]),
    "lower",
  );
  const upper = tighter(
    bounds.max,
    optionalNumber(own(settings, "max"), ["options", "max"]),
    "upper",
  );
  checkRange(lower, upper);
  const tolerance = toleranceOption(settings);
  const outcome = solveInput(view, {
    output,
    vary,
    target,
    values,
    lower,
    upper,
    wholeNumber: readBoolean(settings, "wholeNumber", bounds.wholeNumber, ["options"]),
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
      `No value of ${shortName(vary)} makes ${shortName(output)} equal ${target.toString()}: ${outcome.reason}.`,
      {
        path: ["options", "vary"],
        details: { reason: outcome.reason, outside: outcome.outside?.toString() ?? null },
      },
    );
  }
  const actual = values.get(vary) ?? null;
  return result(output, vary, target, actual, outcome);
}

function result(
  output: string,
  vary: string,
  target: Decimal,
  actual: Decimal | null,
  outcome: SolveSuccess,
): SolveForResult {
  return {
    output,
    vary,
    target,
    value: noNegativeZero(outcome.value),
    unrounded: noNegativeZero(outcome.unrounded),
    rounded: outcome.rounded,
    actual,
    change: actual === null ? null : noNegativeZero(outcome.value.minus(actual)),
    achieved: outcome.achieved,
    residual: outcome.residual,
    method: outcome.method,
    iterations: outcome.iterations,
    evaluations: outcome.evaluations,
    alternatives: outcome.alternatives.map(noNegativeZero),
    reason: outcome.reason,
  };
}
