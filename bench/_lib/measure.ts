// A small timing harness: warm up, then take the median of several timed runs.

export interface Timing {
  readonly label: string;
  readonly medianMs: number;
}

export function time(
  label: string,
  run: () => unknown,
  options: { runs?: number; warmup?: number } = {},
): Timing {
  const runs = options.runs ?? 7;
  const warmup = options.warmup ?? 2;
  for (let i = 0; i < warmup; i++) run();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    run();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return { label, medianMs: samples[Math.floor(samples.length / 2)]! };
}

/** Prints timings with their ratio to a baseline (ratio < 1 means faster than the baseline). */
export function report(title: string, baseline: Timing, others: readonly Timing[]): void {
  console.log(`\n${title}`);
  for (const timing of [baseline, ...others]) {
    const ratio = timing.medianMs / baseline.medianMs;
    console.log(
      `  ${timing.label.padEnd(44)} ${timing.medianMs.toFixed(1).padStart(9)} ms   ratio ${ratio.toFixed(2)}× vs ${baseline.label}`,
    );
  }
}
