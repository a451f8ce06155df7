// Reads README.md as the tests see it: its fenced code blocks, with the README line of each, and
// the `<!-- typecheck: … -->` marker written on the line before a block, if any.
import { readFileSync } from "node:fs";

export const readmeText = readFileSync(new URL("../../README.md", import.meta.url), "utf8");

export interface CodeBlock {
  /** The fence's language word (`ts`, `sh`, or `""` for a bare fence). */
  readonly language: string;
  /** The README line (1-based) of the block's first line of code. */
  readonly line: number;
  readonly code: string;
  /** The text of a `<!-- typecheck: … -->` comment on the line just above the fence. */
  readonly marker: string | null;
  /** The heading (`## …` or `### …`) the block sits under. */
  readonly section: string;
}

/** Every fenced block of a Markdown text, in order. An unclosed fence throws. */
export function codeBlocks(text: string): CodeBlock[] {
  const lines = text.split("\n");
  const blocks: CodeBlock[] = [];
  let section = "";
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index]!;
    const heading = /^#{1,6}\s+(.*)$/.exec(line);
    if (heading) section = heading[1]!.trim();
    const fence = /^```\s*([\w-]*)/.exec(line);
    if (!fence) continue;
    const end = lines.findIndex((candidate, at) => at > index && /^```\s*$/.test(candidate));
    if (end < 0) throw new Error(`README.md:${index + 1}: a code fence is never closed`);
    const above = index > 0 ? lines[index - 1]!.trim() : "";
    const marker = /^<!--\s*typecheck:\s*(.*?)\s*-->$/.exec(above);
    blocks.push({
      language: fence[1]!.toLowerCase(),
      line: index + 2,
      code: lines.slice(index + 1, end).join("\n"),
      marker: marker ? marker[1]! : null,
      section,
    });
    index = end;
  }
  return blocks;
}
