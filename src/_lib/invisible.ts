// Invisible characters (Trojan Source, CVE-2021-42574): bidirectional controls and zero-width
// characters make text read differently from what it is. Names and formulas refuse them, and
// error messages show them as `<U+202E>`.

/** The character class, as regex source, for callers that build their own patterns (e.g. schemas). */
export const INVISIBLE_CLASS =
  "[\\u061C\\u200B-\\u200F\\u202A-\\u202E\\u2060-\\u2064\\u2066-\\u2069\\uFEFF]";

// Stryker disable next-line StringLiteral: the class is all BMP, so the u flag changes nothing
const INVISIBLE = /* @__PURE__ */ new RegExp(INVISIBLE_CLASS, "u");
const INVISIBLE_ALL = /* @__PURE__ */ new RegExp(INVISIBLE_CLASS, "gu");

/** The offset of the first invisible character, or -1. */
export function findInvisible(text: string): number {
  const match = INVISIBLE.exec(text);
  return match === null ? -1 : match.index;
}

/** `U+200B`, the code point at an offset, for a message. */
export function codePointLabel(text: string, at: number): string {
  const code = text.codePointAt(at) ?? 0;
  return `U+${code.toString(16).toUpperCase().padStart(4, "0")}`;
}

/** The text with each invisible character written as `<U+202E>`, safe to show. */
export function visible(text: string): string {
  return text.replace(INVISIBLE_ALL, (char) => `<${codePointLabel(char, 0)}>`);
}
