// Every exported function carries JSDoc with an example, what it returns and what it throws.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import * as api from "targetree";
import * as schema from "targetree/schema";
import { describe, expect, it } from "vitest";

const srcDir = fileURLToPath(new URL("../../src", import.meta.url));
const sourceFiles = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith(".ts") ? [path] : [];
  });
const sources = sourceFiles(srcDir).map((path) => readFileSync(path, "utf8"));

/** The JSDoc block right before `export function name` or `export const name`, if any. */
function docOf(name: string): string | undefined {
  const declaration = new RegExp(
    `/\\*\\*((?:(?!\\*/)[\\s\\S])*)\\*/\\s*export (?:function|const) ${name}\\b`,
  );
  for (const text of sources) {
    const match = declaration.exec(text);
    if (match) return match[1];
  }
  return undefined;
}

const functions = Object.entries({ ...api, ...schema })
  .filter(([name, value]) => typeof value === "function" && !/^[A-Z]/.test(name))
  .map(([name]) => name);

describe("JSDoc coverage", () => {
  it("finds the exported functions", () => {
    expect(functions.length).toBeGreaterThan(70);
  });

  it.each(functions)("%s has a summary, @returns, @throws and @example", (name) => {
    const doc = docOf(name);
    expect(doc, `${name} has no JSDoc`).toBeDefined();
    const summary =
      doc!
        .replace(/^\s*\*\s?/gm, "")
        .trim()
        .split("\n")[0] ?? "";
    expect(summary.startsWith("@"), `${name} has no summary line`).toBe(false);
    for (const tag of ["@returns", "@throws", "@example"])
      expect(doc, `${name} lacks ${tag}`).toContain(tag);
  });
});
