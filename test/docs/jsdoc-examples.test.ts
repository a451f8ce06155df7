// Runs every `@example` in the JSDoc of src/ so the docs cannot rot.
// Each line `expression //=> expected` becomes an assertion; other lines run as written.
// Decimals and numbers compare by exact decimal value, objects and arrays deeply.
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));
const srcDir = join(root, "src");
const outDir = join(root, "test/docs/.generated");

interface Snippet {
  readonly file: string;
  readonly line: number;
  readonly code: string;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith(".ts") ? [path] : [];
  });
}

/** Pulls the `@example` blocks out of every JSDoc comment of a file. */
function extractSnippets(file: string): Snippet[] {
  const text = readFileSync(file, "utf8");
  const snippets: Snippet[] = [];
  for (const match of text.matchAll(/\/\*\*([\s\S]*?)\*\//g)) {
    const lines = match[1]!.split("\n").map((line) => line.replace(/^\s*\* ?/, ""));
    const startLine = text.slice(0, match.index).split("\n").length;
    let current: string[] | null = null;
    let currentLine = 0;
    const flush = () => {
      if (current?.some((line) => line.trim() !== "")) {
        snippets.push({
          file,
          line: currentLine,
          code: current.join("\n").replace(/^```\w*|```$/gm, ""),
        });
      }
      current = null;
    };
    lines.forEach((line, index) => {
      if (/^@example\b/.test(line.trim())) {
        flush();
        current = [];
        currentLine = startLine + index;
        const rest = line.trim().slice("@example".length).trim();
        if (rest) current.push(rest);
      } else if (/^@\w+/.test(line.trim())) {
        flush();
      } else if (current) {
        current.push(line);
      }
    });
    flush();
  }
  return snippets;
}

/**
 * Turns `expr //=> expected` lines into checks and leaves other lines as they are. When `//=>`
 * stands on a line of its own, the expression is the statement just above it (the lines since
 * the last blank line, `;`, declaration or check).
 */
function toModule(snippet: Snippet): string {
  const out: string[] = [];
  let pending: string[] = [];
  for (const line of snippet.code.split("\n")) {
    const at = line.indexOf("//=>");
    if (at < 0) {
      const trimmed = line.trim();
      const isBoundary =
        trimmed === "" || /^(const|let|import|for|if)\b/.test(trimmed) || trimmed.endsWith(";");
      out.push(line);
      pending = isBoundary ? [] : [...pending, line];
      continue;
    }
    let expression = line.slice(0, at).trim();
    if (expression === "") {
      out.splice(out.length - pending.length, pending.length);
      expression = pending.join("\n").trim();
    }
    expression = expression.replace(/;$/, "");
    const expected = line.slice(at + 4).trim();
    out.push(`__check(${JSON.stringify(expression)}, () => (${expression}), () => (${expected}));`);
    pending = [];
  }
  return [
    `import { Decimal } from "decimal.js";`,
    `import * as __targetree from "targetree";`,
    `import * as __schema from "targetree/schema";`,
    `import { __check } from "../check.js";`,
    `const { ${"$ALL$"} } = { ...__schema, ...__targetree };`,
    `export default async function run() {`,
    ...out,
    `}`,
  ].join("\n");
}

const snippets = sourceFiles(srcDir).flatMap(extractSnippets);

describe("JSDoc @example snippets", () => {
  it("finds examples to run", () => {
    expect(snippets.length).toBeGreaterThan(0);
  });

  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });

  snippets.forEach((snippet, index) => {
    const where = `${relative(root, snippet.file)}:${snippet.line}`;
    it(`${where} runs and shows true results`, async () => {
      const names = [
        ...new Set([
          ...Object.keys(await import("targetree")),
          ...Object.keys(await import("targetree/schema")),
        ]),
      ].filter((name) => name !== "default");
      const path = join(outDir, `snippet-${index}.ts`);
      writeFileSync(path, toModule(snippet).replace("$ALL$", names.join(", ")));
      const module = (await import(pathToFileURL(path).href)) as { default: () => Promise<void> };
      await module.default();
    });
  });
});
