// Formula fuzzer with timing: `npx tsx scripts/fuzz.ts [count] [seed] [--strict]` (default
// 100,000 cases).
//
// Runs the cases of test/hardening/_formulaGenerator.ts (the fuzz test's generator and seed),
// times each one (parse, print, re-parse, names, evaluate twice) and prints the count, the
// maximum and the 99.9th-percentile time per case. Exits 1 when a case takes more than 50 ms or
// breaks an invariant (anything thrown but a TargetreeError with a documented code, a NaN or
// Infinity result, a print that does not parse back), except the KNOWN_BUGS of the generator,
// which are listed but fail the run only with --strict.
//
// Then it checks that parsing grows linearly: each long shape is parsed at 20,000 and 160,000
// characters; 8× the text may take at most 40× the time (linear is 8×, quadratic 64×; the slack
// absorbs garbage collection and a busy machine). Last, it times 1,000-character formulas built
// from one costly operation (fractional powers, divisions, rounding…) and projects them to the
// length limit; over 50 ms is a known issue, listed and failing only with --strict.
//
// Timing noise (a garbage collection, JIT compilation, another process on a busy machine) can
// stretch one run, so a case over the limit is re-run three times at once and, if still over it,
// five more times after the whole run; it counts as slow only when its fastest run is over it.
import { performance } from "node:perf_hooks";
import { evaluateFormula, MAX_FORMULA_LENGTH, parseFormula } from "targetree";
import {
  type CaseOutcome,
  FUZZ_SEED,
  type FuzzCase,
  generateCases,
  knownBug,
  LONG_SHAPES,
  runCase,
} from "../test/hardening/_formulaGenerator.js";

const LIMIT_MS = 50;
const WARMUP = 2_000;

const args = process.argv.slice(2);
const strict = args.includes("--strict");
const positional = args.filter((arg) => !arg.startsWith("--"));
const count = Number(positional[0] ?? 100_000);
const seed = Number(positional[1] ?? FUZZ_SEED);
if (!Number.isSafeInteger(count) || count < 1 || !Number.isSafeInteger(seed)) {
  console.error("usage: npx tsx scripts/fuzz.ts [count ≥ 1] [seed] [--strict]");
  process.exit(2);
}

const timed = (fuzz: FuzzCase): { ms: number; outcome: CaseOutcome } => {
  const started = performance.now();
  const outcome = runCase(fuzz);
  return { ms: performance.now() - started, outcome };
};

const show = (fuzz: FuzzCase): string =>
  `[${fuzz.family}, ${fuzz.text.length} chars] ${JSON.stringify(fuzz.text.slice(0, 100))}${fuzz.text.length > 100 ? "…" : ""}`;

// Warm the JIT on other cases, so the first measured cases are not charged for compilation.
for (const fuzz of generateCases(WARMUP, seed + 1_000_003)) runCase(fuzz);

const times = new Float64Array(count);
const failures: string[] = [];
const known = new Map<string, { count: number; example: string }>();
const suspects: { fuzz: FuzzCase; ms: number; index: number }[] = [];
const families = new Map<string, { cases: number; parsed: number; evaluated: number }>();
const codes = new Map<string, number>();
let index = 0;
/** Cases over 5 ms, by index, to name the slowest one at the end. */
const heavy = new Map<number, FuzzCase>();
const startedAll = performance.now();

for (const fuzz of generateCases(count, seed)) {
  let { ms, outcome } = timed(fuzz);
  if (ms > LIMIT_MS) {
    for (let retry = 0; retry < 3 && ms > LIMIT_MS; retry++) ms = Math.min(ms, timed(fuzz).ms);
    if (ms > LIMIT_MS) suspects.push({ fuzz, ms, index });
  }
  if (ms > 5) heavy.set(index, fuzz);
  times[index++] = ms;
  for (const problem of outcome.problems) {
    const bug = knownBug(problem);
    if (bug === undefined) {
      failures.push(`${problem}\n    ${show(fuzz)}`);
    } else {
      const seen = known.get(bug.id) ?? { count: 0, example: `${problem}\n    ${show(fuzz)}` };
      seen.count++;
      known.set(bug.id, seen);
    }
  }
  const family = families.get(fuzz.family) ?? { cases: 0, parsed: 0, evaluated: 0 };
  family.cases++;
  if (outcome.parsed) family.parsed++;
  if (outcome.evaluated) family.evaluated++;
  families.set(fuzz.family, family);
  for (const code of outcome.codes) codes.set(code, (codes.get(code) ?? 0) + 1);
}
const totalSeconds = (performance.now() - startedAll) / 1000;

// Re-time the cases that were over the limit, away from whatever slowed them the first time.
const slow: string[] = [];
for (const suspect of suspects) {
  let ms = suspect.ms;
  for (let retry = 0; retry < 5 && ms > LIMIT_MS; retry++)
    ms = Math.min(ms, timed(suspect.fuzz).ms);
  times[suspect.index] = ms;
  if (ms > LIMIT_MS) slow.push(`${ms.toFixed(1)} ms ${show(suspect.fuzz)}`);
}
let slowestIndex = 0;
for (let at = 1; at < index; at++) if (times[at]! > times[slowestIndex]!) slowestIndex = at;
const slowestCase = heavy.get(slowestIndex);

const sorted = times.slice(0, index).sort();
const percentile = (p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;

console.log(`formula fuzz: ${index} cases, seed ${seed}, ${totalSeconds.toFixed(1)} s total`);
console.log(
  `per case: median ${percentile(50).toFixed(3)} ms, p99 ${percentile(99).toFixed(3)} ms, p99.9 ${percentile(99.9).toFixed(3)} ms, max ${sorted[sorted.length - 1]!.toFixed(3)} ms (limit ${LIMIT_MS} ms)`,
);
if (slowestCase !== undefined) console.log(`slowest: ${show(slowestCase)}`);
console.log("family      cases   parsed  evaluated");
for (const [name, family] of [...families].sort((a, b) => b[1].cases - a[1].cases)) {
  console.log(
    `${name.padEnd(10)} ${String(family.cases).padStart(6)} ${String(family.parsed).padStart(8)} ${String(family.evaluated).padStart(10)}`,
  );
}
console.log(
  `codes: ${[...codes]
    .sort((a, b) => b[1] - a[1])
    .map(([code, n]) => `${code} ${n}`)
    .join(", ")}`,
);

// Linear growth: 8× the text may cost at most 40× the time (best of five runs each).
const bestOf = (text: string): number => {
  let best = Number.POSITIVE_INFINITY;
  for (let run = 0; run < 5; run++) {
    const started = performance.now();
    try {
      parseFormula(text);
    } catch {
      // Only the time matters here; the fuzz cases above check what is thrown.
    }
    best = Math.min(best, performance.now() - started);
  }
  return best;
};
const superlinear: string[] = [];
console.log("\nscaling (parse, best of 5): shape  20k chars → 160k chars");
for (const [shape, build] of Object.entries(LONG_SHAPES)) {
  const unit = Math.max(1, build(2).length - build(1).length);
  const small = bestOf(build(Math.round(20_000 / unit)));
  const large = bestOf(build(Math.round(160_000 / unit)));
  const ratio = large / Math.max(small, 0.05);
  console.log(
    `  ${shape.padEnd(16)} ${small.toFixed(2).padStart(8)} ms → ${large.toFixed(2).padStart(8)} ms  ×${ratio.toFixed(1)}`,
  );
  if (ratio > 40 && large > 20) superlinear.push(`${shape}: ×${ratio.toFixed(1)} for 8× the text`);
}

const atLimit = bestOf(`${"x+".repeat(MAX_FORMULA_LENGTH / 2 - 1)}x`);
console.log(
  `at the length limit: a ${MAX_FORMULA_LENGTH.toLocaleString("en")}-character sum parses in ${atLimit.toFixed(0)} ms`,
);

// Evaluation cost of 1,000-character formulas made of one costly operation. The fuzz cases are
// small or cheap per character; these show what a formula written to be slow costs.
const COSTLY: Readonly<Record<string, readonly [string, string]>> = {
  "fractional powers": ["x^.5+", "1"],
  divisions: ["x/7/", "1"],
  "round to digits": ["round(x/7,9)+", "1"],
  "if and comparisons": ["if(x<1,x,1)+", "1"],
  "integer powers": ["x^999/x^998+", "1"],
};
// Parse and evaluate together: a formula over a limit (FORMULA_TOO_COSTLY) is refused at parse
// time, and that refusal is what this measures for it.
const evaluationBest = (text: string): number => {
  let best = Number.POSITIVE_INFINITY;
  for (let run = 0; run < 3; run++) {
    const started = performance.now();
    try {
      evaluateFormula(parseFormula(text), { x: "1.2345" });
    } catch {
      // Only the time matters here.
    }
    best = Math.min(best, performance.now() - started);
  }
  return best;
};
const costly: string[] = [];
console.log(
  "\nevaluation cost (best of 3): 1,000-character formula → projected at the length limit",
);
for (const [label, [unit, tail]] of Object.entries(COSTLY)) {
  const text = unit.repeat(Math.floor((1_000 - tail.length) / unit.length)) + tail;
  const ms = evaluationBest(text);
  const projected = (ms * MAX_FORMULA_LENGTH) / text.length / 1000;
  console.log(
    `  ${label.padEnd(20)} ${ms.toFixed(1).padStart(7)} ms → ${projected.toFixed(0).padStart(5)} s   e.g. ${JSON.stringify(text.slice(0, 26))}…`,
  );
  if (ms > LIMIT_MS) costly.push(`${label}: ${ms.toFixed(0)} ms for 1,000 characters`);
}

if (known.size > 0) {
  console.error(
    `\nknown bugs (see KNOWN_BUGS; ${strict ? "failing: --strict" : "not failing without --strict"}):`,
  );
  for (const [id, { count: times, example }] of known) {
    console.error(`  ${id}: ${times} case(s), e.g. ${example}`);
  }
}
if (superlinear.length > 0) {
  console.error(`\nsuperlinear growth:\n  ${superlinear.join("\n  ")}`);
}
if (slow.length > 0) {
  console.error(`\n${slow.length} case(s) over ${LIMIT_MS} ms:`);
  for (const line of slow.slice(0, 20)) console.error(`  ${line}`);
}
if (failures.length > 0) {
  console.error(`\n${failures.length} broken invariant(s):`);
  for (const line of failures.slice(0, 40)) console.error(`  ${line}`);
}
if (costly.length > 0) {
  // A fractional power costs about a millisecond at 64 digits; MAX_COSTLY_POWERS bounds them per
  // formula (FORMULA_TOO_COSTLY), so this list should stay empty.
  console.error(
    `\nknown issue: costly formulas over ${LIMIT_MS} ms (${strict ? "failing: --strict" : "not failing without --strict"}):\n  ${costly.join("\n  ")}`,
  );
}
const failed =
  slow.length > 0 ||
  failures.length > 0 ||
  superlinear.length > 0 ||
  (strict && (known.size > 0 || costly.length > 0));
console.log(failed ? "\nFAIL" : "\nOK");
process.exit(failed ? 1 : 0);
