// How the CLI fails: one line per problem on stderr, naming the file, the line or the JSON path,
// and what to do; never a stack trace. A failure carries the exit code PLAN.md gives it.
import { formatPath } from "../_lib/errors.js";

/** The exit codes of PLAN.md: done, a finding (or a refused plan), bad usage or unreadable input. */
export const EXIT = { done: 0, findings: 1, usage: 2 } as const;

/** A failure the CLI reports as lines on stderr, then exits with `exitCode`. */
export class CliFailure extends Error {
  override readonly name = "CliFailure";
  readonly exitCode: number;
  /** One line each, without the trailing newline. */
  readonly lines: readonly string[];

  constructor(exitCode: number, lines: string | readonly string[]) {
    const all = typeof lines === "string" ? [lines] : [...lines];
    super(all.join("\n"));
    this.exitCode = exitCode;
    this.lines = all.map(oneLine);
  }
}

/** Bad usage or unreadable input: exit 2. */
export function usageFailure(lines: string | readonly string[]): CliFailure {
  return new CliFailure(EXIT.usage, lines);
}

/** A TargetreeError, recognised by shape so that any copy of the library's class counts. */
export interface LibraryError {
  readonly name: "TargetreeError";
  readonly code: string;
  readonly message: string;
  readonly path: readonly (string | number)[];
  readonly details: Readonly<Record<string, unknown>>;
}

/** True for a TargetreeError (of this or any other copy of the library). */
export function isLibraryError(error: unknown): error is LibraryError {
  if (typeof error !== "object" || error === null) return false;
  const candidate = error as Partial<LibraryError>;
  return (
    candidate.name === "TargetreeError" &&
    typeof candidate.code === "string" &&
    Array.isArray(candidate.path)
  );
}

/**
 * A TargetreeError's message without its code prefix and `(at path)` suffix, which the CLI shows
 * in its own place on the line.
 */
export function bareMessage(error: LibraryError): string {
  let text = error.message;
  if (text.startsWith(`${error.code}: `)) text = text.slice(error.code.length + 2);
  const where = error.path.length > 0 ? ` (at ${formatPath(error.path)})` : "";
  if (where !== "" && text.endsWith(where)) text = text.slice(0, -where.length);
  return text;
}

/** A path as the CLI shows it: `period.grains[1]`, `[12].actual`; the root is `(document)`. */
export function showPath(path: readonly (string | number)[]): string {
  return path.length === 0 ? "(document)" : formatPath(path);
}

/** Newlines and tabs inside a message become spaces: every problem is exactly one line. */
export function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, " ").replace(/\t/g, " ");
}

/** The last-resort line for an error nobody expected (a bug): its name and message, no stack. */
export function unexpectedLine(error: unknown): string {
  const text =
    error instanceof Error ? `${error.name}: ${error.message}` : `thrown value ${String(error)}`;
  return `targetree: internal error: ${oneLine(text)}. This is a bug; please report it with the command you ran.`;
}

/** `; did you mean "x"?` for a suggestion (quoted when `quote`), else a full stop. */
export function didYouMean(suggestion: string | undefined, quote: boolean): string {
  if (suggestion === undefined) return ".";
  return `; did you mean ${quote ? `"${suggestion}"` : suggestion}?`;
}
