// A name planted on Object.prototype changes no result of targetree or targetree/schema: each
// call gives exactly what an unpolluted run gives (not merely a typed error). Each case runs in a
// fresh process (./_pollutionProbe.ts), because vitest workers share globals and because the
// import of targetree/schema itself must survive a name planted before it.
import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);
const probeFile = fileURLToPath(new URL("./_pollutionProbe.ts", import.meta.url));
const root = fileURLToPath(new URL("../..", import.meta.url));

interface Case {
  readonly name: string;
  readonly when: "before" | "after";
  readonly visibility: "enumerable" | "hidden";
  readonly value: string;
}

/** Names the formula nodes, the options, the schemas and zod's own objects read. */
const CASES: readonly Case[] = [
  { name: "unit", when: "after", visibility: "enumerable", value: '"万"' },
  { name: "max", when: "after", visibility: "enumerable", value: "7" },
  { name: "min", when: "after", visibility: "hidden", value: "7" },
  { name: "when", when: "after", visibility: "hidden", value: "7" },
  { name: "when", when: "after", visibility: "enumerable", value: "function" },
  { name: "x", when: "after", visibility: "enumerable", value: "5" },
  { name: "type", when: "after", visibility: "enumerable", value: '"object"' },
  { name: "kind", when: "after", visibility: "enumerable", value: '"number"' },
  { name: "value", when: "after", visibility: "enumerable", value: "3" },
  { name: "children", when: "after", visibility: "enumerable", value: "[]" },
  { name: "weight", when: "after", visibility: "enumerable", value: "9" },
  { name: "hold", when: "after", visibility: "enumerable", value: "1" },
  { name: "span", when: "after", visibility: "enumerable", value: '{"start":0,"end":1}' },
  { name: "rest", when: "after", visibility: "hidden", value: "[]" },
  { name: "min", when: "after", visibility: "enumerable", value: "1" },
  { name: "max", when: "after", visibility: "hidden", value: "2" },
  { name: "customers", when: "after", visibility: "enumerable", value: "3" },
  { name: "name", when: "after", visibility: "enumerable", value: '"evil"' },
  { name: "id", when: "after", visibility: "enumerable", value: '"zz"' },
  { name: "sign", when: "after", visibility: "enumerable", value: '"positive"' },
  { name: "children", when: "after", visibility: "hidden", value: '[{"name":"evil"}]' },
  // Planted before the import: zod builds the schemas at import and walks its tables with for…in.
  { name: "x", when: "before", visibility: "enumerable", value: "5" },
  { name: "when", when: "before", visibility: "enumerable", value: "7" },
  { name: "max", when: "before", visibility: "enumerable", value: "7" },
  { name: "unit", when: "before", visibility: "enumerable", value: '"万"' },
];

type Outcomes = { polluted: Record<string, string>; clean: Record<string, string> };

async function probe(cases: readonly Case[]): Promise<Outcomes[]> {
  const { stdout } = await run(
    process.execPath,
    ["--import", "tsx", probeFile, JSON.stringify(cases)],
    { cwd: root, timeout: 120_000, maxBuffer: 64 * 1024 * 1024 },
  );
  return JSON.parse(stdout);
}

function expectUnchanged({ polluted, clean }: Outcomes): void {
  expect(Object.keys(clean).length).toBeGreaterThan(10);
  // Set aside while zod runs, the planted name is back, as it was, after every call.
  expect(polluted.planted).toBe("true");
  expect(clean.planted).toBe("false");
  expect({ ...polluted, planted: "" }).toEqual({ ...clean, planted: "" });
  // The clean run succeeds where it should, so the comparison compares results, not errors.
  expect(clean.printFormula).toBe('"2 + 3 * x"');
  expect(clean.validateModel).toMatch(/^\{"version":1/);
  expect(clean.roundTrip).toMatch(/"conversion":\{"min":0,"max":1\}/);
}

const label = (c: Case): string => `${c.name} (${c.visibility}, planted ${c.when} the import)`;

describe("a name planted on Object.prototype", () => {
  // Planted after the import: every case in one process, each planted and removed in turn.
  const after = CASES.filter((c) => c.when === "after");
  let outcomes: Promise<Outcomes[]> | undefined;
  it.each(after.map((c, index) => [label(c), index] as const))(
    "changes no result: %s",
    async (_label, index) => {
      outcomes ??= probe(after);
      expectUnchanged((await outcomes)[index]!);
    },
  );

  // Planted before the import: a fresh process each, since the import itself must survive it.
  it.concurrent.each(CASES.filter((c) => c.when === "before").map((c) => [label(c), c] as const))(
    "changes no result: %s",
    async (_label, c) => {
      const [outcome] = await probe([c]);
      expectUnchanged(outcome!);
    },
  );
});
