// Plan documents for the plan tests: a minimal valid document, the example files, and a helper
// that applies a finding's fix (JSON Patch–like edits with array paths) to a copy of a document.

import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { PlanEdit } from "targetree";

/** The smallest valid document: lint finds nothing in it (2024 has official calendar data). */
export function minimal(): Record<string, unknown> {
  return {
    version: 1,
    target: "100万",
    period: { start: "2024-01-01", end: "2024-12-31", grains: ["month"] },
    organization: { name: "公司" },
  };
}

const plans = fileURLToPath(new URL("../../examples/plans/", import.meta.url));

/** An example document from examples/plans/, parsed. */
export function example(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(`${plans}${name}`, "utf8")) as Record<string, unknown>;
}

type Json = Record<string | number, unknown>;

function parentOf(root: Json, path: readonly (string | number)[]): Json {
  let node: unknown = root;
  for (const key of path.slice(0, -1)) node = (node as Json)[key];
  if (typeof node !== "object" || node === null) throw new Error(`no parent at ${path.join(".")}`);
  return node as Json;
}

function get(root: Json, path: readonly (string | number)[]): unknown {
  return parentOf(root, path)[path.at(-1)!];
}

/** Applies `edits` to a deep copy of `doc`, as JSON Patch would with array paths. */
export function applyEdits<T>(doc: T, edits: readonly PlanEdit[]): T {
  const copy = structuredClone(doc) as unknown as Json;
  for (const edit of edits) {
    const key = edit.path.at(-1)!;
    if (edit.op === "move") {
      const value = get(copy, edit.from);
      removeAt(parentOf(copy, edit.from), edit.from.at(-1)!);
      parentOf(copy, edit.path)[key] = value;
    } else if (edit.op === "remove") removeAt(parentOf(copy, edit.path), key);
    else {
      const parent = parentOf(copy, edit.path);
      const exists = Object.hasOwn(parent, key);
      if (edit.op === "add" && exists) throw new Error(`add over an existing ${String(key)}`);
      if (edit.op === "replace" && !exists) throw new Error(`replace of a missing ${String(key)}`);
      parent[key] = structuredClone(edit.value);
    }
  }
  return copy as unknown as T;
}

function removeAt(parent: Json, key: string | number): void {
  if (Array.isArray(parent)) parent.splice(key as number, 1);
  else delete parent[key];
}
