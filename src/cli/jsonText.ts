// JSON files as the CLI reads them: a BOM is allowed, a syntax error is reported with its line and
// column, and a JSON path (from a finding or an error) is turned back into a line and column.
import { usageFailure } from "./failure.js";

/** A place in a text file, both counted from 1. */
export interface TextPosition {
  readonly line: number;
  readonly column: number;
}

/** `text` without a leading byte order mark. */
export function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** The line and column of a character offset. */
export function positionOf(text: string, offset: number): TextPosition {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}

/**
 * Parses JSON text (a BOM allowed). A syntax error is exit 2 with one line:
 * `FILE:LINE:COLUMN: not valid JSON: what the scanner expected there`.
 */
export function parseJsonFile(text: string, file: string): unknown {
  const body = withoutBom(text);
  try {
    return JSON.parse(body);
  } catch {
    const problem = jsonSyntaxError(body) ?? { offset: 0, message: "not valid JSON" };
    const { line, column } = positionOf(body, problem.offset);
    throw usageFailure(
      `${file}:${line}:${column}: not valid JSON: ${problem.message}. Fix the file (a JSON linter or editor shows the spot) and run again.`,
    );
  }
}

/**
 * The first syntax error of JSON `text` (no BOM) as a character offset and what was expected
 * there, or null when the text is JSON. It agrees with `JSON.parse` on what is JSON.
 */
export function jsonSyntaxError(text: string): { offset: number; message: string } | null {
  return scanJson(text, null).error;
}

/**
 * Where the value at `path` starts in JSON `text` (a BOM allowed), or, when the path does not exist
 * there, its deepest existing ancestor; null for text that is not JSON. An object member is found
 * at its key, so a finding about a field points at the field's name.
 */
export function locateJsonPath(
  text: string,
  path: readonly (string | number)[],
): TextPosition | null {
  const body = withoutBom(text);
  const scan = scanJson(body, path);
  if (scan.error !== null && scan.found === null) return null;
  return positionOf(body, scan.found ?? 0);
}

interface ScanResult {
  /** The offset of the deepest part of the target path that was found. */
  readonly found: number | null;
  readonly error: { readonly offset: number; readonly message: string } | null;
}

/** Found the whole target path: stop scanning. */
class Stop {
  constructor(readonly offset: number) {}
}

class SyntaxProblem {
  constructor(
    readonly offset: number,
    readonly message: string,
  ) {}
}

/**
 * A strict JSON scanner (RFC 8259) that builds no values. It finds the first syntax error, and
 * the offset of `target` (or of its deepest existing ancestor) when one is given.
 */
function scanJson(text: string, target: readonly (string | number)[] | null): ScanResult {
  let at = 0;
  let deepest: { depth: number; offset: number } | null = null;

  const fail = (message: string): never => {
    throw new SyntaxProblem(at, message);
  };
  const describe = (): string =>
    at >= text.length ? "the end of the file" : `${JSON.stringify(text[at])}`;
  const space = (): void => {
    while (at < text.length && " \t\n\r".includes(text[at]!)) at++;
  };
  /** Records that `path` (a prefix of the target, `depth` parts long) starts at `offset`. */
  const reach = (depth: number, offset: number): void => {
    if (target === null) return;
    if (deepest === null || depth > deepest.depth) deepest = { depth, offset };
    if (depth === target.length) throw new Stop(offset);
  };

  const value = (depth: number, onTarget: boolean): void => {
    space();
    const char = text[at];
    if (char === "{") object(depth, onTarget);
    else if (char === "[") array(depth, onTarget);
    else if (char === '"') string();
    else if (char === "-" || (char !== undefined && char >= "0" && char <= "9")) number();
    else if (text.startsWith("true", at)) at += 4;
    else if (text.startsWith("false", at)) at += 5;
    else if (text.startsWith("null", at)) at += 4;
    else fail(`expected a value, found ${describe()}`);
  };

  const object = (depth: number, onTarget: boolean): void => {
    at++;
    space();
    if (text[at] === "}") {
      at++;
      return;
    }
    for (;;) {
      space();
      if (text[at] !== '"') fail(`expected a property name in double quotes, found ${describe()}`);
      const keyStart = at;
      const key = string();
      const here = onTarget && target !== null && target[depth] === key;
      if (here) reach(depth + 1, keyStart);
      space();
      if (text[at] !== ":") fail(`expected ":" after the property name, found ${describe()}`);
      at++;
      value(depth + 1, here);
      space();
      if (text[at] === ",") {
        at++;
        continue;
      }
      if (text[at] === "}") {
        at++;
        return;
      }
      fail(`expected "," or "}" after a property value, found ${describe()}`);
    }
  };

  const array = (depth: number, onTarget: boolean): void => {
    at++;
    space();
    if (text[at] === "]") {
      at++;
      return;
    }
    for (let index = 0; ; index++) {
      space();
      const here = onTarget && target !== null && target[depth] === index;
      if (here) reach(depth + 1, at);
      value(depth + 1, here);
      space();
      if (text[at] === ",") {
        at++;
        continue;
      }
      if (text[at] === "]") {
        at++;
        return;
      }
      fail(`expected "," or "]" after an array item, found ${describe()}`);
    }
  };

  /** Scans a string literal and returns its value. */
  const string = (): string => {
    const start = at;
    at++;
    let plain = true;
    while (at < text.length && text[at] !== '"') {
      const code = text.charCodeAt(at);
      if (code < 0x20) fail("a control character (such as a line break) inside a string");
      if (text[at] === "\\") {
        plain = false;
        const next = text[at + 1];
        if (next === "u") {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(at + 2, at + 6))) fail("a bad \\u escape");
          at += 6;
        } else if (next !== undefined && '"\\/bfnrt'.includes(next)) at += 2;
        else fail("a bad escape in a string");
      } else at++;
    }
    if (at >= text.length) {
      at = start;
      fail("a string that is never closed");
    }
    at++;
    const literal = text.slice(start, at);
    return plain ? literal.slice(1, -1) : (JSON.parse(literal) as string);
  };

  const number = (): void => {
    const match = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(at, at + 400));
    if (match === null) fail("a malformed number");
    at += match![0].length;
  };

  try {
    if (target !== null) reach(0, 0);
    value(0, true);
    space();
    if (at < text.length) fail(`unexpected ${describe()} after the end of the JSON value`);
    return { found: deepestOffset(), error: null };
  } catch (thrown) {
    if (thrown instanceof Stop) return { found: thrown.offset, error: null };
    if (thrown instanceof SyntaxProblem) {
      return { found: deepestOffset(), error: { offset: thrown.offset, message: thrown.message } };
    }
    // Nesting deeper than the stack allows: no position to give.
    return { found: null, error: { offset: 0, message: "nested too deeply to scan" } };
  }

  function deepestOffset(): number | null {
    return (deepest as { offset: number } | null)?.offset ?? null;
  }
}
