// `targetree replan PLAN.json --node NODE (--to AMOUNT | --by AMOUNT) --from YYYY-MM-DD [--format
// md|csv|json] [--output FILE]`: a node's new target from a day on; JSON prints { plan, diff }.
import { renderPlan, replan, toPlain } from "../../index.js";
import { COMMANDS } from "../commands.js";
import { EXIT, usageFailure } from "../failure.js";
import type { CliIo } from "../io.js";
import { chooseFormat, dateFlag, requiredFlag, stringFlag } from "../options.js";
import { progressBar } from "../progress.js";
import { emit, loadPlan, placing, type Run, warnProvisional } from "./shared.js";

/** Runs `replan`; returns the exit code. */
export function replanCommand(invocation: Run, io: CliIo): number {
  const spec = COMMANDS.replan;
  const format = chooseFormat(invocation, spec) as "md" | "csv" | "json";
  const node = requiredFlag(invocation, spec, "node");
  const to = stringFlag(invocation, "to");
  const by = stringFlag(invocation, "by");
  if ((to === undefined) === (by === undefined)) {
    throw usageFailure(
      `targetree replan: give exactly one of --to AMOUNT (the node's new target) and --by AMOUNT (a change, e.g. 500万 or -200万). Usage: targetree ${spec.usage}`,
    );
  }
  const from = dateFlag(invocation, spec, "from");
  const progress = progressBar(io, 6);
  try {
    const { plan, file, built } = loadPlan(invocation, io, progress);
    progress.step("replanning");
    const change = { node, from, ...(to === undefined ? { by: by! } : { to }) };
    const sources = {
      command: "replan",
      plan: file,
      built,
      flags: { change: { node: "--node", to: "--to", by: "--by", from: "--from" } },
    };
    const result = placing(sources, () => replan(plan, change));
    progress.step("rendering");
    const text =
      format === "json"
        ? `${JSON.stringify(toPlain(result), null, 2)}\n`
        : placing(sources, () => renderPlan(result.plan, { format }));
    progress.step("writing");
    progress.finish();
    const moved = result.diff.length;
    const listed = moved === 0 || format === "json" ? "" : " (--format json lists them)";
    io.stderr(
      `targetree replan: ${node} from ${from}: ${moved} cell${moved === 1 ? "" : "s"} moved${listed}.\n`,
    );
    warnProvisional(io, "replan", format, result.plan.provisional, result.plan.provisionalYears);
    emit(invocation, io, text);
    return EXIT.done;
  } finally {
    progress.finish();
  }
}
