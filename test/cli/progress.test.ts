import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { CliIo } from "../../src/cli/io.js";
import { PROGRESS_DELAY_MS, progressBar } from "../../src/cli/progress.js";
import { runInMemory } from "./_io.js";

function fakeIo(tty: boolean, clock: { now: number }): CliIo & { readonly err: string[] } {
  const err: string[] = [];
  return {
    err,
    readFile: () => new Uint8Array(),
    writeFile() {},
    stdout() {},
    stderr: (text) => {
      err.push(text);
    },
    stderrIsTTY: tty,
    stderrColumns: 60,
    now: () => clock.now,
  };
}

describe("progressBar", () => {
  it("shows nothing when stderr is not a terminal, however long the work", () => {
    const clock = { now: 0 };
    const io = fakeIo(false, clock);
    const bar = progressBar(io, 3);
    for (const label of ["reading", "building", "writing"]) {
      clock.now += 5_000;
      bar.step(label);
    }
    bar.finish();
    expect(io.err).toEqual([]);
  });

  it("shows nothing for work shorter than the delay", () => {
    const clock = { now: 0 };
    const io = fakeIo(true, clock);
    const bar = progressBar(io, 2);
    bar.step("reading");
    clock.now = PROGRESS_DELAY_MS - 1;
    bar.step("building");
    bar.finish();
    expect(io.err).toEqual([]);
  });

  it("draws a bar on a terminal once the work is long, and erases it at the end", () => {
    const clock = { now: 0 };
    const io = fakeIo(true, clock);
    const bar = progressBar(io, 4);
    bar.step("reading the plan");
    clock.now = 1_500;
    bar.step("building the plan");
    bar.step("writing");
    bar.finish();
    expect(io.err).toEqual([
      `\r${"█".repeat(6)}${"░".repeat(18)} 1/4 building the plan\u001b[K`,
      `\r${"█".repeat(12)}${"░".repeat(12)} 2/4 writing\u001b[K`,
      "\r\u001b[K",
    ]);
  });
});

describe("the progress bar in a command", () => {
  it("draws on a terminal during long work, erases itself, and leaves stdout alone", () => {
    const plan = readFileSync(
      new URL("../../examples/plans/rishiqing-2024-fixed.json", import.meta.url),
      "utf8",
    );
    let now = 0;
    // Every look at the clock is 600 ms later: the work looks long.
    const clock = () => {
      now += 600;
      return now;
    };
    const onTerminal = runInMemory(
      ["build", "plan.json", "--format", "csv"],
      { "plan.json": plan },
      {
        tty: true,
        clock,
      },
    );
    const onPipe = runInMemory(["build", "plan.json", "--format", "csv"], { "plan.json": plan });
    expect(onTerminal.status).toBe(0);
    expect(onTerminal.stdout).toBe(onPipe.stdout);
    expect(onPipe.stderr).toBe("");
    expect(onTerminal.stderr).toContain("building the plan");
    expect(onTerminal.stderr.endsWith("\r\u001b[K")).toBe(true);
    expect(onTerminal.stderr).not.toContain("\n");
  });
});
