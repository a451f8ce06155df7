// `targetree build PLAN.json [--format md|csv|json|html] [--grain GRAIN] [--output FILE]`: the plan,
// decomposed over the organisation and the periods.
import { renderPlan } from "../../index.js";
import { COMMANDS } from "../commands.js";
import { EXIT } from "../failure.js";
import type { CliIo } from "../io.js";
import { chooseFormat, grainFlag } from "../options.js";
import { progressBar } from "../progress.js";
import { planReport } from "../report/planReport.js";
import { vegaScripts } from "../vegaScripts.js";
import { emit, loadPlan, placing, type Run, warnProvisional } from "./shared.js";

/** Runs `build`; returns the exit code. */
export function build(invocation: Run, io: CliIo): number {
  const spec = COMMANDS.build;
  const format = chooseFormat(invocation, spec) as "md" | "csv" | "json" | "html";
  const grain = grainFlag(invocation, spec);
  const scripts = format === "html" ? vegaScripts(io, "build") : undefined;
  const progress = progressBar(io, 5);
  try {
    const { plan, file, built } = loadPlan(invocation, io, progress);
    progress.step("rendering");
    const text = placing(
      { command: "build", plan: file, built, flags: { options: { grain: "--grain" } } },
      () =>
        scripts !== undefined
          ? planReport(plan, scripts, grain)
          : renderPlan(plan, {
              format: format as "md" | "csv" | "json",
              ...(grain === undefined ? {} : { grain }),
            }),
    );
    progress.step("writing");
    progress.finish();
    warnProvisional(io, "build", format, plan.provisional, plan.provisionalYears);
    emit(invocation, io, text);
    return EXIT.done;
  } finally {
    progress.finish();
  }
}
