// The layer rules of ARCHITECTURE.md, read from the code: every import in src/ either stays in its
// own area, or goes down to a lower layer, and never into another area's private `_lib/`.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, normalize, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const src = fileURLToPath(new URL("../../src", import.meta.url));

/**
 * The layer table. An area may import its own files and the non-`_lib` files of areas on a lower
 * layer; areas on one layer are independent of each other. `schema` is its own subpath: it may
 * import the core, and no core file imports it. `cli` is the only place with I/O.
 */
const LAYERS: Readonly<Record<string, number>> = {
  _lib: 1,
  numbers: 2,
  formula: 3,
  model: 4,
  split: 4,
  time: 5,
  analysis: 6,
  measure: 6,
  activity: 7,
  plan: 8,
  sql: 9,
  index: 10,
  schema: 11,
  cli: 12,
};

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith(".ts") ? [path] : [];
  });
}

/** `analysis` for src/analysis/solveFor.ts, `_lib` for src/_lib/x.ts, `index` for src/index.ts. */
function areaOf(file: string): string {
  const parts = relative(src, file).split(/[\\/]/);
  return parts.length === 1 ? (parts[0] as string).replace(/\.ts$/, "") : (parts[0] as string);
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, "utf8");
  const specifiers = [...text.matchAll(/(?:from|import)\s*\(?\s*["']([^"']+)["']/g)];
  return specifiers.map((match) => match[1] as string).filter((s) => s.startsWith("."));
}

const files = sourceFiles(src);

describe("the layers of src/", () => {
  it("puts every area of src/ in the layer table", () => {
    const areas = new Set(files.map(areaOf));
    expect([...areas].filter((area) => LAYERS[area] === undefined)).toEqual([]);
  });

  it("has no upward or sideways import, and no reach into another area's _lib", () => {
    const broken: string[] = [];
    for (const file of files) {
      const from = areaOf(file);
      for (const specifier of importsOf(file)) {
        const target = normalize(join(dirname(file), specifier));
        const to = areaOf(target);
        if (to === from) continue;
        const where = `${relative(src, file)} imports ${relative(src, target)}`;
        const layerFrom = LAYERS[from] as number;
        const layerTo = LAYERS[to] as number;
        if (layerTo >= layerFrom) broken.push(`${where}: ${to} is not below ${from}`);
        else if (to !== "_lib" && relative(src, target).split(/[\\/]/).includes("_lib")) {
          broken.push(`${where}: another area's _lib is private; use ${to}/internal.ts`);
        }
      }
    }
    expect(broken).toEqual([]);
  });
});
