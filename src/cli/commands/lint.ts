// `targetree lint PLAN.json [--format text|json] [--strict]`: the findings on stdout; exit 1 on an
// error (with --strict, on any warning).
import type { Invocation } from "../args.js";
import { COMMANDS } from "../commands.js";
import { CliFailure, EXIT } from "../failure.js";
import type { CliIo } from "../io.js";
import { chooseFormat, switchFlag } from "../options.js";
import {
  countFindings,
  findingLines,
  lintFile,
  readJsonFile,
  refuseTracking,
  resultKind,
} from "../planFile.js";

/** Runs `lint`; returns the exit code. */
export function lint(invocation: Extract<Invocation, { kind: "run" }>, io: CliIo): number {
  const spec = COMMANDS.lint;
  const format = chooseFormat(invocation, spec);
  const strict = switchFlag(invocation, "strict");
  const file = readJsonFile(io, invocation.plan, "plan document");
  refuseTracking(file, "lint");
  if (resultKind(file.value) === "plan") {
    throw new CliFailure(
      EXIT.usage,
      `${file.path}: this is a built plan (the JSON of targetree build), not a plan document; lint the document it was built from.`,
    );
  }
  const findings = lintFile(file);

  if (format === "json") io.stdout(`${JSON.stringify(findings, null, 2)}\n`);
  else {
    const lines = findings.flatMap((finding) => findingLines(finding, file));
    lines.push(
      findings.length === 0
        ? `${file.path}: no findings.`
        : `${file.path}: ${countFindings(findings)}.`,
    );
    io.stdout(`${lines.join("\n")}\n`);
  }
  const failing = findings.filter(
    (finding) => finding.severity === "error" || (strict && finding.severity === "warning"),
  );
  return failing.length > 0 ? EXIT.findings : EXIT.done;
}
