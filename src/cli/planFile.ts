// The plan file: read, parsed, linted. A problem in it is reported at its line and column, with
// its JSON path, one line each.
import { type Finding, lintPlan } from "../index.js";
import {
  bareMessage,
  CliFailure,
  EXIT,
  isLibraryError,
  type LibraryError,
  showPath,
} from "./failure.js";
import { type CliIo, readTextFile } from "./io.js";
import { locateJsonPath, parseJsonFile } from "./jsonText.js";

/** A JSON file as read: its path, its text (for locating paths) and its parsed value. */
export interface JsonFile {
  readonly path: string;
  readonly text: string;
  readonly value: unknown;
}

/** What a JSON value is, by its `kind`: a built plan, a tracking, or (anything else) a document. */
export function resultKind(value: unknown): "plan" | "tracking" | null {
  const kind =
    typeof value === "object" && value !== null ? (value as { kind?: unknown }).kind : null;
  return kind === "targetree-plan" ? "plan" : kind === "targetree-tracking" ? "tracking" : null;
}

/** Refuses a tracking given where a plan (or its document) belongs; exit 2. */
export function refuseTracking(file: JsonFile, command: string): void {
  if (resultKind(file.value) !== "tracking") return;
  throw new CliFailure(
    EXIT.usage,
    `${file.path}: this is a tracking (the JSON of targetree track), not a plan. Give targetree ${command} the plan document, or the JSON of targetree build.`,
  );
}

/** Reads and parses a JSON file; unreadable or not JSON is exit 2. */
export function readJsonFile(io: CliIo, path: string, what: string): JsonFile {
  const text = readTextFile(io, path, what);
  return { path, text, value: parseJsonFile(text, path) };
}

/** `FILE:LINE:COLUMN` of a JSON path in the file (its deepest existing part), else `FILE`. */
export function place(file: JsonFile, path: readonly (string | number)[]): string {
  const position = locateJsonPath(file.text, path);
  return position === null ? file.path : `${file.path}:${position.line}:${position.column}`;
}

/** One problem of a document, as `details.problems` of INVALID_PLAN lists it. */
interface Problem {
  readonly path: readonly (string | number)[];
  readonly code: string;
  readonly message: string;
}

function isProblem(value: unknown): value is Problem {
  const candidate = value as Partial<Problem> | null;
  return (
    typeof candidate === "object" &&
    candidate !== null &&
    Array.isArray(candidate.path) &&
    typeof candidate.code === "string" &&
    typeof candidate.message === "string"
  );
}

/**
 * A library error about the document in `file`, as lines: every problem of INVALID_PLAN on its
 * own line (`FILE:LINE:COLUMN: CODE at PATH: message`), else the error itself at its path.
 */
export function documentLines(error: LibraryError, file: JsonFile): string[] {
  const problems = Array.isArray(error.details.problems)
    ? error.details.problems.filter(isProblem)
    : [];
  if (error.code === "INVALID_PLAN" && problems.length > 0) {
    const lines = problems.map(
      (problem) =>
        `${place(file, problem.path)}: ${problem.code} at ${showPath(problem.path)}: ${problem.message}`,
    );
    return [
      ...lines,
      `${file.path}: the plan document has ${problems.length} problem${problems.length === 1 ? "" : "s"}; fix ${problems.length === 1 ? "it" : "them"} and run again.`,
    ];
  }
  return [
    `${place(file, error.path)}: ${error.code} at ${showPath(error.path)}: ${bareMessage(error)}`,
  ];
}

/** A finding as text: its line, then one indented line per fix. */
export function findingLines(finding: Finding, file: JsonFile): string[] {
  return [
    `${place(file, finding.path)}: ${finding.severity} ${finding.code} at ${showPath(finding.path)}: ${finding.message}`,
    ...finding.fix.map((option) => `    fix (${option.action}): ${option.message}`),
  ];
}

/** `2 errors, 1 warning, 1 info`. */
export function countFindings(findings: readonly Finding[]): string {
  const count = (severity: Finding["severity"]): number =>
    findings.filter((finding) => finding.severity === severity).length;
  const errors = count("error");
  const warnings = count("warning");
  return `${errors} error${errors === 1 ? "" : "s"}, ${warnings} warning${warnings === 1 ? "" : "s"}, ${count("info")} info`;
}

/** Lints the document, turning an unreadable one into exit 2 (every problem on its own line). */
export function lintFile(file: JsonFile): Finding[] {
  try {
    return lintPlan(file.value);
  } catch (error) {
    if (isLibraryError(error)) {
      throw new CliFailure(EXIT.usage, documentLines(error, file));
    }
    throw error;
  }
}

/**
 * The gate of build, track and replan: a plan with lint errors is refused with exit 1, its errors
 * on stderr with their fixes.
 */
export function refuseLintErrors(file: JsonFile, command: string): void {
  const errors = lintFile(file).filter((finding) => finding.severity === "error");
  if (errors.length === 0) return;
  throw new CliFailure(EXIT.findings, [
    ...errors.flatMap((finding) => findingLines(finding, file)),
    `targetree ${command}: ${file.path} has ${errors.length} lint error${errors.length === 1 ? "" : "s"}; fix ${errors.length === 1 ? "it" : "them"} first (each line above lists fixes; targetree lint ${file.path} shows every finding).`,
  ]);
}
