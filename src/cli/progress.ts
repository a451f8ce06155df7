// A progress bar on stderr for long work: shown only when stderr is a terminal, and only once the
// work has taken about a second; nothing at all otherwise (a pipe or a file never sees it).
import type { CliIo } from "./io.js";

/** How long work runs before the bar appears, in milliseconds. */
export const PROGRESS_DELAY_MS = 1000;

/** Reports the steps of one command. */
export interface Progress {
  /** The next step begins; `label` says what it does (`building the plan`). */
  readonly step: (label: string) => void;
  /** The work is over: the bar, if shown, is erased. */
  readonly finish: () => void;
}

const WIDTH = 24;

/** A bar over `total` steps. */
export function progressBar(io: CliIo, total: number): Progress {
  const started = io.now();
  let begun = 0;
  let shown = false;
  const draw = (label: string, done: number): void => {
    const filled = Math.round((done / total) * WIDTH);
    const bar = `${"█".repeat(filled)}${"░".repeat(WIDTH - filled)}`;
    const columns = io.stderrColumns ?? 80;
    const line = `${bar} ${done}/${total} ${label}`;
    io.stderr(`\r${line.slice(0, Math.max(10, columns - 1))}\u001b[K`);
    shown = true;
  };
  return {
    step(label) {
      const done = Math.min(begun, total);
      begun++;
      if (!io.stderrIsTTY) return;
      if (shown || io.now() - started >= PROGRESS_DELAY_MS) draw(label, done);
    },
    finish() {
      if (shown) io.stderr("\r\u001b[K");
      shown = false;
    },
  };
}
