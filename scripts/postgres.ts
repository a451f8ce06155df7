// A throwaway PostgreSQL cluster for the warehouse tests: `npx tsx scripts/postgres.ts start`
// prints `postgres://postgres@127.0.0.1:PORT/postgres`; `npx tsx scripts/postgres.ts stop URL`
// stops that cluster and removes its folder.
//
// `start` finds initdb and pg_ctl (PATH, then /usr/lib/postgresql/*/bin); with `--install`, when
// they are missing and we are root with apt-get, it installs Debian's `postgresql` first. The
// cluster lives in a temporary folder (`targetree-pg-PORT-…` under the system temp folder),
// listens on 127.0.0.1 only, on a free port, with its socket in that folder and trust
// authentication. As root, initdb and pg_ctl run as the `postgres` user (they refuse root).
//
// The vitest global setup (test/_support/postgresSetup.ts) imports startPostgres/stopPostgres;
// `.ci/run` calls this file from bash.
import { execFileSync, spawnSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { fileURLToPath } from "node:url";

/** A running cluster: its URL and the folder that holds it. */
export interface PostgresCluster {
  readonly url: string;
  readonly folder: string;
}

const FOLDER_PREFIX = "targetree-pg-";

const isRoot = (): boolean => typeof process.getuid === "function" && process.getuid() === 0;

function onPath(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? "").split(delimiter)) {
    if (dir !== "" && existsSync(join(dir, name))) return join(dir, name);
  }
  return undefined;
}

/** The folder holding initdb and pg_ctl, or undefined when PostgreSQL is not installed. */
export function findPostgresBin(): string | undefined {
  const initdb = onPath("initdb");
  if (initdb !== undefined && onPath("pg_ctl") !== undefined) return join(initdb, "..");
  const root = "/usr/lib/postgresql";
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((name) => /^\d+$/.test(name))
    .sort((a, b) => Number(b) - Number(a));
  for (const version of versions) {
    const bin = join(root, version, "bin");
    if (existsSync(join(bin, "initdb")) && existsSync(join(bin, "pg_ctl"))) return bin;
  }
  return undefined;
}

function installPostgres(): void {
  if (!isRoot() || onPath("apt-get") === undefined) return;
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  spawnSync("apt-get", ["update", "-qq"], { stdio: "ignore", env });
  spawnSync("apt-get", ["install", "-y", "-qq", "postgresql"], { stdio: "ignore", env });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Runs a PostgreSQL tool, as the `postgres` user when we are root (initdb refuses root). */
function runTool(bin: string, tool: string, args: readonly string[], cwd: string): void {
  const command = isRoot()
    ? ["runuser", "-u", "postgres", "--", join(bin, tool), ...args]
    : [join(bin, tool), ...args];
  execFileSync(command[0] as string, command.slice(1), {
    cwd,
    stdio: ["ignore", "ignore", "pipe"],
    timeout: 120_000,
  });
}

/**
 * Starts a cluster in a fresh temporary folder on 127.0.0.1 and a free port. Throws with the
 * reason when PostgreSQL is missing (and cannot be installed) or does not start.
 */
export async function startPostgres(options: { install?: boolean } = {}): Promise<PostgresCluster> {
  let bin = findPostgresBin();
  if (bin === undefined && options.install === true) {
    installPostgres();
    bin = findPostgresBin();
  }
  if (bin === undefined) {
    throw new Error("no initdb/pg_ctl on PATH or in /usr/lib/postgresql/*/bin");
  }
  const port = await freePort();
  const folder = mkdtempSync(join(tmpdir(), `${FOLDER_PREFIX}${port}-`));
  try {
    if (isRoot()) {
      const ids = execFileSync("id", ["-u", "postgres"]).toString().trim();
      const gid = execFileSync("id", ["-g", "postgres"]).toString().trim();
      chownSync(folder, Number(ids), Number(gid));
    }
    const data = join(folder, "data");
    runTool(
      bin,
      "initdb",
      ["-D", data, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--locale=C", "--no-sync"],
      folder,
    );
    // -F: no fsync (a throwaway cluster); -k: the socket stays in our folder.
    const serverOptions = `-h 127.0.0.1 -p ${port} -k ${folder} -F -c max_connections=40`;
    runTool(
      bin,
      "pg_ctl",
      ["-D", data, "-l", join(folder, "log"), "-o", serverOptions, "-w", "-t", "60", "start"],
      folder,
    );
  } catch (error) {
    rmSync(folder, { recursive: true, force: true });
    throw error;
  }
  return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, folder };
}

/** Stops a cluster (`pg_ctl -m fast stop`) and removes its folder. Never throws. */
export function stopPostgres(folder: string): void {
  const bin = findPostgresBin();
  const data = join(folder, "data");
  if (bin !== undefined && existsSync(join(data, "postmaster.pid"))) {
    try {
      runTool(bin, "pg_ctl", ["-D", data, "-m", "fast", "-w", "-t", "60", "stop"], folder);
    } catch {
      // already stopped, or gone: the folder is removed below either way
    }
  }
  rmSync(folder, { recursive: true, force: true });
}

/** The folder of the cluster started on the port of `url` by `startPostgres`. */
function folderOf(url: string): string | undefined {
  const port = /:(\d+)\//.exec(url)?.[1];
  if (port === undefined) return undefined;
  const name = readdirSync(tmpdir()).find((entry) => entry.startsWith(`${FOLDER_PREFIX}${port}-`));
  return name === undefined ? undefined : join(tmpdir(), name);
}

async function main(args: readonly string[]): Promise<number> {
  const [command, url] = args;
  if (command === "start") {
    try {
      const cluster = await startPostgres({ install: true });
      process.stdout.write(`${cluster.url}\n`);
      return 0;
    } catch (error) {
      process.stderr.write(`postgres: could not start a cluster: ${String(error)}\n`);
      return 1;
    }
  }
  if (command === "stop" && url !== undefined) {
    const folder = folderOf(url);
    if (folder !== undefined) stopPostgres(folder);
    return 0;
  }
  process.stderr.write("usage: tsx scripts/postgres.ts start | stop URL\n");
  return 2;
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.exitCode = await main(process.argv.slice(2));
}
