import { readBudget } from "../_lib/budget.js";
import { type Decimal, noNegativeZero } from "../_lib/decimal.js";
import type { Direction } from "../_lib/direction.js";
import { achievementRatio, DIRECTIONS, shortfall } from "../_lib/direction.js";
import { checkMagnitude } from "../_lib/magnitude.js";
import { readChoice } from "../_lib/options.js";
import { own } from "../_lib/records.js";
import type { Numeric } from "../_lib/types.js";
import { internalsOf } from "../model/internal.js";
import type { InputName, InputsOf, Model, ModelInputs, NodeName } from "../model/types.js";
import { inputsOf } from "./_lib/graph.js";
import { modelView } from "./_lib/modelView.js";
import {
  countOption,
  inputNames,
  inputValues,
  nodeName,
  readAnalysisOptions,
  requiredNumber,
  toleranceOption,
  toRecord,
} from "./_lib/options.js";
import { DEFAULT_MAX_ITERATIONS } from "./_lib/scalar.js";
import { solveFactor } from "./_lib/solveFactor.js";
import { solveInput } from "./_lib/solveInput.js";

const OPTION_KEYS = [
  "output",
  "target",
  "direction",
  "inputs",
  "vary",
  "singles",
  "tolerance",
  "maxIterations",
  "budget",
] as const;

/**
 * Options of {@link reconcile}: the stated target and inputs, and which ways of closing the gap to
 * try; typed by the model's names when they are known.
 */
export interface ReconcileOptions<M extends Model = Model, Inputs = ModelInputs> {
  /** The node the plan's target is set on. */
  readonly output: NodeName<M>;
  /** The stated target: `"1.2亿"`. */
  readonly target: Numeric;
  /**
   * Which way is better for the output: `"higher"` (default: revenue, profit) or `"lower"` (a cost
   * or expense ceiling). It sets the sign of `gap`, `achievement` and `met`, as in `gap()`.
   */
  readonly direction?: Direction;
  /** Every input's value as the plan states it. */
  readonly inputs: Inputs;
  /** Inputs scaled together by one common multiplier ("×25 on both customer counts"). Omit for none. */
  readonly vary?: readonly InputName<M>[];
  /** Inputs solved one at a time ("58,200 new customers if that driver alone moves"). Default: every input the output reads. */
  readonly singles?: readonly InputName<M>[];
  /** Numeric searches only: stop when |output − target| ≤ tolerance. Default 1e-30 × max(1, |target|). */
  readonly tolerance?: Numeric;
  /** Numeric searches only: most Brent iterations, 1 to 10,000. Default 500. */
  readonly maxIterations?: number;
  /**
   * Most work units the call may spend over all its model evaluations (default
   * `DEFAULT_WORK_BUDGET`, about a second); past it, `WORK_BUDGET_EXCEEDED` names what drives the
   * cost. Raise it to allow a dearer call.
   */
  readonly budget?: number;
}

/** One way to close the gap: move a single input, every other input as stated. */
export interface ReconcileSingle {
  /** The input moved. */
  readonly input: string;
  /** The input's value as the plan states it (its `inputs` value). */
  readonly actual: Decimal;
  /**
   * The value that reaches the target alone (whole-number inputs rounded up to reach it). When it
   * lies outside the input's bounds it is still given, with `feasible: false`. Null when no value does.
   */
  readonly required: Decimal | null;
  /** `required − actual`, or null. */
  readonly change: Decimal | null;
  /** `change / actual` (+9,600% for 600 → 58,200), or null when `actual` is 0 or there is no `required`. */
  readonly changeRate: Decimal | null;
  /** True when `required` exists and lies within the input's bounds. */
  readonly feasible: boolean;
  /**
   * Why it is not feasible (e.g. "the exact solution 24.25 is above the upper bound 1"), or, when it
   * is, why `changeRate` is null (the input is 0); null otherwise.
   */
  readonly reason: string | null;
  /**
   * How `required` was found: `"algebraic"` (exact) or `"numeric"` (Brent search); null when there
   * is no `required`.
   */
  readonly method: "algebraic" | "numeric" | null;
  /** True when `required` was rounded to a whole number. */
  readonly rounded: boolean;
}

/** The other way: one common factor on the inputs named in `vary`. */
export interface ReconcileMultiplier {
  /** The inputs scaled together (the `vary` option, NFC-normalised). */
  readonly inputs: readonly string[];
  /**
   * The factor (25 for ×25). When not feasible: the exact factor that lies outside the inputs'
   * bounds if there is one, else null.
   */
  readonly factor: Decimal | null;
  /** The scaled inputs' new values (unrounded when not feasible), or null when `factor` is null. */
  readonly values: Readonly<Record<string, Decimal>> | null;
  /** True when a factor within the inputs' declared bounds reaches the target. */
  readonly feasible: boolean;
  /** Why it is not feasible, or null. */
  readonly reason: string | null;
  /** How `factor` was found: `"algebraic"` or `"numeric"`; null when there is no `factor`. */
  readonly method: "algebraic" | "numeric" | null;
  /** True when scaled whole-number inputs were rounded; always false when not feasible. */
  readonly rounded: boolean;
}

/**
 * The result of {@link reconcile}: the value the stated inputs imply, the gap to the stated target,
 * and the ways to close it.
 */
export interface ReconcileResult {
  /** The audited node's name (NFC-normalised). */
  readonly output: string;
  /** The stated target, exact. */
  readonly target: Decimal;
  /** Which way is better, as given or defaulted (`"higher"`). */
  readonly direction: Direction;
  /** What the stated inputs really give. */
  readonly implied: Decimal;
  /**
   * The shortfall, positive when the inputs fall short of the target: `target − implied` when
   * higher is better, `implied − target` when lower is better.
   */
  readonly gap: Decimal;
  /**
   * `gap / |target|` (basis: the target's size, as in `gap()`), so a shortfall is positive even
   * for a negative target; null when the target is 0.
   */
  readonly gapRate: Decimal | null;
  /**
   * Achievement as `achievement()` computes it: `implied / target` when higher is better,
   * `target / implied` when lower is better, `1 + surplus / |denominator|` for a negative
   * denominator (so ≥ 1 still means met); null when the denominator is 0.
   */
  readonly achievement: Decimal | null;
  /** True when the implied value reaches the target in the better direction (`gap` ≤ 0). */
  readonly met: boolean;
  /** Why `gapRate` or `achievement` is null (a zero target, or a zero implied value), else null. */
  readonly reason: string | null;
  /** Each single input solved alone, in declaration order (or `singles` order). */
  readonly singles: readonly ReconcileSingle[];
  /** The common multiplier over `vary`, or null when `vary` is not given. */
  readonly multiplier: ReconcileMultiplier | null;
}

/**
 * The plan audit: do the stated inputs really give the stated target, and if not, what would close
 * the gap? Returns the implied value, the gap and its rate (basis: the target), each single input
 * solved alone (with its feasibility within the input's bounds: a conversion rate of 2,425% is
 * reported, but not feasible), and the common multiplier over the inputs named in `vary`.
 * Each single is solved as {@link solveFor} does, the multiplier as {@link solveMultiplier} does;
 * a way that cannot close the gap is reported with its reason instead of throwing.
 *
 * @param model - A model from {@link defineModel}.
 * @param options - `output`, `target`, `inputs`, and optional `direction`, `vary`, `singles`,
 *   `tolerance`, `maxIterations`. Error paths start at `["options", …]`.
 * @returns The implied value, the gap and the ways to close it.
 * @throws {TargetreeError} `UNKNOWN_NODE` for an unknown output or input name; `INVALID_ARGUMENT`
 *   for an empty or repeated list, a formula node in one, or a bad option; `UNKNOWN_OPTION` for an
 *   unknown option (naming the nearest known one); `INVALID_NUMBER` for a
 *   non-numeric target; `MISSING_INPUT`, `OUT_OF_BOUNDS`, `NOT_A_WHOLE_NUMBER` for the inputs;
 *   the formulas' own errors (`DIVISION_BY_ZERO`, …) when the stated inputs make them undefined.
 *   `WORK_BUDGET_EXCEEDED` when the call needs more work than `budget` (path: what drives it).
 *
 * @example
 * const inputs = { newCustomers: 600, conversion: "25%", newAov: 8000, returningCustomers: 1500, repurchase: "40%", returningAov: 6000 };
 * const audit = reconcile(revenueModel(), { output: "revenue", target: "1.2亿", inputs, vary: ["newCustomers", "returningCustomers"] });
 * audit.implied.toString() //=> "4800000"
 * audit.gap.toString() //=> "115200000"
 * audit.gapRate.toString() //=> "0.96"
 * audit.singles[0].required.toString() //=> "58200"
 * audit.singles[1].feasible //=> false
 * audit.multiplier.factor.toString() //=> "25"
 */
export function reconcile<M extends Model, Inputs extends InputsOf<M, Inputs>>(
  model: M,
  options: ReconcileOptions<M, Inputs>,
): ReconcileResult {
  internalsOf(model);
  const settings = readAnalysisOptions(options, OPTION_KEYS, "reconcile");
  const view = modelView(model, {
    budget: readBudget(settings, "reconcile"),
    path: ["options", "singles"],
    advice: ", or name fewer inputs in singles",
  });
  const output = nodeName(model, own(settings, "output"), ["options", "output"]);
  const target = requiredNumber(own(settings, "target"), ["options", "target"]);
  const direction = readChoice(settings, "direction", DIRECTIONS, "higher", ["options"]);
  const values = inputValues(model, own(settings, "inputs"), ["options", "inputs"]);
  const varyOption = own(settings, "vary");
  const vary = varyOption === undefined ? null : inputNames(model, varyOption, ["options", "vary"]);
  const singlesOption = own(settings, "singles");
  const singles =
    singlesOption === undefined
      ? inputsOf(view.graph, output)
      : inputNames(model, singlesOption, ["options", "singles"]);
  const tolerance = toleranceOption(settings);
  const maxIterations = countOption(
    own(settings, "maxIterations"),
    ["options", "maxIterations"],
    DEFAULT_MAX_ITERATIONS,
    10_000,
  );
  const implied = view.evaluateOutput(output, values);
  const gap = shortfall(implied, target, direction);

  const single = (input: string): ReconcileSingle => {
    const actual = values.get(input)!;
    const bounds = view.bounds(input);
    const outcome = solveInput(view, {
      output,
      vary: input,
      target,
      values,
      lower: bounds.min,
      upper: bounds.max,
      wholeNumber: bounds.wholeNumber,
      tolerance,
      maxIterations,
    });
    const found = outcome.ok ? outcome.value : outsideValue(outcome.outside, bounds.wholeNumber);
    const required = found === null ? null : noNegativeZero(found);
    const change = required === null ? null : noNegativeZero(required.minus(actual));
    return {
      input,
      actual,
      required,
      change,
      changeRate: change === null || actual.isZero() ? null : noNegativeZero(change.div(actual)),
      feasible: outcome.ok,
      reason: !outcome.ok
        ? outcome.reason
        : actual.isZero()
          ? "the input is 0 in inputs, so its change rate is undefined"
          : null,
      method: outcome.ok ? outcome.method : outcome.outside === null ? null : "algebraic",
      rounded: outcome.ok ? outcome.rounded : required !== null && !required.eq(outcome.outside!),
    };
  };

  let multiplier: ReconcileMultiplier | null = null;
  if (vary !== null) {
    const outcome = solveFactor(view, {
      output,
      vary,
      target,
      values,
      lower: null,
      upper: null,
      wholeNumber: true,
      tolerance,
      maxIterations,
    });
    multiplier = outcome.ok
      ? {
          inputs: vary,
          factor: noNegativeZero(outcome.factor),
          values: toRecord(
            [...outcome.scaled].map(([name, value]) => [name, noNegativeZero(value)]),
          ),
          feasible: true,
          reason: null,
          method: outcome.method,
          rounded: outcome.rounded,
        }
      : {
          inputs: vary,
          factor: outcome.outside === null ? null : noNegativeZero(outcome.outside),
          values:
            outcome.outside === null
              ? null
              : toRecord(
                  vary.map(
                    (name) =>
                      [name, noNegativeZero(values.get(name)!.times(outcome.outside!))] as const,
                  ),
                ),
          feasible: false,
          reason: outcome.reason,
          method: outcome.outside === null ? null : "algebraic",
          rounded: false,
        };
  }

  const gapRate = target.isZero()
    ? null
    : checkMagnitude(gap.div(target.abs()), ["options", "target"], "The gap rate");
  const achievement = achievementRatio(implied, target, direction, ["options", "target"]);
  return {
    output,
    target,
    direction,
    implied,
    gap,
    gapRate,
    achievement,
    met: gap.lte(0),
    reason: target.isZero()
      ? "The target is zero, so the gap rate (gap / |target|) and achievement are undefined."
      : achievement === null
        ? "The implied value is zero, so achievement for a lower-is-better output (target / implied) is undefined."
        : null,
    singles: singles.map(single),
    multiplier,
  };
}

/** An out-of-bounds exact solution, rounded up for whole-number inputs (it is only reported). */
function outsideValue(outside: Decimal | null, wholeNumber: boolean): Decimal | null {
  if (outside === null) return null;
  return wholeNumber ? outside.ceil() : outside;
}
