import { readBudget, requireWork, type WorkBudget } from "../_lib/budget.js";
import type { Decimal } from "../_lib/decimal.js";
import { describeValue, type ErrorPath, TargetreeError } from "../_lib/errors.js";
import { readOptions } from "../_lib/options.js";
import { isRecord } from "../_lib/records.js";
import { resultRecord } from "../_lib/resultRecord.js";
import { quote } from "../formula/internal.js";
import {
  type ColumnForm,
  evaluateColumnsOf,
  type InputColumn,
  type OutputColumn,
  readForm,
} from "./_lib/columns.js";
import { evaluationCost, evaluationDriver, modelCosts } from "./_lib/cost.js";
import {
  compileFastModel,
  decimalAt,
  newScratch,
  runFormulas,
  type Scratch,
  setDecimal,
  setInput,
} from "./_lib/fastRun.js";
import { readInputs } from "./_lib/inputs.js";
import { internalsOf } from "./_lib/internals.js";
import { readOutputs, type Selection, selectSlots } from "./_lib/selection.js";
import type { EvaluateOptions } from "./evaluate.js";
import type { InputsOf, Model, ModelInputs, ModelValues, NodeName } from "./types.js";

export type { ColumnForm, InputColumn, OutputColumn, ScaledColumn } from "./_lib/columns.js";

/** The formula node names of a model type (its `outputs`), or `string`. */
export type FormulaName<M extends Model> = M["outputs"][number];

/** Options of {@link compileModel}. */
export interface CompileModelOptions<Names extends string = string> extends EvaluateOptions {
  /**
   * The nodes `evaluate(row)` returns, in this order (inputs may be named too). Default: every
   * formula node, in the model's order. Only the formulas they need are computed.
   */
  readonly outputs?: readonly Names[];
}

/** Options of {@link CompiledModel.evaluateColumns}. */
export interface EvaluateColumnsOptions<
  Names extends string = string,
  Form extends ColumnForm = ColumnForm,
> {
  /** The columns to return, in this order. Default: the nodes `evaluate(row)` returns. */
  readonly outputs?: readonly Names[];
  /**
   * `"decimal"` (default): an array of Decimals; `"string"`: the same values as decimal text;
   * `"scaled"`: `{ scale, mantissas }`, exact integers with the column's decimal places.
   */
  readonly as?: Form;
}

/** Input columns by input name: arrays (numbers, numeric strings, Decimals) or typed arrays. */
export type InputColumns = { readonly [name: string]: InputColumn };

/** A model compiled for evaluating many rows; typed by the model's names when they are known. */
export interface CompiledModel<M extends Model = Model, Names extends string = FormulaName<M>> {
  /**
   * The formula nodes' values for one row (or the nodes asked for in `compileModel`'s `outputs`):
   * the same values and errors as {@link evaluate}, without copies of the inputs. The row is
   * checked like `evaluate`'s (every input given, no unknown key).
   */
  evaluate<Row extends InputsOf<M, Row>>(row: Row): ModelValues<Names>;
  /**
   * A function computing one node for a row, evaluating only the formulas that node reads and
   * reading only the inputs it needs. Extra keys in a row are ignored, which suits database rows.
   */
  output(name: NodeName<M>): <Row extends ModelInputs<Row>>(row: Row) => Decimal;
  /**
   * Evaluates columns of inputs (one array or typed array per input, all of one length) and
   * returns only the requested output columns, as Decimals, decimal text or scaled integers.
   * Columns the outputs do not read are ignored. An error names its row: an input's path is
   * `["columns", name, row]`, and `details.row` is set.
   */
  evaluateColumns<
    const Outputs extends readonly NodeName<M>[] = readonly Names[],
    Form extends ColumnForm = "decimal",
  >(
    columns: InputColumns,
    options?: EvaluateColumnsOptions<Outputs[number], Form>,
  ): Record<Outputs[number], OutputColumn<Form>>;
}

/**
 * Compiles a model for evaluating many rows: formulas become closures over value slots (names
 * resolved to slots and literals to constants once, never code generated from text), twice: exact
 * scaled integers (int53 mantissas with a scale) for `+ − ×`, whole powers, comparisons,
 * min/max/abs, if and rounding, and Decimals for the rest (division, roots, fractional powers) and
 * for any value that overflows int53. Results are identical to {@link evaluate}'s.
 *
 * - `evaluate(row)` returns the formula nodes (or `options.outputs`), with `evaluate`'s checks and
 *   errors; records share one shape.
 * - `output(name)` gives that node's value, with the same checks on the inputs it reads, and
 *   ignores other keys (a typo in a needed input still fails, as a missing input).
 * - `evaluateColumns(columns, { outputs, as })` takes input columns and returns only the output
 *   columns asked for, as Decimals, strings or scaled integers; with `as: "scaled"` or
 *   `"string"` it builds no Decimal unless a formula needs one.
 *
 * @param model - A model from {@link defineModel}.
 * @param options - `outputs`: the nodes `evaluate(row)` returns (default: every formula node);
 *   `budget`: the most work units each row's evaluation may spend (default `DEFAULT_WORK_BUDGET`);
 *   a row whose formulas cost more throws `WORK_BUDGET_EXCEEDED`.
 * @returns `{ evaluate(row), output(name), evaluateColumns(columns, options) }`.
 * @throws {TargetreeError} `INVALID_ARGUMENT` when `model` is not a model; `UNKNOWN_OPTION` for an
 *   unknown option key; `UNKNOWN_NODE` for a name in `outputs` (or given to `output`) that is not
 *   a node. Rows throw the errors of {@link evaluate}.
 *
 * @example
 * const compiled = compileModel(revenueModel());
 * const w1 = { newCustomers: 600, conversion: 0.25, newAov: 8000, returningCustomers: 1500, repurchase: 0.4, returningAov: 6000 };
 * compiled.output("revenue")(w1) //=> new Decimal(4800000)
 * Object.keys(compiled.evaluate(w1)) //=> ["newRevenue", "returningRevenue", "revenue"]
 * const columns = { newCustomers: [600, 701], conversion: [0.25, 0.2], newAov: [8000, 8000.5] };
 * compiled.evaluateColumns(columns, { outputs: ["newRevenue"], as: "scaled" })
 * //=> { newRevenue: { scale: 1, mantissas: new Float64Array([12000000, 11216701]) } }
 * compiled.evaluateColumns(columns, { outputs: ["newRevenue"], as: "string" }) //=> { newRevenue: ["1200000", "1121670.1"] }
 */
export function compileModel<
  M extends Model,
  const Outputs extends readonly NodeName<M>[] = readonly FormulaName<M>[],
>(
  model: M,
  options?: CompileModelOptions<Outputs[number]> & { readonly outputs?: Outputs },
): CompiledModel<M, Outputs[number]> {
  const internals = internalsOf(model);
  const settings = readOptions(options, ["outputs", "budget"]);
  const { names, inputCount, rules } = internals;
  const size = names.length;
  const fastModel = compileFastModel(model as Model, internals);
  const inputPath: ErrorPath = ["inputs"];
  const formulaSlots = names.map((_, slot) => slot).slice(inputCount);
  const recordSelection = selectSlots(
    internals,
    readOutputs(internals, settings.outputs, formulaSlots),
  );
  const recordSlots = recordSelection.outputSlots;
  const recordNames = recordSlots.map((slot) => names[slot]!);
  const recordIndexes = recordSelection.formulaIndexes;
  const costs = modelCosts(model);
  const rowCost = evaluationCost(costs, recordIndexes);
  // Each row is a call of its own, with a budget of its own; what a row costs is known now.
  const budget: WorkBudget = readBudget(settings, "compileModel(…).evaluate");

  // One scratch reused row after row; a nested call (a getter on a row calling the same
  // evaluator) gets its own.
  const own = newScratch(size);
  let depth = 0;

  const evaluateRow = (row: unknown): ModelValues => {
    if (rowCost > budget.limit) {
      requireWork(budget, rowCost, () => evaluationDriver(costs, "", recordIndexes));
    }
    if (!isRecord(row)) readInputs(internals, row);
    const scratch: Scratch = depth === 0 ? own : newScratch(size);
    depth++;
    try {
      const record = row as Readonly<Record<string, unknown>>;
      let found = 0;
      for (; found < inputCount; found++) {
        const name = names[found]!;
        if (!Object.hasOwn(record, name)) break;
        setInput(scratch, found, record[name], rules[found]!, inputPath);
      }
      if (found !== inputCount || Object.keys(record).length !== found) {
        // Missing, unknown or differently normalised keys: the careful reader resolves or reports them.
        const slots = readInputs(internals, record);
        for (let slot = 0; slot < inputCount; slot++) setDecimal(scratch, slot, slots[slot]!);
      }
      runFormulas(fastModel, scratch, recordIndexes);
      const result = resultRecord<ModelValues>();
      for (let i = 0; i < recordSlots.length; i++) {
        result[recordNames[i]!] = decimalAt(scratch, recordSlots[i]!);
      }
      return result;
    } finally {
      depth--;
    }
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
    const selection: Selection = selectSlots(internals, [slot]);
    const { inputSlots, formulaIndexes } = selection;
    const inputNames = inputSlots.map((input) => names[input]!);
    const inputRules = inputSlots.map((input) => rules[input]!);
    const scratchOfOutput = newScratch(size);
    let outputDepth = 0;
    const outputCost = evaluationCost(costs, formulaIndexes);
    return <Row extends ModelInputs<Row>>(row: Row): Decimal => {
      if (outputCost > budget.limit) {
        requireWork(budget, outputCost, () => evaluationDriver(costs, "", formulaIndexes));
      }
      if (typeof row !== "object" || row === null) {
        // readInputs gives the precise error for a non-object row.
        readInputs(internals, row);
      }
      const scratch = outputDepth === 0 ? scratchOfOutput : newScratch(size);
      outputDepth++;
      try {
        const record = row as Readonly<Record<string, unknown>>;
        for (let i = 0; i < inputSlots.length; i++) {
          const key = inputNames[i]!;
          if (!Object.hasOwn(record, key)) {
            // Missing or keyed in another normal form: the careful reader resolves or reports it.
            const slots = readInputs(internals, pick(record, inputNames), {
              optional: new Set(names.slice(0, inputCount).filter((n) => !inputNames.includes(n))),
            });
            for (const input of inputSlots) setDecimal(scratch, input, slots[input]!);
            break;
          }
          setInput(scratch, inputSlots[i]!, record[key], inputRules[i]!, inputPath);
        }
        runFormulas(fastModel, scratch, formulaIndexes);
        return decimalAt(scratch, slot);
      } finally {
        outputDepth--;
      }
    };
  };

  const evaluateColumns = (columns: unknown, columnOptions?: unknown): Record<string, unknown> => {
    const read = readOptions(columnOptions, ["outputs", "as"]);
    const form = readForm(read);
    const selection =
      read.outputs === undefined
        ? recordSelection
        : selectSlots(internals, readOutputs(internals, read.outputs, recordSlots));
    const columnCost = evaluationCost(costs, selection.formulaIndexes);
    if (columnCost > budget.limit) {
      requireWork(budget, columnCost, () => evaluationDriver(costs, "", selection.formulaIndexes));
    }
    return evaluateColumnsOf(fastModel, selection, columns, form);
  };

  return Object.freeze({
    evaluate: evaluateRow,
    output,
    evaluateColumns,
  }) as unknown as CompiledModel<M, Outputs[number]>;
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
