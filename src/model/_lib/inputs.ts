// Reading caller inputs: own keys only, NFC-tolerant, typos reported, bounds checked. Numbers take
// a fast path (bounds compared as JS numbers where that is exact); everything else goes through
// toDecimal.

import { didYouMean } from "../../_lib/closest.js";
import { Decimal } from "../../_lib/decimal.js";
import { describeValue, type ErrorPath, TargetreeError } from "../../_lib/errors.js";
import { decimalFromNumber } from "../../_lib/fromNumber.js";
import { isRecord } from "../../_lib/records.js";
import type { Numeric } from "../../_lib/types.js";
import { quote } from "../../formula/internal.js";
import { formatAmount } from "../../numbers/formatAmount.js";
import { toDecimal } from "../../numbers/toDecimal.js";
import type { InputRule, ModelInternals } from "./internals.js";

/** The rule of one input: bounds pre-converted to numbers where that comparison is exact. */
export function makeRule(
  name: string,
  min: Decimal | null,
  max: Decimal | null,
  wholeNumber: boolean,
): InputRule {
  const asNumber = (bound: Decimal | null): number | null => {
    if (bound === null) return null;
    const number = Number(bound.toString());
    // v ≤ d ⇔ Decimal(v) ≤ bound for every double v, when bound is the shortest decimal of d.
    return Number.isFinite(number) && new Decimal(number).eq(bound) ? number : null;
  };
  const minNumber = asNumber(min);
  const maxNumber = asNumber(max);
  return {
    name,
    min,
    max,
    wholeNumber,
    minNumber,
    maxNumber,
    numberBoundsExact: (min === null || minNumber !== null) && (max === null || maxNumber !== null),
  };
}

/** A value for a message: grouped digits, or 12 significant digits when that is long or rounded. */
const show = (value: Decimal): string => {
  if (value.decimalPlaces() > 20 || value.abs().gte("1e30")) {
    return value.toSignificantDigits(12).toString();
  }
  return formatAmount(value, { scale: "none", digits: 20 });
};

function outOfBounds(rule: InputRule, value: Decimal, path: ErrorPath): never {
  const below = rule.min !== null && value.lt(rule.min);
  throw new TargetreeError(
    "OUT_OF_BOUNDS",
    below
      ? `${quote(rule.name)} is ${show(value)}, below its minimum ${show(rule.min!)}.`
      : `${quote(rule.name)} is ${show(value)}, above its maximum ${show(rule.max!)}.`,
    {
      path,
      details: {
        value: value.toString(),
        min: rule.min?.toString() ?? null,
        max: rule.max?.toString() ?? null,
      },
    },
  );
}

function notWhole(rule: InputRule, value: Decimal, path: ErrorPath): never {
  throw new TargetreeError(
    "NOT_A_WHOLE_NUMBER",
    `${quote(rule.name)} counts whole units, but is ${show(value)}.`,
    { path, details: { value: value.toString() } },
  );
}

/** Checks a Decimal against an input's bounds and whole-number rule; returns it. */
export function checkInput(rule: InputRule, value: Decimal, path: ErrorPath): Decimal {
  if ((rule.min !== null && value.lt(rule.min)) || (rule.max !== null && value.gt(rule.max))) {
    outOfBounds(rule, value, path);
  }
  if (rule.wholeNumber && !value.isInteger()) notWhole(rule, value, path);
  return value;
}

/**
 * Converts and checks one caller value. The error path ends with `key`, the caller's own key
 * (which may be in another Unicode normal form than the input's NFC name); it is built only when
 * needed.
 */
export function convertInput(
  raw: unknown,
  rule: InputRule,
  pathPrefix: ErrorPath,
  key: string = rule.name,
): Decimal {
  // Stryker disable next-line StringLiteral,BlockStatement: a fast path; toDecimal and checkInput agree
  if (typeof raw === "number" && rule.numberBoundsExact) {
    if (raw - raw !== 0) {
      throw new TargetreeError(
        "INVALID_NUMBER",
        `Expected a finite number, got ${describeValue(raw)}.`,
        { path: [...pathPrefix, key] },
      );
    }
    if (
      (rule.minNumber !== null && raw < rule.minNumber) ||
      (rule.maxNumber !== null && raw > rule.maxNumber)
    ) {
      outOfBounds(rule, new Decimal(raw), [...pathPrefix, key]);
    }
    if (rule.wholeNumber && !Number.isInteger(raw)) {
      notWhole(rule, new Decimal(raw), [...pathPrefix, key]);
    }
    return decimalFromNumber(raw);
  }
  const path = [...pathPrefix, key];
  return checkInput(rule, toDecimal(raw as Numeric, path), path);
}

export interface ReadInputsOptions {
  /** Path of the inputs record in the caller's arguments. Default `["inputs"]`. */
  readonly path?: ErrorPath;
  /** Inputs that may be absent (e.g. the one being solved for); their slots hold null. */
  readonly optional?: ReadonlySet<string>;
}

/**
 * Reads every input of the model from a caller's record into slots `0 … inputCount-1` of a fresh
 * array of length `names.length`. Reads own keys only; accepts keys in any Unicode normal form;
 * rejects unknown keys (typos) and keys that name formula nodes.
 */
export function readInputs(
  internals: ModelInternals,
  inputs: unknown,
  options: ReadInputsOptions = {},
): (Decimal | null)[] {
  const pathPrefix = options.path ?? ["inputs"];
  if (!isRecord(inputs)) {
    throw new TargetreeError(
      "INVALID_ARGUMENT",
      `Inputs must be an object of input values by name, got ${describeValue(inputs)}.`,
      { path: pathPrefix },
    );
  }
  const record = inputs as Readonly<Record<string, unknown>>;
  const { inputCount, names, rules } = internals;
  // Stryker disable next-line ArrayDeclaration: every slot is written before it is read
  const values: (Decimal | null)[] = new Array(names.length).fill(null);
  let found = 0;
  for (let slot = 0; slot < inputCount; slot++) {
    const name = names[slot]!;
    if (!Object.hasOwn(record, name)) {
      return readSlowly(internals, record, values, pathPrefix, options.optional);
    }
    // Stryker disable next-line UpdateOperator: a wrong count only takes readSlowly, which agrees
    found++;
    values[slot] = convertInput(record[name], rules[slot]!, pathPrefix);
  }
  if (Object.keys(record).length !== found) {
    return readSlowly(internals, record, values, pathPrefix, options.optional);
  }
  return values;
}

/** The careful path: normalise keys, report unknown and duplicate keys, then missing inputs. */
function readSlowly(
  internals: ModelInternals,
  record: Readonly<Record<string, unknown>>,
  values: (Decimal | null)[],
  pathPrefix: ErrorPath,
  optional: ReadonlySet<string> | undefined,
): (Decimal | null)[] {
  const { inputCount, names, rules, slotOf } = internals;
  const keyOf = new Map<string, string>();
  for (const key of Object.keys(record)) {
    const name = key.normalize("NFC");
    const slot = slotOf.get(name);
    if (slot === undefined) {
      throw new TargetreeError(
        "UNKNOWN_NODE",
        `${quote(key)} is not an input of the model.${didYouMean(name, names.slice(0, inputCount))}`,
        { path: [...pathPrefix, key] },
      );
    }
    if (slot >= inputCount) {
      throw new TargetreeError(
        "INVALID_ARGUMENT",
        `${quote(key)} is computed by its formula, so it cannot be given as an input.`,
        { path: [...pathPrefix, key] },
      );
    }
    const earlier = keyOf.get(name);
    if (earlier !== undefined) {
      throw new TargetreeError(
        "DUPLICATE_NAME",
        `${quote(earlier)} and ${quote(key)} are the same input after Unicode normalisation.`,
        { path: [...pathPrefix, key] },
      );
    }
    keyOf.set(name, key);
  }
  for (let slot = 0; slot < inputCount; slot++) {
    const name = names[slot]!;
    const key = keyOf.get(name);
    if (key === undefined) {
      if (optional?.has(name)) {
        values[slot] = null;
        continue;
      }
      throw new TargetreeError("MISSING_INPUT", `The input ${quote(name)} was not given.`, {
        path: [...pathPrefix, name],
      });
    }
    values[slot] = convertInput(record[key], rules[slot]!, pathPrefix, key);
  }
  return values;
}
