import { countText, readBudget, requireWork } from "../_lib/budget.js";
import { Decimal, noNegativeZero, ONE, PRECISION } from "../_lib/decimal.js";
import { TargetreeError } from "../_lib/errors.js";
import { readChoice } from "../_lib/options.js";
import { own } from "../_lib/records.js";
import type { Numeric } from "../_lib/types.js";
import { quote } from "../formula/internal.js";
import { internalsOf } from "../model/internal.js";
import type { InputName, InputsOf, Model, ModelInputs, NodeName } from "../model/types.js";
import { inputsOf } from "./_lib/graph.js";
import { modelView } from "./_lib/modelView.js";
import {
  inputNames,
  inputValues,
  nodeName,
  optionalNumber,
  readAnalysisOptions,
} from "./_lib/options.js";
import { withinBounds } from "./_lib/scalar.js";

/** How `step` moves an input: by a share of its value (`"relative"`) or by an amount (`"absolute"`). */
export type SensitivityStepKind = "relative" | "absolute";

const OPTION_KEYS = ["output", "inputs", "step", "stepKind", "vary", "budget"] as const;

/** Options of {@link sensitivity}; typed by the model's names when they are known. */
export interface SensitivityOptions<M extends Model = Model, Inputs = ModelInputs> {
  /** The node whose response is measured. */
  readonly output: NodeName<M>;
  /** Every input's value: the point the steps start from. */
  readonly inputs: Inputs;
  /** The step: a share of each input's value (default `"1%"` = 0.01), or an amount when `stepKind` is `"absolute"`. */
  readonly step?: Numeric;
  /** Default `"relative"`. */
  readonly stepKind?: SensitivityStepKind;
  /** The inputs to step, one at a time. Default: every input `output` reads, in declaration order. */
  readonly vary?: readonly InputName<M>[];
  /**
   * Most work units the call may spend over all its model evaluations (default
   * `DEFAULT_WORK_BUDGET`, about a second); past it, `WORK_BUDGET_EXCEEDED` names what drives the
   * cost. Raise it to allow a dearer call.
   */
  readonly budget?: number;
}

/** One input's row in the `entries` of a {@link SensitivityResult}. */
export interface SensitivityEntry {
  /** The stepped input's name. */
  readonly input: string;
  /** The input's value in `inputs`. */
  readonly value: Decimal;
  /** The input's value after the step up (value × (1 + step), or value + step). */
  readonly stepped: Decimal;
  /** The output after the step up. */
  readonly output: Decimal;
  /** Output change for the step up: the tornado bar's right side. */
  readonly change: Decimal;
  /** Output change for the same step down (value × (1 − step), or value − step): the left side. */
  readonly changeDown: Decimal;
  /** `change / base output`, or null when the base output is 0. */
  readonly changeRate: Decimal | null;
  /**
   * Arc elasticity for the step up: (Δoutput / output) ÷ (Δinput / input). Null when the base
   * output or the input is 0 (a relative change is undefined), with the reason in `reason`.
   */
  readonly elasticity: Decimal | null;
  /**
   * False when a stepped value leaves the input's declared bounds, or is not whole for a
   * whole-number input (the model is still evaluated there).
   */
  readonly withinBounds: boolean;
  /** Why a figure is null or zero, e.g. "the input is 0, so a relative step does not move it". */
  readonly reason: string | null;
}

/** The result of {@link sensitivity}: the base output and a tornado table of entries. */
export interface SensitivityResult {
  /** The measured node's name (NFC-normalised). */
  readonly output: string;
  /** The output at `inputs`. */
  readonly base: Decimal;
  /** The step used: the given `step`, or 0.01 by default. */
  readonly step: Decimal;
  /** How the step was applied, as given or defaulted (`"relative"`). */
  readonly stepKind: SensitivityStepKind;
  /** One entry per input, largest |change| first (ties in declaration order): a tornado table. */
  readonly entries: readonly SensitivityEntry[];
}

/**
 * Sensitivity (what-if) of an output to each input, one input at a time: the output change for a
 * step up and down (default ±1% of the input's value), the rate of change and the elasticity, sorted
 * by impact: the rows of a tornado chart.
 *
 * An input at 0 does not move under a relative step, so its change is 0 and its elasticity null
 * (the entry's `reason` says why); use `stepKind: "absolute"` to move it by an amount. Stepped values
 * are not checked against bounds (a 1% step can take a 100% rate to 101%); `withinBounds` flags it.
 *
 * @param model - A model from {@link defineModel}.
 * @param options - `output`, `inputs`, and optional `step`, `stepKind`, `vary`. Error paths start
 *   at `["options", …]`.
 * @returns The base output and one entry per input, largest impact first.
 * @throws {TargetreeError} `UNKNOWN_NODE` for an unknown output or input; `INVALID_ARGUMENT` for a
 *   bad option (a zero or non-numeric step, an unknown `stepKind`, an empty `vary`);
 *   `UNKNOWN_OPTION` for an unknown option (naming the nearest known one);
 *   `MISSING_INPUT`, `OUT_OF_BOUNDS`, `NOT_A_WHOLE_NUMBER`, `INVALID_NUMBER` for the inputs; the
 *   formulas' own errors (`DIVISION_BY_ZERO`, …) when a stepped value makes them undefined.
 *   `WORK_BUDGET_EXCEEDED` when the call needs more work than `budget` (path: what drives it).
 *
 * @example
 * const model = defineModel({ revenue: "newCustomers * conversion * newAov + returningCustomers * repurchase * returningAov" });
 * const inputs = { newCustomers: 600, conversion: "25%", newAov: 8000, returningCustomers: 1500, repurchase: "40%", returningAov: 6000 };
 * const { entries } = sensitivity(model, { output: "revenue", inputs });
 * entries[0].input //=> "returningCustomers"
 * entries[0].change.toString() //=> "36000"
 * entries[0].elasticity.toString() //=> "0.75"
 */
export function sensitivity<M extends Model, Inputs extends InputsOf<M, Inputs>>(
  model: M,
  options: SensitivityOptions<M, Inputs>,
): SensitivityResult {
  internalsOf(model);
  const settings = readAnalysisOptions(options, OPTION_KEYS, "sensitivity");
  const view = modelView(model, {
    budget: readBudget(settings, "sensitivity"),
    path: ["options", "vary"],
    advice: ", or step fewer inputs with vary",
  });
  const output = nodeName(model, own(settings, "output"), ["options", "output"]);
  const values = inputValues(model, own(settings, "inputs"), ["options", "inputs"]);
  const stepKind = readChoice<SensitivityStepKind>(
    settings,
    "stepKind",
    ["relative", "absolute"],
    "relative",
    ["options"],
  );
  const stepOption = optionalNumber(own(settings, "step"), ["options", "step"]);
  const step = stepOption ?? new Decimal("0.01");
  if (step.isZero()) {
    throw new TargetreeError("INVALID_ARGUMENT", "step must not be 0.", {
      path: ["options", "step"],
    });
  }
  const varyOption = own(settings, "vary");
  const vary =
    varyOption === undefined
      ? inputsOf(view.graph, output)
      : inputNames(model, varyOption, ["options", "vary"]);
  const evaluations = 1 + 2 * vary.length;
  requireWork(view.budget, evaluations * view.costOf(output), () =>
    view.driverOf(
      output,
      `sensitivity over ${countText(vary.length)} inputs needs ${countText(evaluations)} evaluations of ${quote(output)}`,
    ),
  );
  const base = view.evaluateOutput(output, values);
  const entries = vary.map((input): SensitivityEntry => {
    const value = values.get(input)!;
    const moved = (sign: 1 | -1): Decimal =>
      stepKind === "relative"
        ? value.times(sign === 1 ? ONE.plus(step) : ONE.minus(step))
        : sign === 1
          ? value.plus(step)
          : value.minus(step);
    const outputAt = (x: Decimal): Decimal => {
      const stepped = new Map(values);
      stepped.set(input, x);
      return view.evaluateOutput(output, stepped);
    };
    const up = moved(1);
    const down = moved(-1);
    const outputUp = outputAt(up);
    const change = outputUp.minus(base);
    const changeDown = outputAt(down).minus(base);
    const changeRate = base.isZero() ? null : noNegativeZero(change.div(base));
    // A step too small to move the input at 64 digits leaves no rate to divide by.
    const stepped = up.minus(value);
    const inputRate = value.isZero() || stepped.isZero() ? null : stepped.div(value);
    let reason: string | null = null;
    if (value.isZero() && stepKind === "relative") {
      reason = 'the input is 0, so a relative step does not move it; use stepKind "absolute"';
    } else if (value.isZero())
      reason = "the input is 0, so its relative change (and elasticity) is undefined";
    else if (stepped.isZero())
      reason = `the step does not move the input at ${PRECISION} significant digits, so the elasticity is undefined; use a larger step`;
    else if (base.isZero())
      reason = "the output is 0, so its relative change (and elasticity) is undefined";
    const { min, max, wholeNumber } = view.bounds(input);
    return {
      input,
      value,
      stepped: up,
      output: outputUp,
      change: noNegativeZero(change),
      changeDown: noNegativeZero(changeDown),
      changeRate,
      elasticity:
        changeRate === null || inputRate === null
          ? null
          : noNegativeZero(changeRate.div(inputRate)),
      withinBounds:
        withinBounds(up, min, max) &&
        withinBounds(down, min, max) &&
        (!wholeNumber || (up.isInteger() && down.isInteger())),
      reason,
    };
  });
  // Entries are in vary order and the sort is stable, so ties keep that order.
  entries.sort((a, b) => b.change.abs().cmp(a.change.abs()));
  return { output, base, step, stepKind, entries };
}
