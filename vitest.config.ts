import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: [
      {
        find: /^targetree\/schema$/,
        replacement: fileURLToPath(new URL("./src/schema/index.ts", import.meta.url)),
      },
      {
        find: /^targetree$/,
        replacement: fileURLToPath(new URL("./src/index.ts", import.meta.url)),
      },
    ],
  },
  test: {
    include: ["test/**/*.test.ts"],
    setupFiles: ["test/_support/matchers.ts"],
    // A throwaway PostgreSQL for test/sql/ when TARGETREE_PG_URL is unset (see the file).
    globalSetup: ["test/_support/postgresSetup.ts"],
    testTimeout: 60_000,
  },
});
