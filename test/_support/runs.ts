// Property-test sizes. Stryker (`npm run mutate`) reruns the covering tests once per mutant, so
// vitest.mutation.config.ts sets TARGETREE_MUTATION=1 and every property runs a tenth of its cases
// (at least 10). Fewer cases can only let more mutants survive, so the recorded score is a lower
// bound on what the full suite achieves.
const mutation = process.env.TARGETREE_MUTATION === "1";

/** The number of fast-check runs for a property that normally runs `n` cases. */
export const runs = (n: number): number => (mutation ? Math.max(10, Math.ceil(n / 10)) : n);

/** The size of a scale test (a long formula, many terms) that normally uses `n`: a tenth under Stryker. */
export const scaled = (n: number): number => (mutation ? Math.ceil(n / 10) : n);
