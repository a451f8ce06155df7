// The CLI wired to Node: real files, streams and clock into `run`, and the exit code.
import { readFileSync, writeFileSync } from "node:fs";
import { unexpectedLine } from "./failure.js";
import { run } from "./run.js";

/** Runs `targetree` on `process.argv` and sets `process.exitCode`. */
export function runInNode(): void {
  // A reader that stops early (`targetree build plan.json | head`) is not an error.
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(0);
    process.stderr.write(`${unexpectedLine(error)}\n`);
    process.exit(2);
  });
  process.exitCode = run(process.argv.slice(2), {
    readFile: (path) => readFileSync(path),
    writeFile: (path, text) => writeFileSync(path, text, "utf8"),
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    stderrIsTTY: process.stderr.isTTY === true,
    ...(process.stderr.columns === undefined ? {} : { stderrColumns: process.stderr.columns }),
    now: () => performance.now(),
  });
}
