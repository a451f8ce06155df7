// The bad-input matrix: every function exported from "targetree", called with NaN, ±Infinity, '',
// 'abc', null, undefined, {}, [], true (and negative numbers or impossible dates where those are
// invalid) at each argument position and field of a valid call. Each call must either throw a
// TargetreeError with a documented code (and a path to the value), or — where the value is
// legitimately valid, as `undefined` for an optional field — return a result without NaN or
// Infinity anywhere in it. The table is in _badInputTable.ts.
import * as targetree from "targetree";
import { ERROR_CODES, parseAmount, parseFormula, TargetreeError, toDecimal } from "targetree";
import { describe, expect, it } from "vitest";
import {
  BAD_VALUES,
  type BadName,
  badValuesFor,
  expectsPath,
  type Field,
  mayAccept,
  type Path,
  type Row,
  TABLE,
} from "./_badInputTable.js";

const exported = Object.entries(targetree) as [string, unknown][];
const isClass = (value: unknown): boolean =>
  typeof value === "function" && /^class[\s{]/.test(Function.prototype.toString.call(value));
const exportedFunctions = exported
  .filter(([, value]) => typeof value === "function" && !isClass(value))
  .map(([name]) => name)
  .sort();

const functionOf = (row: Row): ((...args: unknown[]) => unknown) =>
  row.run ?? ((targetree as Record<string, unknown>)[row.name] as (...args: unknown[]) => unknown);

const isDecimal = (value: unknown): value is { isFinite(): boolean; toString(): string } =>
  typeof value === "object" &&
  value !== null &&
  Object.prototype.toString.call(value) === "[object Decimal]";

/** The first NaN or Infinity (or "∞") in a result: Decimals, numbers, text, walking containers. */
function nonFinite(value: unknown, where = "result", seen = new Set<object>()): string | null {
  if (typeof value === "number") return Number.isFinite(value) ? null : `${where} is ${value}`;
  if (typeof value === "string") {
    return /NaN|Infinity|∞/.test(value) ? `${where} is the text ${JSON.stringify(value)}` : null;
  }
  if (typeof value !== "object" || value === null || seen.has(value)) return null;
  seen.add(value);
  if (isDecimal(value)) return value.isFinite() ? null : `${where} is Decimal ${value.toString()}`;
  const entries: [string, unknown][] =
    value instanceof Map
      ? [...value.entries()].map(([key, inner]) => [String(key), inner])
      : value instanceof Set
        ? [...value].map((inner, index) => [String(index), inner])
        : Object.entries(value);
  for (const [key, inner] of entries) {
    const found = nonFinite(inner, `${where}.${key}`, seen);
    if (found !== null) return found;
  }
  return null;
}

/** A copy of `args` with `value` at `path` (args are built fresh, so plain assignment is safe). */
function substitute(args: unknown[], path: Path, value: unknown): unknown[] {
  let parent: Record<string | number, unknown> = args as unknown as Record<number, unknown>;
  for (const key of path.slice(0, -1)) {
    parent = parent[key as string] as Record<string | number, unknown>;
  }
  parent[path[path.length - 1] as string] = value;
  return args;
}

const label = (row: Row): string => (row.variant ? `${row.name} (${row.variant})` : row.name);
const showPath = (path: Path): string =>
  `args[${path[0]}]${path
    .slice(1)
    .map((key) => (typeof key === "number" ? `[${key}]` : `.${key}`))
    .join("")}`;

/** What went wrong calling `row` with `bad` at `field`, or null when the outcome is allowed. */
function problemWith(row: Row, field: Field, bad: BadName): string | null {
  const args = substitute(row.call(), field.at, BAD_VALUES[bad]());
  let result: unknown;
  try {
    result = functionOf(row)(...args);
  } catch (error) {
    if (!(error instanceof TargetreeError)) {
      const kind = error instanceof Error ? error.constructor.name : typeof error;
      return `${bad}: threw ${kind} ${error instanceof Error ? error.message.slice(0, 120) : ""}`;
    }
    if (!Object.hasOwn(ERROR_CODES, error.code)) return `${bad}: undocumented code ${error.code}`;
    if (!Array.isArray(error.path)) return `${bad}: ${error.code} with a path that is not an array`;
    if (expectsPath(row, field) && error.path.length === 0) {
      return `${bad}: ${error.code} without a path (${error.message.slice(0, 100)})`;
    }
    return null;
  }
  const found = nonFinite(result);
  if (found !== null) return `${bad}: returned a result where ${found}`;
  if (!mayAccept(field, bad)) return `${bad}: accepted (no error)`;
  return null;
}

describe("the bad-input matrix", () => {
  it("has a row for every function exported from targetree", () => {
    const covered = new Set(TABLE.map((row) => row.name));
    const missing = exportedFunctions.filter((name) => !covered.has(name));
    expect(missing).toEqual([]);
    expect(exportedFunctions.length).toBeGreaterThan(60);
  });

  it("lists only real functions and real fields", () => {
    for (const row of TABLE) {
      expect(typeof functionOf(row), row.name).toBe("function");
      for (const field of row.fields) {
        const args = row.call();
        expect(field.at[0], `${label(row)} ${showPath(field.at)}`).toBeLessThan(
          Math.max(args.length, functionOf(row).length),
        );
      }
    }
  });
});

for (const row of TABLE) {
  describe(label(row), () => {
    it("gives a finite result for its valid call", () => {
      expect(nonFinite(functionOf(row)(...row.call()))).toBeNull();
    });

    for (const field of row.fields) {
      const bugs = field.bugs ?? {};
      const values = badValuesFor(field);
      const live = values.filter((bad) => bugs[bad] === undefined);
      const known = values.filter((bad) => bugs[bad] !== undefined);
      const where = `${showPath(field.at)} (${field.kind}${field.nonNegative ? ", ≥ 0" : ""}${field.optional ? ", optional" : ""})`;

      if (live.length > 0) {
        it(`refuses bad values at ${where} with a TargetreeError`, () => {
          const problems = live
            .map((bad) => problemWith(row, field, bad))
            .filter((problem) => problem !== null);
          expect(problems).toEqual([]);
        });
      }
      if (known.length > 0) {
        // BUG: the values listed here are mishandled today; the reason is in the table's `bugs`
        // (look for the // BUG: comment next to it). Un-skip when the source is fixed.
        const reasons = [...new Set(known.map((bad) => bugs[bad]))].join("; ");
        it.skip(`refuses ${known.join(", ")} at ${where} — BUG: ${reasons}`, () => {
          const problems = known
            .map((bad) => problemWith(row, field, bad))
            .filter((problem) => problem !== null);
          expect(problems).toEqual([]);
        });
      }
    }
  });
}

describe("error paths given by the caller", () => {
  const refuses = (run: () => unknown): string | null => {
    try {
      run();
      return "no error";
    } catch (error) {
      if (!(error instanceof TargetreeError)) {
        return `${error instanceof Error ? error.constructor.name : typeof error}: ${String((error as Error).message)}`;
      }
      return Object.hasOwn(ERROR_CODES, error.code) ? null : `undocumented ${error.code}`;
    }
  };

  it("reports a bad amount with any path parseFormula accepts", () => {
    for (const path of [[], ["a"], ["rows", 3]]) {
      expect(refuses(() => parseFormula("a +", { path }))).toBeNull();
      expect(refuses(() => toDecimal("abc", path))).toBeNull();
      expect(refuses(() => parseAmount("abc", { path }))).toBeNull();
    }
  });

  it("refuses a path that is not an array in parseFormula", () => {
    for (const path of [Number.NaN, "abc", {}, true]) {
      expect(refuses(() => parseFormula("a", { path: path as never }))).toBeNull();
    }
  });

  it("refuses a path that is not an array of keys in toDecimal and parseAmount", () => {
    const problems: string[] = [];
    for (const path of [{}, [{}], [null], "xy", Number.NaN, true]) {
      const forDecimal = refuses(() => toDecimal("abc", path as never));
      const forAmount = refuses(() => parseAmount("abc", { path: path as never }));
      if (forDecimal !== null) problems.push(`toDecimal ${JSON.stringify(path)}: ${forDecimal}`);
      if (forAmount !== null) problems.push(`parseAmount ${JSON.stringify(path)}: ${forAmount}`);
      try {
        toDecimal("abc", path as never);
      } catch (error) {
        // A string path must be refused, never spread into its letters.
        const spread = JSON.stringify([...String(path)]);
        if (
          error instanceof TargetreeError &&
          typeof path === "string" &&
          JSON.stringify(error.path) === spread
        ) {
          problems.push(`toDecimal ${JSON.stringify(path)}: path ${JSON.stringify(error.path)}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });
});
