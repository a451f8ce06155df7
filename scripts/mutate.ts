// Mutation testing one area at a time: `npx tsx scripts/mutate.ts [area ...]` (default: every area
// under src/), then a summary of every area's last report.
//
// A run over all of src/ is about 15,000 mutants, hours on two cores, so the work is cut by area:
// each area gets its own Stryker run (the settings of stryker.config.json, with `mutate` narrowed
// to src/<area>/), its own JSON report (reports/mutation/<area>.json) and its own incremental file
// (reports/mutation/<area>.incremental.json), so a rerun tests only the mutants whose code or
// covering tests changed. `--summary` prints the table from the existing reports without running.
//
// A run stopped midway can leave a report that counts the untested mutants as survivors: delete
// that area's <area>.json and <area>.incremental.json before running it again.
//
// Exits 1 when a run fails or the score over the measured areas is below 85%.
//
// The score is Stryker's: detected (killed + timeout) / (detected + survived + no coverage);
// mutants that only fail to compile are left out, as Stryker does.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const AREAS = [
  "_lib",
  "numbers",
  "formula",
  "model",
  "analysis",
  "split",
  "time",
  "measure",
  "plan",
  "schema",
];
const reportDir = "reports/mutation";

// Each area is measured against its own tests only (`_lib` and `numbers` share theirs). The other
// areas' tests and the hardening suites run its code too (a model test parses formulas, the bad-input
// matrix calls everything), but rerunning them for every mutant multiplies the cost several times
// over; an area's own tests are expected to pin it down. Leaving tests out can only let more mutants
// survive, so each score is a lower bound.
const testsOf = (area: string): readonly string[] =>
  area === "_lib" || area === "numbers"
    ? ["test/_lib/**/*.test.ts", "test/numbers/**/*.test.ts"]
    : [`test/${area}/**/*.test.ts`];

interface MutantResult {
  status: string;
}
interface Report {
  files: Record<string, { mutants: MutantResult[] }>;
}

function runArea(area: string): void {
  const base = JSON.parse(readFileSync("stryker.config.json", "utf8")) as Record<string, unknown>;
  const config = {
    ...base,
    mutate: [`src/${area}/**/*.ts`, "!src/**/index.ts", "!src/time/data/**"],
    incremental: true,
    incrementalFile: join(reportDir, `${area}.incremental.json`),
    jsonReporter: { fileName: join(reportDir, `${area}.json`) },
    reporters: ["json", "progress"],
    thresholds: { high: 90, low: 85, break: null },
  };
  mkdirSync(reportDir, { recursive: true });
  const configFile = join(reportDir, `stryker.${area}.json`);
  writeFileSync(configFile, `${JSON.stringify(config, null, 2)}\n`);
  console.log(`\n== ${area}: stryker run ${configFile}`);
  const tests = testsOf(area);
  const env = { ...process.env, TARGETREE_MUTATION_TESTS: tests.join(",") };
  console.log(`   tests: ${tests.join(", ")}`);
  const result = spawnSync("npx", ["stryker", "run", configFile], { stdio: "inherit", env });
  if (result.status !== 0) {
    console.error(`Stryker failed on ${area} (exit ${result.status}).`);
    process.exitCode = 1;
  }
}

function tally(report: Report): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const file of Object.values(report.files)) {
    for (const mutant of file.mutants) counts[mutant.status] = (counts[mutant.status] ?? 0) + 1;
  }
  return counts;
}

const BREAK = 85;

function summary(): void {
  const rows: string[] = ["| area | mutants | killed | timeout | survived | no coverage | score |"];
  rows.push("|---|---|---|---|---|---|---|");
  const total: Record<string, number> = {};
  for (const area of AREAS) {
    const path = join(reportDir, `${area}.json`);
    if (!existsSync(path)) {
      rows.push(`| ${area} | not run | | | | | |`);
      continue;
    }
    const counts = tally(JSON.parse(readFileSync(path, "utf8")) as Report);
    for (const [status, n] of Object.entries(counts)) total[status] = (total[status] ?? 0) + n;
    rows.push(row(area, counts));
  }
  rows.push(row("**src/**", total));
  console.log(`\n${rows.join("\n")}`);
  const overall = score(total);
  if (overall !== null && overall < BREAK) {
    console.error(`\nThe score over the measured areas is below ${BREAK}%.`);
    process.exitCode = 1;
  }
}

/** Detected (killed + timeout) over valid mutants, in percent; null when there are none. */
function score(c: Record<string, number>): number | null {
  const detected = (c.Killed ?? 0) + (c.Timeout ?? 0);
  const valid = detected + (c.Survived ?? 0) + (c.NoCoverage ?? 0);
  return valid === 0 ? null : (100 * detected) / valid;
}

function row(label: string, c: Record<string, number>): string {
  const valid = (c.Killed ?? 0) + (c.Timeout ?? 0) + (c.Survived ?? 0) + (c.NoCoverage ?? 0);
  const percent = score(c);
  const shown = percent === null ? "n/a" : `${percent.toFixed(1)}%`;
  return `| ${label} | ${valid} | ${c.Killed ?? 0} | ${c.Timeout ?? 0} | ${c.Survived ?? 0} | ${c.NoCoverage ?? 0} | ${shown} |`;
}

const args = process.argv.slice(2);
if (!args.includes("--summary")) {
  const known = new Set(readdirSync("src"));
  const chosen = args.length > 0 ? args : AREAS;
  for (const area of chosen) {
    if (!AREAS.includes(area) || !known.has(area)) {
      console.error(`Unknown area "${area}"; use one of: ${AREAS.join(", ")}.`);
      process.exit(2);
    }
  }
  for (const area of chosen) runArea(area);
}
summary();
