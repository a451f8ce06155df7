// The function whitelist. Looked up in a Map, so no name can reach anything else.
import type { FunctionName } from "../ast.js";

export interface FunctionSpec {
  readonly minArgs: number;
  /** `Infinity` for variadic functions. */
  readonly maxArgs: number;
  /** How the call is written, for messages. */
  readonly signature: string;
}

export const FUNCTIONS: ReadonlyMap<string, FunctionSpec> = /* @__PURE__ */ new Map<
  FunctionName,
  FunctionSpec
>([
  ["min", { minArgs: 1, maxArgs: Number.POSITIVE_INFINITY, signature: "min(x, …)" }],
  ["max", { minArgs: 1, maxArgs: Number.POSITIVE_INFINITY, signature: "max(x, …)" }],
  ["abs", { minArgs: 1, maxArgs: 1, signature: "abs(x)" }],
  ["round", { minArgs: 1, maxArgs: 2, signature: "round(x, digits?)" }],
  ["floor", { minArgs: 1, maxArgs: 2, signature: "floor(x, digits?)" }],
  ["ceil", { minArgs: 1, maxArgs: 2, signature: "ceil(x, digits?)" }],
  ["if", { minArgs: 3, maxArgs: 3, signature: "if(condition, then, else)" }],
]);

/** The whitelisted function a (case-insensitive) name calls, or undefined. */
export function lookupFunction(name: string): FunctionName | undefined {
  const lower = name.toLowerCase();
  return FUNCTIONS.has(lower) ? (lower as FunctionName) : undefined;
}

/** The arity problem of a call with `count` arguments, or null when the count is right. */
export function arityProblem(spec: FunctionSpec, count: number): string | null {
  if (count >= spec.minArgs && count <= spec.maxArgs) return null;
  const expected =
    spec.maxArgs === Number.POSITIVE_INFINITY
      ? `at least ${spec.minArgs} argument${spec.minArgs === 1 ? "" : "s"}`
      : spec.minArgs === spec.maxArgs
        ? `${spec.minArgs} argument${spec.minArgs === 1 ? "" : "s"}`
        : `${spec.minArgs} to ${spec.maxArgs} arguments`;
  return `${spec.signature} takes ${expected}, got ${count}.`;
}
