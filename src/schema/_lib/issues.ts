// Problems as zod issues, TargetreeErrors as problems, and zod issues as one TargetreeError.
import type * as z from "zod/mini";
import type { ErrorPath, TargetreeErrorCode } from "../../_lib/errors.js";
import { describeValue, excerpt, formatPath, TargetreeError } from "../../_lib/errors.js";

/** An issue as a check pushes it (zod finalises it later). */
export type RawIssue = z.core.$ZodRawIssue;

/** A path inside the validated value, relative to the schema that reports it. */
export type IssuePath = readonly PropertyKey[];

/** What a schema's own check found: a message, where, and the core's error code when one fits. */
export interface Problem {
  readonly message: string;
  readonly path?: IssuePath;
  readonly code?: TargetreeErrorCode;
  readonly details?: Readonly<Record<string, unknown>>;
}

/** Collects the issues of one check. */
export type Report = (issue: RawIssue) => void;

/** A custom zod issue carrying the core's code and details in `params`. */
export function problemIssue(problem: Problem, input: unknown): RawIssue {
  const params: Record<string, unknown> = {};
  if (problem.code !== undefined) params.code = problem.code;
  if (problem.details !== undefined) params.details = problem.details;
  return {
    code: "custom",
    message: problem.message,
    input,
    path: [...(problem.path ?? [])],
    params,
    continue: true,
  } as RawIssue;
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
 * Runs a core validator and turns its TargetreeError into a problem at `mapPath(error.path)`;
 * any other error is a bug and propagates. Returns the validator's result, or `undefined`.
 */
export function runCore<T>(
  validator: () => T,
  input: unknown,
  report: Report,
  mapPath: (path: ErrorPath) => IssuePath = (path) => path,
  mapMessage: (message: string) => string = (message) => message,
): T | undefined {
  try {
    return validator();
  } catch (error) {
    if (!(error instanceof TargetreeError)) throw error;
    report(
      problemIssue(
        {
          message: mapMessage(bareMessage(error)),
          path: mapPath(error.path),
          code: error.code,
          details: error.details,
        },
        input,
      ),
    );
    return undefined;
  }
}

/** Drops `prefix` from the start of a core error path (e.g. `["tiers"]`), when it is there. */
export function dropPrefix(prefix: ErrorPath): (path: ErrorPath) => IssuePath {
  return (path) => (prefix.every((part, i) => path[i] === part) ? path.slice(prefix.length) : path);
}

const ARTICLES: Readonly<Record<string, string>> = {
  string: "a string",
  number: "a number",
  boolean: "true or false",
  object: "an object",
  array: "an array",
  record: "an object",
  int: "a whole number",
  integer: "a whole number",
  null: "null",
};

function expectedText(expected: unknown): string {
  const text = typeof expected === "string" ? expected : "another type";
  return Object.hasOwn(ARTICLES, text) ? ARTICLES[text]! : `a ${text}`;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}

function bound(issue: Record<string, unknown>, key: "minimum" | "maximum"): string {
  const value = issue[key];
  return typeof value === "number" || typeof value === "bigint" ? String(value) : "?";
}

/**
 * The messages of zod's own issues, in the library's words. Used as the error map of every
 * parse, so messages do not depend on zod's global locale.
 */
export function issueMessage(issue: RawIssue): string {
  const raw = issue as unknown as Record<string, unknown>;
  const got = describeValue(issue.input);
  switch (issue.code) {
    case "invalid_type":
      return issue.input === undefined
        ? `Missing: expected ${expectedText(raw.expected)}.`
        : `Expected ${expectedText(raw.expected)}, got ${got}.`;
    case "invalid_value": {
      const values = Array.isArray(raw.values) ? raw.values : [];
      return `Expected ${values.map((value) => JSON.stringify(value)).join(" or ")}, got ${got}.`;
    }
    case "unrecognized_keys": {
      const keys = Array.isArray(raw.keys) ? (raw.keys as string[]) : [];
      return `Unknown field${keys.length === 1 ? "" : "s"} ${keys.map((key) => excerpt(key)).join(", ")} (check the spelling).`;
    }
    case "too_small":
    case "too_big": {
      const small = issue.code === "too_small";
      const limit = bound(raw, small ? "minimum" : "maximum");
      const word = small ? "at least" : "at most";
      if (raw.origin === "array" || raw.origin === "set")
        return `Expected ${word} ${plural(Number(limit), "item")}.`;
      if (raw.origin === "string") return `Expected ${word} ${plural(Number(limit), "character")}.`;
      const strict = raw.inclusive === false;
      return `Expected a number ${small ? (strict ? ">" : "≥") : strict ? "<" : "≤"} ${limit}, got ${got}.`;
    }
    case "invalid_union":
      return `${got.charAt(0).toUpperCase()}${got.slice(1)} matches none of the allowed forms.`;
    case "invalid_format":
      return `${excerpt(String(issue.input))} does not have the expected form.`;
    default:
      return `Invalid value: ${got}.`;
  }
}

/** One finalised issue as the caller sees it in `error.details.issues`. */
export interface IssueSummary {
  /** Where the issue is, as property names and array indexes from the validated value's root. */
  readonly path: ErrorPath;
  /** What is wrong, in words. */
  readonly message: string;
  /**
   * The error code the check reported (e.g. `CYCLE`), or `null` for zod's own structural issues (a
   * wrong type, an unknown key…).
   */
  readonly code: TargetreeErrorCode | null;
}

function issuePath(issue: z.core.$ZodIssue): ErrorPath {
  const path = issue.path.map((part) => (typeof part === "symbol" ? String(part) : part));
  // zod reports unknown keys at the object; the core reports them at the key.
  if (issue.code === "unrecognized_keys" && issue.keys.length > 0) path.push(issue.keys[0]!);
  return path;
}

function issueCode(issue: z.core.$ZodIssue): TargetreeErrorCode | null {
  if (issue.code !== "custom") return null;
  const code = (issue.params as { code?: unknown } | undefined)?.code;
  return typeof code === "string" ? (code as TargetreeErrorCode) : null;
}

/**
 * Turns the issues of a failed parse into one TargetreeError: the first issue gives the code
 * (the core's code where the check knows it, else `fallback`), the message and the path; every
 * issue is listed in `details.issues`.
 */
export function toTargetreeError(
  issues: readonly z.core.$ZodIssue[],
  fallback: TargetreeErrorCode,
  fallbackDetails: Readonly<Record<string, unknown>>,
): TargetreeError {
  const summaries: IssueSummary[] = issues.map((issue) => ({
    path: issuePath(issue),
    message: issue.message,
    code: issueCode(issue),
  }));
  const first = summaries[0]!;
  const firstDetails =
    issues[0]!.code === "custom"
      ? ((issues[0]!.params as { details?: Readonly<Record<string, unknown>> } | undefined)
          ?.details ?? {})
      : {};
  const rest = summaries.length - 1;
  const more =
    rest === 0
      ? ""
      : ` ${plural(rest, "more problem")} ${rest === 1 ? "is" : "are"} listed in details.issues.`;
  const code = first.code ?? fallback;
  return new TargetreeError(code, `${first.message}${more}`, {
    path: first.path,
    details: {
      ...(first.code === null ? fallbackDetails : {}),
      ...firstDetails,
      issues: summaries,
    },
  });
}
