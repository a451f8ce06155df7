// The core must not pay for zod: no file outside src/schema imports zod or the schema subpath,
// and the subpath itself uses only zod/mini (the tree-shakable build of zod).
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const src = fileURLToPath(new URL("../../src", import.meta.url));

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : name.endsWith(".ts") ? [path] : [];
  });
}

const imports = (path: string): string[] =>
  [...readFileSync(path, "utf8").matchAll(/\bfrom\s+"([^"]+)"|import\(\s*"([^"]+)"\s*\)/g)].map(
    (match) => match[1] ?? match[2]!,
  );

describe("the schema subpath boundary", () => {
  it("keeps zod and src/schema out of every core file", () => {
    for (const path of files(src)) {
      const where = relative(src, path);
      if (where.startsWith("schema")) continue;
      for (const specifier of imports(path)) {
        expect(specifier.startsWith("zod"), `${where} imports ${specifier}`).toBe(false);
        expect(/(^|\/)schema(\/|$)/.test(specifier), `${where} imports ${specifier}`).toBe(false);
      }
    }
  });

  it("uses zod/mini only inside the subpath", () => {
    const zodImports = files(join(src, "schema"))
      .flatMap(imports)
      .filter((specifier) => specifier.startsWith("zod"));
    expect(zodImports.length).toBeGreaterThan(0);
    expect(new Set(zodImports)).toEqual(new Set(["zod/mini"]));
  });
});
