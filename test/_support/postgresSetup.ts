// vitest global setup: a real PostgreSQL for the warehouse tests (test/sql/).
//
// With TARGETREE_PG_URL set (`.ci/run` starts a cluster and exports it), the tests use that
// server. Without it, this starts a throwaway cluster the way scripts/postgres.ts does (it never
// installs packages from here) and stops it in teardown, so a plain `npm test` also covers
// PostgreSQL. A run filtered to files that cannot touch SQL (`vitest run test/split`) starts
// nothing. When no cluster can be started, the PostgreSQL tests skip loudly.
import { existsSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { startPostgres, stopPostgres } from "../../scripts/postgres.js";

const sqlTests = fileURLToPath(new URL("../sql", import.meta.url));

/**
 * True when the command line names file filters (vitest keeps a file whose path contains one),
 * all of them paths (a word may be an option's value), and no file under test/sql/ passes one.
 */
function filteredAwayFromSql(): boolean {
  const run = process.argv.indexOf("run");
  const filters = process.argv
    .slice(run + 1)
    .filter((arg) => !arg.startsWith("-"))
    .map((arg) => arg.replace(/^\.\//, ""));
  if (filters.length === 0 || filters.some((filter) => !/[/.]/.test(filter))) return false;
  if (!existsSync(sqlTests)) return true;
  const files = readdirSync(sqlTests, { recursive: true }).map(
    (name) => `test/sql/${String(name)}`,
  );
  return !filters.some((filter) => files.some((file) => file.includes(filter)));
}

export default async function setup(): Promise<(() => void) | undefined> {
  if (process.env.TARGETREE_PG_URL !== undefined && process.env.TARGETREE_PG_URL !== "") return;
  if (filteredAwayFromSql()) return;
  try {
    const cluster = await startPostgres();
    process.env.TARGETREE_PG_URL = cluster.url;
    return () => {
      stopPostgres(cluster.folder);
      delete process.env.TARGETREE_PG_URL;
    };
  } catch (error) {
    console.warn(
      `\n*** POSTGRES TESTS SKIPPED: could not start a PostgreSQL cluster (${String(error).split("\n")[0]}). Install Debian's postgresql or set TARGETREE_PG_URL. ***\n`,
    );
    return;
  }
}
