// The built `targetree` bin, run as a user runs it: a fresh build (tsup, as `npm run build` does)
// in a temporary folder, spawned with node in a scratch folder that holds the test's files.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildDist } from "../_support/buildDist.js";

/** What one run of the bin gave. */
export interface BinResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** The built bin and a scratch folder to run it in. */
export interface Bin {
  /** The path of the built `cli.js`. */
  readonly cli: string;
  /** The scratch folder (the runs' working directory). */
  readonly work: string;
  /** Writes a file (text or bytes) into the scratch folder; returns its name. */
  readonly file: (name: string, content: string | Uint8Array) => string;
  /** Runs `targetree …args` in the scratch folder. */
  readonly run: (...args: string[]) => BinResult;
  /** Removes the build and the scratch folder. */
  readonly remove: () => void;
}

/** Builds the package once and returns a way to run its bin. */
export function buildBin(): Bin {
  const dist = buildDist();
  const cli = join(dist, "cli.js");
  const work = mkdtempSync(join(tmpdir(), "targetree-cli-"));
  return {
    cli,
    work,
    file(name, content) {
      writeFileSync(join(work, name), content);
      return name;
    },
    run(...args) {
      const result = spawnSync(process.execPath, [cli, ...args], {
        cwd: work,
        encoding: "utf8",
        env: { ...process.env, NO_COLOR: "1" },
        timeout: 60_000,
      });
      return { status: result.status, stdout: result.stdout, stderr: result.stderr };
    },
    remove() {
      rmSync(dist, { recursive: true, force: true });
      rmSync(work, { recursive: true, force: true });
    },
  };
}

/** True when a text holds a stack trace line (`    at f (file:1:2)`). */
export function hasStackTrace(text: string): boolean {
  return /^\s+at .+/m.test(text) || /node:internal/.test(text);
}
