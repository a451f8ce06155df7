// Character classes of the formula language: identifiers, keywords and whitespace.
import { excerpt } from "../../_lib/errors.js";

export { codePointLabel, findInvisible, visible } from "../../_lib/invisible.js";

const IDENTIFIER = /^[\p{L}\p{Nl}_][\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}_]*$/u;
const IDENTIFIER_START = /^[\p{L}\p{Nl}_]$/u;
const IDENTIFIER_PART = /^[\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}_]$/u;

/** Reserved words, matched case-insensitively: they can never be names. */
export const KEYWORDS: ReadonlySet<string> = new Set(["and", "or", "not", "true", "false"]);

/** A short quoted excerpt of untrusted text for a message, with invisible characters made visible. */
export function quote(text: string, max?: number): string {
  return excerpt(text, max);
}

/**
 * A name for a message, unquoted (an identifier has no characters to escape), cut to `max`
 * characters (whole code points) with "…" when longer.
 */
export function shortName(name: string, max = 40): string {
  if (name.length <= max) return name;
  const chars = Array.from(name);
  return chars.length <= max ? name : `${chars.slice(0, max).join("")}…`;
}

/** Names for a message, `separator`-joined: each shortened, at most `max` of them. */
export function nameList(names: readonly string[], separator = ", ", max = 10): string {
  const shown = names.slice(0, max).map((name) => shortName(name));
  return names.length > max
    ? `${shown.join(separator)}${separator}… (${names.length} in all)`
    : shown.join(separator);
}

/** True for a whole identifier: a letter or `_`, then letters, digits, combining marks or `_`. */
export function isIdentifier(text: string): boolean {
  return text.length > 0 && text.length <= 1000 && IDENTIFIER.test(text);
}

/** True for `and`, `or`, `not`, `true`, `false` in any letter case. */
export function isKeyword(text: string): boolean {
  // Stryker disable next-line ConditionalExpression: a shortcut; no keyword is longer than 5
  return text.length <= 5 && KEYWORDS.has(text.toLowerCase());
}

const isAsciiLetter = (code: number): boolean =>
  (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || code === 95;

/** Length of the (possibly astral) character at `at` when it matches `pattern`, else 0. */
function matchChar(pattern: RegExp, text: string, at: number): number {
  const code = text.codePointAt(at);
  if (code === undefined) return 0;
  const char = String.fromCodePoint(code);
  return pattern.test(char) ? char.length : 0;
}

/** Length (in UTF-16 units) of the identifier character starting at `at`, or 0. */
export function identifierStartLength(text: string, at: number): number {
  const code = text.charCodeAt(at);
  // Stryker disable next-line ConditionalExpression,EqualityOperator: an ASCII fast path; the pattern agrees below 128
  if (code < 128) return isAsciiLetter(code) ? 1 : 0;
  return matchChar(IDENTIFIER_START, text, at);
}

/** Length (in UTF-16 units) of the identifier-continuing character at `at`, or 0. */
export function identifierPartLength(text: string, at: number): number {
  const code = text.charCodeAt(at);
  if (code < 128) return isAsciiLetter(code) || (code >= 48 && code <= 57) ? 1 : 0;
  return matchChar(IDENTIFIER_PART, text, at);
}

/** Space, tab, line breaks, no-break space and the ideographic space (U+3000) an IME types. */
export function isSpace(code: number): boolean {
  return (
    code === 32 || code === 9 || code === 10 || code === 13 || code === 0xa0 || code === 0x3000
  );
}
