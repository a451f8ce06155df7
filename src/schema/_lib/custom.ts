// Schemas zod cannot express directly: records that keep `__proto__` as an ordinary key,
// values checked by the library's own rules, one-of-two forms, and depth-limited trees.
// Each carries its JSON Schema under JSON_SCHEMA, which `toJsonSchema` asks for.
import * as z from "zod/mini";
import type { TargetreeErrorCode } from "../../_lib/errors.js";
import { describeValue } from "../../_lib/errors.js";
import type { IssuePath, Problem, RawIssue, Report } from "./issues.js";
import { issueMessage, problemIssue } from "./issues.js";

/** A JSON Schema (draft 2020-12) as a plain object. */
export type JsonSchema = { readonly [keyword: string]: unknown };

/** Converts a nested schema to JSON Schema with the settings of the conversion in progress. */
export type Convert = (schema: z.core.$ZodType) => JsonSchema;

/** Where a schema built here keeps the function that describes it in JSON Schema. */
export const JSON_SCHEMA: unique symbol = /* @__PURE__ */ Symbol("targetree.jsonSchema");

/** Where a schema keeps the error code (and details) `validate` uses for issues without one. */
export const ERROR_DEFAULTS: unique symbol = /* @__PURE__ */ Symbol("targetree.errorDefaults");

export interface ErrorDefaults {
  readonly code: TargetreeErrorCode;
  readonly details: Readonly<Record<string, unknown>>;
}

/** Options of every nested parse: the library's messages, the input in issues, no generated code. */
export const PARSE_OPTIONS = /* @__PURE__ */ Object.freeze({
  error: issueMessage,
  reportInput: true,
  jitless: true,
});

function tag<S extends object>(schema: S, key: symbol, value: unknown): S {
  Object.defineProperty(schema, key, { value, enumerable: false });
  return schema;
}

/** Gives a schema its fallback error code for `validate` (e.g. `INVALID_CALENDAR_DATA`). */
/* @__NO_SIDE_EFFECTS__ */
export function withErrorDefaults<S extends object>(schema: S, defaults: ErrorDefaults): S {
  return tag(schema, ERROR_DEFAULTS, defaults);
}

/** The fallback error code and details of a schema. */
export function errorDefaults(schema: object): ErrorDefaults {
  const found = (schema as { [ERROR_DEFAULTS]?: ErrorDefaults })[ERROR_DEFAULTS];
  return found ?? { code: "INVALID_ARGUMENT", details: {} };
}

/**
 * A schema whose value is checked by `run`, which reports problems and returns the output.
 * `json` describes it in JSON Schema.
 */
/* @__NO_SIDE_EFFECTS__ */
export function customSchema<T>(
  run: (value: unknown, report: Report) => T,
  json: (convert: Convert) => JsonSchema,
): z.ZodMiniType<T> {
  const base = z.custom<T>();
  const schema = base.check(
    z.check<T>((payload) => {
      const issues: RawIssue[] = [];
      const output = run(payload.value, (issue) => {
        issues.push(issue);
      });
      if (issues.length === 0) payload.value = output;
      else payload.issues.push(...issues);
    }),
  );
  // zod also converts the schema a check was added to, so both carry the description.
  tag(base, JSON_SCHEMA, json);
  return tag(schema, JSON_SCHEMA, json);
}

/** Reports a problem found by a check. */
export function reportProblem(report: Report, problem: Problem, input: unknown): void {
  report(problemIssue(problem, input));
}

/**
 * Parses `value` with a nested schema and reports its issues under `path`.
 * Returns the parsed value, or `undefined` when there were issues.
 */
export function parseNested<T>(
  schema: z.core.$ZodType<T>,
  value: unknown,
  path: IssuePath,
  report: Report,
): { readonly ok: true; readonly value: T } | { readonly ok: false } {
  const result = z.safeParse(schema, value, PARSE_OPTIONS);
  if (result.success) return { ok: true, value: result.data };
  for (const issue of result.error.issues) {
    report({ ...issue, path: [...path, ...issue.path] } as RawIssue);
  }
  return { ok: false };
}

/** One of two forms, chosen by `isFirst`: the issues are those of the chosen form. */
/* @__NO_SIDE_EFFECTS__ */
export function either<A, B>(
  isFirst: (value: unknown) => boolean,
  first: z.core.$ZodType<A>,
  second: z.core.$ZodType<B>,
): z.ZodMiniType<A | B> {
  return customSchema<A | B>(
    (value, report) => {
      const result = isFirst(value)
        ? parseNested<A | B>(first, value, [], report)
        : parseNested<A | B>(second, value, [], report);
      return result.ok ? result.value : (value as A | B);
    },
    (convert) => ({ anyOf: [convert(first), convert(second)] }),
  );
}

/** True for an object that is not an array, a Map or a Set: its own keys are its entries. */
export function isPlainRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return (
    typeof value === "object" &&
    value !== null &&
    !Array.isArray(value) &&
    !(value instanceof Map) &&
    !(value instanceof Set)
  );
}

/** How the keys of a record are checked. */
export interface KeyRule {
  /** A problem with one key (message and code), or `null`. */
  readonly check: (key: string) => Problem | null;
  /** The form two keys are compared in (NFC), to find duplicates. */
  readonly normalise: (key: string) => string;
  /** The code for two keys that are the same after `normalise`. */
  readonly duplicateCode: TargetreeErrorCode;
  /** The keys in JSON Schema (`propertyNames`). */
  readonly json: JsonSchema;
}

export interface KeyedRecordOptions {
  /** What the record holds, for messages: `"formula text by node name"`. */
  readonly what: string;
  /** The fewest entries, with the message when there are fewer. */
  readonly minEntries?: { readonly count: number; readonly message: string };
}

/**
 * A record keyed by names. Unlike `z.record`, which drops a `__proto__` key, every own key is an
 * ordinary key (`__proto__` and `constructor` included): it is checked, and the output is a fresh
 * null-prototype record in the caller's key order, so nothing can be polluted.
 */
/* @__NO_SIDE_EFFECTS__ */
export function keyedRecord<V>(
  valueSchema: z.core.$ZodType<V>,
  rule: KeyRule,
  options: KeyedRecordOptions,
): z.ZodMiniType<Readonly<Record<string, V>>> {
  return customSchema<Readonly<Record<string, V>>>(
    (value, report) => {
      const output: Record<string, V> = Object.create(null);
      if (!isPlainRecord(value)) {
        reportProblem(
          report,
          { message: `Expected an object of ${options.what}, got ${describeValue(value)}.` },
          value,
        );
        return output;
      }
      const keys = Object.keys(value);
      const min = options.minEntries;
      if (min !== undefined && keys.length < min.count) {
        reportProblem(report, { message: min.message }, value);
      }
      const seen = new Map<string, string>();
      for (const key of keys) {
        const keyProblem = rule.check(key);
        if (keyProblem !== null) {
          reportProblem(report, { ...keyProblem, path: [key] }, value);
        } else {
          const normal = rule.normalise(key);
          const earlier = seen.get(normal);
          if (earlier !== undefined) {
            reportProblem(
              report,
              {
                message: `${JSON.stringify(earlier)} and ${JSON.stringify(key)} are the same name after Unicode (NFC) normalisation.`,
                path: [key],
                code: rule.duplicateCode,
                details: { names: [earlier, key] },
              },
              value,
            );
          } else seen.set(normal, key);
        }
        const parsed = parseNested(valueSchema, value[key], [key], report);
        // A null-prototype record: `__proto__` is assigned as an ordinary own key.
        if (parsed.ok) output[key] = parsed.value;
      }
      return output;
    },
    (convert) => ({
      type: "object",
      propertyNames: rule.json,
      additionalProperties: convert(valueSchema),
      ...(options.minEntries === undefined ? {} : { minProperties: options.minEntries.count }),
    }),
  );
}

/**
 * Limits how deep a tree linked by `children` arrays may go before zod walks it (a recursive
 * parse of a hostile, very deep document would overflow the stack). `maxDepth` counts edges:
 * the root is depth 0, as in the core.
 */
/* @__NO_SIDE_EFFECTS__ */
export function depthLimited<T>(
  tree: z.ZodMiniType<T>,
  maxDepth: number,
  message: string,
): z.ZodMiniType<T> {
  const guard = customSchema<unknown>(
    (value, report) => {
      const stack: { node: unknown; path: PropertyKey[]; depth: number }[] = [
        { node: value, path: [], depth: 0 },
      ];
      while (stack.length > 0) {
        const { node, path, depth } = stack.pop()!;
        if (depth > maxDepth) {
          reportProblem(report, { message, path }, value);
          return value;
        }
        if (!isPlainRecord(node) || !Object.hasOwn(node, "children")) continue;
        const children = node.children;
        if (!Array.isArray(children)) continue;
        children.forEach((child, i) => {
          stack.push({ node: child, path: [...path, "children", i], depth: depth + 1 });
        });
      }
      return value;
    },
    () => ({}),
  );
  return z.pipe(guard, tree) as unknown as z.ZodMiniType<T>;
}

/**
 * Adds a check to a schema, keeping what it carries for JSON Schema and `validate`. The check
 * runs only when the value has no issue yet (it may rely on the shape), and reports through
 * `report`; its result replaces nothing.
 */
/* @__NO_SIDE_EFFECTS__ */
export function addCheck<T>(
  schema: z.ZodMiniType<T>,
  check: (value: T, report: Report) => void,
): z.ZodMiniType<T> {
  const checked = schema.check(
    z.check<T>((payload) => {
      if (payload.issues.length > 0) return;
      check(payload.value, (issue) => {
        payload.issues.push(issue);
      });
    }),
  );
  for (const key of [JSON_SCHEMA, ERROR_DEFAULTS]) {
    const carried = (schema as unknown as Record<symbol, unknown>)[key];
    if (carried !== undefined) tag(checked, key, carried);
  }
  return checked;
}

/**
 * `schema.check(...checks)` as a function marked free of side effects, so that bundlers can
 * drop a schema built at module scope when nothing uses it (a method call cannot be marked).
 */
/* @__NO_SIDE_EFFECTS__ */
export function withChecks<S extends z.ZodMiniType>(
  schema: S,
  ...checks: z.core.$ZodCheck<z.output<S>>[]
): S {
  return schema.check(...checks) as S;
}
