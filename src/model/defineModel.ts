import { checkModel } from "./_lib/check.js";
import type { FormulaInputNames, FormulaNodeNames } from "./_lib/scan.js";
import type { DefineModelOptions, Model } from "./types.js";

/**
 * Defines a driver tree (a formula model). `formulas` maps each computed node to its formula;
 * every other name a formula uses is an input. The model is checked completely here (syntax,
 * functions, types, self-references, cycles, metadata) and compiled once, so evaluating it never
 * parses.
 *
 * Names are identifiers (Unicode letters, digits, `_`), NFC-normalised; readable text such as
 * `客单价(新客)` goes in a label. `__proto__`, `constructor` and `toString` are ordinary names.
 *
 * The model's type carries its names: the formula nodes from the keys of `formulas`, the inputs
 * from the formula text (when it is a literal), so `evaluate(model, inputs).revenu` does not
 * compile and a missing input is a compile error.
 *
 * A formula name that is not described in `options.inputs` but is one edit away from a described
 * input (`converson` beside a described `conversion`) is reported as `LIKELY_TYPO` rather than
 * becoming a new input silently; describe it too if it really is a separate input.
 *
 * @param formulas - Node name → formula, e.g. `{ revenue: "newRevenue + returningRevenue" }`.
 * @param options - `inputs`: `label`, `unitLabel`, `min`/`max` bounds and `wholeNumber` per input
 *   (its key order is the inputs' declaration order); `nodes`: `label` and `unitLabel` per formula
 *   node. Any other key is refused (`UNKNOWN_OPTION`, naming the nearest known one).
 * @returns An immutable {@link Model}.
 * @throws {TargetreeError} The first problem found (a model document lists them all): the formula
 *   errors of {@link parseFormula} (with the node's name and column, path `["formulas", name]`);
 *   `SELF_REFERENCE`; `CYCLE` (the message shows `a → b → a`, `details.cycle` lists it);
 *   `TYPE_MISMATCH` for a formula that is a condition; `DUPLICATE_NAME` for keys equal after NFC;
 *   `INVALID_CHARACTER` for invisible characters in a name; `UNKNOWN_NODE` for metadata about a
 *   name the formulas never use; `LIKELY_TYPO` as above; `UNKNOWN_OPTION` for an unknown option or
 *   metadata field; `INVALID_ARGUMENT` for malformed arguments, invalid names and metadata for the
 *   wrong kind of node; `INVALID_NUMBER` for bad bounds.
 *
 * @example
 * const model = defineModel(
 *   { revenue: "customers * conversion * aov" },
 *   { inputs: { customers: { wholeNumber: true, min: 0 }, conversion: { min: 0, max: 1 } } },
 * );
 * model.inputs //=> ["customers", "conversion", "aov"]
 * evaluate(model, { customers: 600, conversion: "25%", aov: 8000 }).revenue //=> new Decimal(1200000)
 * (() => { try { defineModel({ y: "a * b" }, { inputs: { a: { wholeNumbers: true } } }) } catch (e) { return e.message } })()
 * //=> 'UNKNOWN_OPTION: Unknown option "wholeNumbers". Did you mean "wholeNumber"? Known options: "label", "unitLabel", "min", "max", "wholeNumber". (at options.inputs.a.wholeNumbers)'
 */
export function defineModel<const Formulas extends Readonly<Record<string, string>>>(
  formulas: Formulas,
  options?: DefineModelOptions<FormulaInputNames<Formulas>, FormulaNodeNames<Formulas>>,
): Model<FormulaNodeNames<Formulas>, FormulaInputNames<Formulas>> {
  const { problems, model } = checkModel(formulas, options);
  if (problems.length > 0) throw problems[0]!;
  return model as Model<FormulaNodeNames<Formulas>, FormulaInputNames<Formulas>>;
}
