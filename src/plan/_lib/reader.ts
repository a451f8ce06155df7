// The plan document's reader primitives: each reads one field, records every problem with its
// JSON path instead of throwing at the first, and returns the value (or undefined when absent or
// bad). Unknown fields are collected apart, so lintPlan can report them as findings.
import { closest } from "../../_lib/closest.js";
import type { Decimal } from "../../_lib/decimal.js";
import type { ErrorPath, TargetreeErrorCode } from "../../_lib/errors.js";
import { describeValue, excerpt, formatPath, TargetreeError } from "../../_lib/errors.js";
import { isRecord, own } from "../../_lib/records.js";
import type { Numeric } from "../../_lib/types.js";
import { toDecimal } from "../../numbers/toDecimal.js";
import type { PlanProblem } from "../types.js";

/** A field the document version does not define. */
export interface UnknownField {
  readonly path: ErrorPath;
  readonly field: string;
  /** The known field it most likely means, or null. */
  readonly suggestion: string | null;
  /** True when the record also has the suggested field. */
  readonly taken: boolean;
  readonly message: string;
}

/** What reading found: problems that keep the document from being read, and unknown fields. */
export interface Reader {
  /** Problems that keep the document from being read. */
  readonly problems: PlanProblem[];
  /** Fields the version does not define. */
  readonly unknown: UnknownField[];
  /** Both, in the order they were found (document order), unknown fields as `UNKNOWN_FIELD`. */
  readonly all: PlanProblem[];
}

export function newReader(): Reader {
  return { problems: [], unknown: [], all: [] };
}

export function report(
  reader: Reader,
  path: ErrorPath,
  message: string,
  code: TargetreeErrorCode = "INVALID_ARGUMENT",
): void {
  const problem = { path: [...path], code, message };
  reader.problems.push(problem);
  reader.all.push(problem);
}

/** The message of a TargetreeError without its `CODE: ` prefix and ` (at path)` suffix. */
export function bareMessage(error: TargetreeError): string {
  let message = error.message;
  const prefix = `${error.code}: `;
  if (message.startsWith(prefix)) message = message.slice(prefix.length);
  const suffix = error.path.length > 0 ? ` (at ${formatPath(error.path)})` : "";
  if (suffix !== "" && message.endsWith(suffix)) message = message.slice(0, -suffix.length);
  return message;
}

/**
 * Runs a core check; its TargetreeError becomes a problem at `mapPath(error.path)`. Any other
 * error is a bug and propagates. Returns the check's result, or undefined.
 */
export function attempt<T>(
  reader: Reader,
  check: () => T,
  mapPath: (path: ErrorPath) => ErrorPath,
): T | undefined {
  try {
    return check();
  } catch (error) {
    if (!(error instanceof TargetreeError)) throw error;
    report(reader, mapPath(error.path), bareMessage(error), error.code);
    return undefined;
  }
}

/** Fields renamed by the vocabulary of 0.x: an old name points at the new one. */
const RENAMED: Readonly<Record<string, string>> = {
  wholeNumbers: "wholeNumber",
  note: "reason",
};

/**
 * The library's words for fields the document names with PLAN.md's words: the period's `basis`
 * is `spreadBy` in splitByPeriod, a metric's `current` is `actual` in gap.
 */
const LIBRARY_WORDS: Readonly<Record<string, string>> = {
  spreadBy: "basis",
  actual: "current",
};

/**
 * Checks that `value` is a record (a plain object: not an array, a Map or a Set) and collects its
 * fields that are not in `known`, each with the closest known name. Returns the record, or null
 * (with a problem) when it is not one.
 */
export function readRecord(
  reader: Reader,
  value: unknown,
  path: ErrorPath,
  known: readonly string[],
  what: string,
): Readonly<Record<string, unknown>> | null {
  if (!isRecord(value)) {
    const subject = `${what.charAt(0).toUpperCase()}${what.slice(1)}`;
    report(reader, path, `${subject} must be an object, got ${describeValue(value)}.`);
    return null;
  }
  for (const field of Object.keys(value)) {
    if (known.includes(field)) continue;
    const renamed = Object.hasOwn(RENAMED, field) ? RENAMED[field]! : undefined;
    const word = Object.hasOwn(LIBRARY_WORDS, field) ? LIBRARY_WORDS[field]! : undefined;
    const suggestion =
      renamed !== undefined && known.includes(renamed)
        ? renamed
        : word !== undefined && known.includes(word)
          ? word
          : (closest(field, known) ?? null);
    const hint =
      suggestion === null
        ? ""
        : renamed === suggestion
          ? ` It is called ${JSON.stringify(suggestion)} now.`
          : word === suggestion
            ? ` The plan document calls it ${JSON.stringify(suggestion)} (PLAN.md's word).`
            : ` Did you mean ${JSON.stringify(suggestion)}?`;
    const message = `Unknown field ${excerpt(field)} in ${what}.${hint} Known fields: ${known.join(", ")}.`;
    const taken = suggestion !== null && own(value, suggestion) !== undefined;
    reader.unknown.push({ path: [...path, field], field, suggestion, taken, message });
    reader.all.push({ path: [...path, field], code: "UNKNOWN_FIELD", message });
  }
  return value;
}

/** Absent (own property missing or undefined) → undefined, with a problem when required. */
function present(
  reader: Reader,
  record: Readonly<Record<string, unknown>>,
  key: string,
  path: ErrorPath,
  required: string | false,
): unknown {
  const value = own(record, key);
  if (value === undefined && required !== false) {
    report(reader, [...path, key], `Missing: ${key} (${required}).`);
  }
  return value;
}

export interface TextRule {
  /** Why the field is needed, for the "Missing" message; `false` for an optional field. */
  readonly required: string | false;
}

/** A non-empty string. */
export function readText(
  reader: Reader,
  record: Readonly<Record<string, unknown>>,
  key: string,
  path: ErrorPath,
  rule: TextRule,
): string | undefined {
  const value = present(reader, record, key, path, rule.required);
  if (value === undefined) return undefined;
  if (typeof value !== "string" || value.trim() === "") {
    report(
      reader,
      [...path, key],
      `${key} must be a non-empty string, got ${describeValue(value)}.`,
    );
    return undefined;
  }
  return value;
}

export interface AmountRule {
  readonly required: string | false;
  /** Refuse negative values (`"non-negative"`), or zero too (`"positive"`). */
  readonly sign?: "non-negative" | "positive";
  /** The code of a sign problem. Default `INVALID_ARGUMENT`. */
  readonly signCode?: TargetreeErrorCode;
}

/** A Numeric value: a finite number, a numeric string ("1.2亿", "40%", "8,000") or a Decimal. */
export function readAmount(
  reader: Reader,
  record: Readonly<Record<string, unknown>>,
  key: string,
  path: ErrorPath,
  rule: AmountRule,
): Numeric | undefined {
  const value = present(reader, record, key, path, rule.required);
  if (value === undefined) return undefined;
  return checkAmount(reader, value, [...path, key], rule) === undefined
    ? undefined
    : (value as Numeric);
}

/** Checks one Numeric value at `path`; returns it as a Decimal, or undefined with a problem. */
export function checkAmount(
  reader: Reader,
  value: unknown,
  path: ErrorPath,
  rule: Pick<AmountRule, "sign" | "signCode">,
): Decimal | undefined {
  const decimal = attempt(
    reader,
    () => toDecimal(value as Numeric, path),
    () => path,
  );
  if (decimal === undefined) return undefined;
  const negative = decimal.isNegative() && !decimal.isZero();
  // Own reads: the rule's optional fields are never answered by Object.prototype.
  const sign = own(rule, "sign") as AmountRule["sign"];
  const signCode = own(rule, "signCode") as TargetreeErrorCode | undefined;
  if (sign !== undefined && (negative || (sign === "positive" && decimal.isZero()))) {
    report(
      reader,
      path,
      `Expected a value ${sign === "positive" ? "> 0" : "≥ 0"}, got ${describeValue(value)}.`,
      signCode ?? "INVALID_ARGUMENT",
    );
    return undefined;
  }
  return decimal;
}

/** The rounding step: a positive Numeric, or `"万"` / `"亿"` for 1万 / 1亿. */
export function readUnit(
  reader: Reader,
  record: Readonly<Record<string, unknown>>,
  path: ErrorPath,
): Numeric | undefined {
  const value = own(record, "unit");
  if (value === undefined) return undefined;
  const decimal = unitValue(value);
  if (decimal === null) {
    report(
      reader,
      [...path, "unit"],
      `unit must be a positive step such as "0.01", 1, "1万" or "万", got ${describeValue(value)}.`,
    );
    return undefined;
  }
  return value as Numeric;
}

/** The step a unit stands for, or null when it is not a positive Numeric (or 万 / 亿). */
export function unitValue(value: unknown): Decimal | null {
  const spelled = value === "万" ? "1万" : value === "亿" ? "1亿" : value;
  try {
    const decimal = toDecimal(spelled as Numeric);
    return decimal.isPositive() && !decimal.isZero() ? decimal : null;
  } catch (error) {
    if (error instanceof TargetreeError) return null;
    throw error;
  }
}

/** One of a fixed set of strings, with the closest one suggested. */
export function readChoice<T extends string>(
  reader: Reader,
  record: Readonly<Record<string, unknown>>,
  key: string,
  choices: readonly T[],
  path: ErrorPath,
  required: string | false = false,
): T | undefined {
  const value = present(reader, record, key, path, required);
  if (value === undefined) return undefined;
  if (typeof value === "string" && (choices as readonly string[]).includes(value))
    return value as T;
  const suggestion = typeof value === "string" ? closest(value, choices) : undefined;
  report(
    reader,
    [...path, key],
    `${key} must be ${choices.map((choice) => JSON.stringify(choice)).join(" or ")}, got ${describeValue(value)}.${suggestion === undefined ? "" : ` Did you mean ${JSON.stringify(suggestion)}?`}`,
  );
  return undefined;
}

/** A whole number from `min` up. */
export function readInteger(
  reader: Reader,
  record: Readonly<Record<string, unknown>>,
  key: string,
  min: number,
  path: ErrorPath,
  required: string | false = false,
): number | undefined {
  const value = present(reader, record, key, path, required);
  if (value === undefined) return undefined;
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value < min) {
    report(
      reader,
      [...path, key],
      `${key} must be a whole number ≥ ${min}, got ${describeValue(value)}.`,
    );
    return undefined;
  }
  return value;
}

/** An array (at least `min` items). */
export function readList(
  reader: Reader,
  record: Readonly<Record<string, unknown>>,
  key: string,
  path: ErrorPath,
  rule: { readonly required: string | false; readonly min?: number },
): readonly unknown[] | undefined {
  const value = present(reader, record, key, path, rule.required);
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) {
    report(reader, [...path, key], `${key} must be an array, got ${describeValue(value)}.`);
    return undefined;
  }
  const min = (own(rule, "min") as number | undefined) ?? 0;
  if (value.length < min) {
    report(
      reader,
      [...path, key],
      `${key} must have at least ${min} ${min === 1 ? "entry" : "entries"}.`,
    );
    return undefined;
  }
  return value;
}

/**
 * A record of named entries (shares, weights, inputs, customers): keys free of invisible
 * characters and distinct after NFC, at least `min` entries; each value read by `each`.
 * Returns a fresh record in the caller's key order (`__proto__` stays an ordinary key).
 */
export function readEntries<T>(
  reader: Reader,
  record: Readonly<Record<string, unknown>>,
  key: string,
  path: ErrorPath,
  rule: { readonly required: string | false; readonly min?: number; readonly what: string },
  each: (value: unknown, path: ErrorPath) => T | undefined,
): Readonly<Record<string, T>> | undefined {
  const value = present(reader, record, key, path, rule.required);
  if (value === undefined) return undefined;
  return checkEntries(reader, value, [...path, key], rule, each);
}

/** {@link readEntries} for a value already taken from its record. */
export function checkEntries<T>(
  reader: Reader,
  value: unknown,
  path: ErrorPath,
  rule: { readonly min?: number; readonly what: string },
  each: (value: unknown, path: ErrorPath) => T | undefined,
): Readonly<Record<string, T>> | undefined {
  if (!isRecord(value)) {
    report(reader, path, `Expected an object of ${rule.what}, got ${describeValue(value)}.`);
    return undefined;
  }
  const keys = Object.keys(value);
  const min = (own(rule, "min") as number | undefined) ?? 0;
  if (keys.length < min) {
    report(reader, path, `Expected at least ${min} ${rule.what}, got none.`);
    return undefined;
  }
  const out: Record<string, T> = {};
  const seen = new Map<string, string>();
  let ok = true;
  for (const name of keys) {
    const at = [...path, name];
    const normal = checkName(reader, name, at);
    if (normal === undefined) ok = false;
    else {
      const earlier = seen.get(normal);
      if (earlier !== undefined) {
        report(
          reader,
          at,
          `${JSON.stringify(earlier)} and ${JSON.stringify(name)} are the same name after Unicode (NFC) normalisation.`,
          "DUPLICATE_KEY",
        );
        ok = false;
      } else seen.set(normal, name);
    }
    const item = each(own(value, name), at);
    if (item === undefined) ok = false;
    else setOwn(out, name, item);
  }
  return ok ? out : undefined;
}

const INVISIBLE = /[\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/u;

/** A name or key: refuses invisible and bidirectional control characters; returns its NFC form. */
export function checkName(reader: Reader, name: string, path: ErrorPath): string | undefined {
  const found = INVISIBLE.exec(name);
  if (found !== null) {
    const codePoint = `U+${found[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;
    report(
      reader,
      path,
      `The name ${excerpt(name)} contains the invisible or bidirectional control character ${codePoint} at position ${found.index + 1}.`,
      "INVALID_CHARACTER",
    );
    return undefined;
  }
  return name.normalize("NFC");
}

/** Sets an own, enumerable property, `__proto__` included, without touching the prototype. */
export function setOwn(record: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(record, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

/**
 * A fresh null-prototype object with the defined fields of `fields`, in order: a field left out
 * reads as undefined even when a name is planted on Object.prototype.
 */
export function compact<T>(fields: Readonly<Record<string, unknown>>): T {
  const out: Record<string, unknown> = Object.create(null);
  for (const key of Object.keys(fields)) {
    const value = fields[key];
    if (value !== undefined) setOwn(out, key, value);
  }
  return out as T;
}

/**
 * A deep copy of plain data (arrays and plain records, `__proto__` kept as an ordinary key); any
 * other value (a string, a number, a Decimal) is kept as it is, since it is immutable.
 */
export function copyData<T>(value: T): T {
  if (Array.isArray(value)) return value.map(copyData) as T;
  if (typeof value !== "object" || value === null) return value;
  const prototype = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value))
    setOwn(out, key, copyData((value as Record<string, unknown>)[key]));
  return out as T;
}
