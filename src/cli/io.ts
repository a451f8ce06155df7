// The CLI's only contact with the world: files, stdout, stderr and the clock, passed in as one
// value so that tests run the commands in-process and the bin wires in the real ones.
import { usageFailure } from "./failure.js";

/** What the commands may touch. */
export interface CliIo {
  /** The bytes of a file; throws a Node error (ENOENT, EISDIR…) when it cannot be read. */
  readonly readFile: (path: string) => Uint8Array;
  /** Writes a whole file; throws a Node error when it cannot be written. */
  readonly writeFile: (path: string, text: string) => void;
  /** Writes to stdout. */
  readonly stdout: (text: string) => void;
  /** Writes to stderr. */
  readonly stderr: (text: string) => void;
  /** True when stderr is a terminal (a progress bar is shown only then). */
  readonly stderrIsTTY: boolean;
  /** The terminal's width in columns, when stderr is a terminal. */
  readonly stderrColumns?: number;
  /** Milliseconds from a fixed origin, for the progress bar. */
  readonly now: () => number;
}

const UTF8 = new TextDecoder("utf-8", { fatal: true });

/**
 * A text file, decoded as UTF-8 (a BOM is dropped). A file that cannot be read, or is not UTF-8
 * (a CSV saved as GBK by Excel), is exit 2 with one line that says what to do.
 */
export function readTextFile(io: CliIo, path: string, what: string): string {
  let bytes: Uint8Array;
  try {
    bytes = io.readFile(path);
  } catch (error) {
    throw usageFailure(`${path}: ${fileProblem(error, `the ${what}`)}`);
  }
  try {
    return UTF8.decode(bytes);
  } catch {
    throw usageFailure(
      `${path}: the ${what} is not UTF-8 text. Save it as UTF-8 (in Excel: "CSV UTF-8"; a GBK/ANSI file does not work) and run again.`,
    );
  }
}

/** Writes `text` to `path`, or fails with exit 2 and one line. */
export function writeTextFile(io: CliIo, path: string, text: string): void {
  try {
    io.writeFile(path, text);
  } catch (error) {
    throw usageFailure(`${path}: ${fileProblem(error, "the output")}`);
  }
}

/** A Node file-system error in words, with what to do. */
function fileProblem(error: unknown, what: string): string {
  const code = (error as { code?: unknown } | null)?.code;
  switch (code) {
    case "ENOENT":
      return `no such file. Check the path of ${what} (relative paths start from the current folder).`;
    case "EISDIR":
      return `is a folder, not a file. Give the path of ${what} itself.`;
    case "EACCES":
    case "EPERM":
      return `permission denied. Make ${what} readable (and its folder writable, for an output), or use another path.`;
    case "ENOTDIR":
      return `a part of the path is not a folder. Check the path of ${what}.`;
    default: {
      const message = error instanceof Error ? error.message : String(error);
      return `cannot be accessed (${message.split("\n")[0]}). Check the path of ${what}.`;
    }
  }
}
