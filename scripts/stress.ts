// Hostile inputs for every export: `npm run stress [-- filter] [--timeout=3000] [--jobs=2]`.
//
// Feeds every export of "targetree" and "targetree/schema" inputs under 10 kB built to cost
// (deep and wide formulas, many costly powers, Shapley over many inputs, huge part counts, tiny
// units, shared subtrees, polluted prototypes, NaN and Infinity nodes, huge exponents, long
// strings; the cases are in ./_stressCases.ts). Each call runs in a fresh process (the worker,
// bundled once with esbuild) and is killed at the timeout. Prints every call's time and peak
// memory, the slowest calls, and the failures: a call over 1 s that did not end in a
// TargetreeError (killed calls included), a raw exception, a NaN/Infinity/−0 in a result, and an
// export no case covers. Exits 1 when there is a failure. A script, not a timed test.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import * as core from "targetree";
import * as schema from "targetree/schema";
import { CASES, CONSTANTS } from "./_stressCases.js";

const LIMIT_MS = 1000;

const args = process.argv.slice(2);
const option = (name: string, fallback: number): number => {
  const given = args.find((arg) => arg.startsWith(`--${name}=`));
  return given === undefined ? fallback : Number(given.slice(name.length + 3));
};
const timeoutMs = option("timeout", 3000);
const jobs = option("jobs", Math.max(1, Math.min(2, availableParallelism())));
const filter = args.find((arg) => !arg.startsWith("--"));

interface Run {
  readonly name: string;
  readonly ms: number | null;
  readonly peakMb: number | null;
  readonly killed: boolean;
  readonly outcome:
    | { kind: "ok"; badNumbers: string[] }
    | { kind: "typed"; code: string; message: string }
    | { kind: "raw"; name: string; message: string }
    | { kind: "crashed"; message: string };
}

/** The peak resident memory of a running process in MB (Linux), or null. */
function peakOf(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match === null ? null : Number(match[1]) / 1024;
  } catch {
    return null;
  }
}

function runCase(worker: string, name: string, pollute: string | undefined): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [worker, name, pollute ?? ""], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    let peak: number | null = null;
    let killed = false;
    child.stdout.on("data", (chunk) => {
      stdout += chunk;
    });
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    const poll = setInterval(() => {
      peak = Math.max(peak ?? 0, peakOf(child.pid) ?? 0);
    }, 50);
    const timer = setTimeout(() => {
      peak = Math.max(peak ?? 0, peakOf(child.pid) ?? 0);
      killed = true;
      child.kill("SIGKILL");
    }, timeoutMs);
    child.on("close", () => {
      clearInterval(poll);
      clearTimeout(timer);
      if (killed) {
        resolve({
          name,
          ms: null,
          peakMb: peak,
          killed,
          outcome: { kind: "crashed", message: `killed after ${timeoutMs} ms` },
        });
        return;
      }
      try {
        const report = JSON.parse(stdout) as {
          ms: number;
          outcome: Run["outcome"];
          maxRssKb: number;
        };
        resolve({
          name,
          ms: report.ms,
          peakMb: report.maxRssKb / 1024,
          killed,
          outcome: report.outcome,
        });
      } catch {
        const last = stderr.trim().split("\n").filter(Boolean).slice(-3).join(" | ");
        resolve({
          name,
          ms: null,
          peakMb: peak,
          killed,
          outcome: { kind: "crashed", message: last.slice(0, 200) || "no report" },
        });
      }
    });
  });
}

async function pool<T, R>(items: readonly T[], size: number, work: (item: T) => Promise<R>) {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: size }, async () => {
      while (next < items.length) {
        const index = next++;
        results[index] = await work(items[index]!);
        process.stdout.write(".");
      }
    }),
  );
  process.stdout.write("\n");
  return results;
}

const fmtMs = (run: Run): string => (run.ms === null ? `>${timeoutMs}` : run.ms.toFixed(0));
const fmtMb = (mb: number | null): string => (mb === null || mb === 0 ? "?" : mb.toFixed(0));
const fmtOutcome = (run: Run): string => {
  const { outcome } = run;
  switch (outcome.kind) {
    case "ok":
      return outcome.badNumbers.length === 0 ? "ok" : `ok, BAD NUMBERS ${outcome.badNumbers[0]}`;
    case "typed":
      return `TargetreeError ${outcome.code}`;
    case "raw":
      return `RAW ${outcome.name}: ${outcome.message}`;
    case "crashed":
      return outcome.message;
  }
};

// Every export is covered by some case (constants are read, not called).
const exported = [...Object.keys(core), ...Object.keys(schema)];
const covered = new Set([...CASES.flatMap((c) => c.covers), ...CONSTANTS]);
const uncovered = exported.filter((name) => !covered.has(name));
const unknown = [...covered].filter((name) => !exported.includes(name));

const directory = mkdtempSync(join(tmpdir(), "targetree-stress-"));
const worker = join(directory, "worker.mjs");
await build({
  entryPoints: [fileURLToPath(new URL("./_stressWorker.ts", import.meta.url))],
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  outfile: worker,
  logLevel: "silent",
});

const selected = CASES.filter((c) => filter === undefined || c.name.includes(filter));
console.log(
  `${selected.length} calls over ${exported.length} exports, ${jobs} at a time, each killed at ${timeoutMs} ms`,
);
const started = Date.now();
const baseline = await runCase(worker, "__baseline", undefined);
const runs = await pool(selected, jobs, (c) => runCase(worker, c.name, c.pollute));
rmSync(directory, { recursive: true, force: true });

const width = Math.max(...runs.map((run) => run.name.length), 20);
const line = (run: Run): string =>
  `${run.name.padEnd(width)}  ${fmtMs(run).padStart(6)} ms  ${fmtMb(run.peakMb).padStart(5)} MB  ${fmtOutcome(run)}`;
const byTime = [...runs].sort((a, b) => (b.ms ?? Infinity) - (a.ms ?? Infinity));

console.log(`\nEvery call (slowest first; a bare worker peaks at ${fmtMb(baseline.peakMb)} MB):`);
for (const run of byTime) console.log(`  ${line(run)}`);

console.log("\nThe slowest calls:");
for (const run of byTime.slice(0, 10)) console.log(`  ${line(run)}`);
const heaviest = [...runs].sort((a, b) => (b.peakMb ?? 0) - (a.peakMb ?? 0)).slice(0, 5);
console.log("\nThe largest peak memory:");
for (const run of heaviest) console.log(`  ${line(run)}`);

const slow = runs.filter(
  (run) => run.killed || (run.ms !== null && run.ms > LIMIT_MS && run.outcome.kind !== "typed"),
);
const raw = runs.filter(
  (run) => run.outcome.kind === "raw" || (run.outcome.kind === "crashed" && !run.killed),
);
const bad = runs.filter((run) => run.outcome.kind === "ok" && run.outcome.badNumbers.length > 0);
const typedButSlow = runs.filter(
  (run) => run.ms !== null && run.ms > LIMIT_MS && run.outcome.kind === "typed",
);

const section = (title: string, list: readonly Run[]): void => {
  console.log(`\n${title}: ${list.length === 0 ? "none" : list.length}`);
  for (const run of list) console.log(`  ${line(run)}`);
};
section(
  `FAIL over ${LIMIT_MS} ms without a TargetreeError (killed at ${timeoutMs} ms included)`,
  slow,
);
section("FAIL raw exceptions or crashes (not a TargetreeError)", raw);
section("FAIL NaN, Infinity or -0 in a result", bad);
section(`note: over ${LIMIT_MS} ms before a TargetreeError`, typedButSlow);
console.log(
  `\nExports without a case: ${uncovered.length === 0 ? "none" : `FAIL ${uncovered.join(", ")}`}`,
);
if (unknown.length > 0) console.log(`Cases name unknown exports: FAIL ${unknown.join(", ")}`);
console.log(`\nTotal ${((Date.now() - started) / 1000).toFixed(0)} s.`);

const failed = slow.length + raw.length + bad.length + uncovered.length + unknown.length;
process.exitCode = failed > 0 ? 1 : 0;
