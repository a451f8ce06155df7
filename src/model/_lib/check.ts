// Checking a model definition completely: every problem is collected (defineModel throws the
// first, a model document lists them all), and the model is built only when there is none.

import type { Decimal } from "../../_lib/decimal.js";
import { describeValue, type ErrorPath, TargetreeError } from "../../_lib/errors.js";
import { readBoolean, readOptions } from "../../_lib/options.js";
import { isRecord, own } from "../../_lib/records.js";
import type { FormulaNode } from "../../formula/ast.js";
import { formulaNames } from "../../formula/formulaNames.js";
import {
  checkTypes,
  codePointLabel,
  type FormulaSource,
  findInvisible,
  formulaError,
  isIdentifier,
  isKeyword,
  quote,
  spanOf,
} from "../../formula/internal.js";
import { parseFormula } from "../../formula/parseFormula.js";
import { toDecimal } from "../../numbers/toDecimal.js";
import type { Model } from "../types.js";
import { buildModel, type Metadata } from "./build.js";
import { topologicalOrder } from "./graph.js";
import { findName, likelyTypo } from "./names.js";

const OPTION_KEYS = ["inputs", "nodes"] as const;
const INPUT_SPEC_KEYS = ["label", "unitLabel", "min", "max", "wholeNumber"] as const;
const NODE_SPEC_KEYS = ["label", "unitLabel"] as const;

/** What checking a definition found: every problem, in a stable order, and the model when none. */
export interface ModelCheck {
  readonly problems: readonly TargetreeError[];
  readonly model: Model | null;
}

/** Collects TargetreeErrors; anything else is a bug and propagates. */
class Problems {
  readonly list: TargetreeError[] = [];
  add(problem: TargetreeError): void {
    this.list.push(problem);
  }
  /** Runs `step`; a TargetreeError it throws is recorded and gives `undefined`. */
  attempt<T>(step: () => T): T | undefined {
    try {
      return step();
    } catch (error) {
      if (!(error instanceof TargetreeError)) throw error;
      this.list.push(error);
      return undefined;
    }
  }
}

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

/** Own keys of a caller record by normalised name; bad and duplicate keys are recorded and left out. */
function normalisedKeys(
  record: Readonly<Record<string, unknown>>,
  path: ErrorPath,
  problems: Problems,
): Map<string, string> {
  const byName = new Map<string, string>();
  for (const key of Object.keys(record)) {
    const name = problems.attempt(() => checkName(key, [...path, key]));
    if (name === undefined) continue;
    const earlier = byName.get(name);
    if (earlier !== undefined) {
      problems.add(
        new TargetreeError(
          "DUPLICATE_NAME",
          `${quote(earlier)} and ${quote(key)} are the same name after Unicode (NFC) normalisation.`,
          { path: [...path, key], details: { names: [earlier, key] } },
        ),
      );
      continue;
    }
    byName.set(name, key);
  }
  return byName;
}

/** A cycle for a message: `a → b → a`, each name shortened, at most 12 names (all are in details). */
function cycleText(shown: readonly string[]): string {
  const names = shown.map((name) => (name.length > 40 ? `${name.slice(0, 40)}…` : name));
  return names.length <= 12
    ? names.join(" → ")
    : `${names.slice(0, 6).join(" → ")} → … (${names.length - 12} more) → ${names.slice(-6).join(" → ")}`;
}

function optionalText(
  spec: Readonly<Record<string, unknown>>,
  key: string,
  path: ErrorPath,
): string | null {
  const value = own(spec, key);
  if (value === undefined) return null;
  if (typeof value !== "string") {
    throw new TargetreeError(
      "INVALID_ARGUMENT",
      `${key} must be a string, got ${describeValue(value)}.`,
      { path: [...path, key] },
    );
  }
  return value;
}

/** A spec record: a plain object with known fields only (UNKNOWN_OPTION with the nearest one). */
function readSpec(
  spec: unknown,
  known: readonly string[],
  path: ErrorPath,
): Readonly<Record<string, unknown>> {
  if (!isRecord(spec)) {
    throw new TargetreeError(
      "INVALID_ARGUMENT",
      `Expected an object of ${known.join(", ")}, got ${describeValue(spec)}.`,
      { path },
    );
  }
  return readOptions(spec, known, path);
}

/** The metadata of one input spec; every problem in it is recorded. */
function inputMetadata(spec: unknown, path: ErrorPath, problems: Problems): Metadata {
  const record = problems.attempt(() => readSpec(spec, INPUT_SPEC_KEYS, path)) ?? {};
  const bound = (key: "min" | "max"): Decimal | null => {
    const value = own(record, key);
    if (value === undefined) return null;
    return problems.attempt(() => toDecimal(value as never, [...path, key])) ?? null;
  };
  const min = bound("min");
  const max = bound("max");
  if (min !== null && max !== null && min.gt(max)) {
    problems.add(new TargetreeError("INVALID_ARGUMENT", "min is greater than max.", { path }));
  }
  return {
    label: problems.attempt(() => optionalText(record, "label", path)) ?? null,
    unitLabel: problems.attempt(() => optionalText(record, "unitLabel", path)) ?? null,
    min,
    max,
    wholeNumber: problems.attempt(() => readBoolean(record, "wholeNumber", false, path)) ?? false,
  };
}

/** The metadata of one formula node's spec; every problem in it is recorded. */
function nodeMetadata(spec: unknown, path: ErrorPath, problems: Problems): Metadata {
  const record = problems.attempt(() => readSpec(spec, NODE_SPEC_KEYS, path)) ?? {};
  return {
    label: problems.attempt(() => optionalText(record, "label", path)) ?? null,
    unitLabel: problems.attempt(() => optionalText(record, "unitLabel", path)) ?? null,
    min: null,
    max: null,
    wholeNumber: false,
  };
}

/** An input no spec describes. */
const NO_METADATA: Metadata = {
  label: null,
  unitLabel: null,
  min: null,
  max: null,
  wholeNumber: false,
};

/** A metadata record (options.inputs / options.nodes): a plain object, or undefined. */
function metadataRecord(
  value: unknown,
  key: "inputs" | "nodes",
  problems: Problems,
): Readonly<Record<string, unknown>> | undefined {
  if (value === undefined) return undefined;
  if (isRecord(value)) return value;
  problems.add(
    new TargetreeError(
      "INVALID_ARGUMENT",
      `options.${key} must be an object, got ${describeValue(value)}.`,
      { path: ["options", key] },
    ),
  );
  return undefined;
}

/**
 * Checks `defineModel`'s arguments completely. Arguments of the wrong kind (formulas or options
 * that are not objects, no formula, an unknown option) throw at once; every other problem is
 * collected, in this order: each formula (name, syntax, self-reference), the cycle, the formulas'
 * types, `options.inputs` (names, kinds, unused entries, specs), likely typos of described
 * inputs, then `options.nodes`.
 */
export function checkModel(formulas: unknown, options: unknown): ModelCheck {
  if (!isRecord(formulas)) {
    throw new TargetreeError(
      "INVALID_ARGUMENT",
      `formulas must be an object of formula text by node name, got ${describeValue(formulas)}.`,
      { path: ["formulas"] },
    );
  }
  const settings = readOptions(options, OPTION_KEYS);
  if (Object.keys(formulas).length === 0) {
    throw new TargetreeError("INVALID_ARGUMENT", "A model needs at least one formula.", {
      path: ["formulas"],
    });
  }
  const problems = new Problems();

  // Each formula: its name, its text, its syntax, no self-reference.
  const formulaKeys = normalisedKeys(formulas, ["formulas"], problems);
  const trees = new Map<string, FormulaNode>();
  const texts = new Map<string, string>();
  const sources = new Map<string, FormulaSource>();
  const dependencies = new Map<string, readonly string[]>();
  for (const [name, key] of formulaKeys) {
    const text = formulas[key];
    const path = ["formulas", key];
    if (typeof text !== "string") {
      problems.add(
        new TargetreeError(
          "INVALID_ARGUMENT",
          `The formula of ${quote(key)} must be a string, got ${describeValue(text)}.`,
          { path },
        ),
      );
      continue;
    }
    const tree = problems.attempt(() => parseFormula(text, { name, path }));
    if (tree === undefined) continue;
    const source: FormulaSource = { name, text, path };
    const names = formulaNames(tree);
    if (names.includes(name)) {
      problems.add(
        formulaError(
          "SELF_REFERENCE",
          `the formula of ${quote(name)} refers to ${quote(name)} itself.`,
          source,
          spanOf(findName(tree, name)),
        ),
      );
      continue;
    }
    trees.set(name, tree);
    texts.set(name, text);
    sources.set(name, source);
    dependencies.set(name, Object.freeze(names));
  }
  const allParsed =
    trees.size === formulaKeys.size && formulaKeys.size === Object.keys(formulas).length;

  // The cycle, among the formulas that parsed.
  const parsedOrder = [...formulaKeys.keys()].filter((name) => trees.has(name));
  const { sorted, cycle } = topologicalOrder(parsedOrder, (name) => dependencies.get(name) ?? []);
  if (cycle !== null) {
    const shown = [...cycle, cycle[0]!];
    problems.add(
      new TargetreeError(
        "CYCLE",
        `The formulas refer to each other in a cycle: ${cycleText(shown)}.`,
        { path: ["formulas", formulaKeys.get(cycle[0]!)!], details: { cycle: shown } },
      ),
    );
  }

  // Every model node is a number.
  for (const name of parsedOrder) {
    const tree = trees.get(name)!;
    const source = sources.get(name)!;
    const type = problems.attempt(() => checkTypes(tree, source, "number"));
    if (type !== undefined && type !== "number") {
      problems.add(
        formulaError(
          "TYPE_MISMATCH",
          `a model node must be a number, but the formula of ${quote(name)} is a condition (true/false); use if(condition, a, b).`,
          source,
          spanOf(tree),
        ),
      );
    }
  }

  // Inputs: described ones first (in their key order), then by first appearance in the formulas.
  const referenced = new Set<string>();
  for (const names of dependencies.values()) for (const name of names) referenced.add(name);
  const inputsOption = metadataRecord(own(settings, "inputs"), "inputs", problems);
  const described =
    inputsOption === undefined
      ? new Map<string, string>()
      : normalisedKeys(inputsOption, ["options", "inputs"], problems);
  const describedInputs = [...described.keys()].filter((name) => !formulaKeys.has(name));
  const undescribed = new Set<string>();
  for (const names of dependencies.values()) {
    for (const name of names) {
      if (!formulaKeys.has(name) && !described.has(name)) undescribed.add(name);
    }
  }
  // A name one edit away from a described input is more likely a typo than a new input.
  const typos = new Map<string, string>();
  for (const name of undescribed) {
    const intended = describedInputs.find((input) => likelyTypo(name, input));
    if (intended !== undefined) typos.set(name, intended);
  }
  const misspelt = new Set(typos.values());
  const inputs: string[] = [];
  const metadata = new Map<string, Metadata>();
  for (const [name, key] of described) {
    const path = ["options", "inputs", key];
    if (formulaKeys.has(name)) {
      problems.add(
        new TargetreeError(
          "INVALID_ARGUMENT",
          `${quote(key)} is computed by a formula, not an input; describe it in options.nodes.`,
          { path },
        ),
      );
      continue;
    }
    if (!referenced.has(name) && allParsed) {
      // An unused input that a formula misspells is reported once, as the typo, below.
      if (!misspelt.has(name)) {
        problems.add(
          new TargetreeError(
            "UNKNOWN_NODE",
            `${quote(key)} is described in options.inputs but no formula uses it.`,
            { path },
          ),
        );
      }
      continue;
    }
    metadata.set(name, inputMetadata(inputsOption![key], path, problems));
    inputs.push(name);
  }
  for (const name of undescribed) {
    metadata.set(name, NO_METADATA);
    inputs.push(name);
  }
  for (const [name, intended] of typos) {
    const reader = parsedOrder.find((formula) => dependencies.get(formula)!.includes(name))!;
    problems.add(
      formulaError(
        "LIKELY_TYPO",
        `${quote(name)} is not described in options.inputs, but the described input ${quote(intended)} is one edit away: a typo? If it is a separate input, describe it in options.inputs too.`,
        sources.get(reader)!,
        spanOf(findName(trees.get(reader)!, name)),
        { name, closest: intended },
      ),
    );
  }

  // Labels and unit labels of formula nodes.
  const nodesOption = metadataRecord(own(settings, "nodes"), "nodes", problems);
  const nodeKeys =
    nodesOption === undefined
      ? new Map<string, string>()
      : normalisedKeys(nodesOption, ["options", "nodes"], problems);
  for (const [name, key] of nodeKeys) {
    const path = ["options", "nodes", key];
    if (!formulaKeys.has(name)) {
      problems.add(
        referenced.has(name) || described.has(name)
          ? new TargetreeError(
              "INVALID_ARGUMENT",
              `${quote(key)} is an input; describe it in options.inputs.`,
              { path },
            )
          : new TargetreeError(
              "UNKNOWN_NODE",
              `${quote(key)} is described in options.nodes but is not a node of the model.`,
              { path },
            ),
      );
      continue;
    }
    metadata.set(name, nodeMetadata(nodesOption![key], path, problems));
  }

  if (problems.list.length > 0) return { problems: problems.list, model: null };
  return {
    problems: [],
    model: buildModel(inputs, sorted, { trees, texts, sources, dependencies, metadata }),
  };
}
