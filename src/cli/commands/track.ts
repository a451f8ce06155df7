// `targetree track PLAN.json --actuals FILE --as-of YYYY-MM-DD [--format md|csv|json|html] [--grain
// GRAIN] [--strict] [--output FILE]`: every node against its target and time progress.
import { renderPlan, trackPlan } from "../../index.js";
import { readActualsFile } from "../actuals.js";
import { COMMANDS } from "../commands.js";
import { EXIT } from "../failure.js";
import type { CliIo } from "../io.js";
import { chooseFormat, dateFlag, grainFlag, requiredFlag, switchFlag } from "../options.js";
import { progressBar } from "../progress.js";
import { trackingReport } from "../report/planReport.js";
import { vegaScripts } from "../vegaScripts.js";
import { type ErrorSources, emit, loadPlan, placing, type Run, warnProvisional } from "./shared.js";

/** Runs `track`; returns the exit code. */
export function track(invocation: Run, io: CliIo): number {
  const spec = COMMANDS.track;
  const format = chooseFormat(invocation, spec) as "md" | "csv" | "json" | "html";
  const grain = grainFlag(invocation, spec);
  const scripts = format === "html" ? vegaScripts(io, "track") : undefined;
  const actualsPath = requiredFlag(invocation, spec, "actuals");
  const asOf = dateFlag(invocation, spec, "as-of");
  const strict = switchFlag(invocation, "strict");
  const progress = progressBar(io, 7);
  try {
    const { plan, file, built } = loadPlan(invocation, io, progress);
    progress.step("reading the actuals");
    const actuals = readActualsFile(io, actualsPath);
    const sources: ErrorSources = {
      command: "track",
      plan: file,
      built,
      actuals,
      flags: { options: { asOf: "--as-of", strict: "--strict", grain: "--grain" } },
    };
    progress.step("tracking");
    const tracking = placing(sources, () =>
      trackPlan(plan, actuals.rows as Parameters<typeof trackPlan>[1], { asOf, strict }),
    );
    progress.step("rendering");
    const text = placing(sources, () =>
      scripts !== undefined
        ? trackingReport(plan, tracking, scripts, grain)
        : renderPlan(tracking, {
            format: format as "md" | "csv" | "json",
            ...(grain === undefined ? {} : { grain }),
          }),
    );
    progress.step("writing");
    progress.finish();
    if (tracking.ignoredAfterAsOf > 0) {
      const count = tracking.ignoredAfterAsOf;
      io.stderr(
        `targetree track: warning: ${count} row${count === 1 ? "" : "s"} of ${actuals.path} ${count === 1 ? "is" : "are"} dated after ${asOf} and left out (--strict makes this an error).\n`,
      );
    }
    warnProvisional(io, "track", format, tracking.provisional, tracking.provisionalYears);
    emit(invocation, io, text);
    return EXIT.done;
  } finally {
    progress.finish();
  }
}
