// Typechecks every `ts`/`typescript` block of README.md under the repo's strict tsconfig, with
// `targetree` and `targetree/schema` mapped to src/, so a renamed option or field breaks this test
// instead of a reader's build. Each block is its own module. Two markers, written as an HTML
// comment on the line just above a fence, change that:
//   <!-- typecheck: continues the block above -->   the block is checked after the one before it
//   <!-- typecheck: skip because <reason> -->       the block is not checked; the reason is shown
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CodeBlock, codeBlocks, readmeText } from "./readmeBlocks.js";

const root = fileURLToPath(new URL("../..", import.meta.url));

const CONTINUES = "continues the block above";
const SKIP = /^skip because (\S.*)$/;
/** Skips must stay exceptional: raising this needs a reason in review. */
const MAX_SKIPS = 2;

interface Snippet {
  readonly block: CodeBlock;
  /** The module written to disk: earlier blocks it continues, then this block. */
  readonly source: string;
  /** For each line of `source`, its README line. */
  readonly readmeLines: readonly number[];
  /** The first line of `source` that belongs to this block (0-based). */
  readonly ownFrom: number;
  readonly file: string;
}

const tsBlocks = codeBlocks(readmeText).filter((block) =>
  ["ts", "typescript"].includes(block.language),
);
const skipped = tsBlocks.filter((block) => block.marker !== null && SKIP.test(block.marker));
const checked = tsBlocks.filter((block) => !skipped.includes(block));

function snippetsIn(dir: string): Snippet[] {
  const snippets: Snippet[] = [];
  let previous: { source: string[]; lines: number[] } | null = null;
  for (const block of tsBlocks) {
    if (skipped.includes(block)) {
      previous = null;
      continue;
    }
    const own = block.code.split("\n");
    const ownLines = own.map((_, index) => block.line + index);
    const before: { source: string[]; lines: number[] } =
      block.marker === CONTINUES && previous ? previous : { source: [], lines: [] };
    const source = [...before.source, ...own];
    const lines = [...before.lines, ...ownLines];
    snippets.push({
      block,
      source: [...source, "export {};", ""].join("\n"),
      readmeLines: lines,
      ownFrom: before.source.length,
      file: join(dir, `readme-${block.line}.ts`),
    });
    previous = { source, lines };
  }
  return snippets;
}

/** One line per problem: the README line, the code on it, and the compiler's message. */
function describeDiagnostic(snippet: Snippet, diagnostic: ts.Diagnostic): string {
  const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n    ");
  if (diagnostic.file === undefined || diagnostic.start === undefined) return message;
  const { line, character } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
  const readmeLine = snippet.readmeLines[line] ?? snippet.block.line;
  const code = snippet.source.split("\n")[line]?.trim() ?? "";
  return `README.md:${readmeLine}:${character + 1} TS${diagnostic.code}: ${message}\n    ${code}`;
}

describe("README code blocks", () => {
  it("has TypeScript blocks to check", () => {
    expect(checked.length).toBeGreaterThan(10);
  });

  it("uses only the two known typecheck markers, each on a TypeScript block", () => {
    for (const block of codeBlocks(readmeText)) {
      if (block.marker === null) continue;
      const where = `README.md:${block.line - 1}: <!-- typecheck: ${block.marker} -->`;
      expect(["ts", "typescript"], where).toContain(block.language);
      expect(block.marker === CONTINUES || SKIP.test(block.marker), where).toBe(true);
    }
  });

  it(`skips at most ${MAX_SKIPS} blocks, each with a stated reason`, () => {
    expect(skipped.length).toBeLessThanOrEqual(MAX_SKIPS);
  });
});

describe("README TypeScript blocks typecheck under the strict tsconfig", () => {
  let dir = "";
  let snippets: Snippet[] = [];
  const problems = new Map<string, string[]>();
  const elsewhere: string[] = [];

  beforeAll(() => {
    const parent = join(root, ".test-build");
    mkdirSync(parent, { recursive: true });
    dir = mkdtempSync(join(parent, "readme-types-"));
    snippets = snippetsIn(dir);
    for (const snippet of snippets) writeFileSync(snippet.file, snippet.source);
    const config = {
      extends: join(root, "tsconfig.json"),
      compilerOptions: {
        noEmit: true,
        // A snippet shows a call and its result in a comment, and a block imports names for the
        // blocks that continue it: a value not used again is no type error. The rest of the
        // strict config applies (strict, noUncheckedIndexedAccess, exactOptionalPropertyTypes).
        noUnusedLocals: false,
        noUnusedParameters: false,
        paths: {
          targetree: [join(root, "src/index.ts")],
          "targetree/schema": [join(root, "src/schema/index.ts")],
        },
      },
      include: ["*.ts"],
    };
    const configFile = join(dir, "tsconfig.json");
    writeFileSync(configFile, JSON.stringify(config, null, 2));
    const parsed = ts.getParsedCommandLineOfConfigFile(configFile, undefined, {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
        throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n"));
      },
    });
    if (!parsed) throw new Error(`cannot read ${configFile}`);
    const program = ts.createProgram({ rootNames: parsed.fileNames, options: parsed.options });
    const byFile = new Map(snippets.map((snippet) => [snippet.file, snippet]));
    for (const diagnostic of ts.getPreEmitDiagnostics(program)) {
      const snippet = diagnostic.file ? byFile.get(diagnostic.file.fileName) : undefined;
      if (!snippet || diagnostic.file === undefined || diagnostic.start === undefined) {
        elsewhere.push(ts.formatDiagnostic(diagnostic, ts.createCompilerHost(parsed.options)));
        continue;
      }
      const { line } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
      // A continued block's earlier lines are reported with the block they belong to.
      if (line < snippet.ownFrom) continue;
      const list = problems.get(snippet.file) ?? [];
      list.push(describeDiagnostic(snippet, diagnostic));
      problems.set(snippet.file, list);
    }
  }, 120_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("compiles the library itself in the snippets' project", () => {
    expect(elsewhere.join("\n")).toBe("");
  });

  for (const block of checked) {
    const name = `README.md:${block.line} (under "${block.section}")`;
    it(`${name} typechecks`, () => {
      const snippet = snippets.find((candidate) => candidate.block === block);
      expect(snippet, name).toBeDefined();
      const found = problems.get(snippet!.file) ?? [];
      expect(found.join("\n"), `${name}:\n${block.code}`).toBe("");
    });
  }

  for (const block of skipped) {
    const reason = SKIP.exec(block.marker!)![1];
    it.skip(`README.md:${block.line} is not checked, because ${reason}`, () => {});
  }
});
