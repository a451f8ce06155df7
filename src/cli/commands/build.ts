// `targetree build PLAN.json [--format md|csv|json] [--grain GRAIN] [--output FILE]`: the plan,
// decomposed over the organisation and the periods.
import { renderPlan } from "../../index.js";
import { COMMANDS } from "../commands.js";
import { EXIT } from "../failure.js";
import type { CliIo } from "../io.js";
import { chooseFormat, grainFlag } from "../options.js";
import { progressBar } from "../progress.js";
import { emit, loadPlan, placing, type Run, warnProvisional } from "./shared.js";

/** Runs `build`; returns the exit code. */
export function build(invocation: Run, io: CliIo): number {
  const spec = COMMANDS.build;
  const format = chooseFormat(invocation, spec) as "md" | "csv" | "json";
  const grain = grainFlag(invocation, spec);
  const progress = progressBar(io, 5);
  try {
    const { plan, file, built } = loadPlan(invocation, io, progress);
    progress.step("rendering");
    const text = placing(
      { command: "build", plan: file, built, flags: { options: { grain: "--grain" } } },
      () => renderPlan(plan, { format, ...(grain === undefined ? {} : { grain }) }),
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
