// The test set Stryker runs for each mutant: everything except the suites that build the
// package or start a browser (they test packaging, not src/ logic, and take seconds each).
import { mergeConfig } from "vitest/config";
import base from "./vitest.config.js";

export default mergeConfig(base, {
  test: {
    exclude: ["test/browser/**", "test/treeshake/**", "test/docs/**", "node_modules/**"],
  },
});
