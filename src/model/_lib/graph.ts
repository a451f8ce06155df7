// Topological order of formula nodes (Kahn's algorithm, iterative). Cycles come back as data, as in
// HyperFormula's TopSort: the caller decides how to report them.

export interface TopologicalOrder {
  /** Formula nodes, each after the formula nodes it reads; declaration order among independent ones. */
  readonly sorted: readonly string[];
  /** One cycle `[a, b, c]` (a reads b, b reads c, c reads a), or null when there is none. */
  readonly cycle: readonly string[] | null;
}

/**
 * Sorts formula nodes by their dependencies. `reads(name)` lists the names a formula reads; names
 * that are not formula nodes (inputs) are ignored.
 */
export function topologicalOrder(
  formulaNames: readonly string[],
  reads: (name: string) => readonly string[],
): TopologicalOrder {
  const isFormula = new Set(formulaNames);
  const waiting = new Map<string, number>();
  const readers = new Map<string, string[]>();
  for (const name of formulaNames) {
    let count = 0;
    for (const dependency of reads(name)) {
      if (!isFormula.has(dependency)) continue;
      count++;
      const list = readers.get(dependency);
      if (list === undefined) readers.set(dependency, [name]);
      else list.push(name);
    }
    waiting.set(name, count);
  }
  const sorted: string[] = [];
  for (const name of formulaNames) if (waiting.get(name) === 0) sorted.push(name);
  for (let next = 0; next < sorted.length; next++) {
    // Stryker disable next-line ArrayDeclaration: a made-up reader is never sorted nor stuck (NaN)
    for (const reader of readers.get(sorted[next]!) ?? []) {
      const left = waiting.get(reader)! - 1;
      waiting.set(reader, left);
      if (left === 0) sorted.push(reader);
    }
  }
  if (sorted.length === formulaNames.length) return { sorted, cycle: null };
  return { sorted, cycle: findCycle(formulaNames, reads, waiting) };
}

/** Walks from the first unsorted node along unsorted dependencies until a node repeats. */
function findCycle(
  formulaNames: readonly string[],
  reads: (name: string) => readonly string[],
  waiting: ReadonlyMap<string, number>,
): string[] {
  const stuck = (name: string): boolean => (waiting.get(name) ?? 0) > 0;
  const start = formulaNames.find(stuck)!;
  const seenAt = new Map<string, number>();
  // Stryker disable next-line ArrayDeclaration: an extra entry shifts the indexes and the slice alike
  const path: string[] = [];
  let current = start;
  while (!seenAt.has(current)) {
    seenAt.set(current, path.length);
    path.push(current);
    // Every stuck node reads at least one other stuck node, so this always finds one.
    current = reads(current).find(stuck)!;
  }
  const cycle = path.slice(seenAt.get(current)!);
  // Start the cycle at its first-declared node, so the message is stable.
  const members = new Set(cycle);
  const first = formulaNames.find((name) => members.has(name))!;
  const at = cycle.indexOf(first);
  return [...cycle.slice(at), ...cycle.slice(0, at)];
}
