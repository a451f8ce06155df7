// Validation of the solving and attribution options: names, numbers, counts, input records.
import { readItems } from "../../_lib/arrays.js";
import { didYouMean } from "../../_lib/closest.js";
import { Decimal } from "../../_lib/decimal.js";
import { describeValue, type ErrorPath, excerpt, TargetreeError } from "../../_lib/errors.js";
import { readOptions } from "../../_lib/options.js";
import { isRecord, own } from "../../_lib/records.js";
import type { Numeric } from "../../_lib/types.js";
import { internalsOf, readInputs } from "../../model/internal.js";
import type { Model } from "../../model/types.js";
import { toDecimal } from "../../numbers/toDecimal.js";

const invalid = (message: string, path: ErrorPath): TargetreeError =>
  new TargetreeError("INVALID_ARGUMENT", message, { path });

/**
 * The options object of an analysis function: required (it names the output), a plain object,
 * read by own keys, with an unknown key refused (`UNKNOWN_OPTION`, naming the nearest known one).
 */
export function readAnalysisOptions(
  options: unknown,
  known: readonly string[],
  functionName: string,
): Readonly<Record<string, unknown>> {
  if (!isRecord(options)) {
    throw invalid(`${functionName} needs an options object, got ${describeValue(options)}.`, [
      "options",
    ]);
  }
  return readOptions(options, known);
}

/** A node name of the model (input or formula), NFC-normalised. UNKNOWN_NODE otherwise. */
export function nodeName(model: Model, value: unknown, path: ErrorPath): string {
  if (typeof value !== "string") {
    throw invalid(`Expected a node name (a string), got ${describeValue(value)}.`, path);
  }
  const name = value.normalize("NFC");
  if (!Object.hasOwn(model.nodes, name)) {
    throw new TargetreeError(
      "UNKNOWN_NODE",
      `${excerpt(value)} is not a node of the model.${didYouMean(name, model.order)}`,
      { path },
    );
  }
  return name;
}

/** An input name of the model: UNKNOWN_NODE for an unknown name, INVALID_ARGUMENT for a formula node. */
export function inputName(model: Model, value: unknown, path: ErrorPath): string {
  const name = nodeName(model, value, path);
  if (model.nodes[name]!.kind !== "input") {
    throw invalid(
      `${excerpt(name)} is computed by a formula; only inputs can be varied or attributed.`,
      path,
    );
  }
  return name;
}

/** A list of distinct input names (at least one). */
export function inputNames(model: Model, value: unknown, path: ErrorPath): string[] {
  if (!Array.isArray(value)) {
    throw invalid(`Expected a list of input names, got ${describeValue(value)}.`, path);
  }
  const items = readItems(value as readonly unknown[], path);
  if (items.length === 0) throw invalid("The list of inputs is empty; name at least one.", path);
  const names: string[] = [];
  items.forEach((item: unknown, index) => {
    const name = inputName(model, item, [...path, index]);
    if (names.includes(name)) {
      throw invalid(`${excerpt(name)} is listed twice.`, [...path, index]);
    }
    names.push(name);
  });
  return names;
}

/** A caller number, required. */
export function requiredNumber(value: unknown, path: ErrorPath): Decimal {
  if (value === undefined) throw invalid("This number is required.", path);
  return toDecimal(value as Numeric, path);
}

/** A caller number, or null when absent. */
export function optionalNumber(value: unknown, path: ErrorPath): Decimal | null {
  return value === undefined ? null : toDecimal(value as Numeric, path);
}

/** A whole number in [1, max], or the fallback when absent (a reader the shared one lacks). */
export function countOption(
  value: unknown,
  path: ErrorPath,
  fallback: number,
  max: number,
): number {
  if (value === undefined) return fallback;
  if (typeof value !== "number" || !Number.isInteger(value) || value < 1 || value > max) {
    throw invalid(`Expected a whole number from 1 to ${max}, got ${describeValue(value)}.`, path);
  }
  return value;
}

/**
 * Every input value from a caller's record, checked against the model's bounds: own keys only,
 * UNKNOWN_NODE for a key that is not an input, MISSING_INPUT for an absent input (unless optional).
 */
export function inputValues(
  model: Model,
  record: unknown,
  path: ErrorPath,
  optional: ReadonlySet<string> = new Set(),
): Map<string, Decimal> {
  const internals = internalsOf(model);
  const slots = readInputs(internals, record, { path, optional });
  const values = new Map<string, Decimal>();
  for (let slot = 0; slot < internals.inputCount; slot++) {
    const value = slots[slot];
    if (value !== null && value !== undefined) values.set(internals.names[slot]!, value);
  }
  return values;
}

/** A null-prototype record from a Map, in the Map's order. */
export function toRecord<T>(entries: Iterable<readonly [string, T]>): Record<string, T> {
  const record: Record<string, T> = Object.create(null);
  for (const [key, value] of entries) record[key] = value;
  return record;
}

/** The tighter of a declared bound and a caller's bound. */
export function tighter(
  declared: Decimal | null,
  given: Decimal | null,
  side: "lower" | "upper",
): Decimal | null {
  if (declared === null) return given;
  if (given === null) return declared;
  return side === "lower" ? Decimal.max(declared, given) : Decimal.min(declared, given);
}

/** The optional `tolerance` of a numeric search: a non-negative number, or `null` for the default. */
export function toleranceOption(settings: Readonly<Record<string, unknown>>): Decimal | null {
  const path = ["options", "tolerance"];
  const tolerance = optionalNumber(own(settings, "tolerance"), path);
  if (tolerance?.isNegative()) {
    throw new TargetreeError("INVALID_ARGUMENT", "tolerance must be ≥ 0.", { path });
  }
  return tolerance;
}

/** Refuses a search range whose lower end is above its upper end. */
export function checkRange(lower: Decimal | null, upper: Decimal | null): void {
  if (lower !== null && upper !== null && lower.gt(upper)) {
    throw new TargetreeError("INVALID_ARGUMENT", "min is greater than max.", {
      path: ["options", "min"],
    });
  }
}
