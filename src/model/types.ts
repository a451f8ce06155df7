import type { Decimal } from "../_lib/decimal.js";
import type { Numeric } from "../_lib/types.js";
import type { FormulaNode } from "../formula/ast.js";

/** What `options.inputs` may say about one input. */
export interface InputSpec {
  /** A name people read, e.g. `"新客户数"`. */
  readonly label?: string;
  /** Shown after values: `"元"`, `"人"`; `"%"` shows the value as a percentage. */
  readonly unitLabel?: string;
  /** Smallest allowed value (inclusive). */
  readonly min?: Numeric;
  /** Largest allowed value (inclusive). */
  readonly max?: Numeric;
  /** True for whole-number counts (customers, visits). */
  readonly wholeNumber?: boolean;
}

/** What `options.nodes` may say about one formula node. */
export interface NodeSpec {
  /** A name people read, e.g. `"营业收入"`. */
  readonly label?: string;
  /** Shown after values: `"元"`; `"%"` shows the value as a percentage. */
  readonly unitLabel?: string;
}

/**
 * Options of {@link defineModel}: metadata (labels, unit labels, bounds) for its nodes. Keyed by
 * the model's input and formula node names when they are known, so describing a name the formulas
 * do not use (a typo) does not compile.
 */
export interface DefineModelOptions<
  Inputs extends string = string,
  Outputs extends string = string,
> {
  /**
   * Metadata for inputs, keyed by input name. Its key order comes first in the model's input
   * order (which chain attribution follows); other inputs follow in order of first appearance.
   */
  readonly inputs?: { readonly [Name in Inputs]?: InputSpec };
  /** Labels and unit labels for formula nodes, keyed by node name. */
  readonly nodes?: { readonly [Name in Outputs]?: NodeSpec };
}

/**
 * One node of a model: an input, or a node computed by a formula. Everything is frozen.
 *
 * For tools built on models (goal seek, sensitivity, attribution): `ast` is the parsed formula
 * (walk it to invert an output along a path), `dependencies` are the names it reads directly,
 * `dependents` the formula nodes that read this node directly.
 */
export interface ModelNode {
  /** The node's name, NFC-normalised. */
  readonly name: string;
  /** `"input"` for a value the caller supplies, `"formula"` for a computed node. */
  readonly kind: "input" | "formula";
  /** The formula as written (formula nodes); `null` for inputs. */
  readonly formula: string | null;
  /** The parsed formula (formula nodes); `null` for inputs. Always numeric. */
  readonly ast: FormulaNode | null;
  /** Names this formula reads, each once, in order of first appearance. Empty for inputs. */
  readonly dependencies: readonly string[];
  /** Formula nodes that read this node directly, in the model's topological order. */
  readonly dependents: readonly string[];
  /** The label given in `options.inputs` or `options.nodes`, or null. */
  readonly label: string | null;
  /** The unit label given in `options.inputs` or `options.nodes` (`"元"`, `"%"`), or null. */
  readonly unitLabel: string | null;
  /** Smallest allowed input value (inclusive), or null; always `null` for formula nodes. */
  readonly min: Decimal | null;
  /** Largest allowed input value (inclusive), or null; always `null` for formula nodes. */
  readonly max: Decimal | null;
  /** True for whole-number inputs; always `false` for formula nodes. */
  readonly wholeNumber: boolean;
}

/**
 * A driver tree, made by {@link defineModel}: an immutable (deeply frozen) value.
 *
 * `order` lists every node so that each comes after everything it reads: first the inputs in
 * declaration order, then the formula nodes in topological order. `nodes` is a null-prototype
 * record in that same order.
 *
 * The type parameters carry the names: `Outputs` the formula nodes, `Inputs` the inputs, so that
 * `evaluate(model, inputs).revenu` (a typo) does not compile. `defineModel` infers both from its
 * literal formulas; a model whose names are not known to the compiler is a `Model<string, string>`.
 */
export interface Model<Outputs extends string = string, Inputs extends string = string> {
  /**
   * Every node by name, in `order`. Also readable by any string (a name from elsewhere), which
   * gives `undefined` for a name the model does not have.
   */
  readonly nodes: { readonly [Name in Outputs | Inputs]: ModelNode } & {
    readonly [name: string]: ModelNode;
  };
  /** All node names, inputs first (declaration order), then formula nodes (topological order). */
  readonly order: readonly (Outputs | Inputs)[];
  /** Input names in declaration order: `options.inputs` key order, then first appearance in formulas. */
  readonly inputs: readonly Inputs[];
  /** Formula node names in topological order. */
  readonly outputs: readonly Outputs[];
  /** Formula nodes no other formula reads (the tree tops), in topological order. */
  readonly roots: readonly Outputs[];
}

/** The input names of a model type: `"newCustomers" | "conversion" | …`, or `string`. */
export type InputName<M extends Model> = M["inputs"][number];

/** Every node name of a model type (inputs and formula nodes), or `string`. */
export type NodeName<M extends Model> = M["order"][number];

/**
 * Input values by input name; every input of the model is required. Generic so that a row typed
 * by an interface (`interface Row { customers: number; … }`) is accepted as it is.
 */
export type ModelInputs<T = Record<string, Numeric>> = { readonly [K in keyof T]: Numeric };

/**
 * What a model of type `M` takes as inputs, for a row of type `Row`: when the model's input names
 * are known and the row's keys are too, every input is required and a key that is not an input
 * (a typo) is a compile error. A row with an index signature (`Record<string, number>`, a parsed
 * CSV line) is checked when the function runs instead.
 */
export type InputsOf<M extends Model, Row> =
  string extends InputName<M>
    ? ModelInputs<Row>
    : string extends keyof Row
      ? ModelInputs<Row>
      : { readonly [K in keyof Row]: K extends InputName<M> ? Numeric : never } & {
          readonly [Name in InputName<M>]: Numeric;
        };

/**
 * Like {@link InputsOf}, but every input may be left out (solveFor's `inputs`, where the varied
 * input's value is optional); a key that is not an input is still a compile error.
 */
export type SomeInputsOf<M extends Model, Row> =
  string extends InputName<M>
    ? ModelInputs<Row>
    : string extends keyof Row
      ? ModelInputs<Row>
      : { readonly [K in keyof Row]: K extends InputName<M> ? Numeric : never };

/**
 * Every node's value by name (inputs included), a null-prototype record in the model's `order`;
 * keyed by the model's node names when they are known.
 */
export type ModelValues<Names extends string = string> = Record<Names, Decimal>;
