// The PostgreSQL the warehouse tests use: TARGETREE_PG_URL, set by `.ci/run` or by the global
// setup (postgresSetup.ts). Undefined when no server could be started; then the tests skip and
// say so loudly.
export const POSTGRES_URL: string | undefined =
  process.env.TARGETREE_PG_URL === "" ? undefined : process.env.TARGETREE_PG_URL;

/** Warns once per test file that its PostgreSQL tests are skipped. */
export function warnPostgresSkipped(file: string): void {
  if (POSTGRES_URL === undefined) {
    console.warn(
      `\n*** POSTGRES TESTS SKIPPED in ${file}: no TARGETREE_PG_URL and no cluster could be started. Install Debian's postgresql (\`apt-get install postgresql\`) or set TARGETREE_PG_URL. ***\n`,
    );
  }
}
