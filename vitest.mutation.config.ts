// The test set Stryker runs for each mutant: everything except the suites that build the
// package, start a browser or spawn processes (they test packaging, not src/ logic, and take seconds).
// TARGETREE_MUTATION=1 scales property tests and the fuzz test down (test/_support/runs.ts);
// fewer cases can only let more mutants survive, so the score is a lower bound.
// TARGETREE_MUTATION_TESTS (comma-separated globs, set by scripts/mutate.ts) narrows the test set
// to one area's own tests; that too can only lower the score.
import { defineConfig } from "vitest/config";
import base from "./vitest.config.js";

const only = process.env.TARGETREE_MUTATION_TESTS?.split(",").filter((glob) => glob !== "");

export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: only !== undefined && only.length > 0 ? only : ["test/**/*.test.ts"],
    // The time-zone test runs a bundled probe in child processes, where no mutant is active.
    exclude: [
      "test/browser/**",
      "test/treeshake/**",
      "test/docs/**",
      "test/time/timezone.test.ts",
      "node_modules/**",
    ],
    env: { TARGETREE_MUTATION: "1" },
    isolate: false,
    setupFiles: ["test/_support/matchers.ts", "test/_support/mutationSetup.ts"],
  },
});
