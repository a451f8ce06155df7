// Strict options, for every export: an options object (or a record of named input fields) with a
// key the function does not define is refused with UNKNOWN_OPTION and the nearest known key, so a
// typo never silently falls back to a default. The known keys are read from the error itself
// (`details.known`), then every one of them is misspelt in turn.
import * as targetree from "targetree";
import { describe, expect, it } from "vitest";
import { editDistance } from "../../src/_lib/closest.js";
import { thrownError } from "../_support/errors.js";
import { type Path, type Row, TABLE } from "./_badInputTable.js";

const functionOf = (row: Row): ((...args: unknown[]) => unknown) =>
  row.run ?? ((targetree as Record<string, unknown>)[row.name] as (...args: unknown[]) => unknown);

/** The arguments of the row's valid call with the object at `at` widened by `extra`. */
function withExtraKey(row: Row, at: Path, key: string): unknown[] {
  const args = row.call();
  let parent: Record<string | number, unknown> = args as unknown as Record<number, unknown>;
  for (const part of at.slice(0, -1)) parent = parent[part as string] as Record<string, unknown>;
  const last = at[at.length - 1] as string | number;
  const current = parent[last];
  parent[last] = { ...(typeof current === "object" && current !== null ? current : {}), [key]: 1 };
  return args;
}

/** A misspelling of `key` one edit away that is not itself a known key. */
function misspell(key: string, known: readonly string[]): string {
  const candidates = [
    key.length > 3 ? key.slice(0, 1) + key.slice(2, 3) + key.slice(1, 2) + key.slice(3) : "",
    `${key}${key.slice(-1)}`,
    key.slice(0, -1),
  ];
  return candidates.find((name) => name !== "" && !known.includes(name)) as string;
}

/** Per-part records (`holds`, `min`, `max` keyed like the weights): their keys are data, not options. */
const PER_PART = new Set(["holds", "min", "max"]);

/** Functions whose one argument is a record of named fields, as strict as an options object. */
const FIELD_RECORDS = new Set([
  "gap",
  "achievement",
  "improvementProgress",
  "roi",
  "breakEvenRevenue",
  "projectRunRate",
  "requiredRunRate",
  "paceGap",
]);

/** Required options objects the table lists as plain values: the argument index of each. */
const OPTIONS_ARGUMENTS: Readonly<Record<string, number>> = {
  visitPlan: 1,
  crossSplit: 2,
  breakback: 1,
  splitByPeriodTree: 1,
  attribute: 1,
  solveFor: 1,
  solveMultiplier: 1,
  sensitivity: 1,
  reconcile: 1,
  modelToSQL: 1,
};

/** Every options object of the table, and the strict records of named fields. */
const targets = TABLE.flatMap((row) => [
  ...row.fields
    .filter((field) => field.kind === "options" && !PER_PART.has(String(field.at.at(-1))))
    .map((field) => ({ row, at: field.at })),
  ...(FIELD_RECORDS.has(row.name) ? [{ row, at: [0] as Path }] : []),
  ...(Object.hasOwn(OPTIONS_ARGUMENTS, row.name) &&
  !row.fields.some((field) => field.kind === "options" && field.at.length === 1)
    ? [{ row, at: [OPTIONS_ARGUMENTS[row.name] as number] as Path }]
    : []),
]);

describe("unknown option keys", () => {
  it("covers every options position in the bad-input table", () => {
    expect(targets.length).toBeGreaterThan(40);
    for (const name of [...FIELD_RECORDS, ...Object.keys(OPTIONS_ARGUMENTS)]) {
      expect(
        TABLE.some((row) => row.name === name),
        name,
      ).toBe(true);
    }
  });

  for (const { row, at } of targets) {
    const name = `${row.name}${row.variant ? ` (${row.variant})` : ""} at args[${at.join("].")}]`;
    it(`${name}: refuses an unknown key, and a misspelling of each known key, naming the right one`, () => {
      const probe = thrownError(() => functionOf(row)(...withExtraKey(row, at, "zqxjUnknownKey")));
      expect(probe?.code, "an unknown key must throw UNKNOWN_OPTION").toBe("UNKNOWN_OPTION");
      expect(probe?.path.at(-1)).toBe("zqxjUnknownKey");
      const known = (probe?.details.known ?? []) as string[];
      expect(known.length).toBeGreaterThan(0);
      for (const key of known) {
        const typo = misspell(key, known);
        const error = thrownError(() => functionOf(row)(...withExtraKey(row, at, typo)));
        expect(error?.code, `${typo} for ${key}`).toBe("UNKNOWN_OPTION");
        const suggested = /Did you mean "([^"]+)"\?/.exec(error?.message ?? "")?.[1];
        expect(suggested, `no suggestion for ${typo}`).toBeDefined();
        // The nearest known key: the intended one, or another exactly as near.
        expect(editDistance(typo, suggested as string)).toBeLessThanOrEqual(
          editDistance(typo, key),
        );
      }
    });
  }
});
