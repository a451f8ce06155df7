import { describe, expect, it } from "vitest";
import { readArguments } from "../../src/cli/args.js";
import { CliFailure } from "../../src/cli/failure.js";

/** The one line of a usage failure (exit 2). */
function usageLine(args: string[]): string {
  try {
    readArguments(args);
  } catch (error) {
    expect(error).toBeInstanceOf(CliFailure);
    expect((error as CliFailure).exitCode).toBe(2);
    expect((error as CliFailure).lines).toHaveLength(1);
    return (error as CliFailure).lines[0]!;
  }
  throw new Error("expected a usage failure");
}

describe("readArguments", () => {
  it("reads a command, its plan file and its flags", () => {
    expect(
      readArguments(["track", "plan.json", "--actuals", "a.csv", "--as-of=2024-06-30", "--strict"]),
    ).toEqual({
      kind: "run",
      command: "track",
      plan: "plan.json",
      flags: { actuals: "a.csv", "as-of": "2024-06-30", strict: true },
    });
  });

  it("reads a negative amount after a value flag as the value", () => {
    const invocation = readArguments([
      "replan",
      "plan.json",
      "--node",
      "E001",
      "--by",
      "-200万",
      "--from",
      "2024-07-01",
    ]);
    expect(invocation).toMatchObject({ flags: { node: "E001", by: "-200万" } });
  });

  it("reads --help and --version anywhere they make sense", () => {
    expect(readArguments(["--help"])).toEqual({ kind: "help", command: null });
    expect(readArguments(["help", "track"])).toEqual({ kind: "help", command: "track" });
    expect(readArguments(["build", "--help"])).toEqual({ kind: "help", command: "build" });
    expect(readArguments(["build", "-h"])).toEqual({ kind: "help", command: "build" });
    expect(readArguments(["--version"])).toEqual({ kind: "version" });
  });

  it("names the closest flag of the command for an unknown one", () => {
    expect(usageLine(["track", "p.json", "--asof", "2024-06-30"])).toBe(
      "targetree track: unknown flag --asof; did you mean --as-of? The flags of track are --actuals, --as-of, --format, --grain, --strict, --output, --help.",
    );
    expect(usageLine(["build", "p.json", "--strict"])).toContain("unknown flag --strict.");
  });

  it("refuses a flag given twice, a missing value, a value on a switch", () => {
    expect(usageLine(["build", "p.json", "--format", "md", "--format", "csv"])).toBe(
      "targetree build: --format is given twice; give it once.",
    );
    expect(usageLine(["build", "p.json", "--format"])).toContain("--format needs a value");
    expect(usageLine(["lint", "p.json", "--strict=yes"])).toContain("--strict is a switch");
  });

  it("wants exactly one plan file", () => {
    expect(usageLine(["build"])).toContain("no plan file given");
    expect(usageLine(["build", "a.json", "b.json"])).toContain("one plan file at a time, got 2");
  });

  it("names the closest command, and a flag before the command", () => {
    expect(usageLine(["lnit"])).toContain('unknown command "lnit"; did you mean "lint"?');
    expect(usageLine(["--verison"])).toContain(
      "unknown flag --verison before the command; did you mean --version?",
    );
  });
});
