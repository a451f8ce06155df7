#!/usr/bin/env node
// The `targetree` bin. It imports nothing up front, so that an old Node or a broken install gives
// one line on stderr instead of a stack trace; the CLI itself loads after that check.
const major = Number(process.versions.node.split(".")[0]);
if (major < 20) {
  process.stderr.write(
    `targetree needs Node.js 20 or later; this is Node.js ${process.versions.node}. Install a newer Node.js and run again.\n`,
  );
  process.exitCode = 2;
} else {
  import("./node.js")
    .then(({ runInNode }) => runInNode())
    .catch((error: unknown) => {
      const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      process.stderr.write(
        `targetree: cannot start: ${text.split("\n")[0]} Reinstall the package (npm install) and run again.\n`,
      );
      process.exitCode = 2;
    });
}
