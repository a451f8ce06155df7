// What build, track and replan share: the plan (built from its document after the lint gate, or
// read back from `build --format json`), library errors placed in the file they are about, the
// provisional-calendar warning, and the output (stdout or --output).
import { buildPlan, type Plan } from "../../index.js";
import type { ActualsFile } from "../actuals.js";
import type { Invocation } from "../args.js";
import { bareMessage, CliFailure, EXIT, isLibraryError, showPath } from "../failure.js";
import { type CliIo, writeTextFile } from "../io.js";
import { stringFlag } from "../options.js";
import {
  documentLines,
  type JsonFile,
  place,
  readJsonFile,
  refuseLintErrors,
  refuseTracking,
  resultKind,
} from "../planFile.js";
import type { Progress } from "../progress.js";

/** A `run` invocation. */
export type Run = Extract<Invocation, { kind: "run" }>;

/** Where a library error may point: the plan file, the actuals file, the flags. */
export interface ErrorSources {
  readonly command: string;
  readonly plan: JsonFile;
  /** True when the plan file holds a built plan (its paths are the Plan's, not a document's). */
  readonly built: boolean;
  readonly actuals?: ActualsFile;
  /** An error path's first part (`options`, `change`) → its key → the flag that gave it. */
  readonly flags?: Readonly<Record<string, Readonly<Record<string, string>>>>;
}

/** A library error as one line in the place it is about (a row, a document path, a flag). */
export function placedLines(error: unknown, sources: ErrorSources): CliFailure | null {
  if (!isLibraryError(error)) return null;
  const [first, second, third] = error.path;
  const message = bareMessage(error);
  const exit = error.code === "PLAN_HAS_ERRORS" ? EXIT.findings : EXIT.usage;
  if (first === "actuals" && sources.actuals !== undefined && typeof second === "number") {
    const actuals = sources.actuals;
    const field = typeof third === "string" || typeof third === "number" ? third : undefined;
    return new CliFailure(exit, [
      `${actuals.place(second, field)}: ${error.code} at ${actuals.describe(second, field)}: ${message}`,
    ]);
  }
  const flag =
    typeof first === "string" && typeof second === "string"
      ? sources.flags?.[first]?.[second]
      : undefined;
  if (flag !== undefined) {
    return new CliFailure(exit, [
      `targetree ${sources.command}: ${error.code} at ${flag}: ${message}`,
    ]);
  }
  if (first === "plan" && sources.built) {
    const inPlan = error.path.slice(1);
    return new CliFailure(exit, [
      `${place(sources.plan, inPlan)}: ${error.code} at ${showPath(inPlan)}: ${message}`,
    ]);
  }
  if (first === "plan" || sources.built) {
    return new CliFailure(exit, [
      `${sources.plan.path}: ${error.code} at ${showPath(error.path)}: ${message}`,
    ]);
  }
  return new CliFailure(exit, documentLines(error, sources.plan));
}

/** Runs `work`; a library error it throws becomes a CliFailure placed by `sources`. */
export function placing<T>(sources: ErrorSources, work: () => T): T {
  try {
    return work();
  } catch (error) {
    throw placedLines(error, sources) ?? error;
  }
}

/** The plan of a command: the document's, built after the lint gate, or a built plan read back. */
export function loadPlan(
  invocation: Run,
  io: CliIo,
  progress: Progress,
): { plan: Plan; file: JsonFile; built: boolean } {
  progress.step("reading the plan");
  const file = readJsonFile(io, invocation.plan, "plan document");
  refuseTracking(file, invocation.command);
  if (resultKind(file.value) === "plan") return { plan: file.value as Plan, file, built: true };
  progress.step("checking the plan");
  refuseLintErrors(file, invocation.command);
  progress.step("building the plan");
  const plan = placing({ command: invocation.command, plan: file, built: false }, () =>
    buildPlan(file.value),
  );
  return { plan, file, built: false };
}

/** The one warning line of a plan on a provisional calendar (CSV and Markdown; JSON says it itself). */
export function warnProvisional(
  io: CliIo,
  command: string,
  format: string,
  provisional: boolean,
  years: readonly number[],
): void {
  if (!provisional || format === "json") return;
  io.stderr(
    `targetree ${command}: warning: the plan is provisional: the working days of ${years.join(", ")} are computed, not from an official notice; build it again when the notice is published.\n`,
  );
}

/** Writes the result to --output (saying so on stderr) or to stdout. */
export function emit(invocation: Run, io: CliIo, text: string): void {
  const output = stringFlag(invocation, "output");
  if (output === undefined) {
    io.stdout(text);
    return;
  }
  writeTextFile(io, output, text);
  const lines = text.length === 0 ? 0 : text.split("\n").length - (text.endsWith("\n") ? 1 : 0);
  io.stderr(
    `targetree ${invocation.command}: wrote ${output} (${lines} line${lines === 1 ? "" : "s"}).\n`,
  );
}
