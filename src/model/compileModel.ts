import { readBudget, requireWork, type WorkBudget } from "../_lib/budget.js";
import type { Decimal } from "../_lib/decimal.js";
import { describeValue, type ErrorPath, TargetreeError } from "../_lib/errors.js";
import { readOptions } from "../_lib/options.js";
import { resultRecord } from "../_lib/resultRecord.js";
import { quote } from "../formula/internal.js";
import { evaluationCost, evaluationDriver, modelCosts } from "./_lib/cost.js";
import { formulaIndexesFor, runAll } from "./_lib/engine.js";
import { convertInput, readInputs } from "./_lib/inputs.js";
import { internalsOf } from "./_lib/internals.js";
import type { EvaluateOptions } from "./evaluate.js";
import type { InputsOf, Model, ModelInputs, ModelValues, NodeName } from "./types.js";

/** A model compiled for evaluating many rows; typed by the model's names when they are known. */
export interface CompiledModel<M extends Model = Model> {
  /** Every node's value for one row; the same result as {@link evaluate}. */
  evaluate<Row extends InputsOf<M, Row>>(row: Row): ModelValues<NodeName<M>>;
  /**
   * A function computing one node for a row, evaluating only the formulas that node reads and
   * reading only the inputs it needs. Extra keys in a row are ignored, which suits database rows.
   */
  output(name: NodeName<M>): <Row extends ModelInputs<Row>>(row: Row) => Decimal;
}

/**
 * Compiles a model for evaluating many rows: formulas become closures over value slots (names
 * resolved to slots and literals to constants once, never code generated from text), and each row
 * is converted once. `evaluate(row)` gives exactly what {@link evaluate} gives, errors included;
 * `output(name)` gives that node's value with the same checks on the inputs it reads, and ignores
 * other keys (a typo in a needed input still fails, as a missing input).
 *
 * @param model - A model from {@link defineModel}.
 * @param options - `budget`: the most work units each row's evaluation may spend (default
 *   `DEFAULT_WORK_BUDGET`); a row whose formulas cost more throws `WORK_BUDGET_EXCEEDED`.
 * @returns `{ evaluate(row), output(name) }`.
 * @throws {TargetreeError} `INVALID_ARGUMENT` when `model` is not a model; `UNKNOWN_OPTION` for an
 *   unknown option key; `output` throws `UNKNOWN_NODE` for a name not in the model. Rows throw the
 *   errors of {@link evaluate}.
 *
 * @example
 * const revenueOf = compileModel(revenueModel()).output("revenue");
 * revenueOf({ newCustomers: 600, conversion: 0.25, newAov: 8000, returningCustomers: 1500, repurchase: 0.4, returningAov: 6000 }) //=> new Decimal(4800000)
 */
export function compileModel<M extends Model>(
  model: M,
  options?: EvaluateOptions,
): CompiledModel<M> {
  const internals = internalsOf(model);
  const settings = readOptions(options, ["budget"]);
  const { names, inputCount, rules, steps, reads } = internals;
  const inputPath: ErrorPath = ["inputs"];
  const costs = modelCosts(model);
  const rowCost = evaluationCost(costs);
  // Each row is a call of its own, with a budget of its own; what a row costs is known now.
  const budget: WorkBudget = readBudget(settings, "compileModel(…).evaluate");

  const evaluateRow = <Row extends ModelInputs<Row>>(row: Row): ModelValues<NodeName<M>> => {
    if (rowCost > budget.limit) requireWork(budget, rowCost, () => evaluationDriver(costs, ""));
    const values = runAll(internals, readInputs(internals, row) as Decimal[]);
    const result = resultRecord<ModelValues>();
    for (let slot = 0; slot < names.length; slot++) result[names[slot]!] = values[slot]!;
    return result as ModelValues<NodeName<M>>;
  };

  const output = (name: string): (<Row extends ModelInputs<Row>>(row: Row) => Decimal) => {
    const slot = typeof name === "string" ? internals.slotOf.get(name.normalize("NFC")) : undefined;
    if (slot === undefined) {
      throw new TargetreeError(
        "UNKNOWN_NODE",
        `${typeof name === "string" ? quote(name) : describeValue(name)} is not a node of the model.`,
        { path: ["name"] },
      );
    }
    const formulaIndexes = formulaIndexesFor(internals, slot);
    const needed = new Set<number>(slot < inputCount ? [slot] : []);
    for (const index of formulaIndexes) {
      for (const read of reads[index]!) if (read < inputCount) needed.add(read);
    }
    const inputSlots = [...needed].sort((a, b) => a - b);
    const inputNames = inputSlots.map((input) => names[input]!);
    const inputRules = inputSlots.map((input) => rules[input]!);
    const formulaSteps = formulaIndexes.map((index) => steps[index]!);
    const formulaSlots = formulaIndexes.map((index) => inputCount + index);
    const size = names.length;
    const outputCost = evaluationCost(costs, formulaIndexes);
    return <Row extends ModelInputs<Row>>(row: Row): Decimal => {
      if (outputCost > budget.limit) {
        requireWork(budget, outputCost, () => evaluationDriver(costs, "", formulaIndexes));
      }
      if (typeof row !== "object" || row === null) {
        // readInputs gives the precise error for a non-object row.
        readInputs(internals, row);
      }
      // Stryker disable next-line ArrayDeclaration: only written slots are read
      const values: Decimal[] = new Array(size);
      for (let i = 0; i < inputSlots.length; i++) {
        const key = inputNames[i]!;
        if (!Object.hasOwn(row, key)) {
          // Missing or keyed in another normal form: the careful reader resolves or reports it.
          const slots = readInputs(
            internals,
            pick(row as Readonly<Record<string, unknown>>, inputNames),
            {
              optional: new Set(names.slice(0, inputCount).filter((n) => !inputNames.includes(n))),
            },
          );
          for (const input of inputSlots) values[input] = slots[input]!;
          break;
        }
        values[inputSlots[i]!] = convertInput(
          (row as Readonly<Record<string, unknown>>)[key],
          inputRules[i]!,
          inputPath,
        );
      }
      for (let i = 0; i < formulaSteps.length; i++)
        values[formulaSlots[i]!] = formulaSteps[i]!(values);
      return values[slot]!;
    };
  };

  return Object.freeze({ evaluate: evaluateRow, output }) as CompiledModel<M>;
}

/** The own entries of `row` whose NFC key is one of `names`. */
function pick(
  row: Readonly<Record<string, unknown>>,
  names: readonly string[],
): Record<string, unknown> {
  const wanted = new Set(names);
  const picked: Record<string, unknown> = Object.create(null);
  for (const key of Object.keys(row)) {
    if (wanted.has(key.normalize("NFC"))) picked[key] = row[key];
  }
  return picked;
}
