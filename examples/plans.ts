// The plan documents of examples/plans/, linted: the 日事清 plan as stated (its known
// contradictions), the same plan fixed (no errors), and a retailer's 2027 plan on a provisional
// calendar. The build, track and replan steps follow when the plan layer has them.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { type Finding, lintPlan } from "targetree";
import { heading, printTable } from "./_lib/table.js";

const dir = fileURLToPath(new URL("./plans/", import.meta.url));

function lintFile(file: string, title: string): Finding[] {
  heading(`${title} — lintPlan(examples/plans/${file})`);
  const findings = lintPlan(readFileSync(`${dir}${file}`, "utf8"));
  if (findings.length === 0) {
    console.log("No findings.");
    return findings;
  }
  printTable(
    ["severity", "code", "path"],
    findings.map((finding) => [
      finding.severity,
      finding.code,
      finding.path
        .map((part, i) => (typeof part === "number" ? `[${part}]` : i === 0 ? part : `.${part}`))
        .join(""),
    ]),
  );
  for (const finding of findings) {
    console.log(`\n${finding.severity.toUpperCase()} ${finding.code}: ${finding.message}`);
    for (const option of finding.fix) console.log(`  fix (${option.action}): ${option.message}`);
  }
  const errors = findings.filter((finding) => finding.severity === "error").length;
  const warnings = findings.filter((finding) => finding.severity === "warning").length;
  console.log(
    `\n${errors} error(s), ${warnings} warning(s), ${findings.length - errors - warnings} info.`,
  );
  return findings;
}

lintFile("rishiqing-2024.json", "日事清 2024, as the article states it");
lintFile("rishiqing-2024-fixed.json", "日事清 2024, each contradiction resolved");
lintFile("retail-2027.json", "连锁门店 2027, 20 stores on a provisional calendar");
