// "Did you mean …?": the known name nearest to a misspelt one, by edit distance.

/** Edit distance (insertions, deletions, substitutions and swaps of neighbours), case-insensitive. */
export function editDistance(a: string, b: string): number {
  const s = [...a.toLowerCase()];
  const t = [...b.toLowerCase()];
  // Three rolling rows of the Damerau–Levenshtein table (optimal string alignment).
  let before: number[] = [];
  let previous = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    const current = [i];
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      let best = Math.min(
        (previous[j] as number) + 1,
        (current[j - 1] as number) + 1,
        (previous[j - 1] as number) + cost,
      );
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) {
        best = Math.min(best, (before[j - 2] as number) + 1);
      }
      current.push(best);
    }
    before = previous;
    previous = current;
  }
  return previous[t.length] as number;
}

/**
 * The known name closest to `name`, or `undefined` when none is close: at most a third of the
 * longer name's characters may differ (so `calender` → `calendar`, `hold` → `holds`), and a
 * name that only differs in case always counts. Ties go to the earlier known name.
 */
export function closest(name: string, known: readonly string[]): string | undefined {
  if (name.length > 200) return undefined;
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of known) {
    const distance = editDistance(name, candidate);
    const allowed = Math.max(1, Math.floor(Math.max(name.length, candidate.length) / 3));
    if (distance <= allowed && distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** ` Did you mean "calendar"?` or an empty string, for the end of a message. */
export function didYouMean(name: string, known: readonly string[]): string {
  const suggestion = closest(name, known);
  return suggestion === undefined ? "" : ` Did you mean ${JSON.stringify(suggestion)}?`;
}
