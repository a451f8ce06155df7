// Allocation of 1M parts where the data lives: allocateSQL in DuckDB (in-process) and PostgreSQL
// against targetree's `allocate` in Node, on the same million rows: 1,000 groups of 1,000 parts
// (a target per region, split over its stores), and one group of 1M parts. The SQL runs as
// CREATE TABLE … AS (the parts stay in the engine, as they would in a warehouse); `allocate` gets
// its weights as a JavaScript array. Ratios are against `allocate`. Every SQL part is checked
// against `allocate` before anything is timed.
//
// PostgreSQL: TARGETREE_PG_URL, or a throwaway cluster started here (scripts/postgres.ts) and
// stopped at the end; without one, the PostgreSQL lines are skipped with a note.
import { allocate, allocateSQL } from "targetree";
import { startPostgres, stopPostgres } from "../scripts/postgres.js";
import { type Engine, openDuckDB, openPostgres } from "../test/_support/engines.js";
import { report, type Timing } from "./_lib/measure.js";

const PARTS = 1_000_000;
const GROUP_SIZES = [1000, PARTS] as const;

async function timeAsync(label: string, run: () => Promise<unknown>, runs = 3): Promise<Timing> {
  await run();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await run();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return { label, medianMs: samples[Math.floor(samples.length / 2)]! };
}

function timeSync(label: string, run: () => unknown, runs = 3): Timing {
  run();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    run();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return { label, medianMs: samples[Math.floor(samples.length / 2)]! };
}

/** Weight of row i: 1…9,973, the same in Node and both engines. */
const weightOf = (i: number): number => 1 + ((i * 7919 + 13) % 9973);
const totalCents = (group: number): number =>
  ((group * 104729 + 7) % 1000003) * 100 + (group % 100);

function tableSQL(engine: Engine, groupSize: number): string {
  const duck = engine.name === "duckdb";
  const i = duck ? "i" : "CAST(i AS BIGINT)";
  const group = duck ? `${i} // ${groupSize}` : `${i} / ${groupSize}`;
  const cents = `((${group}) * 104729 + 7) % 1000003 * 100 + (${group}) % 100`;
  const total = duck
    ? `CAST(${cents} AS DECIMAL(18, 0)) * CAST('0.01' AS DECIMAL(3, 2))`
    : `(${cents}) * 0.01`;
  const rows = duck ? `range(${PARTS}) AS r(i)` : `generate_series(0, ${PARTS - 1}) AS i`;
  return `SELECT ${group} AS g, ${i} % ${groupSize} AS o, 1 + (${i} * 7919 + 13) % 9973 AS w, ${total} AS total FROM ${rows}`;
}

function centsText(cents: number): string {
  return `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, "0")}`;
}

/** allocate's parts, group by group, as text with 2 decimals. */
function libraryRun(groupSize: number): string[] {
  const out: string[] = [];
  for (let g = 0; g < PARTS / groupSize; g++) {
    const weights = Array.from({ length: groupSize }, (_, o) => weightOf(g * groupSize + o));
    for (const value of allocate(centsText(totalCents(g)), weights)) out.push(value.toFixed(2));
  }
  return out;
}

let cluster: { folder: string } | undefined;
if (process.env.TARGETREE_PG_URL === undefined) {
  try {
    const started = await startPostgres();
    process.env.TARGETREE_PG_URL = started.url;
    cluster = started;
  } catch (error) {
    console.log(`  (no PostgreSQL: ${String(error).split("\n")[0]}; its lines are skipped)`);
  }
}
const engines: Engine[] = [await openDuckDB()];
const postgres = await openPostgres(process.env.TARGETREE_PG_URL);
if (postgres !== undefined) engines.push(postgres);

try {
  for (const groupSize of GROUP_SIZES) {
    const groups = PARTS / groupSize;
    const title = `Allocate over ${PARTS.toLocaleString("en")} parts in ${groups.toLocaleString("en")} group${groups === 1 ? "" : "s"} of ${groupSize.toLocaleString("en")}`;
    let expected: string[] = [];
    const library = timeSync("targetree allocate, in Node", () => {
      expected = libraryRun(groupSize);
    });
    const timings: Timing[] = [];
    for (const engine of engines) {
      await engine.run(engine.createTable("bench_parts", tableSQL(engine, groupSize)));
      const sql = allocateSQL({
        dialect: engine.name,
        from: "bench_parts",
        total: "total",
        weight: "w",
        partitionBy: "g",
        ordinal: "o",
      });
      await engine.run(engine.createTable("bench_out", sql));
      const [got] = await engine.columns(
        "SELECT CAST(part AS VARCHAR) FROM bench_out ORDER BY g, o",
      );
      const wrong = got!.findIndex((value, i) => value !== expected[i]);
      if (wrong >= 0)
        throw new Error(`${engine.name} part ${wrong}: ${got![wrong]} ≠ ${expected[wrong]}`);
      timings.push(
        await timeAsync(
          `allocateSQL in ${engine.name === "duckdb" ? "DuckDB" : "PostgreSQL"}`,
          () => engine.run(engine.createTable("bench_out", sql)),
        ),
      );
    }
    report(title, library, timings);
    console.log(`  exact: every SQL part equals allocate's (${PARTS.toLocaleString("en")} parts)`);
  }
} finally {
  for (const engine of engines) await engine.close();
  if (cluster !== undefined) stopPostgres(cluster.folder);
}
