// One case of `npm run stress`, in its own process: `node worker.mjs <case name> [name to plant]`.
// Plants the name on Object.prototype (when asked) before targetree is imported, builds the input,
// times the one call and prints { ms, outcome, maxRssKb } as JSON on stdout.
import { performance } from "node:perf_hooks";

const [caseName = "", planted] = process.argv.slice(2);
if (planted !== undefined && planted !== "") {
  Object.defineProperty(Object.prototype, planted, {
    value: planted === "unit" ? "万" : 7,
    configurable: true,
    writable: true,
    enumerable: true,
  });
}

type Outcome =
  | { readonly kind: "ok"; readonly badNumbers: readonly string[] }
  | { readonly kind: "typed"; readonly code: string; readonly message: string }
  | { readonly kind: "raw"; readonly name: string; readonly message: string };

/** Paths of NaN, ±Infinity and −0 in a result (numbers and Decimals), at most 5. */
function badNumbers(result: unknown): string[] {
  const found: string[] = [];
  const seen = new Set<object>();
  let budget = 2_000_000;
  const visit = (value: unknown, path: string): void => {
    if (found.length >= 5 || budget-- <= 0) return;
    if (typeof value === "number") {
      if (!Number.isFinite(value) || Object.is(value, -0)) found.push(`${path} = ${value}`);
      return;
    }
    if (typeof value !== "object" || value === null || seen.has(value)) return;
    seen.add(value);
    const decimal = value as { isFinite?: unknown; isZero?: unknown; isNegative?: unknown };
    if (typeof decimal.isFinite === "function" && typeof decimal.isZero === "function") {
      const d = value as { isFinite(): boolean; isZero(): boolean; isNegative(): boolean };
      if (!d.isFinite() || (d.isZero() && d.isNegative())) found.push(`${path} = ${String(value)}`);
      return;
    }
    if (value instanceof Map) {
      for (const [key, item] of value) visit(item, `${path}.${String(key)}`);
      return;
    }
    for (const key of Object.keys(value)) {
      visit((value as Record<string, unknown>)[key], `${path}.${key}`);
    }
  };
  visit(result, "result");
  return found;
}

const { CASES } = await import("./_stressCases.js");
const { TargetreeError } = await import("targetree");

let ms = 0;
let outcome: Outcome = { kind: "ok", badNumbers: [] };
if (caseName !== "__baseline") {
  const stressCase = CASES.find((c) => c.name === caseName);
  if (stressCase === undefined) throw new Error(`No stress case named ${caseName}`);
  const input = stressCase.input();
  const start = performance.now();
  try {
    const result = (stressCase.call as (input: unknown) => unknown)(input);
    ms = performance.now() - start;
    outcome = { kind: "ok", badNumbers: badNumbers(result) };
  } catch (error) {
    ms = performance.now() - start;
    outcome =
      error instanceof TargetreeError
        ? { kind: "typed", code: error.code, message: error.message.slice(0, 160) }
        : {
            kind: "raw",
            name: error instanceof Error ? error.name : typeof error,
            message: (error instanceof Error ? error.message : String(error)).slice(0, 160),
          };
  }
}
process.stdout.write(JSON.stringify({ ms, outcome, maxRssKb: process.resourceUsage().maxRSS }));
