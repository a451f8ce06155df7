// The CLI as a function: arguments and an Io in, an exit code out. Every error is caught here and
// printed as lines on stderr; nothing escapes as a stack trace.
import { readArguments } from "./args.js";
import { build } from "./commands/build.js";
import { lint } from "./commands/lint.js";
import { replanCommand } from "./commands/replan.js";
import { track } from "./commands/track.js";
import { commandHelp, mainHelp } from "./commands.js";
import {
  bareMessage,
  CliFailure,
  EXIT,
  isLibraryError,
  oneLine,
  showPath,
  unexpectedLine,
} from "./failure.js";
import type { CliIo } from "./io.js";
import { packageVersion } from "./version.js";

/** Runs `targetree` with `args` (the words after the command name); returns the exit code. */
export function run(args: readonly string[], io: CliIo): number {
  try {
    const invocation = readArguments(args);
    switch (invocation.kind) {
      case "help":
        io.stdout(
          invocation.command === null
            ? mainHelp(packageVersion())
            : commandHelp(invocation.command),
        );
        return EXIT.done;
      case "version":
        io.stdout(`${packageVersion()}\n`);
        return EXIT.done;
      case "run":
        switch (invocation.command) {
          case "lint":
            return lint(invocation, io);
          case "build":
            return build(invocation, io);
          case "track":
            return track(invocation, io);
          case "replan":
            return replanCommand(invocation, io);
        }
    }
  } catch (error) {
    return report(error, io);
  }
}

/** Prints a failure as lines on stderr and gives its exit code. */
function report(error: unknown, io: CliIo): number {
  if (error instanceof CliFailure) {
    io.stderr(`${error.lines.join("\n")}\n`);
    return error.exitCode;
  }
  if (isLibraryError(error)) {
    // A library error no command placed in a file: bad input all the same.
    io.stderr(
      `targetree: ${error.code} at ${showPath(error.path)}: ${oneLine(bareMessage(error))}\n`,
    );
    return EXIT.usage;
  }
  io.stderr(`${unexpectedLine(error)}\n`);
  return EXIT.usage;
}
