import { countText, readBudget, requireWork, spend } from "../_lib/budget.js";
import { type Decimal, noNegativeZero, PRECISION, ZERO } from "../_lib/decimal.js";
import { excerpt, TargetreeError } from "../_lib/errors.js";
import { exactMinus, formatRational, type Rational, reduce } from "../_lib/exact/index.js";
import { readChoice } from "../_lib/options.js";
import { own } from "../_lib/records.js";
import { nameList, quote } from "../formula/internal.js";
import { internalsOf } from "../model/internal.js";
import type { InputName, InputsOf, Model, ModelInputs, NodeName } from "../model/types.js";
import { apportionRationals } from "./_lib/apportion.js";
import { chainSubstitution } from "./_lib/chain.js";
import { inputsOf } from "./_lib/graph.js";
import { closeEffects, lmdiEffects } from "./_lib/lmdi.js";
import { modelView } from "./_lib/modelView.js";
import {
  countOption,
  inputNames,
  inputValues,
  nodeName,
  readAnalysisOptions,
  toRecord,
} from "./_lib/options.js";
import { notRationalReason, rationalEvaluator, rationalOf } from "./_lib/rationalOutput.js";
import { exactShapley, rationalShapley } from "./_lib/shapley.js";
import { type ProductTerm, productTerms } from "./_lib/terms.js";
import type { ModelView } from "./_lib/view.js";

/** Attribution methods: sequential substitution, Shapley (all orders), log-mean Divisia. */
export type AttributionMethod = "chain" | "shapley" | "lmdi";

/**
 * Most changed inputs exact Shapley attribution takes by default: it evaluates the model 2^n times
 * (12 inputs: 4,096 evaluations, about 0.1 s for a small model). Raise it per call with
 * `maxShapleyInputs` (up to 16: 65,536 evaluations, about a second).
 *
 * @example
 * MAX_SHAPLEY_INPUTS //=> 12
 */
export const MAX_SHAPLEY_INPUTS = 12;

const OPTION_KEYS = [
  "output",
  "base",
  "actual",
  "method",
  "order",
  "maxShapleyInputs",
  "budget",
] as const;

/**
 * Options of {@link attribute}: which output, the two sets of inputs, and the method; typed by the
 * model's names when they are known.
 */
export interface AttributeOptions<
  M extends Model = Model,
  Base = ModelInputs,
  Actual = ModelInputs,
> {
  /** The node whose change is explained. */
  readonly output: NodeName<M>;
  /** Every input's value in the base (plan, last year). */
  readonly base: Base;
  /** Every input's value in the actual (result, this year). */
  readonly actual: Actual;
  /** Default `"chain"` (连环替代法). */
  readonly method?: AttributionMethod;
  /**
   * The substitution order for `"chain"` (the result depends on it), and the listing order for every
   * method. Inputs left out follow in declaration order. Default: declaration order.
   */
  readonly order?: readonly InputName<M>[];
  /** Raise the Shapley input limit ({@link MAX_SHAPLEY_INPUTS}), up to 16. */
  readonly maxShapleyInputs?: number;
  /**
   * Most work units the call may spend over all its model evaluations (default
   * `DEFAULT_WORK_BUDGET`, about a second); past it, `WORK_BUDGET_EXCEEDED` names what drives the
   * cost. Raise it to allow a dearer call.
   */
  readonly budget?: number;
}

/** One input's row in the `contributions` of an {@link AttributeResult}. */
export interface AttributionEntry {
  /** The input's name. */
  readonly input: string;
  /** The input's value in `base`. */
  readonly base: Decimal;
  /** The input's value in `actual`. */
  readonly actual: Decimal;
  /** How much of the output's change this input explains. The contributions sum exactly to `change`. */
  readonly contribution: Decimal;
  /** `contribution / change`, or null when the change is 0 (the result's `reason` says so). */
  readonly share: Decimal | null;
  /**
   * Shapley only: the exact value as a reduced fraction (`"1280/3"`, `"5/6"`), the model evaluated
   * in rationals with no rounding at all. Null for the other methods, and for Shapley where the
   * output is not a rational function of its inputs (a square root, a power whose exponent is not a
   * whole-number literal) or its fractions grow past about 4,900 digits; the result's `reason`
   * then says why.
   */
  readonly exact: string | null;
}

/** One row of the chain substitution table (连环替代表). */
export interface ChainStep {
  /** 0 for the base row, then 1, 2, … */
  readonly step: number;
  /** The input switched from base to actual at this step; null on the base row. */
  readonly input: string | null;
  /** Every attributed input's value at this step (actual values for the inputs switched so far). */
  readonly values: Readonly<Record<string, Decimal>>;
  /** The output at this step. */
  readonly output: Decimal;
  /** Output minus the previous row's output: the switched input's contribution (0 on the base row). */
  readonly change: Decimal;
}

/** The result of {@link attribute}: the output's change and each input's share of it. */
export interface AttributeResult {
  /** The method used, as given or defaulted (`"chain"`). */
  readonly method: AttributionMethod;
  /** The explained node's name (NFC-normalised). */
  readonly output: string;
  /** The output at the base inputs. */
  readonly base: Decimal;
  /** The output at the actual inputs. */
  readonly actual: Decimal;
  /** `actual − base`, exactly. */
  readonly change: Decimal;
  /** One entry per input the output reads, in `order`. */
  readonly contributions: readonly AttributionEntry[];
  /** The listing (and, for chain, substitution) order. */
  readonly order: readonly string[];
  /** Chain only: the substitution table, base row first. Empty for the other methods. */
  readonly steps: readonly ChainStep[];
  /**
   * What was adjusted so the contributions sum exactly to `change`: 0 for chain; for Shapley the
   * rounding residual of the exact fractions (handed out by largest remainder, at most a few units
   * of the 64th significant digit); for LMDI the error of the logarithms, `change` minus the sum of
   * the unrounded effects (spread over them in proportion to their size, then rounded by largest
   * remainder).
   */
  readonly residual: Decimal;
  /** Model evaluations made. */
  readonly evaluations: number;
  /**
   * Why some fields are null, else null: the shares (the output did not change) and Shapley's
   * `exact` fractions (the output is not a rational function of its inputs); both joined by "; ".
   */
  readonly reason: string | null;
}

/**
 * Explains the change of `output` from `base` inputs to `actual` inputs, input by input (因素分析法).
 *
 * - `"chain"` (连环替代法, sequential substitution): switch the inputs from base to actual one at
 *   a time in `order`; each input's contribution is the change its switch causes. The
 *   substitution table is in `steps`. The result depends on the order, so the order is explicit.
 *   For a pure product it equals the difference method (差额分析法): (A₁−A₀)·B₀·C₀, A₁·(B₁−B₀)·C₀, ….
 * - `"shapley"`: the average of the chain contributions over all orders, computed exactly over the
 *   2^n subsets of the changed inputs (weights |S|!(n−|S|−1)!/n!) in rational arithmetic. The
 *   Decimal contributions are the Shapley values of the model's (64-digit) outputs, rounded to 64
 *   significant digits, the few units of rounding handed out by largest remainder (ties to the
 *   earlier input), so they sum exactly to the change. `exact` gives each value as a fraction
 *   computed with no rounding at all (the model evaluated once more, in rationals), where the
 *   output is rational in its inputs (+ − × ÷, whole powers, min, max, abs, if, round): for
 *   `(a*b + c)/3` it is `"5/6"`, not a 64-digit decimal; otherwise null, with the reason. Unchanged inputs get 0 and do not count
 *   towards the limit ({@link MAX_SHAPLEY_INPUTS} changed inputs; `TOO_MANY_INPUTS` above it).
 * - `"lmdi"` (additive LMDI-I, log-mean Divisia, term by term as in Ang's guides): the output is
 *   written as a sum of product terms Vₖ = cₖ·Π xᵢ^eᵢₖ (formula nodes expanded, products of sums
 *   multiplied out, like terms merged: the revenue model is two terms), and input i explains
 *   Σₖ L(Vₖ₁, Vₖ₀)·eᵢₖ·ln(xᵢ₁/xᵢ₀) with L(a, b) = (a − b)/(ln a − ln b) (and L(a, a) = a; an
 *   unchanged input explains 0). For a pure product this is the single-product LMDI-I. Every factor
 *   of a term must be positive in base and actual. The logarithms are rounded, so the contributions
 *   are rounded 4 digits short of the precision, what they miss (`residual`) handed out by largest
 *   remainder.
 *
 * Every method's contributions sum exactly to `change`.
 *
 * @param model - A model from {@link defineModel}.
 * @param options - `output`, `base`, `actual`, and optional `method`, `order`, `maxShapleyInputs`.
 *   Error paths start at `["options", …]`.
 * @returns The change, each input's contribution and (for chain) the substitution table.
 * @throws {TargetreeError} `UNKNOWN_NODE` for an unknown output or input name; `INVALID_ARGUMENT`
 *   for an unknown method, a bad `order` (repeated names, an input the output does not read);
 *   `UNKNOWN_OPTION` for an unknown option (naming the nearest known one);
 *   `MISSING_INPUT`, `INVALID_NUMBER`, `OUT_OF_BOUNDS`, `NOT_A_WHOLE_NUMBER` for `base`/`actual`;
 *   `TOO_MANY_INPUTS` for Shapley over more changed inputs than the limit;
 *   `METHOD_NOT_APPLICABLE` for LMDI when the output is not a sum of products (a function, a
 *   division by a sum…) or a factor of a term is not positive;
 *   the formulas' own errors (`DIVISION_BY_ZERO`, …) when a mix of base and actual values makes
 *   them undefined.
 *   `WORK_BUDGET_EXCEEDED` when the call needs more work than `budget` (path: what drives it).
 *
 * @example
 * const model = defineModel({ materialCost: "output * usage * price" });
 * const base = { output: 130, usage: 10, price: 4 };
 * const actual = { output: 140, usage: 9, price: 5 };
 * const amounts = (method, order) => attribute(model, { output: "materialCost", base, actual, method, order }).contributions.map((c) => c.contribution.toFixed(2));
 * amounts("chain") //=> ["400.00", "-560.00", "1260.00"]
 * amounts("chain", ["output", "price", "usage"]) //=> ["400.00", "1400.00", "-700.00"]
 * amounts("shapley") //=> ["426.67", "-608.33", "1281.67"]
 * amounts("lmdi") //=> ["424.82", "-603.97", "1279.15"]
 * attribute(model, { output: "materialCost", base, actual, method: "shapley" }).contributions[0].exact //=> "1280/3"
 * const revenue = { newCustomers: 600, conversion: "25%", newAov: 8000, returningCustomers: 1500, repurchase: "40%", returningAov: 6000 };
 * const lmdi = attribute(revenueModel(), { output: "revenue", base: revenue, actual: { ...revenue, newCustomers: 660, repurchase: "42%" }, method: "lmdi" });
 * lmdi.contributions.map((c) => c.contribution.toFixed(2)) //=> ["120000.00", "0.00", "0.00", "0.00", "180000.00", "0.00"]
 */
export function attribute<
  M extends Model,
  Base extends InputsOf<M, Base>,
  Actual extends InputsOf<M, Actual>,
>(model: M, options: AttributeOptions<M, Base, Actual>): AttributeResult {
  internalsOf(model);
  const settings = readAnalysisOptions(options, OPTION_KEYS, "attribute");
  const view = modelView(model, {
    budget: readBudget(settings, "attribute"),
    path: ["options", "method"],
  });
  const output = nodeName(model, own(settings, "output"), ["options", "output"]);
  const method = readChoice<AttributionMethod>(
    settings,
    "method",
    ["chain", "shapley", "lmdi"],
    "chain",
    ["options"],
  );
  const base = inputValues(model, own(settings, "base"), ["options", "base"]);
  const actual = inputValues(model, own(settings, "actual"), ["options", "actual"]);
  const read = inputsOf(view.graph, output);
  const order = orderOf(model, own(settings, "order"), read);
  const maxShapley = countOption(
    own(settings, "maxShapleyInputs"),
    ["options", "maxShapleyInputs"],
    MAX_SHAPLEY_INPUTS,
    16,
  );
  const reasonFor = (change: Decimal): string | null =>
    change.isZero() ? "the output did not change, so its shares are undefined" : null;
  let evaluations = 0;
  const evaluate = (values: ReadonlyMap<string, Decimal>): Decimal => {
    evaluations++;
    return view.evaluateOutput(output, values);
  };
  const entries = (
    contributions: readonly Decimal[],
    change: Decimal,
    exact?: readonly (string | null)[],
  ) =>
    order.map(
      (input, index): AttributionEntry => ({
        input,
        base: base.get(input)!,
        actual: actual.get(input)!,
        contribution: contributions[index]!,
        share: change.isZero() ? null : noNegativeZero(contributions[index]!.div(change)),
        exact: exact?.[index] ?? null,
      }),
    );
  // Base values everywhere, except the attributed inputs switch; inputs the output does not read stay at base.
  const actualMixed = new Map(base);
  for (const input of order) actualMixed.set(input, actual.get(input)!);

  /** Refuses, before any work, `evaluations` (times `passes`) the budget cannot pay for. */
  const needs = (evaluations: number, lead: string, advice: string, passes = 1): void =>
    requireWork(view.budget, passes * evaluations * view.costOf(output), () => ({
      ...view.driverOf(
        output,
        `${lead} needs ${countText(evaluations)} evaluations of ${quote(output)}${passes === 2 ? " twice (in decimals, then in exact rationals for the exact fractions)" : ""}`,
      ),
      advice,
    }));

  if (method === "chain") {
    needs(order.length + 1, `chain substitution over ${countText(order.length)} inputs`, "");
    const chain = chainSubstitution(evaluate, base, actualMixed, order);
    const first = chain.steps[0]!.output;
    const last = chain.steps[chain.steps.length - 1]!.output;
    const change = exactMinus(last, first);
    return {
      method,
      output,
      base: first,
      actual: last,
      change,
      contributions: entries(chain.contributions, change),
      order,
      steps: chain.steps.map((row, step) => ({
        step,
        input: row.input,
        values: toRecord(order.map((name) => [name, row.values.get(name)!] as const)),
        output: row.output,
        change: row.change,
      })),
      residual: ZERO,
      evaluations,
      reason: reasonFor(change),
    };
  }

  if (method === "shapley") {
    const players = order.filter((input) => !base.get(input)!.eq(actual.get(input)!));
    if (players.length > maxShapley) {
      throw new TargetreeError(
        "TOO_MANY_INPUTS",
        `Exact Shapley attribution over ${players.length} changed inputs needs 2^${players.length} model evaluations; the limit is ${maxShapley} inputs. Use method "chain", group inputs into fewer formula nodes, or raise maxShapleyInputs (up to 16).`,
        {
          path: ["options", "maxShapleyInputs"],
          details: { inputs: players.length, limit: maxShapley },
        },
      );
    }
    // The exact fractions: the model once more in rationals, where its formulas allow it.
    const notRational = notRationalReason(view.graph, output);
    const passes = notRational === null && players.length > 0 ? 2 : 1;
    needs(
      2 ** players.length,
      `Shapley over ${countText(players.length)} changed inputs`,
      ', or use method "lmdi" or "chain", which need far fewer',
      passes,
    );
    const shapley = exactShapley(evaluate, base, actualMixed, players);
    const change = exactMinus(shapley.actualOutput, shapley.baseOutput);
    const fractions =
      notRational !== null
        ? { reason: notRational }
        : players.length === 0
          ? { values: [] }
          : rationalShapley(
              paidRational(view, output, rationalEvaluator(view.graph, output)),
              base,
              actualMixed,
              players,
            );
    // The exact fractions, rounded, where they sum to the change the model's outputs show (no
    // rounding in the outputs); else the Shapley values of those outputs.
    const apportioned = apportionRationals(
      "values" in fractions && sumsTo(fractions.values, change) ? fractions.values : shapley.values,
      change,
    );
    const byPlayer = new Map(players.map((name, index) => [name, index]));
    const contributions = order.map((input) => {
      const index = byPlayer.get(input);
      return index === undefined ? ZERO : apportioned.parts[index]!;
    });
    const exact = order.map((input) => {
      const index = byPlayer.get(input);
      if (index === undefined) return "0";
      return "values" in fractions ? formatRational(reduce(fractions.values[index]!)) : null;
    });
    const exactReason =
      "reason" in fractions
        ? `the exact fractions are not given because the output is not a rational function of its inputs here: ${fractions.reason}`
        : null;
    return {
      method,
      output,
      base: shapley.baseOutput,
      actual: shapley.actualOutput,
      change,
      contributions: entries(contributions, change, exact),
      order,
      steps: [],
      residual: apportioned.residual,
      evaluations,
      reason: joinReasons(reasonFor(change), exactReason),
    };
  }

  const expansion = productTerms(view.graph, output);
  if (!expansion.ok) {
    throw new TargetreeError(
      "METHOD_NOT_APPLICABLE",
      `LMDI needs an output that is a sum of products of positive factors, but ${expansion.reason}. Use method "chain" or "shapley".`,
      { path: ["options", "method"], details: { reason: expansion.reason } },
    );
  }
  for (const [which, values] of [
    ["base", base],
    ["actual", actual],
  ] as const) {
    for (const term of expansion.terms) checkPositive(term, which, values);
  }
  needs(2, "LMDI", "");
  const baseOutput = evaluate(base);
  const actualOutput = evaluate(actualMixed);
  const change = exactMinus(actualOutput, baseOutput);
  const effects = lmdiEffects(expansion.terms, base, actualMixed, order);
  const closed = closeEffects(effects, change);
  const apportioned = apportionRationals(closed.values, change, PRECISION - 4);
  return {
    method,
    output,
    base: baseOutput,
    actual: actualOutput,
    change,
    contributions: entries(apportioned.parts, change),
    order,
    steps: [],
    residual: closed.residual,
    evaluations,
    reason: reasonFor(change),
  };
}

/** True when the rationals sum exactly to `total`. */
function sumsTo(values: readonly Rational[], total: Decimal): boolean {
  let num = 0n;
  let den = 1n;
  for (const value of values) {
    num = num * value.den + value.num * den;
    den *= value.den;
  }
  const exact = rationalOf(total);
  return num * exact.den === exact.num * den;
}

/** Two reasons in one `reason` field ("; " between), or the one given, or null. */
function joinReasons(first: string | null, second: string | null): string | null {
  if (first === null) return second;
  return second === null ? first : `${first}; ${second}`;
}

/** A rational evaluator that pays each evaluation from the call's budget, as the Decimal one does. */
function paidRational(
  view: ModelView,
  output: string,
  evaluate: (values: ReadonlyMap<string, Rational>) => Rational,
): (values: ReadonlyMap<string, Rational>) => Rational {
  const units = view.costOf(output);
  return (values) => {
    spend(view.budget, units, () => view.driverOf(output, "Shapley's exact fractions"));
    return evaluate(values);
  };
}

/** LMDI takes logarithms: every factor of a term must be positive. */
function checkPositive(
  term: ProductTerm,
  which: "base" | "actual",
  values: ReadonlyMap<string, Decimal>,
): void {
  for (const name of term.exponents.keys()) {
    const value = values.get(name)!;
    if (value.isPositive() && !value.isZero()) continue;
    const factors = nameList([...term.exponents.keys()], " × ");
    throw new TargetreeError(
      "METHOD_NOT_APPLICABLE",
      `LMDI takes logarithms, so every factor of a product term must be positive, but ${excerpt(name)} is ${value.toString()} in ${which} (in the term ${factors}). Use method "chain" or "shapley".`,
      {
        path: ["options", which, name],
        details: { reason: "non-positive value", value: value.toString() },
      },
    );
  }
}

/** The caller's order (inputs the output reads), completed with the rest in declaration order. */
function orderOf(model: Model, value: unknown, read: readonly string[]): string[] {
  if (value === undefined) return [...read];
  const listed = inputNames(model, value, ["options", "order"]);
  listed.forEach((name, index) => {
    if (!read.includes(name)) {
      throw new TargetreeError(
        "INVALID_ARGUMENT",
        `${excerpt(name)} is not read by the output, so it has no place in the order.`,
        { path: ["options", "order", index] },
      );
    }
  });
  return [...listed, ...read.filter((name) => !listed.includes(name))];
}
