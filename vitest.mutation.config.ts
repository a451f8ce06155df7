// The test set Stryker runs for each mutant: everything except the suites that build the
// package or start a browser (they test packaging, not src/ logic, and take seconds each).
// TARGETREE_MUTATION=1 scales property tests and the fuzz test down (test/_support/runs.ts);
// fewer cases can only let more mutants survive, so the score is a lower bound.
import { mergeConfig } from "vitest/config";
import base from "./vitest.config.js";

export default mergeConfig(base, {
  test: {
    exclude: ["test/browser/**", "test/treeshake/**", "test/docs/**", "node_modules/**"],
    env: { TARGETREE_MUTATION: "1" },
    isolate: false,
    setupFiles: ["test/_support/mutationSetup.ts"],
  },
});
