import type { ErrorPath } from "../_lib/errors.js";
import { describeValue, TargetreeError } from "../_lib/errors.js";
import { MAX_FORMULA_LENGTH } from "../_lib/limits.js";
import { readOptions } from "../_lib/options.js";
import { own } from "../_lib/records.js";
import { readPath } from "../numbers/internal.js";
import { codePointLabel, findInvisible, quote } from "./_lib/characters.js";
import { parseTokens } from "./_lib/parser.js";
import { type FormulaSource, formulaError } from "./_lib/source.js";
import { checkTypes } from "./_lib/typecheck.js";
import type { FormulaNode } from "./ast.js";

/**
 * Options of {@link parseFormula}: where the formula comes from, for error messages. An unknown
 * key is `UNKNOWN_OPTION`.
 */
export interface ParseFormulaOptions {
  /** The formula's name (a model node, a rule id), quoted in error messages. */
  readonly name?: string;
  /** Where the formula sits in the caller's input, e.g. `["formulas", "revenue"]`; for errors. */
  readonly path?: ErrorPath;
}

/**
 * Parses a formula into a tree (a {@link FormulaNode}). The text is data: it is scanned and
 * parsed, never executed.
 *
 * Syntax, loosest first: `or` (`||`); `and` (`&&`); `not` (`!`); comparisons `< <= > >= == !=`
 * (also `= <> ≤ ≥ ≠`; they do not chain); `+ -`; `* /` (also `× ÷`); unary `-` and `+`; `^`
 * (right-associative, binds tighter than unary minus, so `-2^2` is −4). Literals are decimals with
 * an optional exponent and unit suffix (`50万`, `1.2亿`, `3.5千`, `25%`, `5‰`); `true`, `false`;
 * names are Unicode identifiers (`新客户数`), NFC-normalised; calls are of the whitelisted functions
 * (`min`, `max`, `abs`, `round`, `if`, …: the README lists them all).
 * The words `and or not true false` are reserved in any letter case; function names are not
 * reserved (a node may be called `min`; `min(…)` is still the function).
 *
 * @param text - The formula text.
 * @param options - `name` and `path` locate errors.
 * @returns The frozen tree, with `span` positions.
 * @throws {TargetreeError} `FORMULA_SYNTAX`, `FORMULA_TOO_LONG`, `FORMULA_TOO_DEEP`,
 *   `INVALID_CHARACTER` (bidi controls, zero-width characters), `UNKNOWN_FUNCTION`, `WRONG_ARITY`,
 *   `TYPE_MISMATCH`, `INVALID_NUMBER` / `NUMBER_TOO_LARGE` for a bad literal, each with the
 *   formula's name and 1-based column in the message and in `details`; `UNKNOWN_OPTION` for an
 *   unknown option key and `INVALID_ARGUMENT` for a bad option value (path `["options", key]`).
 *
 * @example
 * printFormula(parseFormula("新客户数×转化率×客单价")) //=> "新客户数 * 转化率 * 客单价"
 * parseFormula("50万 + x").kind //=> "sum"
 * (() => { try { parseFormula("a + * b", { name: "revenue" }) } catch (e) { return e.details.column } })() //=> 5
 */
export function parseFormula(text: string, options?: ParseFormulaOptions): FormulaNode {
  const { name, path } = readFormulaOptions(options, ["name", "path"]);
  if (typeof text !== "string") {
    throw new TargetreeError("INVALID_ARGUMENT", "A formula must be a string.", { path });
  }
  const source: FormulaSource = { name, text, path };
  if (text.length > MAX_FORMULA_LENGTH) {
    throw new TargetreeError(
      "FORMULA_TOO_LONG",
      `${name === undefined ? "The formula" : `Formula ${quote(name)}`} has ${text.length} characters; the limit is ${MAX_FORMULA_LENGTH}.`,
      { path, details: { formula: name ?? null, length: text.length } },
    );
  }
  const invisible = findInvisible(text);
  if (invisible >= 0) {
    throw formulaError(
      "INVALID_CHARACTER",
      `the invisible character ${codePointLabel(text, invisible)} (a bidirectional control or zero-width character) is not allowed; remove it.`,
      { name, text, path },
      { start: invisible, end: invisible + 1 },
    );
  }
  const tree = parseTokens(text, source);
  // The parser freezes every node, link, array and span, so the check never needs redoing.
  checkTypes(tree, source, "unknown");
  return tree;
}

/**
 * Reads the options of a formula function: the keys `known` allows (`name`, `path`, `budget`), own
 * properties only; an unknown key is `UNKNOWN_OPTION`, a bad value `INVALID_ARGUMENT` at
 * `["options", key]`.
 */
export function readFormulaOptions(
  options: unknown,
  known: readonly ("name" | "path" | "budget")[],
): {
  name: string | undefined;
  path: ErrorPath;
  settings: Readonly<Record<string, unknown>>;
} {
  const settings = readOptions(options, known);
  const name = own(settings, "name");
  if (name !== undefined && typeof name !== "string") {
    throw new TargetreeError(
      "INVALID_ARGUMENT",
      `name must be a string, got ${describeValue(name)}.`,
      { path: ["options", "name"] },
    );
  }
  return { name, path: readPath(settings, "path", ["options"]), settings };
}
