import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CliFailure } from "../../src/cli/failure.js";
import {
  jsonSyntaxError,
  locateJsonPath,
  parseJsonFile,
  positionOf,
} from "../../src/cli/jsonText.js";

/** The character offset of a line and column. */
function offsetOf(text: string, line: number, column: number): number {
  const lines = text.split("\n");
  return lines.slice(0, line - 1).reduce((sum, l) => sum + l.length + 1, 0) + column - 1;
}

/** Every path into a JSON value, with the value found there. */
function pathsOf(value: unknown, path: (string | number)[] = []): [(string | number)[], unknown][] {
  const here: [(string | number)[], unknown][] = [[path, value]];
  if (Array.isArray(value)) {
    return [...here, ...value.flatMap((item, i) => pathsOf(item, [...path, i]))];
  }
  if (typeof value === "object" && value !== null) {
    return [
      ...here,
      ...Object.entries(value).flatMap(([key, item]) => pathsOf(item, [...path, key])),
    ];
  }
  return here;
}

describe("parseJsonFile", () => {
  it("reads JSON with or without a byte order mark", () => {
    expect(parseJsonFile('\uFEFF{"a": [1, "二"]}', "x.json")).toEqual({ a: [1, "二"] });
    expect(parseJsonFile('{"a": 1}', "x.json")).toEqual({ a: 1 });
  });

  it("reports a syntax error at its line and column, exit 2", () => {
    let failure: unknown;
    try {
      parseJsonFile('{\n  "a": 1,\n  "b": tru\n}', "plan.json");
    } catch (error) {
      failure = error;
    }
    expect(failure).toBeInstanceOf(CliFailure);
    expect((failure as CliFailure).exitCode).toBe(2);
    expect((failure as CliFailure).lines).toEqual([
      'plan.json:3:8: not valid JSON: expected a value, found "t". Fix the file (a JSON linter or editor shows the spot) and run again.',
    ]);
  });

  it("names an unclosed string and the end of the file", () => {
    expect(jsonSyntaxError('{"a": "x')).toEqual({
      offset: 6,
      message: "a string that is never closed",
    });
    expect(jsonSyntaxError('{"a": ')).toEqual({
      offset: 6,
      message: "expected a value, found the end of the file",
    });
    expect(jsonSyntaxError("[1] 2")?.message).toBe(
      'unexpected "2" after the end of the JSON value',
    );
  });
});

describe("jsonSyntaxError", () => {
  it("agrees with JSON.parse on what is JSON (property)", () => {
    const texts = fc.oneof(
      fc.json(),
      // Valid JSON with one character changed, dropped or added: mostly not JSON any more.
      fc
        .tuple(
          fc.json(),
          fc.nat(),
          fc.constantFrom("", ",", "}", "]", '"', ":", "x", "\\", "\n", "-", "0"),
        )
        .map(([text, at, char]) => {
          const i = at % (text.length + 1);
          return `${text.slice(0, i)}${char}${text.slice(i + (char === "" ? 1 : 0))}`;
        }),
    );
    fc.assert(
      fc.property(texts, (text) => {
        let valid = true;
        try {
          JSON.parse(text);
        } catch {
          valid = false;
        }
        expect(jsonSyntaxError(text) === null).toBe(valid);
      }),
      { numRuns: 500 },
    );
  });
});

describe("locateJsonPath", () => {
  const text = '{\n  "period": {\n    "grains": ["month", "quater"]\n  },\n  "name": "x"\n}';

  it("finds an object member at its key and an array item at its value", () => {
    expect(locateJsonPath(text, ["period"])).toEqual({ line: 2, column: 3 });
    expect(locateJsonPath(text, ["period", "grains", 1])).toEqual({ line: 3, column: 25 });
    expect(locateJsonPath(text, ["name"])).toEqual({ line: 5, column: 3 });
  });

  it("falls back to the deepest part of the path that exists", () => {
    expect(locateJsonPath(text, ["period", "basis"])).toEqual({ line: 2, column: 3 });
    expect(locateJsonPath(text, ["missing"])).toEqual({ line: 1, column: 1 });
  });

  it("points at the key of every member and the start of every item (property)", () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom(0, 2), fc.nat(), (value, indent, pick) => {
        const json = JSON.stringify(value, null, indent);
        const paths = pathsOf(JSON.parse(json)).filter(([path]) => path.length > 0);
        fc.pre(paths.length > 0);
        const [path, found] = paths[pick % paths.length]!;
        const position = locateJsonPath(json, path);
        expect(position).not.toBeNull();
        const rest = json.slice(offsetOf(json, position!.line, position!.column));
        const last = path.at(-1)!;
        if (typeof last === "string")
          expect(rest.startsWith(`${JSON.stringify(last)}:`)).toBe(true);
        else expect(rest.startsWith(JSON.stringify(found)?.[0] ?? "n")).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe("positionOf", () => {
  it("counts lines and columns from 1", () => {
    expect(positionOf("ab\ncd", 0)).toEqual({ line: 1, column: 1 });
    expect(positionOf("ab\ncd", 4)).toEqual({ line: 2, column: 2 });
  });
});
