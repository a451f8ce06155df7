// Builds the package afresh with the project's tsup config into a temporary folder,
// so tests of the built output never see a stale dist/.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const projectRoot = fileURLToPath(new URL("../..", import.meta.url));

/**
 * Returns the folder holding the fresh `index.js` (ESM) and `index.cjs`. It sits inside the
 * project (ignored by git) so that bundlers resolve decimal.js and date-fns from node_modules.
 */
export function buildDist(): string {
  const parent = join(projectRoot, ".test-build");
  mkdirSync(parent, { recursive: true });
  const outDir = mkdtempSync(join(parent, "build-"));
  execFileSync("npx", ["tsup", "--no-dts", "--silent", "--out-dir", outDir], {
    cwd: projectRoot,
    stdio: "ignore",
  });
  return outDir;
}
