// An in-memory Io for running the CLI in-process: files in a Map, stdout and stderr captured.
import type { CliIo } from "../../src/cli/io.js";
import { run } from "../../src/cli/run.js";

/** What one in-process run gave. */
export interface RunResult {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
  /** Files the run wrote, by path. */
  readonly written: ReadonlyMap<string, string>;
}

/** Runs `targetree …args` over in-memory `files` (text, or bytes for encodings tests). */
export function runInMemory(
  args: readonly string[],
  files: Readonly<Record<string, string | Uint8Array>> = {},
  options: { readonly tty?: boolean; readonly clock?: () => number } = {},
): RunResult {
  let stdout = "";
  let stderr = "";
  const written = new Map<string, string>();
  const io: CliIo = {
    readFile(path) {
      const content = written.get(path) ?? files[path];
      if (content === undefined) {
        throw Object.assign(new Error(`ENOENT: no such file or directory, open '${path}'`), {
          code: "ENOENT",
        });
      }
      return typeof content === "string" ? new TextEncoder().encode(content) : content;
    },
    writeFile(path, text) {
      if (path.startsWith("/no-such-folder/")) {
        throw Object.assign(new Error(`ENOENT: no such file or directory, open '${path}'`), {
          code: "ENOENT",
        });
      }
      written.set(path, text);
    },
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    stderrIsTTY: options.tty ?? false,
    now: options.clock ?? (() => 0),
  };
  const status = run(args, io);
  return { status, stdout, stderr, written };
}
