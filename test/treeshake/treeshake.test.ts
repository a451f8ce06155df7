// A user who imports one function must not pay for the others: bundle `import { allocate }`
// from the built package and check that the other areas dropped out.
import { readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { build } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildDist } from "../_support/buildDist.js";

/** A function from each area that `allocate` does not need. */
const OTHER_AREAS = [
  "parseFormula",
  "defineModel",
  "solveFor",
  "attribute",
  "splitByPeriod",
  "workingDays",
  "evaluateRules",
  "funnel",
  "tieredBonus",
];

async function bundle(dir: string, entry: string): Promise<string> {
  const result = await build({
    stdin: { contents: entry, resolveDir: dir, loader: "js" },
    bundle: true,
    format: "esm",
    platform: "neutral",
    mainFields: ["module", "main"],
    write: false,
    minify: false,
    treeShaking: true,
    logLevel: "silent",
  });
  return result.outputFiles[0]!.text;
}

const defines = (code: string, name: string): boolean =>
  new RegExp(`function ${name}\\(`).test(code);

describe("tree shaking", () => {
  let allocateOnly = "";
  let everything = "";
  let dir = "";

  beforeAll(async () => {
    dir = buildDist();
    const index = join(dir, "index.js");
    allocateOnly = await bundle(
      dir,
      `import { allocate } from ${JSON.stringify(index)}; console.log(allocate);`,
    );
    everything = await bundle(dir, `import * as t from ${JSON.stringify(index)}; console.log(t);`);
  }, 120_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("keeps every area in a bundle that uses everything (the control)", () => {
    for (const name of ["allocate", ...OTHER_AREAS])
      expect(defines(everything, name), name).toBe(true);
  });

  it("drops every other area from a bundle that imports only allocate", () => {
    expect(defines(allocateOnly, "allocate")).toBe(true);
    for (const name of OTHER_AREAS) expect(defines(allocateOnly, name), name).toBe(false);
  });

  it("builds no source maps, which the package leaves out on purpose (CONTRIBUTING.md)", () => {
    expect(readdirSync(dir).filter((name) => name.endsWith(".map"))).toEqual([]);
    for (const name of ["index.js", "index.cjs", "schema.js", "schema.cjs"]) {
      expect(readFileSync(join(dir, name), "utf8"), name).not.toMatch(/sourceMappingURL/);
    }
  });

  it("leaves the China holiday data and date-fns out of an allocate-only bundle", () => {
    expect(allocateOnly).not.toMatch(/2026-10-01/);
    expect(allocateOnly).not.toMatch(/date-fns/);
    expect(allocateOnly.length).toBeLessThan(everything.length / 2);
  });
});
