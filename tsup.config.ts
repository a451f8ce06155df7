import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import type { Plugin } from "esbuild";
import { defineConfig } from "tsup";

const { version } = JSON.parse(readFileSync("package.json", "utf8")) as { version: string };
const libraryIndex = resolve("src/index.ts");

/**
 * The CLI imports the library through `src/index.ts`; in the bundle that import becomes
 * `./index.js`, the library's own ESM build beside it, so `dist/cli.js` holds only the CLI.
 */
const libraryBesideTheCli: Plugin = {
  name: "library-beside-the-cli",
  setup(build) {
    build.onResolve({ filter: /(^|\/)index\.js$/ }, (args) =>
      resolve(args.resolveDir, args.path).replace(/\.js$/, ".ts") === libraryIndex
        ? { path: "./index.js", external: true }
        : undefined,
    );
  },
};

export default defineConfig([
  {
    entry: { index: "src/index.ts", schema: "src/schema/index.ts" },
    format: ["esm", "cjs"],
    dts: true,
    // Keeps the CLI's files, which the second build writes into the same folder at the same time.
    clean: ["!cli.js", "!cli-*.js"],
    // No source maps, on purpose: the output is unminified, readable JavaScript with each function
    // under a `// src/…` comment, and maps were 2.8 of the 4.2 MB unpacked (CONTRIBUTING.md).
    sourcemap: false,
    treeshake: true,
    target: "es2022",
  },
  {
    // The `targetree` bin: ESM for Node, its shebang kept from src/cli/main.ts, which checks the
    // Node version before it loads the rest (one chunk with a fixed name, overwritten each build).
    entry: { cli: "src/cli/main.ts" },
    format: ["esm"],
    platform: "node",
    target: "node20",
    dts: false,
    clean: false,
    sourcemap: false,
    define: { TARGETREE_VERSION: JSON.stringify(version) },
    esbuildPlugins: [libraryBesideTheCli],
    esbuildOptions(options) {
      options.chunkNames = "cli-[name]";
    },
  },
]);
