// CPU time of a call: user + system time of the whole process (every thread, so the garbage
// collector's helpers count), the median of several runs after a warm-up, with the wall clock
// beside it. On a shared machine the wall clock also measures the neighbours; CPU time does not.

export interface CpuTiming {
  readonly label: string;
  /** Median CPU time of one run, in milliseconds. */
  readonly cpuMs: number;
  /** Median wall-clock time of one run, in milliseconds. */
  readonly wallMs: number;
}

const median = (samples: number[]): number => {
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)]!;
};

export function cpuTime(
  label: string,
  run: () => unknown,
  options: { runs?: number; warmup?: number; keep?: number } = {},
): CpuTiming {
  const runs = options.runs ?? 7;
  const warmup = options.warmup ?? 2;
  for (let i = 0; i < warmup; i++) run();
  const cpu: number[] = [];
  const wall: number[] = [];
  // With `keep: k`, the last k results stay alive, as a caller keeps what it computed: small results
  // then pay the same garbage-collection regime as large ones.
  const keep = options.keep ?? 0;
  const kept: unknown[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const before = process.cpuUsage();
    const result = run();
    const used = process.cpuUsage(before);
    if (keep > 0) kept[i % keep] = result;
    wall.push(performance.now() - started);
    cpu.push((used.user + used.system) / 1000);
  }
  kept.length = 0;
  return { label, cpuMs: median(cpu), wallMs: median(wall) };
}
