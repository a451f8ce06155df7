import type { Decimal } from "../_lib/decimal.js";
import { describeValue, type ErrorPath, TargetreeError } from "../_lib/errors.js";
import type { FormulaNode } from "../formula/ast.js";
import { formulaNames } from "../formula/formulaNames.js";
import {
  checkTypes,
  codePointLabel,
  type FormulaSource,
  findInvisible,
  formulaError,
  isIdentifier,
  isKeyword,
  quote,
} from "../formula/internal.js";
import { parseFormula } from "../formula/parseFormula.js";
import { toDecimal } from "../numbers/toDecimal.js";
import { compileNumber } from "./_lib/compile.js";
import { topologicalOrder } from "./_lib/graph.js";
import { makeRule } from "./_lib/inputs.js";
import { INTERNALS, type InputRule, type ModelInternals } from "./_lib/internals.js";
import type { DefineModelOptions, InputSpec, Model, ModelNode, NodeSpec } from "./types.js";

const INPUT_SPEC_KEYS: ReadonlySet<string> = new Set(["label", "unit", "min", "max", "integer"]);
const NODE_SPEC_KEYS: ReadonlySet<string> = new Set(["label", "unit"]);

const isRecord = (value: unknown): value is Readonly<Record<string, unknown>> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** Normalises a caller's key to the name it stands for, refusing invisible characters and non-identifiers. */
function checkName(key: string, path: ErrorPath): string {
  const invisible = findInvisible(key);
  if (invisible >= 0) {
    throw new TargetreeError(
      "INVALID_CHARACTER",
      `The name ${quote(key)} contains the invisible character ${codePointLabel(key, invisible)} at position ${invisible + 1}.`,
      { path, details: { column: invisible + 1 } },
    );
  }
  const name = key.normalize("NFC");
  if (!isIdentifier(name)) {
    throw new TargetreeError(
      "INVALID_ARGUMENT",
      `${quote(key)} is not a valid name: use letters (any script), digits and _, not starting with a digit. Put readable text with spaces or brackets in a label.`,
      { path },
    );
  }
  if (isKeyword(name)) {
    throw new TargetreeError(
      "INVALID_ARGUMENT",
      `${quote(key)} is a reserved word (and, or, not, true, false) and cannot name a node.`,
      { path },
    );
  }
  return name;
}

/** Own keys of a caller record, normalised, with DUPLICATE_NAME for keys equal after NFC. */
/** A cycle for a message: `a → b → a`, each name shortened, at most 12 names (all are in details). */
function cycleText(shown: readonly string[]): string {
  const names = shown.map((name) => (name.length > 40 ? `${name.slice(0, 40)}…` : name));
  return names.length <= 12
    ? names.join(" → ")
    : `${names.slice(0, 6).join(" → ")} → … (${names.length - 12} more) → ${names.slice(-6).join(" → ")}`;
}

function normalisedKeys(
  record: Readonly<Record<string, unknown>>,
  path: ErrorPath,
): Map<string, string> {
  const byName = new Map<string, string>();
  for (const key of Object.keys(record)) {
    const name = checkName(key, [...path, key]);
    const earlier = byName.get(name);
    if (earlier !== undefined) {
      throw new TargetreeError(
        "DUPLICATE_NAME",
        `${quote(earlier)} and ${quote(key)} are the same name after Unicode (NFC) normalisation.`,
        { path: [...path, key], details: { names: [earlier, key] } },
      );
    }
    byName.set(name, key);
  }
  return byName;
}

function checkSpecKeys(
  spec: unknown,
  allowed: ReadonlySet<string>,
  path: ErrorPath,
): Readonly<Record<string, unknown>> {
  if (!isRecord(spec)) {
    throw new TargetreeError(
      "INVALID_ARGUMENT",
      `Expected an object, got ${describeValue(spec)}.`,
      {
        path,
      },
    );
  }
  for (const key of Object.keys(spec)) {
    if (!allowed.has(key)) {
      throw new TargetreeError(
        "INVALID_ARGUMENT",
        `Unknown option ${quote(key)}; use ${[...allowed].join(", ")}.`,
        { path: [...path, key] },
      );
    }
  }
  return spec;
}

function optionalText(
  spec: Readonly<Record<string, unknown>>,
  key: string,
  path: ErrorPath,
): string | null {
  const value = Object.hasOwn(spec, key) ? spec[key] : undefined;
  if (value === undefined) return null;
  if (typeof value !== "string") {
    throw new TargetreeError("INVALID_ARGUMENT", `${key} must be a string.`, {
      path: [...path, key],
    });
  }
  return value;
}

interface Metadata {
  readonly label: string | null;
  readonly unit: string | null;
  readonly min: Decimal | null;
  readonly max: Decimal | null;
  readonly integer: boolean;
}

function inputMetadata(spec: InputSpec, path: ErrorPath): Metadata {
  const record = checkSpecKeys(spec, INPUT_SPEC_KEYS, path);
  const bound = (key: "min" | "max"): Decimal | null =>
    Object.hasOwn(record, key) && record[key] !== undefined
      ? toDecimal(record[key] as never, [...path, key])
      : null;
  const min = bound("min");
  const max = bound("max");
  if (min !== null && max !== null && min.gt(max)) {
    throw new TargetreeError("INVALID_ARGUMENT", "min is greater than max.", { path });
  }
  const integer = Object.hasOwn(record, "integer") ? record.integer : undefined;
  if (integer !== undefined && typeof integer !== "boolean") {
    throw new TargetreeError("INVALID_ARGUMENT", "integer must be true or false.", {
      path: [...path, "integer"],
    });
  }
  return {
    label: optionalText(record, "label", path),
    unit: optionalText(record, "unit", path),
    min,
    max,
    integer: integer === true,
  };
}

/**
 * Defines a driver tree (a formula model). `formulas` maps each computed node to its formula;
 * every other name a formula uses is an input. The model is checked completely here (syntax,
 * functions, types, self-references, cycles) and compiled once, so evaluating it never parses.
 *
 * Names are identifiers (Unicode letters, digits, `_`), NFC-normalised; readable text such as
 * `客单价(新客)` goes in a label. `__proto__`, `constructor` and `toString` are ordinary names.
 *
 * @param formulas - Node name → formula, e.g. `{ revenue: "newRevenue + returningRevenue" }`.
 * @param options - `inputs`: label, unit, `min`/`max` bounds and `integer` per input (its key
 *   order is the inputs' declaration order); `nodes`: label and unit per formula node.
 * @returns An immutable {@link Model}.
 * @throws {TargetreeError} The formula errors of {@link parseFormula} (with the node's name and
 *   column, path `["formulas", name]`); `SELF_REFERENCE`; `CYCLE` (the message shows
 *   `a → b → a`, `details.cycle` lists it); `TYPE_MISMATCH` for a formula that is a condition;
 *   `DUPLICATE_NAME` for keys equal after NFC; `INVALID_CHARACTER` for invisible characters in a
 *   name; `UNKNOWN_NODE` for metadata about a name the formulas never use; `INVALID_ARGUMENT` for
 *   malformed arguments, invalid names and metadata for the wrong kind of node; `INVALID_NUMBER`
 *   for bad bounds.
 *
 * @example
 * const model = defineModel(
 *   { revenue: "customers * conversion * aov" },
 *   { inputs: { customers: { integer: true, min: 0 }, conversion: { min: 0, max: 1 } } },
 * );
 * model.inputs //=> ["customers", "conversion", "aov"]
 * evaluate(model, { customers: 600, conversion: "25%", aov: 8000 }).revenue //=> new Decimal(1200000)
 */
export function defineModel(
  formulas: Readonly<Record<string, string>>,
  options: DefineModelOptions = {},
): Model {
  if (!isRecord(formulas)) {
    throw new TargetreeError(
      "INVALID_ARGUMENT",
      `formulas must be an object of formula text by node name, got ${describeValue(formulas)}.`,
      { path: ["formulas"] },
    );
  }
  if (!isRecord(options)) {
    throw new TargetreeError("INVALID_ARGUMENT", "options must be an object.", {
      path: ["options"],
    });
  }
  const formulaKeys = normalisedKeys(formulas, ["formulas"]);
  if (formulaKeys.size === 0) {
    throw new TargetreeError("INVALID_ARGUMENT", "A model needs at least one formula.", {
      path: ["formulas"],
    });
  }

  // Parse every formula, with its name and path for errors.
  const trees = new Map<string, FormulaNode>();
  const texts = new Map<string, string>();
  const sources = new Map<string, FormulaSource>();
  const dependencies = new Map<string, readonly string[]>();
  for (const [name, key] of formulaKeys) {
    const text = formulas[key];
    const path = ["formulas", key];
    if (typeof text !== "string") {
      throw new TargetreeError(
        "INVALID_ARGUMENT",
        `The formula of ${quote(key)} must be a string, got ${describeValue(text)}.`,
        { path },
      );
    }
    const tree = parseFormula(text, { name, path });
    const source: FormulaSource = { name, text, path };
    const names = formulaNames(tree);
    if (names.includes(name)) {
      throw formulaError(
        "SELF_REFERENCE",
        `the formula of ${quote(name)} refers to ${quote(name)} itself.`,
        source,
        // Stryker disable next-line OptionalChaining: names includes name, and findName visits every node kind that can hold a name, so it always finds one
        findName(tree, name)?.span,
      );
    }
    trees.set(name, tree);
    texts.set(name, text);
    sources.set(name, source);
    dependencies.set(name, Object.freeze(names));
  }

  // Inputs: declared ones first (in their key order), then first appearance in the formulas.
  // Own properties only: a name planted on Object.prototype is never an option.
  const inputsOption = Object.hasOwn(options, "inputs") ? options.inputs : undefined;
  const nodesOption = Object.hasOwn(options, "nodes") ? options.nodes : undefined;
  const declared = isRecord(inputsOption)
    ? normalisedKeys(inputsOption, ["options", "inputs"])
    : new Map<string, string>();
  if (inputsOption !== undefined && !isRecord(inputsOption)) {
    throw new TargetreeError("INVALID_ARGUMENT", "options.inputs must be an object.", {
      path: ["options", "inputs"],
    });
  }
  const referenced = new Set<string>();
  for (const names of dependencies.values()) for (const name of names) referenced.add(name);
  const inputs: string[] = [];
  const metadata = new Map<string, Metadata>();
  for (const [name, key] of declared) {
    const path = ["options", "inputs", key];
    if (formulaKeys.has(name)) {
      throw new TargetreeError(
        "INVALID_ARGUMENT",
        `${quote(key)} is computed by a formula, not an input; describe it in options.nodes.`,
        { path },
      );
    }
    if (!referenced.has(name)) {
      throw new TargetreeError(
        "UNKNOWN_NODE",
        `${quote(key)} is described in options.inputs but no formula uses it.`,
        { path },
      );
    }
    metadata.set(name, inputMetadata((inputsOption as Record<string, InputSpec>)[key]!, path));
    inputs.push(name);
  }
  for (const names of dependencies.values()) {
    for (const name of names) {
      if (!formulaKeys.has(name) && !metadata.has(name)) {
        metadata.set(name, { label: null, unit: null, min: null, max: null, integer: false });
        inputs.push(name);
      }
    }
  }

  // Labels and units of formula nodes.
  if (nodesOption !== undefined && !isRecord(nodesOption)) {
    throw new TargetreeError("INVALID_ARGUMENT", "options.nodes must be an object.", {
      path: ["options", "nodes"],
    });
  }
  const described = isRecord(nodesOption)
    ? normalisedKeys(nodesOption, ["options", "nodes"])
    : new Map<string, string>();
  for (const [name, key] of described) {
    const path = ["options", "nodes", key];
    if (!formulaKeys.has(name)) {
      throw new TargetreeError(
        referenced.has(name) ? "INVALID_ARGUMENT" : "UNKNOWN_NODE",
        referenced.has(name)
          ? `${quote(key)} is an input; describe it in options.inputs.`
          : `${quote(key)} is described in options.nodes but is not a node of the model.`,
        { path },
      );
    }
    const spec = checkSpecKeys(
      (nodesOption as Record<string, NodeSpec>)[key],
      NODE_SPEC_KEYS,
      path,
    );
    metadata.set(name, {
      label: optionalText(spec, "label", path),
      unit: optionalText(spec, "unit", path),
      min: null,
      max: null,
      integer: false,
    });
  }

  // Topological order; a cycle is reported with its path.
  const formulaOrder = [...formulaKeys.keys()];
  const { sorted, cycle } = topologicalOrder(formulaOrder, (name) => dependencies.get(name) ?? []);
  if (cycle !== null) {
    const shown = [...cycle, cycle[0]!];
    throw new TargetreeError(
      "CYCLE",
      `The formulas refer to each other in a cycle: ${cycleText(shown)}.`,
      { path: ["formulas", formulaKeys.get(cycle[0]!)!], details: { cycle: shown } },
    );
  }

  // Every model node is a number.
  for (const name of sorted) {
    const type = checkTypes(trees.get(name)!, sources.get(name)!, "number");
    if (type !== "number") {
      throw formulaError(
        "TYPE_MISMATCH",
        `a model node must be a number, but the formula of ${quote(name)} is a condition (true/false); use if(condition, a, b).`,
        sources.get(name)!,
        trees.get(name)!.span,
      );
    }
  }

  return buildModel(inputs, sorted, { trees, texts, sources, dependencies, metadata });
}

function findName(root: FormulaNode, name: string): FormulaNode | undefined {
  const stack: FormulaNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    switch (node.kind) {
      case "name":
        if (node.name === name) return node;
        break;
      case "unary":
      case "not":
        stack.push(node.operand);
        break;
      case "sum":
      case "product":
        for (let i = node.rest.length - 1; i >= 0; i--) stack.push(node.rest[i]!.operand);
        stack.push(node.first);
        break;
      case "power":
        stack.push(node.exponent, node.base);
        break;
      case "compare":
        stack.push(node.right, node.left);
        break;
      case "logical":
        for (let i = node.operands.length - 1; i >= 0; i--) stack.push(node.operands[i]!);
        break;
      case "call":
        for (let i = node.args.length - 1; i >= 0; i--) stack.push(node.args[i]!);
        break;
      default:
        break;
    }
  }
  return undefined;
}

interface Parts {
  readonly trees: ReadonlyMap<string, FormulaNode>;
  readonly texts: ReadonlyMap<string, string>;
  readonly sources: ReadonlyMap<string, FormulaSource>;
  readonly dependencies: ReadonlyMap<string, readonly string[]>;
  readonly metadata: ReadonlyMap<string, Metadata>;
}

/** Assembles the frozen model and its compiled internals. */
function buildModel(inputs: readonly string[], sorted: readonly string[], parts: Parts): Model {
  const order = [...inputs, ...sorted];
  const slotOf = new Map(order.map((name, slot) => [name, slot]));
  const dependents = new Map<string, string[]>(order.map((name) => [name, []]));
  for (const name of sorted) {
    for (const dependency of parts.dependencies.get(name)!) dependents.get(dependency)!.push(name);
  }
  const nodes: Record<string, ModelNode> = Object.create(null);
  for (const name of order) {
    const isInput = !parts.trees.has(name);
    const meta = parts.metadata.get(name);
    nodes[name] = Object.freeze({
      name,
      kind: isInput ? "input" : "formula",
      formula: parts.texts.get(name) ?? null,
      ast: parts.trees.get(name) ?? null,
      dependencies: isInput ? Object.freeze([]) : parts.dependencies.get(name)!,
      dependents: Object.freeze(dependents.get(name)!),
      label: meta?.label ?? null,
      unit: meta?.unit ?? null,
      min: meta?.min ?? null,
      max: meta?.max ?? null,
      integer: meta?.integer ?? false,
    } satisfies ModelNode);
  }
  const rules: InputRule[] = inputs.map((name) => {
    const meta = parts.metadata.get(name)!;
    return Object.freeze(makeRule(name, meta.min, meta.max, meta.integer));
  });
  const internals: ModelInternals = Object.freeze({
    names: Object.freeze(order),
    slotOf,
    inputCount: inputs.length,
    rules: Object.freeze(rules),
    steps: Object.freeze(
      sorted.map((name) => compileNumber(parts.trees.get(name)!, slotOf, parts.sources.get(name)!)),
    ),
    sources: Object.freeze(sorted.map((name) => parts.sources.get(name)!)),
    reads: Object.freeze(
      sorted.map((name) =>
        Object.freeze(parts.dependencies.get(name)!.map((dependency) => slotOf.get(dependency)!)),
      ),
    ),
  });
  const dependedOn = new Set(sorted.flatMap((name) => parts.dependencies.get(name)!));
  const model = {
    nodes: Object.freeze(nodes),
    order: Object.freeze(order),
    inputs: Object.freeze([...inputs]),
    outputs: Object.freeze([...sorted]),
    roots: Object.freeze(sorted.filter((name) => !dependedOn.has(name))),
  };
  Object.defineProperty(model, INTERNALS, { value: internals, enumerable: false });
  return Object.freeze(model);
}
