// What the split, time and measure benchmarks share: CPU time with what a caller keeps kept alive,
// the memory a kept result holds, per-item growth tables and PASS/FAIL lines.
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { type CpuTiming, cpuTime } from "./cpuTime.js";

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

export const verdict = (pass: boolean): string => (pass ? "PASS" : "FAIL");

/** A timing line: label, CPU and wall-clock medians, and optional notes. */
export function line(timing: CpuTiming, note = ""): string {
  return `  ${timing.label.padEnd(60)} ${timing.cpuMs.toFixed(1).padStart(9)} ms CPU ${timing.wallMs.toFixed(1).padStart(9)} ms wall${note === "" ? "" : `  ${note}`}`;
}

/** The JS heap and the typed arrays' buffers, in bytes. */
const used = (): number => {
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.arrayBuffers;
};

/**
 * The bytes a value built by `make` keeps alive: the JS heap and typed-array buffers after a full
 * collection, before and after.
 */
export function keptBytes(make: () => unknown): number {
  gc();
  const before = used();
  const value = make();
  gc();
  const after = used();
  // Keep the value alive until after the second measurement.
  if (value === Symbol.for("never")) console.log(value);
  return Math.max(0, after - before);
}

/** CPU time of `run`, the median of `runs` after `warmup`, each result kept until the next. */
export function timed(
  label: string,
  run: () => unknown,
  runs: number,
  warmup = Math.min(2, runs),
): CpuTiming {
  return cpuTime(label, run, { runs, warmup, keep: 1 });
}

/** Runs counts by size: few runs for big sizes. */
export const runsFor = (size: number): number =>
  size >= 1_000_000 ? 3 : size >= 100_000 ? 5 : size >= 10_000 ? 9 : 25;

/**
 * Per-item CPU cost at each size (so a step shows), for each contender. `make(size)` prepares the
 * inputs (not timed) and returns the contenders' runs.
 */
export function growthTable(
  title: string,
  unit: string,
  sizes: readonly number[],
  make: (size: number) => Readonly<Record<string, () => unknown>>,
): Record<string, number[]> {
  console.log(`\n${title}: CPU per ${unit} at each size (ns), median of runs with warm-up`);
  const perItem: Record<string, number[]> = {};
  const header = [
    "contender".padEnd(44),
    ...sizes.map((size) => size.toLocaleString("en").padStart(11)),
  ];
  console.log(`  ${header.join(" ")}`);
  const columns = sizes.map((size) => {
    const runs = make(size);
    const row: Record<string, number> = {};
    for (const [name, run] of Object.entries(runs)) {
      const timing = timed(name, run, runsFor(size));
      row[name] = (timing.cpuMs * 1e6) / size;
    }
    return row;
  });
  const names = [...new Set(columns.flatMap((row) => Object.keys(row)))];
  for (const name of names) {
    perItem[name] = columns.map((row) => row[name] ?? Number.NaN);
    const cells = perItem[name]!.map((ns) => (Number.isNaN(ns) ? "—" : ns.toFixed(0)).padStart(11));
    const measured = perItem[name]!.filter((ns) => !Number.isNaN(ns));
    const growth = measured.at(-1)! / measured[0]!;
    console.log(`  ${name.padEnd(44)} ${cells.join(" ")}   ×${growth.toFixed(2)} first → last`);
  }
  return perItem;
}
