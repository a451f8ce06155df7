// Errors located in a formula: the formula's name, line and 1-based column, and a short excerpt.
import type { ErrorPath, TargetreeErrorCode } from "../../_lib/errors.js";
import { TargetreeError } from "../../_lib/errors.js";
import { own } from "../../_lib/records.js";
import type { Span } from "../ast.js";
import { quote } from "./characters.js";

/** What an error needs to say where it happened. `text` is absent for built (unparsed) nodes. */
export interface FormulaSource {
  readonly name: string | undefined;
  readonly text: string | undefined;
  readonly path: ErrorPath;
}

/** Line and column (1-based; the column counts characters, not UTF-16 units) of an offset. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, offset));
  const lineStart = before.lastIndexOf("\n") + 1;
  let line = 1;
  for (let at = before.indexOf("\n"); at >= 0; at = before.indexOf("\n", at + 1)) line++;
  let column = 1;
  for (const _ of before.slice(lineStart)) column++;
  return { line, column };
}

/**
 * A TargetreeError located in a formula. The message names the formula and the column and quotes
 * at most a short excerpt of the (untrusted) text.
 */
export function formulaError(
  code: TargetreeErrorCode,
  message: string,
  source: FormulaSource,
  span: Span | undefined,
  extra: Readonly<Record<string, unknown>> = {},
): TargetreeError {
  const named = source.name === undefined ? "formula" : `formula ${quote(source.name, 60)}`;
  if (span === undefined) {
    return new TargetreeError(code, `In ${named}: ${message}`, {
      path: source.path,
      details: { formula: source.name ?? null, ...extra },
    });
  }
  if (source.text === undefined) {
    // A parsed tree evaluated without its text: the offset still gives the column of a one-line formula.
    return new TargetreeError(code, `In ${named} at offset ${span.start}: ${message}`, {
      path: source.path,
      details: { formula: source.name ?? null, offset: span.start, ...extra },
    });
  }
  const { line, column } = lineAndColumn(source.text, span.start);
  const where = line > 1 ? `line ${line}, column ${column}` : `column ${column}`;
  const near =
    span.start < source.text.length
      ? `, near ${quote(source.text.slice(span.start, span.start + 24), 20)}`
      : ", at the end";
  return new TargetreeError(code, `In ${named} at ${where}${near}: ${message}`, {
    path: source.path,
    details: { formula: source.name ?? null, line, column, offset: span.start, ...extra },
  });
}

/**
 * A node's own `span`: a hand-built node without one has none, even when a `span` is planted on
 * Object.prototype.
 */
export function spanOf(node: object | undefined): Span | undefined {
  return node === undefined ? undefined : (own(node, "span") as Span | undefined);
}
