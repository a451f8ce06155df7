import { defineConfig } from "tsup";

export default defineConfig({
  entry: { index: "src/index.ts", schema: "src/schema/index.ts" },
  format: ["esm", "cjs"],
  dts: true,
  clean: true,
  // No source maps, on purpose: the output is unminified, readable JavaScript with each function
  // under a `// src/…` comment, and maps were 2.8 of the 4.2 MB unpacked (CONTRIBUTING.md).
  sourcemap: false,
  treeshake: true,
  target: "es2022",
});
